"""National API of the decks (apex ``/api/v1/showcase/showcases/<slug>/decks/``): the deck jobs
of a showcase, asking for one region's deck or all decks, a job's status with its download
links, and the downloads themselves.

Ministry staff read and download, ministry admins ask for builds (the core's
``HostAccessPermission`` with the pages' rule); anyone else signed in gets 404. Bad input
(an unknown or non-presenting region) answers 400 with the field's message.
"""

from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from showcase.access import access_showcase
from showcase.decks import access, rules, services
from showcase.decks.models import DeckBuild

BAD_INPUT = OpenApiResponse(description="Field errors: {field: [message, …]}")


class DeckBuildSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region_id", read_only=True, allow_null=True)
    region_name = serializers.SerializerMethodField()
    percent = serializers.IntegerField(read_only=True)
    step = serializers.CharField(source="step_text", read_only=True)
    files = serializers.SerializerMethodField()

    class Meta:
        model = DeckBuild
        fields = [
            "id",
            "region",
            "region_name",
            "status",
            "done",
            "total",
            "percent",
            "step",
            "error",
            "data_taken_at",
            "submission_revision",
            "template_revision",
            "requested_at",
            "started_at",
            "finished_at",
            "files",
        ]

    def get_region_name(self, build) -> str | None:
        return build.region.name if build.region_id else None

    def get_files(self, build) -> dict[str, str]:
        """Download addresses of the finished job's files, by kind (``pptx``, ``pdf``, ``zip``)."""
        if build.status != DeckBuild.Status.DONE:
            return {}
        request = self.context.get("request")
        links = {}
        for kind, field in access.FILE_FIELDS.items():
            if getattr(build, field):
                url = reverse(
                    "api-showcase-deck-file",
                    kwargs={"slug": build.showcase.slug, "deck_build": build.pk, "deck_file": kind},
                )
                links[kind] = request.build_absolute_uri(url) if request else url
        return links


class DeckRequestSerializer(serializers.Serializer):
    region = serializers.RegexField(
        r"^\d{2}\.\d{2}$",
        required=False,
        allow_null=True,
        help_text="Kemendagri code of a presenting region (PP.RR); empty or null: all decks (ZIP and combined PDF).",
    )


class DeckMixin:
    rule = staticmethod(rules.can_read_decks)

    def showcase(self):
        if not hasattr(self, "_showcase"):
            self._showcase = access_showcase(self.kwargs["slug"])
        return self._showcase


class DeckBuildListView(DeckMixin, generics.ListAPIView):
    """The showcase's deck jobs, newest first. ``POST`` asks for one region's deck or all decks
    (202; an active job of the same scope is returned instead of a second one)."""

    serializer_class = DeckBuildSerializer
    queryset = DeckBuild.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return DeckBuild.objects.filter(showcase=self.showcase()).select_related("showcase", "region")

    @extend_schema(request=DeckRequestSerializer, responses={202: DeckBuildSerializer, 400: BAD_INPUT})
    def post(self, request, slug):
        incoming = DeckRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        build = services.request_deck(
            actor=request.user, showcase=self.showcase(), region_code=incoming.validated_data.get("region") or None
        )
        build = DeckBuild.objects.select_related("showcase", "region").get(pk=build.pk)
        return Response(DeckBuildSerializer(build, context={"request": request}).data, status=status.HTTP_202_ACCEPTED)


class DeckBuildDetailView(DeckMixin, APIView):
    @extend_schema(responses=DeckBuildSerializer)
    def get(self, request, slug, deck_build):
        build = access.access_build(self.showcase(), deck_build)
        return Response(DeckBuildSerializer(build, context={"request": request}).data)


class DeckFileView(DeckMixin, APIView):
    """A finished job's file: ``pptx`` or ``pdf`` of a region, ``zip`` or ``pdf`` (combined) of all."""

    @extend_schema(
        operation_id="showcase_showcases_decks_file_retrieve",
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    def get(self, request, slug, deck_build, deck_file):
        build, file = access.access_build_file(self.showcase(), deck_build, deck_file)
        return FileResponse(
            file.open("rb"),
            as_attachment=True,
            filename=access.download_name(build, deck_file),
            content_type=access.CONTENT_TYPES[deck_file],
        )
