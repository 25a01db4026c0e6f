"""Account views that differ from Django's: the password-reset e-mail links to the site's
configured address, not to whatever Host header (and port) the request carried; the language
switch remembers a signed-in person's choice for their e-mails."""

from functools import wraps

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect

from platform.context_processors import site_host


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        form.save(
            domain_override=site_host(self.request),
            use_https=settings.SITE_SCHEME == "https",
            token_generator=self.token_generator,
            from_email=self.from_email,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name,
            request=self.request,
            html_email_template_name=self.html_email_template_name,
            extra_email_context=self.extra_email_context,
        )
        return HttpResponseRedirect(self.get_success_url())


def remembering_language(view):
    """Wrap Django's language switch: a signed-in person's choice is also kept on their
    account (``User.language``), so e-mails sent to them later are written in it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        chosen = request.POST.get("language", "")
        user = getattr(request, "user", None)
        if (
            request.method == "POST"
            and user is not None
            and user.is_authenticated
            and chosen in dict(settings.LANGUAGES)
            and user.language != chosen
        ):
            user.language = chosen
            user.save(update_fields=["language"])
        return response

    return wrapped
