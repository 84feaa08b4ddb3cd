"""Lines of a family's audit list, kept as data so that each parent reads them in their
own language: an English sentence marked with gettext_noop where it is written, and what
fills it. ``AuditEvent.in_words`` words it for the reader; ``summary`` keeps the English."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from .models import AuditEvent, Family, Role


class Said(str):
    """TwoHomes' own words inside an audit line (a page, a setting), marked with
    gettext_noop where they are written, worded for each reader when shown."""


def audit_line(family: Family | Any, actor: Any, action: str, text: str,
               **args: Any) -> AuditEvent:
    """A new line (not saved): ``text`` filled from ``args``, names as written, a ``Role``
    or ``Said`` words (or a list of them) in each reader's language."""
    stored = {name: _stored(value) for name, value in args.items()}
    event = AuditEvent(family_id=getattr(family, "pk", family), actor=actor, action=action,
                       words={"text": text, "args": stored})
    with translation.override(None):  # the marked sentence itself: the English line
        event.summary = event.in_words[:300]
    return event


def _stored(value: Any) -> Any:
    if isinstance(value, Role):
        return {"role": value.value}
    if isinstance(value, Said):
        return {"words": str(value)}
    if isinstance(value, list | tuple):
        return {"words": [str(item) for item in value]}
    return str(value)
