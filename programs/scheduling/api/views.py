"""National API of the facilitator registry (apex host, ``/api/v1/scheduling/``): facilitators,
their unavailability, the travel table and national holidays.

Same permissions as the pages: ministry staff read, ministry admins write (the core's
``HostAccessPermission`` with the pages' ``rule``); a facilitator reads and edits only their
own unavailability (``OwnScheduleAccess``); anyone else signed in gets 404. Input is checked
for type and reference by the serializers, the rules by ``programs.scheduling.services``.
"""

from django.db.models import Q
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from programs.scheduling import rules, selectors, services
from programs.scheduling.api import access
from programs.scheduling.api.filters import FacilitatorFilter, HolidayFilter, TravelFilter
from programs.scheduling.api.serializers import (
    FacilitatorCreateSerializer,
    FacilitatorInputSerializer,
    FacilitatorSerializer,
    HolidayInputSerializer,
    HolidaySerializer,
    TravelInputSerializer,
    TravelTimeSerializer,
    UnavailabilityInputSerializer,
    UnavailabilitySerializer,
)
from programs.scheduling.models import Facilitator, NationalHoliday, TravelTime, Unavailability


def facilitator_queryset():
    return selectors.facilitators().order_by("user__full_name", "user__email", "pk")


class FacilitatorListView(generics.ListAPIView):
    """The registry. ``POST`` adds a facilitator by e-mail: an existing account is reused, else
    one is made with ``full_name`` (the person then sets a password through "forgot password")."""

    rule = staticmethod(rules.can_view_scheduling)
    serializer_class = FacilitatorSerializer
    filterset_class = FacilitatorFilter
    queryset = Facilitator.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return facilitator_queryset()

    @extend_schema(request=FacilitatorCreateSerializer, responses={201: FacilitatorSerializer})
    def post(self, request):
        incoming = FacilitatorCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        facilitator, _created = services.register_facilitator(
            user=request.user, email=data.pop("email"), full_name=data.pop("full_name"), **data
        )
        return Response(
            FacilitatorSerializer(facilitator_queryset().get(pk=facilitator.pk)).data, status=status.HTTP_201_CREATED
        )


class FacilitatorDetailView(generics.RetrieveAPIView):
    """One entry; ``PUT``/``PATCH`` change it, ``DELETE`` is refused (400, the workshops listed)
    while they are on a workshop."""

    rule = staticmethod(rules.can_view_scheduling)
    serializer_class = FacilitatorSerializer
    queryset = Facilitator.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return facilitator_queryset()

    def _update(self, request, partial: bool):
        facilitator = self.get_object()
        incoming = FacilitatorInputSerializer(data=request.data, partial=partial)
        incoming.is_valid(raise_exception=True)
        services.save_facilitator(user=request.user, facilitator=facilitator, **incoming.validated_data)
        return Response(FacilitatorSerializer(facilitator_queryset().get(pk=facilitator.pk)).data)

    @extend_schema(request=FacilitatorInputSerializer, responses=FacilitatorSerializer)
    def put(self, request, pk):
        return self._update(request, partial=False)

    @extend_schema(request=FacilitatorInputSerializer, responses=FacilitatorSerializer)
    def patch(self, request, pk):
        return self._update(request, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request, pk):
        services.delete_facilitator(user=request.user, facilitator=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


class MyFacilitatorView(APIView):
    """The caller's own registry entry (404 for someone who is no facilitator)."""

    rule = staticmethod(rules.is_facilitator)
    permission_classes = [access.OwnScheduleAccess]

    @extend_schema(responses=FacilitatorSerializer)
    def get(self, request):
        own = access.access_own_facilitator(request.user)
        return Response(FacilitatorSerializer(facilitator_queryset().get(pk=own.pk)).data)


class UnavailabilityListView(generics.ListAPIView):
    """A facilitator's unavailable date ranges: ministry admins for anyone, a facilitator their
    own (another's is 404), analysts read. Overlapping or inverted ranges are a 400."""

    rule = staticmethod(rules.can_view_own_schedule)
    permission_classes = [access.OwnScheduleAccess]
    serializer_class = UnavailabilitySerializer
    pagination_class = None
    queryset = Unavailability.objects.none()  # for the schema; requests use get_queryset

    def facilitator(self) -> Facilitator:
        return access.access_facilitator_availability(self.request.user, self.kwargs["pk"])

    def get_queryset(self):
        return Unavailability.objects.filter(facilitator=self.facilitator()).order_by("starts", "pk")

    @extend_schema(request=UnavailabilityInputSerializer, responses={201: UnavailabilitySerializer})
    def post(self, request, **kwargs):
        facilitator = self.facilitator()
        incoming = UnavailabilityInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        entry = services.add_unavailability(user=request.user, facilitator=facilitator, **incoming.validated_data)
        return Response(UnavailabilitySerializer(entry).data, status=status.HTTP_201_CREATED)


class MyUnavailabilityListView(UnavailabilityListView):
    """The caller's own unavailability (404 for someone who is no facilitator)."""

    rule = staticmethod(rules.is_facilitator)

    def facilitator(self) -> Facilitator:
        return access.access_own_facilitator(self.request.user)


class UnavailabilityDetailView(APIView):
    rule = staticmethod(rules.can_view_own_schedule)
    permission_classes = [access.OwnScheduleAccess]

    @extend_schema(responses=UnavailabilitySerializer)
    def get(self, request, pk):
        return Response(UnavailabilitySerializer(access.access_unavailability(request.user, pk)).data)

    @extend_schema(responses={204: None})
    def delete(self, request, pk):
        services.delete_unavailability(user=request.user, entry=access.access_unavailability(request.user, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class TravelView(generics.ListAPIView):
    """Travel days between provinces (38 × 38 cells, one page; filter by ``origin`` or
    ``destination``). ``PATCH`` corrects one cell and its mirror (ministry admins)."""

    rule = staticmethod(rules.can_view_scheduling)
    serializer_class = TravelTimeSerializer
    filterset_class = TravelFilter
    pagination_class = None
    queryset = TravelTime.objects.order_by("origin_id", "destination_id")

    @extend_schema(request=TravelInputSerializer, responses=TravelTimeSerializer(many=True))
    def patch(self, request):
        incoming = TravelInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        origin, destination = incoming.validated_data["origin"], incoming.validated_data["destination"]
        services.set_travel_days(user=request.user, **incoming.validated_data)
        cells = TravelTime.objects.filter(
            Q(origin=origin, destination=destination) | Q(origin=destination, destination=origin)
        )
        return Response(TravelTimeSerializer(cells.order_by("origin_id", "destination_id"), many=True).data)


class HolidayListView(generics.ListAPIView):
    """National holidays and collective leave (filter ``year``); ministry admins add them."""

    rule = staticmethod(rules.can_view_scheduling)
    serializer_class = HolidaySerializer
    filterset_class = HolidayFilter
    queryset = NationalHoliday.objects.order_by("date")

    @extend_schema(request=HolidayInputSerializer, responses={201: HolidaySerializer})
    def post(self, request):
        incoming = HolidayInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        holiday = services.add_holiday(
            user=request.user, day=incoming.validated_data["date"], name=incoming.validated_data["name"]
        )
        return Response(HolidaySerializer(holiday).data, status=status.HTTP_201_CREATED)


class HolidayDetailView(generics.RetrieveAPIView):
    rule = staticmethod(rules.can_view_scheduling)
    serializer_class = HolidaySerializer
    queryset = NationalHoliday.objects.all()

    @extend_schema(responses={204: None})
    def delete(self, request, pk):
        services.delete_holiday(user=request.user, holiday=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
