"""National API of the regions' submissions to a showcase (apex
``/api/v1/showcase/showcases/<slug>/submissions/``): the ministry's view.

- the list: every presenting region with its submission's state (or none), filtered by
  ``status`` (``submitted``, ``missing``, ``gaps``), paginated;
- the detail of one region's submission, with its profile data (JSON);
- ``remind/``: a ministry admin sends the reminder e-mails to the regions that have not
  submitted (the page's button, the same service).

Ministry staff read, ministry admins send reminders (the core's ``HostAccessPermission`` with
the pages' rule); anyone else signed in gets 404. A bad filter answers 400, an unknown
showcase, region or page number 404.
"""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from showcase import rules
from showcase.access import access_showcase
from showcase.profiles import overview, reminders
from showcase.profiles.models import Submission

BAD_INPUT = OpenApiResponse(description="Field errors: {field: [message, …]}")


class StatusFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=overview.STATUSES, required=False, allow_blank=True)


class SubmissionRowSerializer(serializers.Serializer):
    region = serializers.CharField(source="code")
    region_name = serializers.CharField(source="region.name")
    province = serializers.CharField(source="region.province.name")
    is_submitted = serializers.BooleanField()
    submitted_at = serializers.DateTimeField(source="submission.submitted_at", allow_null=True, default=None)
    revision = serializers.IntegerField(source="submission.revision", allow_null=True, default=None)
    data_taken_at = serializers.DateTimeField(source="submission.data_taken_at", allow_null=True, default=None)
    missing = serializers.ListField(child=serializers.CharField(), help_text="Codes of what the profile lacks.")
    missing_labels = serializers.ListField(child=serializers.CharField())
    profile_url = serializers.SerializerMethodField()
    workspace_url = serializers.SerializerMethodField()

    def get_profile_url(self, row) -> str | None:
        """The profile preview on the apex (ministry staff see it before publication)."""
        path = overview.profile_path(self.context["showcase"], row)
        return self.context["request"].build_absolute_uri(path) if path else None

    def get_workspace_url(self, row) -> str | None:
        """The showcase page of the region's workspace."""
        return overview.entry_url(self.context["showcase"], row) or None


class SubmissionDetailSerializer(serializers.ModelSerializer):
    region_name = serializers.CharField(source="region.name", read_only=True)
    is_submitted = serializers.SerializerMethodField()
    missing_labels = serializers.ListField(child=serializers.CharField(), read_only=True)
    data = serializers.JSONField(read_only=True, help_text="The profile as the decks and the profile page show it.")

    class Meta:
        model = Submission
        fields = [
            "region",
            "region_name",
            "is_submitted",
            "revision",
            "submitted_at",
            "data_taken_at",
            "updated_at",
            "presenter_name",
            "presenter_title",
            "pitch",
            "vision",
            "missing",
            "missing_labels",
            "data",
        ]

    def get_is_submitted(self, submission) -> bool:
        return submission.submitted_at is not None


class RemindResultSerializer(serializers.Serializer):
    regions = serializers.IntegerField(help_text="Regions whose admins are being reminded.")


class SubmissionMixin:
    rule = staticmethod(rules.can_view_showcase)

    def showcase(self):
        if not hasattr(self, "_showcase"):
            self._showcase = access_showcase(self.kwargs["slug"])
        return self._showcase


class SubmissionListView(SubmissionMixin, GenericAPIView):
    """Every presenting region of the showcase, in cohort order, with its submission's state."""

    serializer_class = SubmissionRowSerializer
    queryset = Submission.objects.none()  # the schema's model only: the rows come from ``overview``

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                OpenApiTypes.STR,
                enum=list(overview.STATUSES),
                description="submitted: sent; missing: not sent yet; gaps: sent with something missing.",
            ),
        ],
        responses={200: SubmissionRowSerializer(many=True), 400: BAD_INPUT},
    )
    def get(self, request, slug):
        incoming = StatusFilterSerializer(data=request.query_params)
        incoming.is_valid(raise_exception=True)
        showcase = self.showcase()
        rows = overview.submission_rows(showcase, status=incoming.validated_data.get("status", ""))
        page = self.paginate_queryset(rows)
        context = {"request": request, "showcase": showcase}
        return self.get_paginated_response(SubmissionRowSerializer(page, many=True, context=context).data)


class SubmissionDetailView(SubmissionMixin, GenericAPIView):
    """One region's submission with its profile data; 404 while the region has none."""

    serializer_class = SubmissionDetailSerializer

    def get(self, request, slug, code):
        submission = (
            Submission.objects.select_related("region").filter(showcase=self.showcase(), region_id=code).first()
        )
        if submission is None:
            raise Http404("no submission")
        return Response(SubmissionDetailSerializer(submission).data)


class RemindView(SubmissionMixin, GenericAPIView):
    """Send a reminder e-mail to the region admins of every region that has not submitted
    (after commit, by the worker); 400 after the deadline or when every region submitted."""

    serializer_class = RemindResultSerializer

    @extend_schema(request=None, responses={202: RemindResultSerializer, 400: BAD_INPUT})
    def post(self, request, slug):
        count = reminders.request_reminders(actor=request.user, showcase=self.showcase())
        return Response({"regions": count}, status=status.HTTP_202_ACCEPTED)
