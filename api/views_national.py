"""National API (apex host): the registry of regions, provinces and cohorts."""

from rest_framework import generics

from api.filters import RegionFilter
from api.serializers import CohortSerializer, ProvinceSerializer, RegionSerializer
from tenants.models import Cohort, Province, Region


class RegionListView(generics.ListAPIView):
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
    queryset = Region.objects.select_related("province", "cohort", "workspace").order_by("code")


class RegionDetailView(generics.RetrieveAPIView):
    serializer_class = RegionSerializer
    lookup_field = "code"
    lookup_value_regex = r"\d{2}\.\d{2}"
    queryset = Region.objects.select_related("province", "cohort", "workspace")


class ProvinceListView(generics.ListAPIView):
    serializer_class = ProvinceSerializer
    queryset = Province.objects.order_by("code")
    pagination_class = None


class CohortListView(generics.ListAPIView):
    serializer_class = CohortSerializer
    queryset = Cohort.objects.prefetch_related("regions").order_by("-year")
    pagination_class = None
