from django.apps import AppConfig


class SchedulesConfig(AppConfig):
    name = "twohomes.schedules"
    label = "schedules"
    verbose_name = "Parenting plans and swaps"
