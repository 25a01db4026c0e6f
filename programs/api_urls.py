"""Workspace API URLs of the masterplan (included by ``api.urls_workspace``)."""

from django.urls import path

from programs.api import views as api

urlpatterns = [
    path("bimtek-stages/", api.BimtekStageListView.as_view(), name="api-bimtek-stage-list"),
    path("dimensions/", api.DimensionListView.as_view(), name="api-dimension-list"),
    path("funding-sources/", api.FundingSourceListView.as_view(), name="api-funding-source-list"),
    path("opds/", api.OpdListView.as_view(), name="api-opd-list"),
    path("opds/<int:opd_pk>/", api.OpdDetailView.as_view(), name="api-opd-detail"),
    path("programs/", api.ProgramListView.as_view(), name="api-program-list"),
    path("programs/<int:program_pk>/", api.ProgramDetailView.as_view(), name="api-program-detail"),
    path("programs/<int:program_pk>/risks/", api.RiskListView.as_view(), name="api-risk-list"),
    path("programs/<int:program_pk>/risks/<int:risk_pk>/", api.RiskDetailView.as_view(), name="api-risk-detail"),
    path("masterplan/", api.MasterplanView.as_view(), name="api-masterplan"),
    path("masterplan/transitions/", api.MasterplanTransitionListView.as_view(), name="api-masterplan-transitions"),
]
