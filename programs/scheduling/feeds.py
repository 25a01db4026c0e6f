"""Calendar feeds (iCal) of the national plan behind secret token URLs.

Three scopes, each owned by one user (``CalendarFeed``):

- *facilitator*: the workshops the owner leads, assists or represents the ministry at;
- *region*: the workshops of one region, for its region admins (and ministry staff);
- *ministry*: every workshop of every plan, for ministry staff.

A feed answers only while its owner still has the right to it (an active account, still in
the registry, still region admin of the workspace, still ministry staff); otherwise its URL
answers 404 like an unknown or reset token. The calendar is built on each request from the
workshops as they stand, so a feed follows the plan without any cache to go stale.

Each event is timed in the region's own zone (WIB, WITA or WIT: ``Province.timezone``), from
08.00 on the first day to 17.00 on the last, with its VTIMEZONE. UIDs are stable per
workshop; SEQUENCE, LAST-MODIFIED and DTSTAMP come from the workshop's ``updated_at``, so a
calendar app sees a moved workshop as a new revision of the same event. Cancelled workshops
and those without dates are left out rather than sent as STATUS:CANCELLED: a subscribed
calendar is replaced by each fetch, so an event that is no longer in the feed disappears,
and the same rule covers a facilitator taken off a workshop that still takes place.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from platform import formats as local_formats
from platform.context_processors import absolute_url
from programs.scheduling import selectors
from programs.scheduling.models import ROMAN, CalendarFeed, Facilitator, Workshop, new_token
from programs.scheduling.rules import can_view_scheduling, facilitator_of
from tenants.models import Membership, Province, Region

Scope = CalendarFeed.Scope

# The working day shown in calendars, in the region's local time.
DAY_STARTS = time(8, 0)
DAY_ENDS = time(17, 0)
UID_DOMAIN = "smartcity100"
# SEQUENCE counts seconds since the programme began: it grows with every change and stays
# inside the 32-bit integer many calendar apps read it into.
SEQUENCE_EPOCH = datetime(2017, 1, 1, tzinfo=UTC)
REFRESH = timedelta(hours=1)
PUBLIC_URLCONF = "platform.urls_public"


# --- who may own which feed -------------------------------------------------------------------


def _current(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    today = timezone.localdate()
    return memberships.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today), Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )


def administered_regions(user) -> QuerySet[Region]:
    """Regions whose workspace ``user`` is a current region admin of (by name)."""
    admin_of = _current(Membership.objects.filter(user=user, role=Membership.Role.REGION_ADMIN))
    return Region.objects.filter(workspace__in=admin_of.values("workspace")).order_by("name")


def is_entitled(user, scope: str, region_id: str | None = None) -> bool:
    """Whether ``user`` may own (and read) a feed of ``scope`` (of ``region_id`` for a region feed)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if scope == Scope.FACILITATOR:
        return region_id is None and facilitator_of(user) is not None
    if scope == Scope.MINISTRY:
        return region_id is None and can_view_scheduling(user)
    if scope == Scope.REGION:
        return region_id is not None and (
            can_view_scheduling(user) or administered_regions(user).filter(code=region_id).exists()
        )
    return False


def feed_for(user, scope: str, region=None) -> CalendarFeed | None:
    """The user's feed of ``scope`` (``region``: a Region or its code), made on first use;
    ``None`` when the user has no right to it (nothing is made then).

    Called while showing a page: making the token on first sight is idempotent (one row per
    owner, scope and region, guarded by a unique constraint), so the first visit of a page
    already shows a working link.
    """
    region_id = getattr(region, "pk", region)
    if not is_entitled(user, scope, region_id):
        return None
    feed, _created = CalendarFeed.objects.get_or_create(owner=user, scope=scope, region_id=region_id)
    if isinstance(region, Region):
        feed.region = region
    return feed


def feeds_of(user) -> list[CalendarFeed]:
    """Every feed ``user`` is entitled to, made on first use: their facilitator feed, the
    ministry feed for ministry staff, one feed per region they administer."""
    feeds = [feed_for(user, Scope.FACILITATOR), feed_for(user, Scope.MINISTRY)]
    feeds += [feed_for(user, Scope.REGION, region) for region in administered_regions(user)]
    return [f for f in feeds if f is not None]


def may_have_feeds(user) -> bool:
    """Whether "my calendars" has anything for ``user`` (the page's rule)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return can_view_scheduling(user) or is_entitled(user, Scope.FACILITATOR) or administered_regions(user).exists()


def reset_feed(*, actor, feed_id: int) -> CalendarFeed:
    """Give the owner's feed a new secret token: the old URL answers 404 from now on.
    Only the owner resets their feed (anyone else: PermissionDenied, as for a missing feed)."""
    with transaction.atomic():
        feed = CalendarFeed.objects.select_for_update().filter(pk=feed_id).first()
        if feed is None or actor is None or not actor.is_authenticated or feed.owner_id != actor.pk:
            raise PermissionDenied("not the feed's owner")
        feed.token = new_token()
        feed.save(update_fields=["token"])
    return feed


def readable_feed(token: str) -> CalendarFeed | None:
    """The feed behind ``token`` if its owner may still read it, else ``None``."""
    feed = CalendarFeed.objects.select_related("owner", "region").filter(token=token).first()
    if feed is None or not is_entitled(feed.owner, feed.scope, feed.region_id):
        return None
    return feed


# --- links -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedLink:
    """What a page shows of a feed: its title, its URL (http and webcal) and where to reset it."""

    feed: CalendarFeed
    title: str
    url: str
    webcal_url: str
    reset_path: str
    manage_url: str


def _apex_url(path: str, request=None) -> str:
    """An absolute URL on the apex host. With a request, its scheme and port are kept (the
    page may be on a workspace host: the feed lives on the apex only)."""
    if request is None:
        return absolute_url(settings.BASE_DOMAIN, path)
    host = request.get_host()
    port = f":{host.rsplit(':', 1)[1]}" if ":" in host else ""
    return f"{request.scheme}://{settings.BASE_DOMAIN}{port}{path}"


def feed_title(feed: CalendarFeed) -> str:
    if feed.scope == Scope.FACILITATOR:
        return _("Bimtek saya")
    if feed.scope == Scope.REGION:
        return _("Bimtek %(region)s") % {"region": feed.region.name}
    return _("Semua Bimtek (kementerian)")


def link_of(feed: CalendarFeed, request=None) -> FeedLink:
    url = _apex_url(reverse("schedule-feed", urlconf=PUBLIC_URLCONF, kwargs={"token": feed.token}), request)
    return FeedLink(
        feed=feed,
        title=feed_title(feed),
        url=url,
        webcal_url="webcal://" + url.split("://", 1)[1],
        reset_path=reverse("schedule-feed-reset", urlconf=PUBLIC_URLCONF, kwargs={"pk": feed.pk}),
        manage_url=_apex_url(reverse("schedule-my-feeds", urlconf=PUBLIC_URLCONF), request),
    )


# --- the calendar ----------------------------------------------------------------------------


def feed_workshops(feed: CalendarFeed, facilitator: Facilitator | None = None) -> QuerySet[Workshop]:
    """The dated, not cancelled workshops a feed shows (people and region loaded);
    ``facilitator``: the owner's registry entry, for a facilitator feed."""
    if feed.scope == Scope.FACILITATOR:
        rows = selectors.workshops_of_facilitator(facilitator or facilitator_of(feed.owner))
    elif feed.scope == Scope.REGION:
        rows = selectors.workshops_of_region(feed.region_id)
    else:
        rows = (
            Workshop.objects.exclude(status=Workshop.Status.CANCELLED)
            .select_related("region__province", "plan", "lead__user", "ministry_rep__user")
            .prefetch_related("co_facilitators__user")
        )
    return rows.filter(starts__isnull=False).order_by("starts", "region_id", "stage", "pk")


def region_contacts(region_ids) -> dict[str, list[str]]:
    """Region code -> "Name <e-mail>" of its current region admins (one query)."""
    rows = (
        _current(Membership.objects.filter(workspace__region_id__in=set(region_ids), role=Membership.Role.REGION_ADMIN))
        .filter(user__is_active=True)
        .order_by("user__full_name", "user__email")
        .values_list("workspace__region_id", "user__full_name", "user__email")
    )
    contacts: dict[str, list[str]] = {}
    for region_id, name, email in rows:
        contacts.setdefault(region_id, []).append(f"{name} <{email}>" if name else email)
    return contacts


def _roles_of(workshop: Workshop, facilitator_id: int) -> list[str]:
    roles = []
    if workshop.lead_id == facilitator_id:
        roles.append(_("pemimpin (narasumber)"))
    if any(f.pk == facilitator_id for f in workshop.co_facilitators.all()):
        roles.append(_("pendamping"))
    if workshop.ministry_rep_id == facilitator_id:
        roles.append(_("wakil kementerian"))
    return roles


def _description(workshop: Workshop, zone: str, contacts: list[str], roles: list[str]) -> str:
    region = workshop.region
    lines = [
        _("Bimtek %(stage)s %(region)s (%(province)s)")
        % {"stage": workshop.roman, "region": region.name, "province": region.province.name},
        _("Rencana: %(plan)s") % {"plan": workshop.plan.name},
        _("Status: %(status)s") % {"status": workshop.get_status_display()},
        _("Waktu: %(start)s–%(end)s %(zone)s (waktu setempat)")
        % {"start": local_formats.time_of_day(DAY_STARTS), "end": local_formats.time_of_day(DAY_ENDS), "zone": zone},
    ]
    if roles:
        lines.append(_("Peran Anda: %(roles)s") % {"roles": ", ".join(roles)})
    if workshop.venue:
        lines.append(_("Tempat: %(venue)s") % {"venue": workshop.venue})
    people = [
        (_("Pemimpin"), [workshop.lead] if workshop.lead else []),
        (_("Pendamping"), list(workshop.co_facilitators.all())),
        (_("Wakil kementerian"), [workshop.ministry_rep] if workshop.ministry_rep else []),
    ]
    for label, persons in people:
        if persons:
            lines.append(f"{label}: " + ", ".join(p.name for p in persons))
    lines.append(_("Kontak daerah: %(contacts)s") % {"contacts": "; ".join(contacts) or "–"})
    if workshop.notes:
        lines.append(_("Catatan: %(notes)s") % {"notes": workshop.notes})
    return "\n".join(lines)


def _event(workshop: Workshop, contacts: list[str], roles: list[str]) -> Event:
    zone = workshop.region.province.timezone
    tz = ZoneInfo(zone)
    changed = workshop.updated_at
    return Event.new(
        uid=f"workshop-{workshop.pk}@{UID_DOMAIN}",
        summary=_("Bimtek %(stage)s %(region)s") % {"stage": workshop.roman, "region": workshop.region.name},
        start=datetime.combine(workshop.starts, DAY_STARTS, tzinfo=tz),
        end=datetime.combine(workshop.ends, DAY_ENDS, tzinfo=tz),
        location=", ".join(part for part in (workshop.venue, workshop.region.name) if part),
        description=_description(workshop, Province.Zone(zone).label, contacts, roles),
        status="TENTATIVE" if workshop.status == Workshop.Status.PROPOSED else "CONFIRMED",
        sequence=max(0, int((changed - SEQUENCE_EPOCH).total_seconds())),
        last_modified=changed,
        stamp=changed,
        categories=[f"Bimtek {ROMAN[workshop.stage]}"],
    )


def calendar_of(feed: CalendarFeed) -> bytes:
    """The feed's iCalendar text (a fixed number of queries, whatever the number of workshops)."""
    facilitator = facilitator_of(feed.owner) if feed.scope == Scope.FACILITATOR else None
    facilitator_id = facilitator.pk if facilitator else None
    workshops = list(feed_workshops(feed, facilitator))
    contacts = region_contacts(w.region_id for w in workshops)
    calendar = Calendar.new(
        prodid="-//Smart City 100//Jadwal Bimtek//ID",
        uid=f"calendar-{feed.pk}@{UID_DOMAIN}",
        name=f"{feed_title(feed)} · Smart City 100",
        subcomponents=[
            _event(w, contacts.get(w.region_id, []), _roles_of(w, facilitator_id) if facilitator_id else [])
            for w in workshops
        ],
    )
    calendar.calscale = "GREGORIAN"
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", REFRESH)
    if workshops:
        # VTIMEZONE definitions over the feed's own years (Indonesia keeps no daylight saving).
        calendar.add_missing_timezones(
            first_date=date(min(w.starts for w in workshops).year, 1, 1),
            last_date=date(max(w.ends for w in workshops).year + 1, 1, 1),
        )
    return calendar.to_ical()
