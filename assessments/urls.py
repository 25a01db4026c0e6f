"""Workspace URLs of the assessments app (included at the root of a workspace host)."""

from django.urls import path

from assessments import views
from assessments.views import components

urlpatterns = [
    path("assessments/", views.AssessmentHomeView.as_view(), name="assessment-home"),
    path("assessments/start/", views.CycleStartView.as_view(), name="assessment-start"),
    path(
        "assessments/peringkat/<str:period>/",
        views.PublishedRankingView.as_view(),
        name="assessment-published-ranking",
    ),
    path(
        "assessments/periode/<int:cycle_year>/<int:cycle_stage>/",
        components.CyclePeriodView.as_view(),
        name="assessment-cycle-period",
    ),
    path("assessments/<int:cycle_pk>/", views.CycleDetailView.as_view(), name="assessment-cycle"),
    path("assessments/<int:cycle_pk>/state/", views.CycleStateView.as_view(), name="assessment-state"),
    path(
        "assessments/<int:cycle_pk>/responses/<int:response_pk>/",
        views.ResponseView.as_view(),
        name="assessment-response",
    ),
    path(
        "assessments/<int:cycle_pk>/komponen/<slug:component>/",
        components.ComponentPageView.as_view(),
        name="assessment-component",
    ),
    path("assessments/evidence/<int:evidence_pk>/", views.EvidenceDownloadView.as_view(), name="assessment-evidence"),
    path(
        "assessments/evidence/<int:evidence_pk>/delete/",
        views.EvidenceDeleteView.as_view(),
        name="assessment-evidence-delete",
    ),
]
