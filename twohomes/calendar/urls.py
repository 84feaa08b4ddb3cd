from django.urls import path

from . import feeds, views

urlpatterns = [
    path("f/<uuid:family_id>/calendar/", views.month, name="calendar_month"),
    path("f/<uuid:family_id>/calendar/week/", views.week, name="calendar_week"),
    path("f/<uuid:family_id>/calendar/agenda/", views.agenda, name="calendar_agenda"),
    path("f/<uuid:family_id>/calendar/feed/", feeds.feed_settings, name="feed_settings"),
    path("f/<uuid:family_id>/calendar/feed/new/", feeds.feed_create, name="feed_create"),
    path("f/<uuid:family_id>/calendar/feed/revoke/", feeds.feed_revoke, name="feed_revoke"),
    path("f/<uuid:family_id>/calendar/feed/reminders/", feeds.feed_reminders,
         name="feed_reminders"),
    path("feeds/<str:token>.ics", feeds.feed, name="calendar_feed"),
]
