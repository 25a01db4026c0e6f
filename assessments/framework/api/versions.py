"""National API of framework versions (apex ``/api/v1/framework-versions/``).

Ministry staff (admins and analysts) read; ministry admins create (from a version's JSON),
copy and edit, through the services the screens use and under their rules. Anyone else
signed in gets 404 (the core's ``HostAccessPermission`` with the pages' rule), an analyst
writing 403. A version's JSON is its YAML file as JSON (``services.export_version``) plus
read-only facts (``id``, ``based_on``, ``is_frozen``, ``frozen_at``, ``created_at``); a body is
read by the YAML import's reader (``services.read_version_data``). A version a cycle uses is
frozen: its edit is refused with 409 and the screen's message.
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db.models import Count
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from api.parsers import JSONParser
from assessments.framework import rules, selectors, services
from assessments.framework.api.serializers import (
    ConflictSerializer,
    CopySerializer,
    FrameworkVersionSerializer,
    VersionSummarySerializer,
    version_json,
)
from assessments.framework.models import FrameworkVersion


class Frozen(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "frozen"


@contextmanager
def frozen_as_conflict():
    """The services' refusal of a frozen version, as 409 (other refusals stay 400)."""
    try:
        yield
    except ValidationError as exc:
        if getattr(exc, "code", None) == "frozen":
            raise Frozen(exc.messages[0]) from None
        raise


# 401/403/404 are declared for every operation of the API at once (``api.schema``).
WRITE_ERRORS = {400: OpenApiResponse(OpenApiTypes.OBJECT, description="field → messages, nested like the body")}
EDIT_ERRORS = {**WRITE_ERRORS, 409: OpenApiResponse(ConflictSerializer, description="frozen: a cycle uses it")}


class VersionFilter(filters.FilterSet):
    frozen = filters.BooleanFilter(field_name="frozen_at", lookup_expr="isnull", exclude=True)

    class Meta:
        model = FrameworkVersion
        fields = ["year", "frozen"]


class VersionListView(generics.ListAPIView):
    """Framework versions, newest guideline first, without their indicators. ``POST`` creates
    one from its JSON (the structure of its YAML file; ministry admins)."""

    rule = staticmethod(rules.can_view_national_assessments)
    serializer_class = VersionSummarySerializer
    filterset_class = VersionFilter
    parser_classes = [JSONParser]
    queryset = FrameworkVersion.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.versions().annotate(indicator_count=Count("indicators"))

    @extend_schema(request=FrameworkVersionSerializer, responses={201: FrameworkVersionSerializer, **WRITE_ERRORS})
    def post(self, request):
        FrameworkVersionSerializer(data=request.data).is_valid(raise_exception=True)
        version = services.create_version_from_data(actor=request.user, data=request.data)
        return Response(version_json(version), status=status.HTTP_201_CREATED)


class VersionDetailView(generics.GenericAPIView):
    """One version as JSON: its YAML file's keys and read-only facts. ``PUT`` makes it what the
    body says (indicators matched by code: changed, added, removed when left out); ``PATCH``
    changes only the keys given. Code and components (but their weights) stay: a new set is a
    copy. Refused with 409 once a cycle uses it (ministry admins)."""

    rule = staticmethod(rules.can_view_national_assessments)
    serializer_class = FrameworkVersionSerializer
    parser_classes = [JSONParser]
    queryset = FrameworkVersion.objects.all()

    @extend_schema(responses=FrameworkVersionSerializer)
    def get(self, request, pk):
        return Response(version_json(self.get_object()))

    def _edit(self, request, partial: bool) -> Response:
        version = self.get_object()
        with frozen_as_conflict():
            services.ensure_editable(version)
            FrameworkVersionSerializer(data=request.data, partial=partial).is_valid(raise_exception=True)
            version = services.replace_version_content(
                actor=request.user, version=version, data=request.data, partial=partial
            )
        return Response(version_json(version))

    @extend_schema(request=FrameworkVersionSerializer, responses={200: FrameworkVersionSerializer, **EDIT_ERRORS})
    def put(self, request, pk):
        return self._edit(request, partial=False)

    @extend_schema(request=FrameworkVersionSerializer, responses={200: FrameworkVersionSerializer, **EDIT_ERRORS})
    def patch(self, request, pk):
        return self._edit(request, partial=True)


class VersionCopyView(generics.GenericAPIView):
    """A copy of the version as a new, unfrozen one (``based_on`` names it), also of a frozen
    version: the way to change a guideline a cycle uses (ministry admins)."""

    rule = staticmethod(rules.can_view_national_assessments)
    serializer_class = CopySerializer
    parser_classes = [JSONParser]
    queryset = FrameworkVersion.objects.all()

    @extend_schema(request=CopySerializer, responses={201: FrameworkVersionSerializer, **WRITE_ERRORS})
    def post(self, request, pk):
        version = self.get_object()
        incoming = CopySerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        new = services.copy_as_new_version(actor=request.user, version=version, **incoming.validated_data)
        return Response(version_json(new), status=status.HTTP_201_CREATED)
