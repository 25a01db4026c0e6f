"""API views of the masterplan. Reads: any member. Writes fetch their object through the
fetch-for-action helpers of ``programs.access`` (404 for missing and forbidden alike, as the
pages) and go through ``programs.services`` with the same rules as the pages."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response
from rest_framework.views import APIView

from programs import access, rules, selectors, services
from programs.api.filters import ProgramFilter, program_queryset
from programs.api.serializers import (
    BimtekStageSerializer,
    DimensionSerializer,
    FundingSourceSerializer,
    MasterplanSerializer,
    OpdSerializer,
    ProgramInputSerializer,
    ProgramSerializer,
    RiskSerializer,
    TransitionInputSerializer,
    TransitionSerializer,
)
from programs.models import FundingSource, Opd, Program, Risk


def actor_of(request) -> rules.Actor:
    return rules.Actor(user=request.user, access=request.access)


def _program_data(validated: dict) -> tuple[dict, int | None]:
    data = dict(validated)
    version = data.pop("version", None)
    return data, version


class FetchForEditMixin:
    """Reads find the object in the view's queryset; writes fetch it with ``fetch_for_edit``, a
    fetch-for-action helper of ``programs.access`` given the URL's ``fetch_kwargs`` in order (the
    same 404 for an object missing and one the actor may not change)."""

    fetch_for_edit = None
    fetch_kwargs: tuple[str, ...] = ()

    def get_object(self):
        if self.request.method in SAFE_METHODS:
            return super().get_object()
        fetch = type(self).fetch_for_edit
        obj = fetch(actor_of(self.request), *(self.kwargs[name] for name in self.fetch_kwargs))
        self.check_object_permissions(self.request, obj)
        return obj


def _stale(exc: services.StaleVersionError) -> Response:
    return Response({"version": [exc.message], "current_version": exc.current_version}, status=status.HTTP_409_CONFLICT)


class BimtekStageListView(generics.ListAPIView):
    serializer_class = BimtekStageSerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.bimtek_stages()


class DimensionListView(generics.ListAPIView):
    serializer_class = DimensionSerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.dimensions()


class FundingSourceListView(generics.ListAPIView):
    serializer_class = FundingSourceSerializer
    pagination_class = None
    queryset = FundingSource.objects.order_by("order")


class OpdListView(generics.ListCreateAPIView):
    serializer_class = OpdSerializer
    write_capability = "can_edit_masterplan"
    queryset = Opd.objects.order_by("acronym")

    def perform_create(self, serializer):
        serializer.instance = services.save_opd(actor=actor_of(self.request), **serializer.validated_data)


class OpdDetailView(FetchForEditMixin, generics.RetrieveUpdateDestroyAPIView):
    serializer_class = OpdSerializer
    write_capability = "can_edit_masterplan"
    queryset = Opd.objects.all()
    lookup_url_kwarg = "opd_pk"
    fetch_for_edit, fetch_kwargs = access.access_opd_for_edit, ("opd_pk",)

    def perform_update(self, serializer):
        data = {
            "name": serializer.instance.name,
            "acronym": serializer.instance.acronym,
            "head": serializer.instance.head,
        }
        data.update(serializer.validated_data)
        serializer.instance = services.save_opd(actor=actor_of(self.request), opd=serializer.instance, **data)

    def perform_destroy(self, instance):
        services.delete_opd(actor=actor_of(self.request), opd=instance)


class ProgramListView(generics.ListCreateAPIView):
    serializer_class = ProgramSerializer
    filterset_class = ProgramFilter
    write_capability = "can_edit_programs"
    queryset = Program.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return program_queryset()

    @extend_schema(request=ProgramInputSerializer, responses={201: ProgramSerializer})
    def post(self, request):
        actor = actor_of(request)
        access.access_new_program(actor)
        incoming = ProgramInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data, _version = _program_data(incoming.validated_data)
        program = services.save_program(actor=actor, data=data)
        return Response(ProgramSerializer(program_queryset().get(pk=program.pk)).data, status=status.HTTP_201_CREATED)


class ProgramDetailView(FetchForEditMixin, generics.RetrieveDestroyAPIView):
    serializer_class = ProgramSerializer
    write_capability = "can_edit_programs"
    queryset = Program.objects.none()  # for the schema; requests use get_queryset
    lookup_url_kwarg = "program_pk"

    fetch_for_edit, fetch_kwargs = access.access_program_for_edit, ("program_pk",)

    def get_queryset(self):
        return program_queryset()

    @extend_schema(request=ProgramInputSerializer, responses={200: ProgramSerializer, 409: None})
    def put(self, request, program_pk):
        program = self.get_object()
        incoming = ProgramInputSerializer(program, data=request.data)
        incoming.is_valid(raise_exception=True)
        data, version = _program_data(incoming.validated_data)
        if version is None:
            raise exceptions.ValidationError({"version": [_("Sertakan versi program yang Anda baca.")]})
        try:
            services.save_program(actor=actor_of(request), program=program, data=data, expected_version=version)
        except services.StaleVersionError as exc:
            return _stale(exc)
        return Response(ProgramSerializer(program_queryset().get(pk=program.pk)).data)

    def perform_destroy(self, instance):
        services.delete_program(actor=actor_of(self.request), program=instance)


class RiskListView(generics.ListCreateAPIView):
    serializer_class = RiskSerializer
    write_capability = "can_edit_programs"
    queryset = Risk.objects.none()  # for the schema; requests use get_queryset
    pagination_class = None

    def program(self):
        if self.request.method in SAFE_METHODS:
            return access.access_program(actor_of(self.request), self.kwargs["program_pk"])
        return access.access_program_for_edit(actor_of(self.request), self.kwargs["program_pk"])

    def get_queryset(self):
        return Risk.objects.filter(program=self.program())

    def perform_create(self, serializer):
        serializer.instance = services.save_risk(
            actor=actor_of(self.request), program=self.program(), **serializer.validated_data
        )


class RiskDetailView(FetchForEditMixin, generics.RetrieveUpdateDestroyAPIView):
    serializer_class = RiskSerializer
    write_capability = "can_edit_programs"
    queryset = Risk.objects.none()  # for the schema; requests use get_queryset
    lookup_url_kwarg = "risk_pk"
    fetch_for_edit, fetch_kwargs = access.access_risk_for_edit, ("program_pk", "risk_pk")

    def get_queryset(self):
        return Risk.objects.filter(program_id=self.kwargs["program_pk"])

    def perform_update(self, serializer):
        risk = serializer.instance
        serializer.instance = services.save_risk(
            actor=actor_of(self.request), program=risk.program, risk=risk, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.delete_risk(actor=actor_of(self.request), risk=instance)


class MasterplanView(APIView):
    @extend_schema(responses=MasterplanSerializer)
    def get(self, request):
        return Response(MasterplanSerializer(selectors.masterplan()).data)


class MasterplanTransitionListView(generics.ListCreateAPIView):
    """The workflow log; POST takes a step (``submit``, ``approve``, ``return``, ``publish``,
    ``reopen``). Who may take which step is decided by the service (403 with the reason)."""

    serializer_class = TransitionSerializer
    write_capability = "can_take_workflow_steps"
    pagination_class = None

    def get_queryset(self):
        return selectors.transitions()

    @extend_schema(request=TransitionInputSerializer, responses={201: MasterplanSerializer})
    def post(self, request):
        incoming = TransitionInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        masterplan = services.transition_masterplan(actor=actor_of(request), **incoming.validated_data)
        return Response(MasterplanSerializer(masterplan).data, status=status.HTTP_201_CREATED)
