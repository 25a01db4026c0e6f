"""iCal feeds: what a feed holds (dates in the region's zone, roles, venue, contacts), who may
read it (the token, and an owner who still has the right), reset, and the "my calendars" page."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from programs.scheduling import feeds
from programs.scheduling.models import CalendarFeed, Facilitator, Workshop
from tenants.models import Membership
from tests.scheduling.factories import facilitator, place, plan

APEX = "sc100.test"
Scope = CalendarFeed.Scope


def get_feed(client, feed):
    return client.get(f"/kalender/{feed.token}.ics", HTTP_HOST=APEX)


def parse(response) -> Calendar:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_uid(calendar: Calendar) -> dict:
    return {str(e["UID"]): e for e in calendar.events}


def uid(workshop) -> str:
    return f"workshop-{workshop.pk}@smartcity100"


@pytest.fixture
def scene(world):
    """A plan over Probolinggo (Jawa Timur, WIB), Denpasar (Bali, WITA) and Jayapura (Papua, WIT)."""
    p = plan(regions=("35.74", "51.71", "91.71"))
    ana = facilitator("ana@ugm.example.id", full_name="Ana Lestari")
    budi = facilitator("budi@ui.example.id", full_name="Budi Santoso", province="51")
    rep = facilitator("rep@kominfo.example.id", kind=Facilitator.Kind.OFFICIAL, full_name="Rina Kementerian")
    w = {(x.region_id, x.stage): x for x in Workshop.objects.filter(plan=p)}
    prob1 = place(w["35.74", 1], date(2018, 7, 2), ana, status=Workshop.Status.CONFIRMED)
    prob1.venue, prob1.ministry_rep = "Hotel Bromo View", rep
    prob1.save()
    prob1.co_facilitators.add(budi)
    denp1 = place(w["51.71", 1], date(2018, 7, 9), budi)
    denp1.venue = "Gedung Sewaka Dharma"
    denp1.save()
    denp1.co_facilitators.add(ana)
    jaya1 = place(w["91.71", 1], date(2018, 7, 16), budi, status=Workshop.Status.LOCKED)
    cancelled = place(w["35.74", 2], date(2018, 8, 6), ana, status=Workshop.Status.CANCELLED)
    return {"plan": p, "ana": ana, "budi": budi, "rep": rep, "prob1": prob1, "denp1": denp1, "jaya1": jaya1,
            "cancelled": cancelled, "undated": w["35.74", 3]}  # fmt: skip


def test_a_facilitator_feed_has_their_workshops_in_the_region_zone(scene, client):
    feed = feeds.feed_for(scene["ana"].user, Scope.FACILITATOR)
    events = events_by_uid(parse(get_feed(client, feed)))
    # Her lead and co-facilitator workshops; not Budi's Jayapura one, not the cancelled or undated ones.
    assert set(events) == {uid(scene["prob1"]), uid(scene["denp1"])}

    prob = events[uid(scene["prob1"])]
    assert prob.start == datetime(2018, 7, 2, 8, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert prob.end == datetime(2018, 7, 3, 17, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert prob["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert str(prob["STATUS"]) == "CONFIRMED"
    assert "Hotel Bromo View" in str(prob["LOCATION"])
    description = str(prob["DESCRIPTION"])
    assert "Peran Anda: pemimpin (narasumber)" in description
    assert "WIB" in description
    assert "Pendamping: Budi Santoso" in description
    assert "Wakil kementerian: Rina Kementerian" in description
    assert "Admin Probolinggo <admin_probolinggo@example.id>" in description  # the region's contact

    denp = events[uid(scene["denp1"])]
    assert denp["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert denp.start == datetime(2018, 7, 9, 8, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    assert str(denp["STATUS"]) == "TENTATIVE"
    assert "WITA" in str(denp["DESCRIPTION"])
    assert "Peran Anda: pendamping" in str(denp["DESCRIPTION"])
    assert "Gedung Sewaka Dharma" in str(denp["LOCATION"])


def test_the_feed_carries_the_vtimezone_of_each_zone_it_uses(scene, client):
    feed = feeds.feed_for(scene["budi"].user, Scope.FACILITATOR)
    calendar = parse(get_feed(client, feed))
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert zones == {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"}
    jaya = events_by_uid(calendar)[uid(scene["jaya1"])]
    assert jaya["DTSTART"].params["TZID"] == "Asia/Jayapura"
    assert jaya.start.utcoffset() == timedelta(hours=9)
    assert "WIT " in str(jaya["DESCRIPTION"]) and str(jaya["STATUS"]) == "CONFIRMED"


def test_a_ministry_representative_sees_the_workshop_with_their_role(scene, client):
    feed = feeds.feed_for(scene["rep"].user, Scope.FACILITATOR)
    events = events_by_uid(parse(get_feed(client, feed)))
    assert set(events) == {uid(scene["prob1"])}
    assert "Peran Anda: wakil kementerian" in str(events[uid(scene["prob1"])]["DESCRIPTION"])


def test_region_and_ministry_feeds(scene, world, client):
    region_feed = feeds.feed_for(world.users["admin_probolinggo"], Scope.REGION, "35.74")
    assert set(events_by_uid(parse(get_feed(client, region_feed)))) == {uid(scene["prob1"])}
    ministry_feed = feeds.feed_for(world.users["ministry_analyst"], Scope.MINISTRY)
    events = events_by_uid(parse(get_feed(client, ministry_feed)))
    assert set(events) == {uid(scene["prob1"]), uid(scene["denp1"]), uid(scene["jaya1"])}


def test_the_feed_follows_a_moved_workshop(scene, client):
    feed = feeds.feed_for(scene["ana"].user, Scope.FACILITATOR)
    before = events_by_uid(parse(get_feed(client, feed)))[uid(scene["prob1"])]
    Workshop.objects.filter(pk=scene["prob1"].pk).update(updated_at=scene["prob1"].updated_at - timedelta(hours=1))
    older = events_by_uid(parse(get_feed(client, feed)))[uid(scene["prob1"])]
    place(Workshop.objects.get(pk=scene["prob1"].pk), date(2018, 7, 23), scene["ana"])
    after = events_by_uid(parse(get_feed(client, feed)))[uid(scene["prob1"])]
    assert before.start.date() == date(2018, 7, 2)
    assert after.start == datetime(2018, 7, 23, 8, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert after.end.date() == date(2018, 7, 24)
    assert after["SEQUENCE"] > older["SEQUENCE"]
    assert after["LAST-MODIFIED"].dt > older["LAST-MODIFIED"].dt


def test_an_unchanged_feed_answers_304_to_its_etag(scene, client):
    feed = feeds.feed_for(scene["ana"].user, Scope.FACILITATOR)
    first = get_feed(client, feed)
    again = client.get(f"/kalender/{feed.token}.ics", HTTP_HOST=APEX, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_feed_costs_the_same_queries_for_more_workshops(scene, client, django_assert_num_queries):
    feed = feeds.feed_for(scene["budi"].user, Scope.FACILITATOR)
    get_feed(client, feed)  # the host's workspace lookup is cached from now on
    # search path, feed + owner, registry entry, workshops, co-facilitators, region contacts
    with django_assert_num_queries(6):
        get_feed(client, feed)
    extra = plan(year=2019, regions=("73.71", "71.73"), window=(date(2019, 6, 1), date(2019, 10, 31)))
    for i, w in enumerate(Workshop.objects.filter(plan=extra).order_by("region_id", "stage")):
        place(w, date(2019, 6, 3) + timedelta(days=7 * i), scene["budi"]).co_facilitators.add(scene["ana"])
    with django_assert_num_queries(6):
        response = get_feed(client, feed)
    assert len(parse(response).events) == 3 + 8


def test_unknown_and_reset_tokens_answer_404(scene, client, client_for):
    user = scene["ana"].user
    feed = feeds.feed_for(user, Scope.FACILITATOR)
    old = feed.token
    assert client.get("/kalender/no-such-token.ics", HTTP_HOST=APEX).status_code == 404
    response = client_for(user).post(f"/saya/kalender/{feed.pk}/reset/", HTTP_HOST=APEX)
    assert response.status_code == 302 and response["Location"] == "/saya/kalender/"
    feed.refresh_from_db()
    assert feed.token != old
    assert client.get(f"/kalender/{old}.ics", HTTP_HOST=APEX).status_code == 404
    assert get_feed(client, feed).status_code == 200


def test_only_the_owner_resets_a_feed(scene, world, client_for):
    feed = feeds.feed_for(scene["ana"].user, Scope.FACILITATOR)
    token = feed.token
    for who in ("ministry_admin", "admin_pasuruan", "nobody"):
        response = client_for(world.users[who]).post(f"/saya/kalender/{feed.pk}/reset/", HTTP_HOST=APEX)
        assert response.status_code == 404, who
    feed.refresh_from_db()
    assert feed.token == token


def test_the_feed_lives_on_the_apex_only(scene, world, client_for):
    feed = feeds.feed_for(scene["ana"].user, Scope.FACILITATOR)
    response = client_for(world.users["admin_probolinggo"]).get(
        f"/kalender/{feed.token}.ics", HTTP_HOST=world.host(world.probolinggo)
    )
    assert response.status_code == 404


def test_owners_who_lost_the_right_get_404(scene, world, client):
    admin = world.users["admin_probolinggo"]
    region_feed = feeds.feed_for(admin, Scope.REGION, "35.74")
    Membership.objects.filter(user=admin, workspace=world.probolinggo).delete()
    assert get_feed(client, region_feed).status_code == 404

    analyst = world.users["ministry_analyst"]
    ministry_feed = feeds.feed_for(analyst, Scope.MINISTRY)
    analyst.is_active = False
    analyst.save()
    assert get_feed(client, ministry_feed).status_code == 404

    rep = scene["rep"]
    rep_feed = feeds.feed_for(rep.user, Scope.FACILITATOR)
    Workshop.objects.filter(ministry_rep=rep).update(ministry_rep=None)
    rep.delete()
    assert get_feed(client, rep_feed).status_code == 404


def test_an_expired_region_admin_membership_ends_the_feed(scene, world, client):
    admin = world.users["admin_pasuruan"]
    feed = feeds.feed_for(admin, Scope.REGION, "35.75")
    assert get_feed(client, feed).status_code == 200
    Membership.objects.filter(user=admin).update(
        valid_from=date(2017, 1, 1), valid_until=date.today() - timedelta(days=1)
    )
    assert get_feed(client, feed).status_code == 404


def test_no_region_feed_for_a_region_one_does_not_administer(scene, world, client_for):
    outsider = world.users["admin_pasuruan"]
    assert feeds.feed_for(outsider, Scope.REGION, "35.74") is None
    assert feeds.feed_for(world.users["facilitator_current"], Scope.REGION, "35.74") is None
    assert feeds.feed_for(world.users["nobody"], Scope.MINISTRY) is None
    response = client_for(outsider).get("/saya/kalender/", HTTP_HOST=APEX)
    assert response.status_code == 200
    assert b"Kota Pasuruan" in response.content and b"Kota Probolinggo" not in response.content
    assert not CalendarFeed.objects.filter(owner=outsider, region_id="35.74").exists()
    # Even a feed row left from earlier gives nothing.
    stale = CalendarFeed.objects.create(owner=outsider, scope=Scope.REGION, region_id="35.74")
    assert client_for(None).get(f"/kalender/{stale.token}.ics", HTTP_HOST=APEX).status_code == 404


def test_my_calendars_lists_each_feed_of_the_user_with_an_absolute_apex_url(scene, world, client_for):
    admin = world.users["admin_probolinggo"]
    Facilitator.objects.create(user=admin, institution="Diskominfo", home_province_id="35")
    response = client_for(admin).get("/saya/kalender/", HTTP_HOST=APEX)
    assert response.status_code == 200
    titles = [link.title for link in response.context["links"]]
    assert titles == ["Bimtek saya", "Bimtek Kota Probolinggo"]
    for link in response.context["links"]:
        assert link.url == f"http://{APEX}/kalender/{link.feed.token}.ics"
        assert link.url.encode() in response.content
    # A second visit shows the same links (made once).
    again = client_for(admin).get("/saya/kalender/", HTTP_HOST=APEX)
    assert [link.url for link in again.context["links"]] == [link.url for link in response.context["links"]]
    assert CalendarFeed.objects.filter(owner=admin).count() == 2


def test_ministry_staff_get_the_ministry_feed(world, client_for):
    response = client_for(world.users["ministry_admin"]).get("/saya/kalender/", HTTP_HOST=APEX)
    assert [link.feed.scope for link in response.context["links"]] == [Scope.MINISTRY]


@pytest.mark.parametrize("who", ["nobody", "facilitator_current", "facilitator_expired"])
def test_people_without_a_calendar_are_refused_my_calendars(world, client_for, who):
    assert client_for(world.users[who]).get("/saya/kalender/", HTTP_HOST=APEX).status_code == 404


def test_anonymous_is_sent_to_sign_in(world, client):
    response = client.get("/saya/kalender/", HTTP_HOST=APEX)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_workspace_page_links_to_the_apex(scene, world, rf):
    """The helper for other pages: the URL names the apex host, whichever host the page is on."""
    request = rf.get("/", HTTP_HOST=f"{world.host(world.probolinggo)}:8000")
    link = feeds.link_of(feeds.feed_for(world.users["admin_probolinggo"], Scope.REGION, "35.74"), request)
    assert link.url.startswith(f"http://{APEX}:8000/kalender/")
    assert link.webcal_url.startswith(f"webcal://{APEX}:8000/kalender/")
    assert link.manage_url == f"http://{APEX}:8000/saya/kalender/"
