"""Two parents share a medical bill on their phones: Maya logs it with a photo of the receipt,
Daniel proposes a smaller share with a reason, Maya accepts, Daniel records his payment and
Maya confirms it arrived; nobody owes anything, and the record export verifies with every
step in it. A step-parent sees no expenses at all."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PHONE, assert_fits, open_from_menu, screenshot_dir, sign_in
from tests.factories import TEST_PASSWORD
from twohomes import records
from twohomes.core.ledger import verify_bundle
from twohomes.records.services import actor_id

SHOTS = Path("/tmp/shots")
CLINIC = "Riverside Children's Clinic"
JOURNEY_KINDS = ["expenses.expense.asked", "expenses.receipt.added",
                 "expenses.expense.countered", "expenses.expense.agreed",
                 "expenses.payment.recorded", "expenses.payment.confirmed"]

# Every element whose right edge passes the screen, unless an ancestor clips or scrolls it
# (that ancestor is then measured itself).
WIDE_ELEMENTS = """() => {
    const limit = document.documentElement.clientWidth;
    const clipped = (el) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== "visible") return true;
        }
        return false;
    };
    const wide = [];
    for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= limit + 0.5) continue;
        if (clipped(el)) continue;
        const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
            + (el.className && typeof el.className === "string"
               ? "." + el.className.trim().split(/\\s+/).join(".") : "");
        wide.push(`${name} reaches ${Math.round(box.right)}px`);
    }
    return wide;
}"""


def fits_and_shoot(page: Any, name: str) -> None:
    """The page and each element on it fit the screen; a picture of it for a reviewer."""
    assert_fits(page)
    wide = page.evaluate(WIDE_ELEMENTS)
    assert not wide, f"{page.url} at {page.viewport_size['width']}px: " + "; ".join(wide)
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / f"expenses-{name}-{page.viewport_size['width']}.png"
    page.screenshot(path=str(target), full_page=True)
    shutil.copy(target, screenshot_dir() / target.name)


def open_every_answer(page: Any) -> None:
    """Unfold the answer forms, so that the picture shows them."""
    page.evaluate("document.querySelectorAll('main details').forEach(d => d.open = true)")


def _maya_and_daniel(world: Any) -> tuple[Any, Any]:
    """Alice and Bruno of the test family, as Maya and Daniel, named in the record."""
    for member, name in ((world.parent_a, "Maya"), (world.parent_b, "Daniel")):
        member.user.display_name = name
        member.user.save(update_fields=["display_name"])
        records.append(world.family, "family.member.joined", member,
                       {"member": actor_id(member), "role": member.role, "name": name})
    return world.parent_a, world.parent_b


def _receipt(folder: Path) -> Path:
    path = folder / "clinic-receipt.png"
    Image.new("RGB", (120, 80), "white").save(path, format="PNG")
    return path


def test_parents_share_a_medical_bill_agree_on_another_share_and_settle_it(
    open_page: Any, world: Any, mailbox: Any, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    maya_member, daniel_member = _maya_and_daniel(world)
    family = f"/f/{world.family.pk}"

    # Maya logs the bill, with the receipt, half each, for Ada.
    maya = open_page(PHONE)
    sign_in(maya, maya_member.user.email, TEST_PASSWORD)
    maya.goto(f"{family}/")
    open_from_menu(maya, "Expenses")
    expect(maya.get_by_role("heading", name="Expenses", exact=True)).to_be_visible()
    expect(maya.get_by_text("Nobody owes anything.")).to_be_visible()
    fits_and_shoot(maya, "list-empty")
    maya.get_by_role("link", name="Log an expense").click()
    expect(maya.get_by_role("heading", name="Log an expense")).to_be_visible()
    fits_and_shoot(maya, "new")
    maya.get_by_label("Category").select_option(label="Medical")
    maya.get_by_label("Amount (GBP)").fill("120.00")
    maya.get_by_label("Date of the bill").fill(
        timezone.localdate(timezone=world.family.zone).isoformat())
    maya.get_by_label("Ada").check()
    maya.get_by_label("Paid to").fill(CLINIC)
    maya.get_by_label("Your part").fill("50")
    maya.get_by_label("The other parent's part").fill("50")
    maya.get_by_label("Note").fill("Ear infection: the visit and the drops.")
    maya.get_by_label(re.compile("^Receipts")).set_input_files(str(_receipt(tmp_path)))
    maya.get_by_label("Repeats").select_option(label="Only once")
    maya.get_by_role("button", name="Log and ask for the share").click()
    expect(maya.get_by_role("heading", name=CLINIC)).to_be_visible()
    expect(maya.get_by_text("The expense is logged")).to_be_visible()
    expect(maya.get_by_role("link", name="clinic-receipt.png")).to_be_visible()
    expect(maya.get_by_text("Waiting for the other parent's answer.")).to_be_visible()
    fits_and_shoot(maya, "detail-asked")

    # Daniel is told by an email that says nothing of what it is about.
    subject, body = mailbox.wait_for(daniel_member.user.email)
    assert subject == "TwoHomes" and "Hello," in body and "/expenses/" in body
    assert "120" not in body and "Clinic" not in body and "Medical" not in body

    # Daniel, on his own phone, proposes 40.00 with a reason.
    daniel = open_page(PHONE)
    sign_in(daniel, daniel_member.user.email, TEST_PASSWORD)
    daniel.goto(f"{family}/")
    open_from_menu(daniel, "Expenses")
    waiting = daniel.get_by_role("region", name="Waiting for you")
    expect(waiting).to_contain_text("£60.00 of £120.00")
    waiting.get_by_role("link", name=CLINIC).click()
    expect(daniel.get_by_role("button", name="Agree: £60.00")).to_be_visible()
    open_every_answer(daniel)
    fits_and_shoot(daniel, "detail-answer")
    counter = daniel.locator("details", has_text="Propose another share")
    counter.get_by_label("The share you will pay").fill("40.00")
    counter.get_by_label("Your reason").fill("The drops were covered by my insurance.")
    counter.get_by_role("button", name="Propose this share").click()
    expect(daniel.get_by_text("Your proposal was sent.")).to_be_visible()
    expect(daniel.get_by_text("Waiting for the other parent's answer.")).to_be_visible()
    assert_fits(daniel)

    # Maya reads his reason and agrees to £40.00.
    maya.reload()
    expect(maya.locator(".history")).to_contain_text("The drops were covered by my insurance.")
    open_every_answer(maya)
    fits_and_shoot(maya, "detail-countered")
    maya.get_by_role("button", name="Agree: £40.00").click()
    expect(maya.get_by_text("You agreed to the share.")).to_be_visible()
    expect(maya.get_by_text("£40.00 still to pay")).to_be_visible()
    assert_fits(maya)

    # Daniel records his payment from the expense.
    daniel.reload()
    daniel.get_by_role("link", name="Record a payment for this").click()
    expect(daniel.get_by_role("heading", name="Record a payment")).to_be_visible()
    expect(daniel.get_by_label("Amount (GBP)")).to_have_value("40.00")
    fits_and_shoot(daniel, "payment")
    daniel.get_by_label("Amount (GBP)").fill("40.00")
    daniel.get_by_label("Paid on").fill(timezone.localdate(timezone=world.family.zone)
                                        .isoformat())
    daniel.get_by_label("How").select_option(label="Bank transfer")
    daniel.get_by_label("Reference (optional)").fill("Ada clinic")
    expect(daniel.get_by_label(re.compile(CLINIC))).to_be_checked()
    daniel.get_by_label("Keep what is more than these shares as credit").uncheck()
    daniel.get_by_role("button", name="Record the payment").click()
    expect(daniel.get_by_text("The payment is recorded")).to_be_visible()
    assert_fits(daniel)

    # Maya confirms it arrived; then nobody owes anything, for either of them.
    maya.goto(f"{family}/expenses/")
    expect(maya.get_by_text("Daniel says they paid you £40.00")).to_be_visible()
    fits_and_shoot(maya, "list-to-confirm")
    maya.get_by_role("button", name="Confirm it arrived").click()
    expect(maya.get_by_text("You confirmed that the payment arrived.")).to_be_visible()
    expect(maya.get_by_text("Nobody owes anything.")).to_be_visible()
    fits_and_shoot(maya, "list-settled")
    maya.get_by_role("link", name="Balance by category and period").click()
    expect(maya.get_by_text("Nobody owes anything.")).to_be_visible()
    fits_and_shoot(maya, "balance")
    daniel.goto(f"{family}/expenses/balance/")
    expect(daniel.get_by_text("Nobody owes anything.")).to_be_visible()
    assert_fits(daniel)
    maya.goto(f"{family}/expenses/")
    maya.get_by_role("link", name="Categories, splits and repeating bills").click()
    expect(maya.get_by_role("heading", name="Categories and splits")).to_be_visible()
    open_every_answer(maya)
    fits_and_shoot(maya, "categories")
    maya.goto(f"{family}/expenses/{_expense_id(world)}/")
    expect(maya.locator(".facts")).to_contain_text("£40.00 · paid")
    fits_and_shoot(maya, "detail-settled")

    # The record export verifies, with each step of the journey in it.
    maya.goto(f"{family}/record/export/")
    with maya.expect_download(timeout=15_000) as download:
        maya.get_by_role("button", name="Download the export").click()
    bundle = tmp_path / "record.zip"
    download.value.save_as(bundle)
    verdict = verify_bundle(str(bundle))
    assert verdict.ok, verdict.render()
    assert f"member-{maya_member.pk} Maya" in verdict.render()
    lines = zipfile.ZipFile(bundle).read("entries.jsonl").splitlines()
    kinds = [json.loads(line)["kind"] for line in lines]
    steps = [kind for kind in kinds if kind in JOURNEY_KINDS]
    assert sorted(steps) == sorted(JOURNEY_KINDS), kinds  # each step once, nothing missing
    # The receipt is stored just before the request that names it; the rest in order.
    assert [k for k in steps if k != "expenses.receipt.added"] == [
        k for k in JOURNEY_KINDS if k != "expenses.receipt.added"], kinds

    _laptop_pictures(open_page, world, daniel_member.user.email)


def _expense_id(world: Any) -> int:
    from twohomes.expenses.models import Expense

    return int(Expense.objects.get(family=world.family, payee=CLINIC).pk)


def _laptop_pictures(open_page: Any, world: Any, daniel_email: str) -> None:
    """The same pages at 1280 px; the answer forms on a second bill Daniel has not answered."""
    from twohomes.expenses import services
    from twohomes.expenses.money import Split

    now = timezone.now()
    category = services.category_for(world.parent_a, "school", now)
    services.log_expense(actor=world.parent_a, category=category, amount=Decimal("85"),
                         spent_on=timezone.localdate(), payee="Hillside School trip",
                         note="", children=[world.linked_child], split=Split(50, 50), now=now)
    family = f"/f/{world.family.pk}/expenses"
    laptop = open_page(DESKTOP)
    sign_in(laptop, daniel_email, TEST_PASSWORD)
    pages = [("list", f"{family}/"), ("new", f"{family}/new/"), ("balance", f"{family}/balance/"),
             ("categories", f"{family}/categories/"), ("payment", f"{family}/payments/new/")]
    for name, address in pages:
        laptop.goto(address)
        fits_and_shoot(laptop, name)
    laptop.goto(f"{family}/")
    laptop.get_by_role("region", name="Waiting for you").get_by_role(
        "link", name="Hillside School trip").click()
    expect(laptop.get_by_role("button", name="Agree: £42.50")).to_be_visible()
    open_every_answer(laptop)
    fits_and_shoot(laptop, "detail-answer")


def test_a_step_parent_sees_no_expenses(open_page: Any, world: Any) -> None:
    pat = open_page(DESKTOP)
    sign_in(pat, world.partner.user.email, TEST_PASSWORD)
    pat.goto(f"/f/{world.family.pk}/")
    nav = pat.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Calendar")).to_be_visible()
    more = nav.locator("summary", has_text="More")
    if more.count() and more.is_visible():
        more.click()
    expect(nav.get_by_role("link", name="Events")).to_be_visible()
    expect(nav.get_by_role("link", name=re.compile("Expenses"))).to_have_count(0)
    for address in ("", "balance/", "new/", "categories/", "payments/new/"):
        response = pat.goto(f"/f/{world.family.pk}/expenses/{address}")
        assert response is not None and response.status == 403, address
