from django.apps import AppConfig

from twohomes.areas import Area, MenuEntry

AREA = Area(
    menu=(
        MenuEntry("thread_list", "Messages", place="main", order=30,
                  sections=("thread_", "new_thread", "message_"),
                  badge="twohomes.messaging.selectors.unread_count", badge_words="unread"),
    ),
    demo="twohomes.messaging.demo.seed_demo_messages",
    record_kinds={
        "messaging.thread.started": "A conversation was started, with its subject",
        "messaging.thread.member_added": "A parent added someone to a conversation",
        "messaging.message.sent": "A message was sent, with its words",
        "messaging.attachment.added": "A file was sent with a message",
        "messaging.message.viewed": "A member first opened a message",
    },
    append_only_tables=("messaging_message", "messaging_receipt"),
    urls="twohomes.messaging.urls",
)


class MessagingConfig(AppConfig):
    name = "twohomes.messaging"
    label = "messaging"
    verbose_name = "Messages"
    area = AREA
