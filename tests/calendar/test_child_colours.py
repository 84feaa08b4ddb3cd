"""A new child gets a calendar colour and pattern that none of its siblings has."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from tests.factories import ChildFactory, FamilyFactory
from twohomes.families import services
from twohomes.families.models import Child


def _add(world: Any, name: str, **choices: str) -> Child:
    return services.add_child(actor=world.parent_a, name=name, birth_date=date(2020, 3, 1),
                              **choices)


def test_a_new_child_gets_the_first_colour_and_pattern_no_sibling_has(world: Any) -> None:
    # Ada and Ben were made teal and solid (the model's defaults).
    third = _add(world, "Cara")
    assert (third.colour, third.pattern) == ("orange", "stripes")
    fourth = _add(world, "Dev")
    assert (fourth.colour, fourth.pattern) == ("purple", "dots")
    Child.objects.filter(pk=world.unlinked_child.pk).update(colour="green", pattern="checks")
    fifth = _add(world, "Eli")  # teal (Ada), orange, purple, green taken; blue is free
    assert (fifth.colour, fifth.pattern) == ("blue", "waves")


def test_when_every_colour_is_taken_the_least_used_comes_first(world: Any) -> None:
    palette = ["orange", "purple", "green", "blue", "red", "gold", "grey"]
    for n, colour in enumerate(palette):  # with Ada and Ben (teal): teal twice, others once
        ChildFactory(family=world.family, name=f"Kid{n}", colour=colour, pattern="solid")
    child = _add(world, "Zed")
    assert child.colour == "orange"
    # Patterns: solid nine times, the four others never: stripes first.
    assert child.pattern == "stripes"


def test_a_colour_the_parent_chose_is_kept(world: Any) -> None:
    child = _add(world, "Cara", colour="teal", pattern="solid")
    assert (child.colour, child.pattern) == ("teal", "solid")


def test_another_familys_children_do_not_count(world: Any) -> None:
    family = FamilyFactory(name="New family")
    assert services.free_colour(family) == "teal" and services.free_pattern(family) == "solid"
    ChildFactory(family=family, name="Only", colour="red", pattern="waves")
    assert services.free_colour(family) == "teal" and services.free_pattern(family) == "solid"


def test_the_add_a_child_page_offers_a_colour_no_sibling_has(world: Any, client: Any) -> None:
    client.force_login(world.parent_a.user)
    url = reverse("add_child", args=[world.family.pk])
    page = client.get(url).content.decode()
    assert '<option value="orange" selected>Orange</option>' in page
    assert '<option value="stripes" selected>Stripes</option>' in page
    assert '<option value="teal" selected>' not in page
    edit = client.get(reverse("edit_child", args=[world.family.pk, world.linked_child.pk]))
    assert '<option value="teal" selected>Teal</option>' in edit.content.decode()  # unchanged
