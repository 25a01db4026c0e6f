"""Workspace API of assessments (region hosts): cycles, their index, responses.

The default ``HostAccessPermission`` is the gate (outsiders 404); writing a response
needs the matching capability: the self score for region members who self-assess, the
verified score for assessors. Objects come from the same fetch-for-action helpers as the
pages (``assessments.access``: a refused member gets the same 404 as on the page) and
writes go through the same services.
"""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from assessments import access, selectors, services
from assessments.models import AssessmentCycle, AssessmentResponse
from tenants.access import Actor


class CycleSerializer(serializers.ModelSerializer):
    framework_version = serializers.CharField(source="framework_version.code")

    class Meta:
        model = AssessmentCycle
        fields = ["id", "framework_version", "year", "stage", "state", "created_at", "finalized_at"]


class FigureSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    value = serializers.DecimalField(max_digits=9, decimal_places=4, allow_null=True)
    weight = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    answered = serializers.IntegerField()
    total = serializers.IntegerField()
    how = serializers.CharField()


class IndexSerializer(serializers.Serializer):
    overall = serializers.DecimalField(max_digits=9, decimal_places=4, allow_null=True)
    uses_verified_scores = serializers.BooleanField()
    how = serializers.CharField()
    components = FigureSerializer(many=True)
    dimensions = FigureSerializer(many=True)
    missing = serializers.ListField(child=serializers.CharField())


class CycleDetailSerializer(CycleSerializer):
    index = serializers.SerializerMethodField()

    class Meta(CycleSerializer.Meta):
        fields = CycleSerializer.Meta.fields + ["index"]

    @extend_schema_field(IndexSerializer)
    def get_index(self, cycle) -> dict:
        result = selectors.cycle_index(cycle=cycle)
        return IndexSerializer(
            {
                "overall": result.overall,
                "uses_verified_scores": selectors.uses_verified_scores(cycle),
                "how": result.how,
                "components": result.components,
                "dimensions": result.dimensions,
                "missing": result.missing,
            }
        ).data


class ResponseSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    question = serializers.CharField(source="indicator.question", read_only=True)
    files = serializers.SerializerMethodField()

    class Meta:
        model = AssessmentResponse
        fields = [
            "id", "indicator", "question", "self_score", "evidence_text", "evidence_links",
            "verified_score", "assessor_notes", "files", "updated_at",
        ]  # fmt: skip

    def get_files(self, response) -> list[dict]:
        return [{"id": f.id, "name": f.name, "size": f.size} for f in response.files.all()]


class ResponseUpdateSerializer(serializers.Serializer):
    self_score = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True, required=False)
    evidence_text = serializers.CharField(allow_blank=True, required=False)
    evidence_links = serializers.CharField(allow_blank=True, required=False)
    verified_score = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True, required=False)
    assessor_notes = serializers.CharField(allow_blank=True, required=False)

    SELF = ("self_score", "evidence_text", "evidence_links")
    VERIFY = ("verified_score", "assessor_notes")

    def validate(self, data):
        if not data:
            raise serializers.ValidationError("Tidak ada yang diubah.")
        if any(k in data for k in self.SELF) and any(k in data for k in self.VERIFY):
            raise serializers.ValidationError("Skor mandiri dan skor verifikasi diubah terpisah.")
        return data


class CycleListView(generics.ListAPIView):
    serializer_class = CycleSerializer
    pagination_class = None
    queryset = AssessmentCycle.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.cycles()


class CycleDetailView(generics.RetrieveAPIView):
    serializer_class = CycleDetailSerializer
    lookup_url_kwarg = "cycle_pk"
    queryset = AssessmentCycle.objects.none()

    def get_queryset(self):
        return selectors.cycles()


def _actor(request) -> Actor:
    return Actor(user=request.user, access=request.access)


class ResponseListView(generics.ListAPIView):
    serializer_class = ResponseSerializer
    pagination_class = None
    queryset = AssessmentResponse.objects.none()

    def get_queryset(self):
        cycle = access.access_cycle(_actor(self.request), self.kwargs["cycle_pk"])
        return cycle.responses.select_related("indicator").prefetch_related("files")


class ResponseDetailView(APIView):
    write_capability = "can_work_on_responses"

    @extend_schema(responses=ResponseSerializer)
    def get(self, request, cycle_pk, response_pk):
        return Response(ResponseSerializer(access.access_response(_actor(request), cycle_pk, response_pk)).data)

    @extend_schema(request=ResponseUpdateSerializer, responses=ResponseSerializer)
    def patch(self, request, cycle_pk, response_pk):
        actor = _actor(request)
        # The fields sent say which right the change needs (self score or verification);
        # nothing to change is the serializer's to refuse.
        sent = request.data if isinstance(request.data, dict) else {}
        if any(k in sent for k in ResponseUpdateSerializer.SELF):
            response = access.access_response_for_self_assessment(actor, cycle_pk, response_pk)
        elif any(k in sent for k in ResponseUpdateSerializer.VERIFY):
            response = access.access_response_for_verification(actor, cycle_pk, response_pk)
        else:
            response = access.access_response(actor, cycle_pk, response_pk)
        data = ResponseUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if any(k in values for k in ResponseUpdateSerializer.SELF):
            services.save_self_assessment(
                actor=actor,
                response=response,
                score=values.get("self_score", response.self_score),
                evidence_text=values.get("evidence_text", response.evidence_text),
                evidence_links=values.get("evidence_links", response.evidence_links),
            )
        else:
            services.save_verification(
                actor=actor,
                response=response,
                score=values.get("verified_score", response.verified_score),
                notes=values.get("assessor_notes", response.assessor_notes),
            )
        return Response(ResponseSerializer(access.access_response(actor, cycle_pk, response_pk)).data)
