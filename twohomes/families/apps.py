from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from twohomes.areas import Area, MenuEntry

AREA = Area(
    menu=(
        MenuEntry("family_home", pgettext_lazy("menu", "Today"), place="main", order=10,
                  sections=("family_home",)),
        MenuEntry("members", _("Members"), order=60, cap="view_members"),
        MenuEntry("audit", _("Audit list"), order=70, cap="view_audit"),
        MenuEntry("family_settings", _("Family settings"), order=80, cap="edit_family"),
    ),
    record_kinds={
        "family.member.joined": _("A person joined the family, in a role, under a name"),
        "family.member.renamed": _("A member changed the name the others see"),
        "family.member.role_changed": _("A parent changed a member's role or linked children"),
        "family.member.removed": _("A parent removed a member from the family"),
        "family.member.left": _("A member left the family"),
    },
    urls="twohomes.families.urls",
)


class FamiliesConfig(AppConfig):
    name = "twohomes.families"
    label = "families"
    verbose_name = _("Families")
    area = AREA
