"""National API URLs of the regions' submissions (included by ``api.urls_national``)."""

from django.urls import path, re_path

from showcase.profiles import api

S = "showcase/showcases/<slug:slug>/submissions/"

urlpatterns = [
    path(S, api.SubmissionListView.as_view(), name="api-showcase-submission-list"),
    path(S + "remind/", api.RemindView.as_view(), name="api-showcase-submission-remind"),
    re_path(
        r"^showcase/showcases/(?P<slug>[-a-zA-Z0-9_]+)/submissions/(?P<code>\d{2}\.\d{2})/$",
        api.SubmissionDetailView.as_view(),
        name="api-showcase-submission-detail",
    ),
]
