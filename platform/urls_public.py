"""URLs of the apex host: the national layer."""

from django.contrib import admin
from django.urls import include, path, re_path

from tenants import views_national as views

urlpatterns = [
    path("", views.RegistryView.as_view(), name="home"),
    re_path(r"^regions/(?P<code>\d{2}\.\d{2})/$", views.RegionDetailView.as_view(), name="region-detail"),
    path("cohorts/", views.CohortListView.as_view(), name="cohort-list"),
    path("cohorts/new/", views.CohortCreateView.as_view(), name="cohort-create"),
    path("cohorts/<int:year>/", views.CohortDetailView.as_view(), name="cohort-detail"),
    path("cohorts/<int:year>/provision/", views.CohortProvisionView.as_view(), name="cohort-provision"),
    path("cohorts/<int:year>/regions/", views.CohortAddRegionView.as_view(), name="cohort-add-region"),
    path("jobs/<int:pk>/", views.ProvisioningJobView.as_view(), name="provisioning-job"),
    path("", include("assessments.framework.urls")),
    path("", include("programs.national.urls")),
    path("", include("programs.scheduling.urls")),
    path("", include("showcase.urls")),
    path("", include("showcase.profiles.urls")),
    path("", include("showcase.profiles.national_urls")),
    path("", include("showcase.live.urls")),
    path("", include("showcase.decks.urls")),
    path("", include("platform.audit.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls_national")),
    path("", include("platform.urls_common")),
]

# Under /api/ an unknown address is a JSON 404 like the API's others (api/errors.py).
handler404 = "api.errors.not_found"
