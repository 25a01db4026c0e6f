"""Downloaded PDFs are named for people: the masterplan book and the showcase decks carry the
region's name, never the random suffix the storage adds to a stored name on a clash."""

import re
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from programs.models import MasterplanBook
from showcase.decks.models import DeckBuild
from tests.showcase import factories as showcase_factories

HOST = "kota-probolinggo.sc100.test"
APEX = "sc100.test"


def _filename(response) -> str:
    return re.search(r'filename="([^"]+)"', response["Content-Disposition"]).group(1)


def test_the_book_downloads_under_its_meaningful_name_even_when_stored_with_a_suffix(world, client_for, probolinggo):
    finished = timezone.make_aware(datetime(2026, 1, 15, 10, 0))
    books = []
    for _ in range(2):  # the second file of the same name is stored with a random suffix
        book = MasterplanBook(status=MasterplanBook.Status.DONE, masterplan_revision=2, finished_at=finished)
        book.file.save("books/masterplan-kota-probolinggo-rev2-20260115.pdf", ContentFile(b"%PDF-1.4 uji"))
        books.append(book)
    try:
        assert books[0].file.name != books[1].file.name  # the storage's suffix is there
        client = client_for(world.users["viewer_probolinggo"])
        for book in books:
            response = client.get(f"/masterplan/buku-pdf/{book.pk}/unduh/", HTTP_HOST=HOST)
            assert response.status_code == 200
            assert response["Content-Disposition"].startswith("attachment;")
            assert _filename(response) == "masterplan-kota-probolinggo-rev2-20260115.pdf"
    finally:
        connection.set_tenant(world.probolinggo)
        for book in books:
            book.file.delete(save=False)


def test_a_deck_pdf_downloads_under_the_showcase_and_region_name(world, client_for):
    showcase = showcase_factories.published()
    builds = []
    for _ in range(2):
        build = DeckBuild(showcase=showcase, region_id="35.74", status=DeckBuild.Status.DONE, total=1, done=1)
        build.pdf.save("sampel.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
        build.save()
        builds.append(build)
    try:
        assert builds[0].pdf.name != builds[1].pdf.name
        client = client_for(world.users["ministry_analyst"])
        for build in builds:
            response = client.get(f"/showcase/kelola/{showcase.slug}/deck/{build.pk}/pdf/", HTTP_HOST=APEX)
            assert response.status_code == 200
            assert _filename(response) == f"deck-{showcase.slug}-35.74-kota-probolinggo.pdf"
    finally:
        for build in builds:
            build.pdf.delete(save=False)
