"""The profile's figures, drawn from its data by the charts the workspace already draws.

The roadmap is ``programs.charts.roadmap_svg`` (the workspace's Buku II page and the PDF
book draw the same one) and the index trend is ``assessments.framework.charts.trend`` (the
workspace's assessment history and the national comparison draw it): one drawing for the
page, the book, the preview, the profile and the decks. The profile's data carries plain
values, so the figures are redrawn from it without reading a workspace.
"""

from decimal import Decimal
from types import SimpleNamespace

from django.utils.translation import gettext as _

from assessments.framework import charts as assessment_charts
from programs import charts as programs_charts
from programs.models import Program


def _roadmap(data: dict) -> tuple[list, list]:
    """The profile's dimensions and programs as the roadmap's drawing reads them."""
    roadmap = data.get("roadmap") or {}
    horizons = dict(Program.Horizon.choices)
    dimensions = [SimpleNamespace(pk=d["code"], name=d["label"]) for d in roadmap.get("dimensions", [])]
    programs = [
        SimpleNamespace(
            title=p["title"],
            dimension_id=p["dimension"],
            horizon=p["horizon"],
            horizon_label=horizons.get(p["horizon"], ""),
            start_year=p["start_year"],
            end_year=p["end_year"],
            is_quick_win=p["is_quick_win"],
        )
        for p in roadmap.get("programs", [])
    ]
    return dimensions, programs


def roadmap_svg(data: dict) -> str:
    dimensions, programs = _roadmap(data)
    return programs_charts.roadmap_svg(dimensions=dimensions, programs=programs) if programs else ""


def roadmap_lanes(data: dict) -> list[tuple]:
    """The same lanes as a list, for a phone's screen (as Buku II shows them)."""
    dimensions, programs = _roadmap(data)
    return [(d, lane) for d, lane in programs_charts.roadmap_lanes(dimensions=dimensions, programs=programs) if lane]


def trend_svg(data: dict) -> str:
    index = data.get("index") or {}
    trend = index.get("trend") or []
    if not trend or not index.get("scale_max"):
        return ""
    region = (data.get("region") or {}).get("name", "")
    return assessment_charts.trend(
        periods=[point["label"] for point in trend],
        series=[(region, [point["value"] for point in trend])],
        scale_max=Decimal(index["scale_max"]),
        title=_("Indeks pencapaian dari waktu ke waktu"),
    )


def figures(data: dict) -> dict:
    return {"roadmap_svg": roadmap_svg(data), "roadmap_lanes": roadmap_lanes(data), "trend_svg": trend_svg(data)}
