from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "twohomes.records"
    label = "records"
    verbose_name = "Family record"
