"""Forms of the national layer and of workspace membership."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from platform.accounts.forms import EMAIL_MAX_LENGTH
from tenants.models import Cohort, Membership, Province, Region, region_code_validator


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Provinsi"), queryset=Province.objects.all(), required=False, empty_label=_("Semua provinsi")
    )
    kind = forms.ChoiceField(
        label=_("Jenis"), choices=[("", _("Kabupaten dan kota")), *Region.Kind.choices], required=False
    )
    cohort = forms.TypedChoiceField(label=_("Angkatan"), coerce=int, required=False, empty_value=None)
    participation = forms.ChoiceField(
        label=_("Keikutsertaan"),
        required=False,
        choices=[("", _("Semua")), ("yes", _("Punya ruang kerja")), ("no", _("Belum ikut"))],
    )

    def __init__(self, *args, cohort_years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [("", _("Semua angkatan"))] + [(y, str(y)) for y in cohort_years]


class CohortForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun"), min_value=2017, max_value=2100)
    mou_date = forms.DateField(
        label=_("Tanggal Nota Kesepakatan"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    region_codes = forms.CharField(
        label=_("Kode wilayah anggota"),
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "35.74, 35.75, 33.72"}),
        help_text=_("Kode Kemendagri PP.RR, dipisah koma, spasi atau baris baru."),
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if Cohort.objects.filter(year=year).exists():
            raise ValidationError(_("Angkatan %(year)s sudah ada."), params={"year": year})
        return year

    def clean_region_codes(self):
        raw = self.cleaned_data["region_codes"].replace(",", " ").split()
        codes = sorted(set(raw))
        bad = []
        for code in codes:
            try:
                region_code_validator(code)
            except ValidationError:
                bad.append(code)
        if bad:
            raise ValidationError(_("Bukan kode PP.RR: %(codes)s"), params={"codes": ", ".join(bad)})
        known = set(Region.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise ValidationError(_("Kode wilayah tidak dikenal: %(codes)s"), params={"codes": ", ".join(unknown)})
        return codes


class CohortAddRegionForm(forms.Form):
    """A region without a cohort, chosen from a list searchable by name or code."""

    region = forms.CharField(
        label=_("Kabupaten/kota"),
        max_length=100,
        widget=forms.TextInput(attrs={"list": "free-regions", "autocomplete": "off", "placeholder": "35.76"}),
        help_text=_(
            "Ketik nama atau kode wilayah, lalu pilih dari daftar (hanya yang belum tergabung dalam angkatan)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.free_regions = Region.objects.filter(cohort__isnull=True).select_related("province").order_by("name")

    def clean_region(self):
        """The region's code, from a code (``35.76``) or a choice of the list (``35.76 · Kota Mojokerto``)."""
        code = self.cleaned_data["region"].split("·", 1)[0].strip()
        try:
            region_code_validator(code)
        except ValidationError:
            raise ValidationError(_("Pilih kabupaten/kota dari daftar.")) from None
        return code


class InviteMemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=EMAIL_MAX_LENGTH)
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Peran"), choices=Membership.Role.choices)
    valid_from = forms.DateField(
        label=_("Berlaku mulai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_until = forms.DateField(
        label=_("Berlaku sampai"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Wajib untuk fasilitator: akses berakhir bersama penugasannya."),
    )
    # Shown (as a check box) only with the warning of ``ended_period_warning``.
    acknowledge_ended_period = forms.BooleanField(
        label=_("Ya, tetap undang untuk masa penugasan yang sudah berakhir"),
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, can_appoint_facilitators: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_appoint_facilitators:  # only the ministry appoints facilitators (the service refuses too)
            self.fields["role"].choices = [c for c in Membership.Role.choices if c[0] != Membership.Role.FACILITATOR]
            self.fields["valid_until"].help_text = ""

    def ended_period_warning(self) -> str:
        """After ``is_valid``: the warning due before inviting a facilitator whose period has
        already ended, and the confirmation box shown with it; "" when none is due or the inviter
        has confirmed. A warning, not a refusal: a past assignment may be recorded on purpose."""
        data = self.cleaned_data
        until = data.get("valid_until")
        if data.get("role") != Membership.Role.FACILITATOR or not until or until >= timezone.localdate():
            return ""
        if data.get("acknowledge_ended_period"):
            return ""
        self.fields["acknowledge_ended_period"].widget = forms.CheckboxInput()
        return gettext(
            "Masa penugasan ini sudah berakhir pada %(date)s: fasilitator tidak akan dapat masuk ke ruang kerja. "
            "Periksa tanggalnya, atau centang konfirmasi untuk tetap mengundang."
        ) % {"date": date_format(until)}

    def member(self) -> dict:
        """The cleaned data for ``tenants.services.invite_member``."""
        return {k: v for k, v in self.cleaned_data.items() if k != "acknowledge_ended_period"}

    # The rules across fields (a facilitator's end date, the dates' order) are the service's:
    # ``tenants.services.add_member``, for this form and the API alike.
