"""Small builders of scheduling data for tests (inside the test's transaction)."""

from datetime import date

from platform.accounts.models import User
from programs.scheduling.models import Facilitator, Plan, Workshop
from tenants.access import SYSTEM  # noqa: F401  (re-exported for tests that need the platform actor)
from tenants.models import Cohort, Region


def facilitator(
    email: str,
    *,
    province: str = "35",
    stages=(1, 2, 3, 4),
    kind: str = Facilitator.Kind.EXPERT,
    max_per_month: int = 4,
    institution: str = "Universitas Gadjah Mada",
    full_name: str = "",
) -> Facilitator:
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password="rahasia-uji-123", full_name=full_name or email.split("@")[0].replace(".", " ").title()
    )
    return Facilitator.objects.create(
        user=user,
        institution=institution,
        home_province_id=province,
        kind=kind,
        stages=list(stages) if kind == Facilitator.Kind.EXPERT else [],
        max_per_month=max_per_month,
    )


def plan(
    *,
    year: int = 2018,
    regions=("35.74", "35.75"),
    window=(date(2018, 6, 1), date(2018, 10, 31)),
    **settings,
) -> Plan:
    """A plan of the 2018 cohort (the world's: Probolinggo and Pasuruan) with its 4 workshops per
    region, made directly (no permission check): for tests of what comes after opening."""
    cohort, _ = Cohort.objects.get_or_create(year=year)
    Region.objects.filter(code__in=regions).update(cohort=cohort)
    p = Plan.objects.create(
        cohort=cohort, name=f"Bimtek {year}", window_start=window[0], window_end=window[1], **settings
    )
    Workshop.objects.bulk_create([Workshop(plan=p, region_id=code, stage=s) for code in regions for s in range(1, 5)])
    return p


def place(workshop: Workshop, starts: date, lead: Facilitator | None, *, status: str | None = None, days: int = 2):
    """Put a workshop on dates with a lead (directly, no version)."""
    from datetime import timedelta

    workshop.starts, workshop.ends, workshop.lead = starts, starts + timedelta(days=days - 1), lead
    if status:
        workshop.status = status
    workshop.save()
    return workshop
