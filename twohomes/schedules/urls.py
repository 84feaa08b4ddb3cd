from django.urls import path

from . import views

urlpatterns = [
    path("f/<uuid:family_id>/plans/", views.plan_list, name="plan_list"),
    path("f/<uuid:family_id>/plans/new/", views.plan_new, name="plan_new"),
    path("f/<uuid:family_id>/plans/propose/", views.plan_propose, name="plan_propose"),
    path("f/<uuid:family_id>/plans/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("f/<uuid:family_id>/plans/<int:plan_id>/decide/", views.plan_decide,
         name="plan_decide"),
    path("f/<uuid:family_id>/swaps/", views.swap_list, name="swap_list"),
    path("f/<uuid:family_id>/swaps/new/", views.swap_new, name="swap_new"),
    path("f/<uuid:family_id>/swaps/<int:swap_id>/", views.swap_detail, name="swap_detail"),
    path("f/<uuid:family_id>/swaps/<int:swap_id>/answer/", views.swap_answer,
         name="swap_answer"),
    path("f/<uuid:family_id>/swaps/<int:swap_id>/counter/", views.swap_counter,
         name="swap_counter"),
]
