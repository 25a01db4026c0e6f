"""The public pages of a showcase, for anonymous visitors: only the published version, in the
event's time zone with its label, in Indonesian and English; the iCal file parses and holds the
published slots; the widget alone may be framed; and a walk over every public showcase URL
shows nothing of a draft or of an unpublished showcase."""

import pytest
from django.urls import get_resolver
from icalendar import Calendar

from showcase import services
from showcase.models import Slot
from tenants.access import SYSTEM
from tests.showcase import factories
from tests.test_isolation import NATIONAL_PUBLIC, concrete, walk

H = "sc100.test"
PUBLIC_ROUTES = [
    (route, p)
    for route, p in walk(get_resolver("platform.urls_public").url_patterns)
    if p.name and p.name.startswith("showcase-") and p.name in NATIONAL_PUBLIC | {"showcase-profile"}
]


@pytest.fixture
def scene(world):
    """A published showcase whose draft has moved on (a new region and a renamed stage), and a
    showcase never published."""
    public = factories.published(stages=("Balai Kartini", "Ruang Garuda"), time_zone="Asia/Makassar")
    services.add_presenter(actor=SYSTEM, showcase=public, region_code="51.71")  # Kota Denpasar: draft only
    services.add_stage(actor=SYSTEM, showcase=public, name="Panggung Rahasia")
    services.rebuild_agenda(actor=SYSTEM, showcase=public)
    hidden = factories.showcase(slug="rahasia", name="Showcase Rahasia")
    services.rebuild_agenda(actor=SYSTEM, showcase=hidden)
    return {"public": public, "hidden": hidden}


SECRETS = ("Kota Denpasar", "Panggung Rahasia", "Showcase Rahasia")


def test_the_public_page_shows_the_published_agenda_with_the_zone(world, client, scene):
    page = client.get("/showcase/uji-2018/", HTTP_HOST=H)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Showcase Uji 2018" in html and "Kota Probolinggo" in html and "Kota Pasuruan" in html
    assert "WITA" in html and "Balai Kartini" in html
    assert "/showcase/uji-2018/agenda.ics" in html
    first = Slot.objects.filter(version__number=1, version__showcase=scene["public"], kind="opening").get()
    assert first.starts_at.hour == 0  # 08.00 WITA is 00.00 UTC
    assert "08:00" in html
    for secret in SECRETS:
        assert secret not in html


def test_the_public_page_in_english(world, client, scene):
    client.cookies["django_language"] = "en"
    html = client.get("/showcase/uji-2018/", HTTP_HOST=H).content.decode()
    assert 'lang="en"' in html
    assert "Kota Probolinggo" in html


def test_an_unpublished_or_unknown_showcase_is_404_for_everyone(world, client, client_for, scene):
    for who in (None, "admin_probolinggo", "ministry_admin"):
        c = client_for(world.users[who]) if who else client
        for url in ("/showcase/rahasia/", "/showcase/rahasia/agenda.ics", "/showcase/rahasia/widget/", "/showcase/x/"):
            response = c.get(url, HTTP_HOST=H)
            assert response.status_code == 404 and b"Showcase Rahasia" not in response.content


def test_the_calendar_parses_and_holds_the_published_slots_only(world, client, scene):
    response = client.get("/showcase/uji-2018/agenda.ics", HTTP_HOST=H)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any(s.startswith("Kota Probolinggo") for s in summaries)
    assert any(s.startswith("Sesi: ") for s in summaries)
    assert not any("Kota Denpasar" in s for s in summaries)
    published = Slot.objects.filter(version__showcase=scene["public"], version__number=1).exclude(kind="session")
    assert len([s for s in summaries if not s.startswith("Sesi: ")]) == published.count()
    assert {str(e["LOCATION"]).split(",")[0] for e in events} <= {"Balai Kartini", "Ruang Garuda"}
    assert calendar.walk("VTIMEZONE") and str(calendar.walk("VTIMEZONE")[0]["TZID"]) == "Asia/Makassar"
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_only_the_widget_may_be_framed(world, client, scene):
    widget = client.get("/showcase/uji-2018/widget/?lang=en", HTTP_HOST=H)
    assert widget.status_code == 200 and "X-Frame-Options" not in widget
    assert "frame-ancestors *" in widget["Content-Security-Policy"]
    assert widget["Content-Language"] == "en" and 'lang="en"' in widget.content.decode()
    page = client.get("/showcase/uji-2018/", HTTP_HOST=H)
    assert page["X-Frame-Options"] == "DENY" or "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_the_builder_offers_the_embed_snippet(world, client_for, scene):
    html = client_for(world.users["ministry_admin"]).get("/showcase/kelola/uji-2018/", HTTP_HOST=H).content.decode()
    assert "/static/showcase/embed.js" in html and "/showcase/uji-2018/widget/" in html


@pytest.mark.parametrize(("route", "pattern"), PUBLIC_ROUTES, ids=[r for r, _ in PUBLIC_ROUTES])
def test_no_public_showcase_url_shows_anything_unpublished(world, client, scene, route, pattern):
    for slug in ("uji-2018", "rahasia"):
        for code in ("35.74", "51.71"):
            url = concrete(route, {"slug": slug, "code": code})
            response = client.get(url, HTTP_HOST=H)
            assert response.status_code in (200, 302, 404), url
            body = response.content.decode(errors="replace")
            for secret in SECRETS:
                assert secret not in body, f"{url} shows {secret}"
            if slug == "rahasia":
                assert response.status_code != 200, url
