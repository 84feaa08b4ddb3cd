"""A few conversations for the demo family, so a new user opens a lived-in record."""

from __future__ import annotations

import io
from datetime import datetime

from PIL import Image, ImageDraw

from twohomes.families.models import Family, Membership

from . import services
from .uploads import CleanFile


def _drawing() -> CleanFile:
    image = Image.new("RGB", (320, 200), "white")
    pen = ImageDraw.Draw(image)
    pen.rectangle((20, 80, 140, 180), outline="black", width=3)
    pen.polygon([(20, 80), (80, 30), (140, 80)], outline="black")
    pen.rectangle((180, 80, 300, 180), outline="black", width=3)
    pen.polygon([(180, 80), (240, 30), (300, 80)], outline="black")
    pen.text((60, 185), "Mum's house   Dad's house", fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return CleanFile("two-houses-by-sofia.png", "image/png", out.getvalue())


def seed_demo_messages(family: Family, *, now: datetime) -> None:
    if family.threads.exists():
        return
    people = {m.user.email.split("@")[0]: m for m in
              Membership.objects.filter(family=family).select_related("user", "family")}
    maya, daniel = people["maya"], people["daniel"]
    school = services.start_thread(
        actor=maya, subject="Parent-teacher evening (Amara)",
        body="Amara's parent-teacher evening is on Thursday at 17:30. Can you make it? "
             "I can take notes if not.", members=[people["helen"]], now=now, language="en")
    services.record_first_views(actor=daniel, messages=school.messages.all(), now=now)
    services.send_message(actor=daniel, thread=school, now=now, language="en",
                          body="Yes, I'll be there. I'll pick Leo up from football first.")
    services.record_first_views(actor=maya, messages=school.messages.all(), now=now)
    services.send_message(actor=maya, thread=school, now=now, language="en",
                          body="Thank you. Sofia made this for the classroom wall.",
                          files=[_drawing()])
    weekend = services.start_thread(
        actor=daniel, subject="Theo's swimming bag",
        body="Theo left his swimming bag at Harbor Road. I'll bring it to Sunday's handover.",
        members=[people["grace"]], now=now, language="en")
    services.record_first_views(actor=maya, messages=weekend.messages.all(), now=now)
