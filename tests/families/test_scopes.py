"""Family-owned tables fail closed: a query outside a family's scope raises, and the few
reads across families are named. The tests that ask for ``scopes_enforced`` run as
production does (the data is set up before it)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_scopes import ScopeError, scope

from tests.factories import ChildFactory, FamilyFactory, MembershipFactory, UserFactory
from twohomes.families import services
from twohomes.families.access import OPT_OUTS, unscoped
from twohomes.families.models import Child, Membership, Role

SOURCE = Path(__file__).resolve().parents[2] / "twohomes"

# Every model whose rows belong to a family, by hand from the data model in DESIGN.md.
FAMILY_OWNED = {
    "families.Child", "families.Membership", "families.Invitation", "families.AuditEvent",
    "records.Log", "records.LogEntry", "records.EntryOpening", "records.Checkpoint",
    "messaging.Thread", "messaging.ThreadMember", "messaging.Message", "messaging.Attachment",
    "messaging.Receipt", "messaging.NotificationPreference", "messaging.PendingNotification",
    "messaging.HeldMessage", "tone.ToneSettings",
    "schedules.ParentingPlan", "schedules.PlanDecision", "schedules.SwapRequest",
    "schedules.Override", "family_calendar.CalendarFeed", "family_calendar.ReminderPreference",
    "family_calendar.SentReminder", "events.Event", "events.EventRevision",
    "events.SkippedOccurrence", "events.EventInvitation",
    "expenses.ExpenseSettings", "expenses.ExpenseCategory", "expenses.SplitProposal",
    "expenses.ExpenseSeries", "expenses.Expense", "expenses.ExpenseStep",
    "expenses.ExpenseReceipt", "expenses.Payment", "expenses.Settlement",
    "expenses.ExpenseNotice",
}


@pytest.mark.parametrize("label", sorted(FAMILY_OWNED))
def test_a_query_outside_a_familys_scope_raises(label: str, db: Any,
                                                scopes_enforced: Any) -> None:
    model = apps.get_model(label)
    with pytest.raises(ScopeError):
        model.objects.count()
    with pytest.raises(ScopeError):
        list(model.objects.filter(pk=1))


def test_no_other_model_of_ours_holds_a_familys_rows() -> None:
    """A new model with a foreign key to a family-owned model is scoped too, or named here."""
    not_family_owned = {"accounts.User", "accounts.KnownDevice", "accounts.SubmissionKey",
                        "families.Family"}
    ours = {m._meta.label for m in apps.get_models() if m.__module__.startswith("twohomes.")}
    assert ours == FAMILY_OWNED | not_family_owned


def test_inside_a_scope_only_that_familys_rows_are_read(db: Any, scopes_enforced: Any) -> None:
    with unscoped("a command"):
        ours, theirs = FamilyFactory(), FamilyFactory()
        kit = ChildFactory(family=ours, name="Kit")
        ChildFactory(family=theirs, name="Lou")
    with scope(family=ours.pk):
        assert list(Child.objects.all()) == [kit]
        assert Child.objects.filter(name="Lou").count() == 0


def test_an_unnamed_reason_to_read_across_families_is_refused() -> None:
    with pytest.raises(ValueError, match="not a named reason"):
        with unscoped("because it is easier"):
            pass


def test_every_read_across_families_in_the_code_gives_a_named_reason() -> None:
    reasons: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        reasons.update(re.findall(r'(?:unscoped|across_families)\("([^"]+)"\)', text))
        if "scopes_disabled" in text:
            assert path.name == "access.py", f"{path}: use unscoped(reason) instead"
    assert reasons == set(OPT_OUTS)


def test_a_users_families_are_listed_and_an_account_page_shows_their_counts(
        world: Any, client: Any, scopes_enforced: Any) -> None:
    with unscoped("a command"):
        second = FamilyFactory(name="Second home")
        MembershipFactory(family=second, user=world.parent_a.user, role=Role.PARENT)
    client.force_login(world.parent_a.user)
    chooser = client.get(reverse("home")).content.decode()
    assert world.family.name in chooser and "Second home" in chooser
    account = client.get(reverse("change_name"))
    assert account.status_code == 200 and "Switch family" in account.content.decode()
    assert client.get(reverse("family_home", args=[second.pk])).status_code == 200


def test_a_feed_is_found_by_its_token(world: Any, agreed_plan: Any, client: Any,
                                      scopes_enforced: Any) -> None:
    from twohomes.calendar.feeds import hash_token
    from twohomes.calendar.models import CalendarFeed

    token = CalendarFeed.new_token()
    with scope(family=world.family.pk):
        CalendarFeed.objects.create(membership=world.relative, token_hash=hash_token(token))
    response = client.get(reverse("calendar_feed", args=[token]))
    assert response.status_code == 200 and b"BEGIN:VCALENDAR" in response.content


def test_an_invitation_is_shown_and_accepted(world: Any, client: Any,
                                            scopes_enforced: Any) -> None:
    with scope(family=world.family.pk):
        invitation = services.invite_member(
            actor=world.parent_a, email="newcomer@example.org", role=Role.RELATIVE,
            children=[world.linked_child], now=timezone.now(), base_url="http://testserver")
    path = reverse("invitation", args=[services.invitation_token(invitation)])
    assert client.get(path).status_code == 200
    with unscoped("a command"):
        newcomer = UserFactory(email="newcomer@example.org")
    client.force_login(newcomer)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    with scope(family=world.family.pk):
        joined = Membership.objects.get(user=newcomer)
        assert [c.name for c in joined.linked_children.all()] == ["Ada"]


def test_the_commands_and_worker_rounds_read_across_families(
        world: Any, agreed_plan: Any, scopes_enforced: Any) -> None:
    from twohomes.accounts.tasks import forget_old_submissions
    from twohomes.calendar.reminders import reminders_tick
    from twohomes.schedules.tasks import expiry_tick

    for command in ("send_reminders", "expire_swaps", "expire_access", "send_notifications",
                    "demo"):
        call_command(command, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert expiry_tick.call() == 0
    assert forget_old_submissions.call() == 0
    assert reminders_tick.call() == 0
    with pytest.raises(ScopeError):  # and the test itself is still held to the scopes
        Membership.objects.count()
