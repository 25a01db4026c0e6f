"""Workspace API URLs of the facilitator schedule (region hosts, ``/api/v1/schedule/``,
included by ``api.urls_workspace``)."""

from django.urls import path

from programs.scheduling.api import workspace

urlpatterns = [
    path("schedule/workshops/", workspace.RegionWorkshopListView.as_view(), name="api-region-schedule-workshops"),
    path("schedule/wishes/", workspace.WishListView.as_view(), name="api-region-schedule-wish-list"),
    path(
        "schedule/wishes/<int:wish_pk>/",
        workspace.WishDetailView.as_view(),
        name="api-region-schedule-wish-detail",
    ),
]
