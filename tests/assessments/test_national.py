"""National pages and API (apex host): ministry staff only, constant queries, exports."""

import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from assessments.framework.models import RegionSnapshot
from assessments.framework.services import import_published_results, recompute_ranks
from tenants.access import SYSTEM
from tenants.models import Region
from tests.assessments.conftest import APEX

PAGES = [
    "/assessments/ranking/",
    "/assessments/compare/?region=35.74&region=35.75",
    "/frameworks/",
    "/api/v1/snapshots/",
    "/api/v1/rankings/",
]


@pytest.fixture
def results(versions):
    import_published_results(
        actor=SYSTEM,
        filename="x.csv",
        content=(
            b"region_code,year,stage,overall,rank,component:baseline,dimension:governance\n"
            b"35.74,2019,2,3.17,12,3.4,3.1\n35.74,2021,2,2.73,41,2.9,2.5\n"
            b"35.75,2019,2,2.95,20,3.0,2.9\n35.75,2021,2,3.05,30,3.2,3.3\n"
            b"35.13,2021,2,2.73,44,2.1,2.2\n"
        ),
    )


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "nobody"])
def test_only_ministry_staff_see_national_assessments(world, client_for, results, url, who):
    assert client_for(world.users[who]).get(url, HTTP_HOST=APEX).status_code == 404


@pytest.mark.parametrize("url", PAGES)
def test_ministry_analysts_read_every_national_page(world, client_for, results, url):
    assert client_for(world.users["ministry_analyst"]).get(url, HTTP_HOST=APEX).status_code == 200


@pytest.mark.parametrize(
    "url", ["/frameworks/import/", "/assessments/history/import/", "/frameworks/1/weights/", "/frameworks/1/copy/"]
)
def test_ministry_analysts_write_nothing(world, client_for, versions, url):
    assert client_for(world.users["ministry_analyst"]).post(url, {}, HTTP_HOST=APEX).status_code == 404


def test_the_ranking_shows_ties_change_and_the_rule(world, client_for, results):
    page = client_for(world.users["ministry_analyst"]).get("/assessments/ranking/", HTTP_HOST=APEX)
    rows = page.context["rows"]
    assert [(r.snapshot.region_id, r.snapshot.rank) for r in rows] == [("35.75", 1), ("35.13", 2), ("35.74", 2)]
    assert [str(r.change) for r in rows] == ["0.100", "None", "-0.440"]
    assert "1, 2, 2, 4" in page.content.decode()


def test_the_ranking_sorts_by_a_dimension_and_filters_by_province_and_kind(world, client_for, results):
    client = client_for(world.users["ministry_analyst"])
    page = client.get("/assessments/ranking/?sort=dimension:governance&desc=0", HTTP_HOST=APEX)
    assert [r.snapshot.region_id for r in page.context["rows"]] == ["35.13", "35.74", "35.75"]
    kota = client.get("/assessments/ranking/?kind=kota&province=35", HTTP_HOST=APEX)
    assert {r.snapshot.region_id for r in kota.context["rows"]} == {"35.74", "35.75"}
    older = client.get("/assessments/ranking/?period=2019-2", HTTP_HOST=APEX)
    assert [r.snapshot.region_id for r in older.context["rows"]] == ["35.74", "35.75"]


def test_the_ranking_page_runs_a_constant_number_of_queries(world, client_for, results, django_assert_max_num_queries):
    client = client_for(world.users["ministry_analyst"])
    client.get("/assessments/ranking/", HTTP_HOST=APEX)  # warm the host and label caches
    with django_assert_max_num_queries(5):
        small = client.get("/assessments/ranking/", HTTP_HOST=APEX)
    codes = list(Region.objects.exclude(code__in=["35.74", "35.75", "35.13"]).values_list("code", flat=True)[:200])
    RegionSnapshot.objects.bulk_create(
        [
            RegionSnapshot(region_id=c, year=2021, stage=2, source="imported", overall=n % 400 / 100)
            for n, c in enumerate(codes)
        ]
    )
    recompute_ranks(year=2021, stage=2)
    with django_assert_max_num_queries(5):
        big = client.get("/assessments/ranking/", HTTP_HOST=APEX)
    with django_assert_max_num_queries(5):
        client.get("/api/v1/rankings/?period=2021-2", HTTP_HOST=APEX)
    assert big.context["page"].count == small.context["page"].count + 200 and len(big.context["rows"]) == 50


def test_the_ranking_exports_csv_and_xlsx(world, client_for, results):
    client = client_for(world.users["ministry_analyst"])
    csv_text = client.get("/assessments/ranking/?format=csv", HTTP_HOST=APEX).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Peringkat nasional,Kode,Kabupaten/kota")  # names, not codes
    assert "35.75,Kota Pasuruan" in csv_text
    xlsx = client.get("/assessments/ranking/?format=xlsx", HTTP_HOST=APEX)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["B2"].value == "35.75" and sheet["G2"].value == pytest.approx(3.05)


def test_compare_draws_radar_bars_and_trend_from_one_chart_module(world, client_for, results):
    page = client_for(world.users["ministry_admin"]).get(
        "/assessments/compare/?region=35.74&region=35.75", HTTP_HOST=APEX
    )
    text = page.content.decode()
    assert text.count("<svg") == 3 and "Kota Probolinggo" in text
    export = client_for(world.users["ministry_admin"]).get(
        "/assessments/compare/?region=35.74&region=35.75&format=csv", HTTP_HOST=APEX
    )
    assert export.content.decode("utf-8-sig").count("\n") == 5  # header + 4 periods


def test_the_api_ranking_states_the_tie_rule_and_filters(world, client_for, results):
    data = client_for(world.users["ministry_analyst"]).get("/api/v1/rankings/?cohort=2018", HTTP_HOST=APEX).json()
    assert data["period"] == "2021-2" and data["previous_period"] == "2019-2" and "1, 2, 2, 4" in data["tie_rule"]
    assert [r["snapshot"]["region_code"] for r in data["results"]] == ["35.75", "35.74"]
    bad = client_for(world.users["ministry_analyst"]).get("/api/v1/snapshots/?period=kemarin", HTTP_HOST=APEX)
    assert bad.status_code == 400


def test_the_openapi_schema_documents_snapshots_and_rankings(world, client_for):
    schema = client_for(world.users["ministry_analyst"]).get("/api/v1/schema/", HTTP_HOST=APEX).content.decode()
    assert "/api/v1/snapshots/" in schema and "/api/v1/rankings/" in schema


def test_a_history_file_with_a_bad_number_is_refused_with_row_and_column(world, client_for, db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("h.csv", b"region_code,year,stage,overall\n35.74,2019,2,tiga\n")
    page = client_for(world.users["ministry_admin"]).post(
        "/assessments/history/import/", {"file": upload}, HTTP_HOST=APEX
    )
    assert page.status_code == 400 and "Baris 2, kolom overall" in page.content.decode()
    assert not RegionSnapshot.objects.exists()


def test_a_ministry_admin_imports_a_framework_yaml_and_sees_bad_weights_refused(world, client_for, version):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from assessments.framework.services import export_version_yaml

    client = client_for(world.users["ministry_admin"])
    text = export_version_yaml(version).replace("code: pedoman-2022", "code: pedoman-2026", 1)
    bad = re.sub(r"weight: '20(\.00)?'", "weight: '25'", text, count=1)
    r = client.post("/frameworks/import/", {"file": SimpleUploadedFile("f.yaml", bad.encode())}, HTTP_HOST=APEX)
    assert r.status_code == 400 and "100" in r.content.decode()
    ok = client.post("/frameworks/import/", {"file": SimpleUploadedFile("f.yaml", text.encode())}, HTTP_HOST=APEX)
    assert ok.status_code == 302


def test_the_ranking_page_shows_fifty_regions_a_page_and_exports_all(world, client_for, results):
    codes = list(Region.objects.exclude(code__in=["35.74", "35.75", "35.13"]).values_list("code", flat=True)[:60])
    RegionSnapshot.objects.bulk_create(
        [RegionSnapshot(region_id=c, year=2021, stage=2, source="imported", overall=1) for c in codes]
    )
    recompute_ranks(year=2021, stage=2)
    client = client_for(world.users["ministry_analyst"])
    first = client.get("/assessments/ranking/", HTTP_HOST=APEX)
    second = client.get("/assessments/ranking/?page=2", HTTP_HOST=APEX)
    assert len(first.context["page"]) == 50 and len(second.context["page"]) == 13
    assert "Halaman 2 dari 2 (63 wilayah)" in second.content.decode()
    export = client.get("/assessments/ranking/?format=csv", HTTP_HOST=APEX).content.decode("utf-8-sig")
    assert len(export.strip().splitlines()) == 64


@pytest.mark.parametrize(
    ("sort", "descending"),
    [("overall", True), ("overall", False), ("component:baseline", True), ("dimension:governance", False)],
)
def test_the_page_sorted_by_postgresql_matches_the_full_ranking(db, sort, descending):
    from assessments.framework import selectors

    codes = list(Region.objects.values_list("code", flat=True)[:120])
    RegionSnapshot.objects.bulk_create(
        [
            RegionSnapshot(
                region_id=c,
                year=2030,
                stage=1,
                source="imported",
                overall=Decimal(n % 7),
                components={"baseline": str(n % 5)} if n % 3 else {},
                dimensions={"governance": str(n % 4)},
            )
            for n, c in enumerate(codes)
        ]
    )
    recompute_ranks(year=2030, stage=1)
    period = selectors.Period(2030, 1)
    full = [
        r.snapshot.region_id for r in selectors.ranking(period=period, previous=None, sort=sort, descending=descending)
    ]
    paged = []
    for number in (1, 2, 3):
        page = selectors.ranking_page(period=period, previous=None, sort=sort, descending=descending, page=number)
        paged += [r.snapshot.region_id for r in page]
    assert paged == full and page.count == 120
