from django.urls import include, path

from twohomes.areas import url_modules

urlpatterns = [
    path("", include("twohomes.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    # Every area's pages, as each declares them (twohomes/areas.py).
    *(path("", include(module)) for module in url_modules()),
]
