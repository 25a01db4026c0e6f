"""National comparisons: the previous period is the latest ranked one, publishing asks to
confirm, a missing period breaks a trend line, official ranks are shown beside computed ones."""

from decimal import Decimal

import pytest
from django.db import connection

from assessments.framework.models import RankingPublication, RegionSnapshot
from assessments.framework.services import import_published_results
from assessments.snapshots import refresh_region_snapshot
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX, P, fill


@pytest.fixture
def official(versions):
    """Official results: 2019 II for 35.13 only, 2021 II and 2024 II for the three regions."""
    import_published_results(
        actor=SYSTEM,
        filename="x.csv",
        content=(
            b"region_code,year,stage,overall,rank\n"
            b"35.13,2019,2,2.00,300\n"
            b"35.74,2021,2,2.50,120\n35.75,2021,2,3.00,80\n"
            b"35.74,2024,2,3.10,60\n35.75,2024,2,3.20,50\n35.13,2024,2,2.60,200\n"
        ),
    )


@pytest.fixture
def open_stage_one(official, cycle):
    """Kota Probolinggo's 2024 Tahap I cycle is still open: a provisional snapshot only."""
    fill(cycle, "3")
    refresh_region_snapshot()
    connection.set_schema_to_public()
    assert RegionSnapshot.objects.get(region_id="35.74", year=2024, stage=1).rank is None


def _ranking(client, **params):
    return client.get("/assessments/ranking/", {"period": "2024-2", **params}, HTTP_HOST=APEX)


def test_the_change_skips_a_period_with_only_open_cycles(world, client_for, open_stage_one):
    page = _ranking(client_for(world.users["ministry_analyst"]))
    assert page.context["previous"].key == "2021-2"
    changes = {r.snapshot.region_id: (r.change, r.previous_period.key) for r in page.context["rows"]}
    assert changes["35.74"] == (Decimal("0.600"), "2021-2")
    assert changes["35.75"] == (Decimal("0.200"), "2021-2")
    # A region without a 2021 result compares with its own latest ranked result, of 2019.
    assert changes["35.13"] == (Decimal("0.600"), "2019-2")
    assert "2019 Tahap II" in page.content.decode()


def test_the_api_names_the_latest_ranked_period_as_the_previous_one(world, client_for, open_stage_one):
    data = client_for(world.users["ministry_analyst"]).get("/api/v1/rankings/?period=2024-2", HTTP_HOST=APEX).json()
    assert data["previous_period"] == "2021-2"
    changes = {r["snapshot"]["region_code"]: r["change"] for r in data["results"]}
    assert Decimal(changes["35.74"]) == Decimal("0.6") and Decimal(changes["35.13"]) == Decimal("0.6")


def test_the_whole_ranking_for_exports_uses_the_same_comparison(world, client_for, open_stage_one):
    from assessments.framework import selectors

    listing = selectors.period_listing()
    period = selectors.Period(2024, 2)
    previous = selectors.previous_ranked_period(period, listing)
    assert previous == selectors.Period(2021, 2)
    assert selectors.previous_ranked_period(selectors.Period(2024, 1), listing) == previous
    rows = selectors.ranking(period=period, previous=previous)
    assert {r.snapshot.region_id: r.change for r in rows}["35.74"] == Decimal("0.600")


def _publish(client, period, **extra):
    return client.post(
        "/assessments/ranking/publish/", {"period": period, "action": "publish", **extra}, HTTP_HOST=APEX
    )


def test_publishing_shows_whom_it_covers_and_publishes_only_once_confirmed(world, admin, open_stage_one):
    from tenants.models import Workspace

    with_workspace = set(Workspace.objects.exclude(region=None).values_list("region_id", flat=True))
    ranking = _ranking(admin).content.decode()
    assert 'value="publish"' in ranking and 'name="confirm"' not in ranking
    page = _publish(admin, "2024-1")
    assert page.status_code == 200 and not RankingPublication.objects.exists()
    coverage = page.context["coverage"]
    assert (coverage.ranked, coverage.unranked, coverage.without_cycle) == (0, 1, len(with_workspace - {"35.74"}))
    page = _publish(admin, "2024-2")
    coverage = page.context["coverage"]
    assert (coverage.ranked, coverage.unranked) == (3, 0)
    assert coverage.without_cycle == len(with_workspace - {"35.74", "35.75", "35.13"})
    html = page.content.decode()
    assert "3 daerah berperingkat" in html and 'name="confirm" value="1"' in html
    assert not RankingPublication.objects.exists()
    _publish(admin, "2024-2", confirm="0")
    assert not RankingPublication.objects.exists()
    assert _publish(admin, "2024-2", confirm="1").status_code == 302
    assert RankingPublication.objects.get().year == 2024


def test_only_ministry_admins_reach_the_confirmation(world, client_for, open_stage_one):
    assert _publish(client_for(world.users["ministry_analyst"]), "2024-2").status_code == 404


def test_a_missing_value_breaks_the_trend_line():
    from assessments.framework import charts

    svg = str(
        charts.trend(
            periods=["a", "b", "c", "d", "e"],
            series=[("X", [Decimal(1), Decimal(2), None, Decimal(3), Decimal(4)]), ("Y", [None, 1, None, None, 2])],
            scale_max=Decimal(4),
            title="t",
        )
    )
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 6
    assert svg.count('class="gap"') == 1  # only "c" has no value at all
    assert charts.period_axis({(2019, 2), (2021, 1), (2021, 2)}) == [
        (2019, 2),
        (2020, 1),
        (2020, 2),
        (2021, 1),
        (2021, 2),
    ]


def test_a_year_without_evaluation_is_a_gap_in_the_comparison_trend(world, client_for, official):
    page = client_for(world.users["ministry_analyst"]).get(
        "/assessments/compare/?region=35.13&region=35.75", HTTP_HOST=APEX
    )
    svg = str(page.context["trend_svg"])
    labels = [f"{year} Tahap II" for year in range(2019, 2025)]
    assert all(label in svg for label in labels)
    # 35.13 (2019, 2024) and 35.75 (2021, 2024): no two of their results are neighbours.
    assert "<polyline" not in svg and svg.count("<circle") == 4
    assert svg.count('class="gap"') == 3  # 2020, 2022 and 2023


def test_the_workspace_trend_keeps_the_missing_years(world, client_for, official):
    svg = str(client_for(world.users["admin_probolinggo"]).get("/assessments/", HTTP_HOST=P).context["trend_svg"])
    assert "2022 Tahap II" in svg and "<polyline" not in svg


COMPUTED = "Peringkat di antara daerah dalam sistem"


def test_official_ranks_are_shown_beside_the_computed_rank(world, client_for, official):
    client = client_for(world.users["ministry_analyst"])
    ranking = _ranking(client).content.decode()
    assert COMPUTED in ranking and "Peringkat resmi" in ranking
    assert "<td>1</td><td>50</td>" in ranking and "<td>3</td><td>200</td>" in ranking
    export = _ranking(client, format="csv").content.decode("utf-8-sig").splitlines()
    assert export[0].split(",")[9] == "Peringkat resmi" and export[1].split(",")[9] == "50"
    compare = client.get("/assessments/compare/?region=35.13&region=35.75", HTTP_HOST=APEX).content.decode()
    assert COMPUTED in compare and "<td>3</td><td>200</td>" in compare and "<td>1</td><td>50</td>" in compare
    region = client.get("/regions/35.74/", HTTP_HOST=APEX).content.decode()
    assert COMPUTED in region and "<td>2</td><td>60</td>" in region
    home = client_for(world.users["admin_probolinggo"]).get("/assessments/", HTTP_HOST=P).content.decode()
    assert COMPUTED in home and "<td>2</td><td>60</td>" in home
