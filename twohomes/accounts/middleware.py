from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class NoStoreMiddleware:
    """Signed-in pages are never kept in a shared computer's cache or back-button history."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store, private"
        return response


# NUL cannot be stored or compared in PostgreSQL text, and no person types a C0 control into
# an address; forms refuse NUL field by field (Django's own validator) with the form's errors.
_QUERY_FORBIDDEN = frozenset(chr(code) for code in range(32)) | {"\x7f"}


class ControlCharacterMiddleware:
    """Refuses, for every URL at once, a query string holding a control character."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        texts = (text for key, values in request.GET.lists() for text in (key, *values))
        if any(not _QUERY_FORBIDDEN.isdisjoint(text) for text in texts):
            return HttpResponseBadRequest(
                "The address contains a control character (such as a NUL byte) that cannot "
                "be searched for; remove it and try again.",
                content_type="text/plain; charset=utf-8")
        return self.get_response(request)
