"""Demo data of the national plan: a facilitator registry, their unavailability, the 2018
cohort's plan proposed by the solver and confirmed, then one hand edit that leaves a conflict
for a ministry admin to find on the plan page and fix (called by ``seed_demo``).

Idempotent: a second run finds the plan and changes nothing.
"""

from datetime import date, timedelta

from django.db import transaction

from platform.accounts.models import User
from programs.scheduling import services
from programs.scheduling.models import (
    AccessWindow,
    Facilitator,
    Plan,
    PlanVersion,
    RegionWish,
    SolveJob,
    Unavailability,
)
from tenants.models import Cohort, Membership, Province

PASSWORD = "smartcity100"
PLAN_NAME = "Bimtek Angkatan 2018"

# (e-mail, name, institution, home province, stages led, max per month)
EXPERTS = [
    ("fasilitator@ugm.ac.id", "Fasilitator UGM", "Universitas Gadjah Mada", "34", (1, 2, 3, 4), 4),
    ("rina.wulandari@its.ac.id", "Dr. Rina Wulandari", "Institut Teknologi Sepuluh Nopember", "35", (1, 2, 3, 4), 4),
    ("agus.pratama@ui.ac.id", "Agus Pratama, M.T.", "Universitas Indonesia", "31", (1, 2), 3),
    ("made.suarjana@unud.ac.id", "Dr. I Made Suarjana", "Universitas Udayana", "51", (1, 2, 3, 4), 3),
    ("siti.rahma@itb.ac.id", "Siti Rahmawati, Ph.D.", "Institut Teknologi Bandung", "32", (2, 3, 4), 4),
    ("budi.santoso@undip.ac.id", "Ir. Budi Santoso", "Universitas Diponegoro", "33", (3, 4), 3),
    ("dewi.lestari@unair.ac.id", "Dewi Lestari, M.Kom.", "Universitas Airlangga", "35", (1, 2, 3), 3),
    ("hasan.basri@unhas.ac.id", "Dr. Hasan Basri", "Universitas Hasanuddin", "73", (1, 2, 3, 4), 3),
]
OFFICIALS = [
    ("kasubdit.smartcity@kominfo.go.id", "Kasubdit Smart City", "Kementerian Kominfo", "31"),
    ("staf.smartcity@kominfo.go.id", "Staf Direktorat Smart City", "Kementerian Kominfo", "31"),
]
UNAVAILABLE = [
    ("rina.wulandari@its.ac.id", date(2018, 7, 16), date(2018, 7, 27), "Konferensi internasional"),
    ("agus.pratama@ui.ac.id", date(2018, 8, 20), date(2018, 9, 7), "Minggu ujian dan perwalian"),
    ("made.suarjana@unud.ac.id", date(2018, 9, 24), date(2018, 10, 5), "Cuti keluarga"),
    ("fasilitator@ugm.ac.id", date(2018, 10, 15), date(2018, 10, 19), "Penelitian lapangan"),
]
WISHES = [  # (region, kind, starts, ends, note)
    ("35.74", RegionWish.Kind.BLACKOUT, date(2018, 8, 13), date(2018, 8, 24), "Peringatan HUT RI dan karnaval"),
    ("51.71", RegionWish.Kind.PREFERRED, date(2018, 7, 2), date(2018, 7, 8), "Setelah musim liburan"),
]


def seed_scheduling_demo(*, admin: User) -> Plan | None:
    """The registry and the 2018 plan (needs the 2018 cohort and the ministry admin)."""
    cohort = Cohort.objects.filter(year=2018).first()
    if cohort is None or Plan.objects.filter(cohort=cohort, name=PLAN_NAME).exists():
        return None
    with transaction.atomic():
        people = _registry(admin)
        _history_of_existing_assignments()
        for code, kind, starts, ends, note in WISHES:
            wish = {"ends": ends, "note": note}
            RegionWish.objects.get_or_create(region_id=code, kind=kind, starts=starts, defaults=wish)
        plan = services.open_plan(
            user=admin,
            cohort=cohort,
            name=PLAN_NAME,
            window_start=date(2018, 6, 4),
            window_end=date(2018, 10, 31),
            time_limit_seconds=10,
        )
        _attend(plan, people)
    job = SolveJob.objects.create(plan=plan, requested_by=admin)
    services.run_solve(job.pk)
    version = PlanVersion.objects.filter(plan=plan).order_by("-number").first()
    if version is not None and version.solver_status in ("optimal", "feasible"):
        services.confirm_version(user=admin, version=plan.versions.order_by("-number").first())
        _leave_a_conflict(plan, admin)
    return plan


def _user(email: str, name: str) -> User:
    return User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password=PASSWORD, full_name=name
    )


def _registry(admin) -> dict[str, Facilitator]:
    people = {}
    for email, name, institution, province, stages, per_month in EXPERTS:
        people[email] = Facilitator.objects.filter(user__email=email).first() or services.save_facilitator(
            user=admin,
            person=_user(email, name),
            institution=institution,
            home_province=Province.objects.get(code=province),
            kind=Facilitator.Kind.EXPERT,
            stages=list(stages),
            max_per_month=per_month,
        )
    for email, name, institution, province in OFFICIALS:
        people[email] = Facilitator.objects.filter(user__email=email).first() or services.save_facilitator(
            user=admin,
            person=_user(email, name),
            institution=institution,
            home_province=Province.objects.get(code=province),
            kind=Facilitator.Kind.OFFICIAL,
            stages=[],
            max_per_month=6,
        )
    # the facilitator whose assignment ended (moved from the memberships) no longer works with us
    Facilitator.objects.filter(user__email="mantan.fasilitator@ui.ac.id").update(is_active=False)
    for email, starts, ends, reason in UNAVAILABLE:
        Unavailability.objects.get_or_create(
            facilitator=people[email], starts=starts, defaults={"ends": ends, "reason": reason, "created_by": admin}
        )
    return people


def _history_of_existing_assignments() -> None:
    """The demo's facilitator memberships made before the plan existed get their access window."""
    for m in Membership.objects.filter(role=Membership.Role.FACILITATOR).select_related("user", "workspace"):
        facilitator = Facilitator.objects.filter(user=m.user).first()
        if (
            facilitator is None
            or AccessWindow.objects.filter(facilitator=facilitator, region_id=m.workspace.region_id).exists()
        ):
            continue
        starts = m.valid_from or date(2018, 1, 1)
        AccessWindow.objects.create(
            facilitator=facilitator,
            region_id=m.workspace.region_id,
            starts=starts,
            ends=m.valid_until or starts + timedelta(days=365),
            reason="ditugaskan kementerian sebelum rencana nasional",
        )


def _attend(plan: Plan, people: dict[str, Facilitator]) -> None:
    """A ministry official at each workshop of the first two stages, venues by region (before
    the solver runs: the officials' calendars count)."""
    officials = [people[email] for email, *_ in OFFICIALS]
    for i, w in enumerate(plan.workshops.select_related("region").order_by("region_id", "stage")):
        w.venue = f"Aula Bappeda {w.region.name}"
        if w.stage <= 2:
            w.ministry_rep = officials[i % len(officials)]
        w.save(update_fields=["venue", "ministry_rep"])


class _TooMany(Exception):
    pass


def _leave_a_conflict(plan: Plan, admin: User) -> None:
    """Hand one workshop to the lead of another region's workshop of the same stage, on that
    workshop's days (in another province when there is one): the plan page then warns of a
    facilitator in two places at once, and of nothing else."""
    workshops = list(plan.workshops.filter(starts__isnull=False).select_related("region", "lead").order_by("starts"))
    pairs = [
        (moved, other)
        for moved in workshops
        for other in workshops
        if other.stage == moved.stage
        and other.region_id != moved.region_id
        and other.lead_id != moved.lead_id
        and moved.stage in other.lead.stages
    ]
    # far apart first, then the smallest move
    pairs.sort(
        key=lambda p: (p[0].region.province_id == p[1].region.province_id, abs((p[0].starts - p[1].starts).days))
    )
    for moved, other in pairs:
        try:
            with transaction.atomic():
                services.edit_workshop(user=admin, workshop=moved, lead=other.lead, starts=other.starts)
                if {v.code for v in services.warnings(plan)} - {"overlap", "travel"}:
                    raise _TooMany
                return
        except _TooMany:
            continue
