"""National API of the plans (apex host, ``/api/v1/scheduling/plans/``): plans, their workshops
with the live warnings of the checker, the solver's jobs, versions, comparison and confirmation.

Ministry staff read, ministry admins write (the core's ``HostAccessPermission`` with the pages'
rule); anyone else signed in gets 404. ``propose``/``replan`` answer 202 with the job they queued,
or 200 with the job already running for the plan (one job per plan: a second press, by anyone,
gets that job back).
"""

from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from programs.scheduling import rules, selectors, services
from programs.scheduling.api.filters import WorkshopFilter
from programs.scheduling.api.serializers import (
    CompareQuerySerializer,
    ComparisonSerializer,
    ConfirmationSerializer,
    JobSerializer,
    PlanInputSerializer,
    PlanSerializer,
    PlanUpdateSerializer,
    VersionDetailSerializer,
    VersionSerializer,
    WarningSerializer,
    WorkshopInputSerializer,
    WorkshopSerializer,
    WorkshopWithWarningsSerializer,
)
from programs.scheduling.models import Facilitator, Plan, PlanVersion, SolveJob, Workshop


def plan_queryset():
    latest = PlanVersion.objects.filter(plan=OuterRef("pk")).order_by("-number").values("number")[:1]
    return selectors.plans().annotate(latest_version=Subquery(latest)).order_by("-window_start", "-pk")


class PlanMixin:
    """Views under ``plans/<plan_pk>/``: ministry staff, the plan or 404."""

    rule = staticmethod(rules.can_view_scheduling)

    def plan(self) -> Plan:
        if not hasattr(self, "_plan"):
            self._plan = get_object_or_404(Plan, pk=self.kwargs["plan_pk"])
        return self._plan


class PlanListView(generics.ListAPIView):
    """The plans. ``POST`` opens one for a cohort (its year) over a date window, with the four
    workshops of each of its regions; settings and solver weights are optional."""

    rule = staticmethod(rules.can_view_scheduling)
    serializer_class = PlanSerializer
    queryset = Plan.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return plan_queryset()

    @extend_schema(request=PlanInputSerializer, responses={201: PlanSerializer})
    def post(self, request):
        incoming = PlanInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        plan = services.open_plan(user=request.user, **incoming.validated_data)
        return Response(PlanSerializer(plan_queryset().get(pk=plan.pk)).data, status=status.HTTP_201_CREATED)


class PlanDetailView(PlanMixin, APIView):
    @extend_schema(responses=PlanSerializer)
    def get(self, request, plan_pk):
        return Response(PlanSerializer(get_object_or_404(plan_queryset(), pk=plan_pk)).data)

    @extend_schema(request=PlanUpdateSerializer, responses=PlanSerializer)
    def patch(self, request, plan_pk):
        plan = self.plan()
        incoming = PlanUpdateSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        services.update_plan(user=request.user, plan=plan, **incoming.validated_data)
        return Response(PlanSerializer(plan_queryset().get(pk=plan.pk)).data)


class WorkshopListView(PlanMixin, generics.ListAPIView):
    """The plan's workshops (cancelled ones too); filters ``stage``, ``status``, ``region``
    (code ``35.74``) and ``province`` (code ``35``)."""

    serializer_class = WorkshopSerializer
    filterset_class = WorkshopFilter
    queryset = Workshop.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.plan_workshops(self.plan())


def live_warnings(workshop: Workshop) -> list:
    """The checker's violations of the plan as it stands that involve ``workshop``."""
    return services.workshop_warnings(workshop)


class WorkshopDetailView(PlanMixin, APIView):
    """One workshop with its live ``warnings``. ``PATCH`` is a hand edit (only the fields sent
    change); conflicts are allowed and come back as warnings, as on the page."""

    def workshop(self) -> Workshop:
        workshop = get_object_or_404(selectors.plan_workshops(self.plan()), pk=self.kwargs["pk"])
        workshop.live_warnings = live_warnings(workshop)
        return workshop

    @extend_schema(responses=WorkshopWithWarningsSerializer)
    def get(self, request, plan_pk, pk):
        return Response(WorkshopWithWarningsSerializer(self.workshop()).data)

    @extend_schema(request=WorkshopInputSerializer, responses=WorkshopWithWarningsSerializer)
    def patch(self, request, plan_pk, pk):
        workshop = get_object_or_404(Workshop, plan=self.plan(), pk=pk)
        incoming = WorkshopInputSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        services.edit_workshop(user=request.user, workshop=workshop, **incoming.validated_data)
        return Response(WorkshopWithWarningsSerializer(self.workshop()).data)


class PlanWarningsView(PlanMixin, APIView):
    """Every hard constraint the plan's workshops break as they stand (the checker's sentences)."""

    @extend_schema(responses=WarningSerializer(many=True))
    def get(self, request, plan_pk):
        return Response(WarningSerializer(services.warnings(self.plan()), many=True).data)


class StartSolveView(PlanMixin, APIView):
    """Queue the solver for the plan (202 with the new job), or get the running one (200)."""

    replan = False

    @extend_schema(request=None, responses={202: JobSerializer, 200: JobSerializer})
    def post(self, request, plan_pk):
        plan = self.plan()
        running = selectors.active_job(plan)
        job = services.start_solve(user=request.user, plan=plan, replan=self.replan)
        answer = status.HTTP_200_OK if running is not None and running.pk == job.pk else status.HTTP_202_ACCEPTED
        return Response(JobSerializer(job).data, status=answer)


class ProposeView(StartSolveView):
    replan = False


class ReplanView(StartSolveView):
    """Re-plan: locked and confirmed workshops stay, the rest stays close to the last version."""

    replan = True


class JobView(generics.RetrieveAPIView):
    """A solver job: status, percent and message while it runs; the version it wrote when done."""

    rule = staticmethod(rules.can_view_scheduling)
    serializer_class = JobSerializer
    queryset = SolveJob.objects.select_related("version")


class VersionListView(PlanMixin, generics.ListAPIView):
    serializer_class = VersionSerializer
    queryset = PlanVersion.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.versions(self.plan()).order_by("-number")


def version_of(plan: Plan, number) -> PlanVersion:
    return get_object_or_404(
        PlanVersion.objects.select_related("plan", "created_by", "confirmed_by"), plan=plan, number=number
    )


class VersionDetailView(PlanMixin, APIView):
    """A version with the solver's reasons per workshop, its conflicts (why no plan fits, in
    words), its stats (workload, travel, what got worse) and its snapshot of the workshops."""

    @extend_schema(responses=VersionDetailSerializer)
    def get(self, request, plan_pk, number):
        return Response(VersionDetailSerializer(version_of(self.plan(), number)).data)


class VersionConfirmView(PlanMixin, APIView):
    """Confirm the plan as the latest version shows it (refused for an older one: 400)."""

    @extend_schema(request=None, responses=ConfirmationSerializer)
    def post(self, request, plan_pk, number):
        version = version_of(self.plan(), number)
        counts = services.confirm_version(user=request.user, version=version)
        return Response(ConfirmationSerializer({"version": version_of(self.plan(), number), **counts}).data)


class CompareView(PlanMixin, APIView):
    """What changed from version ``a`` to version ``b``, workshop by workshop, in words too."""

    @extend_schema(
        parameters=[
            OpenApiParameter("a", OpenApiTypes.INT, required=True, description="the older version's number"),
            OpenApiParameter("b", OpenApiTypes.INT, required=True, description="the newer version's number"),
        ],
        responses=ComparisonSerializer,
    )
    def get(self, request, plan_pk):
        query = CompareQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        numbers = query.validated_data
        found = {
            v.number: v for v in PlanVersion.objects.filter(plan=self.plan(), number__in=[numbers["a"], numbers["b"]])
        }
        missing = {key: _("Versi %(n)s tidak ada pada rencana ini.") % {"n": n} for key, n in numbers.items()}
        missing = {key: message for key, message in missing.items() if numbers[key] not in found}
        if missing:
            raise ValidationError(missing)
        changes = services.diff(found[numbers["a"]].snapshot, found[numbers["b"]].snapshot)
        people = set().union(*(c.people() for c in changes)) if changes else set()
        names = {f.pk: f.name for f in Facilitator.objects.select_related("user").filter(pk__in=people)}
        rows = [
            {
                "workshop_id": c.workshop_id,
                "region": c.region,
                "region_name": c.region_name,
                "stage": c.stage,
                "fields": list(c.fields),
                "before": c.before,
                "after": c.after,
                "description": c.describe(names),
            }
            for c in changes
        ]
        return Response(ComparisonSerializer({"a": numbers["a"], "b": numbers["b"], "changes": rows}).data)
