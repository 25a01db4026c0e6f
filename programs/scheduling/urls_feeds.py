"""Apex URLs of the calendar feeds: the public feed behind its token, and "my calendars"."""

from django.urls import path, re_path

from programs.scheduling.views import feeds as views

urlpatterns = [
    re_path(r"^kalender/(?P<token>[A-Za-z0-9_-]{1,64})\.ics$", views.FeedView.as_view(), name="schedule-feed"),
    path("saya/kalender/", views.MyFeedsView.as_view(), name="schedule-my-feeds"),
    path("saya/kalender/<int:pk>/reset/", views.FeedResetView.as_view(), name="schedule-feed-reset"),
]
