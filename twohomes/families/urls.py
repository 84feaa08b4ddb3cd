from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("families/new/", views.create_family, name="create_family"),
    path("families/subdivisions/", views.subdivision_options, name="subdivision_options"),
    path("invite/<str:token>/", views.invitation, name="invitation"),
    path("f/<uuid:family_id>/", views.family_home, name="family_home"),
    path("f/<uuid:family_id>/settings/", views.family_settings, name="family_settings"),
    path("f/<uuid:family_id>/children/new/", views.add_child, name="add_child"),
    path("f/<uuid:family_id>/children/<int:child_id>/", views.edit_child, name="edit_child"),
    path("f/<uuid:family_id>/members/", views.members, name="members"),
    path("f/<uuid:family_id>/members/invite/", views.invite, name="invite"),
    path("f/<uuid:family_id>/members/<int:member_id>/", views.edit_member, name="edit_member"),
    path("f/<uuid:family_id>/members/<int:member_id>/remove/", views.remove_member,
         name="remove_member"),
    path("f/<uuid:family_id>/invitations/<int:invitation_id>/revoke/", views.revoke_invitation,
         name="revoke_invitation"),
    path("f/<uuid:family_id>/leave/", views.leave, name="leave_family"),
    path("f/<uuid:family_id>/audit/", views.audit_list, name="audit"),
]
