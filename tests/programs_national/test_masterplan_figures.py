"""Every participating region's masterplan reaches the national layer, assessed or not:
``MasterplanFigures`` (``programs.national``) written by the workspace's refresh, the
overview page, the region page, the exports and the API; the model moved without its table."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from openpyxl import load_workbook

from assessments.framework.models import RegionSnapshot
from assessments.snapshots import refresh_region_snapshot
from programs.models import FundingSource
from programs.national.models import MasterplanFigures
from tests.programs import factories

APEX = "sc100.test"


@pytest.fixture
def reported(world):
    """Kota Probolinggo with two programs (one a quick win) has reported its figures."""
    connection.set_tenant(world.probolinggo)
    apbd = FundingSource.objects.get(code="apbd")
    factories.program(world, funding=[{"source": apbd, "year": 2025, "amount": Decimal("250000000")}])
    factories.program(
        world,
        title="Pasar Digital",
        is_quick_win=True,
        funding=[{"source": apbd, "year": 2026, "amount": Decimal("50000000")}],
    )
    refresh_region_snapshot()
    connection.set_schema_to_public()
    return MasterplanFigures.objects.get(region_id="35.74")


def test_a_workspace_without_assessments_reports_its_masterplan(reported):
    assert (reported.status, reported.revision) == ("draft", 1)
    assert (reported.program_count, reported.quick_win_count) == (2, 1)
    assert reported.budget_total == Decimal("300000000")
    assert Decimal(0) < reported.masterplan_completeness < Decimal(100)
    assert not RegionSnapshot.objects.filter(region_id="35.74").exists()  # no period: no snapshot row


def test_the_model_moved_to_programs_national_keeping_its_table_and_rows(db):
    from django.core.management import call_command

    assert MasterplanFigures._meta.app_label == "masterplans"
    assert MasterplanFigures._meta.db_table == "framework_masterplanfigures"
    for args in (["masterplans", "0001"], ["framework", "0005"], ["--backwards", "framework", "0005"]):
        out = io.StringIO()
        call_command("sqlmigrate", *args, stdout=out)
        statements = [line for line in out.getvalue().splitlines() if line and not line.startswith("--")]
        assert statements == ["BEGIN;", "COMMIT;"], args  # state only: no statement touches the table


def _analyst(world, client_for):
    return client_for(world.users["ministry_analyst"])


def test_the_overview_lists_every_workspace_with_its_figures_and_totals(reported, world, client_for):
    response = _analyst(world, client_for).get("/masterplans/", HTTP_HOST=APEX)
    assert response.status_code == 200
    page = response.content.decode()
    regions = [r.code for r in response.context["page"]]
    assert regions == ["35.74", "35.75"]  # by completeness, the region without figures last
    assert "Rp 300.000.000" in page and "Belum ada angka" in page
    totals = response.context["totals"]
    assert (totals["regions"], totals["programs"], totals["quick_wins"]) == (2, 2, 1)
    assert ("draft", "Draf", 1) in totals["statuses"]


def test_the_overview_filters_and_sorts_in_the_database(reported, world, client_for):
    client = _analyst(world, client_for)
    response = client.get("/masterplans/?status=published", HTTP_HOST=APEX)
    assert list(response.context["page"]) == []
    assert "Tidak ada wilayah yang cocok" in response.content.decode()
    response = client.get("/masterplans/?sort=name&desc=0", HTTP_HOST=APEX)
    assert [r.name for r in response.context["page"]] == ["Kota Pasuruan", "Kota Probolinggo"]
    response = client.get("/masterplans/?province=35&kind=kota&cohort=&sort=programs", HTTP_HOST=APEX)
    assert [r.code for r in response.context["page"]][0] == "35.74"
    # A tampered filter is ignored, never a crash.
    assert client.get("/masterplans/?status=x&cohort=abc&sort=drop&page=-3", HTTP_HOST=APEX).status_code == 200


def test_the_overview_costs_the_same_queries_for_more_regions(reported, world, client_for, django_assert_num_queries):
    client = _analyst(world, client_for)
    client.get("/masterplans/", HTTP_HOST=APEX)  # warm the session and filter caches
    with django_assert_num_queries(5):  # session, user, count, page, totals
        client.get("/masterplans/", HTTP_HOST=APEX)
    MasterplanFigures.objects.create(region_id="35.75", program_count=7, budget_total=Decimal("1"))
    with django_assert_num_queries(5):
        response = client.get("/masterplans/", HTTP_HOST=APEX)
    assert response.context["totals"]["programs"] == 9


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_overview_exports_every_row(reported, world, client_for, fmt):
    response = _analyst(world, client_for).get(f"/masterplans/?format={fmt}&sort=name&desc=0", HTTP_HOST=APEX)
    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        rows = [
            [("" if v is None else v) for v in r] for r in load_workbook(io.BytesIO(response.content)).active.values
        ]
    assert rows[0][:6] == ["Kode", "Kabupaten/kota", "Provinsi", "Jenis", "Angkatan", "Status masterplan"]
    by_code = {r[0]: r for r in rows[1:]}
    assert set(by_code) == {"35.74", "35.75"}
    assert str(by_code["35.74"][8]) == "2" and by_code["35.75"][5] == ""


def test_the_region_page_shows_figures_and_assessments_to_ministry_staff_only(reported, world, client_for):
    page = _analyst(world, client_for).get("/regions/35.74/", HTTP_HOST=APEX).content.decode()
    assert 'id="masterplan-figures"' in page and "Rp 300.000.000" in page
    own = client_for(world.users["admin_probolinggo"]).get("/regions/35.74/", HTTP_HOST=APEX).content.decode()
    assert 'id="masterplan-figures"' not in own and "300.000.000" not in own


def test_the_api_lists_figures_with_filters(reported, world, client_for):
    client = _analyst(world, client_for)
    body = client.get("/api/v1/masterplans/?status=draft", HTTP_HOST=APEX).json()
    assert [r["region_code"] for r in body["results"]] == ["35.74"]
    assert body["results"][0]["budget_total"] == "300000000.00"
    assert client.get("/api/v1/masterplans/?status=nonsense", HTTP_HOST=APEX).status_code == 400


@pytest.mark.parametrize("url", ["/masterplans/", "/masterplans/?format=csv", "/api/v1/masterplans/"])
@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "facilitator_expired", "nobody"])
def test_only_ministry_staff_see_the_masterplans_of_every_region(reported, world, client_for, url, who):
    assert client_for(world.users[who]).get(url, HTTP_HOST=APEX).status_code == 404


def test_the_overview_draws_each_status_with_its_own_badge(reported, world, client_for):
    """The national overview loads the masterplan stylesheet (the apex head slot) and gives
    each status the badge the workspace pages use."""
    body = _analyst(world, client_for).get("/masterplans/", HTTP_HOST=APEX).content.decode()
    assert "programs/masterplan.css" in body
    assert 'class="badge masterplan-' in body
