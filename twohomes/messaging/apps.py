from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "twohomes.messaging"
    label = "messaging"
    verbose_name = "Messages"
