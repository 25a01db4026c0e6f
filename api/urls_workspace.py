from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from api import views_workspace as views

urlpatterns = [
    path("workspace/", views.WorkspaceDetailView.as_view(), name="api-workspace"),
    path("members/", views.MemberListView.as_view(), name="api-member-list"),
    path("members/<int:pk>/", views.MemberDetailView.as_view(), name="api-member-detail"),
    path("", include("programs.api_urls")),
    path("", include("programs.scheduling.workspace_api_urls")),
    path("", include("assessments.api_urls")),
    path("schema/", SpectacularAPIView.as_view(urlconf="api.urls_workspace_schema"), name="api-schema"),
]
