"""The JSON of a framework version: the structure of its YAML file, described for the OpenAPI
schema and checked at the edge for type and size (field errors, nested like the body).

These serializers only guard and document: the body is then read by
``services.read_version_data``, the reader of the YAML import, and a version is written out
by ``services.export_version``, the builder of the YAML export. The two formats share that
one reader and one builder, so they cannot drift.
"""

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from assessments.framework import services
from assessments.framework.indicator_rules import as_number
from assessments.framework.models import Component, FrameworkVersion

NUMBER_TEXT = r"^-?[0-9]{1,12}([.,][0-9]{1,12})?$"
NUMBER_SCHEMA = {
    "oneOf": [{"type": "number"}, {"type": "string", "pattern": NUMBER_TEXT}],
    "description": 'a number, or its text with a decimal point or comma (10.5, "10,50")',
}


@extend_schema_field(NUMBER_SCHEMA)
class NumberField(serializers.Field):
    """A number as a JSON number or as text (``"10.50"``, ``"10,5"``), passed on as given: the
    version's reader parses it (and says when it has too many decimals or lies out of range)."""

    default_error_messages = {"invalid": _("Harus berupa angka.")}

    def to_internal_value(self, data):
        if isinstance(data, str) and not re.fullmatch(NUMBER_TEXT, data):
            self.fail("invalid")
        if isinstance(data, bool) or not isinstance(data, int | float | str) or as_number(data) is None:
            self.fail("invalid")
        return data

    def to_representation(self, value):
        return value


class LevelSerializer(serializers.Serializer):
    """A level descriptor: what the score means. Only these two keys are stored."""

    score = NumberField()
    description = serializers.CharField(max_length=2000)

    def to_internal_value(self, data):
        if isinstance(data, dict) and (unknown := sorted(set(data) - set(self.fields))):
            raise serializers.ValidationError({key: [_("Kunci ini tidak dikenal.")] for key in unknown[:20]})
        return super().to_internal_value(data)


class ComponentSerializer(serializers.Serializer):
    code = serializers.SlugField(max_length=30)
    name = serializers.CharField(max_length=100, required=False, allow_blank=True)
    weight = NumberField(help_text="percent; the components' weights total 100")


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=30)
    component = serializers.CharField(max_length=30, help_text="a component code of this version")
    subdimension = serializers.CharField(max_length=40, help_text="a sub-dimension code, e.g. sampah-limbah")
    question = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    weight = NumberField(required=False, help_text="weight within its component, more than 0 (default 1)")
    levels = LevelSerializer(many=True, max_length=100)


class ScaleSerializer(serializers.Serializer):
    min = NumberField(required=False)
    max = NumberField(required=False)


class RoundingSerializer(serializers.Serializer):
    decimals = serializers.IntegerField(min_value=0, max_value=4, required=False)
    method = serializers.ChoiceField(choices=FrameworkVersion.Rounding.choices, required=False)


class FrameworkVersionSerializer(serializers.Serializer):
    """A version: the keys of its YAML file, plus the read-only facts of the stored version."""

    id = serializers.IntegerField(read_only=True)
    based_on = serializers.IntegerField(read_only=True, allow_null=True, help_text="id of the version it copies")
    is_frozen = serializers.BooleanField(read_only=True, help_text="a cycle uses it: no more edits")
    frozen_at = serializers.DateTimeField(read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(read_only=True)
    code = serializers.SlugField(max_length=40)
    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    year = serializers.IntegerField(min_value=2017, max_value=2100, required=False)
    description = serializers.CharField(max_length=10_000, required=False, allow_blank=True)
    scale = ScaleSerializer(required=False)
    rounding = RoundingSerializer(required=False)
    components = ComponentSerializer(many=True, min_length=1, max_length=50)
    indicators = IndicatorSerializer(many=True, min_length=1, max_length=2000)


READ_ONLY_KEYS = tuple(name for name, field in FrameworkVersionSerializer().fields.items() if field.read_only)


def version_json(version: FrameworkVersion) -> dict:
    """A stored version as the API answers it: its read-only facts, then its YAML keys
    (``services.export_version``, the builder of the YAML file)."""
    when = serializers.DateTimeField()
    return {
        "id": version.pk,
        "based_on": version.based_on_id,
        "is_frozen": version.is_frozen,
        "frozen_at": when.to_representation(version.frozen_at),
        "created_at": when.to_representation(version.created_at),
    } | services.export_version(version)


class ComponentSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Component
        fields = ["code", "name", "weight"]


class VersionSummarySerializer(serializers.ModelSerializer):
    """A version in the list: its JSON without the indicators (``indicator_count`` of them)."""

    based_on = serializers.IntegerField(source="based_on_id", read_only=True, allow_null=True)
    is_frozen = serializers.BooleanField(read_only=True)
    scale = serializers.SerializerMethodField()
    rounding = serializers.SerializerMethodField()
    components = ComponentSummarySerializer(many=True, read_only=True)
    indicator_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = FrameworkVersion
        fields = [
            "id", "based_on", "is_frozen", "frozen_at", "created_at", "code", "name", "year", "description",
            "scale", "rounding", "components", "indicator_count",
        ]  # fmt: skip

    @extend_schema_field(ScaleSerializer)
    def get_scale(self, version) -> dict:
        return {"min": str(version.scale_min), "max": str(version.scale_max)}

    @extend_schema_field(RoundingSerializer)
    def get_rounding(self, version) -> dict:
        return {"decimals": version.decimals, "method": version.rounding}


class CopySerializer(serializers.Serializer):
    """A copy of a version as a new one (unfrozen) with its own code, name and guideline year."""

    code = serializers.SlugField(max_length=40)
    name = serializers.CharField(max_length=200)
    year = serializers.IntegerField(min_value=2017, max_value=2100)


class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="why the version cannot change, e.g. a cycle uses it")
