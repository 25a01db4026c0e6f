"""2–6 regions side by side: radar, bars and trend (SVG from ``charts``), a table, exports."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from assessments.framework import charts, selectors
from assessments.framework.forms import ComparePickerForm
from assessments.framework.models import RegionSnapshot
from assessments.framework.views.base import StaffView
from platform import exports
from tenants.models import Region


def _chart_scale(snapshots):
    """The top of the charts' axis: the largest scale of the versions shown (published
    results carry no version: then the largest value, rounded up)."""
    scales = [s.framework_version.scale_max for s in snapshots if s.framework_version_id]
    if scales:
        return max(scales)
    values = [s.overall for s in snapshots if s.overall is not None]
    return max(values).to_integral_value(rounding="ROUND_CEILING") if values else 1


def _charts(regions, snapshots, components, dimensions) -> dict:
    """The three charts of the page (``SafeString`` from the chart module)."""
    axis, trend_series = charts.on_axis(
        [(snaps[0].region.name, {(x.year, x.stage): x.overall for x in snaps}) for _code, snaps in regions]
    )
    latest = [(snaps[-1].region.name, snaps[-1]) for _code, snaps in regions]
    scale_max = _chart_scale(snapshots)
    return {
        "latest": latest,
        "radar_svg": charts.radar(
            axes=dimensions,
            series=[(name, s.dimensions) for name, s in latest],
            scale_max=scale_max,
            title=_("Skor per dimensi (periode terakhir)"),
        ),
        "bars_svg": charts.bars(
            categories=components,
            series=[(name, s.components) for name, s in latest],
            scale_max=scale_max,
            title=_("Skor per komponen (periode terakhir)"),
        ),
        "trend_svg": charts.trend(
            periods=[selectors.Period(y, st).label for y, st in axis],
            series=trend_series,
            scale_max=scale_max,
            title=_("Tren indeks"),
        ),
    }


def _export(regions, components, dimensions, fmt):
    """Headers and labels in the reader's language (fields', components' and dimensions' names)."""
    label = exports.field_label
    header = [
        label(Region, "code"), capfirst(str(Region._meta.verbose_name)), _("Periode"), label(RegionSnapshot, "source"),
        label(RegionSnapshot, "overall"), label(RegionSnapshot, "rank"), label(RegionSnapshot, "published_rank"),
    ] + [str(name) for _c, name in components] + [str(name) for _d, name in dimensions]  # fmt: skip
    table = [
        [s.region_id, s.region.name, s.period_label, s.get_source_display(), s.overall, s.rank, s.published_rank]
        + [s.components.get(c) for c, _n in components]
        + [s.dimensions.get(d) for d, _n in dimensions]
        for _code, snaps in regions
        for s in snaps
    ]
    figures = range(7, 7 + len(components) + len(dimensions))
    formats = {4: exports.TWO_DECIMALS} | dict.fromkeys(figures, exports.TWO_DECIMALS)
    return exports.table_response(filename="perbandingan", header=header, rows=table, fmt=fmt, number_formats=formats)


class CompareView(StaffView):
    """2–6 regions side by side, picked with checkboxes (more than ``max_regions`` is refused
    with a form error). Queries: user, the regions with snapshots, their snapshots."""

    max_regions = 6

    def get(self, request):
        choices = list(
            Region.objects.filter(snapshots__isnull=False).distinct().order_by("name").values_list("code", "name")
        )
        bound = "region" in request.GET
        chosen_codes = set(request.GET.getlist("region"))
        choices.sort(key=lambda choice: choice[0] not in chosen_codes)  # the chosen ones first, in name order
        form = ComparePickerForm(
            request.GET if bound else None, choices=choices, max_regions=self.max_regions, auto_id="pick_%s"
        )
        codes = form.cleaned_data["region"] if form.is_valid() else []
        components, dimensions = selectors.labels()
        chosen = len(dict.fromkeys(request.GET.getlist("region")))
        context = {
            "form": form,
            "codes": codes,
            "max_regions": self.max_regions,
            "count_template": _("{n} dari {max} dipilih"),
            "count_text": _("{n} dari {max} dipilih").format(n=chosen, max=self.max_regions),
            "components": components,
            "dimensions": dimensions,
        }
        if not codes:
            return render(request, "framework/compare.html", context)
        if len(codes) == 1:
            messages.info(request, _("Pilih 2 sampai 6 wilayah untuk dibandingkan; di bawah ini satu wilayah saja."))
        snapshots = list(selectors.snapshots_of(codes=codes))
        by_region: dict[str, list[RegionSnapshot]] = {}
        for s in snapshots:
            by_region.setdefault(s.region_id, []).append(s)
        regions = [(code, by_region[code]) for code in codes if code in by_region]
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            return _export(regions, components, dimensions, fmt)
        context.update(_charts(regions, snapshots, components, dimensions))
        context["periods_differ"] = len({s.period_label for _name, s in context["latest"]}) > 1
        return render(request, "framework/compare.html", context)
