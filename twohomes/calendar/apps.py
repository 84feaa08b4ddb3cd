from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "twohomes.calendar"
    label = "family_calendar"
    verbose_name = "Calendar"
