"""Apex URLs of the national plan (included at the root of the apex host)."""

from django.urls import include, path

urlpatterns = [
    path("", include("programs.scheduling.urls_registry")),
    path("", include("programs.scheduling.urls_plans")),
    path("", include("programs.scheduling.urls_workshops")),
    path("", include("programs.scheduling.urls_feeds")),
]
