"""Small output serializers of the API (input is validated by services and forms)."""

from rest_framework import serializers

from platform.accounts.forms import EMAIL_MAX_LENGTH
from tenants.models import Cohort, Membership, Province, Region


class ProvinceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Province
        fields = ["code", "name"]


class RegionSerializer(serializers.ModelSerializer):
    province = ProvinceSerializer(read_only=True)
    cohort_year = serializers.IntegerField(source="cohort.year", read_only=True, allow_null=True)
    has_workspace = serializers.SerializerMethodField()

    class Meta:
        model = Region
        fields = ["code", "name", "kind", "slug", "province", "cohort_year", "has_workspace"]

    def get_has_workspace(self, region) -> bool:
        return hasattr(region, "workspace")


class CohortSerializer(serializers.ModelSerializer):
    region_codes = serializers.SlugRelatedField(source="regions", many=True, read_only=True, slug_field="code")

    class Meta:
        model = Cohort
        fields = ["year", "mou_date", "region_codes"]


class MemberSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)
    full_name = serializers.CharField(source="user.full_name", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "email", "full_name", "role", "valid_from", "valid_until"]


class MemberInviteSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=EMAIL_MAX_LENGTH)
    full_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    role = serializers.ChoiceField(choices=Membership.Role.choices)
    valid_from = serializers.DateField(required=False, allow_null=True, default=None)
    valid_until = serializers.DateField(required=False, allow_null=True, default=None)


class WorkspaceSerializer(serializers.Serializer):
    schema_name = serializers.CharField()
    region = RegionSerializer()


class RegionFieldsSerializer(serializers.ModelSerializer):
    """The region of a public row (a snapshot, masterplan figures) as flat fields."""

    region_code = serializers.CharField(source="region_id")
    region_name = serializers.CharField(source="region.name")
    province = serializers.CharField(source="region.province_id")
    kind = serializers.CharField(source="region.kind")
    cohort_year = serializers.IntegerField(source="region.cohort.year", allow_null=True, default=None)
