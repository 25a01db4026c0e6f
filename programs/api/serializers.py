"""Serializers of the masterplan API: reference data, OPDs, programs (output built from the
prefetched rows; input with nested indicators, funding and milestones), risks, the
masterplan and its workflow."""

import re

from django.db import connection
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from programs import program_rules
from programs.models import (
    BimtekStage,
    Dimension,
    FundingSource,
    Masterplan,
    MasterplanTransition,
    Opd,
    Program,
    Risk,
    SubDimension,
)
from programs.services.programs import indicator_snapshot


class StageWorkshopSerializer(serializers.Serializer):
    """The national plan's workshop that holds a stage's dates (read-only)."""

    starts = serializers.DateField(read_only=True)
    ends = serializers.DateField(read_only=True)
    venue = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    notes = serializers.CharField(read_only=True)


class BimtekStageSerializer(serializers.ModelSerializer):
    """A stage with ``workshop``: its dates in the ministry's plan where it is scheduled, else
    ``null`` (the region's own ``planned_date`` then holds). The region's workshops are read
    once per response, whatever the number of stages."""

    workshop = serializers.SerializerMethodField()

    class Meta:
        model = BimtekStage
        fields = ["number", "title", "planned_date", "completed_on", "notes", "workshop"]

    @extend_schema_field(StageWorkshopSerializer(allow_null=True))
    def get_workshop(self, stage) -> dict | None:
        if hasattr(stage, "workshop"):
            workshop = stage.workshop
        else:
            if "bimtek_workshops" not in self.context:  # shared by every row of a list
                from programs.scheduling.selectors import current_stage_workshops

                self.context["bimtek_workshops"] = current_stage_workshops(connection.tenant.region_id)
            workshop = self.context["bimtek_workshops"].get(stage.number)
        return StageWorkshopSerializer(workshop).data if workshop is not None else None


class SubDimensionSerializer(serializers.ModelSerializer):
    class Meta:
        model = SubDimension
        fields = ["code", "name"]


class DimensionSerializer(serializers.ModelSerializer):
    sub_dimensions = SubDimensionSerializer(many=True, read_only=True)

    class Meta:
        model = Dimension
        fields = ["code", "name", "sub_dimensions"]


class FundingSourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = FundingSource
        fields = ["code", "name"]


class OpdSerializer(serializers.ModelSerializer):
    class Meta:
        model = Opd
        fields = ["id", "acronym", "name", "head"]
        read_only_fields = ["id"]
        extra_kwargs = {"acronym": {"validators": []}}


class IndicatorSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=250)
    unit = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    baseline = serializers.DecimalField(max_digits=18, decimal_places=2, required=False, allow_null=True, default=None)
    baseline_year = serializers.IntegerField(
        min_value=2000, max_value=2100, required=False, allow_null=True, default=None
    )
    targets = serializers.DictField(
        child=serializers.DecimalField(max_digits=18, decimal_places=2),
        required=False,
        default=dict,
        help_text='Target per year, e.g. {"2025": "40", "2026": "60"}.',
    )

    def validate_targets(self, value):
        out = {}
        for year, target in value.items():
            if not re.fullmatch(r"[0-9]{4}", str(year)) or not 2000 <= int(year) <= 2100:
                raise serializers.ValidationError(_("Tahun target %(year)s tidak valid.") % {"year": year})
            if int(year) in out:
                raise serializers.ValidationError(_("Tahun %(year)s tertulis dua kali.") % {"year": year})
            out[int(year)] = target
        return out


class FundingSerializer(serializers.Serializer):
    source = serializers.SlugRelatedField(slug_field="code", queryset=FundingSource.objects.all())
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    amount = serializers.DecimalField(max_digits=18, decimal_places=2, min_value=0, coerce_to_string=True)


class MilestoneSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=250)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    quarter = serializers.IntegerField(min_value=1, max_value=4, required=False, allow_null=True, default=None)
    progress = serializers.IntegerField(min_value=0, max_value=100, required=False, default=0)


class RiskSerializer(serializers.ModelSerializer):
    score = serializers.IntegerField(read_only=True)
    level = serializers.CharField(read_only=True)

    class Meta:
        model = Risk
        fields = ["id", "description", "likelihood", "impact", "score", "level", "mitigation", "owner"]
        read_only_fields = ["id"]


DATETIME = serializers.DateTimeField()


class ProgramSerializer(serializers.ModelSerializer):
    """Output: the program with its rows; ``budget`` is the sum of its funding."""

    dimension = serializers.SlugRelatedField(slug_field="code", read_only=True)
    sub_dimension = serializers.SlugRelatedField(slug_field="code", read_only=True)
    lead_opd = serializers.SlugRelatedField(slug_field="acronym", read_only=True)
    partner_opds = serializers.SlugRelatedField(slug_field="acronym", many=True, read_only=True)
    indicators = serializers.SerializerMethodField()
    funding = FundingSerializer(many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    risks = RiskSerializer(many=True, read_only=True)
    budget = serializers.DecimalField(max_digits=20, decimal_places=2, read_only=True)

    class Meta:
        model = Program
        fields = [
            "id",
            "version",
            *program_rules.EDITABLE_FIELDS,
            "budget",
            "indicators",
            "funding",
            "milestones",
            "risks",
            "updated_at",
        ]

    def to_representation(self, program) -> dict:
        """Built by hand from the prefetched rows: the same output as the declared fields
        (which document it in the OpenAPI schema), several times faster for long lists."""
        money = "{:.2f}".format
        return {
            "id": program.pk,
            "version": program.version,
            "title": program.title,
            "dimension": program.dimension.code,
            "sub_dimension": program.sub_dimension.code,
            "description": program.description,
            "goals": program.goals,
            "targets": program.targets,
            "lead_opd": program.lead_opd.acronym,
            "partner_opds": [o.acronym for o in program.partner_opds.all()],
            "partners": program.partners,
            "horizon": program.horizon,
            "start_year": program.start_year,
            "end_year": program.end_year,
            "alignment_rpjpd": program.alignment_rpjpd,
            "alignment_rpjmd": program.alignment_rpjmd,
            "alignment_renstra": program.alignment_renstra,
            "status": program.status,
            "is_quick_win": program.is_quick_win,
            "monitoring": program.monitoring,
            "budget": money(program.budget),
            "indicators": self.get_indicators(program),
            "funding": [
                {"source": f.source.code, "year": f.year, "amount": money(f.amount)} for f in program.funding.all()
            ],
            "milestones": [
                {"title": m.title, "year": m.year, "quarter": m.quarter, "progress": m.progress}
                for m in program.milestones.all()
            ],
            "risks": [
                {
                    "id": r.pk,
                    "description": r.description,
                    "likelihood": r.likelihood,
                    "impact": r.impact,
                    "score": r.score,
                    "level": r.level,
                    "mitigation": r.mitigation,
                    "owner": r.owner,
                }
                for r in program.risks.all()
            ],
            "updated_at": DATETIME.to_representation(program.updated_at),
        }

    def get_indicators(self, program) -> list[dict]:
        return [indicator_snapshot(i) for i in program.indicators.all()]


class ProgramInputSerializer(serializers.Serializer):
    """Input of a create (no ``version``) or a full update (``version`` it started from)."""

    version = serializers.IntegerField(required=False, help_text="Required on update: the version you read.")
    title = serializers.CharField(max_length=200)
    dimension = serializers.SlugRelatedField(slug_field="code", queryset=Dimension.objects.all())
    sub_dimension = serializers.CharField(help_text="Code of a sub-dimension of the dimension.")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    goals = serializers.CharField(required=False, allow_blank=True, default="")
    targets = serializers.CharField(required=False, allow_blank=True, default="")
    lead_opd = serializers.SlugRelatedField(slug_field="acronym", queryset=Opd.objects.all())
    partner_opds = serializers.SlugRelatedField(
        slug_field="acronym", queryset=Opd.objects.all(), many=True, default=list
    )
    partners = serializers.CharField(required=False, allow_blank=True, default="")
    horizon = serializers.ChoiceField(choices=Program.Horizon.choices)
    start_year = serializers.IntegerField(min_value=2000, max_value=2100)
    end_year = serializers.IntegerField(min_value=2000, max_value=2100)
    alignment_rpjpd = serializers.CharField(required=False, allow_blank=True, default="")
    alignment_rpjmd = serializers.CharField(required=False, allow_blank=True, default="")
    alignment_renstra = serializers.CharField(required=False, allow_blank=True, default="")
    status = serializers.ChoiceField(choices=Program.Status.choices, default=Program.Status.PROPOSED)
    is_quick_win = serializers.BooleanField(default=False)
    monitoring = serializers.CharField(required=False, allow_blank=True, default="")
    indicators = IndicatorSerializer(many=True, default=list)
    funding = FundingSerializer(many=True, default=list)
    milestones = MilestoneSerializer(many=True, default=list)

    def validate(self, data):
        """The rules of ``programs.program_rules``, each on its field. The title is checked here
        for a new program (no ``version``) and for the program given as ``instance``; on an
        update without it the service refuses a title another program has, with the same
        message on ``title``."""
        code, dimension = data["sub_dimension"], data["dimension"]
        data["sub_dimension"] = program_rules.sub_dimension_among(
            dimension, list(SubDimension.objects.filter(code=code))
        )
        errors: dict[str, list[str]] = {}
        program_rules.collect_errors(
            errors, program_rules.check_sub_dimension, dimension, data["sub_dimension"] or code
        )
        start, end = data["start_year"], data["end_year"]
        program_rules.collect_errors(errors, program_rules.check_years, start, end)
        program_rules.collect_errors(
            errors, program_rules.check_funding, data["funding"], start_year=start, end_year=end
        )
        if self.instance is not None or "version" not in data:
            program_rules.collect_errors(
                errors, program_rules.check_unique_title, data["title"], program_id=getattr(self.instance, "pk", None)
            )
        if errors:
            raise serializers.ValidationError(errors)
        return data


class MasterplanSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True, help_text="draft, submitted, approved or published")

    class Meta:
        model = Masterplan
        fields = ["status", "revision", "regional_profile", "vision", "mission", "goals", "updated_at"]


class TransitionSerializer(serializers.ModelSerializer):
    by = serializers.StringRelatedField()
    from_status = serializers.CharField(read_only=True)
    to_status = serializers.CharField(read_only=True)
    failed_items = serializers.ListField(
        child=serializers.CharField(),
        source="failed_items_shown",
        read_only=True,
        help_text="The checklist items failing when the step was confirmed anyway, in the reader's language.",
    )

    class Meta:
        model = MasterplanTransition
        fields = ["action", "from_status", "to_status", "revision", "reason", "failed_items", "by", "at"]


class TransitionInputSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=MasterplanTransition.Action.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    acknowledge_failing = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Submit, approve or publish although checklist items fail (a reason is then required).",
    )
