from __future__ import annotations

from django import forms

from .models import ToneSettings


class ToneSettingsForm(forms.ModelForm[ToneSettings]):
    class Meta:
        model = ToneSettings
        fields = ["fold_incoming", "cool_down"]
