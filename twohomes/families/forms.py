from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from twohomes.core.schedule import MAX_YEAR

from .access import ROLE_CAPS, Cap, role_has
from .choices import (
    country_choices,
    currency_choices,
    subdivision_choices,
    supported_countries,
    timezone_choices,
)
from .models import Child, Colour, Family, Pattern, Role
from .services import free_colour, free_pattern


class FamilyForm(forms.ModelForm[Family]):
    timezone = forms.ChoiceField(label=_("Time zone"), choices=timezone_choices)
    country = forms.ChoiceField(
        label=_("Country (for public holidays)"), choices=country_choices
    )
    subdivision = forms.CharField(
        label=_("State, province or region"), required=False,
        help_text=_("Regional holidays follow this; leave empty for national holidays only."),
        widget=forms.Select(),
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=currency_choices)

    class Meta:
        model = Family
        fields = ["name", "timezone", "country", "subdivision", "currency"]
        labels = {"name": _("Family name")}
        help_texts = {"name": _("Only members see it, e.g. “The Rivera-Okafor family”.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        country = self.data.get("country") or self.initial.get("country") or (
            self.instance.country if self.instance.pk else ""
        )
        self.fields["subdivision"].widget.choices = subdivision_choices(country)
        self.fields["country"].widget.attrs.update({
            "hx-get": "/families/subdivisions/", "hx-target": "#id_subdivision",
            "hx-trigger": "change",
        })
        if self.instance._state.adding:  # a new family (its UUID is set before it is saved)
            self._start_from_browser()

    def _start_from_browser(self) -> None:
        # A new family's time zone is the browser's own (app.js fills it in while the
        # parent has not chosen one); the country and currency come from the view.
        zone = self.fields["timezone"]
        zone.help_text = gettext(
            "Taken from your browser; change it if your family lives elsewhere.")
        if not self.is_bound:
            zone.widget.attrs["data-browser-timezone"] = ""

    def clean_subdivision(self) -> str:
        country = self.cleaned_data.get("country", "")
        subdivision = self.cleaned_data.get("subdivision", "").strip().upper()
        if subdivision and subdivision not in supported_countries().get(country, []):
            raise forms.ValidationError(
                gettext("“%(subdivision)s” is not a region of this country that has its own "
                        "holidays.") % {"subdivision": subdivision}
            )
        return subdivision


class DateInput(forms.DateInput):
    input_type = "date"


def error_summary(form: forms.Form) -> str:
    """Every error of a form in one line, for a message shown after a redirect."""
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """The form's choice field ``name`` (typed, so that its choices can be set)."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField), name
    return field


def model_choices(
    form: forms.BaseForm, name: str, queryset: Any, label: Callable[[Any], str]
) -> forms.ModelChoiceField[Any]:
    """Point the form's model choice field ``name`` at ``queryset``, each choice read as
    ``label(object)``."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField), name
    field.queryset = queryset
    field.label_from_instance = label  # type: ignore[method-assign,assignment]
    if field.empty_label == "---------":  # Django's dashes say nothing to a person
        field.empty_label = gettext("Choose…")
    return field


class ChildForm(forms.ModelForm[Child]):
    class Meta:
        model = Child
        fields = ["name", "birth_date", "colour", "pattern"]
        labels = {"name": _("First name"), "birth_date": _("Date of birth"),
                  "colour": _("Calendar colour"), "pattern": _("Calendar pattern")}
        help_texts = {"pattern": _("Shown with the colour, so nobody depends on colour alone.")}
        widgets = {"birth_date": DateInput()}

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.family = family
        choice_field(self, "colour").choices = Colour.choices
        choice_field(self, "pattern").choices = Pattern.choices
        if not self.instance.pk:  # a new child: a colour and pattern no sibling has
            self.initial["colour"] = free_colour(family)
            self.initial["pattern"] = free_pattern(family)

    def clean_birth_date(self) -> date:
        birth_date: date = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if birth_date > today:
            raise forms.ValidationError(gettext("The date of birth cannot be in the future."))
        if birth_date.year < today.year - 30:
            raise forms.ValidationError(
                gettext("Enter a child's date of birth (within the last 30 years)."))
        return birth_date

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        others = self.family.children.filter(name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(gettext("A child with this name is already in the family."))
        return name


class ChildrenChoiceMixin:
    def _setup_children(self, family: Family, children: Any) -> None:
        field = self.fields["children"]  # type: ignore[attr-defined]
        field.queryset = children
        field.label_from_instance = lambda child: child.name


class InviteForm(ChildrenChoiceMixin, forms.Form):
    email = forms.EmailField(label=_("Their email address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    children = forms.ModelMultipleChoiceField(
        queryset=Child.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Children they are linked to"),
        help_text=_("For a partner, relative or child: the children whose calendar they see."),
    )
    access_ends = forms.DateField(
        required=False, widget=DateInput(), label=_("Access ends (professionals)"),
        help_text=_("A professional's access stops by itself after this day."),
    )

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._setup_children(family, family.children.all())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role, ends = data.get("role") or "", data.get("access_ends")
        limited = role in ROLE_CAPS and role_has(role, Cap.TIME_LIMITED_ACCESS)
        if limited and not ends and "access_ends" not in self.errors:
            self.add_error("access_ends", gettext("A professional's access needs an end date."))
        if ends and ends <= timezone.localdate():
            self.add_error("access_ends", gettext("The end date must be in the future."))
        elif ends and ends.year > MAX_YEAR:  # the midnight after it must still be a date
            self.add_error("access_ends", gettext("Give an end date before %(year)s.")
                           % {"year": MAX_YEAR + 1})
        linked = role in ROLE_CAPS and not role_has(role, Cap.VIEW_ALL_CHILDREN)
        if linked and not data.get("children"):
            self.add_error("children",
                           gettext("Choose at least one child this person is linked to."))
        return data


class MemberForm(InviteForm):
    """Change a non-parent member's role, linked children or access end."""

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, family=family, **kwargs)
        del self.fields["email"]
        choice_field(self, "role").choices = [  # a parent joins only by invitation
            c for c in Role.choices if not role_has(c[0], Cap.HOLD_CUSTODY)]
