"""The ministry publishes a period's national ranking; then every workspace's members read
it in their own workspace (ranks and indexes only). Unpublished periods stay national."""

import pytest
from django.db import connection

from assessments.framework.models import RankingPublication
from assessments.framework.services import import_published_results
from tenants.access import SYSTEM
from tests.assessments.conftest import APEX, P


@pytest.fixture
def results(versions):
    import_published_results(
        actor=SYSTEM,
        filename="x.csv",
        content=(
            b"region_code,year,stage,overall,rank\n"
            b"35.74,2021,2,2.73,41\n35.75,2021,2,3.05,30\n35.13,2021,2,2.10,44\n35.74,2019,2,3.17,12\n"
        ),
    )


def _publish(client, period="2021-2", action="publish"):
    return client.post(
        "/assessments/ranking/publish/", {"period": period, "action": action, "confirm": "1"}, HTTP_HOST=APEX
    )


def test_a_published_ranking_is_read_in_every_workspace(world, client_for, results):
    member = client_for(world.users["viewer_probolinggo"])
    assert member.get("/assessments/peringkat/2021-2/", HTTP_HOST=P).status_code == 404
    assert "published-rankings" not in member.get("/assessments/", HTTP_HOST=P).content.decode()

    admin = client_for(world.users["ministry_admin"])
    response = _publish(admin)
    assert response.status_code == 302 and response["Location"].endswith("?period=2021-2")
    assert RankingPublication.objects.get().published_by == world.users["ministry_admin"]
    assert "Diterbitkan ke semua ruang kerja" in admin.get(response["Location"], HTTP_HOST=APEX).content.decode()

    home = member.get("/assessments/", HTTP_HOST=P).content.decode()
    assert 'href="/assessments/peringkat/2021-2/"' in home
    page = member.get("/assessments/peringkat/2021-2/", HTTP_HOST=P)
    assert page.status_code == 200
    assert [(r.snapshot.region_id, r.snapshot.rank) for r in page.context["rows"]] == [
        ("35.75", 1),
        ("35.74", 2),
        ("35.13", 3),
    ]
    text = page.content.decode()
    assert 'id="own-region"' in text and "Kota Pasuruan" in text
    # Only the published period: 2019 stays national.
    assert member.get("/assessments/peringkat/2019-2/", HTTP_HOST=P).status_code == 404
    # Another region's members read the same ranking in their own workspace.
    other = client_for(world.users["admin_pasuruan"]).get(
        "/assessments/peringkat/2021-2/", HTTP_HOST="kota-pasuruan.sc100.test"
    )
    assert other.status_code == 200 and other.context["own_code"] == "35.75"


def test_withdrawing_hides_it_again_at_once(world, client_for, results):
    admin = client_for(world.users["ministry_admin"])
    member = client_for(world.users["viewer_probolinggo"])
    _publish(admin)
    assert member.get("/assessments/peringkat/2021-2/", HTTP_HOST=P).status_code == 200
    _publish(admin, action="withdraw")
    assert member.get("/assessments/peringkat/2021-2/", HTTP_HOST=P).status_code == 404
    assert not RankingPublication.objects.exists()


def test_a_period_without_ranks_or_a_bad_period_cannot_be_published(world, client_for, results):
    admin = client_for(world.users["ministry_admin"])
    page = admin.get(_publish(admin, period="2030-1")["Location"], HTTP_HOST=APEX).content.decode()
    assert "belum punya peringkat" in page
    assert _publish(admin, period="kemarin").status_code == 302
    assert not RankingPublication.objects.exists()


@pytest.mark.parametrize("who", ["ministry_analyst", "admin_probolinggo", "nobody"])
def test_only_ministry_admins_publish(world, client_for, results, who):
    assert _publish(client_for(world.users[who])).status_code == 404
    assert not RankingPublication.objects.exists()


@pytest.mark.parametrize("who", ["admin_pasuruan", "facilitator_expired", "nobody"])
def test_outsiders_of_a_workspace_never_read_its_published_ranking_page(world, client_for, results, who):
    _publish(client_for(world.users["ministry_admin"]))
    assert client_for(world.users[who]).get("/assessments/peringkat/2021-2/", HTTP_HOST=P).status_code == 404


def test_the_ranking_page_still_runs_five_queries_with_the_publication(
    world, client_for, results, django_assert_max_num_queries
):
    client = client_for(world.users["ministry_admin"])
    _publish(client)
    client.get("/assessments/ranking/", HTTP_HOST=APEX)
    with django_assert_max_num_queries(5):
        client.get("/assessments/ranking/", HTTP_HOST=APEX)
    connection.set_schema_to_public()
