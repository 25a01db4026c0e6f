"""The ministry's page of the regions' submissions to a showcase (apex host, under the
showcase's admin pages)."""

from django.urls import path

from showcase.profiles import national_views

K = "showcase/kelola/<slug:slug>/kiriman/"

urlpatterns = [
    path(K, national_views.SubmissionsView.as_view(), name="showcase-submissions"),
    path(K + "pengingat/", national_views.ReminderView.as_view(), name="showcase-submissions-remind"),
]
