"""Filters and the loaded queryset of the program list of the API."""

import django_filters
from django.db.models import Prefetch

from programs import selectors
from programs.models import Funding, Program


class ProgramFilter(django_filters.FilterSet):
    dimension = django_filters.CharFilter(field_name="dimension__code")
    sub_dimension = django_filters.CharFilter(field_name="sub_dimension__code")
    lead_opd = django_filters.CharFilter(field_name="lead_opd__acronym", lookup_expr="iexact")
    horizon = django_filters.ChoiceFilter(choices=Program.Horizon.choices)
    status = django_filters.ChoiceFilter(choices=Program.Status.choices)
    is_quick_win = django_filters.BooleanFilter()
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains")

    class Meta:
        model = Program
        fields = ["dimension", "sub_dimension", "lead_opd", "horizon", "status", "is_quick_win", "q"]


def program_queryset():
    return selectors.programs().prefetch_related(
        "partner_opds",
        "indicators",
        Prefetch("funding", queryset=Funding.objects.select_related("source")),
        "milestones",
        "risks",
    )
