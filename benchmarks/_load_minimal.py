"""The ceiling of the load benchmark: one Django view on the same stack as TwoHomes.

Django 5.2 under the same gunicorn and Python, with no middleware, no database and no
template: what a page costs before TwoHomes does anything. `benchmarks/load.py` serves it
with ``gunicorn --chdir benchmarks _load_minimal:application``.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY=secrets.token_urlsafe(50),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_TZ=True,
)

PAGE = "<!doctype html><title>TwoHomes</title><p>One view, nothing else.</p>\n"


def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE)


urlpatterns = [path("", page)]
application = get_wsgi_application()
