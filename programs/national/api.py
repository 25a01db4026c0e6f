"""National API of the masterplans of every region (apex host, ministry staff only):
``/api/v1/masterplans/``, the figures each workspace's background refresh reports."""

from django_filters import rest_framework as filters
from rest_framework import generics

from api.filters import RegionFilterSet
from api.serializers import RegionFieldsSerializer
from programs.national import rules
from programs.national.models import MasterplanFigures


class MasterplanFiguresSerializer(RegionFieldsSerializer):
    class Meta:
        model = MasterplanFigures
        fields = [
            "region_code", "region_name", "province", "kind", "cohort_year", "status", "revision",
            "masterplan_completeness", "program_count", "quick_win_count", "budget_total", "refreshed_at",
        ]  # fmt: skip


class MasterplanFiguresFilter(RegionFilterSet):
    min_completeness = filters.NumberFilter(field_name="masterplan_completeness", lookup_expr="gte")

    class Meta:
        model = MasterplanFigures
        fields = ["status"]


class MasterplanFiguresListView(generics.ListAPIView):
    """The current masterplan figures of every region whose workspace has reported them."""

    rule = staticmethod(rules.can_view_national_masterplans)
    serializer_class = MasterplanFiguresSerializer
    filterset_class = MasterplanFiguresFilter
    queryset = MasterplanFigures.objects.select_related("region__cohort").order_by("region_id")
