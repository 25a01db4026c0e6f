"""The public profile of a region at a showcase (apex host)."""

from django.urls import re_path

from showcase.profiles import views

CODE = r"(?P<code>\d{2}\.\d{2})"
SLUG = r"(?P<slug>[-a-zA-Z0-9_]+)"

urlpatterns = [
    re_path(rf"^showcase/{SLUG}/{CODE}/$", views.ProfileView.as_view(), name="showcase-profile"),
    re_path(rf"^showcase/{SLUG}/{CODE}/logo/$", views.ProfileImageView.as_view(), name="showcase-profile-logo"),
    re_path(
        rf"^showcase/{SLUG}/{CODE}/foto/(?P<number>[1-9][0-9]?)/$",
        views.ProfileImageView.as_view(),
        name="showcase-profile-photo",
    ),
]
