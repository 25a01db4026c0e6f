"""National API URLs of the day (included by ``api.urls_national``)."""

from django.urls import path

from showcase.live import api

L = "showcase/showcases/<slug:slug>/live/"

urlpatterns = [
    path(L, api.LiveStatesView.as_view(), name="api-showcase-live"),
    path(L + "<int:live_stage>/actions/", api.LiveActionView.as_view(), name="api-showcase-live-action"),
]
