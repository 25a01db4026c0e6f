"""The travel table and the national holidays: staff read them, ministry admins correct a
travel cell (its mirror follows), fill missing cells by the rule, and add or delete holidays."""

from datetime import date

import pytest

from programs.scheduling.models import NationalHoliday, TravelTime
from programs.scheduling.solver.travel import travel_days_by_rule

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "sc100.test"}


@pytest.fixture
def admin(world, client_for):
    return client_for(world.users["ministry_admin"])


def test_the_grid_shows_every_pair_in_a_fixed_number_of_queries(admin, django_assert_num_queries):
    with django_assert_num_queries(8):  # tenant middleware (3), user, provinces, cells, the two province selects
        response = admin.get("/jadwal/perjalanan/", **HOST)
    assert response.status_code == 200
    grid = response.context["grid"]
    assert len(grid) == 38 and all(len(cells) == 38 for _p, cells in grid)
    html = response.content.decode()
    assert "kelompok pulau" in html.lower() and 'title="Jawa Timur → Papua"' in html


def test_admin_corrects_a_cell_and_the_mirror_follows(admin):
    response = admin.post("/jadwal/perjalanan/", {"origin": "35", "destination": "94", "days": "3"}, **HOST)
    assert response.status_code == 302
    assert TravelTime.objects.get(origin_id="35", destination_id="94").days == 3
    assert TravelTime.objects.get(origin_id="94", destination_id="35").days == 3
    page = admin.get("/jadwal/perjalanan/?origin=35&destination=94", **HOST)
    assert page.context["form"].initial["days"] == 3
    row = {origin.code: cells for origin, cells in page.context["grid"]}["35"]
    assert next(c for c in row if c["to"].code == "94")["corrected"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"origin": "35", "destination": "94", "days": "8"}, "days"),
        ({"origin": "35", "destination": "35", "days": "1"}, "days"),
        ({"origin": "99", "destination": "35", "days": "1"}, "origin"),
        ({"origin": "35", "destination": "94", "days": "satu"}, "days"),
    ],
)
def test_bad_cells_are_a_400_on_the_field(admin, data, field):
    before = TravelTime.objects.get(origin_id="35", destination_id="94").days
    response = admin.post("/jadwal/perjalanan/", data, **HOST)
    assert response.status_code == 400 and response.context["form"].errors[field]
    assert TravelTime.objects.get(origin_id="35", destination_id="94").days == before


def test_filling_missing_cells_by_the_rule_keeps_corrections(admin):
    TravelTime.objects.filter(origin_id="11").delete()
    TravelTime.objects.filter(origin_id="35", destination_id="31").update(days=4)
    response = admin.post("/jadwal/perjalanan/isi/", **HOST, follow=True)
    assert "38 sel yang kosong diisi" in response.content.decode()
    assert TravelTime.objects.get(origin_id="11", destination_id="94").days == travel_days_by_rule("11", "94")
    assert TravelTime.objects.get(origin_id="35", destination_id="31").days == 4


def test_the_holidays_of_a_year(admin):
    NationalHoliday.objects.get_or_create(date=date(2026, 8, 17), defaults={"name": "Hari Kemerdekaan"})
    response = admin.get("/jadwal/libur/?tahun=2026", **HOST)
    assert response.status_code == 200
    assert all(h.date.year == 2026 for h in response.context["holidays"])
    assert "17 Agustus 2026" in response.content.decode()
    assert admin.get("/jadwal/libur/?tahun=abc", **HOST).status_code == 200  # a bad year shows this year


def test_admin_adds_and_deletes_a_holiday(admin):
    response = admin.post("/jadwal/libur/", {"date": "2031-03-03", "name": "Libur uji"}, **HOST)
    assert response.status_code == 302 and response["Location"].endswith("?tahun=2031")
    holiday = NationalHoliday.objects.get(date=date(2031, 3, 3))
    again = admin.post("/jadwal/libur/", {"date": "2031-03-03", "name": "Lagi"}, **HOST)
    assert again.status_code == 400 and "sudah tercatat" in again.context["form"].errors["date"][0]
    assert admin.post("/jadwal/libur/", {"date": "", "name": "X"}, **HOST).status_code == 400
    assert admin.post("/jadwal/libur/", {"date": "2031-03-04", "name": ""}, **HOST).status_code == 400
    assert admin.post(f"/jadwal/libur/{holiday.pk}/hapus/", **HOST).status_code == 302
    assert not NationalHoliday.objects.filter(date=date(2031, 3, 3)).exists()


def test_the_analyst_reads_but_does_not_write(world, client_for):
    analyst = client_for(world.users["ministry_analyst"])
    holiday, _ = NationalHoliday.objects.get_or_create(date=date(2026, 8, 17), defaults={"name": "Kemerdekaan"})
    page = analyst.get("/jadwal/perjalanan/", **HOST)
    assert page.status_code == 200 and "travel-form" not in page.content.decode()
    assert analyst.get("/jadwal/libur/", **HOST).status_code == 200
    assert (
        analyst.post("/jadwal/perjalanan/", {"origin": "35", "destination": "94", "days": "3"}, **HOST).status_code
        == 404
    )
    assert analyst.post("/jadwal/perjalanan/isi/", **HOST).status_code == 404
    assert analyst.post("/jadwal/libur/", {"date": "2031-03-03", "name": "X"}, **HOST).status_code == 404
    assert analyst.post(f"/jadwal/libur/{holiday.pk}/hapus/", **HOST).status_code == 404
    assert NationalHoliday.objects.filter(pk=holiday.pk).exists()


@pytest.mark.parametrize("who", ["admin_probolinggo", "admin_pasuruan", "facilitator_current", "nobody"])
def test_outsiders_get_nothing(world, client_for, who):
    from tests.scheduling import factories

    factories.facilitator(world.users["facilitator_current"].email)
    holiday, _ = NationalHoliday.objects.get_or_create(date=date(2026, 8, 17), defaults={"name": "Kemerdekaan"})
    client = client_for(world.users[who])
    for method, url in [
        ("get", "/jadwal/perjalanan/"),
        ("post", "/jadwal/perjalanan/"),
        ("post", "/jadwal/perjalanan/isi/"),
        ("get", "/jadwal/libur/"),
        ("post", "/jadwal/libur/"),
        ("post", f"/jadwal/libur/{holiday.pk}/hapus/"),
    ]:
        assert getattr(client, method)(url, **HOST).status_code == 404, (who, url)
