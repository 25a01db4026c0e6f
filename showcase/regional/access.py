"""Fetch-for-action helpers of the showcase preparation: the object, or the same 404 for
missing and forbidden."""

from django.http import Http404

from showcase.models import Showcase
from showcase.regional.models import ShowcasePhoto
from showcase.regional.selectors import showcases_of_region


def access_showcase(slug: str) -> Showcase:
    """A showcase the current workspace's region presents at (404 for any other)."""
    showcase = showcases_of_region().filter(slug=slug).first()
    if showcase is None:
        raise Http404("no such showcase")
    return showcase


def access_photo(showcase: Showcase, pk: int) -> ShowcasePhoto:
    photo = ShowcasePhoto.objects.filter(pk=pk, entry__showcase_id=showcase.pk).first()
    if photo is None:
        raise Http404("no such photo")
    return photo
