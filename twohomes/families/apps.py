from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    name = "twohomes.families"
    label = "families"
    verbose_name = "Families"
