from __future__ import annotations

from django import forms

from .models import ReminderPreference


class ReminderForm(forms.ModelForm[ReminderPreference]):
    class Meta:
        model = ReminderPreference
        fields = ["exchanges", "events", "send_at"]
        widgets = {"send_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}
