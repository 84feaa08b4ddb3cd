"""The audit list speaks each parent's language: its lines are kept as data (an English
sentence marked for translation and what fills it), so Daniel reads in Spanish what Maya
reads in English. Names and addresses stay as written. The Spanish is written by hand."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from twohomes.families.access import PAGE_WORDS
from twohomes.families.audit import Said, audit_line
from twohomes.families.models import AuditEvent, Role
from twohomes.families.services import invite_member


def _lines(client: Any, world: Any) -> str:
    return client.get(reverse("audit", args=[world.family.pk])).content.decode()


def test_each_parent_reads_the_audit_list_in_their_language(world: Any, login: Any) -> None:
    invite_member(actor=world.parent_a, email="abuela@example.org", role=Role.RELATIVE,
                  children=[world.linked_child], base_url="https://twohomes.example",
                  now=timezone.now())
    audit_line(world.family, world.professional.user, "family.professional.viewed",
               "%(name)s (professional) %(did)s.", name="Mona",
               did=Said(PAGE_WORDS["members"])).save()
    english = _lines(login(world.parent_a), world)
    assert "Alice invited abuela@example.org as relative." in english
    assert "Mona (professional) looked at the members." in english
    world.parent_b.user.language = "es"
    world.parent_b.user.save(update_fields=["language"])
    spanish = _lines(login(world.parent_b), world)
    assert "Alice invitó a abuela@example.org como familiar." in spanish
    assert "Mona (profesional) vio la lista de miembros." in spanish
    assert "invited" not in spanish


def test_the_english_line_is_kept_and_shown_for_lines_from_before(world: Any) -> None:
    line = audit_line(world.family, None, "family.member.left",
                      "%(name)s (%(role)s) left the family.", name="Pat", role=Role.PARTNER)
    assert line.summary == "Pat (partner) left the family."
    old = AuditEvent(family=world.family, action="family.member.left",
                     summary="Pat (partner) left the family.")  # stored before the words
    assert old.in_words == "Pat (partner) left the family."
