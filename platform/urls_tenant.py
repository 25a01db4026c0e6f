"""URLs of a workspace host (``<region-slug>.<BASE_DOMAIN>``)."""

from django.urls import include, path

from tenants import views_workspace as views

urlpatterns = [
    path("", views.WorkspaceHomeView.as_view(), name="home"),
    path("members/", views.MembersView.as_view(), name="members"),
    path("members/<int:pk>/remove/", views.MemberRemoveView.as_view(), name="member-remove"),
    path("", include("programs.urls")),
    path("", include("programs.scheduling.workspace_urls")),
    path("", include("assessments.urls")),
    path("", include("showcase.regional.urls")),
    path("api/v1/", include("api.urls_workspace")),
    path("", include("platform.urls_common")),
]

# Under /api/ an unknown address is a JSON 404 like the API's others (api/errors.py).
handler404 = "api.errors.not_found"
