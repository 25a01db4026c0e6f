from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from api import views_national as views

urlpatterns = [
    path("regions/", views.RegionListView.as_view(), name="api-region-list"),
    re_path(r"^regions/(?P<code>\d{2}\.\d{2})/$", views.RegionDetailView.as_view(), name="api-region-detail"),
    path("provinces/", views.ProvinceListView.as_view(), name="api-province-list"),
    path("cohorts/", views.CohortListView.as_view(), name="api-cohort-list"),
    path("", include("assessments.framework.api_urls")),
    path("", include("programs.national.api_urls")),
    path("", include("programs.scheduling.api_urls")),
    path("", include("showcase.live.api_urls")),
    path("", include("showcase.api_urls")),
    path("", include("showcase.profiles.api_urls")),
    path("", include("showcase.decks.api_urls")),
    path("schema/", SpectacularAPIView.as_view(urlconf="api.urls_national_schema"), name="api-schema"),
]
