"""The ministry's page of the regions' submissions to a showcase: its rows and counts, the
deadline, the filters, the export, who reaches it, and its constant number of queries."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from showcase.models import PresentingRegion
from showcase.profiles import overview
from showcase.profiles.services import record_submission
from tests.showcase.samples_regional import showcase

APEX = "sc100.test"
PAGE = "/showcase/kelola/{slug}/kiriman/"


def submit(event, code: str, *, missing=(), submitted=True):
    """The public row of ``code``, as the region's workspace task writes it."""
    return record_submission(
        showcase_id=event.pk,
        region_code=code,
        presenter_name="Habib Hadi",
        presenter_title="Wali Kota",
        pitch="Kota layanan prima.",
        vision="Kota layanan cerdas",
        data={"region": {"code": code}, "quick_wins": []},
        missing=list(missing),
        logo=None,
        photos=[],
        data_taken_at=timezone.now() - timedelta(minutes=10),
        submitted_at=timezone.now() - timedelta(minutes=5) if submitted else None,
    )


@pytest.fixture
def event(db):
    """Kota Probolinggo submitted completely, Kota Pasuruan with gaps, Kota Kediri (no
    workspace) and Kota Blitar nothing yet; the deadline in three days and a bit."""
    found = showcase(slug="kiriman-uji", codes=("35.74", "35.75", "35.71", "35.72"), deadline_in_days=3)
    found.submission_deadline = timezone.now() + timedelta(days=3, hours=2)
    found.save(update_fields=["submission_deadline"])
    submit(found, "35.74")
    submit(found, "35.75", missing=["quick_wins", "logo"])
    return found


def page(client, event, query=""):
    return client.get(PAGE.format(slug=event.slug) + query, HTTP_HOST=APEX)


def test_the_page_lists_every_presenting_region_with_its_submission(world, client_for, event):
    response = page(client_for(world.users["ministry_admin"]), event)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("Kota Probolinggo", "Kota Pasuruan", "Kota Kediri", "Kota Blitar"):
        assert name in html
    assert "Sudah mengirim: 2" in html and "Belum mengirim: 2" in html and "Ada kekurangan: 1" in html
    assert "3 hari lagi" in html
    assert "belum ada quick win yang ditampilkan" in html and "belum ada logo" in html
    # The profile preview of a region that submitted, the workspace page of a region that has one.
    assert f'href="/showcase/{event.slug}/35.74/"' in html
    assert f'href="//kota-probolinggo.sc100.test/showcase/{event.slug}/"' in html
    assert f"/showcase/{event.slug}/35.72/" not in html
    assert "Ruang kerja belum disiapkan" in html  # Kota Kediri has no workspace
    assert "Kirim pengingat" in html


def test_the_analyst_reads_the_page_without_the_reminder_button(world, client_for, event):
    response = page(client_for(world.users["ministry_analyst"]), event)
    assert response.status_code == 200
    assert "Kota Pasuruan" in response.content.decode()
    assert "Kirim pengingat" not in response.content.decode()


def test_a_past_deadline_reads_lewat_and_offers_no_reminder(world, client_for, event):
    event.submission_deadline = timezone.now() - timedelta(hours=1)
    event.save(update_fields=["submission_deadline"])
    html = page(client_for(world.users["ministry_admin"]), event).content.decode()
    assert "lewat" in html and "Kirim pengingat" not in html


@pytest.mark.parametrize(
    ("status", "shown", "hidden"),
    [
        ("submitted", {"35.74", "35.75"}, {"35.71", "35.72"}),
        ("missing", {"35.71", "35.72"}, {"35.74", "35.75"}),
        ("gaps", {"35.75"}, {"35.74", "35.71", "35.72"}),
        ("", {"35.74", "35.75", "35.71", "35.72"}, set()),
    ],
)
def test_the_filter_narrows_the_rows_and_keeps_the_counts(world, client_for, event, status, shown, hidden):
    html = page(client_for(world.users["ministry_admin"]), event, f"?status={status}").content.decode()
    for code in shown:
        assert f'id="region-{code}"' in html
    for code in hidden:
        assert f'id="region-{code}"' not in html
    assert "Sudah mengirim: 2" in html  # the counts are the whole showcase's


def test_an_unknown_filter_value_shows_every_region_and_the_form_error(world, client_for, event):
    response = page(client_for(world.users["ministry_admin"]), event, "?status=rusak")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="region-35.72"' in html and 'id="region-35.74"' in html
    assert "rusak" in html  # the form says which value it did not take


def test_the_csv_export_has_the_rows_of_the_filter(world, client_for, event):
    response = page(client_for(world.users["ministry_analyst"]), event, "?status=missing&format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "kiriman-kiriman-uji-missing.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Kode", "Kabupaten/kota", "Provinsi", "Status"]
    assert {row[0] for row in rows[1:]} == {"35.71", "35.72"}
    blitar = next(row for row in rows if row[0] == "35.72")
    assert blitar[9] == ""  # no workspace


def test_the_xlsx_export_has_every_region_with_its_gaps_and_links(world, client_for, event):
    response = page(client_for(world.users["ministry_admin"]), event, "?format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"35.74", "35.75", "35.71", "35.72"}
    assert rows["35.75"][3] == "Terkirim" and rows["35.75"][5] == 1
    assert "belum ada logo" in rows["35.75"][7]
    assert rows["35.74"][8] == f"http://sc100.test/showcase/{event.slug}/35.74/"
    assert rows["35.74"][9] == f"http://kota-probolinggo.sc100.test/showcase/{event.slug}/"
    assert rows["35.72"][3] == "Belum mengirim" and rows["35.72"][8] is None


@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "viewer_probolinggo", "nobody"])
def test_people_outside_the_ministry_get_404(world, client_for, event, who):
    client = client_for(world.users[who])
    assert page(client, event).status_code == 404
    assert page(client, event, "?format=csv").status_code == 404
    assert client.post(PAGE.format(slug=event.slug) + "pengingat/", HTTP_HOST=APEX).status_code == 404


def test_an_anonymous_visitor_is_asked_to_sign_in(client, event):
    response = page(client, event)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unknown_showcase_is_404(world, client_for, event):
    response = client_for(world.users["ministry_admin"]).get(PAGE.format(slug="tidak-ada"), HTTP_HOST=APEX)
    assert response.status_code == 404


def test_the_builder_links_to_the_page(world, client_for, event):
    html = client_for(world.users["ministry_analyst"]).get(f"/showcase/kelola/{event.slug}/", HTTP_HOST=APEX)
    assert f'href="{PAGE.format(slug=event.slug)}"' in html.content.decode()


def test_the_page_takes_the_same_number_of_queries_for_more_regions(
    world, client_for, event, django_assert_num_queries
):
    client = client_for(world.users["ministry_admin"])
    page(client, event)  # warm the session and the caches
    with CaptureQueriesContext(connection) as few:
        assert page(client, event).status_code == 200
    codes = ["35.01", "35.02", "35.03", "35.04", "35.05", "35.06", "35.07", "35.08"]
    for position, code in enumerate(codes, start=10):
        PresentingRegion.objects.create(showcase=event, region_id=code, position=position)
        if position % 2:
            submit(event, code, missing=["photos"])
    with django_assert_num_queries(len(few.captured_queries)):
        response = page(client, event)
    assert response.status_code == 200 and 'id="region-35.08"' in response.content.decode()
    assert len(few.captured_queries) <= 10


def test_time_left_reads_days_hours_and_lewat():
    now = timezone.now()
    assert overview.time_left(now + timedelta(days=3, hours=5), now=now) == "3 hari lagi"
    assert overview.time_left(now + timedelta(hours=5, minutes=1), now=now) == "5 jam lagi"
    assert overview.time_left(now + timedelta(minutes=20), now=now) == "kurang dari 1 jam lagi"
    assert overview.time_left(now - timedelta(minutes=1), now=now) == "lewat"
