from django.urls import path

from . import views

urlpatterns = [
    path("f/<uuid:family_id>/messages/", views.thread_list, name="thread_list"),
    path("f/<uuid:family_id>/messages/new/", views.new_thread, name="new_thread"),
    path("f/<uuid:family_id>/messages/notifications/", views.preferences,
         name="message_preferences"),
    path("f/<uuid:family_id>/messages/<int:thread_id>/", views.thread_detail,
         name="thread_detail"),
    path("f/<uuid:family_id>/messages/<int:thread_id>/send/", views.send, name="send_message"),
    path("f/<uuid:family_id>/messages/<int:thread_id>/waiting/edit/", views.edit_waiting,
         name="held_edit"),
    path("f/<uuid:family_id>/messages/<int:thread_id>/waiting/withdraw/",
         views.withdraw_waiting, name="held_withdraw"),
    path("f/<uuid:family_id>/messages/tone/", views.tone_trend, name="tone_trend"),
    path("f/<uuid:family_id>/messages/waiting/edit/", views.edit_waiting_conversation,
         name="held_thread_edit"),
    path("f/<uuid:family_id>/messages/waiting/withdraw/", views.withdraw_waiting_conversation,
         name="held_thread_withdraw"),
    path("f/<uuid:family_id>/messages/<int:thread_id>/members/", views.add_member,
         name="add_thread_member"),
    path("f/<uuid:family_id>/attachments/<int:attachment_id>/", views.attachment,
         name="attachment"),
    path("f/<uuid:family_id>/record/export/", views.export, name="export_record"),
]
