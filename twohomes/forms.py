"""Form rendering shared by every app: each text field states its length limit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates
from django.forms.widgets import Input
from django.utils.formats import number_format
from django.utils.translation import gettext

_TEXT_INPUTS = {"text", "email", "url", "search", "tel", "password"}


def _is_text(widget: forms.Widget) -> bool:
    return isinstance(widget, forms.Textarea) or (
        isinstance(widget, Input) and widget.input_type in _TEXT_INPUTS)


class LimitStatingBoundField(forms.BoundField):
    """A field whose help text ends with "Up to N characters." when it has a limit, so the
    limit is read out with the field (its help text is the field's aria-describedby)."""

    def __init__(self, form: Any, field: forms.Field, name: str) -> None:
        super().__init__(form, field, name)
        limit = getattr(field, "max_length", None)
        if limit and not self.is_hidden and _is_text(field.widget):
            stated = gettext("Up to %(limit)s characters.") % {
                "limit": number_format(limit, force_grouping=True)}  # 2,000; 2 000
            self.help_text = f"{self.help_text} {stated}" if self.help_text else stated


class FormRenderer(DjangoTemplates):
    bound_field_class = LimitStatingBoundField
