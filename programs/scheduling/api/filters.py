"""Filters of the national plan's API lists. An unknown region, province or choice is a 400
with the field's message (django-filter's validation), never an empty list that hides a typo."""

import django_filters
from django import forms
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from programs.scheduling.models import Facilitator, NationalHoliday, TravelTime, Workshop
from tenants.models import Province, Region

STAGE_CHOICES = [(s, str(s)) for s in range(1, 5)]


class FacilitatorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="name, e-mail or institution")
    kind = django_filters.ChoiceFilter(choices=Facilitator.Kind.choices)
    province = django_filters.ModelChoiceFilter(
        field_name="home_province", to_field_name="code", queryset=Province.objects.all()
    )
    stage = django_filters.TypedChoiceFilter(choices=STAGE_CHOICES, coerce=int, method="leads_stage")
    active = django_filters.BooleanFilter(field_name="is_active")

    class Meta:
        model = Facilitator
        fields = ["q", "kind", "province", "stage", "active"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(user__full_name__icontains=value) | Q(user__email__icontains=value) | Q(institution__icontains=value)
        )

    @extend_schema_field(OpenApiTypes.INT)
    def leads_stage(self, queryset, name, value):
        return queryset.filter(stages__contains=[value])


class WorkshopFilter(django_filters.FilterSet):
    stage = django_filters.TypedChoiceFilter(choices=STAGE_CHOICES, coerce=int)
    status = django_filters.ChoiceFilter(choices=Workshop.Status.choices)
    region = django_filters.ModelChoiceFilter(to_field_name="code", queryset=Region.objects.all())
    province = django_filters.ModelChoiceFilter(
        field_name="region__province", to_field_name="code", queryset=Province.objects.all()
    )

    class Meta:
        model = Workshop
        fields = ["stage", "status", "region", "province"]


class TravelFilter(django_filters.FilterSet):
    origin = django_filters.ModelChoiceFilter(to_field_name="code", queryset=Province.objects.all())
    destination = django_filters.ModelChoiceFilter(to_field_name="code", queryset=Province.objects.all())

    class Meta:
        model = TravelTime
        fields = ["origin", "destination"]


@extend_schema_field(OpenApiTypes.INT)
class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class HolidayFilter(django_filters.FilterSet):
    year = YearFilter(field_name="date__year", min_value=1900, max_value=2100)

    class Meta:
        model = NationalHoliday
        fields = ["year"]
