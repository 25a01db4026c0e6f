"""National API of assessments: region snapshots and the national ranking (read by ministry staff).

Reads public snapshot rows only; filters: period (``2021-2``), year, stage, cohort,
province, kind (kabupaten/kota), region. Anyone else signed in gets 404.
"""

import re
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from api.filters import RegionFilterSet
from api.serializers import RegionFieldsSerializer
from assessments.framework import rules, selectors
from assessments.framework.models import RegionSnapshot


class SnapshotSerializer(RegionFieldsSerializer):
    components = serializers.DictField(child=serializers.CharField(), help_text="component code → score")
    dimensions = serializers.DictField(child=serializers.CharField(), help_text="dimension code → score")

    class Meta:
        model = RegionSnapshot
        fields = [
            "region_code", "region_name", "province", "kind", "cohort_year", "year", "stage", "source",
            "overall", "rank", "published_rank", "components", "dimensions", "masterplan_completeness",
            "program_count", "quick_win_count", "budget_total", "refreshed_at",
        ]  # fmt: skip


class SnapshotFilter(RegionFilterSet):
    period = filters.CharFilter(method="filter_period", label="Periode, mis. 2021-2 (tahun-tahap)")
    ranked = filters.BooleanFilter(field_name="rank", lookup_expr="isnull", exclude=True)

    class Meta:
        model = RegionSnapshot
        fields = ["year", "stage", "source"]

    def filter_period(self, queryset, name, value):
        period = selectors.Period.parse(value)
        if period is None:
            raise ValidationError({"period": _("Periode harus berbentuk TAHUN-TAHAP, mis. 2021-2.")})
        return queryset.filter(Q(year=period.year, stage=period.stage))


class SnapshotListView(generics.ListAPIView):
    """Region snapshots (every period) with filters."""

    rule = staticmethod(rules.can_view_national_assessments)
    serializer_class = SnapshotSerializer
    filterset_class = SnapshotFilter
    queryset = RegionSnapshot.objects.select_related("region__cohort").order_by("-year", "-stage", "rank", "region_id")


class RankedSnapshotSerializer(SnapshotSerializer):
    class Meta(SnapshotSerializer.Meta):
        fields = [f for f in SnapshotSerializer.Meta.fields if f != "refreshed_at"]


class RankingRowSerializer(serializers.Serializer):
    snapshot = RankedSnapshotSerializer()
    change = serializers.DecimalField(max_digits=7, decimal_places=3, allow_null=True)
    rank_change = serializers.IntegerField(allow_null=True)


class RankingSerializer(serializers.Serializer):
    period = serializers.CharField()
    previous_period = serializers.CharField(allow_null=True)
    tie_rule = serializers.CharField()
    results = RankingRowSerializer(many=True)


TIE_RULE = (
    "Higher published index ranks higher; equal indexes share a rank and the next rank is skipped "
    "(1, 2, 2, 4); within a tie, regions are listed by Kemendagri code. Only final cycles and "
    "imported official results are ranked."
)


class RankingView(APIView):
    """The national ranking of a period (default: the latest), with the change since the previous one."""

    rule = staticmethod(rules.can_view_national_assessments)

    @extend_schema(
        parameters=[
            OpenApiParameter("period", OpenApiTypes.STR, description="TAHUN-TAHAP, e.g. 2021-2"),
            OpenApiParameter("cohort", OpenApiTypes.INT),
            OpenApiParameter("province", OpenApiTypes.STR, description="province code, e.g. 35"),
            OpenApiParameter("kind", OpenApiTypes.STR, enum=["kabupaten", "kota"]),
            OpenApiParameter("stage", OpenApiTypes.INT, enum=[1, 2]),
            OpenApiParameter("sort", OpenApiTypes.STR, description="overall, component:<code> or dimension:<code>"),
            OpenApiParameter("desc", OpenApiTypes.BOOL),
        ],
        responses=RankingSerializer,
    )
    def get(self, request):
        listing = selectors.period_listing()
        periods = [p for p, _ranked in listing]
        stage = request.query_params.get("stage")
        if stage and stage not in ("1", "2"):
            raise ValidationError({"stage": _("Tahap harus 1 atau 2.")})
        candidates = [p for p in periods if not stage or p.stage == int(stage)]
        raw = request.query_params.get("period")
        period = selectors.Period.parse(raw) if raw else (candidates[0] if candidates else None)
        if raw and period is None:
            raise ValidationError({"period": _("Periode harus berbentuk TAHUN-TAHAP, mis. 2021-2.")})
        if period is None or period not in periods:
            raise NotFound(_("Belum ada hasil untuk periode ini."))
        previous = selectors.previous_ranked_period(period, listing)
        cohort = request.query_params.get("cohort")
        if cohort and not (cohort.isascii() and cohort.isdigit() and len(cohort) == 4):
            raise ValidationError({"cohort": _("Angkatan harus berupa tahun, mis. 2018.")})
        province = request.query_params.get("province", "")
        if province and not re.fullmatch(r"\d{2}", province):
            raise ValidationError({"province": _("Provinsi harus berupa kode dua angka, mis. 35.")})
        kind = request.query_params.get("kind", "")
        if kind and kind not in ("kabupaten", "kota"):
            raise ValidationError({"kind": _("Jenis harus kabupaten atau kota.")})
        rows = selectors.ranking(
            period=period,
            previous=previous,
            cohort_year=int(cohort) if cohort else None,
            province=province,
            kind=kind,
            sort=request.query_params.get("sort", "overall"),
            descending=request.query_params.get("desc", "true").lower() not in ("0", "false"),
        )
        # Built by hand (the serializers above document the shape): 514 rows through nested
        # DRF serializers cost more than the rest of the request.
        return Response(
            {
                "period": period.key,
                "previous_period": previous.key if previous else None,
                "tie_rule": TIE_RULE,
                "results": [
                    {"snapshot": _snapshot_dict(r.snapshot), "change": _text(r.change), "rank_change": r.rank_change}
                    for r in rows
                ],
            }
        )


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _snapshot_dict(s: selectors.SnapshotRow) -> dict:
    return {
        "region_code": s.region_id,
        "region_name": s.region_name,
        "province": s.region_id[:2],
        "kind": s.kind,
        "cohort_year": s.cohort_year,
        "year": s.year,
        "stage": s.stage,
        "source": s.source,
        "overall": _text(s.overall),
        "rank": s.rank,
        "published_rank": s.published_rank,
        "components": s.components,
        "dimensions": s.dimensions,
        "masterplan_completeness": _text(s.masterplan_completeness),
        "program_count": s.program_count,
        "quick_win_count": s.quick_win_count,
        "budget_total": _text(s.budget_total),
    }
