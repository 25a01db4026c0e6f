"""National API of the showcase (apex host, ``/api/v1/showcase/``): showcases, their agenda
versions and slots; creating and editing a showcase, rebuilding the agenda, moving a slot and
publishing a version.

Ministry staff read, ministry admins write (the core's ``HostAccessPermission`` with the pages'
rule); anyone else signed in gets 404. Bad input answers 400 with the field's messages.
"""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from showcase import rules, selectors, services
from showcase.access import access_showcase
from showcase.api.serializers import (
    AgendaVersionDetailSerializer,
    AgendaVersionSerializer,
    MoveInputSerializer,
    PublishInputSerializer,
    ShowcaseInputSerializer,
    ShowcaseSerializer,
    ShowcaseUpdateSerializer,
    SlotSerializer,
)
from showcase.models import AgendaVersion, PresentingRegion, Showcase, Slot, Stage

BAD_INPUT = OpenApiResponse(description="Field errors: {field: [message, …]}")


def showcase_queryset():
    return Showcase.objects.select_related("cohort").prefetch_related(
        Prefetch("stages", queryset=Stage.objects.order_by("position", "pk")),
        Prefetch("presenters", queryset=PresentingRegion.objects.order_by("position", "region_id")),
        Prefetch("versions", queryset=AgendaVersion.objects.only("pk", "showcase_id", "number", "published_at")),
    )


def version_queryset(showcase: Showcase):
    return showcase.versions.annotate(slot_count=Count("slots")).order_by("-number")


class ShowcaseMixin:
    """Views under ``showcases/<slug>/``: ministry staff, the showcase or 404."""

    rule = staticmethod(rules.can_view_showcase)

    def showcase(self) -> Showcase:
        if not hasattr(self, "_showcase"):
            self._showcase = access_showcase(self.kwargs["slug"])
        return self._showcase

    def detail(self, showcase: Showcase) -> dict:
        return ShowcaseSerializer(showcase_queryset().get(pk=showcase.pk)).data


class ShowcaseListView(ShowcaseMixin, generics.ListAPIView):
    """The showcases. ``POST`` creates one for a cohort (its year): every region of the cohort
    presents; ``stage_names`` default to one main stage."""

    serializer_class = ShowcaseSerializer
    queryset = Showcase.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return showcase_queryset().order_by("-starts_on", "pk")

    @extend_schema(request=ShowcaseInputSerializer, responses={201: ShowcaseSerializer, 400: BAD_INPUT})
    def post(self, request):
        incoming = ShowcaseInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        showcase = services.create_showcase(
            actor=request.user, cohort=data.pop("cohort"), stage_names=data.pop("stage_names", ()), **data
        )
        return Response(self.detail(showcase), status=status.HTTP_201_CREATED)


class ShowcaseDetailView(ShowcaseMixin, APIView):
    @extend_schema(responses=ShowcaseSerializer)
    def get(self, request, slug):
        return Response(self.detail(self.showcase()))

    @extend_schema(request=ShowcaseUpdateSerializer, responses={200: ShowcaseSerializer, 400: BAD_INPUT})
    def patch(self, request, slug):
        showcase = self.showcase()
        incoming = ShowcaseUpdateSerializer(showcase, data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        showcase = services.update_showcase(actor=request.user, showcase=showcase, **incoming.validated_data)
        return Response(self.detail(showcase))


class VersionListView(ShowcaseMixin, generics.ListAPIView):
    """The agenda's versions, newest first (the first is the draft)."""

    serializer_class = AgendaVersionSerializer
    queryset = AgendaVersion.objects.none()

    def get_queryset(self):
        return version_queryset(self.showcase())


class VersionDetailView(ShowcaseMixin, APIView):
    @extend_schema(responses=AgendaVersionDetailSerializer)
    def get(self, request, slug, number):
        version = get_object_or_404(version_queryset(self.showcase()), number=number)
        version.slot_list = selectors.slots_of(version)
        return Response(AgendaVersionDetailSerializer(version).data)


class PublishView(ShowcaseMixin, APIView):
    """Publish version ``number`` (it must be the latest): the public page shows it from now on."""

    @extend_schema(request=PublishInputSerializer, responses={200: AgendaVersionSerializer, 400: BAD_INPUT})
    def post(self, request, slug, number):
        PublishInputSerializer(data=request.data).is_valid(raise_exception=True)
        showcase = self.showcase()
        version = services.publish_version(actor=request.user, showcase=showcase, number=number)
        return Response(AgendaVersionSerializer(version_queryset(showcase).get(pk=version.pk)).data)


class RebuildView(ShowcaseMixin, APIView):
    """Lay the agenda out again from the settings ("Susun ulang") into the draft."""

    @extend_schema(request=None, responses={200: AgendaVersionDetailSerializer, 400: BAD_INPUT})
    def post(self, request, slug):
        showcase = self.showcase()
        version = services.rebuild_agenda(actor=request.user, showcase=showcase)
        version = version_queryset(showcase).get(pk=version.pk)
        version.slot_list = selectors.slots_of(version)
        return Response(AgendaVersionDetailSerializer(version).data)


class SlotListView(ShowcaseMixin, generics.ListAPIView):
    """The slots of the latest version (the draft), by stage and order."""

    serializer_class = SlotSerializer
    queryset = Slot.objects.none()

    def get_queryset(self):
        version = selectors.draft_version(self.showcase())
        return (
            Slot.objects.filter(version=version)
            .select_related("stage", "region")
            .order_by("stage__position", "stage_id", "position")
        )


class SlotDetailView(ShowcaseMixin, APIView):
    @extend_schema(responses=SlotSerializer)
    def get(self, request, slug, slot_pk):
        slot = get_object_or_404(
            Slot.objects.select_related("stage", "region"), pk=slot_pk, version__showcase=self.showcase()
        )
        return Response(SlotSerializer(slot).data)


class SlotMoveView(ShowcaseMixin, APIView):
    """Move a slot of the latest version; times of the stage(s) follow. A slot of a published
    version is moved in the next version's copy (its new id comes back)."""

    @extend_schema(request=MoveInputSerializer, responses={200: SlotSerializer, 400: BAD_INPUT})
    def post(self, request, slug, slot_pk):
        showcase = self.showcase()
        get_object_or_404(Slot, pk=slot_pk, version__showcase=showcase)
        incoming = MoveInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        stage = None
        if data.get("stage") is not None:
            stage = showcase.stages.filter(pk=data["stage"]).first()
            if stage is None:
                raise ValidationError({"stage": [_("Panggung ini bukan milik showcase ini.")]})
        position = data.get("position")
        slot = services.move_slot(
            actor=request.user,
            showcase=showcase,
            slot_id=slot_pk,
            direction=data.get("direction", ""),
            stage=stage,
            position=position - 1 if position else None,
        )
        return Response(SlotSerializer(Slot.objects.select_related("stage", "region").get(pk=slot.pk)).data)
