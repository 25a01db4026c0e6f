"""Serializers of the showcase's national API: small output shapes, and input shapes that check
types, limits and references (the event's rules live in ``showcase.services``)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from showcase.models import AgendaVersion, Showcase, Slot, Stage
from showcase.services.events import EDITABLE
from tenants.models import Cohort

# --- output -------------------------------------------------------------------------------------


class StageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Stage
        fields = ["id", "name", "position"]


class ShowcaseSerializer(serializers.ModelSerializer):
    cohort = serializers.IntegerField(source="cohort.year", read_only=True)
    stages = StageSerializer(many=True, read_only=True)
    presenters = serializers.SerializerMethodField()
    latest_version = serializers.SerializerMethodField()
    published_version = serializers.SerializerMethodField()

    class Meta:
        model = Showcase
        fields = ["id", "cohort", *EDITABLE, "stages", "presenters", "latest_version", "published_version"]

    def get_presenters(self, showcase) -> list[str]:
        """Codes of the presenting regions, in cohort order."""
        return [p.region_id for p in showcase.presenters.all()]

    def get_latest_version(self, showcase) -> int | None:
        return max((v.number for v in showcase.versions.all()), default=None)

    def get_published_version(self, showcase) -> int | None:
        return max((v.number for v in showcase.versions.all() if v.published_at), default=None)


class AgendaVersionSerializer(serializers.ModelSerializer):
    is_published = serializers.SerializerMethodField()
    slot_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = AgendaVersion
        fields = ["number", "note", "created_at", "published_at", "is_published", "slot_count"]

    def get_is_published(self, version) -> bool:
        return version.published_at is not None


class SlotSerializer(serializers.ModelSerializer):
    stage_name = serializers.CharField(source="stage.name", read_only=True)
    region = serializers.CharField(source="region_id", read_only=True, allow_null=True)
    region_name = serializers.SerializerMethodField()
    ends_at = serializers.DateTimeField(read_only=True)

    class Meta:
        model = Slot
        fields = [
            "id", "stage", "stage_name", "position", "kind", "title", "region", "region_name", "starts_at", "ends_at",
            "minutes", "question_minutes",
        ]  # fmt: skip

    def get_region_name(self, slot) -> str | None:
        return slot.region.name if slot.region_id else None


class AgendaVersionDetailSerializer(AgendaVersionSerializer):
    slots = SlotSerializer(many=True, read_only=True, source="slot_list")

    class Meta(AgendaVersionSerializer.Meta):
        fields = [*AgendaVersionSerializer.Meta.fields, "slots"]


# --- input --------------------------------------------------------------------------------------


class ShowcaseInputSerializer(serializers.ModelSerializer):
    """A new showcase: its cohort (the year), its settings and the names of its stages."""

    cohort = serializers.SlugRelatedField(slug_field="year", queryset=Cohort.objects.all())
    stage_names = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, max_length=20, help_text=_("Nama panggung.")
    )

    class Meta:
        model = Showcase
        fields = ["cohort", *EDITABLE, "stage_names"]


class ShowcaseUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Showcase
        fields = list(EDITABLE)


class MoveInputSerializer(serializers.Serializer):
    """One place up or down on its stage, or to ``stage`` (at ``position``, 1-based; the end
    when omitted)."""

    direction = serializers.ChoiceField(choices=["up", "down"], required=False)
    stage = serializers.IntegerField(required=False, min_value=1)
    position = serializers.IntegerField(required=False, min_value=1, max_value=10_000)

    def validate(self, data):
        if not data.get("direction") and data.get("stage") is None:
            raise serializers.ValidationError(_("Sebutkan direction (up/down) atau stage tujuan."))
        return data


class PublishInputSerializer(serializers.Serializer):
    confirm = serializers.BooleanField(help_text=_("Harus true: terbitkan versi ini untuk publik."))

    def validate_confirm(self, value):
        if not value:
            raise serializers.ValidationError(_("Konfirmasi dengan confirm=true."))
        return value
