"""The national ranking of one period: filtered, sorted, paged by PostgreSQL, exported whole."""

from decimal import Decimal

from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from assessments.framework import selectors
from assessments.framework.forms import RankingFilterForm
from assessments.framework.models import RegionSnapshot
from assessments.framework.rules import can_manage_frameworks
from assessments.framework.views.base import StaffView
from platform import exports
from tenants.models import Region
from tenants.selectors import filter_options


def sort_columns(components, dimensions) -> list[tuple[str, str]]:
    """The columns a ranking sorts by: (key, label), the index first."""
    return (
        [("overall", _("Indeks"))]
        + [(f"component:{code}", name) for code, name in components]
        + [(f"dimension:{code}", name) for code, name in dimensions]
    )


def display_rows(rows, columns, previous=None) -> list[dict]:
    """The page's rows as the table shows them: every figure already a formatted string.

    The template only places them (escaped): formatting 50 rows × 20 figures through
    template filters cost more than the rest of the request. Plain dicts are the fastest
    lookup for templates, and the template joins the sort columns' cells in one step.
    """
    separator = get_format("DECIMAL_SEPARATOR")
    thousands = get_format("THOUSAND_SEPARATOR")
    official = _("resmi")

    def fmt(value, places="0.01"):
        return "–" if value is None else str(value.quantize(Decimal(places))).replace(".", separator)

    table = []
    for row in rows:
        s = row.snapshot
        cells = [fmt(row.value(key)) for key, _label in columns]
        change = row.change
        note = s.region_id + (f" · {s.cohort_year}" if s.cohort_year else "")
        if s.source == "imported":
            note += f" · {official}"
        table.append(
            {
                "rank": str(s.rank),
                "official_rank": "–" if s.published_rank is None else str(s.published_rank),
                "region_id": s.region_id,
                "region_name": s.region_name,
                "note": note,
                "province_name": s.province_name,
                "overall": cells[0],
                "cells": cells[1:],
                "change": "–" if change is None else ("+" if change > 0 else "") + fmt(change),
                "change_since": row.previous_period.label if row.previous_period not in (None, previous) else "",
                "rank_move": (
                    f"{'▲' if row.rank_change > 0 else '▼'}{abs(row.rank_change)}" if row.rank_change else ""
                ),
                "completeness": fmt(s.masterplan_completeness, "1"),
                "programs": f"{s.program_count} / {s.quick_win_count}",
                "budget": f"{int(s.budget_total):,}".replace(",", thousands),
            }
        )
    return table


class RankingView(StaffView):
    """The ranking of one period, 50 rows a page, sorted and cut by PostgreSQL (the exports
    hold every row).

    Queries: user, periods, the page's rows, their previous figures (filter options and
    labels are cached).
    """

    page_size = 50

    def get(self, request):
        listing = selectors.period_listing()
        periods = [p for p, _ranked in listing]
        provinces, cohorts = filter_options()
        form = RankingFilterForm(request.GET or None, periods=periods, cohorts=cohorts, provinces=provinces)
        filters = form.cleaned_data if form.is_valid() else {}
        stage = filters.get("stage")
        candidates = [p for p in periods if stage is None or p.stage == stage]
        period = selectors.Period.parse(filters.get("period"))
        if period not in candidates:
            period = candidates[0] if candidates else None
        components, dimensions = selectors.labels()
        columns = sort_columns(components, dimensions)
        sort = filters.get("sort") or "overall"
        if sort not in dict(columns):
            sort = "overall"
        descending = filters.get("desc", "1") != "0"
        previous = selectors.previous_ranked_period(period, listing) if period else None
        arguments = {
            "cohort_year": filters.get("cohort"),
            "province": filters.get("province", ""),
            "kind": filters.get("kind", ""),
            "sort": sort,
            "descending": descending,
        }
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx") and period:
            rows = selectors.ranking(period=period, previous=previous, **arguments)
            return self.export(rows, period, components, dimensions, fmt)
        query = request.GET.copy()
        for key in ("sort", "desc", "format", "page"):
            query.pop(key, None)
        try:
            number = min(max(int(request.GET.get("page", 1)), 1), 10_000)  # 514 regions fit in 11 pages
        except ValueError:
            number = 1
        page = (
            selectors.ranking_page(period=period, previous=previous, page=number, page_size=self.page_size, **arguments)
            if period
            else selectors.RankingPage([], 1, 0, self.page_size)
        )
        return render(
            request,
            "framework/ranking.html",
            {
                "form": form,
                "period": period,
                "previous": previous,
                "rows": page.rows,
                "page": page,
                "table": display_rows(page.rows, columns, previous),
                "compare_url": reverse("assessment-compare"),
                "components": components,
                "dimensions": dimensions,
                "columns": columns,
                "sort": sort,
                "descending": descending,
                "query": query.urlencode(),
                "publication": selectors.publication_of(period) if period else None,
                "can_publish": can_manage_frameworks(request.user),
            },
        )

    @staticmethod
    def export(rows, period, components, dimensions, fmt):
        """Headers and labels in the reader's language: fields' names, components' and
        dimensions' names, choice labels (not codes)."""
        label = exports.field_label
        header = [
            label(RegionSnapshot, "rank"), label(Region, "code"), capfirst(str(Region._meta.verbose_name)),
            label(Region, "province"), label(Region, "kind"), label(Region, "cohort"), label(RegionSnapshot, "overall"),
            _("Perubahan"), label(RegionSnapshot, "source"), label(RegionSnapshot, "published_rank"),
        ] + [str(name) for _c, name in components] + [str(name) for _d, name in dimensions] + [
            label(RegionSnapshot, name)
            for name in ("masterplan_completeness", "program_count", "quick_win_count", "budget_total")
        ]  # fmt: skip
        table = []
        for row in rows:
            s = row.snapshot
            table.append(
                [s.rank, s.region_id, s.region_name, s.province_name, Region.Kind(s.kind).label, s.cohort_year,
                 s.overall, row.change, RegionSnapshot.Source(s.source).label, s.published_rank]
                + [row.value(f"component:{c}") for c, _n in components]
                + [row.value(f"dimension:{d}") for d, _n in dimensions]
                + [s.masterplan_completeness, s.program_count, s.quick_win_count, s.budget_total]
            )  # fmt: skip
        figures = 10 + len(components) + len(dimensions)
        formats = {6: exports.TWO_DECIMALS, 7: exports.TWO_DECIMALS, figures: exports.TWO_DECIMALS}
        formats |= {10 + i: exports.TWO_DECIMALS for i in range(len(components) + len(dimensions))}
        formats[figures + 3] = exports.RUPIAH
        return exports.table_response(
            filename=f"peringkat-{period.key}", header=header, rows=table, fmt=fmt, number_formats=formats
        )
