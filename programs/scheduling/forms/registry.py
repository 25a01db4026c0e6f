"""Forms of the facilitator registry, its import, availability, the travel table and holidays.

They check the shape of the input; the rules (overlaps, a person registered twice, the
mirror of a travel cell) are the services', whose refusals land on these forms' fields
through ``platform.forms.add_service_errors``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from platform.uploads import sniff_upload
from programs.scheduling import importer
from programs.scheduling.models import ROMAN, Facilitator
from tenants.models import Province

STAGE_CHOICES = [(str(n), f"Bimtek {roman}") for n, roman in ROMAN.items()]
YES_NO = [("", _("Semua")), ("1", _("Aktif")), ("0", _("Tidak aktif"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FacilitatorFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), required=False, choices=[("", _("Semua")), *Facilitator.Kind.choices])
    province = forms.ModelChoiceField(
        label=_("Provinsi asal"),
        required=False,
        queryset=Province.objects.all(),
        empty_label=_("Semua"),
        to_field_name="code",
    )
    stage = forms.TypedChoiceField(
        label=_("Tahap"), required=False, coerce=int, empty_value=None, choices=[("", _("Semua")), *STAGE_CHOICES]
    )
    active = forms.ChoiceField(label=_("Status"), required=False, choices=YES_NO)


class FacilitatorForm(forms.Form):
    """Create (e-mail given) or edit (e-mail fixed: it names the account) a registry entry."""

    email = forms.EmailField(label=_("E-mail"), max_length=254)
    full_name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=150,
        required=False,
        help_text=_("Wajib bila e-mail ini belum punya akun; akun baru menerima undangan untuk membuat kata sandi."),
    )
    institution = forms.CharField(label=_("Institusi"), max_length=200)
    home_province = forms.ModelChoiceField(
        label=_("Provinsi asal"), queryset=Province.objects.all(), empty_label="—", to_field_name="code"
    )
    kind = forms.ChoiceField(label=_("Jenis"), choices=Facilitator.Kind.choices)
    stages = forms.TypedMultipleChoiceField(
        label=_("Tahap yang dapat dipimpin"),
        required=False,
        coerce=int,
        choices=STAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Pejabat kementerian hadir mewakili kementerian dan tidak memimpin tahap."),
    )
    max_per_month = forms.IntegerField(label=_("Maks. Bimtek per bulan"), min_value=1, max_value=20, initial=4)
    is_active = forms.BooleanField(label=_("Aktif"), required=False, initial=True)

    def __init__(self, *args, facilitator: Facilitator | None = None, **kwargs):
        if facilitator is not None:
            kwargs.setdefault(
                "initial",
                {
                    "email": facilitator.user.email,
                    "full_name": facilitator.user.full_name,
                    "institution": facilitator.institution,
                    "home_province": facilitator.home_province_id,
                    "kind": facilitator.kind,
                    "stages": [str(s) for s in facilitator.stages],
                    "max_per_month": facilitator.max_per_month,
                    "is_active": facilitator.is_active,
                },
            )
        super().__init__(*args, **kwargs)
        if facilitator is not None:
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("E-mail menandai akun orang ini dan tidak diubah di sini.")
            self.fields["full_name"].help_text = ""

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "institution": data["institution"].strip(),
            "home_province": data["home_province"],
            "kind": data["kind"],
            "stages": data["stages"],
            "max_per_month": data["max_per_month"],
            "is_active": data["is_active"],
        }


class RegistryUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas XLSX atau CSV"),
        help_text=_("Baris pertama berisi judul kolom templat; satu fasilitator per baris."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            importer.check_upload(size=upload.size, kind=sniff_upload(upload))
        except importer.FileRefused as exc:
            raise forms.ValidationError(exc.messages) from None
        return upload


class UnavailabilityForm(forms.Form):
    starts = forms.DateField(label=_("Mulai"), widget=DateInput())
    ends = forms.DateField(label=_("Sampai"), widget=DateInput())
    reason = forms.CharField(label=_("Alasan"), max_length=200)


class TravelCellForm(forms.Form):
    origin = forms.ModelChoiceField(label=_("Dari"), queryset=Province.objects.all(), to_field_name="code")
    destination = forms.ModelChoiceField(label=_("Ke"), queryset=Province.objects.all(), to_field_name="code")
    days = forms.IntegerField(label=_("Hari perjalanan"), min_value=0, max_value=7)


class HolidayForm(forms.Form):
    date = forms.DateField(label=_("Tanggal"), widget=DateInput())
    name = forms.CharField(label=_("Nama hari libur"), max_length=200)


class HolidayYearForm(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100, required=False)
