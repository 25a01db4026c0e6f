"""URL patterns served on every host: sign-in, password reset, language, health."""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from platform.accounts.forms import EmailAuthenticationForm
from platform.accounts.views import PasswordResetView, remembering_language
from platform.urls_safety import local_redirects
from platform.views import health
from tenants.middleware import public_on_workspace_host


def _public(view):
    return public_on_workspace_host(view)


urlpatterns = [
    path(
        "accounts/login/",
        _public(
            local_redirects(
                auth_views.LoginView.as_view(
                    authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
                )
            )
        ),
        name="login",
    ),
    path("accounts/logout/", _public(local_redirects(auth_views.LogoutView.as_view())), name="logout"),
    path("accounts/password_reset/", _public(PasswordResetView.as_view()), name="password_reset"),
    path(
        "accounts/password_reset/done/", _public(auth_views.PasswordResetDoneView.as_view()), name="password_reset_done"
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        _public(auth_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/", _public(auth_views.PasswordResetCompleteView.as_view()), name="password_reset_complete"
    ),
    path("accounts/password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/setlang/", _public(remembering_language(local_redirects(set_language))), name="set_language"),
    path("health/", health, name="health"),
    path("", include("platform.accounts.urls")),
]
