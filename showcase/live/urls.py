"""Apex URLs of the day (included at the root of the apex host): the operator's pages under
``/showcase/kelola/<slug>/langsung/``, the presenter's secret link under
``/showcase/kelola/penyaji/<token>/`` and the public screen of a stage under
``/showcase/<slug>/layar/<stage>/``."""

from django.urls import path

from showcase.live import views

K = "showcase/kelola/<slug:slug>/langsung/"
S = K + "<int:live_stage>/"
T = "showcase/kelola/penyaji/<str:token>/"
P = "showcase/<slug:slug>/layar/<int:live_stage>/"

urlpatterns = [
    path(K, views.StagesView.as_view(), name="showcase-live"),
    path(S, views.OperatorView.as_view(), name="showcase-live-operator"),
    path(S + "aksi/", views.ActionView.as_view(), name="showcase-live-action"),
    path(S + "tautan/", views.ResetLinkView.as_view(), name="showcase-live-reset-link"),
    path(S + "penyaji/", views.PresenterView.as_view(), name="showcase-live-presenter"),
    path(S + "status.json", views.StateView.as_view(), name="showcase-live-state"),
    path(K + "laporan/", views.ReportView.as_view(), name="showcase-live-report"),
    path(K + "laporan.csv", views.ReportView.as_view(), {"fmt": "csv"}, name="showcase-live-report-csv"),
    path(T, views.PresenterLinkView.as_view(), name="showcase-live-presenter-link"),
    path(T + "status.json", views.PresenterLinkStateView.as_view(), name="showcase-live-presenter-link-state"),
    path(P, views.PublicScreenView.as_view(), name="showcase-live-public"),
    path(P + "status.json", views.PublicStateView.as_view(), name="showcase-live-public-state"),
]
