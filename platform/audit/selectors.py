"""Reads of the audit log: the rows matching the page's filters, newest first."""

import re
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from platform.audit.models import AuditEvent

REGION_CODE = re.compile(r"\d{2}\.\d{2}")


def _start_of(day: date) -> datetime:
    """Midnight of ``day`` in the viewer's time zone (the bounds stay index-friendly)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_events(
    *,
    action: str = "",
    workspace: str = "",
    actor: str = "",
    since: date | None = None,
    until: date | None = None,
    ip: str = "",
) -> QuerySet[AuditEvent]:
    """``workspace`` is a region code (``35.74``) or part of its region's name (or of its schema's);
    ``actor`` the start of an e-mail; ``since``/``until`` whole days, both included."""
    rows = AuditEvent.objects.select_related("actor", "workspace__region")
    if action:
        rows = rows.filter(action=action)
    workspace = workspace.strip()
    if workspace:
        if REGION_CODE.fullmatch(workspace):
            rows = rows.filter(workspace__region_id=workspace)
        else:
            rows = rows.filter(
                Q(workspace__region__name__icontains=workspace) | Q(workspace__schema_name__icontains=workspace)
            )
    actor = actor.strip().lower()
    if actor:
        rows = rows.filter(actor_email__startswith=actor)
    if since:
        rows = rows.filter(at__gte=_start_of(since))
    if until:
        rows = rows.filter(at__lt=_start_of(until + timedelta(days=1)))
    if ip:
        rows = rows.filter(ip=ip)
    return rows.order_by("-at", "-pk")
