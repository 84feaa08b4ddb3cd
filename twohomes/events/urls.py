from django.urls import path

from . import views

urlpatterns = [
    path("f/<uuid:family_id>/events/", views.event_list, name="event_list"),
    path("f/<uuid:family_id>/events/new/", views.event_new, name="event_new"),
    path("f/<uuid:family_id>/events/<int:event_id>/", views.event_detail, name="event_detail"),
    path("f/<uuid:family_id>/events/<int:event_id>/edit/", views.event_edit, name="event_edit"),
    path("f/<uuid:family_id>/events/<int:event_id>/cancel/", views.event_cancel,
         name="event_cancel"),
    path("f/<uuid:family_id>/events/<int:event_id>/skip/", views.event_skip,
         name="event_skip"),
    path("f/<uuid:family_id>/events/<int:event_id>/invite/", views.event_invite,
         name="event_invite"),
    path("f/<uuid:family_id>/events/<int:event_id>/reply/", views.event_reply,
         name="event_reply"),
]
