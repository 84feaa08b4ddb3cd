from django.apps import AppConfig

from twohomes.areas import Area, MenuEntry

AREA = Area(
    menu=(MenuEntry("event_list", "Events", order=50),),
    demo="twohomes.events.demo.seed_demo_events",
    record_kinds={
        "calendar.event.created": "A parent added an event",
        "calendar.event.changed": "A parent changed an event",
        "calendar.event.cancelled": "A parent cancelled an event",
        "calendar.event.occurrence_cancelled": "A parent cancelled one day of a repeating "
                                               "event",
        "calendar.event.invited": "A parent invited someone to an event",
        "calendar.event.replied": "An invited person answered",
    },
    urls="twohomes.events.urls",
)


class EventsConfig(AppConfig):
    name = "twohomes.events"
    label = "events"
    verbose_name = "Events"
    area = AREA
