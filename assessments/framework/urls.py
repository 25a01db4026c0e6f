"""Apex URLs of the assessments app: frameworks, ranking, comparison (included at the root)."""

from django.urls import path

from assessments.framework import views

urlpatterns = [
    path("frameworks/", views.VersionListView.as_view(), name="framework-list"),
    path("frameworks/import/", views.VersionImportView.as_view(), name="framework-import"),
    path("frameworks/<int:version_pk>/", views.VersionDetailView.as_view(), name="framework-detail"),
    path("frameworks/<int:version_pk>/weights/", views.VersionWeightsView.as_view(), name="framework-weights"),
    path("frameworks/<int:version_pk>/copy/", views.VersionCopyView.as_view(), name="framework-copy"),
    path("frameworks/<int:version_pk>/export/", views.VersionExportView.as_view(), name="framework-export"),
    path("frameworks/<int:version_pk>/settings/", views.VersionSettingsView.as_view(), name="framework-settings"),
    path(
        "frameworks/<int:version_pk>/indicators/new/", views.IndicatorEditView.as_view(), name="framework-indicator-new"
    ),
    path(
        "frameworks/<int:version_pk>/indicators/<int:indicator_pk>/",
        views.IndicatorEditView.as_view(),
        name="framework-indicator-edit",
    ),
    path(
        "frameworks/<int:version_pk>/indicators/<int:indicator_pk>/delete/",
        views.IndicatorDeleteView.as_view(),
        name="framework-indicator-delete",
    ),
    path("assessments/ranking/", views.RankingView.as_view(), name="assessment-ranking"),
    path("assessments/ranking/publish/", views.RankingPublishView.as_view(), name="assessment-ranking-publish"),
    path("masterplans/", views.MasterplanOverviewView.as_view(), name="masterplan-overview"),
    path("assessments/compare/", views.CompareView.as_view(), name="assessment-compare"),
    path("assessments/history/import/", views.HistoryImportView.as_view(), name="assessment-history-import"),
]
