"""National API URLs of assessments (included by ``api.urls_national``)."""

from django.urls import path

from assessments.framework import api

urlpatterns = [
    path("snapshots/", api.SnapshotListView.as_view(), name="api-snapshot-list"),
    path("rankings/", api.RankingView.as_view(), name="api-ranking"),
]
