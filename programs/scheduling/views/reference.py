"""Apex pages of the plan's reference data: the travel table between provinces (a 38×38 grid
seeded by the documented rule, corrected cell by cell, the mirror cell following) and the
national holidays per year. Ministry staff read them; ministry admins change them."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from platform.forms import add_service_errors
from programs.scheduling import rules, services
from programs.scheduling.forms.registry import HolidayForm, HolidayYearForm, TravelCellForm
from programs.scheduling.models import NationalHoliday, TravelTime
from programs.scheduling.solver import travel
from programs.scheduling.views.registry import AdminView, StaffView
from tenants.models import Province


class TravelView(StaffView):
    """GET: the grid (two queries); a cell's link fills the correction form. POST: one cell."""

    def get(self, request):
        initial = {key: request.GET[key] for key in ("origin", "destination") if request.GET.get(key)}
        if len(initial) == 2:
            cell = TravelTime.objects.filter(origin_id=initial["origin"], destination_id=initial["destination"]).first()
            if cell is not None:
                initial["days"] = cell.days
        return self._render(request, TravelCellForm(initial=initial))

    def post(self, request):
        form = TravelCellForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.set_travel_days(
                    user=request.user, origin=data["origin"], destination=data["destination"], days=data["days"]
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Perjalanan %(a)s ↔ %(b)s: %(days)s hari (kedua arah).")
                    % {"a": data["origin"].name, "b": data["destination"].name, "days": data["days"]},
                )
                return redirect(reverse("schedule-travel") + f"?origin={data['origin'].code}#grid")
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        provinces = list(Province.objects.order_by("code"))
        days = {(t.origin_id, t.destination_id): t.days for t in TravelTime.objects.all()}
        grid = []
        for a in provinces:
            cells = []
            for b in provinces:
                value = days.get((a.code, b.code))
                by_rule = travel.travel_days_by_rule(a.code, b.code)
                cells.append({"to": b, "days": value, "corrected": value is not None and value != by_rule})
            grid.append((a, cells))
        missing = sum(1 for a in provinces for b in provinces if (a.code, b.code) not in days)
        context = {
            "form": form,
            "provinces": provinces,
            "grid": grid,
            "missing": missing,
            "selected": form["origin"].value(),
            "can_manage": rules.can_manage_scheduling(request.user),
            "groups": sorted(
                (group, [p for p in provinces if p.code in codes]) for group, codes in travel.ISLAND_GROUPS.items()
            ),
        }
        return render(request, "scheduling/registry/travel.html", context, status=status)


class TravelSeedView(AdminView):
    """Fill every missing cell by the rule (corrected cells are never touched)."""

    def post(self, request):
        added = services.seed_travel_times()
        if added:
            messages.success(request, _("%(n)s sel yang kosong diisi menurut aturan.") % {"n": added})
        else:
            messages.info(request, _("Tidak ada sel yang kosong."))
        return redirect("schedule-travel")


class HolidaysView(StaffView):
    """One year's holidays (``?tahun=``); POST adds one (its year is then shown)."""

    def get(self, request):
        year_form = HolidayYearForm(request.GET or None)
        year = year_form.cleaned_data.get("tahun") if year_form.is_valid() else None
        return self._render(request, year or timezone.localdate().year, HolidayForm())

    def post(self, request):
        form = HolidayForm(request.POST)
        if form.is_valid():
            day = form.cleaned_data["date"]
            try:
                services.add_holiday(user=request.user, day=day, name=form.cleaned_data["name"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Hari libur %(name)s dicatat.") % {"name": form.cleaned_data["name"]})
                return redirect(reverse("schedule-holidays") + f"?tahun={day.year}")
        day = form.cleaned_data.get("date") if hasattr(form, "cleaned_data") else None
        return self._render(request, day.year if day else timezone.localdate().year, form, status=400)

    def _render(self, request, year, form, status=200):
        years = {d.year for d in NationalHoliday.objects.dates("date", "year")}
        this_year = timezone.localdate().year
        years |= {this_year - 1, this_year, this_year + 1, year}
        context = {
            "year": year,
            "years": sorted(years),
            "holidays": NationalHoliday.objects.filter(date__gte=date(year, 1, 1), date__lte=date(year, 12, 31)),
            "form": form,
            "can_manage": rules.can_manage_scheduling(request.user),
        }
        return render(request, "scheduling/registry/holidays.html", context, status=status)


class HolidayDeleteView(AdminView):
    def post(self, request, pk):
        holiday = get_object_or_404(NationalHoliday, pk=pk)
        services.delete_holiday(user=request.user, holiday=holiday)
        messages.success(request, _("Hari libur %(name)s dihapus.") % {"name": holiday.name})
        return redirect(reverse("schedule-holidays") + f"?tahun={holiday.date.year}")
