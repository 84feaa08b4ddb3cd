from django.apps import AppConfig
from django.utils.translation import gettext_lazy, gettext_noop, pgettext_lazy

from twohomes.areas import Area, Job, MenuEntry

AREA = Area(
    menu=(
        MenuEntry("thread_list", pgettext_lazy("menu", "Messages"), place="main", order=30,
                  sections=("thread_", "new_thread", "message_"),
                  badge="twohomes.messaging.selectors.unread_count",
                  badge_words=pgettext_lazy("messages", "unread")),
        MenuEntry("tone_trend", pgettext_lazy("menu", "Tone over time"), order=35,
                  cap="view_tone_trend", sections=("tone_trend",)),
    ),
    jobs=(Job("twohomes.messaging.tasks.held_messages_tick", gettext_noop("every minute")),),
    demo="twohomes.messaging.demo.seed_demo_messages",
    record_kinds={
        "messaging.thread.started": gettext_lazy("A conversation was started, with its subject"),
        "messaging.thread.member_added": gettext_lazy("A parent added someone to a "
                                                       "conversation"),
        "messaging.message.sent": gettext_lazy("A message was sent, with its words"),
        "messaging.attachment.added": gettext_lazy("A file was sent with a message"),
        "messaging.message.viewed": gettext_lazy("A member first opened a message"),
    },
    append_only_tables=("messaging_message", "messaging_receipt"),
    urls="twohomes.messaging.urls",
)


class MessagingConfig(AppConfig):
    name = "twohomes.messaging"
    label = "messaging"
    verbose_name = gettext_lazy("Messages")
    area = AREA
