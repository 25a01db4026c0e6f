"""Apex URLs of the decks (included at the root of the apex host, before ``showcase.urls``)."""

from django.urls import path

from showcase.decks import views

K = "showcase/kelola/<slug:slug>/deck/"

urlpatterns = [
    path(K, views.DeckListView.as_view(), name="showcase-decks"),
    path(K + "bangun/", views.DeckBuildRequestView.as_view(), name="showcase-decks-build"),
    path(K + "templat/", views.TemplateEditView.as_view(), name="showcase-deck-template"),
    path(K + "<int:deck_build>/", views.DeckJobView.as_view(), name="showcase-deck-build"),
    path(K + "<int:deck_build>/<str:deck_file>/", views.DeckDownloadView.as_view(), name="showcase-deck-download"),
]
