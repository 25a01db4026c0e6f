"""Where deck files and the template's logo live: one fixed directory of the public layer
(not the tenant-aware default storage), never served as media. Downloads go through the
views of ``showcase.decks.views``, which check who asks."""

import os

from django.conf import settings

from platform.uploads import UploadStorage


class DeckStorage(UploadStorage):
    """``UploadStorage`` (never half a file) rooted in the public deck directory."""

    @property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "showcase_decks")

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def deck_storage() -> DeckStorage:
    return DeckStorage()
