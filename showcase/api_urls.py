"""National API URLs of the showcase (apex ``/api/v1/showcase/``, included by ``api.urls_national``)."""

from django.urls import path

from showcase.api import views

S = "showcase/showcases/<slug:slug>/"

urlpatterns = [
    path("showcase/showcases/", views.ShowcaseListView.as_view(), name="api-showcase-list"),
    path(S, views.ShowcaseDetailView.as_view(), name="api-showcase-detail"),
    path(S + "rebuild/", views.RebuildView.as_view(), name="api-showcase-rebuild"),
    path(S + "versions/", views.VersionListView.as_view(), name="api-showcase-version-list"),
    path(S + "versions/<int:number>/", views.VersionDetailView.as_view(), name="api-showcase-version-detail"),
    path(S + "versions/<int:number>/publish/", views.PublishView.as_view(), name="api-showcase-version-publish"),
    path(S + "slots/", views.SlotListView.as_view(), name="api-showcase-slot-list"),
    path(S + "slots/<int:slot_pk>/", views.SlotDetailView.as_view(), name="api-showcase-slot-detail"),
    path(S + "slots/<int:slot_pk>/move/", views.SlotMoveView.as_view(), name="api-showcase-slot-move"),
]
