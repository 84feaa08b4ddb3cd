from django.urls import path

from . import views

urlpatterns = [
    path("f/<uuid:family_id>/tone/check/", views.check, name="tone_check"),
    path("f/<uuid:family_id>/tone/", views.tone_settings, name="tone_settings"),
]
