"""factory_boy factories for Django-side tests (bulk data; fixtures live in conftest)."""

from __future__ import annotations

from datetime import date

import factory
from allauth.account.models import EmailAddress

from twohomes.accounts.models import User
from twohomes.families.models import Child, Family, Membership, Role

TEST_PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("first_name")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified(self, create: bool, extracted: object, **kwargs: object) -> None:
        self.save()
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class FamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Family

    name = factory.Sequence(lambda n: f"Family {n}")
    timezone = "Europe/London"
    country = "GB"
    subdivision = "ENG"
    currency = "GBP"


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    family = factory.SubFactory(FamilyFactory)
    name = factory.Sequence(lambda n: f"Child{n}")
    birth_date = date(2018, 5, 17)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    family = factory.SubFactory(FamilyFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.PARENT
