from django.apps import AppConfig
from django.utils.translation import gettext_lazy, gettext_noop, pgettext_lazy

from twohomes.areas import Area, Job, MenuEntry

AREA = Area(
    menu=(
        MenuEntry("swap_list", pgettext_lazy("menu", "Changes"), place="main", order=40,
                  cap="view_plans", sections=("swap_",),
                  badge="twohomes.schedules.services.waiting_count",
                  badge_words=gettext_lazy("waiting for your answer")),
        MenuEntry("plan_list", pgettext_lazy("menu", "Parenting plans"), order=45,
                  cap="view_plans"),
    ),
    demo="twohomes.schedules.demo.seed_demo_plan",
    jobs=(Job("twohomes.schedules.tasks.expiry_tick", gettext_noop("every 15 minutes")),),
    record_kinds={
        "schedules.plan.proposed": gettext_lazy("A parent proposed a parenting plan"),
        "schedules.plan.agreed": gettext_lazy("A parent agreed to a proposed plan"),
        "schedules.plan.declined": gettext_lazy("A parent declined a proposed plan, saying why"),
        "schedules.plan.in_force": gettext_lazy("A plan every parent agreed to was put in force"),
        "schedules.plan.expired": gettext_lazy("A proposed plan's start day passed before every "
                                               "parent agreed"),
        "schedules.swap.requested": gettext_lazy("A parent asked for a change to the schedule"),
        "schedules.swap.accepted": gettext_lazy("The other parent accepted a change"),
        "schedules.swap.declined": gettext_lazy("The other parent declined a change"),
        "schedules.swap.countered": gettext_lazy("The other parent answered a change with "
                                                 "another time"),
        "schedules.swap.withdrawn": gettext_lazy("A parent withdrew their request for a change"),
        "schedules.swap.expired": gettext_lazy("A request for a change was not answered in time"),
    },
    urls="twohomes.schedules.urls",
)


class SchedulesConfig(AppConfig):
    name = "twohomes.schedules"
    label = "schedules"
    verbose_name = gettext_lazy("Parenting plans and swaps")
    area = AREA
