"""Account views that differ from Django's: the password-reset e-mail links to the site's
configured address, not to whatever Host header (and port) the request carried."""

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
