"""The region's showcase preparation (workspace host)."""

from django.urls import path

from showcase.regional import views

urlpatterns = [
    path("showcase/", views.EntryListView.as_view(), name="showcase-entries"),
    path("showcase/<slug:showcase_slug>/", views.EntryView.as_view(), name="showcase-entry"),
    path("showcase/<slug:showcase_slug>/pratinjau/", views.EntryPreviewView.as_view(), name="showcase-entry-preview"),
    path("showcase/<slug:showcase_slug>/kirim/", views.EntrySubmitView.as_view(), name="showcase-entry-submit"),
    path("showcase/<slug:showcase_slug>/logo/", views.EntryLogoView.as_view(), name="showcase-entry-logo"),
    path(
        "showcase/<slug:showcase_slug>/foto/<int:photo_pk>/",
        views.EntryPhotoView.as_view(),
        name="showcase-entry-photo",
    ),
]
