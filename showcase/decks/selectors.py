"""Reads of the decks for the deck page and the API (a fixed number of queries per page)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from showcase import selectors as showcase_selectors
from showcase.decks.models import DeckBuild, DeckTemplate
from showcase.models import Showcase
from showcase.profiles.models import Submission


@dataclass
class DeckRow:
    """One presenting region on the deck page."""

    region: object
    submission: Submission | None
    latest: DeckBuild | None  # the latest job of the region, whatever its state
    deck: DeckBuild | None  # the latest finished deck
    is_stale: bool  # the submission or the template changed since ``deck`` was built

    @property
    def data_taken_at(self) -> datetime | None:
        return self.deck.data_taken_at if self.deck else None


def builds_of(showcase: Showcase) -> QuerySet[DeckBuild]:
    return DeckBuild.objects.filter(showcase=showcase).select_related("region", "requested_by")


def deck_rows(showcase: Showcase, template: DeckTemplate) -> list[DeckRow]:
    presenters = list(showcase_selectors.presenters_of(showcase))
    submissions = {
        s.region_id: s
        for s in Submission.objects.filter(showcase=showcase).only(
            "id", "region_id", "revision", "data_taken_at", "missing", "submitted_at"
        )
    }
    latest: dict[str, DeckBuild] = {}
    finished: dict[str, DeckBuild] = {}
    for build in DeckBuild.objects.filter(showcase=showcase, region__isnull=False).order_by("-requested_at", "-pk"):
        latest.setdefault(build.region_id, build)
        if build.status == DeckBuild.Status.DONE:
            finished.setdefault(build.region_id, build)
    rows = []
    for presenter in presenters:
        code, deck = presenter.region_id, finished.get(presenter.region_id)
        submission = submissions.get(code)
        stale = deck is not None and (
            deck.template_revision != template.revision
            or (submission is not None and deck.submission_revision != submission.revision)
        )
        rows.append(DeckRow(presenter.region, submission, latest.get(code), deck, stale))
    return rows


def latest_all_builds(showcase: Showcase) -> tuple[DeckBuild | None, DeckBuild | None]:
    """``(the latest "all decks" job, the latest finished one)``."""
    builds = list(DeckBuild.objects.filter(showcase=showcase, region__isnull=True).order_by("-requested_at", "-pk")[:5])
    done = next((b for b in builds if b.status == DeckBuild.Status.DONE), None)
    return (builds[0] if builds else None), done
