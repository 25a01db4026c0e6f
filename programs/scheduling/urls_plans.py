"""Apex URLs of the plans, their solver jobs and versions."""

from django.urls import path

from programs.scheduling.views import plans, versions

urlpatterns = [
    path("jadwal/", plans.PlanListView.as_view(), name="schedule-plans"),
    path("jadwal/baru/", plans.PlanCreateView.as_view(), name="schedule-plan-create"),
    path("jadwal/jobs/<int:pk>/", plans.SolveJobView.as_view(), name="schedule-job"),
    path("jadwal/<int:plan_pk>/", plans.PlanDetailView.as_view(), name="schedule-plan"),
    path("jadwal/<int:plan_pk>/ubah/", plans.PlanEditView.as_view(), name="schedule-plan-edit"),
    path("jadwal/<int:plan_pk>/susun/", plans.PlanSolveView.as_view(), name="schedule-plan-solve"),
    path("jadwal/<int:plan_pk>/versi/<int:number>/", versions.VersionView.as_view(), name="schedule-version"),
    path(
        "jadwal/<int:plan_pk>/versi/<int:number>/konfirmasi/",
        versions.VersionConfirmView.as_view(),
        name="schedule-version-confirm",
    ),
    path("jadwal/<int:plan_pk>/banding/", versions.CompareView.as_view(), name="schedule-compare"),
]
