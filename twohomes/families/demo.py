"""The invented demo family that `make run` seeds into an empty database.

Everyone here is made up. Running the seed twice changes nothing: the family is found
by its founder's email and left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_noop

from . import services
from .access import Cap, role_has
from .models import Child, Colour, Family, Membership, Pattern, Role

DEMO_PASSWORD = "demo-family-2026"  # noqa: S105  (invented demo people only)
DEMO_DOMAIN = "demo.twohomes.invalid"


@dataclass(frozen=True)
class DemoPerson:
    key: str
    name: str
    role: str
    description: str  # for whoever runs the seed: marked, translated when printed
    language: str = ""  # the one they chose under Account → Language ("": their browser's)

    @property
    def email(self) -> str:
        return f"{self.key}@{DEMO_DOMAIN}"


PEOPLE = [
    DemoPerson("maya", "Maya Rivera", Role.PARENT,
               gettext_noop("parent, lives at the Maple Street home")),
    DemoPerson("daniel", "Daniel Okafor", Role.PARENT,
               gettext_noop("parent, lives at the Harbor Road home; reads TwoHomes in "
                            "Spanish"), language="es"),
    DemoPerson("grace", "Grace Lindqvist", Role.PARTNER,
               gettext_noop("Daniel's wife (partner)")),
    DemoPerson("rosa", "Rosa Rivera", Role.RELATIVE,
               gettext_noop("Maya's sister, aunt of all four")),
    DemoPerson("helen", "Helen Barros", Role.PROFESSIONAL,
               gettext_noop("family mediator, access for 90 days")),
]
# (name, age in years, extra days past the birthday, colour, pattern)
CHILDREN = [
    ("Leo", 10, 41, Colour.BLUE, Pattern.SOLID),
    ("Amara", 7, 160, Colour.PURPLE, Pattern.STRIPES),
    ("Sofia", 5, 95, Colour.ORANGE, Pattern.DOTS),
    ("Theo", 4, 230, Colour.GREEN, Pattern.CHECKS),
]


@dataclass
class DemoResult:
    family: Family
    created: bool


def _birth_date(today: date, years: int, extra_days: int) -> date:
    anniversary = today - timedelta(days=extra_days)
    try:
        return anniversary.replace(year=anniversary.year - years)
    except ValueError:  # 29 February
        return anniversary.replace(year=anniversary.year - years, day=28)


def _user(person: DemoPerson) -> Any:
    User = get_user_model()  # noqa: N806  (the accounts app's model, not imported here)
    user = User.objects.filter(email=person.email).first()
    if user is None:
        user = User.objects.create_user(person.email, DEMO_PASSWORD, display_name=person.name,
                                        language=person.language)
    EmailAddress.objects.get_or_create(
        user=user, email=person.email, defaults={"verified": True, "primary": True}
    )
    return user


@transaction.atomic
def seed_demo_family(*, now: datetime) -> DemoResult:
    founder = _user(PEOPLE[0])
    existing = Membership.objects.filter(user=founder, family__name="Rivera-Okafor family").first()
    if existing is not None:
        return DemoResult(existing.family, created=False)
    family = services.create_family(
        user=founder, name="Rivera-Okafor family", timezone_name="America/New_York",
        country="US", subdivision="NY", currency="USD",
    )
    today = family.today(now)
    children = [
        Child.objects.create(family=family, name=name, colour=colour, pattern=pattern,
                             birth_date=_birth_date(today, years, extra))
        for name, years, extra, colour, pattern in CHILDREN
    ]
    for person in PEOPLE[1:]:
        user = _user(person)
        limited = role_has(person.role, Cap.TIME_LIMITED_ACCESS)
        expires = now + timedelta(days=90) if limited else None
        membership = Membership.objects.create(
            family=family, user=user, role=person.role, expires_at=expires
        )
        if not role_has(person.role, Cap.VIEW_ALL_CHILDREN):
            membership.linked_children.set(children)
        services.audit(family, user, "family.member.joined", services.JOINED, name=user.name,
                       role=Role(person.role))
    return DemoResult(family, created=True)
