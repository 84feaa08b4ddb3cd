from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from twohomes.areas import Area

# Reached from the messages list and each composer, not from the menu (it is a setting).
AREA = Area(urls="twohomes.tone.urls")


class ToneConfig(AppConfig):
    name = "twohomes.tone"
    label = "tone"
    verbose_name = gettext_lazy("Tone help")
    area = AREA
