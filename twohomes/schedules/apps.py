from django.apps import AppConfig

from twohomes.areas import Area, Job, MenuEntry

AREA = Area(
    menu=(
        MenuEntry("swap_list", "Changes", place="main", order=40, cap="view_plans",
                  sections=("swap_",), badge="twohomes.schedules.services.waiting_count",
                  badge_words="waiting for your answer"),
        MenuEntry("plan_list", "Parenting plans", order=45, cap="view_plans"),
    ),
    demo="twohomes.schedules.demo.seed_demo_plan",
    jobs=(Job("twohomes.schedules.tasks.expiry_tick", "every 15 minutes"),),
    record_kinds={
        "schedules.plan.proposed": "A parent proposed a parenting plan",
        "schedules.plan.agreed": "A parent agreed to a proposed plan",
        "schedules.plan.declined": "A parent declined a proposed plan, saying why",
        "schedules.plan.in_force": "A plan every parent agreed to was put in force",
        "schedules.plan.expired": "A proposed plan's start day passed before every parent "
                                  "agreed",
        "schedules.swap.requested": "A parent asked for a change to the schedule",
        "schedules.swap.accepted": "The other parent accepted a change",
        "schedules.swap.declined": "The other parent declined a change",
        "schedules.swap.countered": "The other parent answered a change with another time",
        "schedules.swap.withdrawn": "A parent withdrew their request for a change",
        "schedules.swap.expired": "A request for a change was not answered in time",
    },
    urls="twohomes.schedules.urls",
)


class SchedulesConfig(AppConfig):
    name = "twohomes.schedules"
    label = "schedules"
    verbose_name = "Parenting plans and swaps"
    area = AREA
