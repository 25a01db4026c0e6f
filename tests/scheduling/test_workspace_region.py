"""The region's schedule page in its workspace (/jadwal-bimtek/): its workshops of every plan,
read-only; preferred weeks and blackout dates added and deleted by its admin with clear
errors; the venue and notes of a proposed workshop, never of a confirmed one; nothing of
another region, and nothing at all for outsiders."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programs.scheduling.models import CalendarFeed, Facilitator, RegionWish, Workshop
from programs.scheduling.services.regional import update_workshop_by_region
from tenants.access import Actor, WorkspaceAccess
from tenants.models import Membership, Region
from tests.scheduling import factories

pytestmark = pytest.mark.django_db

P = "kota-probolinggo.sc100.test"
URL = "/jadwal-bimtek/"


@pytest.fixture
def plan(world):
    ani = factories.facilitator("ani@ugm.ac.id", full_name="Ani Wijaya")
    budi = factories.facilitator("budi@its.ac.id", full_name="Budi Santoso", institution="ITS Surabaya")
    rep = factories.facilitator(
        "dewi@kominfo.go.id", full_name="Dewi Lestari", kind=Facilitator.Kind.OFFICIAL, institution="Kominfo"
    )
    plan = factories.plan()
    w = {(x.region_id, x.stage): x for x in plan.workshops.all()}
    factories.place(w["35.74", 1], date(2018, 7, 3), ani)
    w["35.74", 1].co_facilitators.add(budi)
    Workshop.objects.filter(pk=w["35.74", 1].pk).update(ministry_rep=rep, venue="Aula Bappeda")
    factories.place(w["35.74", 2], date(2018, 8, 6), ani, status=Workshop.Status.CONFIRMED)
    Workshop.objects.filter(pk=w["35.74", 2].pk).update(venue="Hotel Bromo")
    factories.place(w["35.75", 1], date(2018, 7, 10), ani)
    Workshop.objects.filter(pk=w["35.75", 1].pk).update(venue="Gedung Pasuruan")
    for key in w:
        w[key].refresh_from_db()
    return w


def _actor(world, name):
    membership = Membership.objects.get(user=world.users[name], workspace=world.probolinggo)
    return Actor(user=membership.user, access=WorkspaceAccess(role=membership.role, membership=membership))


# --- reading -------------------------------------------------------------------------------


def test_viewer_reads_the_regions_workshops_with_people_and_status(world, client_for, plan):
    response = client_for(world.users["viewer_probolinggo"]).get(URL, HTTP_HOST=P)
    assert response.status_code == 200
    body = response.content.decode()
    for text in ("3–4 Juli 2018", "6–7 Agustus 2018", "Aula Bappeda", "Hotel Bromo", "Ani Wijaya",
                 "Universitas Gadjah Mada", "Budi Santoso", "ITS Surabaya", "Dewi Lestari", "Kominfo",
                 "Usulan", "Dikonfirmasi", "dikonfirmasi kementerian"):  # fmt: skip
        assert text in body, text
    # read-only for a viewer: no venue edit, no wish form, no calendar link
    assert "Ubah tempat" not in body and 'id="wish-form"' not in body and "feed-link" not in body


def test_a_workshop_of_another_region_never_appears(world, client_for, plan):
    body = client_for(world.users["admin_probolinggo"]).get(URL, HTTP_HOST=P).content.decode()
    assert "Gedung Pasuruan" not in body and "10–11 Juli 2018" not in body
    assert f'data-workshop="{plan["35.75", 1].pk}"' not in body


def test_newest_plan_first(world, client_for, plan):
    from programs.scheduling.models import Plan

    later = Plan.objects.create(
        cohort=plan["35.74", 1].plan.cohort,
        name="Bimtek 2019",
        window_start=date(2019, 6, 1),
        window_end=date(2019, 10, 31),
    )
    Workshop.objects.create(plan=later, region_id="35.74", stage=1, starts=date(2019, 7, 1), ends=date(2019, 7, 2))
    workshops = client_for(world.users["viewer_probolinggo"]).get(URL, HTTP_HOST=P).context["workshops"]
    assert workshops[0].plan == later


def test_region_page_runs_a_constant_number_of_queries(world, client_for, plan):
    client = client_for(world.users["admin_probolinggo"])
    client.get(URL, HTTP_HOST=P)
    with CaptureQueriesContext(connection) as before:
        client.get(URL, HTTP_HOST=P)
    extra = factories.facilitator("citra@ui.ac.id", full_name="Citra")
    for stage, day in ((3, date(2018, 9, 3)), (4, date(2018, 10, 1))):
        factories.place(plan["35.74", stage], day, extra)
        plan["35.74", stage].co_facilitators.add(extra)
    RegionWish.objects.create(region_id="35.74", kind="blackout", starts=date(2018, 8, 17), ends=date(2018, 8, 17))
    with CaptureQueriesContext(connection) as after:
        client.get(URL, HTTP_HOST=P)
    assert len(after) == len(before)


def test_region_admin_sees_the_regions_calendar_link(world, client_for, plan):
    body = client_for(world.users["admin_probolinggo"]).get(URL, HTTP_HOST=P).content.decode()
    feed = CalendarFeed.objects.get(owner=world.users["admin_probolinggo"], scope="region", region_id="35.74")
    assert "feed-link" in body and feed.token in body


# --- wishes --------------------------------------------------------------------------------


def test_region_admin_adds_a_blackout_range_and_deletes_it(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    response = client.post(
        URL, {"kind": "blackout", "starts": "2018-08-15", "ends": "2018-08-18", "note": "HUT RI"}, HTTP_HOST=P
    )
    assert response.status_code == 302
    wish = RegionWish.objects.get(region_id="35.74")
    assert (wish.kind, wish.starts, wish.ends, wish.note) == (
        "blackout",
        date(2018, 8, 15),
        date(2018, 8, 18),
        "HUT RI",
    )
    assert wish.created_by == world.users["admin_probolinggo"]
    assert "15–18 Agustus 2018" in client.get(URL, HTTP_HOST=P).content.decode()
    assert client.post(f"/jadwal-bimtek/permintaan/{wish.pk}/hapus/", HTTP_HOST=P).status_code == 302
    assert not RegionWish.objects.filter(pk=wish.pk).exists()


def test_a_preferred_week_given_by_one_day_is_monday_to_sunday(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    assert client.post(URL, {"kind": "preferred", "starts": "2018-07-18"}, HTTP_HOST=P).status_code == 302
    wish = RegionWish.objects.get(region_id="35.74")
    assert (wish.starts, wish.ends) == (date(2018, 7, 16), date(2018, 7, 22))  # Wednesday → its week


def test_a_blackout_day_without_an_end_is_that_day(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    assert client.post(URL, {"kind": "blackout", "starts": "2018-08-17"}, HTTP_HOST=P).status_code == 302
    wish = RegionWish.objects.get(region_id="35.74")
    assert wish.starts == wish.ends == date(2018, 8, 17)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "blackout", "starts": "2018-08-16", "ends": "2018-08-20"}, "starts"),  # overlaps 15–18 Aug
        ({"kind": "blackout", "starts": "2018-09-10", "ends": "2018-09-01"}, "ends"),  # inverted
        ({"kind": "blackout", "starts": "", "ends": "2018-09-01"}, "starts"),  # missing
        ({"kind": "blackout", "starts": "31-02-2018"}, "starts"),  # no such date
        ({"kind": "holiday", "starts": "2018-09-10"}, "kind"),  # unknown kind
        ({"kind": "preferred", "starts": "2018-06-01", "ends": "2018-12-01"}, "ends"),  # too long
    ],
)
def test_bad_wishes_get_400_with_field_errors(world, client_for, data, field):
    RegionWish.objects.create(region_id="35.74", kind="blackout", starts=date(2018, 8, 15), ends=date(2018, 8, 18))
    response = client_for(world.users["admin_probolinggo"]).post(URL, data, HTTP_HOST=P)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert RegionWish.objects.filter(region_id="35.74").count() == 1


def test_viewer_cannot_add_or_delete_wishes(world, client_for):
    wish = RegionWish.objects.create(
        region_id="35.74", kind="blackout", starts=date(2018, 8, 17), ends=date(2018, 8, 17)
    )
    client = client_for(world.users["viewer_probolinggo"])
    assert client.post(URL, {"kind": "blackout", "starts": "2018-09-01"}, HTTP_HOST=P).status_code == 404
    assert client.post(f"/jadwal-bimtek/permintaan/{wish.pk}/hapus/", HTTP_HOST=P).status_code == 404
    assert RegionWish.objects.filter(region_id="35.74").count() == 1


def test_a_wish_of_another_region_cannot_be_deleted_from_this_workspace(world, client_for):
    theirs = RegionWish.objects.create(
        region_id="35.75", kind="blackout", starts=date(2018, 8, 17), ends=date(2018, 8, 17)
    )
    response = client_for(world.users["admin_probolinggo"]).post(
        f"/jadwal-bimtek/permintaan/{theirs.pk}/hapus/", HTTP_HOST=P
    )
    assert response.status_code == 404
    assert RegionWish.objects.filter(pk=theirs.pk).exists()


def test_the_region_comes_from_the_workspace_never_from_the_form(world, client_for):
    client = client_for(world.users["admin_probolinggo"])
    client.post(URL, {"kind": "blackout", "starts": "2018-09-03", "region": "35.75"}, HTTP_HOST=P)
    assert RegionWish.objects.get().region == Region.objects.get(code="35.74")


# --- the venue of a workshop ---------------------------------------------------------------


def test_region_admin_edits_the_venue_of_a_proposed_workshop(world, client_for, plan):
    client = client_for(world.users["admin_probolinggo"])
    url = f"/jadwal-bimtek/bimtek/{plan['35.74', 1].pk}/"
    assert client.get(url, HTTP_HOST=P).status_code == 200
    response = client.post(url, {"venue": "Ruang Rapat Wali Kota", "notes": "Mulai 08.00"}, HTTP_HOST=P)
    assert response.status_code == 302
    plan["35.74", 1].refresh_from_db()
    assert (plan["35.74", 1].venue, plan["35.74", 1].notes) == ("Ruang Rapat Wali Kota", "Mulai 08.00")
    assert plan["35.74", 1].status == Workshop.Status.PROPOSED


def test_a_confirmed_workshop_is_read_only_for_the_region(world, client_for, plan):
    client = client_for(world.users["admin_probolinggo"])
    url = f"/jadwal-bimtek/bimtek/{plan['35.74', 2].pk}/"
    page = client.get(url, HTTP_HOST=P)
    assert page.status_code == 200 and "<form" not in page.content.decode().split("<main", 1)[-1].split("</main>")[0]
    assert "sudah dikonfirmasi kementerian" in page.content.decode()
    response = client.post(url, {"venue": "Tempat lain", "notes": ""}, HTTP_HOST=P)
    assert response.status_code == 400
    assert "dikonfirmasi kementerian" in " ".join(response.context["form"].non_field_errors())
    plan["35.74", 2].refresh_from_db()
    assert plan["35.74", 2].venue == "Hotel Bromo"
    # the list offers no edit for it either
    body = client.get(URL, HTTP_HOST=P).content.decode()
    assert url not in body and f"/jadwal-bimtek/bimtek/{plan['35.74', 1].pk}/" in body


def test_the_service_refuses_a_confirmed_or_locked_workshop(world, plan):
    actor = _actor(world, "admin_probolinggo")
    region = Region.objects.get(code="35.74")
    for status in (Workshop.Status.CONFIRMED, Workshop.Status.LOCKED):
        Workshop.objects.filter(pk=plan["35.74", 2].pk).update(status=status)
        with pytest.raises(ValidationError, match="dikonfirmasi kementerian"):
            update_workshop_by_region(actor=actor, region=region, workshop=plan["35.74", 2], venue="X", notes="")
    assert Workshop.objects.get(pk=plan["35.74", 2].pk).venue == "Hotel Bromo"


def test_the_service_reads_the_status_under_its_lock(world, plan):
    """The page fetched the workshop while proposed; the ministry confirmed it before the save."""
    stale = Workshop.objects.get(pk=plan["35.74", 1].pk)
    Workshop.objects.filter(pk=stale.pk).update(status=Workshop.Status.CONFIRMED)
    with pytest.raises(ValidationError):
        update_workshop_by_region(
            actor=_actor(world, "admin_probolinggo"), region=stale.region, workshop=stale, venue="X", notes=""
        )


def test_the_service_refuses_a_viewer_and_another_regions_workshop(world, plan):
    region = Region.objects.get(code="35.74")
    with pytest.raises(PermissionDenied):
        update_workshop_by_region(
            actor=_actor(world, "viewer_probolinggo"), region=region, workshop=plan["35.74", 1], venue="X", notes=""
        )
    with pytest.raises(PermissionDenied):
        update_workshop_by_region(actor=None, region=region, workshop=plan["35.74", 1], venue="X", notes="")
    with pytest.raises(PermissionDenied):
        update_workshop_by_region(
            actor=_actor(world, "admin_probolinggo"), region=region, workshop=plan["35.75", 1], venue="X", notes=""
        )
    assert Workshop.objects.get(pk=plan["35.75", 1].pk).venue == "Gedung Pasuruan"


def test_a_venue_too_long_is_a_field_error(world, client_for, plan):
    response = client_for(world.users["admin_probolinggo"]).post(
        f"/jadwal-bimtek/bimtek/{plan['35.74', 1].pk}/", {"venue": "x" * 201, "notes": ""}, HTTP_HOST=P
    )
    assert response.status_code == 400 and response.context["form"].errors["venue"]


def test_another_regions_or_a_cancelled_workshop_answers_404(world, client_for, plan):
    client = client_for(world.users["admin_probolinggo"])
    other = f"/jadwal-bimtek/bimtek/{plan['35.75', 1].pk}/"
    assert client.get(other, HTTP_HOST=P).status_code == 404
    assert client.post(other, {"venue": "X"}, HTTP_HOST=P).status_code == 404
    Workshop.objects.filter(pk=plan["35.74", 3].pk).update(status=Workshop.Status.CANCELLED)
    assert client.get(f"/jadwal-bimtek/bimtek/{plan['35.74', 3].pk}/", HTTP_HOST=P).status_code == 404


def test_viewer_cannot_open_the_venue_form(world, client_for, plan):
    client = client_for(world.users["viewer_probolinggo"])
    url = f"/jadwal-bimtek/bimtek/{plan['35.74', 1].pk}/"
    assert client.get(url, HTTP_HOST=P).status_code == 404
    assert client.post(url, {"venue": "X"}, HTTP_HOST=P).status_code == 404


# --- outsiders -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["admin_pasuruan", "facilitator_expired", "nobody"])
def test_outsiders_get_404_everywhere(world, client_for, plan, who):
    wish = RegionWish.objects.create(
        region_id="35.74", kind="blackout", starts=date(2018, 8, 17), ends=date(2018, 8, 17)
    )
    client = client_for(world.users[who])
    urls = [URL, f"/jadwal-bimtek/permintaan/{wish.pk}/hapus/", f"/jadwal-bimtek/bimtek/{plan['35.74', 1].pk}/"]
    for url in urls:
        assert client.get(url, HTTP_HOST=P).status_code == 404, url
        assert (
            client.post(url, {"kind": "blackout", "starts": "2018-09-01", "venue": "X"}, HTTP_HOST=P).status_code == 404
        )
    assert RegionWish.objects.filter(region_id="35.74").count() == 1
    assert Workshop.objects.get(pk=plan["35.74", 1].pk).venue == "Aula Bappeda"
