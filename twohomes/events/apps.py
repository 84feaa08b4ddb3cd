from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "twohomes.events"
    label = "events"
    verbose_name = "Events"
