from django.apps import AppConfig
from django.utils.translation import gettext_lazy, gettext_noop, pgettext_lazy

from twohomes.areas import Area, HomePanel, Job, MenuEntry

AREA = Area(
    menu=(
        MenuEntry("calendar_month", pgettext_lazy("menu", "Calendar"), place="main", order=20,
                  sections=("calendar_", "feed_")),
    ),
    home_panels=(HomePanel("calendar/_panels/today.html",
                           context="twohomes.calendar.today.today_summary", order=10),),
    jobs=(Job("twohomes.calendar.reminders.reminders_tick", gettext_noop("every hour")),),
    urls="twohomes.calendar.urls",
)


class CalendarConfig(AppConfig):
    name = "twohomes.calendar"
    label = "family_calendar"
    verbose_name = gettext_lazy("Calendar")
    area = AREA
