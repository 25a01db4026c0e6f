"""Fetch-for-action helpers of the showcase's admin pages and API: the object, or the same 404
for one that does not exist and one that is not the showcase's."""

from django.http import Http404

from showcase.models import Showcase, Stage


def access_showcase(slug: str) -> Showcase:
    showcase = Showcase.objects.select_related("cohort").filter(slug=slug).first()
    if showcase is None:
        raise Http404("no such showcase")
    return showcase


def access_stage(showcase: Showcase, pk: int) -> Stage:
    stage = Stage.objects.filter(showcase=showcase, pk=pk).first()
    if stage is None:
        raise Http404("no such stage")
    return stage
