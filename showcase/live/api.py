"""National API of the day (apex ``/api/v1/showcase/showcases/<slug>/live/``): the run state
of every stage of a showcase for ministry staff, and the operator's actions for ministry
admins (the core's ``HostAccessPermission`` with the pages' rule). An action carries the
revision of the state it was decided on: a stale one answers 409 with the current state, an
action the state does not allow (pausing what is not running) 400 with the reason."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from showcase import rules
from showcase.live import selectors, services
from showcase.live.views import access_stage
from showcase.models import Showcase


class SlotStateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField()
    planned = serializers.CharField(help_text="Planned start, HH.MM in the event's zone.")
    expected = serializers.CharField(help_text="Actual (done, current) or expected (later) start.")
    ends = serializers.CharField()
    late_minutes = serializers.IntegerField()
    minutes = serializers.IntegerField()
    state = serializers.ChoiceField(choices=["done", "current", "later"])


class TimerSerializer(serializers.Serializer):
    running = serializers.BooleanField()
    started_at = serializers.IntegerField(allow_null=True, help_text="Epoch ms on the server's clock.")
    elapsed_before = serializers.IntegerField(help_text="Milliseconds run before the last pause.")
    length = serializers.IntegerField(help_text="The current slot's length in ms, cuts and +1 min counted.")


class StageStateSerializer(serializers.Serializer):
    stage_id = serializers.IntegerField()
    revision = serializers.IntegerField()
    status = serializers.ChoiceField(choices=["idle", "running", "paused", "finished"])
    status_label = serializers.CharField()
    stage = serializers.CharField()
    showcase = serializers.CharField()
    current = SlotStateSerializer(allow_null=True)
    next = SlotStateSerializer(allow_null=True)
    later = SlotStateSerializer(many=True)
    done = SlotStateSerializer(many=True)
    delay_minutes = serializers.IntegerField()
    timer = TimerSerializer(allow_null=True)
    message = serializers.CharField(allow_blank=True)
    message_at = serializers.IntegerField(allow_null=True)
    now = serializers.IntegerField(help_text="The server's clock, epoch ms.")


class ActionInputSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=services.ACTIONS)
    revision = serializers.IntegerField(min_value=0, help_text="The revision of the state the action was decided on.")
    text = serializers.CharField(max_length=300, required=False, allow_blank=True)
    count = serializers.IntegerField(min_value=1, max_value=20, required=False, default=1)


class ActionResultSerializer(serializers.Serializer):
    applied = serializers.BooleanField()
    message = serializers.CharField()
    code = serializers.CharField(allow_blank=True)
    state = StageStateSerializer()


def stage_state(stage_id: int) -> dict:
    now = timezone.now()
    state = selectors.screen_state(selectors.snapshot(stage_id), now, private=True)
    return {"stage_id": stage_id, **state, "now": int(now.timestamp() * 1000)}


class LiveStatesView(APIView):
    """The run state of every stage of the showcase."""

    rule = staticmethod(rules.can_view_showcase)

    @extend_schema(responses=StageStateSerializer(many=True))
    def get(self, request, slug):
        showcase = Showcase.objects.filter(slug=slug).first()
        if showcase is None:
            return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
        return Response([stage_state(stage.pk) for stage in showcase.stages.order_by("position", "pk")])


class LiveActionView(APIView):
    """One operator action on a stage: start (or resume), pause, next, plus_minute, message
    (``text``), absorb (the delay into the next break), shorten (the next ``count``
    presentations)."""

    rule = staticmethod(rules.can_view_showcase)

    @extend_schema(
        request=ActionInputSerializer,
        responses={
            200: ActionResultSerializer,
            400: OpenApiResponse(description="Field errors, or an action the state does not allow."),
            409: OpenApiResponse(ActionResultSerializer, description="Stale revision: nothing changed."),
        },
    )
    def post(self, request, slug, live_stage):
        stage = access_stage(slug, live_stage)
        incoming = ActionInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        outcome = services.act(
            actor=request.user,
            stage=stage,
            action=data["action"],
            revision=data["revision"],
            text=data.get("text", ""),
            count=data["count"],
        )
        body = {"applied": outcome.applied, "message": outcome.message, "code": outcome.code}
        body["state"] = stage_state(stage.pk)
        if outcome.applied:
            return Response(body)
        return Response(body, status=status.HTTP_409_CONFLICT if outcome.code == "stale" else 400)
