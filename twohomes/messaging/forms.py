from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from twohomes.core.schedule import MAX_YEAR, MIN_YEAR, within_years
from twohomes.families.forms import DateInput, model_choices
from twohomes.families.models import Membership

from .models import NotificationPreference, Thread
from .uploads import CleanFile, inspect_upload

MAX_FILES = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", gettext_lazy("Attach photos or PDFs (up to 10 MB each)"))
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = "image/jpeg,image/png,image/gif,image/webp,application/pdf"

    def clean(self, data: Any, initial: Any = None) -> list[CleanFile]:
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(uploads) > MAX_FILES:
            raise ValidationError(ngettext("Attach at most %(count)s file to one message.",
                                           "Attach at most %(count)s files to one message.",
                                           MAX_FILES) % {"count": MAX_FILES})
        return [inspect_upload(upload) for upload in uploads]


def _member_with_role(member: Membership) -> str:
    return _("%(name)s (%(role)s)") % {"name": member.user.name,
                                       "role": member.get_role_display().lower()}


class MessageForm(forms.Form):
    body = forms.CharField(label=pgettext_lazy("a message's text", "Message"),
                           widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000)
    attachments = AttachmentsField()


class NewThreadForm(MessageForm):
    subject = forms.CharField(max_length=200, label=pgettext_lazy("a conversation's", "Subject"))
    members = forms.ModelMultipleChoiceField(
        queryset=Membership.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, label=gettext_lazy("Also include"),
        help_text=gettext_lazy("Parents are in every conversation. Professionals can read but "
                               "not write."),
    )
    field_order = ["subject", "members", "body", "attachments"]

    def __init__(self, *args: Any, joinable: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if joinable is None:
            del self.fields["members"]
        else:
            model_choices(self, "members", joinable, _member_with_role)


class AddMemberForm(forms.Form):
    member = forms.ModelChoiceField(queryset=Membership.objects.none(),
                                    label=gettext_lazy("Add to this conversation"))

    def __init__(self, *args: Any, joinable: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choices(self, "member", joinable, _member_with_role)


class PreferencesForm(forms.ModelForm[NotificationPreference]):
    class Meta:
        model = NotificationPreference
        fields = ["email_on_message", "daily_digest", "digest_time", "quiet_start", "quiet_end"]
        widgets = {name: forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
                   for name in ("digest_time", "quiet_start", "quiet_end")}
        help_texts = {"quiet_start": gettext_lazy("Notices that arrive in quiet hours wait until "
                                                  "they end.")}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("quiet_start")) != bool(data.get("quiet_end")):
            raise ValidationError(_("Give both the start and the end of quiet hours, or neither."))
        if data.get("quiet_start") and data.get("quiet_start") == data.get("quiet_end"):
            raise ValidationError(_("Quiet hours must start and end at different times."))
        return data


class ExportForm(forms.Form):
    thread = forms.ModelChoiceField(queryset=Thread.objects.none(), required=False,
                                    empty_label=gettext_lazy("The whole record"),
                                    label=gettext_lazy("What to export"))
    start = forms.DateField(required=False, widget=DateInput(),
                            label=gettext_lazy("From (optional)"))
    end = forms.DateField(required=False, widget=DateInput(), label=gettext_lazy("To (optional)"))

    def __init__(self, *args: Any, threads: Any, whole_record: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = model_choices(self, "thread", threads, str)
        if not whole_record:  # a professional exports the conversations they are in
            field.required, field.empty_label = True, None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: date | None = data.get("start")
        end: date | None = data.get("end")
        # Days at the ends of the calendar cannot be turned into instants in every zone.
        if not within_years(*(day for day in (start, end) if day)):
            raise ValidationError(_("Give dates between %(first)s and %(last)s.")
                                  % {"first": MIN_YEAR, "last": MAX_YEAR})
        if start and end and end < start:
            raise ValidationError(_("The end date is before the start date."))
        return data
