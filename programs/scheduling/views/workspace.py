"""The region's schedule page in its workspace (``/jadwal-bimtek/``): its workshops of every
plan (read-only, with the people the ministry assigned), its preferred weeks and blackout
dates, and the venue and notes of a workshop the ministry has not confirmed yet.

Everything is scoped to the workspace's own region (``request.tenant.region``): a workshop
or a wish of another region answers 404 like one that does not exist. The membership gate
has run; the pages declare ``can_view_workshops`` to read and ``can_edit_schedule_wishes``
to write.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from platform.forms import add_service_errors
from programs.scheduling import feeds, selectors, services
from programs.scheduling.forms.workspace import RegionWorkshopForm, WishForm
from programs.scheduling.models import CalendarFeed, RegionWish, Workshop
from programs.scheduling.services.regional import check_region_may_edit, update_workshop_by_region
from tenants.models import Membership
from tenants.views_workspace import WorkspaceView, actor_of


def region_wish(request, pk) -> RegionWish:
    """A wish of this workspace's region, or 404 (missing and another region's alike)."""
    wish = RegionWish.objects.filter(pk=pk, region_id=request.tenant.region_id).first()
    if wish is None:
        raise Http404()
    return wish


def region_workshop(request, pk) -> Workshop:
    """A workshop of this workspace's region that takes place (not cancelled), or 404."""
    workshop = selectors.workshops_of_region(request.tenant.region_id).filter(pk=pk).first()
    if workshop is None:
        raise Http404()
    return workshop


class RegionScheduleView(WorkspaceView):
    """The page; a POST adds a preferred week or blackout dates."""

    capability = "can_view_workshops"
    write_capability = "can_edit_schedule_wishes"

    def get(self, request):
        return self._render(request, WishForm())

    def post(self, request):
        form = WishForm(request.POST)
        if form.is_valid():
            try:
                wish = services.add_wish(actor=actor_of(request), region=request.tenant.region, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("%(kind)s dicatat.") % {"kind": wish.get_kind_display()})
                return redirect("schedule-region")
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        region = request.tenant.region
        wishes = RegionWish.objects.filter(region=region).order_by("starts", "kind")
        return render(
            request,
            "scheduling/workspace/region.html",
            {
                "region": region,
                "workshops": list(selectors.workshops_of_region(region.pk)),
                "wishes": list(wishes),
                "form": form,
                "feed_link": _region_feed(request),
            },
            status=status,
        )


def _region_feed(request):
    """The region's calendar feed link, for its region admins (made on first sight: see
    ``feeds.feed_for``)."""
    if request.access.role != Membership.Role.REGION_ADMIN:
        return None
    feed = feeds.feed_for(request.user, CalendarFeed.Scope.REGION, request.tenant.region)
    return feeds.link_of(feed, request) if feed is not None else None


class WishDeleteView(WorkspaceView):
    capability = "can_edit_schedule_wishes"

    def post(self, request, region_wish_pk):
        wish = region_wish(request, region_wish_pk)
        services.delete_wish(actor=actor_of(request), wish=wish)
        messages.success(request, _("%(kind)s dihapus.") % {"kind": wish.get_kind_display()})
        return redirect("schedule-region")


class RegionWorkshopEditView(WorkspaceView):
    """The venue and notes of a proposed workshop; a confirmed or locked one is shown read-only
    and a submission to it is refused (here and by the service)."""

    capability = "can_edit_schedule_wishes"

    def get(self, request, region_workshop_pk):
        workshop = region_workshop(request, region_workshop_pk)
        form = RegionWorkshopForm(initial={"venue": workshop.venue, "notes": workshop.notes})
        return self._render(request, workshop, form)

    def post(self, request, region_workshop_pk):
        workshop = region_workshop(request, region_workshop_pk)
        form = RegionWorkshopForm(request.POST)
        if form.is_valid():
            try:
                check_region_may_edit(workshop)
                update_workshop_by_region(
                    actor=actor_of(request), region=request.tenant.region, workshop=workshop, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Bimtek %(stage)s diperbarui.") % {"stage": workshop.roman})
                return redirect("schedule-region")
        return self._render(request, workshop, form, status=400)

    def _render(self, request, workshop, form, status=200):
        return render(
            request,
            "scheduling/workspace/workshop_form.html",
            {"workshop": workshop, "form": form, "editable": workshop.status == Workshop.Status.PROPOSED},
            status=status,
        )
