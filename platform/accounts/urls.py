"""The second factor's pages, on every host (included by ``platform.urls_common``)."""

from django.urls import path

from platform.accounts import two_factor_views as views

urlpatterns = [
    path("accounts/two-factor/", views.SecondStepView.as_view(), name="two-factor-verify"),
    path("accounts/two-factor/enrol/", views.EnrolView.as_view(), name="two-factor-enrol"),
    path("accounts/security/", views.SecurityView.as_view(), name="account-security"),
    path("accounts/security/recovery-codes/", views.RecoveryCodesView.as_view(), name="account-recovery-codes"),
    path("accounts/security/remove/", views.RemoveSecondFactorView.as_view(), name="account-two-factor-remove"),
]
