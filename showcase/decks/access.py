"""Fetch-for-action helpers of the deck pages and API: the object, or the same 404 for one that
does not exist and one that is not the showcase's."""

from django.http import Http404

from showcase.decks.models import DeckBuild
from showcase.models import Showcase

# The files a job may hold, by the name used in addresses.
FILE_FIELDS = {"pptx": "pptx", "pdf": "pdf", "zip": "archive"}
CONTENT_TYPES = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def access_build(showcase: Showcase, pk: int) -> DeckBuild:
    build = DeckBuild.objects.select_related("showcase", "region").filter(showcase=showcase, pk=pk).first()
    if build is None:
        raise Http404("no such deck build")
    return build


def access_build_file(showcase: Showcase, pk: int, kind: str):
    """``(build, field file)`` of a finished job's file, or 404."""
    build = access_build(showcase, pk)
    field = FILE_FIELDS.get(kind)
    file = getattr(build, field) if field else None
    if build.status != DeckBuild.Status.DONE or not file:
        raise Http404("no such deck file")
    return build, file


def download_name(build: DeckBuild, kind: str) -> str:
    from django.utils.text import slugify

    scope = f"{build.region_id}-{slugify(build.region.name)}" if build.region_id else "semua-deck"
    extension = "zip" if kind == "zip" else kind
    return f"deck-{build.showcase.slug}-{scope}.{extension}"
