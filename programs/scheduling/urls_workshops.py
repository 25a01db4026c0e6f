"""Apex URLs of the timeline, the hand edit of a workshop and the facilitators' own workshops."""

from django.urls import path

from programs.scheduling.views import timeline, workshops

urlpatterns = [
    path("jadwal/<int:plan_pk>/linimasa/", timeline.PlanTimelineView.as_view(), name="schedule-timeline"),
    path("jadwal/<int:plan_pk>/bimtek/<int:pk>/", workshops.WorkshopEditView.as_view(), name="schedule-workshop-edit"),
    path(
        "jadwal/<int:plan_pk>/bimtek/<int:pk>/periksa/",
        workshops.WorkshopCheckView.as_view(),
        name="schedule-workshop-check",
    ),
    path(
        "jadwal/<int:plan_pk>/bimtek/<int:pk>/status/",
        workshops.WorkshopStatusView.as_view(),
        name="schedule-workshop-status",
    ),
    path("saya/bimtek/", timeline.MyWorkshopsView.as_view(), name="schedule-mine"),
    path(
        "fasilitator/<int:pk>/bimtek/",
        timeline.FacilitatorWorkshopsView.as_view(),
        name="schedule-facilitator-workshops",
    ),
]
