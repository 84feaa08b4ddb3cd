from __future__ import annotations

import time
from collections.abc import Callable

from allauth.account.adapter import get_adapter
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext as _


class MemberLanguageMiddleware:
    """A signed-in member's chosen language wins over the one their browser asks for
    (which ``LocaleMiddleware`` has activated before this runs)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.offered = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        chosen = user.language if user is not None and user.is_authenticated else ""
        if chosen in self.offered:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)  # LocaleMiddleware names the language it answers in


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
                _("The address contains a control character (such as a NUL byte) that "
                  "cannot be searched for; remove it and try again."),
                content_type="text/plain; charset=utf-8")
        return self.get_response(request)


ACTIVITY_EVERY = 60  # seconds between two notes of a session's activity
_ACTIVITY_KEY = "twohomes_activity"


class SessionActivityMiddleware:
    """The sessions list's "last seen", noted at most once a minute per session.

    django-allauth's own middleware writes the session's row (a transaction) on every
    signed-in request; the list shows minutes, so once a minute is as true and far cheaper.
    A change of address or browser is noted at once (the list shows both)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        self._note(request)
        return self.get_response(request)

    @staticmethod
    def _note(request: HttpRequest) -> None:
        user, session = getattr(request, "user", None), getattr(request, "session", None)
        if user is None or session is None or not user.is_authenticated \
                or not session.session_key:
            return
        client = [get_adapter(request).get_client_ip(request),
                  request.META.get("HTTP_USER_AGENT", "")[:200]]
        now = time.time()
        last = session.get(_ACTIVITY_KEY)
        if last is not None and last[1:] == client and now - last[0] < ACTIVITY_EVERY:
            return
        UserSession.objects.create_from_request(request, user=user, session=session)
        session[_ACTIVITY_KEY] = [now, *client]
