"""The account forms TwoHomes adds to allauth's: a name at sign-up and on the name page,
and the language."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .names import (
    CONTROL_REFUSED,
    MAX_NAME_LENGTH,
    NAME_HELP,
    NAME_LABEL,
    NAME_REQUIRED,
    clean_name,
)


def name_field() -> forms.CharField:
    return forms.CharField(
        label=NAME_LABEL, max_length=MAX_NAME_LENGTH, help_text=NAME_HELP,
        error_messages={
            "required": NAME_REQUIRED, "null_characters_not_allowed": CONTROL_REFUSED,
            "max_length": _("A name can be up to %(limit_value)d characters; this one has "
                            "%(show_value)d."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class SignupForm(AllauthSignupForm):
    """allauth's sign-up with the name the family will see, asked first."""

    display_name = name_field()
    field_order = ["display_name", "email", "password1", "password2"]

    def clean_display_name(self) -> str:
        return clean_name(self.cleaned_data["display_name"])


class NameForm(forms.Form):
    name = name_field()

    def clean_name(self) -> str:
        return clean_name(self.cleaned_data["name"])


class LanguageForm(forms.Form):
    """The language TwoHomes speaks to this person in, on every page."""

    language = forms.ChoiceField(
        label=_("Language"), required=False,
        help_text=_("Your pages come to you in this language, whatever the others in your "
                    "families chose. What people write is shown as they wrote it."))

    def __init__(self, *args: Any, browser: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        field = self.fields["language"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", gettext("As my browser asks")), *settings.LANGUAGES]
        asks = gettext("Your browser now asks for %(language)s.") % {
            "language": names.get(browser, browser)}
        field.help_text = f"{asks} {field.help_text}"
