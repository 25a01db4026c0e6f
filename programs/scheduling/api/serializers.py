"""Serializers of the national plan's API: small output shapes, and input shapes that only
validate types and references (the rules themselves live in ``programs.scheduling.services``)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from programs.scheduling.models import (
    Facilitator,
    NationalHoliday,
    Plan,
    PlanVersion,
    RegionWish,
    SolveJob,
    TravelTime,
    Unavailability,
    Workshop,
)
from programs.scheduling.services.solving import WEIGHT_NAMES
from tenants.models import Cohort, Province

STAGES = serializers.IntegerField(min_value=1, max_value=4)


# --- output -------------------------------------------------------------------------------


class PersonSerializer(serializers.ModelSerializer):
    """A facilitator as named on a workshop."""

    name = serializers.CharField(read_only=True)
    institution = serializers.CharField(read_only=True)

    class Meta:
        model = Facilitator
        fields = ["id", "name", "institution"]


class FacilitatorSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)
    full_name = serializers.CharField(source="user.full_name", read_only=True)
    home_province = serializers.CharField(source="home_province_id", read_only=True)
    home_province_name = serializers.CharField(source="home_province.name", read_only=True)

    class Meta:
        model = Facilitator
        fields = [
            "id", "email", "full_name", "institution", "home_province", "home_province_name", "kind", "stages",
            "max_per_month", "is_active",
        ]  # fmt: skip


class UnavailabilitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Unavailability
        fields = ["id", "facilitator", "starts", "ends", "reason", "created_at"]


class TravelTimeSerializer(serializers.ModelSerializer):
    origin = serializers.CharField(source="origin_id")
    destination = serializers.CharField(source="destination_id")

    class Meta:
        model = TravelTime
        fields = ["origin", "destination", "days"]


class HolidaySerializer(serializers.ModelSerializer):
    class Meta:
        model = NationalHoliday
        fields = ["id", "date", "name"]


class PlanSerializer(serializers.ModelSerializer):
    cohort = serializers.IntegerField(source="cohort.year", read_only=True)
    workshop_count = serializers.IntegerField(read_only=True)
    confirmed_count = serializers.IntegerField(read_only=True)
    latest_version = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = Plan
        fields = [
            "id", "cohort", "name", "window_start", "window_end", "workshop_days", "min_gap_days",
            "access_days_before", "access_days_after", "time_limit_seconds", "weights", "workshop_count",
            "confirmed_count", "latest_version", "created_at",
        ]  # fmt: skip


class WorkshopSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="plan_id", read_only=True)
    region = serializers.CharField(source="region_id", read_only=True)
    region_name = serializers.CharField(source="region.name", read_only=True)
    province = serializers.CharField(source="region.province_id", read_only=True)
    timezone = serializers.CharField(source="region.province.timezone", read_only=True)
    lead = PersonSerializer(read_only=True, allow_null=True)
    co_facilitators = PersonSerializer(many=True, read_only=True)
    ministry_rep = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Workshop
        fields = [
            "id", "plan", "region", "region_name", "province", "timezone", "stage", "starts", "ends", "venue",
            "lead", "co_facilitators", "ministry_rep", "status", "notes", "updated_at",
        ]  # fmt: skip


class WarningSerializer(serializers.Serializer):
    """A hard constraint the plan breaks as it stands (the checker's ``Violation``)."""

    code = serializers.CharField()
    message = serializers.CharField()
    workshops = serializers.ListField(child=serializers.IntegerField(), source="jobs")
    person = serializers.IntegerField(allow_null=True)


class WorkshopWithWarningsSerializer(WorkshopSerializer):
    warnings = WarningSerializer(many=True, read_only=True, source="live_warnings")

    class Meta(WorkshopSerializer.Meta):
        fields = [*WorkshopSerializer.Meta.fields, "warnings"]


class VersionSerializer(serializers.ModelSerializer):
    created_by = serializers.EmailField(source="created_by.email", read_only=True, default=None)
    confirmed_by = serializers.EmailField(source="confirmed_by.email", read_only=True, default=None)

    class Meta:
        model = PlanVersion
        fields = [
            "number", "kind", "solver_status", "is_best_found", "objective", "bound", "moved", "created_by",
            "created_at", "confirmed_at", "confirmed_by",
        ]  # fmt: skip


class VersionDetailSerializer(VersionSerializer):
    reasons = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), help_text="workshop id → sentences"
    )
    conflicts = serializers.ListField(child=serializers.CharField(), help_text="why no plan fits, in words")
    stats = serializers.DictField()
    snapshot = serializers.ListField(child=serializers.DictField())

    class Meta(VersionSerializer.Meta):
        fields = [*VersionSerializer.Meta.fields, "reasons", "conflicts", "stats", "snapshot"]


class JobSerializer(serializers.ModelSerializer):
    version = serializers.IntegerField(source="version.number", read_only=True, default=None)

    class Meta:
        model = SolveJob
        fields = ["id", "plan", "replan", "status", "percent", "message", "version", "created_at", "finished_at"]


class ChangeSerializer(serializers.Serializer):
    workshop = serializers.IntegerField(source="workshop_id")
    region = serializers.CharField()
    region_name = serializers.CharField()
    stage = serializers.IntegerField()
    fields = serializers.ListField(child=serializers.CharField())
    before = serializers.DictField(allow_null=True)
    after = serializers.DictField(allow_null=True)
    description = serializers.CharField()


class ComparisonSerializer(serializers.Serializer):
    a = serializers.IntegerField()
    b = serializers.IntegerField()
    changes = ChangeSerializer(many=True)


class ConfirmationSerializer(serializers.Serializer):
    version = VersionSerializer()
    confirmed = serializers.IntegerField(help_text="workshops now confirmed")
    opened = serializers.IntegerField(help_text="access windows opened")
    moved = serializers.IntegerField(help_text="access windows moved")
    closed = serializers.IntegerField(help_text="access windows closed")


class WishSerializer(serializers.ModelSerializer):
    class Meta:
        model = RegionWish
        fields = ["id", "kind", "starts", "ends", "note", "created_at"]


class RegionWorkshopSerializer(WorkshopSerializer):
    """A workshop as its region sees it on the workspace host."""

    plan_name = serializers.CharField(source="plan.name", read_only=True)

    class Meta(WorkshopSerializer.Meta):
        fields = [
            "id", "plan", "plan_name", "stage", "starts", "ends", "timezone", "venue", "lead", "co_facilitators",
            "ministry_rep", "status", "notes",
        ]  # fmt: skip


# --- input --------------------------------------------------------------------------------


class FacilitatorInputSerializer(serializers.Serializer):
    institution = serializers.CharField(max_length=200)
    home_province = serializers.SlugRelatedField(slug_field="code", queryset=Province.objects.all())
    kind = serializers.ChoiceField(choices=Facilitator.Kind.choices, default=Facilitator.Kind.EXPERT)
    stages = serializers.ListField(child=STAGES, max_length=4, default=list)
    max_per_month = serializers.IntegerField(min_value=1, max_value=20, default=4)
    is_active = serializers.BooleanField(default=True)


class FacilitatorCreateSerializer(FacilitatorInputSerializer):
    email = serializers.EmailField(max_length=254)
    full_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")


class RangeInputSerializer(serializers.Serializer):
    starts = serializers.DateField()
    ends = serializers.DateField()


class UnavailabilityInputSerializer(RangeInputSerializer):
    reason = serializers.CharField(max_length=200)


class WishInputSerializer(RangeInputSerializer):
    kind = serializers.ChoiceField(choices=RegionWish.Kind.choices)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class TravelInputSerializer(serializers.Serializer):
    origin = serializers.SlugRelatedField(slug_field="code", queryset=Province.objects.all())
    destination = serializers.SlugRelatedField(slug_field="code", queryset=Province.objects.all())
    days = serializers.IntegerField(min_value=0, max_value=7)


class HolidayInputSerializer(serializers.Serializer):
    date = serializers.DateField()
    name = serializers.CharField(max_length=200)


class WeightsField(serializers.DictField):
    """The solver's soft-goal weights: known names only, whole numbers from 0 to 1000."""

    child = serializers.IntegerField(min_value=0, max_value=1000)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        unknown = sorted(set(value) - set(WEIGHT_NAMES))
        if unknown:
            raise serializers.ValidationError(
                _("Bobot tidak dikenal: %(names)s. Yang dikenal: %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(WEIGHT_NAMES)}
            )
        return value


class PlanInputSerializer(serializers.Serializer):
    """Plan settings; on creation ``cohort`` (its year), ``name`` and the window are required."""

    cohort = serializers.SlugRelatedField(slug_field="year", queryset=Cohort.objects.all())
    name = serializers.CharField(max_length=200)
    window_start = serializers.DateField()
    window_end = serializers.DateField()
    workshop_days = serializers.IntegerField(min_value=1, max_value=5, required=False)
    min_gap_days = serializers.IntegerField(min_value=0, max_value=120, required=False)
    access_days_before = serializers.IntegerField(min_value=0, max_value=180, required=False)
    access_days_after = serializers.IntegerField(min_value=0, max_value=365, required=False)
    time_limit_seconds = serializers.IntegerField(min_value=1, max_value=600, required=False)
    weights = WeightsField(required=False)


class PlanUpdateSerializer(PlanInputSerializer):
    cohort = None  # a plan stays with its cohort


class WorkshopInputSerializer(serializers.Serializer):
    """A hand edit: only the fields sent change. ``ends`` left out means the plan's usual length."""

    starts = serializers.DateField(required=False, allow_null=True)
    ends = serializers.DateField(required=False, allow_null=True)
    venue = serializers.CharField(max_length=200, required=False, allow_blank=True)
    notes = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    lead = serializers.PrimaryKeyRelatedField(queryset=Facilitator.objects.all(), required=False, allow_null=True)
    ministry_rep = serializers.PrimaryKeyRelatedField(
        queryset=Facilitator.objects.all(), required=False, allow_null=True
    )
    co_facilitators = serializers.PrimaryKeyRelatedField(queryset=Facilitator.objects.all(), many=True, required=False)
    status = serializers.ChoiceField(choices=Workshop.Status.choices, required=False)


class CompareQuerySerializer(serializers.Serializer):
    a = serializers.IntegerField(min_value=1)
    b = serializers.IntegerField(min_value=1)
