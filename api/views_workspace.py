"""Workspace API (region hosts) of the core: the workspace and its members.

Every view passes ``HostAccessPermission`` (the default): outsiders get 404.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from api.serializers import MemberInviteSerializer, MemberSerializer, WorkspaceSerializer
from platform.context_processors import site_url
from tenants import selectors, services
from tenants.access import Actor, access_membership_for_edit
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
        membership, _created = services.invite_member(
            actor=Actor(user=request.user, access=request.access),
            workspace=request.tenant,
            workspace_url=site_url(request),
            **data.validated_data,
        )
        return Response(MemberSerializer(membership).data, status=status.HTTP_201_CREATED)


class MemberDetailView(generics.RetrieveDestroyAPIView):
    serializer_class = MemberSerializer
    write_capability = "can_manage_members"
    queryset = Membership.objects.none()  # for the schema; requests use get_queryset

    def get_queryset(self):
        return selectors.members_of(workspace=self.request.tenant)

    def delete(self, request, pk):
        actor = Actor(user=request.user, access=request.access)
        membership = access_membership_for_edit(actor=actor, workspace=request.tenant, pk=pk)
        services.remove_member(actor=actor, membership=membership)
        return Response(status=status.HTTP_204_NO_CONTENT)
