"""Apex page of every participating region's masterplan (ministry staff), and its exports."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy

from platform import exports
from programs.national import rules, selectors
from programs.national.forms import MasterplanOverviewFilterForm
from programs.national.models import MasterplanFigures
from tenants.models import Region
from tenants.selectors import filter_options as national_filter_options
from tenants.views_national import NationalView


class MasterplanOverviewView(NationalView):
    """Every participating region's masterplan: status, completeness, programs, quick wins
    and budget, from the ``MasterplanFigures`` rows the workspaces' background refresh
    writes. Queries: user, the page's rows (one join), the count, the totals."""

    rule = staticmethod(rules.can_view_national_masterplans)
    page_size = 50
    sorts = (
        ("name", gettext_lazy("Wilayah")),
        ("status", gettext_lazy("Status")),
        ("completeness", gettext_lazy("Kelengkapan")),
        ("programs", gettext_lazy("Program")),
        ("quick_wins", gettext_lazy("Quick win")),
        ("budget", gettext_lazy("Anggaran")),
        ("refreshed", gettext_lazy("Diperbarui")),
    )

    def get(self, request):
        provinces, cohorts = national_filter_options()
        form = MasterplanOverviewFilterForm(request.GET or None, cohorts=cohorts, provinces=provinces)
        filters = form.cleaned_data if form.is_valid() else {}
        sort = filters.get("sort") or "completeness"
        if sort not in dict(self.sorts):
            sort = "completeness"
        descending = filters.get("desc", "1" if sort != "name" else "0") != "0"
        regions = selectors.masterplan_overview(
            cohort_year=filters.get("cohort"),
            province=filters.get("province", ""),
            kind=filters.get("kind", ""),
            status=filters.get("status", ""),
            sort=sort,
            descending=descending,
        )
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            return self.export(regions, fmt)
        page = Paginator(regions, self.page_size).get_page(request.GET.get("page"))
        query = request.GET.copy()
        for key in ("sort", "desc", "format", "page"):
            query.pop(key, None)
        return render(
            request,
            "national/masterplans.html",
            {
                "form": form,
                "page": page,
                "totals": selectors.masterplan_totals(regions),
                "sorts": self.sorts,
                "sort": sort,
                "descending": descending,
                "query": query.urlencode(),
            },
        )

    @staticmethod
    def export(regions, fmt):
        """Headers and labels in the reader's language (field names, choice labels), not codes."""
        label = exports.field_label
        header = [
            label(Region, "code"), capfirst(Region._meta.verbose_name), label(Region, "province"),
            label(Region, "kind"), label(Region, "cohort"),
        ] + [
            label(MasterplanFigures, name)
            for name in (
                "status", "revision", "masterplan_completeness", "program_count", "quick_win_count", "budget_total",
                "refreshed_at",
            )
        ]  # fmt: skip
        rows = []
        for region in regions:
            figures = getattr(region, "masterplan_figures", None)
            row = [region.code, region.name, region.province.name, region.get_kind_display()]
            row.append(region.cohort.year if region.cohort else None)
            if figures is None:
                row += [None] * 7
            else:
                row += [
                    figures.get_status_display(),
                    figures.revision,
                    figures.masterplan_completeness,
                    figures.program_count,
                    figures.quick_win_count,
                    figures.budget_total,
                    timezone.localtime(figures.refreshed_at).strftime("%Y-%m-%d %H:%M"),
                ]
            rows.append(row)
        formats = {7: exports.TWO_DECIMALS, 10: exports.RUPIAH}
        return exports.table_response(
            filename="masterplan-daerah", header=header, rows=rows, fmt=fmt, number_formats=formats
        )
