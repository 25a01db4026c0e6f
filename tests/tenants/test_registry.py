"""The registry of 514 kabupaten/kota: data, slugs, loading, national pages."""

import csv
from pathlib import Path

import pytest
from django.core.management import call_command

from tenants.models import Province, Region
from tenants.services import load_regions, region_slug

DATA = Path(__file__).resolve().parents[2] / "tenants" / "data"


def test_registry_has_all_514_regions_in_38_provinces(db):
    assert Province.objects.count() == 38
    assert Region.objects.count() == 514
    assert Region.objects.filter(kind=Region.Kind.KABUPATEN).count() == 416
    assert Region.objects.filter(kind=Region.Kind.KOTA).count() == 98
    probolinggo = Region.objects.get(code="35.74")
    assert (probolinggo.name, probolinggo.province.name, probolinggo.slug) == (
        "Kota Probolinggo",
        "Jawa Timur",
        "kota-probolinggo",
    )


def test_slugs_are_unique_valid_dns_labels_over_all_514(db):
    slugs = list(Region.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 514
    for slug in slugs:
        assert 0 < len(slug) <= 63 and slug == slug.lower() and not slug.startswith("-") and not slug.endswith("-")
        assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


def test_slugs_derive_from_official_names_without_collisions():
    with open(DATA / "regencies.csv", encoding="utf-8") as f:
        names = [row["name"] for row in csv.DictReader(f)]
    derived = [region_slug(n) for n in names]
    assert len(set(derived)) == len(names), "two official names slugify alike; load_regions would suffix one"
    assert region_slug("Kabupaten Administrasi Kepulauan Seribu") == "kabupaten-administrasi-kepulauan-seribu"


def test_load_regions_is_idempotent_and_keeps_slugs_stable(db):
    Region.objects.filter(code="35.74").update(name="Kota Probolinggo (lama)")
    result = load_regions()
    assert (result.provinces_created, result.regions_created, result.regions_updated) == (0, 0, 1)
    region = Region.objects.get(code="35.74")
    assert region.name == "Kota Probolinggo" and region.slug == "kota-probolinggo"
    assert load_regions().regions_updated == 0


def test_load_regions_command_reports_counts(db, capsys):
    call_command("load_regions")
    assert "regions created: 0" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("query", "expected_codes"),
    [
        ("q=Probolinggo", {"35.13", "35.74"}),
        ("province=35&kind=kota", {"35.71", "35.72", "35.73", "35.74", "35.75", "35.76", "35.77", "35.78", "35.79"}),
        ("cohort=2018", {"35.74", "35.75"}),
        ("participation=yes", {"35.74", "35.75"}),
    ],
)
def test_registry_filters(world, client_for, query, expected_codes):
    response = client_for(world.users["ministry_analyst"]).get(f"/?{query}", HTTP_HOST="sc100.test")
    assert response.status_code == 200
    assert {r.code for r in response.context["page"]} == expected_codes


def test_registry_counts_participation_no(world, client_for):
    response = client_for(world.users["ministry_analyst"]).get("/?participation=no", HTTP_HOST="sc100.test")
    assert response.context["total"] == 512


def test_registry_htmx_request_gets_only_the_table(world, client_for):
    response = client_for(world.users["ministry_analyst"]).get(
        "/?q=Pasuruan", HTTP_HOST="sc100.test", HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "<html" not in body and "Kota Pasuruan" in body


def test_registry_page_uses_constant_queries(world, client_for, django_assert_max_num_queries):
    client = client_for(world.users["ministry_analyst"])
    client.get("/", HTTP_HOST="sc100.test")
    with django_assert_max_num_queries(8):
        response = client.get("/?participation=yes", HTTP_HOST="sc100.test")
    assert response.status_code == 200


def test_region_page_shows_code_province_cohort_and_workspace_link(world, client_for):
    response = client_for(world.users["ministry_analyst"]).get("/regions/35.74/", HTTP_HOST="sc100.test")
    body = response.content.decode()
    assert response.status_code == 200
    for text in ("35.74", "Jawa Timur", ">2018</a>", "8 Mei 2018", "kota-probolinggo.sc100.test"):
        assert text in body
    assert "2.018" not in body  # a year is not a number with a thousands separator


def test_unknown_region_code_is_a_404(world, client_for):
    client = client_for(world.users["ministry_analyst"])
    assert client.get("/regions/99.99/", HTTP_HOST="sc100.test").status_code == 404
    assert client.get("/regions/abc/", HTTP_HOST="sc100.test").status_code == 404


def test_anonymous_is_sent_to_login_from_the_registry(db, client):
    response = client.get("/", HTTP_HOST="sc100.test")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_registry_api_filters_and_paginates(world, client_for):
    client = client_for(world.users["ministry_analyst"])
    data = client.get("/api/v1/regions/?province=35&kind=kota&participating=true", HTTP_HOST="sc100.test").json()
    assert data["count"] == 2
    assert [r["code"] for r in data["results"]] == ["35.74", "35.75"]
    assert data["results"][0]["has_workspace"] is True
    assert client.get("/api/v1/regions/35.74/", HTTP_HOST="sc100.test").json()["slug"] == "kota-probolinggo"
    assert client.get("/api/v1/regions/?kind=desa", HTTP_HOST="sc100.test").status_code == 400
