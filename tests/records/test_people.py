"""An export names the people its entries name, from the record's own member entries."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.utils import timezone

from twohomes import records
from twohomes.core.ledger import verify_bundle
from twohomes.records import services


def _export(family: Any, scope: services.ExportScope | None = None) -> bytes:
    out = io.BytesIO()
    services.export_bundle(family, out, scope=scope or services.ExportScope(),
                           now=timezone.now())
    return out.getvalue()


def _replace(bundle: bytes, name: str, old: bytes, new: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(bundle))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for member in source.namelist():
            data = source.read(member)
            if member == name:
                assert old in data
                data = data.replace(old, new)
            target.writestr(member, data)
    return out.getvalue()


@pytest.fixture
def renamed(world: Any) -> Any:
    """Alice joins as "Dan O.", Bruno joins, Alice writes, then her name becomes Daniel's."""
    family, a, b = world.family, world.parent_a, world.parent_b
    records.append(family, "family.member.joined", a,
                   {"member": f"member-{a.pk}", "role": "parent", "name": "Dan O."})
    records.append(family, "family.member.joined", b,
                   {"member": f"member-{b.pk}", "role": "parent", "name": "Bruno"})
    records.append(family, "messaging.message.sent", a, {"body": "Pick-up at 5?"})
    entry = services.record_rename(a, "Daniel Okafor")
    assert entry.kind == "family.member.renamed" and entry.actor == f"member-{a.pk}"
    return world


def test_the_bundle_lists_people_with_their_latest_name(renamed: Any) -> None:
    a, b = renamed.parent_a.pk, renamed.parent_b.pk
    bundle = zipfile.ZipFile(io.BytesIO(_export(renamed.family)))
    assert json.loads(bundle.read("people.json")) == {"people": [
        {"member": f"member-{a}", "name": "Daniel Okafor", "formerly": ["Dan O."]},
        {"member": f"member-{b}", "name": "Bruno", "formerly": []},
    ]}
    readme = bundle.read("README.txt").decode()
    assert f"    member-{a} Daniel Okafor, formerly Dan O.\n    member-{b} Bruno\n" in readme


def test_the_verifier_shows_names_not_only_ids(renamed: Any) -> None:
    a = renamed.parent_a.pk
    verdict = verify_bundle(io.BytesIO(_export(renamed.family)))
    assert verdict.ok, verdict.render()
    assert [p.line() for p in verdict.people] == [
        f"member-{a} Daniel Okafor, formerly Dan O.", f"member-{renamed.parent_b.pk} Bruno"]
    assert f"    member-{a} Daniel Okafor, formerly Dan O.\n" in verdict.render()


def test_a_changed_name_fails_and_is_not_shown(renamed: Any) -> None:
    bundle = _replace(_export(renamed.family), "contents.jsonl", b"Daniel Okafor", b"Someone")
    verdict = verify_bundle(io.BytesIO(bundle))
    assert not verdict.ok
    assert "entry.commitment" in verdict.codes
    assert "Someone" not in verdict.render()  # a name whose entry fails is never shown
    assert f"member-{renamed.parent_a.pk} Dan O." in verdict.render()
    assert "people.list" in verdict.codes  # people.json no longer matches what verified


def test_a_people_list_that_disagrees_with_the_entries_fails(renamed: Any) -> None:
    bundle = _replace(_export(renamed.family), "people.json", b'"Bruno"', b'"Brian"')
    verdict = verify_bundle(io.BytesIO(bundle))
    assert not verdict.ok and verdict.codes == {"people.list"}
    assert f"member-{renamed.parent_b.pk} Bruno" in verdict.render()


def test_a_partial_export_holds_the_entries_naming_its_authors(renamed: Any) -> None:
    # Only the message (entry 2): Alice's joining and renaming come with it, Bruno's not.
    bundle = _export(renamed.family, services.ExportScope(seqs=frozenset({2}), description="m"))
    verdict = verify_bundle(io.BytesIO(bundle))
    assert verdict.ok, verdict.render()
    assert json.loads(zipfile.ZipFile(io.BytesIO(bundle)).read("manifest.json"))["entries"] == 3
    assert [p.line() for p in verdict.people] == [
        f"member-{renamed.parent_a.pk} Daniel Okafor, formerly Dan O."]


def test_without_member_entries_there_is_no_people_list(world: Any) -> None:
    records.append(world.family, "messaging.message.sent", world.parent_a, {"body": "Hi"})
    bundle = _export(world.family)
    assert "people.json" not in zipfile.ZipFile(io.BytesIO(bundle)).namelist()
    verdict = verify_bundle(io.BytesIO(bundle))
    assert verdict.ok and verdict.people == []
    assert "    (none in this export)\n" in zipfile.ZipFile(io.BytesIO(bundle)).read(
        "README.txt").decode()


def test_a_name_with_control_characters_reaches_no_terminal_as_such() -> None:
    from twohomes.core.ledger import Person

    person = Person("member-7", ("Eve\x1b[2J", "Eve\nVERDICT: VALID"))
    assert person.line() == "member-7 Eve\ufffdVERDICT: VALID, formerly Eve\ufffd[2J"
