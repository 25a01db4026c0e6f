"""The region's showcase profile as data, built in its workspace schema.

``profile_data`` is the one function behind the live preview of the workspace page and the
public row the submission task writes (``showcase.profiles``), so what the region previews
is what the ministry, the decks and the public page get. It returns plain JSON values
(money and scores as decimal strings) and the codes of what is missing.

The assessment index comes from the region's public snapshots, published periods only: a
published result (imported) or a period whose ranking the ministry has published; a
provisional or unpublished index never leaves the workspace this way.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import Prefetch, Sum

from assessments.framework.models import FrameworkVersion, RankingPublication, RegionSnapshot
from programs import selectors as program_selectors
from programs.models import Funding, Indicator, LembarKomitmen, Program
from tenants.models import Membership, Region
from tenants.selectors import current_members_of


@dataclass(frozen=True)
class Choices:
    """What the region chose to feature: from the saved entry, or from the form being edited."""

    featured_ids: tuple[int, ...]
    show_vision: bool
    presenter_name: str
    presenter_title: str
    pitch: str
    has_logo: bool
    photo_count: int


def _money(value) -> str:
    return str((value or Decimal(0)).quantize(Decimal("0.01")))


def _number(value) -> str:
    return "" if value is None else format(Decimal(value).normalize(), "f")


def regional_head() -> tuple[str, str]:
    """The regional head's name and title: from the signed *lembar komitmen* of the regional
    head when there is one, else the member holding the regional head's role."""
    sheet = LembarKomitmen.objects.filter(kind=LembarKomitmen.Kind.REGIONAL_HEAD).first()
    if sheet is not None:
        return sheet.signatory, sheet.position
    region = connection.tenant.region
    member = (
        current_members_of(workspace=connection.tenant)
        .filter(role=Membership.Role.REGIONAL_HEAD)
        .select_related("user")
        .order_by("created_at")
        .first()
    )
    if member is None:
        return "", ""
    title = "Wali Kota" if region.kind == Region.Kind.KOTA else "Bupati"
    return member.user.full_name or "", title


def _quick_win(program: Program) -> dict:
    return {
        "id": program.pk,
        "title": program.title,
        "dimension": {"code": program.dimension.code, "label": program.dimension.name},
        "sub_dimension": program.sub_dimension.name,
        "goals": program.goals,
        "targets": program.targets,
        "indicators": [
            {
                "name": i.name,
                "unit": i.unit,
                "baseline": _number(i.baseline),
                "targets": [[year, _number(value)] for year, value in i.target_items],
            }
            for i in program.indicators.all()
        ],
        "budget": _money(sum((f.amount for f in program.funding.all()), Decimal(0))),
        "funding": [
            {"source": source, "amount": _money(amount)} for source, amount in _funding_by_source(program.funding.all())
        ],
        "lead_opd": {"acronym": program.lead_opd.acronym, "name": program.lead_opd.name},
        "horizon": program.horizon,
        "start_year": program.start_year,
        "end_year": program.end_year,
    }


def _funding_by_source(rows) -> list[tuple[str, Decimal]]:
    totals: dict[str, list] = {}
    for row in rows:
        entry = totals.setdefault(row.source.name, [row.source.order, Decimal(0)])
        entry[1] += row.amount
    return [(name, amount) for name, (_order, amount) in sorted(totals.items(), key=lambda item: item[1][0])]


def _index(region) -> dict:
    published = set(RankingPublication.objects.values_list("year", "stage"))
    rows = [
        s
        for s in RegionSnapshot.objects.filter(region=region, overall__isnull=False)
        .select_related("framework_version")
        .order_by("year", "stage")
        if s.source == RegionSnapshot.Source.IMPORTED
        or (s.source == RegionSnapshot.Source.COMPUTED and (s.year, s.stage) in published)
    ]
    if not rows:
        return {"latest": None, "trend": [], "scale_max": ""}
    versions = [s.framework_version for s in rows if s.framework_version is not None]
    version = versions[-1] if versions else FrameworkVersion.objects.order_by("-year", "-pk").first()
    latest = rows[-1]
    label = lambda s: f"{s.year} {s.get_stage_display()}"  # noqa: E731
    return {
        "latest": {
            "label": label(latest),
            "value": _number(latest.overall.quantize(Decimal("0.01"))),
            "rank": latest.published_rank or latest.rank,
        },
        "trend": [{"year": s.year, "stage": s.stage, "label": label(s), "value": _number(s.overall)} for s in rows],
        "scale_max": _number(version.scale_max) if version else "",
    }


def profile_data(*, showcase, choices: Choices) -> tuple[dict, list[str]]:
    """``(data, missing)``: the profile of the current workspace's region for ``showcase``."""
    region = connection.tenant.region
    masterplan = program_selectors.masterplan()
    dimensions = list(program_selectors.dimensions())
    programs = list(program_selectors.programs())
    featured = list(
        Program.objects.filter(pk__in=choices.featured_ids, is_quick_win=True)
        .select_related("dimension", "sub_dimension", "lead_opd")
        .prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("order", "id")),
            Prefetch("funding", queryset=Funding.objects.select_related("source")),
        )
        .order_by("dimension__order", "title")
    )
    by_source = (
        Funding.objects.values("source__name", "source__order")
        .annotate(total=Sum("amount"))
        .order_by("source__order", "source__name")
    )
    vision = masterplan.vision.strip() if choices.show_vision else ""
    data = {
        "region": {"code": region.code, "name": region.name, "province": region.province.name},
        "showcase": {"id": showcase.pk, "slug": showcase.slug, "name": showcase.name},
        "presenter": {"name": choices.presenter_name, "title": choices.presenter_title},
        "pitch": choices.pitch,
        "vision": vision,
        "quick_wins": [_quick_win(p) for p in featured],
        "dimensions": [
            {
                "code": d.code,
                "label": d.name,
                "programs": sum(1 for p in programs if p.dimension_id == d.pk),
                "quick_wins": sum(1 for p in programs if p.dimension_id == d.pk and p.is_quick_win),
                "budget": _money(sum((p.budget for p in programs if p.dimension_id == d.pk), Decimal(0))),
            }
            for d in dimensions
        ],
        "roadmap": {
            "dimensions": [{"code": d.code, "label": d.name} for d in dimensions],
            "programs": [
                {
                    "title": p.title,
                    "dimension": p.dimension.code,
                    "horizon": p.horizon,
                    "start_year": p.start_year,
                    "end_year": p.end_year,
                    "is_quick_win": p.is_quick_win,
                }
                for p in programs
            ],
        },
        "budget": {
            "by_source": [{"source": row["source__name"], "amount": _money(row["total"])} for row in by_source],
            "total": _money(sum((row["total"] for row in by_source), Decimal(0))),
        },
        "index": _index(region),
    }
    missing = [
        code
        for code, lacking in (
            ("quick_wins", not featured),
            ("vision", not vision),
            ("logo", not choices.has_logo),
            ("photos", not choices.photo_count),
            ("pitch", not choices.pitch),
            ("presenter", not choices.presenter_name),
            ("index", data["index"]["latest"] is None),
        )
        if lacking
    ]
    return data, missing
