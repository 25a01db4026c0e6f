"""Forms of the masterplan pages. They validate input at the edge; services write.

Indonesian numbers and amounts are read and shown by ``programs.forms.numbers``; the
error summary of a page with several forms is listed by ``programs.forms.summary``."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from programs import program_rules
from programs.forms.numbers import AmountField, NumberField, parse_number
from programs.models import (
    BimtekStage,
    Comment,
    Dimension,
    DimensionPlan,
    FundingSource,
    Opd,
    Person,
    Program,
    Readiness,
    Risk,
    SubDimension,
)
from programs.templatetags.bimtek import date_range

TEXTAREA = forms.Textarea(attrs={"rows": 3})
YEAR = forms.NumberInput(attrs={"min": 2000, "max": 2100, "inputmode": "numeric"})


class BimtekStageForm(forms.ModelForm):
    """A stage's dates and notes. Where the ministry's plan schedules the stage (``workshop``),
    the plan sets its date: the planned date is shown, not edited."""

    class Meta:
        model = BimtekStage
        fields = ["planned_date", "completed_on", "notes"]
        widgets = {
            "planned_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "completed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, workshop=None, **kwargs):
        super().__init__(*args, **kwargs)
        if workshop is not None:
            field = self.fields["planned_date"]
            field.disabled = True  # a submitted value is ignored: the stored one is kept
            field.help_text = _("Tanggal ditetapkan oleh rencana Bimtek kementerian: %(dates)s.") % {
                "dates": date_range(workshop.starts, workshop.ends)
            }


class SubDimensionSelect(forms.Select):
    """Each option names its dimension (``data-dimension``): the page's script shows only the
    chosen dimension's sub-dimensions; the form's rule checks the pair either way."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-dimension"] = str(instance.dimension_id)
        return option


class SubDimensionChoiceField(forms.ModelChoiceField):
    widget = SubDimensionSelect

    def label_from_instance(self, obj):
        return f"{obj.dimension.name} – {obj.name}"


class ProgramForm(forms.ModelForm):
    """The program's own fields; ``version`` is the optimistic lock the user started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    sub_dimension = SubDimensionChoiceField(
        queryset=SubDimension.objects.select_related("dimension"), label=_("subdimensi")
    )

    class Meta:
        model = Program
        fields = list(program_rules.EDITABLE_FIELDS)
        widgets = {
            "description": TEXTAREA,
            "goals": TEXTAREA,
            "targets": TEXTAREA,
            "partners": forms.Textarea(attrs={"rows": 2}),
            "alignment_rpjpd": forms.Textarea(attrs={"rows": 2}),
            "alignment_rpjmd": forms.Textarea(attrs={"rows": 2}),
            "alignment_renstra": forms.Textarea(attrs={"rows": 2}),
            "monitoring": forms.Textarea(attrs={"rows": 2}),
            "start_year": YEAR,
            "end_year": YEAR,
            "partner_opds": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, lead_opds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].queryset = Dimension.objects.order_by("order")
        self.fields["dimension"].widget.attrs["data-filters-options"] = self["sub_dimension"].auto_id
        for field in self.fields.values():
            if field.required:
                field.widget.attrs["aria-required"] = "true"
        if lead_opds is not None:
            self.fields["lead_opd"].queryset = lead_opds

    def clean(self):
        """The rules of ``programs.program_rules`` on the program's own fields, each on its field
        (the service applies them again, with the rows, when it saves)."""
        data = super().clean()
        errors: dict[str, list[str]] = {}
        program_rules.collect_errors(
            errors, program_rules.check_sub_dimension, data.get("dimension"), data.get("sub_dimension")
        )
        program_rules.collect_errors(errors, program_rules.check_years, data.get("start_year"), data.get("end_year"))
        if data.get("title") and (self.instance.pk is not None or data.get("version") is None):
            # A new program (no version came back), or the one this form was given; an edit
            # whose program the form does not know is left to the service's check.
            program_rules.collect_errors(
                errors, program_rules.check_unique_title, data["title"], program_id=self.instance.pk
            )
        if errors:
            raise ValidationError(errors)
        return data

    def _post_clean(self):
        """No model validation here: the service validates the whole program at once."""


def parse_targets(text: str) -> dict[int, Decimal]:
    """``"2025: 40; 2026: 62,5"`` → ``{2025: Decimal("40"), 2026: Decimal("62.5")}``."""
    targets = {}
    for part in filter(None, (p.strip() for p in re.split(r"[;\n]", text))):
        match = re.fullmatch(r"(\d{4})\s*[:=]\s*(-?[\d.,]+)", part)
        if not match:
            raise ValidationError(
                _(
                    "Tulis target sebagai tahun: nilai, dipisah titik koma (mis. 2025: 40; 2026: 60). "
                    "Tidak terbaca: %(part)s"
                )
                % {"part": part}
            )
        year = int(match.group(1))
        value = parse_number(match.group(2))
        if value != value.quantize(Decimal("0.0001")) or abs(value) >= Decimal(10) ** 16:
            raise ValidationError(
                _("Target %(value)s: paling banyak empat desimal dan di bawah 10 ribu triliun.")
                % {"value": match.group(2)}
            )
        if not 2000 <= year <= 2100:
            raise ValidationError(_("Tahun %(year)s tidak wajar.") % {"year": year})
        if year in targets:
            raise ValidationError(_("Tahun %(year)s tertulis dua kali.") % {"year": year})
        targets[year] = value
    return targets


def format_targets(targets: dict) -> str:
    return "; ".join(f"{int(y)}: {format(Decimal(v), 'f').replace('.', ',')}" for y, v in sorted(targets.items()))


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("indikator"), max_length=250)
    unit = forms.CharField(label=_("satuan"), max_length=50, required=False)
    baseline = NumberField(label=_("nilai awal"), max_digits=18, decimal_places=2, required=False)
    baseline_year = forms.IntegerField(
        label=_("tahun nilai awal"), min_value=2000, max_value=2100, required=False, widget=YEAR
    )
    targets = forms.CharField(
        label=_("target per tahun"), required=False, help_text=_("mis. 2025: 40; 2026: 62,5"), max_length=500
    )

    def clean_targets(self):
        return parse_targets(self.cleaned_data["targets"])


class FundingForm(forms.Form):
    source = forms.ModelChoiceField(label=_("sumber dana"), queryset=FundingSource.objects.order_by("order"))
    year = forms.IntegerField(label=_("tahun"), min_value=2000, max_value=2100, widget=YEAR)
    amount = AmountField(label=_("jumlah (Rp)"), min_value=0, max_digits=18, decimal_places=2)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("tahapan"), max_length=250)
    year = forms.IntegerField(label=_("tahun"), min_value=2000, max_value=2100, widget=YEAR)
    quarter = forms.TypedChoiceField(
        label=_("triwulan"),
        choices=[("", "–"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")],
        coerce=int,
        empty_value=None,
        required=False,
    )
    progress = forms.IntegerField(label=_("kemajuan (%)"), min_value=0, max_value=100, initial=0)


IndicatorFormSet = forms.formset_factory(IndicatorForm, extra=1, can_delete=True, max_num=50, validate_max=True)
FundingFormSet = forms.formset_factory(FundingForm, extra=1, can_delete=True, max_num=100, validate_max=True)
MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=1, can_delete=True, max_num=50, validate_max=True)


def rows_of(formset) -> list[dict]:
    """The filled, not deleted rows of a valid formset."""
    return [
        {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class ProgramFilterForm(forms.Form):
    q = forms.CharField(label=_("cari"), required=False)
    dimension = forms.ChoiceField(label=_("dimensi"), required=False)
    opd = forms.ModelChoiceField(
        label=_("OPD pelaksana"), queryset=Opd.objects.order_by("acronym"), required=False, empty_label="–"
    )
    horizon = forms.ChoiceField(label=_("jangka waktu"), choices=[("", "–"), *Program.Horizon.choices], required=False)
    quick_win = forms.ChoiceField(
        label=_("quick win"), choices=[("", "–"), ("1", _("ya")), ("0", _("bukan"))], required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].choices = [("", "–"), *Dimension.objects.order_by("order").values_list("code", "name")]


class MasterplanTextForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    regional_profile = forms.CharField(
        label=_("profil daerah"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    vision = forms.CharField(label=_("visi"), widget=TEXTAREA, required=False)
    mission = forms.CharField(label=_("misi"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    goals = forms.CharField(label=_("tujuan"), widget=forms.Textarea(attrs={"rows": 5}), required=False)


class ReadinessForm(forms.ModelForm):
    class Meta:
        model = Readiness
        fields = ["level", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class SwotForm(forms.ModelForm):
    class Meta:
        model = DimensionPlan
        fields = ["strengths", "weaknesses", "opportunities", "threats"]
        widgets = {f: TEXTAREA for f in fields}


class StrategyForm(forms.ModelForm):
    class Meta:
        model = DimensionPlan
        fields = ["strategy", "action_plan"]
        widgets = {"strategy": forms.Textarea(attrs={"rows": 4}), "action_plan": forms.Textarea(attrs={"rows": 4})}


class OpdForm(forms.ModelForm):
    class Meta:
        model = Opd
        fields = ["name", "acronym", "head"]

    def validate_unique(self):
        """The service checks the acronym (case-insensitively)."""


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["body", "name", "position", "opd", "sector", "contact"]


class RiskForm(forms.ModelForm):
    class Meta:
        model = Risk
        fields = ["description", "likelihood", "impact", "mitigation", "owner"]
        widgets = {
            "likelihood": forms.Select(choices=[(i, i) for i in range(1, 6)]),
            "impact": forms.Select(choices=[(i, i) for i in range(1, 6)]),
            "mitigation": TEXTAREA,
        }


class CommentForm(forms.Form):
    section = forms.ChoiceField(choices=Comment.Section.choices, widget=forms.HiddenInput)
    program = forms.IntegerField(required=False, widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("komentar"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sebut anggota dengan @e-mail atau @Nama Lengkap; mereka menerima e-mail dan notifikasi."),
    )


class TransitionForm(forms.Form):
    action = forms.ChoiceField(choices=[])
    reason = forms.CharField(label=_("alasan / catatan"), required=False, max_length=5000, widget=TEXTAREA)
    # the confirmation of a step taken while checklist items fail (services.workflow.GUARDED)
    acknowledge_failing = forms.BooleanField(
        label=_("Saya tahu butir di atas belum terpenuhi dan tetap melanjutkan"), required=False
    )
    confirming = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from programs.models import MasterplanTransition

        self.fields["action"].choices = MasterplanTransition.Action.choices


class OpdEditorForm(forms.Form):
    user = forms.IntegerField(widget=forms.HiddenInput)
    opd = forms.ModelChoiceField(queryset=Opd.objects.order_by("acronym"), required=False, label=_("OPD"))
