from django.urls import path

from . import views

urlpatterns = [
    path("accounts/name/", views.change_name, name="change_name"),
    path("accounts/language/", views.change_language, name="change_language"),
]
