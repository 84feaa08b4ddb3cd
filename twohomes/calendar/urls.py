from django.urls import path

from . import feeds, views

urlpatterns = [
    path("f/<uuid:family_id>/calendar/", views.month, name="calendar_month"),
    path("f/<uuid:family_id>/calendar/week/", views.week, name="calendar_week"),
    path("f/<uuid:family_id>/calendar/agenda/", views.agenda, name="calendar_agenda"),
    path("f/<uuid:family_id>/calendar/feed/", feeds.feed_settings, name="feed_settings"),
    path("feeds/<str:token>.ics", feeds.feed, name="calendar_feed"),
]
