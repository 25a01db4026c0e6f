"""Apex pages of assessments: frameworks, the national ranking, comparisons, history import.

Ministry staff only (admins and analysts); anyone else signed in gets 404. Writes
(frameworks, history) are for ministry admins. Pages read public tables only.
"""

from decimal import Decimal
from html import escape

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from assessments import rules
from assessments.forms import (
    FrameworkCopyForm,
    FrameworkImportForm,
    HistoryImportForm,
    IndicatorForm,
    MasterplanOverviewFilterForm,
    RankingFilterForm,
    VersionSettingsForm,
)
from assessments.framework import charts, exports, selectors, services
from assessments.framework.models import FrameworkVersion, Indicator, RegionSnapshot
from tenants.models import Cohort, Province, Region
from tenants.views_national import NationalView

LABELS_CACHE_KEY = "assessment-labels"
FILTERS_CACHE_KEY = "assessment-ranking-filters"


def labels() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(component code, name) and (dimension code, name): reference data, cached briefly."""
    cached = cache.get(LABELS_CACHE_KEY)
    if cached is None:
        cached = (
            list(selectors.component_labels().items()),
            [(d.code, d.name) for d in selectors.dimensions()],
        )
        cache.set(LABELS_CACHE_KEY, cached, 300)
    return cached


def filter_options() -> tuple[list[Province], list[int]]:
    """Provinces and cohort years for the filters; cached for a minute (they rarely change)."""
    cached = cache.get(FILTERS_CACHE_KEY)
    if cached is None:
        cached = (
            list(Province.objects.order_by("code")),
            list(Cohort.objects.order_by("-year").values_list("year", flat=True)),
        )
        cache.set(FILTERS_CACHE_KEY, cached, 60)
    return cached


class StaffView(NationalView):
    rule = staticmethod(rules.can_view_national_assessments)


class AdminView(NationalView):
    rule = staticmethod(rules.can_manage_frameworks)


def _errors_to_messages(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# --- frameworks -------------------------------------------------------------------------


class VersionListView(StaffView):
    def get(self, request, form=None, status=200):
        return render(
            request,
            "framework/version_list.html",
            {
                "versions": selectors.versions(),
                "form": form or FrameworkImportForm(),
                "can_manage": rules.can_manage_frameworks(request.user),
            },
            status=status,
        )


class VersionImportView(AdminView):
    def get(self, request):
        return redirect("framework-list")

    def post(self, request):
        form = FrameworkImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                text = form.cleaned_data["file"].read().decode("utf-8")
                version = services.import_version_yaml(text=text)
            except UnicodeDecodeError:
                form.add_error("file", _("Berkas harus berkodekan UTF-8."))
            except ValidationError as exc:
                form.add_error("file", exc.messages)
            else:
                cache.delete(LABELS_CACHE_KEY)
                messages.success(request, _("Versi %(code)s diimpor.") % {"code": version.code})
                return redirect("framework-detail", version_pk=version.pk)
        return VersionListView.get(self, request, form=form, status=400)


class VersionDetailView(StaffView):
    def get(self, request, version_pk, copy_form=None, status=200):
        version = get_object_or_404(FrameworkVersion, pk=version_pk)
        components = list(version.components.order_by("order"))
        return render(
            request,
            "framework/version_detail.html",
            {
                "version": version,
                "components": components,
                "total_weight": sum(c.weight for c in components),
                "indicators": version.indicators.select_related("component", "subdimension__dimension"),
                "can_manage": rules.can_manage_frameworks(request.user),
                "copy_form": copy_form
                or FrameworkCopyForm(initial={"year": version.year + 1, "code": f"{version.code}-baru"}),
            },
            status=status,
        )


class VersionWeightsView(AdminView):
    def post(self, request, version_pk):
        version = get_object_or_404(FrameworkVersion, pk=version_pk)
        try:
            weights = {
                c.code: services.parse_decimal(request.POST.get(f"weight-{c.code}", ""), c.name)
                for c in version.components.all()
            }
            services.set_component_weights(version=version, weights=weights)
        except ValidationError as exc:
            _errors_to_messages(request, exc)
            return VersionDetailView.get(self, request, version_pk, status=400)
        messages.success(request, _("Bobot komponen disimpan."))
        return redirect("framework-detail", version_pk=version.pk)


class VersionCopyView(AdminView):
    def post(self, request, version_pk):
        version = get_object_or_404(FrameworkVersion, pk=version_pk)
        form = FrameworkCopyForm(request.POST)
        if form.is_valid():
            try:
                new = services.copy_as_new_version(version=version, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Versi baru %(code)s dibuat.") % {"code": new.code})
                return redirect("framework-detail", version_pk=new.pk)
        return VersionDetailView.get(self, request, version_pk, copy_form=form, status=400)


class VersionSettingsView(AdminView):
    """Name, year, scale and rounding of a version no cycle uses yet."""

    def get(self, request, version_pk, form=None, status=200):
        version = get_object_or_404(FrameworkVersion, pk=version_pk)
        if version.is_frozen:
            return self._frozen(request, version)
        return render(
            request,
            "framework/version_settings.html",
            {"version": version, "form": form or VersionSettingsForm(instance=version)},
            status=status,
        )

    def post(self, request, version_pk):
        version = get_object_or_404(FrameworkVersion, pk=version_pk)
        form = VersionSettingsForm(request.POST, instance=version)
        if form.is_valid():
            try:
                services.update_version_settings(version=version, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Pengaturan versi disimpan."))
                return redirect("framework-detail", version_pk=version.pk)
        return self.get(request, version_pk, form=form, status=400)

    @staticmethod
    def _frozen(request, version):
        messages.error(
            request,
            _("Versi %(code)s sudah dipakai siklus penilaian dan dibekukan; salin sebagai versi baru.")
            % {"code": version.code},
        )
        return redirect("framework-detail", version_pk=version.pk)


class IndicatorEditView(AdminView):
    """Add (no ``indicator_pk``) or change a question of a version no cycle uses yet."""

    def get(self, request, version_pk, indicator_pk=None, form=None, status=200):
        version = get_object_or_404(FrameworkVersion, pk=version_pk)
        if version.is_frozen:
            return VersionSettingsView._frozen(request, version)
        indicator = get_object_or_404(Indicator, pk=indicator_pk, version=version) if indicator_pk else None
        if form is None:
            initial = {"weight": "1", "levels": IndicatorForm.levels_text(services.STANDARD_LEVELS)}
            if indicator is not None:
                initial = {
                    "code": indicator.code,
                    "component": indicator.component_id,
                    "subdimension": indicator.subdimension_id,
                    "question": indicator.question,
                    "weight": str(indicator.weight.normalize()).replace(".", ","),
                    "levels": IndicatorForm.levels_text(indicator.levels),
                }
            form = IndicatorForm(version=version, indicator=indicator, initial=initial)
        return render(
            request,
            "framework/indicator_form.html",
            {"version": version, "indicator": indicator, "form": form},
            status=status,
        )

    def post(self, request, version_pk, indicator_pk=None):
        version = get_object_or_404(FrameworkVersion, pk=version_pk)
        indicator = get_object_or_404(Indicator, pk=indicator_pk, version=version) if indicator_pk else None
        form = IndicatorForm(request.POST, version=version, indicator=indicator)
        if form.is_valid():
            try:
                saved = services.save_indicator(version=version, indicator=indicator, **form.cleaned_data)
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, errors in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Indikator %(code)s disimpan.") % {"code": saved.code})
                return redirect(f"{reverse('framework-detail', args=[version.pk])}#indikator-{saved.pk}")
        return self.get(request, version_pk, indicator_pk, form=form, status=400)


class IndicatorDeleteView(AdminView):
    def post(self, request, version_pk, indicator_pk):
        version = get_object_or_404(FrameworkVersion, pk=version_pk)
        indicator = get_object_or_404(Indicator, pk=indicator_pk, version=version)
        try:
            services.delete_indicator(version=version, indicator=indicator)
        except ValidationError as exc:
            _errors_to_messages(request, exc)
        else:
            messages.success(request, _("Indikator %(code)s dihapus.") % {"code": indicator.code})
        return redirect("framework-detail", version_pk=version.pk)


class VersionExportView(StaffView):
    def get(self, request, version_pk):
        version = get_object_or_404(FrameworkVersion, pk=version_pk)
        response = HttpResponse(services.export_version_yaml(version), content_type="application/yaml; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, f"{version.code}.yaml")
        return response


# --- history ----------------------------------------------------------------------------


class HistoryImportView(AdminView):
    def get(self, request):
        return render(request, "framework/history_import.html", {"form": HistoryImportForm()})

    def post(self, request):
        form = HistoryImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = services.import_published_results(
                    filename=upload.name, content=upload.read(), imported_by=request.user
                )
            except ValidationError as exc:
                form.add_error("file", exc.messages)
            else:
                messages.success(
                    request,
                    _("%(created)s hasil baru, %(updated)s diperbarui.")
                    % {"created": result.created, "updated": result.updated},
                )
                return redirect("assessment-ranking")
        return render(request, "framework/history_import.html", {"form": form}, status=400)


# --- ranking and comparison -------------------------------------------------------------


def _sort_columns(components, dimensions):
    return (
        [("overall", _("Indeks"))]
        + [(f"component:{code}", name) for code, name in components]
        + [(f"dimension:{code}", name) for code, name in dimensions]
    )


def _display_rows(rows, columns, *, compare_url: str) -> list[str]:
    """The table rows of one page as HTML, built here rather than in the template.

    Rendering 50 rows × 20 cells through template tags and filters cost more than the
    rest of the request; every value is escaped (``html.escape``) or a number we format.
    """
    separator = get_format("DECIMAL_SEPARATOR")
    thousands = get_format("THOUSAND_SEPARATOR")
    official = escape(_("resmi"))

    def fmt(value, places="0.01"):
        return "–" if value is None else str(value.quantize(Decimal(places))).replace(".", separator)

    html = []
    for row in rows:
        s = row.snapshot
        cells = [fmt(row.value(key)) for key, _label in columns]
        change = row.change
        change_text = "–" if change is None else ("+" if change > 0 else "") + fmt(change)
        if row.rank_change:
            arrow = "▲" if row.rank_change > 0 else "▼"
            change_text += f' <small class="muted">({arrow}{abs(row.rank_change)})</small>'
        note = f"{escape(s.region_id)}" + (f" · {s.cohort_year}" if s.cohort_year else "")
        if s.source == "imported":
            note += f" · {official}"
        html.append(
            f"<tr><td>{s.rank}</td>"
            f'<td><a href="{escape(compare_url)}?region={escape(s.region_id)}">{escape(s.region_name)}</a>'
            f'<br><small class="muted">{note}</small></td>'
            f'<td class="hide-sm">{escape(s.province_name)}</td>'
            f"<td><strong>{cells[0]}</strong></td>"
            + "".join(f"<td>{c}</td>" for c in cells[1:])
            + f"<td>{change_text}</td>"
            f'<td class="hide-sm">{fmt(s.masterplan_completeness, "1")}%</td>'
            f'<td class="hide-sm">{s.program_count} / {s.quick_win_count}</td>'
            f'<td class="hide-sm">Rp {f"{int(s.budget_total):,}".replace(",", thousands)}</td></tr>'
        )
    return mark_safe("\n".join(html))  # noqa: S308 - every value above is escaped or a formatted number


class RankingView(StaffView):
    """The ranking of one period, 50 rows a page, sorted and cut by PostgreSQL (the exports
    hold every row).

    Queries: user, periods, the page's rows, their previous figures (filter options and
    labels are cached).
    """

    page_size = 50

    def get(self, request):
        periods = selectors.periods()
        provinces, cohorts = filter_options()
        form = RankingFilterForm(request.GET or None, periods=periods, cohorts=cohorts, provinces=provinces)
        filters = form.cleaned_data if form.is_valid() else {}
        stage = filters.get("stage")
        candidates = [p for p in periods if stage is None or p.stage == stage]
        period = selectors.Period.parse(filters.get("period"))
        if period not in candidates:
            period = candidates[0] if candidates else None
        components, dimensions = labels()
        columns = _sort_columns(components, dimensions)
        sort = filters.get("sort") or "overall"
        if sort not in dict(columns):
            sort = "overall"
        descending = filters.get("desc", "1") != "0"
        previous = None
        if period:
            older = periods[periods.index(period) + 1 :]
            previous = older[0] if older else None
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
        table_html = _display_rows(page.rows, columns, compare_url=reverse("assessment-compare"))
        return render(
            request,
            "framework/ranking.html",
            {
                "form": form,
                "period": period,
                "previous": previous,
                "rows": page.rows,
                "page": page,
                "table_html": table_html,
                "components": components,
                "dimensions": dimensions,
                "columns": columns,
                "sort": sort,
                "descending": descending,
                "query": query.urlencode(),
                "publication": selectors.publication_of(period) if period else None,
                "can_publish": rules.can_manage_frameworks(request.user),
            },
        )

    @staticmethod
    def export(rows, period, components, dimensions, fmt):
        header = [
            "rank", "region_code", "region", "province", "type", "cohort", "overall", "change", "source",
        ] + [f"component:{c}" for c, _n in components] + [f"dimension:{d}" for d, _n in dimensions] + [
            "masterplan_completeness", "program_count", "quick_win_count", "budget_total",
        ]  # fmt: skip
        table = []
        for row in rows:
            s = row.snapshot
            table.append(
                [s.rank, s.region_id, s.region_name, s.province_name, s.kind, s.cohort_year, s.overall, row.change,
                 s.source]
                + [row.value(f"component:{c}") for c, _n in components]
                + [row.value(f"dimension:{d}") for d, _n in dimensions]
                + [s.masterplan_completeness, s.program_count, s.quick_win_count, s.budget_total]
            )  # fmt: skip
        return exports.table_response(filename=f"peringkat-{period.key}", header=header, rows=table, fmt=fmt)


def _chart_scale(snapshots):
    """The top of the charts' axis: the largest scale of the versions shown (published
    results carry no version: then the largest value, rounded up)."""
    scales = [s.framework_version.scale_max for s in snapshots if s.framework_version_id]
    if scales:
        return max(scales)
    values = [s.overall for s in snapshots if s.overall is not None]
    return max(values).to_integral_value(rounding="ROUND_CEILING") if values else 1


class CompareView(StaffView):
    """2–6 regions side by side. Queries: user, the regions with snapshots, their snapshots."""

    max_regions = 6

    def get(self, request):
        codes = list(dict.fromkeys(request.GET.getlist("region")))[: self.max_regions]
        choices = list(
            Region.objects.filter(snapshots__isnull=False).distinct().order_by("name").values_list("code", "name")
        )
        components, dimensions = labels()
        context = {"choices": choices, "codes": codes, "components": components, "dimensions": dimensions}
        if not codes:
            return render(request, "framework/compare.html", context)
        if len(codes) == 1:
            messages.info(request, _("Pilih 2 sampai 6 wilayah untuk dibandingkan; di bawah ini satu wilayah saja."))
        snapshots = list(selectors.snapshots_of(codes=codes))
        by_region: dict[str, list[RegionSnapshot]] = {}
        for s in snapshots:
            by_region.setdefault(s.region_id, []).append(s)
        regions = [(code, by_region[code]) for code in codes if code in by_region]
        periods = sorted({(s.year, s.stage) for s in snapshots})
        period_labels = [selectors.Period(y, st).label for y, st in periods]
        latest = [(snaps[-1].region.name, snaps[-1]) for _code, snaps in regions]
        scale_max = _chart_scale(snapshots)
        context.update(
            {
                "latest": latest,
                "radar_svg": mark_safe(  # noqa: S308 - built by charts with escaped labels
                    charts.radar(
                        axes=dimensions,
                        series=[(name, s.dimensions) for name, s in latest],
                        scale_max=scale_max,
                        title=_("Skor per dimensi (periode terakhir)"),
                    )
                ),
                "bars_svg": mark_safe(  # noqa: S308
                    charts.bars(
                        categories=components,
                        series=[(name, s.components) for name, s in latest],
                        scale_max=scale_max,
                        title=_("Skor per komponen (periode terakhir)"),
                    )
                ),
                "trend_svg": mark_safe(  # noqa: S308
                    charts.trend(
                        periods=period_labels,
                        series=[
                            (
                                snaps[0].region.name,
                                [{(x.year, x.stage): x.overall for x in snaps}.get(p) for p in periods],
                            )
                            for _code, snaps in regions
                        ],
                        scale_max=scale_max,
                        title=_("Tren indeks"),
                    )
                ),
            }
        )
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            header = ["region_code", "region", "period", "source", "overall", "rank"] + [
                f"component:{c}" for c, _n in components
            ] + [f"dimension:{d}" for d, _n in dimensions]  # fmt: skip
            table = [
                [s.region_id, s.region.name, s.period_label, s.source, s.overall, s.rank]
                + [s.components.get(c) for c, _n in components]
                + [s.dimensions.get(d) for d, _n in dimensions]
                for _code, snaps in regions
                for s in snaps
            ]
            return exports.table_response(filename="perbandingan", header=header, rows=table, fmt=fmt)
        return render(request, "framework/compare.html", context)


class MasterplanOverviewView(StaffView):
    """Every participating region's masterplan: status, completeness, programs, quick wins
    and budget, from the ``MasterplanFigures`` rows the workspaces' background refresh
    writes. Queries: user, the page's rows (one join), the count, the totals."""

    page_size = 50
    sorts = (
        ("name", _lazy("Wilayah")),
        ("status", _lazy("Status")),
        ("completeness", _lazy("Kelengkapan")),
        ("programs", _lazy("Program")),
        ("quick_wins", _lazy("Quick win")),
        ("budget", _lazy("Anggaran")),
        ("refreshed", _lazy("Diperbarui")),
    )

    def get(self, request):
        provinces, cohorts = filter_options()
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
            "framework/masterplans.html",
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
        header = [
            "region_code", "region", "province", "type", "cohort", "masterplan_status", "revision",
            "masterplan_completeness", "program_count", "quick_win_count", "budget_total", "refreshed_at",
        ]  # fmt: skip
        rows = []
        for region in regions:
            figures = getattr(region, "masterplan_figures", None)
            row = [region.code, region.name, region.province.name, region.kind]
            row.append(region.cohort.year if region.cohort else None)
            if figures is None:
                row += [None] * 7
            else:
                row += [
                    figures.status,
                    figures.revision,
                    figures.masterplan_completeness,
                    figures.program_count,
                    figures.quick_win_count,
                    figures.budget_total,
                    timezone.localtime(figures.refreshed_at).strftime("%Y-%m-%d %H:%M"),
                ]
            rows.append(row)
        return exports.table_response(filename="masterplan-daerah", header=header, rows=rows, fmt=fmt)


class RankingPublishView(AdminView):
    """Publish a period's national ranking to every workspace, or withdraw it (ministry admins)."""

    def post(self, request):
        period = selectors.Period.parse(request.POST.get("period"))
        if period is None:
            messages.error(request, _("Periode tidak dikenal."))
            return redirect("assessment-ranking")
        if request.POST.get("action") == "withdraw":
            services.withdraw_ranking(year=period.year, stage=period.stage)
            messages.success(
                request, _("Peringkat %(period)s ditarik: daerah tidak lagi melihatnya.") % {"period": period.label}
            )
        else:
            try:
                services.publish_ranking(year=period.year, stage=period.stage, actor=request.user)
            except ValidationError as exc:
                _errors_to_messages(request, exc)
            else:
                messages.success(
                    request,
                    _("Peringkat %(period)s diterbitkan: anggota setiap ruang kerja dapat membacanya.")
                    % {"period": period.label},
                )
        return redirect(f"{reverse('assessment-ranking')}?period={period.key}")
