"""Apex URLs of the national masterplan pages (included at the root of the apex host)."""

from django.urls import path

from programs.national import views

urlpatterns = [
    path("masterplans/", views.MasterplanOverviewView.as_view(), name="masterplan-overview"),
]
