"""The hand edit of one workshop: dates, lead, co-facilitators, ministry representative, venue
and notes. The same form feeds the live check (a hypothetical edit, nothing saved) and the save
(``services.edit_workshop``)."""

from datetime import timedelta

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from programs.scheduling.models import Facilitator, Workshop


class FacilitatorChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.institution})"


class FacilitatorsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.institution})"


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class WorkshopForm(forms.Form):
    starts = forms.DateField(label=_("Tanggal mulai"), required=False, widget=_date_input())
    ends = forms.DateField(label=_("Tanggal selesai"), required=False, widget=_date_input())
    lead = FacilitatorChoice(label=_("Pemimpin (narasumber)"), queryset=Facilitator.objects.none(), required=False)
    co_facilitators = FacilitatorsChoice(
        label=_("Pendamping"),
        queryset=Facilitator.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Tahan Ctrl (atau Cmd) untuk memilih lebih dari satu."),
    )
    ministry_rep = FacilitatorChoice(label=_("Wakil kementerian"), queryset=Facilitator.objects.none(), required=False)
    venue = forms.CharField(label=_("Tempat"), max_length=200, required=False)
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, workshop: Workshop, **kwargs):
        self.workshop = workshop
        days = workshop.plan.workshop_days
        co_ids = [f.pk for f in workshop.co_facilitators.all()]
        usual_end = workshop.starts + timedelta(days=days - 1) if workshop.starts else None
        kwargs.setdefault(
            "initial",
            {
                "starts": workshop.starts,
                "ends": workshop.ends if workshop.ends != usual_end else None,
                "lead": workshop.lead_id,
                "co_facilitators": co_ids,
                "ministry_rep": workshop.ministry_rep_id,
                "venue": workshop.venue,
                "notes": workshop.notes,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["ends"].help_text = _("Kosongkan: tanggal mulai + %(n)s hari − 1 (lama Bimtek rencana ini).") % {
            "n": days
        }
        people = Facilitator.objects.select_related("user")
        # The people already on the workshop stay choosable even when no longer eligible, so an
        # edit of another field never fails on them; the checker flags them instead.
        self.fields["lead"].queryset = people.filter(
            Q(is_active=True, kind=Facilitator.Kind.EXPERT, stages__contains=[workshop.stage]) | Q(pk=workshop.lead_id)
        )
        self.fields["lead"].help_text = _("Fasilitator aktif yang memimpin tahap %(stage)s.") % {
            "stage": workshop.roman
        }
        self.fields["co_facilitators"].queryset = people.filter(
            Q(is_active=True, kind=Facilitator.Kind.EXPERT) | Q(pk__in=co_ids)
        )
        self.fields["ministry_rep"].queryset = people.filter(
            Q(is_active=True, kind=Facilitator.Kind.OFFICIAL) | Q(pk=workshop.ministry_rep_id)
        )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts"), data.get("ends")
        if ends and not starts and "starts" not in self.errors:
            self.add_error("starts", _("Isi tanggal mulai, atau kosongkan keduanya."))
        if starts and ends and ends < starts:
            self.add_error("ends", _("Tanggal selesai sebelum tanggal mulai."))
        lead, rep, co = data.get("lead"), data.get("ministry_rep"), data.get("co_facilitators") or []
        if lead is not None and lead in co:
            self.add_error("co_facilitators", _("%(name)s sudah menjadi pemimpin Bimtek ini.") % {"name": lead.name})
        if rep is not None and rep in co:
            self.add_error("co_facilitators", _("%(name)s sudah menjadi wakil kementerian.") % {"name": rep.name})
        return data

    def changes(self) -> dict:
        """The keyword arguments of ``services.edit_workshop`` for this edit."""
        data = self.cleaned_data
        return {
            "starts": data["starts"],
            "ends": data["ends"],
            "lead": data["lead"],
            "co_facilitators": list(data["co_facilitators"]),
            "ministry_rep": data["ministry_rep"],
            "venue": data["venue"],
            "notes": data["notes"],
        }

    def hypothetical(self) -> dict:
        """What the checker needs of this edit: the start, the lead and who else attends."""
        data = self.cleaned_data
        attendees = {f.pk for f in data["co_facilitators"]}
        if data["ministry_rep"] is not None:
            attendees.add(data["ministry_rep"].pk)
        return {
            "starts": data["starts"],
            "lead_id": data["lead"].pk if data["lead"] else None,
            "attendees": frozenset(attendees),
        }
