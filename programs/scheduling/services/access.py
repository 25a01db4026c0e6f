"""Workspace access follows the plan.

Confirming a facilitator on a region's workshops opens an ``AccessWindow`` from
``plan.access_days_before`` days before their first workshop there to
``plan.access_days_after`` days after their last, and makes their facilitator membership of
the region's workspace match it. Re-planning closes the open window and opens a new one;
removing them closes it and ends the membership. Windows are never overwritten: they are the
history of who could read which workspace, when.

Only confirmed and locked workshops give access; proposals give none.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from platform.audit import record
from programs.scheduling.models import AccessWindow, Plan, Workshop
from tenants.models import Membership, Workspace


def wanted_windows(plan: Plan, region_id: str) -> dict[int, tuple]:
    """facilitator id -> (first day, last day) of access, from the region's fixed workshops."""
    spans: dict[int, list] = {}
    workshops = (
        Workshop.objects.filter(
            plan=plan, region_id=region_id, status__in=[Workshop.Status.CONFIRMED, Workshop.Status.LOCKED]
        )
        .exclude(starts__isnull=True)
        .prefetch_related("co_facilitators")
    )
    for w in workshops:
        people = {w.lead_id, w.ministry_rep_id, *(f.pk for f in w.co_facilitators.all())} - {None}
        for pk in people:
            span = spans.setdefault(pk, [w.starts, w.ends])
            span[0], span[1] = min(span[0], w.starts), max(span[1], w.ends)
    before, after = timedelta(days=plan.access_days_before), timedelta(days=plan.access_days_after)
    return {pk: (first - before, last + after) for pk, (first, last) in spans.items()}


@transaction.atomic
def sync_region_access(*, plan: Plan, region_id: str, reason: str, actor=None) -> dict[str, int]:
    """Bring the open windows and memberships of one region in line with the plan; each
    window opened, moved or closed is written to the audit log as ``actor``'s doing."""
    wanted = wanted_windows(plan, region_id)
    now = timezone.now()
    counts = {"opened": 0, "moved": 0, "closed": 0}
    open_windows = {
        w.facilitator_id: w
        for w in AccessWindow.objects.select_for_update().filter(plan=plan, region_id=region_id, closed_at__isnull=True)
    }
    for pk, window in open_windows.items():
        if pk not in wanted:
            window.closed_at, window.close_reason = now, reason
            window.save(update_fields=["closed_at", "close_reason"])
            counts["closed"] += 1
        elif (window.starts, window.ends) != wanted[pk]:
            window.closed_at, window.close_reason = now, reason
            window.save(update_fields=["closed_at", "close_reason"])
            counts["moved"] += 1
    for pk, (starts, ends) in wanted.items():
        current = open_windows.get(pk)
        if current is None or (current.starts, current.ends) != (starts, ends):
            AccessWindow.objects.create(
                facilitator_id=pk, region_id=region_id, plan=plan, starts=starts, ends=ends, reason=reason
            )
            counts["opened"] += current is None
    affected = set(open_windows) | set(wanted)
    if affected:
        sync_memberships(region_id=region_id, facilitator_ids=affected)
        _audit_windows(actor, region_id, open_windows, wanted, reason)
    return counts


def _audit_windows(actor, region_id: str, before: dict, wanted: dict, reason: str) -> None:
    """One audit row per facilitator whose window of the region opened, moved or closed."""
    from programs.scheduling.models import Facilitator

    changed = {pk for pk in before.keys() | wanted.keys() if pk not in before or pk not in wanted}
    changed |= {pk for pk in before.keys() & wanted.keys() if (before[pk].starts, before[pk].ends) != wanted[pk]}
    if not changed:
        return
    workspace = Workspace.objects.filter(region_id=region_id).first()
    emails = dict(Facilitator.objects.filter(pk__in=changed).values_list("pk", "user__email"))
    for pk in sorted(changed):
        old, new = before.get(pk), wanted.get(pk)
        action = "access_window_changed" if old and new else "access_window_opened" if new else "access_window_closed"
        dates = {"starts": new[0], "ends": new[1]} if new else {"starts": old.starts, "ends": old.ends}
        record(
            action,
            actor=actor,
            workspace=workspace,
            target=emails.get(pk, ""),
            region=region_id,
            reason=str(reason),
            **dates,
        )


def sync_memberships(*, region_id: str, facilitator_ids) -> None:
    """Each facilitator's membership of the region's workspace spans their open windows there
    (all plans); with none open, the facilitator membership ends (its row is removed: the
    windows keep the history). A member holding a region role keeps it untouched. Reads the
    windows and memberships of all the facilitators at once (three queries, then the writes)."""
    from programs.scheduling.models import Facilitator

    workspace = Workspace.objects.filter(region_id=region_id).first()
    if workspace is None:
        return
    users = dict(Facilitator.objects.filter(pk__in=facilitator_ids).values_list("pk", "user_id"))
    spans: dict[int, list] = {}
    open_windows = AccessWindow.objects.filter(
        facilitator_id__in=users, region_id=region_id, closed_at__isnull=True
    ).values_list("facilitator_id", "starts", "ends")
    for pk, starts, ends in open_windows:
        span = spans.setdefault(pk, [starts, ends])
        span[0], span[1] = min(span[0], starts), max(span[1], ends)
    memberships = {m.user_id: m for m in Membership.objects.filter(user_id__in=users.values(), workspace=workspace)}
    for pk, user_id in users.items():
        membership = memberships.get(user_id)
        if membership is not None and membership.role != Membership.Role.FACILITATOR:
            continue
        if pk not in spans:
            if membership is not None:
                membership.delete()
            continue
        starts, ends = spans[pk]
        if membership is None:
            Membership.objects.create(
                user_id=user_id,
                workspace=workspace,
                role=Membership.Role.FACILITATOR,
                valid_from=starts,
                valid_until=ends,
            )
        elif (membership.valid_from, membership.valid_until) != (starts, ends):
            membership.valid_from, membership.valid_until = starts, ends
            membership.save(update_fields=["valid_from", "valid_until"])


def sync_plan_access(*, plan: Plan, reason: str, actor=None) -> dict[str, int]:
    totals = {"opened": 0, "moved": 0, "closed": 0}
    regions = set(Workshop.objects.filter(plan=plan).values_list("region_id", flat=True))
    regions |= set(AccessWindow.objects.filter(plan=plan, closed_at__isnull=True).values_list("region_id", flat=True))
    for region_id in sorted(regions):
        for key, n in sync_region_access(plan=plan, region_id=region_id, reason=reason, actor=actor).items():
            totals[key] += n
    return totals
