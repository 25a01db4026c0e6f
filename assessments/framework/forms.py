"""Forms of the national framework pages: a version's import, copy and settings, its
indicators, the published history's import, the ranking's filters and the comparison's picker."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.framework import indicator_rules
from assessments.framework.models import FrameworkVersion, Stage, SubDimension
from assessments.framework.services import parse_decimal
from platform.forms import NumberField


class FrameworkImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas kerangka (YAML)"))


class FrameworkCopyForm(forms.Form):
    code = forms.SlugField(label=_("Kode versi baru"), max_length=40)
    name = forms.CharField(label=_("Nama versi baru"), max_length=200)
    year = forms.IntegerField(label=_("Tahun pedoman"), min_value=2017, max_value=2100)


class HistoryImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas hasil resmi (CSV atau XLSX)"),
        help_text=_(
            "Satu baris per wilayah dan periode; kolom dan kode yang diterima ada di bawah. "
            "Desimal boleh dengan koma (3,17)."
        ),
    )


class RankingFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Periode"), required=False)
    cohort = forms.TypedChoiceField(label=_("Angkatan"), required=False, coerce=int, empty_value=None)
    province = forms.ChoiceField(label=_("Provinsi"), required=False)
    kind = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=[("", _("Semua")), ("kabupaten", _("Kabupaten")), ("kota", _("Kota"))]
    )
    stage = forms.TypedChoiceField(
        label=_("Tahap"), required=False, coerce=int, empty_value=None, choices=[("", _("Semua"))] + list(Stage.choices)
    )
    sort = forms.CharField(required=False)
    desc = forms.CharField(required=False)

    def __init__(self, *args, periods, cohorts, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.key, p.label) for p in periods]
        self.fields["cohort"].choices = [("", _("Semua"))] + [(c, str(c)) for c in cohorts]
        self.fields["province"].choices = [("", _("Semua"))] + [(p.code, p.name) for p in provinces]


class ComparePickerForm(forms.Form):
    """The regions to compare: checkboxes over the regions with results, at most ``max_regions``
    (compare_picker.js adds a filter and a live count; the limit is checked here)."""

    region = forms.MultipleChoiceField(
        label=_("Wilayah"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Wilayah %(value)s tidak punya hasil untuk dibandingkan.")},
    )

    def __init__(self, *args, choices, max_regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_regions = max_regions
        self.fields["region"].choices = [(code, f"{name} ({code})") for code, name in choices]

    def clean_region(self):
        codes = list(dict.fromkeys(self.cleaned_data["region"]))
        if len(codes) > self.max_regions:
            message = gettext("Pilih paling banyak %(max)d daerah; %(n)d dipilih.")
            raise forms.ValidationError(message % {"max": self.max_regions, "n": len(codes)}, code="too_many")
        return codes


class VersionSettingsForm(forms.ModelForm):
    """Name, year, scale and rounding of a version no cycle uses yet."""

    class Meta:
        model = FrameworkVersion
        fields = ["name", "year", "scale_min", "scale_max", "decimals", "rounding", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        # Text boxes read the Indonesian way: a browser's number box shows "0,00" as empty.
        field_classes = {"scale_min": NumberField, "scale_max": NumberField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].min_value = 2017
        self.fields["year"].widget.attrs.update({"min": 2017, "max": 2100})


class IndicatorForm(forms.Form):
    """A question of a version; its levels one per line as ``score: description``."""

    code = forms.CharField(label=_("Kode"), max_length=30)
    component = forms.ModelChoiceField(label=_("Komponen"), queryset=None)
    subdimension = forms.ModelChoiceField(label=_("Subdimensi"), queryset=None)
    question = forms.CharField(label=_("Pertanyaan"), widget=forms.Textarea(attrs={"rows": 3}))
    weight = forms.CharField(label=_("Bobot dalam komponen"), initial="1", max_length=12)
    levels = forms.CharField(
        label=_("Deskripsi tingkat"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Satu tingkat per baris: skor, titik dua, deskripsi. Contoh: “2: Sebagian berjalan”."),
    )

    def __init__(self, *args, version: FrameworkVersion, indicator=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.version, self.indicator = version, indicator
        self.fields["component"].queryset = version.components.order_by("order")
        self.fields["subdimension"].queryset = SubDimension.objects.select_related("dimension").order_by(
            "dimension__order", "order"
        )
        self.fields["subdimension"].label_from_instance = lambda s: f"{s.dimension.name} / {s.name}"

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        self._check(indicator_rules.check_code_free, version=self.version, code=code, indicator=self.indicator)
        return code

    def clean_weight(self):
        weight = self._check(parse_decimal, self.cleaned_data["weight"], _("Bobot"))
        self._check(indicator_rules.check_weight, weight)
        return weight

    def clean_levels(self):
        levels, errors = [], []
        scale = {"scale_min": self.version.scale_min, "scale_max": self.version.scale_max}
        for number, line in enumerate(self.cleaned_data["levels"].splitlines(), start=1):
            if not line.strip():
                continue
            score_text, colon, description = line.partition(":")
            if not colon or not description.strip():
                errors.append(_("Baris %(n)s: tulis “skor: deskripsi”.") % {"n": number})
                continue
            where = _("Baris %(n)s") % {"n": number}
            try:
                score = parse_decimal(score_text, where)
                indicator_rules.check_level_score(score, **scale, where=where)
            except ValidationError as exc:
                errors.extend(exc.messages)
                continue
            value = int(score) if score == score.to_integral_value() else float(score)
            levels.append({"score": value, "description": description.strip()})
        if errors:
            raise forms.ValidationError(errors)
        return levels

    @staticmethod
    def _check(rule, *args, **kwargs):
        """``rule``'s result, its ``ValidationError`` as this field's errors."""
        try:
            return rule(*args, **kwargs)
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from None

    @staticmethod
    def levels_text(levels) -> str:
        return "\n".join(f"{level.get('score')}: {level.get('description', '')}" for level in levels or [])
