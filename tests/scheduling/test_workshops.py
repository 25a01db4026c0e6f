"""The hand edit of a workshop: the page, its live conflict check, saving and status actions."""

from datetime import date
from functools import partial

import pytest
from django.urls import reverse as any_reverse

from programs.scheduling.models import PlanVersion, Workshop
from tests.scheduling import factories

pytestmark = pytest.mark.django_db

APEX = "sc100.test"
reverse = partial(any_reverse, urlconf="platform.urls_public")
ACEH, PAPUA = "11.71", "91.71"  # Kota Banda Aceh and Kota Jayapura: two days of travel apart


@pytest.fixture
def setup(world):
    """Ani leads Bimtek I in Banda Aceh on 2–3 Jul 2018; Bimtek I of Jayapura is placed later
    with another lead, far from her."""
    plan = factories.plan(regions=(ACEH, PAPUA))
    ani = factories.facilitator("ani.ws@example.id", full_name="Ani Lestari")
    budi = factories.facilitator("budi.ws@example.id", full_name="Budi Santoso", stages=(2, 3, 4))
    citra = factories.facilitator("citra.ws@example.id", full_name="Citra Dewi")
    rep = factories.facilitator("rina.ws@example.id", kind="official", full_name="Rina Pejabat")
    aceh = factories.place(plan.workshops.get(region_id=ACEH, stage=1), date(2018, 7, 2), ani)
    papua = factories.place(plan.workshops.get(region_id=PAPUA, stage=1), date(2018, 7, 23), citra)
    return {"plan": plan, "ani": ani, "budi": budi, "citra": citra, "rep": rep, "aceh": aceh, "papua": papua}


def url(name, workshop):
    return reverse(name, kwargs={"plan_pk": workshop.plan_id, "pk": workshop.pk})


def form_data(workshop, **changes):
    data = {
        "starts": workshop.starts.isoformat() if workshop.starts else "",
        "ends": "",
        "lead": workshop.lead_id or "",
        "co_facilitators": [f.pk for f in workshop.co_facilitators.all()],
        "ministry_rep": workshop.ministry_rep_id or "",
        "venue": workshop.venue,
        "notes": workshop.notes,
    }
    data.update(changes)
    return data


# --- the page ---------------------------------------------------------------------------------


def test_an_admin_gets_the_form_with_only_eligible_leads(world, client_for, setup):
    response = client_for(world.users["ministry_admin"]).get(
        url("schedule-workshop-edit", setup["papua"]), HTTP_HOST=APEX
    )
    assert response.status_code == 200
    form = response.context["form"]
    leads = set(form.fields["lead"].queryset)
    assert {setup["ani"], setup["citra"]} <= leads and setup["budi"] not in leads and setup["rep"] not in leads
    assert set(form.fields["ministry_rep"].queryset) == {setup["rep"]}
    html = response.content.decode()
    assert 'hx-post="' + url("schedule-workshop-check", setup["papua"]) in html
    assert "Tidak ada bentrok." in html
    assert "Konfirmasi" in html and "Batalkan" in html


def test_an_analyst_reads_without_a_form_or_actions(world, client_for, setup):
    client = client_for(world.users["ministry_analyst"])
    response = client.get(url("schedule-workshop-edit", setup["aceh"]), HTTP_HOST=APEX)
    assert response.status_code == 200
    assert response.context["form"] is None and response.context["actions"] == []
    assert "Ani Lestari" in response.content.decode()
    for name in ("schedule-workshop-edit", "schedule-workshop-check"):
        posted = client.post(url(name, setup["aceh"]), form_data(setup["aceh"], venue="X"), HTTP_HOST=APEX)
        assert posted.status_code == 404
    posted = client.post(url("schedule-workshop-status", setup["aceh"]), {"action": "confirm"}, HTTP_HOST=APEX)
    assert posted.status_code == 404
    setup["aceh"].refresh_from_db()
    assert setup["aceh"].venue == "" and setup["aceh"].status == Workshop.Status.PROPOSED


@pytest.mark.parametrize("who", ["admin_probolinggo", "facilitator_current", "nobody"])
def test_outsiders_get_404_on_every_workshop_url(world, client_for, setup, who):
    factories.facilitator("facilitator_current@example.id")
    client = client_for(world.users[who])
    for name in ("schedule-workshop-edit", "schedule-workshop-check", "schedule-workshop-status"):
        for method in ("get", "post"):
            response = getattr(client, method)(url(name, setup["aceh"]), {"action": "confirm"}, HTTP_HOST=APEX)
            assert response.status_code == 404, (name, method, response.status_code)
    anonymous = client_for(None).get(url("schedule-workshop-edit", setup["aceh"]), HTTP_HOST=APEX)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_a_workshop_of_another_plan_is_404(world, client_for, setup):
    other = factories.plan(year=2019, regions=("35.01",))
    wrong = reverse("schedule-workshop-edit", kwargs={"plan_pk": other.pk, "pk": setup["aceh"].pk})
    assert client_for(world.users["ministry_admin"]).get(wrong, HTTP_HOST=APEX).status_code == 404


# --- the live check ---------------------------------------------------------------------------


def test_moving_a_workshop_next_to_the_leads_other_shows_travel_and_moving_away_clears_it(world, client_for, setup):
    client = client_for(world.users["ministry_admin"])
    papua, check = setup["papua"], url("schedule-workshop-check", setup["papua"])
    # Ani ends in Aceh on 3 Jul; Jayapura from 5 Jul leaves one free day, two are needed.
    response = client.post(check, form_data(papua, starts="2018-07-05", lead=setup["ani"].pk), HTTP_HOST=APEX)
    assert response.status_code == 200
    [violation] = response.context["warnings"]
    assert violation.code == "travel" and violation.person == setup["ani"].pk
    html = response.content.decode()
    assert "Ani Lestari butuh 2 hari perjalanan" in html and "Kota Jayapura" in html and "Kota Banda Aceh" in html
    response = client.post(check, form_data(papua, starts="2018-07-09", lead=setup["ani"].pk), HTTP_HOST=APEX)
    assert response.status_code == 200 and response.context["warnings"] == []
    assert "Tidak ada bentrok." in response.content.decode()
    # Nothing was saved by checking.
    papua.refresh_from_db()
    assert (papua.starts, papua.lead_id) == (date(2018, 7, 23), setup["citra"].pk)
    assert not PlanVersion.objects.filter(plan=setup["plan"]).exists()


def test_a_co_facilitator_or_representative_counts_in_the_check(world, client_for, setup):
    client = client_for(world.users["ministry_admin"])
    papua = setup["papua"]
    data = form_data(papua, starts="2018-07-03", co_facilitators=[setup["ani"].pk])
    response = client.post(url("schedule-workshop-check", papua), data, HTTP_HOST=APEX)
    assert [v.code for v in response.context["warnings"]] == ["overlap"]


def test_the_check_answers_400_with_field_errors_for_bad_input(world, client_for, setup):
    client = client_for(world.users["ministry_admin"])
    papua = setup["papua"]
    response = client.post(url("schedule-workshop-check", papua), form_data(papua, starts="31-31-2018"), HTTP_HOST=APEX)
    assert response.status_code == 400 and "Tanggal mulai" in response.content.decode()
    response = client.post(
        url("schedule-workshop-check", papua), form_data(papua, starts="2018-07-10", ends="2018-07-09"), HTTP_HOST=APEX
    )
    assert response.status_code == 400 and "sebelum tanggal mulai" in response.content.decode()
    response = client.post(
        url("schedule-workshop-check", papua), form_data(papua, lead=setup["budi"].pk), HTTP_HOST=APEX
    )
    assert response.status_code == 400  # Budi does not lead stage I: not a choice
    assert client.get(url("schedule-workshop-check", papua), HTTP_HOST=APEX).status_code == 405


# --- saving -----------------------------------------------------------------------------------


def test_saving_keeps_a_conflict_and_shows_it_after_save(world, client_for, setup):
    client = client_for(world.users["ministry_admin"])
    papua = setup["papua"]
    data = form_data(papua, starts="2018-07-05", lead=setup["ani"].pk, ministry_rep=setup["rep"].pk, venue="Aula")
    response = client.post(url("schedule-workshop-edit", papua), data, HTTP_HOST=APEX, follow=True)
    assert response.status_code == 200
    papua.refresh_from_db()
    assert (papua.starts, papua.ends, papua.lead, papua.ministry_rep) == (
        date(2018, 7, 5),
        date(2018, 7, 6),
        setup["ani"],
        setup["rep"],
    )
    assert papua.venue == "Aula"
    html = response.content.decode()
    assert "disimpan" in html and "butuh 2 hari perjalanan" in html
    assert PlanVersion.objects.filter(plan=setup["plan"], kind=PlanVersion.Kind.EDIT).count() == 1


def test_a_bad_edit_is_a_400_with_field_errors_and_nothing_saved(world, client_for, setup):
    client = client_for(world.users["ministry_admin"])
    papua = setup["papua"]
    data = form_data(papua, lead=setup["ani"].pk, co_facilitators=[setup["ani"].pk])
    response = client.post(url("schedule-workshop-edit", papua), data, HTTP_HOST=APEX)
    assert response.status_code == 400
    assert "sudah menjadi pemimpin" in response.content.decode()
    response = client.post(
        url("schedule-workshop-edit", papua), form_data(papua, ends="2018-07-30", starts=""), HTTP_HOST=APEX
    )
    assert response.status_code == 400 and "Isi tanggal mulai" in response.content.decode()
    papua.refresh_from_db()
    assert papua.lead == setup["citra"]


def test_a_custom_end_is_kept_and_an_empty_end_follows_the_plan(world, client_for, setup):
    client = client_for(world.users["ministry_admin"])
    papua = setup["papua"]
    client.post(url("schedule-workshop-edit", papua), form_data(papua, ends="2018-07-25"), HTTP_HOST=APEX)
    papua.refresh_from_db()
    assert papua.ends == date(2018, 7, 25)
    page = client.get(url("schedule-workshop-edit", papua), HTTP_HOST=APEX)
    assert page.context["form"].initial["ends"] == date(2018, 7, 25)
    client.post(url("schedule-workshop-edit", papua), form_data(papua, starts="2018-07-30"), HTTP_HOST=APEX)
    papua.refresh_from_db()
    assert (papua.starts, papua.ends) == (date(2018, 7, 30), date(2018, 7, 31))


# --- status -----------------------------------------------------------------------------------


def status(client, workshop, action):
    return client.post(url("schedule-workshop-status", workshop), {"action": action}, HTTP_HOST=APEX)


def test_confirm_lock_unlock_cancel_restore(world, client_for, setup):
    client = client_for(world.users["ministry_admin"])
    aceh = setup["aceh"]
    for action, expected in [
        ("confirm", Workshop.Status.CONFIRMED),
        ("lock", Workshop.Status.LOCKED),
        ("unlock", Workshop.Status.CONFIRMED),
        ("cancel", Workshop.Status.CANCELLED),
        ("restore", Workshop.Status.PROPOSED),
    ]:
        response = status(client, aceh, action)
        assert response.status_code == 302, (action, response.content[:500])
        aceh.refresh_from_db()
        assert aceh.status == expected, action


def test_a_locked_workshop_is_read_only_with_an_unlock_button(world, client_for, setup):
    client = client_for(world.users["ministry_admin"])
    aceh = setup["aceh"]
    status(client, aceh, "confirm")
    status(client, aceh, "lock")
    page = client.get(url("schedule-workshop-edit", aceh), HTTP_HOST=APEX)
    assert page.context["form"] is None
    assert [a for a, _label, _secondary in page.context["actions"]] == ["unlock"]
    assert "Buka kunci" in page.content.decode()
    response = client.post(url("schedule-workshop-edit", aceh), form_data(aceh, venue="Hotel"), HTTP_HOST=APEX)
    assert response.status_code == 400 and "dikunci" in response.content.decode()
    aceh.refresh_from_db()
    assert aceh.venue == "" and aceh.status == Workshop.Status.LOCKED


def test_refused_status_changes_are_400_with_a_message(world, client_for, setup):
    client = client_for(world.users["ministry_admin"])
    unplaced = setup["plan"].workshops.get(region_id=ACEH, stage=2)
    response = status(client, unplaced, "confirm")
    assert response.status_code == 400
    assert "tanpa tanggal atau pemimpin tidak dapat dikonfirmasi" in response.content.decode()
    response = status(client, setup["aceh"], "lock")  # a proposal cannot be locked directly
    assert response.status_code == 400 and "tidak dapat diubah" in response.content.decode()
    assert status(client, setup["aceh"], "unlock").status_code == 400
    assert status(client, setup["aceh"], "explode").status_code == 400
    setup["aceh"].refresh_from_db()
    assert setup["aceh"].status == Workshop.Status.PROPOSED
