"""The request type of TwoHomes' views, for the type checker."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware (every request here does)."""

    htmx: HtmxDetails


def is_same_site(request: HttpRequest, url: str) -> bool:
    """Whether ``url`` is a page of this site (relative, or on the request's own host), so
    that sending the person there after a form cannot lead them elsewhere."""
    return bool(url) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure())
