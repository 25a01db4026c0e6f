"""The deck pages, downloads and API: ministry admins build and edit the template, analysts
read and download, region users, facilitators and anonymous visitors get nothing; bad input
answers 400 (API) or a message (page), never a 500."""

import pytest

from showcase.decks import building, services
from showcase.decks.models import DeckBuild, DeckTemplate
from tenants.access import SYSTEM
from tests.showcase import factories
from tests.showcase.samples_decks import submit
from tests.showcase.samples_regional import image_bytes, upload

APEX = "sc100.test"
OUTSIDERS = ["admin_probolinggo", "head_probolinggo", "facilitator_current", "nobody"]


@pytest.fixture
def built(world):
    showcase = factories.published()
    submit(showcase, "35.74", quick_win="e-Sambat")
    build = building.run_build(services.request_deck(actor=SYSTEM, showcase=showcase, region_code="35.74").pk)
    return showcase, build


def urls(showcase, build) -> list[str]:
    base = f"/showcase/kelola/{showcase.slug}/deck/"
    return [
        base,
        f"{base}{build.pk}/",
        f"{base}{build.pk}/pptx/",
        f"{base}{build.pk}/pdf/",
        f"{base}templat/",
        f"/api/v1/showcase/showcases/{showcase.slug}/decks/",
        f"/api/v1/showcase/showcases/{showcase.slug}/decks/{build.pk}/",
        f"/api/v1/showcase/showcases/{showcase.slug}/decks/{build.pk}/pdf/",
    ]


def test_the_deck_page_lists_regions_with_status_data_time_and_downloads(built, client_for, world):
    showcase, build = built
    client = client_for(world.users["ministry_admin"])
    page = client.get(f"/showcase/kelola/{showcase.slug}/deck/", HTTP_HOST=APEX)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Kota Probolinggo" in html and "Kota Pasuruan" in html and "belum ada kiriman" in html
    assert f"/deck/{build.pk}/pptx/" in html and f"/deck/{build.pk}/pdf/" in html
    assert "Bangun ulang" in html and "Semua deck" in html
    row = next(r for r in page.context["rows"] if r.region.code == "35.74")
    assert row.data_taken_at == build.data_taken_at and not row.is_stale


def test_the_deck_page_takes_a_fixed_number_of_queries(built, client_for, world, django_assert_max_num_queries):
    showcase, _build = built
    client = client_for(world.users["ministry_analyst"])
    client.get(f"/showcase/kelola/{showcase.slug}/deck/", HTTP_HOST=APEX)
    with django_assert_max_num_queries(14):
        client.get(f"/showcase/kelola/{showcase.slug}/deck/", HTTP_HOST=APEX)


def test_analysts_read_and_download_but_do_not_build(built, client_for, world):
    showcase, build = built
    client = client_for(world.users["ministry_analyst"])
    page = client.get(f"/showcase/kelola/{showcase.slug}/deck/", HTTP_HOST=APEX).content.decode()
    assert "Bangun ulang" not in page and "Ubah templat" not in page
    download = client.get(f"/showcase/kelola/{showcase.slug}/deck/{build.pk}/pptx/", HTTP_HOST=APEX)
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert download["Content-Disposition"].endswith('.pptx"')
    assert b"".join(download.streaming_content).startswith(b"PK")
    build_url = f"/showcase/kelola/{showcase.slug}/deck/bangun/"
    assert client.post(build_url, {"region": "35.74"}, HTTP_HOST=APEX).status_code == 404
    assert client.get(f"/showcase/kelola/{showcase.slug}/deck/templat/", HTTP_HOST=APEX).status_code == 404


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_on_every_deck_page_download_and_endpoint(built, client_for, world, who):
    showcase, build = built
    client = client_for(world.users[who])
    for url in urls(showcase, build):
        assert client.get(url, HTTP_HOST=APEX).status_code == 404, url
    assert client.post(f"/showcase/kelola/{showcase.slug}/deck/bangun/", HTTP_HOST=APEX).status_code == 404
    api = f"/api/v1/showcase/showcases/{showcase.slug}/decks/"
    assert client.post(api, {}, content_type="application/json", HTTP_HOST=APEX).status_code == 404
    assert DeckBuild.objects.filter(showcase=showcase).count() == 1


def test_anonymous_visitors_get_nothing(built, client):
    showcase, build = built
    for url in urls(showcase, build):
        response = client.get(url, HTTP_HOST=APEX)
        if url.startswith("/api/"):
            assert response.status_code in (401, 403), url
        else:
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_an_admin_asks_for_a_region_and_all_decks_and_follows_the_job(built, client_for, world):
    showcase, _build = built
    client = client_for(world.users["ministry_admin"])
    response = client.post(f"/showcase/kelola/{showcase.slug}/deck/bangun/", {"region": "35.74"}, HTTP_HOST=APEX)
    job = DeckBuild.objects.filter(showcase=showcase, status="queued").get()
    assert response["Location"] == f"/showcase/kelola/{showcase.slug}/deck/{job.pk}/"
    polled = client.get(response["Location"], HTTP_HOST=APEX, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" in polled and "0/1" in polled
    again = client.post(f"/showcase/kelola/{showcase.slug}/deck/bangun/", {"region": "35.74"}, HTTP_HOST=APEX)
    assert again["Location"] == response["Location"]  # one active job per region
    everything = client.post(f"/showcase/kelola/{showcase.slug}/deck/bangun/", HTTP_HOST=APEX)
    assert DeckBuild.objects.get(showcase=showcase, region=None).pk == int(everything["Location"].split("/")[-2])
    for bad in ("51.71", "x" * 300, "\x00"):
        refused = client.post(f"/showcase/kelola/{showcase.slug}/deck/bangun/", {"region": bad}, HTTP_HOST=APEX)
        assert refused.status_code == 302 and refused["Location"].endswith("/deck/")
    building.run_build(job.pk)
    done = client.get(f"/showcase/kelola/{showcase.slug}/deck/{job.pk}/", HTTP_HOST=APEX).content.decode()
    assert "hx-trigger" not in done and "Unduh PPTX" in done and "Data diambil" in done


def test_the_template_editor_saves_colours_order_and_logo(built, client_for, world):
    showcase, _build = built
    client = client_for(world.users["ministry_admin"])
    url = f"/showcase/kelola/{showcase.slug}/deck/templat/"
    assert client.get(url, HTTP_HOST=APEX).status_code == 200
    form = {
        "name": "Templat 2018",
        "primary_colour": "#123456",
        "accent_colour": "#f2a900",
        "text_colour": "#1f2933",
        "background_colour": "#ffffff",
        "title_size": 36,
        "body_size": 16,
        "show_index": "on",
        "position_index": 1,
        "show_vision": "on",
        "position_vision": 2,
        "position_dimensions": 3,
        "position_quick_wins": 4,
        "position_roadmap": 5,
        "logo_file": upload("logo.png", image_bytes()),
    }
    assert client.post(url, form, HTTP_HOST=APEX).status_code == 302
    template = DeckTemplate.objects.get()
    assert template.primary_colour == "#123456" and template.slide_order == ["title", "index", "vision", "closing"]
    assert template.logo
    page = client.get(f"/showcase/kelola/{showcase.slug}/deck/", HTTP_HOST=APEX)
    assert next(r for r in page.context["rows"] if r.region.code == "35.74").is_stale  # built with the old template
    bad = {**form, "primary_colour": "merah", "logo_file": upload("logo.png", b"not an image at all")}
    refused = client.post(url, bad, HTTP_HOST=APEX)
    assert refused.status_code == 400 and "heksadesimal" in refused.content.decode()
    refused = client.post(url, {**form, "logo_file": upload("logo.png", b"GIF89a not ours")}, HTTP_HOST=APEX)
    assert refused.status_code == 400 and "bukan gambar JPEG atau PNG" in refused.content.decode()


def test_the_api_lists_creates_and_shows_deck_builds_with_download_links(built, client_for, world):
    showcase, build = built
    api = f"/api/v1/showcase/showcases/{showcase.slug}/decks/"
    admin = client_for(world.users["ministry_admin"])
    listed = admin.get(api, HTTP_HOST=APEX).json()
    assert listed["results"][0]["id"] == build.pk and listed["results"][0]["region"] == "35.74"
    detail = admin.get(f"{api}{build.pk}/", HTTP_HOST=APEX).json()
    assert detail["status"] == "done" and set(detail["files"]) == {"pptx", "pdf"}
    assert admin.get(detail["files"]["pdf"], HTTP_HOST=APEX).status_code == 200
    created = admin.post(api, {"region": "35.75"}, content_type="application/json", HTTP_HOST=APEX)
    assert created.status_code == 202 and created.json()["status"] == "queued" and created.json()["files"] == {}
    every = admin.post(api, {}, content_type="application/json", HTTP_HOST=APEX)
    assert every.status_code == 202 and every.json()["region"] is None
    for bad in ({"region": "51.71"}, {"region": "bukan kode"}, {"region": {"code": "35.74"}}, {"region": ["35.74"]}):
        refused = admin.post(api, bad, content_type="application/json", HTTP_HOST=APEX)
        assert refused.status_code == 400 and "region" in refused.json(), bad
    assert admin.get(f"{api}{build.pk}/docx/", HTTP_HOST=APEX).status_code == 404
    analyst = client_for(world.users["ministry_analyst"])
    assert analyst.get(api, HTTP_HOST=APEX).status_code == 200
    refused = analyst.post(api, {"region": "35.74"}, content_type="application/json", HTTP_HOST=APEX)
    assert refused.status_code in (403, 404)


def test_a_build_of_another_showcase_is_not_found_under_this_one(built, client_for, world):
    showcase, build = built
    other = factories.showcase(slug="lain-2018")
    client = client_for(world.users["ministry_admin"])
    assert client.get(f"/showcase/kelola/{other.slug}/deck/{build.pk}/pdf/", HTTP_HOST=APEX).status_code == 404
    api = f"/api/v1/showcase/showcases/{other.slug}/decks/{build.pk}/"
    assert client.get(api, HTTP_HOST=APEX).status_code == 404
