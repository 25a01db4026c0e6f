"""Workspace API (region hosts) of the core: the workspace and its members.

Every view passes ``HostAccessPermission`` (the default): outsiders get 404.
"""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from api.serializers import MemberInviteSerializer, MemberSerializer, WorkspaceSerializer
from tenants import selectors, services
from tenants.models import Membership


class WorkspaceDetailView(APIView):
    @extend_schema(responses=WorkspaceSerializer)
    def get(self, request):
        return Response(WorkspaceSerializer(request.tenant).data)


class MemberListView(generics.ListCreateAPIView):
    serializer_class = MemberSerializer
    write_capability = "can_manage_members"
    queryset = Membership.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.members_of(workspace=self.request.tenant)

    @extend_schema(request=MemberInviteSerializer, responses={201: MemberSerializer})
    def post(self, request):
        data = MemberInviteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with transaction.atomic():
            membership, created = services.add_member(
                workspace=request.tenant, invited_by=request.user, **data.validated_data
            )
        from tenants.views_workspace import _send_invitation

        _send_invitation(request, membership, created)
        return Response(MemberSerializer(membership).data, status=status.HTTP_201_CREATED)


class MemberDetailView(generics.RetrieveDestroyAPIView):
    serializer_class = MemberSerializer
    write_capability = "can_manage_members"
    queryset = Membership.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.members_of(workspace=self.request.tenant)

    def perform_destroy(self, instance):
        services.remove_member(membership=instance)
