"""Apex URLs of the assessments app: frameworks, ranking, comparison (included at the root)."""

from django.urls import path

from assessments.framework.views import compare, history, indicators, publication, ranking, versions

urlpatterns = [
    path("frameworks/", versions.VersionListView.as_view(), name="framework-list"),
    path("frameworks/import/", versions.VersionImportView.as_view(), name="framework-import"),
    path("frameworks/<int:version_pk>/", versions.VersionDetailView.as_view(), name="framework-detail"),
    path("frameworks/<int:version_pk>/weights/", versions.VersionWeightsView.as_view(), name="framework-weights"),
    path("frameworks/<int:version_pk>/copy/", versions.VersionCopyView.as_view(), name="framework-copy"),
    path("frameworks/<int:version_pk>/export/", versions.VersionExportView.as_view(), name="framework-export"),
    path("frameworks/<int:version_pk>/settings/", versions.VersionSettingsView.as_view(), name="framework-settings"),
    path(
        "frameworks/<int:version_pk>/indicators/new/",
        indicators.IndicatorEditView.as_view(),
        name="framework-indicator-new",
    ),
    path(
        "frameworks/<int:version_pk>/indicators/<int:indicator_pk>/",
        indicators.IndicatorEditView.as_view(),
        name="framework-indicator-edit",
    ),
    path(
        "frameworks/<int:version_pk>/indicators/<int:indicator_pk>/delete/",
        indicators.IndicatorDeleteView.as_view(),
        name="framework-indicator-delete",
    ),
    path("assessments/ranking/", ranking.RankingView.as_view(), name="assessment-ranking"),
    path("assessments/ranking/publish/", publication.RankingPublishView.as_view(), name="assessment-ranking-publish"),
    path("assessments/compare/", compare.CompareView.as_view(), name="assessment-compare"),
    path("assessments/history/import/", history.HistoryImportView.as_view(), name="assessment-history-import"),
]
