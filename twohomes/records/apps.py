from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class RecordsConfig(AppConfig):
    name = "twohomes.records"
    label = "records"
    verbose_name = gettext_lazy("Family record")
