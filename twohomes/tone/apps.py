from django.apps import AppConfig
from django.utils.translation import gettext_lazy, pgettext_lazy

from twohomes.areas import Area, MenuEntry

AREA = Area(
    menu=(
        MenuEntry("tone_settings", pgettext_lazy("menu", "Tone help"), order=70,
                  cap="check_tone"),
    ),
    urls="twohomes.tone.urls",
)


class ToneConfig(AppConfig):
    name = "twohomes.tone"
    label = "tone"
    verbose_name = gettext_lazy("Tone help")
    area = AREA
