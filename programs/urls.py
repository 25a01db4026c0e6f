"""Workspace URLs of the masterplan app (included at the root of a workspace host)."""

from django.urls import path

from programs.views import BimtekStageEditView

urlpatterns = [
    path("bimtek/<int:number>/", BimtekStageEditView.as_view(), name="bimtek-stage-edit"),
]
