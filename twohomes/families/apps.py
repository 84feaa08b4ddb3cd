from django.apps import AppConfig

from twohomes.areas import Area, MenuEntry

AREA = Area(
    menu=(
        MenuEntry("family_home", "Today", place="main", order=10, sections=("family_home",)),
        MenuEntry("members", "Members", order=60, cap="view_members"),
        MenuEntry("audit", "Audit list", order=70, cap="view_audit"),
        MenuEntry("family_settings", "Family settings", order=80, cap="edit_family"),
    ),
    record_kinds={
        "family.member.joined": "A person joined the family, in a role, under a name",
        "family.member.renamed": "A member changed the name the others see",
        "family.member.role_changed": "A parent changed a member's role or linked children",
        "family.member.removed": "A parent removed a member from the family",
        "family.member.left": "A member left the family",
    },
    urls="twohomes.families.urls",
)


class FamiliesConfig(AppConfig):
    name = "twohomes.families"
    label = "families"
    verbose_name = "Families"
    area = AREA
