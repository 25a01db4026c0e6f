"""National API URLs of assessments (included by ``api.urls_national``)."""

from django.urls import path

from assessments.framework.api import snapshots, versions

urlpatterns = [
    path("snapshots/", snapshots.SnapshotListView.as_view(), name="api-snapshot-list"),
    path("rankings/", snapshots.RankingView.as_view(), name="api-ranking"),
    path("framework-versions/", versions.VersionListView.as_view(), name="api-framework-version-list"),
    path("framework-versions/<int:pk>/", versions.VersionDetailView.as_view(), name="api-framework-version-detail"),
    path("framework-versions/<int:pk>/copy/", versions.VersionCopyView.as_view(), name="api-framework-version-copy"),
]
