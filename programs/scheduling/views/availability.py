"""Apex pages of a facilitator's unavailability: a ministry admin's view of anyone's dates
(staff read them) and a facilitator's own "my unavailability". A facilitator reaches only
their own entries: another's page or entry answers 404, as a missing one does."""

from abc import ABC, abstractmethod

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from platform.forms import add_service_errors
from programs.scheduling import rules, selectors, services
from programs.scheduling.forms.registry import UnavailabilityForm
from programs.scheduling.models import Facilitator, Unavailability
from programs.scheduling.views.registry import StaffView
from tenants.views_national import NationalView


class AvailabilityPage(ABC):
    """The list and the add form of one facilitator's unavailability; subclasses say whose."""

    own = False  # the facilitator's own page (its URLs take no facilitator id)

    @abstractmethod
    def facilitator(self) -> Facilitator:
        """Whose dates this page shows (or 404)."""

    def can_edit(self, user) -> bool:
        return True

    def page_url(self, entry: Facilitator) -> str:
        if self.own:
            return reverse("schedule-my-unavailability")
        return reverse("schedule-unavailability", kwargs={"pk": entry.pk})

    def get(self, request, **kwargs):
        return self.render_page(request, self.facilitator(), UnavailabilityForm())

    def post(self, request, **kwargs):
        entry = self.facilitator()
        form = UnavailabilityForm(request.POST)
        if form.is_valid():
            try:
                services.add_unavailability(user=request.user, facilitator=entry, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Tanggal tidak tersedia dicatat."))
                return redirect(self.page_url(entry))
        return self.render_page(request, entry, form, status=400)

    def render_page(self, request, entry, form, status=200):
        context = {
            "entry": entry,
            "form": form,
            "rows": entry.unavailability.all(),
            "can_edit": self.can_edit(request.user),
            "own": self.own,
        }
        return render(request, "scheduling/registry/unavailability.html", context, status=status)


class FacilitatorUnavailabilityView(AvailabilityPage, StaffView):
    """Anyone's dates: ministry staff read, ministry admins add and delete."""

    def facilitator(self):
        return get_object_or_404(selectors.facilitators(), pk=self.kwargs["pk"])

    def can_edit(self, user):
        return rules.can_manage_scheduling(user)


class MyUnavailabilityView(AvailabilityPage, NationalView):
    """A facilitator's own dates."""

    rule = staticmethod(rules.is_facilitator)
    own = True

    def facilitator(self):
        return rules.facilitator_of(self.request.user)


class FacilitatorUnavailabilityDeleteView(StaffView):
    rule = staticmethod(rules.can_manage_scheduling)

    def post(self, request, pk, entry_pk):
        row = get_object_or_404(Unavailability.objects.select_related("facilitator"), pk=entry_pk, facilitator_id=pk)
        services.delete_unavailability(user=request.user, entry=row)
        messages.success(request, _("Tanggal tidak tersedia dihapus."))
        return redirect("schedule-unavailability", pk=pk)


class MyUnavailabilityDeleteView(NationalView):
    rule = staticmethod(rules.is_facilitator)

    def post(self, request, entry_pk):
        own = rules.facilitator_of(request.user)
        row = Unavailability.objects.select_related("facilitator").filter(pk=entry_pk, facilitator=own).first()
        if row is None:
            raise Http404()
        services.delete_unavailability(user=request.user, entry=row)
        messages.success(request, _("Tanggal tidak tersedia dihapus."))
        return redirect("schedule-my-unavailability")
