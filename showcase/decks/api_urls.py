"""National API URLs of the decks (included by ``api.urls_national``)."""

from django.urls import path

from showcase.decks import api

D = "showcase/showcases/<slug:slug>/decks/"

urlpatterns = [
    path(D, api.DeckBuildListView.as_view(), name="api-showcase-deck-list"),
    path(D + "<int:deck_build>/", api.DeckBuildDetailView.as_view(), name="api-showcase-deck-detail"),
    path(D + "<int:deck_build>/<str:deck_file>/", api.DeckFileView.as_view(), name="api-showcase-deck-file"),
]
