"""Workspace API of the national plan (region hosts, ``/api/v1/schedule/``): the region's
workshops (read) and its wishes, preferred weeks and blackout dates (region admins write).

Always scoped to ``request.tenant.region``: no region is ever taken from the URL or the body.
The core's ``HostAccessPermission`` gates every view (outsiders 404) with the same
capabilities as the region's schedule page.
"""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from programs.scheduling import selectors, services
from programs.scheduling.api.serializers import RegionWorkshopSerializer, WishInputSerializer, WishSerializer
from programs.scheduling.models import RegionWish, Workshop
from tenants.access import Actor


def wishes_of(request):
    return RegionWish.objects.filter(region_id=request.tenant.region_id).order_by("starts", "pk")


class RegionWorkshopListView(generics.ListAPIView):
    """The region's workshops of every plan (newest plan first, cancelled ones left out)."""

    capability = "can_view_workshops"
    serializer_class = RegionWorkshopSerializer
    queryset = Workshop.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.workshops_of_region(self.request.tenant.region_id)


class WishListView(generics.ListAPIView):
    """The region's preferred weeks and blackout dates; a region admin adds them (overlapping
    or inverted ranges: 400)."""

    capability = "can_view_workshops"
    write_capability = "can_edit_schedule_wishes"
    serializer_class = WishSerializer
    queryset = RegionWish.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return wishes_of(self.request)

    @extend_schema(request=WishInputSerializer, responses={201: WishSerializer})
    def post(self, request):
        incoming = WishInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        wish = services.add_wish(
            actor=Actor(user=request.user, access=request.access),
            region=request.tenant.region,
            **incoming.validated_data,
        )
        return Response(WishSerializer(wish).data, status=status.HTTP_201_CREATED)


class WishDetailView(APIView):
    capability = "can_view_workshops"
    write_capability = "can_edit_schedule_wishes"

    @extend_schema(responses={204: None})
    def delete(self, request, wish_pk):
        wish = wishes_of(request).filter(pk=wish_pk).first()
        if wish is None:  # missing, or another region's: the same answer
            raise Http404("no such wish")
        services.delete_wish(actor=Actor(user=request.user, access=request.access), wish=wish)
        return Response(status=status.HTTP_204_NO_CONTENT)
