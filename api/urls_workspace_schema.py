"""The workspace API alone, as documented in its OpenAPI schema."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("api.urls_workspace"))]
