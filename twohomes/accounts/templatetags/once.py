"""``{% once_key %}``: the one-time key a form that creates something carries (see once.py)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from twohomes.accounts.once import FIELD, new_key

register = template.Library()


@register.simple_tag
def once_key() -> SafeString:
    # A text field, not type=hidden: Chromium restores a text field's value when Back
    # re-fetches a no-store page (app.js marks the value as the person's own), so the form
    # sent again after Back carries the key it was first sent with.
    return format_html('<input type="text" name="{}" value="{}" hidden data-once>',
                       FIELD, new_key())
