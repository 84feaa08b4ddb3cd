from django.apps import AppConfig
from django.utils.translation import gettext_lazy, pgettext_lazy

from twohomes.areas import Area, MenuEntry

AREA = Area(
    menu=(MenuEntry("event_list", pgettext_lazy("menu", "Events"), order=50),),
    demo="twohomes.events.demo.seed_demo_events",
    record_kinds={
        "calendar.event.created": gettext_lazy("A parent added an event"),
        "calendar.event.changed": gettext_lazy("A parent changed an event"),
        "calendar.event.cancelled": gettext_lazy("A parent cancelled an event"),
        "calendar.event.occurrence_cancelled": gettext_lazy("A parent cancelled one day of a "
                                                            "repeating event"),
        "calendar.event.invited": gettext_lazy("A parent invited someone to an event"),
        "calendar.event.replied": gettext_lazy("An invited person answered"),
    },
    urls="twohomes.events.urls",
)


class EventsConfig(AppConfig):
    name = "twohomes.events"
    label = "events"
    verbose_name = gettext_lazy("Events")
    area = AREA
