"""National API URLs of the masterplans (included by ``api.urls_national``)."""

from django.urls import path

from programs.national import api

urlpatterns = [
    path("masterplans/", api.MasterplanFiguresListView.as_view(), name="api-masterplan-list"),
]
