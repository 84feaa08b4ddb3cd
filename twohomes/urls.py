from django.urls import include, path

urlpatterns = [
    path("", include("twohomes.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("twohomes.families.urls")),
    path("", include("twohomes.messaging.urls")),
    path("", include("twohomes.schedules.urls")),
    path("", include("twohomes.calendar.urls")),
    path("", include("twohomes.events.urls")),
]
