"""Version pages: the solver's status told plainly (optimal, best found within the time limit,
infeasible with its conflicts in words), objective against bound, the workload chart, what got
worse, each workshop's reasons; the comparison of two versions grouped by region; confirming
the latest version (statuses, access windows, each person e-mailed only their own changes)."""

from datetime import date, timedelta

import pytest
from django.core import mail

from programs.scheduling import notify, services
from programs.scheduling.models import AccessWindow, PlanVersion, Workshop
from tenants.models import Membership
from tests.scheduling import factories as f

H = "sc100.test"


def _get(client, url):
    return client.get(url, HTTP_HOST=H)


def _post(client, url, data=None, **extra):
    return client.post(url, data or {}, HTTP_HOST=H, **extra)


def _version(plan, **fields) -> PlanVersion:
    return services.record_version(plan=plan, kind=PlanVersion.Kind.PROPOSAL, user=None, **fields)


@pytest.fixture
def people(world):
    return {
        "ani": f.facilitator("ani@ugm.example.id", full_name="Ani Wijaya"),
        "budi": f.facilitator("budi@ui.example.id", province="33", full_name="Budi Santoso"),
    }


@pytest.fixture
def placed(world, people):
    """A 2018 plan: Ani leads Probolinggo's four stages, Budi Pasuruan's."""
    plan = f.plan(created_by=world.users["ministry_admin"])
    for w in plan.workshops.all():
        lead = people["ani"] if w.region_id == "35.74" else people["budi"]
        f.place(w, date(2018, 6, 4) + timedelta(days=28 * (w.stage - 1) + 7 * (w.region_id == "35.75")), lead)
    return plan


def test_an_infeasible_version_lists_its_conflicts_and_cannot_be_confirmed(world, client_for, placed):
    sentence = (
        "Bimtek IV Kota Probolinggo tidak muat: jarak minimal 21 hari setelah Bimtek III dan akhir jendela "
        "31 Okt 2018 hanya menyisakan 4 hari."
    )
    version = _version(placed, solver_status="infeasible", conflicts=[sentence])
    client = client_for(world.users["ministry_admin"])
    page = _get(client, f"/jadwal/{placed.pk}/versi/{version.number}/").content.decode()
    assert 'id="conflicts"' in page and sentence in page
    assert "Tidak ada rencana yang layak" in page
    assert "Konfirmasi versi ini" not in page
    response = _post(client, f"/jadwal/{placed.pk}/versi/{version.number}/konfirmasi/", follow=True)
    assert response.status_code == 200
    assert "Versi tanpa rencana yang layak tidak dapat dikonfirmasi." in response.content.decode()
    assert not placed.workshops.filter(status=Workshop.Status.CONFIRMED).exists()


def test_a_version_explains_itself(world, client_for, placed, people):
    first = _version(placed, solver_status="optimal", objective=80, bound=80)
    pid = placed.workshops.get(region_id="35.74", stage=2).pk
    second = _version(
        placed,
        solver_status="feasible",
        objective=120.0,
        bound=100.0,
        moved=3,
        reasons={str(pid): ["Tepat 21 hari setelah Bimtek I (4 Jun 2018), jarak minimal antartahap."]},
        stats={
            "workload": {str(people["ani"].pk): 6, str(people["budi"].pk): 2},
            "names": {str(people["ani"].pk): "Ani Wijaya", str(people["budi"].pk): "Budi Santoso"},
            "spread": 4,
            "max_load": 6,
            "min_load": 2,
            "travel_days": 17,
            "worse": ["Total hari perjalanan naik dari 12 menjadi 17."],
        },
    )
    client = client_for(world.users["ministry_analyst"])
    response = _get(client, f"/jadwal/{placed.pk}/versi/{second.number}/")
    page = response.content.decode()
    assert "Terbaik dalam batas waktu" in page and "belum terbukti optimal" in page
    assert "120" in page and "batas bawah solver 100" in page and response.context["gap"] == 16.7
    assert 'id="moved">3<' in page and "17" in page
    assert "Total hari perjalanan naik dari 12 menjadi 17." in page
    bars = response.context["bars"]
    assert [(b["name"], b["count"], b["width"]) for b in bars] == [("Ani Wijaya", 6, 100), ("Budi Santoso", 2, 33)]
    assert 'style="width:33%"' in page
    assert "Tepat 21 hari setelah Bimtek I" in page and "Bimtek II Kota Probolinggo" in page
    assert "4–5 Jun 2018" in page
    assert f"?a={first.number}&amp;b={second.number}" in page
    assert "Konfirmasi versi ini" not in page  # the analyst reads only
    old = _get(client_for(world.users["ministry_admin"]), f"/jadwal/{placed.pk}/versi/{first.number}/")
    assert "Konfirmasi versi ini" not in old.content.decode() and not old.context["is_latest"]
    assert "Optimal" in old.content.decode()
    assert _get(client, f"/jadwal/{placed.pk}/versi/99/").status_code == 404


def test_a_version_of_another_plan_is_not_found_under_this_one(world, client_for, placed):
    other = f.plan(year=2019, regions=("11.71",))
    _version(other, solver_status="optimal")
    client = client_for(world.users["ministry_admin"])
    assert _get(client, f"/jadwal/{placed.pk}/versi/1/").status_code == 404
    assert _post(client, f"/jadwal/{placed.pk}/versi/1/konfirmasi/").status_code == 404


def test_two_versions_compare_as_a_list_of_changes_grouped_by_region(world, client_for, placed, people):
    first = _version(placed, solver_status="optimal")
    w = placed.workshops.get(region_id="35.74", stage=3)
    f.place(w, date(2018, 7, 23), people["budi"])
    p4 = placed.workshops.get(region_id="35.75", stage=4)
    p4.venue = "Pendopo Kota Pasuruan"
    p4.save()
    second = _version(placed, solver_status="optimal")
    client = client_for(world.users["ministry_analyst"])
    response = _get(client, f"/jadwal/{placed.pk}/banding/?a={first.number}&b={second.number}")
    page = response.content.decode()
    assert response.status_code == 200 and "2 Bimtek berubah" in page
    regions = [name for name, _ in response.context["groups"]]
    assert regions == ["Kota Probolinggo", "Kota Pasuruan"]
    lines = dict(response.context["groups"])
    assert len(lines["Kota Probolinggo"]) == 1
    assert "Bimtek III Kota Probolinggo" in lines["Kota Probolinggo"][0]
    assert "pemimpin Ani Wijaya → Budi Santoso" in lines["Kota Probolinggo"][0]
    assert "Pendopo Kota Pasuruan" in lines["Kota Pasuruan"][0]
    same = _get(client, f"/jadwal/{placed.pk}/banding/?a={second.number}&b={second.number}")
    assert same.status_code == 400 and "Pilih dua versi yang berbeda." in same.context["form"].errors["b"]
    for query in ("a=abc&b=1", "a=1&b=99", "a=1"):
        assert _get(client, f"/jadwal/{placed.pk}/banding/?{query}").status_code == 400, query
    empty = _get(client, f"/jadwal/{placed.pk}/banding/")
    assert empty.status_code == 200 and empty.context["groups"] is None
    assert empty.context["form"].initial == {"a": first.number, "b": second.number}


def test_confirming_the_latest_version_confirms_opens_access_and_queues_the_mails(
    world, client_for, placed, people, django_capture_on_commit_callbacks
):
    version = _version(placed, solver_status="optimal")
    client = client_for(world.users["ministry_admin"])
    url = f"/jadwal/{placed.pk}/versi/{version.number}/konfirmasi/"
    with django_capture_on_commit_callbacks() as sent:
        response = _post(client, url)
    assert response.status_code == 302 and response["Location"] == f"/jadwal/{placed.pk}/versi/{version.number}/"
    tasks = [callback for callback in sent if callback.__qualname__.startswith("send_after_commit")]
    assert len(tasks) == 1  # the e-mails go after the commit, by the worker
    assert set(placed.workshops.values_list("status", flat=True)) == {Workshop.Status.CONFIRMED}
    assert AccessWindow.objects.filter(plan=placed, closed_at__isnull=True).count() == 2
    assert Membership.objects.filter(
        user=people["ani"].user, workspace=world.probolinggo, role=Membership.Role.FACILITATOR
    ).exists()
    page = _get(client, response["Location"]).content.decode()
    assert "Versi 1 dikonfirmasi: 8 Bimtek dikonfirmasi; akses ruang kerja 2 dibuka, 0 digeser, 0 ditutup." in page
    assert "Konfirmasi versi ini" not in page and "dikonfirmasi" in page
    again = _post(client, url, follow=True)
    assert again.status_code == 200 and "Versi 1 sudah dikonfirmasi." in again.content.decode()


def test_only_the_latest_version_can_be_confirmed(world, client_for, placed):
    old = _version(placed, solver_status="optimal")
    _version(placed, solver_status="optimal")
    response = _post(
        client_for(world.users["ministry_admin"]), f"/jadwal/{placed.pk}/versi/{old.number}/konfirmasi/", follow=True
    )
    assert response.status_code == 200
    assert "Hanya versi terbaru yang dapat dikonfirmasi" in response.content.decode()
    assert not placed.workshops.filter(status=Workshop.Status.CONFIRMED).exists()


def test_each_person_is_mailed_only_their_own_changes(world, placed, people):
    ani, budi = people["ani"], people["budi"]
    first = _version(placed, solver_status="optimal")
    services.confirm_version(user=world.users["ministry_admin"], version=first)
    mail.outbox = []
    assert notify.send_confirmation_emails(first) == 4  # Ani, Budi and the two region admins
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert "Kota Pasuruan" not in by_address[ani.user.email] and "Kota Probolinggo" in by_address[ani.user.email]
    assert "Kota Probolinggo" not in by_address[budi.user.email]
    assert "Kota Pasuruan" not in by_address["admin_probolinggo@example.id"]
    assert "Kota Probolinggo" not in by_address["admin_pasuruan@example.id"]

    # A second version moves only Pasuruan's Bimtek II: only Budi and Pasuruan hear of it.
    f.place(placed.workshops.get(region_id="35.75", stage=2), date(2018, 7, 16), budi, status="proposed")
    second = _version(placed, solver_status="optimal")
    services.confirm_version(user=world.users["ministry_admin"], version=second)
    mail.outbox = []
    notify.send_confirmation_emails(second)
    assert sorted(m.to[0] for m in mail.outbox) == ["admin_pasuruan@example.id", budi.user.email]
    for message in mail.outbox:
        assert "Bimtek II Kota Pasuruan" in message.body and "Probolinggo" not in message.body
        assert "Bimtek III" not in message.body  # unchanged workshops are not repeated
