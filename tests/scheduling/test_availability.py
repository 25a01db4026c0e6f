"""Unavailability pages: a facilitator keeps their own dates on "my unavailability" and never
reaches another's; ministry admins keep anyone's, analysts read them; overlapping and
inverted ranges are refused on the form's fields."""

from datetime import date

import pytest

from programs.scheduling.models import Unavailability
from tests.scheduling import factories

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "sc100.test"}


@pytest.fixture
def ani(world):
    return factories.facilitator(world.users["facilitator_current"].email)


@pytest.fixture
def budi(world):
    return factories.facilitator("budi@ui.ac.id", province="31", full_name="Budi")


@pytest.fixture
def mine(world, client_for, ani):
    return client_for(world.users["facilitator_current"])


def _away(facilitator, starts, ends, reason="Konferensi"):
    return Unavailability.objects.create(facilitator=facilitator, starts=starts, ends=ends, reason=reason)


def test_a_facilitator_adds_and_lists_their_own_dates(mine, ani, django_assert_max_num_queries):
    response = mine.post(
        "/saya/ketidaktersediaan/", {"starts": "2026-07-01", "ends": "2026-07-03", "reason": "Cuti"}, **HOST
    )
    assert response.status_code == 302 and response["Location"] == "/saya/ketidaktersediaan/"
    entry = Unavailability.objects.get(facilitator=ani)
    assert (entry.starts, entry.ends, entry.reason) == (date(2026, 7, 1), date(2026, 7, 3), "Cuti")
    page = mine.get("/saya/ketidaktersediaan/", **HOST)
    assert page.status_code == 200 and "1 Juli 2026" in page.content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"starts": "2026-07-02", "ends": "2026-07-05", "reason": "Lain"}, "starts", "Bertumpang tindih"),
        ({"starts": "2026-08-05", "ends": "2026-08-01", "reason": "Terbalik"}, "ends", "sebelum tanggal mulai"),
        ({"starts": "2026-08-01", "ends": "2026-08-02", "reason": ""}, "reason", ""),
        ({"starts": "kemarin", "ends": "2026-08-02", "reason": "X"}, "starts", ""),
    ],
)
def test_bad_ranges_are_a_400_on_the_field(mine, ani, data, field, message):
    _away(ani, date(2026, 7, 1), date(2026, 7, 3))
    response = mine.post("/saya/ketidaktersediaan/", data, **HOST)
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    assert message in errors[0]
    assert Unavailability.objects.filter(facilitator=ani).count() == 1


def test_a_facilitator_deletes_their_own_but_not_anothers(mine, ani, budi):
    own = _away(ani, date(2026, 7, 1), date(2026, 7, 3))
    other = _away(budi, date(2026, 7, 1), date(2026, 7, 3))
    assert mine.post(f"/saya/ketidaktersediaan/{other.pk}/hapus/", **HOST).status_code == 404
    assert mine.post(f"/saya/ketidaktersediaan/{own.pk}/hapus/", **HOST).status_code == 302
    assert list(Unavailability.objects.values_list("pk", flat=True)) == [other.pk]


def test_a_facilitator_never_reaches_anothers_page(mine, ani, budi):
    other = _away(budi, date(2026, 7, 1), date(2026, 7, 3))
    for method, url in [
        ("get", f"/fasilitator/{budi.pk}/ketidaktersediaan/"),
        ("post", f"/fasilitator/{budi.pk}/ketidaktersediaan/"),
        ("post", f"/fasilitator/{budi.pk}/ketidaktersediaan/{other.pk}/hapus/"),
        ("get", f"/fasilitator/{ani.pk}/ketidaktersediaan/"),  # not even their own through the admin's page
    ]:
        assert (
            getattr(mine, method)(
                url, {"starts": "2026-09-01", "ends": "2026-09-02", "reason": "x"}, **HOST
            ).status_code
            == 404
        )
    assert Unavailability.objects.count() == 1


def test_the_admin_keeps_anyones_dates(world, client_for, budi):
    admin = client_for(world.users["ministry_admin"])
    url = f"/fasilitator/{budi.pk}/ketidaktersediaan/"
    assert admin.post(url, {"starts": "2026-07-01", "ends": "2026-07-01", "reason": "Rapat"}, **HOST).status_code == 302
    entry = Unavailability.objects.get(facilitator=budi)
    assert entry.created_by == world.users["ministry_admin"]
    page = admin.get(url, **HOST)
    assert page.status_code == 200 and "Rapat" in page.content.decode()
    overlap = admin.post(url, {"starts": "2026-06-30", "ends": "2026-07-02", "reason": "Lagi"}, **HOST)
    assert overlap.status_code == 400 and overlap.context["form"].errors["starts"]
    assert admin.post(f"{url}{entry.pk}/hapus/", **HOST).status_code == 302
    assert not Unavailability.objects.exists()


def test_an_entry_of_another_facilitator_is_404_under_the_wrong_facilitator(world, client_for, ani, budi):
    admin = client_for(world.users["ministry_admin"])
    entry = _away(budi, date(2026, 7, 1), date(2026, 7, 3))
    assert admin.post(f"/fasilitator/{ani.pk}/ketidaktersediaan/{entry.pk}/hapus/", **HOST).status_code == 404
    assert Unavailability.objects.filter(pk=entry.pk).exists()


def test_the_analyst_reads_only(world, client_for, budi):
    analyst = client_for(world.users["ministry_analyst"])
    entry = _away(budi, date(2026, 7, 1), date(2026, 7, 3))
    url = f"/fasilitator/{budi.pk}/ketidaktersediaan/"
    page = analyst.get(url, **HOST)
    assert page.status_code == 200 and "unavailability-form" not in page.content.decode()
    assert analyst.post(url, {"starts": "2026-09-01", "ends": "2026-09-02", "reason": "x"}, **HOST).status_code == 404
    assert analyst.post(f"{url}{entry.pk}/hapus/", **HOST).status_code == 404
    assert Unavailability.objects.count() == 1


@pytest.mark.parametrize("who", ["admin_probolinggo", "admin_pasuruan", "nobody", "ministry_admin"])
def test_my_unavailability_is_for_registered_facilitators_only(world, client_for, budi, who):
    client = client_for(world.users[who])
    assert client.get("/saya/ketidaktersediaan/", **HOST).status_code == 404
    data = {"starts": "2026-09-01", "ends": "2026-09-02", "reason": "x"}
    assert client.post("/saya/ketidaktersediaan/", data, **HOST).status_code == 404


@pytest.mark.parametrize("who", ["admin_probolinggo", "nobody", "facilitator_expired"])
def test_outsiders_cannot_see_anyones_dates(world, client_for, budi, who):
    entry = _away(budi, date(2026, 7, 1), date(2026, 7, 3))
    client = client_for(world.users[who])
    url = f"/fasilitator/{budi.pk}/ketidaktersediaan/"
    assert client.get(url, **HOST).status_code == 404
    assert client.post(f"{url}{entry.pk}/hapus/", **HOST).status_code == 404
