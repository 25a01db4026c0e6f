"""The national roll-up: snapshots from a workspace, providers, ranks, published history."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError
from django.db import connection

from assessments import rollup, services
from assessments.framework.models import PublishedResult, RankingPublication, RegionSnapshot
from assessments.framework.services import import_published_results, parse_indonesian_decimal
from assessments.snapshots import refresh_region_snapshot
from programs.national.models import MasterplanFigures
from tenants.access import SYSTEM
from tests.assessments.conftest import actor, fill


def _finalise(cycle, score):
    fill(cycle, score, verified=score)
    services.change_state(cycle=cycle, action="verify", actor=SYSTEM)
    services.change_state(cycle=cycle, action="finalize", actor=SYSTEM)


def test_a_final_cycle_becomes_a_ranked_snapshot_with_provider_figures(cycle, monkeypatch):
    monkeypatch.setattr(rollup, "_providers", [])
    rollup.register_snapshot_provider(
        lambda: {
            "masterplan_completeness": "62.5",
            "program_count": 14,
            "quick_win_count": 3,
            "budget_total": "1250000",
        }
    )
    fill(cycle, "3")
    refresh_region_snapshot()
    snap = RegionSnapshot.objects.get(region_id="35.74", year=2024, stage=1)
    assert (snap.source, snap.overall, snap.rank) == ("provisional", Decimal("3.000"), None)
    assert (snap.masterplan_completeness, snap.program_count, snap.budget_total) == (
        Decimal("62.5"),
        14,
        Decimal("1250000"),
    )
    _finalise_from_self_assessed(cycle)
    refresh_region_snapshot()
    snap.refresh_from_db()
    assert (snap.source, snap.rank) == ("computed", 1)
    assert snap.components["baseline"] == "3.00" and set(snap.dimensions) == {
        "governance", "branding", "economy", "living", "society", "environment",
    }  # fmt: skip


def _finalise_from_self_assessed(cycle):
    services.change_state(cycle=cycle, action="submit", actor=SYSTEM)
    for response in cycle.responses.all():
        services.save_verification(response=response, score=response.self_score, notes="", actor=SYSTEM)
    services.change_state(cycle=cycle, action="verify", actor=SYSTEM)
    services.change_state(cycle=cycle, action="finalize", actor=SYSTEM)


def test_ties_share_a_rank_and_the_next_rank_is_skipped(cycle, world, version):
    _finalise(cycle, "3")
    refresh_region_snapshot()
    connection.set_tenant(world.pasuruan)
    other = services.start_cycle(framework_version=version, year=2024, stage=1, actor=SYSTEM)
    _finalise(other, "3")
    refresh_region_snapshot()
    connection.set_schema_to_public()
    import_published_results(
        actor=SYSTEM, filename="x.csv", content=b"region_code,year,stage,overall\n35.13,2024,1,3.5\n33.72,2024,1,1\n"
    )
    ranks = dict(RegionSnapshot.objects.filter(year=2024, stage=1).values_list("region_id", "rank"))
    assert ranks == {"35.13": 1, "35.74": 2, "35.75": 2, "33.72": 4}


HISTORY = 'region_code;year;stage;overall;rank;component:baseline\n35.74;2019;2;3,17;12;"3,40"\n35.74;2021;2;2,73;41;\n'


def test_published_history_with_decimal_commas_is_imported_and_shown_as_imported(db):
    result = import_published_results(actor=SYSTEM, filename="riwayat.csv", content=HISTORY.encode())
    assert (result.created, result.updated) == (2, 0)
    assert list(PublishedResult.objects.filter(region_id="35.74").values_list("year", "overall")) == [
        (2019, Decimal("3.170")),
        (2021, Decimal("2.730")),
    ]
    snap = RegionSnapshot.objects.get(region_id="35.74", year=2019)
    assert (snap.source, snap.published_rank, snap.components) == ("imported", 12, {"baseline": "3.40"})


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("region_code,year,stage,overall\n35.74,2019,2,tiga\n", "Baris 2, kolom overall: “tiga” bukan angka"),
        ("region_code,year,stage,overall\n35.74,2019,2,3.1\n99.99,2019,2,3\n", "Baris 3, kolom region_code"),
        ("region_code,year,overall\n35.74,2019,3\n", "stage"),
        ("region_code,year,stage,overall\n35.74,2019,5,3\n", "tahap harus 1 atau 2"),
    ],
)
def test_a_bad_history_row_refuses_the_whole_file_with_row_and_column(db, content, message):
    with pytest.raises(ValidationError) as exc:
        import_published_results(actor=SYSTEM, filename="riwayat.csv", content=content.encode())
    assert any(message in m for m in exc.value.messages), exc.value.messages
    assert not PublishedResult.objects.exists()


def test_history_is_read_from_xlsx_too(db):
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["region_code", "year", "stage", "overall", "rank"])
    book.active.append(["35.74", 2019, 2, "3,17", 12])
    buffer = io.BytesIO()
    book.save(buffer)
    import_published_results(actor=SYSTEM, filename="riwayat.xlsx", content=buffer.getvalue())
    assert PublishedResult.objects.get(region_id="35.74").overall == Decimal("3.17")


def test_indonesian_numbers_are_read_and_words_refused():
    assert parse_indonesian_decimal("3,17") == Decimal("3.17")
    assert parse_indonesian_decimal("1.234,5") == Decimal("1234.5")
    with pytest.raises(ValueError):
        parse_indonesian_decimal("tiga")


def test_a_provisional_cycle_never_replaces_a_published_result(cycle):
    import_published_results(
        actor=SYSTEM, filename="x.csv", content=b"region_code,year,stage,overall\n35.74,2024,1,2.5\n"
    )
    fill(cycle, "4")
    refresh_region_snapshot()
    snap = RegionSnapshot.objects.get(region_id="35.74", year=2024, stage=1)
    assert (snap.source, snap.overall, snap.rank) == ("imported", Decimal("2.500"), 1)


def test_the_refresh_request_is_debounced_per_workspace(in_probolinggo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        assert rollup.request_snapshot_refresh() is True
        assert rollup.request_snapshot_refresh() is False
    assert len(callbacks) == 1


def test_the_demo_data_holds_both_versions_history_and_a_ranked_final_cycle(world):
    from assessments.demo import seed_demo_assessments

    seed_demo_assessments()
    seed_demo_assessments()  # idempotent
    history = dict(RegionSnapshot.objects.filter(region_id="35.74").values_list("year", "overall"))
    assert history == {2019: Decimal("3.170"), 2021: Decimal("2.730"), 2022: Decimal("2.930")}  # 2,925 rounded half-up
    assert RegionSnapshot.objects.get(region_id="35.74", year=2022).source == "computed"
    assert set(MasterplanFigures.objects.values_list("region_id", flat=True)) == {"35.74", "35.75"}
    assert RankingPublication.objects.filter(year=2021, stage=2).count() == 1


def test_the_rebuild_command_refreshes_every_workspace(cycle, world):
    from io import StringIO

    from django.core.management import call_command

    fill(cycle, "2")
    connection.set_schema_to_public()
    out = StringIO()
    call_command("rebuild_snapshots", stdout=out)
    assert "2 workspaces refreshed" in out.getvalue()
    assert RegionSnapshot.objects.get(region_id="35.74", year=2024).overall == Decimal("2.000")
    # Every workspace reports its masterplan, assessed or not (Kota Pasuruan has no cycle).
    assert set(MasterplanFigures.objects.values_list("region_id", flat=True)) == {"35.74", "35.75"}
    with pytest.raises(CommandError, match="No workspace for region 99.99"):
        call_command("rebuild_snapshots", region="99.99")


def test_a_reopened_cycle_gives_its_period_back_to_the_published_result(cycle, world):
    import_published_results(
        actor=SYSTEM, filename="x.csv", content=b"region_code,year,stage,overall,rank\n35.74,2024,1,2.5,7\n"
    )
    _finalise(cycle, "4")
    refresh_region_snapshot()
    snap = RegionSnapshot.objects.get(region_id="35.74", year=2024, stage=1)
    assert (snap.source, snap.overall, snap.published_rank) == ("computed", Decimal("4.000"), 7)
    services.change_state(cycle=cycle, action="reopen", actor=actor(world, "ministry_admin"), reason="Koreksi")
    refresh_region_snapshot()
    snap = RegionSnapshot.objects.get(region_id="35.74", year=2024, stage=1)
    assert (snap.source, snap.overall, snap.rank) == ("imported", Decimal("2.500"), 1)
