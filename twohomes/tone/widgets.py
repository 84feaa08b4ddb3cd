"""The tone check beside a text field: a debounced HTMX request while the person types."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse

from twohomes.families.access import Cap, has
from twohomes.families.models import Membership


def check_attributes(membership: Membership, field_name: str, field_id: str,
                     on_load: bool = False) -> dict[str, str]:
    """What a textarea needs to be checked as it is typed (and, ``on_load``, as soon as the
    page shows it): only its own text is sent (never the form's one-time key), and the
    answer goes to the panel below it."""
    url = reverse("tone_check", args=[membership.family_id])
    return {
        "hx-post": f"{url}?field={field_name}&for={field_id}",
        "hx-trigger": "input changed delay:600ms, tone-check" + (", load" if on_load else ""),
        "hx-target": f"#{field_id}-tone",
        "hx-params": field_name,
        "hx-swap": "innerHTML",
        "hx-sync": "this:replace",
        "data-tone": "",
    }


class ToneTextarea(forms.Textarea):
    """A textarea followed by its tone panel and the short status line screen readers hear
    (``role="status"``, updated only when it changes)."""

    template_name = "tone/widgets/textarea.html"


def with_tone_check(form: forms.Form, field_name: str, membership: Membership) -> None:
    """Give ``form``'s text field the tone check, for members who get tone help."""
    if not has(membership, Cap.CHECK_TONE):
        return
    field = form.fields[field_name]
    attrs: dict[str, Any] = dict(field.widget.attrs)
    field_id = form[field_name].auto_id or f"id_{field_name}"
    attrs.update(check_attributes(membership, form.add_prefix(field_name), field_id))
    field.widget = ToneTextarea(attrs=attrs)
