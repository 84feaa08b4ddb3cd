"""A year of the demo family's shared expenses, so that a new user sees a balance at once:
bills from both homes, a counter, a dispute, a question, payments and a series."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from decimal import Decimal

from PIL import Image, ImageDraw

from twohomes.families.models import Family, Membership
from twohomes.messaging.uploads import CleanFile

from . import services
from .models import Expense, Method, Repeat
from .money import Split


def _receipt(lines: list[str]) -> CleanFile:
    image = Image.new("RGB", (300, 60 + 22 * len(lines)), "white")
    pen = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        pen.text((20, 20 + 22 * number), line, fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return CleanFile("receipt.png", "image/png", out.getvalue())


# (days ago, who paid, category, amount, payee, children, note, what happens next)
BILLS = [
    (340, "maya", "medical", "180.00", "Brightsmile Dental", ["Amara"], "Check-up and two "
     "fillings.", "agree"),
    (320, "daniel", "school", "95.00", "Northfield Middle School", ["Leo"], "Science trip.",
     "agree"),
    (300, "maya", "clothing", "240.00", "Harbor Outfitters", ["Amara", "Leo", "Sofia",
                                                               "Theo"], "Winter coats.",
     "agree"),
    (260, "daniel", "activities", "420.00", "Riverside Swim Club", ["Theo", "Sofia"],
     "Spring term lessons.", "agree"),
    (210, "maya", "activities", "650.00", "Lakeside Summer Camp", ["Amara", "Leo"],
     "Two weeks of camp (560) and the bus (90).", "counter"),
    (170, "daniel", "travel", "380.00", "Coastline Air", ["Leo", "Theo"],
     "Flights to see their grandmother.", "dispute"),
    (120, "maya", "medical", "210.00", "Clearview Optics", ["Sofia"], "Glasses.", "agree"),
    (60, "daniel", "school", "130.00", "Maple Street Books", ["Amara", "Leo"],
     "Books for the new school year.", "agree"),
    (20, "maya", "medical", "120.00", "Northside Paediatrics", ["Theo"],
     "Ear infection: visit and antibiotics.", "question"),
    (6, "maya", "clothing", "86.50", "Stride Shoes", ["Sofia", "Theo"], "School shoes.", ""),
]


def seed_demo_expenses(family: Family, *, now: datetime) -> None:
    """Add the demo expenses once; a family that already has expenses is left alone."""
    if Expense.objects.filter(family=family).exists():
        return
    people = {m.user.email.split("@")[0]: m for m in
              Membership.objects.filter(family=family).select_related("user", "family")}
    children = {child.name: child for child in family.children.all()}
    maya, daniel = people["maya"], people["daniel"]
    school = services.category_for(maya, "school", now)
    services.decide_split(actor=daniel, proposal=services.propose_split(
        actor=maya, category=school, split=Split(60, 40), now=now), accepted=True,
        reason="", now=now)
    today = family.today(now)
    made = {}
    for days, payer, category, amount, payee, kids, note, next_step in BILLS:
        actor = people[payer]
        chosen = services.category_for(actor, category, now)
        expense = services.log_expense(
            actor=actor, category=chosen, spent_on=today - timedelta(days=days),
            amount=Decimal(amount), payee=payee, note=note,
            children=[children[k] for k in kids if k in children],
            split=chosen.split_for(actor), now=now,
            receipts=[_receipt([payee, f"Total {amount}"])] if days < 200 else [])
        made[payee] = expense
        _answer(expense, next_step, people, now)
    first = services.record_payment(actor=daniel, amount=Decimal("300.00"),
                            paid_on=today - timedelta(days=250), method=Method.BANK,
                            reference="Dentist and coats",
                            expenses=[made["Brightsmile Dental"], made["Harbor Outfitters"]],
                            as_credit=True, now=now)
    services.confirm_payment(actor=maya, payment=first, now=now)
    swim = services.record_payment(
        actor=maya, amount=Decimal("210.00"), paid_on=today - timedelta(days=200),
        method=Method.CASH, reference="", expenses=[made["Riverside Swim Club"]],
        as_credit=False, now=now)
    services.confirm_payment(actor=daniel, payment=swim, now=now)
    services.record_payment(actor=daniel, amount=Decimal("105.00"),
                            paid_on=today - timedelta(days=30), method=Method.BANK,
                            reference="Glasses", expenses=[made["Clearview Optics"]],
                            as_credit=False, now=now)
    childcare = services.category_for(maya, "childcare", now)
    series = services.start_series(
        actor=maya, category=childcare, first_on=today - timedelta(days=75),
        amount=Decimal("160.00"), payee="Little Oaks After-School Club",
        note="After-school club, monthly.", children=[children[k] for k in ("Sofia", "Theo")
                                                      if k in children],
        split=Split(1, 1), repeat=Repeat.MONTHLY, until=None, now=now)
    services.approve_series(actor=daniel, series=series, now=now)


def _answer(expense: Expense, step: str, people: dict[str, Membership], now: datetime) -> None:
    other = people["daniel"] if expense.paid_by_id == people["maya"].pk else people["maya"]
    if step == "agree":
        services.agree_expense(actor=other, expense=expense, now=now)
    elif step == "counter":
        services.counter_expense(actor=other, expense=expense, share=Decimal("280.00"),
                                 reason="I'll pay half of the camp, not the bus: I can drive "
                                        "them there.", now=now)
        services.agree_expense(actor=expense.paid_by, expense=expense, now=now)
    elif step == "dispute":
        services.dispute_expense(actor=other, expense=expense, reason="We agreed in March "
                                 "that each of us pays the travel to our own family.", now=now)
    elif step == "question":
        services.ask_about_expense(actor=other, expense=expense, question="Was this covered "
                                   "by the insurance at all?", now=now)
