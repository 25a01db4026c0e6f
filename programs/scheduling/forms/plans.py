"""Forms of the plan pages: opening and editing a plan (with the solver's soft-goal weights),
filtering its workshops, and choosing two versions to compare."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from programs.scheduling.models import ROMAN, Plan, Workshop
from programs.scheduling.solver.instance import Weights
from tenants.models import Cohort, Province

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# The soft goals of the solver, in the order the form shows them (names of ``Weights``).
WEIGHT_LABELS = {
    "same_lead": _("Bobot: pemimpin yang sama untuk keempat tahap"),
    "balance": _("Bobot: beban kerja merata"),
    "travel": _("Bobot: hari perjalanan sedikit"),
    "preference": _("Bobot: minggu pilihan daerah"),
    "friday": _("Bobot: hindari hari Jumat"),
    "back_to_back": _("Bobot: hindari Bimtek berturut-turut"),
    "stay_close": _("Bobot: dekat dengan versi sebelumnya (perencanaan ulang)"),
}
WEIGHT_MAX = 1000
PLAN_SETTINGS = (
    "workshop_days",
    "min_gap_days",
    "access_days_before",
    "access_days_after",
    "time_limit_seconds",
)


def weight_field(name: str) -> str:
    return f"weight_{name}"


class PlanForm(forms.Form):
    """A plan's settings (fields, labels and limits of the model) and the soft-goal weights as
    integer fields, stored together in ``Plan.weights``.

    With ``plan`` given it edits that plan: the cohort is fixed once its workshops exist."""

    cohort = forms.ModelChoiceField(label=_("Angkatan"), queryset=Cohort.objects.order_by("-year"), empty_label=None)

    def __init__(self, *args, plan: Plan | None = None, **kwargs):
        if plan is not None:
            kwargs.setdefault(
                "initial", {key: getattr(plan, key) for key in ("name", "window_start", "window_end", *PLAN_SETTINGS)}
            )
        super().__init__(*args, **kwargs)
        self.fields.update(
            forms.fields_for_model(
                Plan,
                fields=("name", "window_start", "window_end", *PLAN_SETTINGS),
                widgets={"window_start": DATE, "window_end": DATE},
            )
        )
        if plan is not None:
            del self.fields["cohort"]
        stored = (plan.weights if plan is not None else None) or {}
        defaults = Weights()
        for name, label in WEIGHT_LABELS.items():
            self.fields[weight_field(name)] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=WEIGHT_MAX,
                initial=stored.get(name, getattr(defaults, name)),
            )

    def clean_cohort(self):
        cohort = self.cleaned_data["cohort"]
        if not cohort.regions.exists():
            raise ValidationError(_("Angkatan %(year)s belum memiliki daerah."), params={"year": cohort.year})
        return cohort

    def clean(self):
        data = super().clean()
        starts, ends = data.get("window_start"), data.get("window_end")
        if starts and ends and ends < starts:
            self.add_error(
                "window_end",
                _("Jendela berakhir (%(ends)s) sebelum jendela mulai (%(starts)s).")
                % {"ends": ends.strftime("%d-%m-%Y"), "starts": starts.strftime("%d-%m-%Y")},
            )
        return data

    def settings(self) -> dict:
        """The keyword arguments of ``open_plan`` / ``update_plan`` (without the cohort)."""
        data = self.cleaned_data
        values = {key: data[key] for key in ("name", "window_start", "window_end", *PLAN_SETTINGS)}
        values["weights"] = {name: data[weight_field(name)] for name in WEIGHT_LABELS}
        return values


class WorkshopFilterForm(forms.Form):
    stage = forms.TypedChoiceField(
        label=_("Tahap"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Semua tahap"))] + [(s, f"Bimtek {r}") for s, r in ROMAN.items()],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua status")), *Workshop.Status.choices]
    )
    province = forms.ModelChoiceField(
        label=_("Provinsi"), required=False, queryset=Province.objects.none(), empty_label=_("Semua provinsi")
    )

    def __init__(self, *args, provinces=None, **kwargs):
        super().__init__(*args, **kwargs)
        if provinces is not None:
            self.fields["province"].queryset = provinces


class CompareForm(forms.Form):
    a = forms.TypedChoiceField(label=_("Versi lama"), coerce=int)
    b = forms.TypedChoiceField(label=_("Versi baru"), coerce=int)

    def __init__(self, *args, numbers=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, _("Versi %(n)s") % {"n": n}) for n in numbers]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("a") is not None and data.get("a") == data.get("b"):
            self.add_error("b", _("Pilih dua versi yang berbeda."))
        return data
