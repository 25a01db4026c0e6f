"""Workspace URLs of the national plan: the region's schedule page and its wishes."""

from django.urls import path

from programs.scheduling.views import workspace as views

urlpatterns = [
    path("jadwal-bimtek/", views.RegionScheduleView.as_view(), name="schedule-region"),
    path(
        "jadwal-bimtek/permintaan/<int:region_wish_pk>/hapus/",
        views.WishDeleteView.as_view(),
        name="schedule-region-wish-delete",
    ),
    path(
        "jadwal-bimtek/bimtek/<int:region_workshop_pk>/",
        views.RegionWorkshopEditView.as_view(),
        name="schedule-region-workshop",
    ),
]
