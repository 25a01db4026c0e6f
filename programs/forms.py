from django import forms

from programs.models import BimtekStage


class BimtekStageForm(forms.ModelForm):
    class Meta:
        model = BimtekStage
        fields = ["planned_date", "completed_on", "notes"]
        widgets = {
            "planned_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "completed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
