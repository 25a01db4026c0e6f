import django_filters

from tenants.models import Region


class RegionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="name or code")
    province = django_filters.CharFilter(field_name="province_id")
    kind = django_filters.ChoiceFilter(choices=Region.Kind.choices)
    cohort = django_filters.NumberFilter(field_name="cohort__year")
    participating = django_filters.BooleanFilter(field_name="workspace", lookup_expr="isnull", exclude=True)

    class Meta:
        model = Region
        fields = ["q", "province", "kind", "cohort", "participating"]

    def search(self, queryset, name, value):
        from django.db.models import Q

        return queryset.filter(Q(name__icontains=value) | Q(code__startswith=value))


class RegionFilterSet(django_filters.FilterSet):
    """Filters by the region of a public row (a snapshot, masterplan figures)."""

    cohort = django_filters.NumberFilter(field_name="region__cohort__year")
    province = django_filters.CharFilter(field_name="region__province_id")
    kind = django_filters.ChoiceFilter(field_name="region__kind", choices=Region.Kind.choices)
    region = django_filters.CharFilter(field_name="region_id")
