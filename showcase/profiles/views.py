"""The public profile page of a region at a showcase, on the apex: ``/showcase/<slug>/<code>/``.

Anyone reads it once the showcase has a published agenda version and the region has
submitted; before that ministry staff see it as a preview. Anyone else gets what an unknown
address gets: a visitor who is not signed in is asked to sign in (a ministry colleague may
be about to preview it), a signed-in one gets 404 — neither learns whether it exists. The
logo and photos are served here too, under the same rule, from the public copies.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from showcase.profiles import figures, rules, selectors, services
from showcase.profiles.models import Submission


def visible_submission(request, slug: str, code: str) -> tuple[Submission | None, bool]:
    """``(submission, is_public)`` when the requester may see it, else ``(None, False)``."""
    submission = selectors.submission_of(slug=slug, code=code)
    if submission is None:
        return None, False
    public = selectors.is_public(submission)
    if public or rules.can_preview_profiles(request.user):
        return submission, public
    return None, False


class ProfileAccessMixin:
    """Resolves the submission of the URL for the requester, or answers for it (see the module)."""

    def dispatch(self, request, *args, slug, code, **kwargs):
        submission, public = visible_submission(request, slug, code)
        if submission is None:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404()
        self.submission, self.is_public = submission, public
        return super().dispatch(request, *args, **kwargs)


def image_urls(submission: Submission) -> tuple[str, list[dict]]:
    """The addresses of the logo and photos on this page (the revision busts a stale cache)."""
    kwargs = {"slug": submission.showcase.slug, "code": submission.region_id}
    suffix = f"?r={submission.revision}"
    logo = reverse("showcase-profile-logo", kwargs=kwargs) + suffix if submission.logo else ""
    photos = [
        {"url": reverse("showcase-profile-photo", kwargs={**kwargs, "number": n}) + suffix, "caption": p["caption"]}
        for n, p in enumerate(submission.photos, start=1)
    ]
    return logo, photos


class ProfileView(ProfileAccessMixin, View):
    def get(self, request):
        submission, public = self.submission, self.is_public
        logo_url, photos = image_urls(submission)
        context = {
            "submission": submission,
            "is_public": public,
            "profile": submission.data,
            "missing": submission.missing_labels,
            "logo_url": logo_url,
            "photos": photos,
            "data_taken_at": submission.data_taken_at,
            **figures.figures(submission.data),
        }
        return render(request, "showcase_profiles/profile.html", context)


class ProfileImageView(ProfileAccessMixin, View):
    def get(self, request, number="0"):
        submission, number = self.submission, int(number)
        if number == 0:
            name = submission.logo.name if submission.logo else ""
        else:
            name = submission.photos[number - 1]["name"] if 0 < number <= len(submission.photos) else ""
        try:
            handle = services.open_image(submission, name)
        except FileNotFoundError:
            raise Http404() from None
        content_type = "image/png" if name.endswith(".png") else "image/jpeg"
        response = FileResponse(handle, content_type=content_type)
        response["X-Content-Type-Options"] = "nosniff"
        return response
