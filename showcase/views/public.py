"""The public pages of a showcase (apex host, anyone, no sign-in): the published agenda, its
iCal file and an embeddable widget. Only the published version is ever read here; a showcase
without one answers 404, as does an unknown address.

The widget alone may be framed by other sites (its own X-Frame-Options and CSP
``frame-ancestors``); every other page keeps the site's refusal.
"""

from dataclasses import dataclass
from datetime import date, datetime

from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.clickjacking import xframe_options_exempt

from showcase import selectors
from showcase.feeds import calendar_of
from showcase.models import Showcase, Slot, Stage
from showcase.timing import local
from tenants.models import Province


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def zone_label(showcase: Showcase) -> str:
    return Province.Zone(showcase.time_zone).label


def profile_url(slug: str, code: str) -> str | None:
    """The public profile page of a region (``showcase-profile``, built by the profiles app);
    ``None`` while that page does not exist."""
    try:
        return reverse("showcase-profile", kwargs={"slug": slug, "code": code})
    except NoReverseMatch:
        return None


@dataclass
class Row:
    slot: Slot
    starts: datetime  # in the event's zone
    ends: datetime
    link: str | None = None
    new_day: bool = False


@dataclass
class StageDay:
    stage: Stage
    rows: list[Row]


@dataclass
class Day:
    day: date
    stages: list[StageDay]


def stage_rows(showcase: Showcase, stages: list[Stage], slots: list[Slot], *, links: bool = False) -> list[StageDay]:
    """Each stage with its slots in order (times in the event's zone; ``new_day`` marks the
    first slot of a later day)."""
    by_stage: dict[int, list[Row]] = {stage.pk: [] for stage in stages}
    for slot in slots:
        rows = by_stage.setdefault(slot.stage_id, [])
        starts = local(slot.starts_at, showcase)
        link = profile_url(showcase.slug, slot.region_id) if links and slot.region_id else None
        new_day = bool(rows) and rows[-1].starts.date() != starts.date()
        rows.append(Row(slot, starts, local(slot.ends_at, showcase), link, new_day))
    return [StageDay(stage, by_stage[stage.pk]) for stage in stages]


def agenda_days(showcase: Showcase, stages: list[Stage], slots: list[Slot]) -> list[Day]:
    """The published agenda by day, then by stage (stages without a slot that day left out)."""
    days: dict[date, dict[int, list[Row]]] = {}
    for stage_day in stage_rows(showcase, stages, slots, links=True):
        for row in stage_day.rows:
            days.setdefault(row.starts.date(), {}).setdefault(stage_day.stage.pk, []).append(row)
    return [
        Day(day, [StageDay(stage, per_stage[stage.pk]) for stage in stages if stage.pk in per_stage])
        for day, per_stage in sorted(days.items())
    ]


def published_or_404(slug: str):
    found = selectors.published_showcase(slug)
    if found is None:
        raise Http404("no published showcase")
    return found


def public_context(showcase: Showcase, version) -> dict:
    stages = list(showcase.stages.all())
    slots = selectors.slots_of(version)
    return {
        "showcase": showcase,
        "version": version,
        "days": agenda_days(showcase, stages, slots),
        "zone": zone_label(showcase),
        "presentations": sum(1 for s in slots if s.kind == Slot.Kind.PRESENTATION),
    }


class PublicAgendaView(View):
    def get(self, request, slug):
        showcase, version = published_or_404(slug)
        context = public_context(showcase, version)
        context["ics_url"] = reverse("showcase-ics", kwargs={"slug": showcase.slug})
        return render(request, "showcase/public.html", context)


class CalendarView(View):
    def get(self, request, slug):
        showcase, version = published_or_404(slug)
        response = HttpResponse(calendar_of(showcase, version), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="showcase-{showcase.slug}.ics"'
        return response


@method_decorator(xframe_options_exempt, name="dispatch")
@method_decorator(csp_replace({"frame-ancestors": ["*"]}), name="dispatch")
class WidgetView(View):
    """A minimal page of the agenda for other sites' iframes (``?lang=en`` for English)."""

    def get(self, request, slug):
        showcase, version = published_or_404(slug)
        language = request.GET.get("lang", "")
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        with translation.override(language):
            context = public_context(showcase, version)
            context["page_url"] = absolute(request, reverse("showcase-public", kwargs={"slug": showcase.slug}))
            response = render(request, "showcase/widget.html", context)
        response["Content-Language"] = language
        return response
