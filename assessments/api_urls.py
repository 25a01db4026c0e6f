"""Workspace API URLs of assessments (included by ``api.urls_workspace``)."""

from django.urls import path

from assessments import api

urlpatterns = [
    path("assessment-cycles/", api.CycleListView.as_view(), name="api-cycle-list"),
    path("assessment-cycles/<int:cycle_pk>/", api.CycleDetailView.as_view(), name="api-cycle-detail"),
    path("assessment-cycles/<int:cycle_pk>/responses/", api.ResponseListView.as_view(), name="api-response-list"),
    path(
        "assessment-cycles/<int:cycle_pk>/responses/<int:response_pk>/",
        api.ResponseDetailView.as_view(),
        name="api-response-detail",
    ),
]
