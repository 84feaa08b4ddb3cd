"""One-time form keys: a form sent twice (Back then Send, a retry after a lost answer) creates
its thing once, and the repeat is answered with where the first sending led.

Every form that creates something renders ``{% once_key %}`` (templatetags/once.py) next to
``{% csrf_token %}``. For a signed-in POST carrying the key, ``OnceMiddleware`` stores the
key and runs the view in the same transaction: the key is kept with the first answer when the
view succeeded (a redirect, or an HTMX answer that is not an error fragment) and released
otherwise, so a form with errors can be corrected and sent with the same key. A second request
with a kept key runs no view at all. Two requests with one key at the same moment serialise on
the key's unique constraint: the second waits for the first to commit, then gets its answer.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import timedelta

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twohomes.accounts.models import SubmissionKey, User
from twohomes.requests import is_same_site

FIELD = "once"
KEPT_FOR = timedelta(days=1)
ALREADY_SENT = _("This was already sent; nothing was sent twice.")
OUT_OF_DATE = _("This form is out of date and was not sent: reload the page, check what it "
                "shows and send the form again.")
_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")

GetResponse = Callable[[HttpRequest], HttpResponseBase]


def new_key() -> str:
    """A fresh key for one form (32 URL-safe characters)."""
    return secrets.token_urlsafe(24)


class OnceMiddleware:
    """Answers a repeated form with its first result; placed after authentication."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if request.method != "POST" or not isinstance(user, User) or FIELD not in request.POST:
            return self.get_response(request)
        key = request.POST[FIELD]
        if not _KEY.fullmatch(key):
            return HttpResponseBadRequest(str(OUT_OF_DATE),
                                          content_type="text/plain; charset=utf-8")
        return send_once(request, user, key, self.get_response)


def send_once(
    request: HttpRequest, user: User, key: str, get_response: GetResponse
) -> HttpResponseBase:
    """Runs the view for a key not seen before; answers a seen key with its first result."""
    now = timezone.now()
    # A key older than a day is forgotten (the worker's round removes everyone's).
    SubmissionKey.objects.filter(user=user, key=key, created_at__lt=now - KEPT_FOR).delete()
    with transaction.atomic():
        try:
            with transaction.atomic():
                row = SubmissionKey.objects.create(
                    user=user, key=key, path=request.path[:500], created_at=now)
        except IntegrityError:
            return _repeat(request, user, key)
        response = get_response(request)
        result = _result(request, response)
        if result is None:
            row.delete()
        else:
            row.result = result
            row.save(update_fields=["result"])
    return response


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _result(request: HttpRequest, response: HttpResponseBase) -> str | None:
    """Where a successful answer led, or None when the view did not succeed."""
    if 300 <= response.status_code < 400 and response.has_header("Location"):
        return str(response["Location"])
    if not _is_htmx(request) or not 200 <= response.status_code < 300:
        return None
    if response.has_header("HX-Redirect"):
        return str(response["HX-Redirect"])
    if response.has_header("HX-Retarget"):
        return None  # HTMX forms retarget their errors (the message composer does)
    page = request.headers.get("HX-Current-URL", "")
    return page if is_same_site(request, page) else "/"


def _repeat(request: HttpRequest, user: User, key: str) -> HttpResponse:
    first = SubmissionKey.objects.filter(user=user, key=key).first()
    result = first.result if first is not None else ""
    location = result if is_same_site(request, result) else "/"
    messages.info(request, ALREADY_SENT)
    if _is_htmx(request):
        response = HttpResponse(status=200)
        response["HX-Redirect"] = location
        return response
    return redirect(location)
