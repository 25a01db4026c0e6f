"""National API URLs of the facilitator schedule (apex ``/api/v1/scheduling/``, included by
``api.urls_national``)."""

from django.urls import path

from programs.scheduling.api import plans, views

P = "scheduling/plans/<int:plan_pk>/"

urlpatterns = [
    path("scheduling/facilitators/", views.FacilitatorListView.as_view(), name="api-schedule-facilitator-list"),
    path(
        "scheduling/facilitators/<int:pk>/",
        views.FacilitatorDetailView.as_view(),
        name="api-schedule-facilitator-detail",
    ),
    path(
        "scheduling/facilitators/<int:pk>/unavailability/",
        views.UnavailabilityListView.as_view(),
        name="api-schedule-facilitator-unavailability",
    ),
    path(
        "scheduling/unavailability/<int:pk>/",
        views.UnavailabilityDetailView.as_view(),
        name="api-schedule-unavailability-detail",
    ),
    path("scheduling/me/", views.MyFacilitatorView.as_view(), name="api-schedule-me"),
    path(
        "scheduling/me/unavailability/",
        views.MyUnavailabilityListView.as_view(),
        name="api-schedule-my-unavailability",
    ),
    path("scheduling/travel/", views.TravelView.as_view(), name="api-schedule-travel"),
    path("scheduling/holidays/", views.HolidayListView.as_view(), name="api-schedule-holiday-list"),
    path("scheduling/holidays/<int:pk>/", views.HolidayDetailView.as_view(), name="api-schedule-holiday-detail"),
    path("scheduling/plans/", plans.PlanListView.as_view(), name="api-schedule-plan-list"),
    path(P, plans.PlanDetailView.as_view(), name="api-schedule-plan-detail"),
    path(P + "workshops/", plans.WorkshopListView.as_view(), name="api-schedule-workshop-list"),
    path(P + "workshops/<int:pk>/", plans.WorkshopDetailView.as_view(), name="api-schedule-workshop-detail"),
    path(P + "warnings/", plans.PlanWarningsView.as_view(), name="api-schedule-plan-warnings"),
    path(P + "propose/", plans.ProposeView.as_view(), name="api-schedule-plan-propose"),
    path(P + "replan/", plans.ReplanView.as_view(), name="api-schedule-plan-replan"),
    path(P + "versions/", plans.VersionListView.as_view(), name="api-schedule-version-list"),
    path(P + "versions/<int:number>/", plans.VersionDetailView.as_view(), name="api-schedule-version-detail"),
    path(
        P + "versions/<int:number>/confirm/",
        plans.VersionConfirmView.as_view(),
        name="api-schedule-version-confirm",
    ),
    path(P + "compare/", plans.CompareView.as_view(), name="api-schedule-plan-compare"),
    path("scheduling/jobs/<int:pk>/", plans.JobView.as_view(), name="api-schedule-job"),
]
