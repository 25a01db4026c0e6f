"""Two people editing the same Buku I/II text: the second save is refused with 409 and the
input kept (readiness, SWOT and strategies have no version number; a fingerprint of the
stored content travels with the form)."""

import re

import pytest
from django.db import connection

from programs import selectors, services
from programs.models import Dimension, DimensionPlan, Readiness, SubDimensionPlan
from tests.programs import factories as f

P = "kota-probolinggo.sc100.test"


def _base(page) -> str:
    return re.search(r'name="base" value="([0-9a-f]+)"', page.content.decode()).group(1)


def test_swot_second_save_is_refused_and_the_first_kept(world, client_for, probolinggo):
    connection.set_schema_to_public()
    first, second = client_for(world.users["admin_probolinggo"]), client_for(world.users["ministry_admin"])
    url = "/masterplan/buku-1/swot/governance/"
    base_first, base_second = _base(first.get(url, HTTP_HOST=P)), _base(second.get(url, HTTP_HOST=P))
    assert base_first == base_second
    saved = second.post(url, {"base": base_second, "strengths": "Kekuatan dari kementerian"}, HTTP_HOST=P)
    assert saved.status_code == 302
    refused = first.post(url, {"base": base_first, "weaknesses": "Kelemahan dari admin"}, HTTP_HOST=P)
    assert refused.status_code == 409
    assert "diubah orang lain" in refused.content.decode() and "Kelemahan dari admin" in refused.content.decode()
    connection.set_tenant(world.probolinggo)
    plan = DimensionPlan.objects.get(dimension__code="governance")
    assert (plan.strengths, plan.weaknesses) == ("Kekuatan dari kementerian", "")
    connection.set_schema_to_public()
    again = first.post(
        url, {"base": _base(refused), "strengths": plan.strengths, "weaknesses": "Kelemahan"}, HTTP_HOST=P
    )
    assert again.status_code == 302


def test_readiness_second_save_is_refused(world, client_for, probolinggo):
    rows = list(Readiness.objects.order_by("dimension__order", "id"))
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    base = _base(client.get("/masterplan/buku-1/kesiapan/", HTTP_HOST=P))
    data = {}
    for r in rows:
        data |= {f"r{r.pk}-level": "3", f"r{r.pk}-description": "Cukup"}
    assert client.post("/masterplan/buku-1/kesiapan/", data | {"base": base}, HTTP_HOST=P).status_code == 302
    stale = client.post("/masterplan/buku-1/kesiapan/", data | {"base": base}, HTTP_HOST=P)  # base of before
    assert stale.status_code == 409
    assert "Isi ini diubah orang lain sejak Anda membukanya" in stale.content.decode()


def test_strategy_second_save_is_refused(world, client_for, probolinggo):
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    url = "/masterplan/dimensi/economy/ubah/"
    page = client.get(url, HTTP_HOST=P)
    base = _base(page)
    names = set(re.findall(r'name="(s\d+-(?:strategy|action_plan))"', page.content.decode()))
    data = {"d-strategy": "Strategi ekonomi", "d-action_plan": ""} | {n: "" for n in names}
    assert client.post(url, data | {"base": base}, HTTP_HOST=P).status_code == 302
    assert client.post(url, data | {"d-strategy": "Lain", "base": base}, HTTP_HOST=P).status_code == 409
    connection.set_tenant(world.probolinggo)
    assert DimensionPlan.objects.get(dimension__code="economy").strategy == "Strategi ekonomi"


# The check is the service's, under the masterplan lock: whoever calls it with the
# fingerprint of older content is refused, whatever the page did before.


def test_the_swot_service_refuses_a_save_started_from_older_content(world, probolinggo):
    admin = f.actor(world, "admin_probolinggo")
    governance = Dimension.objects.get(code="governance")
    opened = selectors.swot_fingerprint(selectors.dimension_plan(governance))
    services.update_swot(actor=admin, dimension=governance, fields={"strengths": "A"}, expected_fingerprint=opened)
    with pytest.raises(services.StaleContentError) as stale:
        services.update_swot(actor=admin, dimension=governance, fields={"threats": "B"}, expected_fingerprint=opened)
    plan = DimensionPlan.objects.get(dimension=governance)
    assert (plan.strengths, plan.threats) == ("A", "")
    assert stale.value.current_fingerprint == selectors.swot_fingerprint(plan)
    assert "diubah orang lain" in stale.value.message


def test_the_readiness_service_refuses_a_save_started_from_older_content(world, probolinggo):
    admin = f.actor(world, "admin_probolinggo")
    rows = selectors.readiness_rows()
    opened = selectors.readiness_fingerprint(rows)
    services.update_readiness(actor=admin, rows=[(rows[0], 2, "Ada")], expected_fingerprint=opened)
    with pytest.raises(services.StaleContentError):
        services.update_readiness(actor=admin, rows=[(rows[0], 5, "Lain")], expected_fingerprint=opened)
    assert (Readiness.objects.get(pk=rows[0].pk).level, Readiness.objects.get(pk=rows[0].pk).description) == (2, "Ada")


def test_the_strategy_service_refuses_a_save_started_from_older_content(world, probolinggo):
    admin = f.actor(world, "admin_probolinggo")
    economy = Dimension.objects.get(code="economy")
    subs = selectors.sub_dimensions_with_plans(economy)
    opened = selectors.strategy_fingerprint(selectors.dimension_plan(economy), subs)
    services.update_strategy(
        actor=admin,
        dimension=economy,
        fields={},
        sub_plans={subs[0].pk: {"strategy": "Sub A"}},
        expected_fingerprint=opened,
    )
    with pytest.raises(services.StaleContentError):
        services.update_strategy(
            actor=admin, dimension=economy, fields={"strategy": "Lain"}, expected_fingerprint=opened
        )
    assert DimensionPlan.objects.get(dimension=economy).strategy == ""
    assert SubDimensionPlan.objects.get(sub_dimension=subs[0]).strategy == "Sub A"


def test_the_page_answers_409_when_the_service_finds_the_content_changed(world, client_for, probolinggo, monkeypatch):
    """The page's own read agrees with the form, but someone saves before the service locks."""
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    url = "/masterplan/buku-1/swot/governance/"
    base = _base(client.get(url, HTTP_HOST=P))
    update_swot = services.update_swot

    def someone_saves_first(**kwargs):
        other = f.actor(world, "ministry_admin")
        governance = kwargs["dimension"]
        update_swot(actor=other, dimension=governance, fields={"strengths": "Lebih dulu"}, expected_fingerprint=None)
        return update_swot(**kwargs)

    monkeypatch.setattr(services, "update_swot", someone_saves_first)
    refused = client.post(url, {"base": base, "weaknesses": "Kelemahan"}, HTTP_HOST=P)
    assert refused.status_code == 409
    assert "Kelemahan" in refused.content.decode() and _base(refused) != base
    connection.set_tenant(world.probolinggo)
    assert DimensionPlan.objects.get(dimension__code="governance").weaknesses == ""


# A refused submission (invalid form, or the service's 400) shows the fingerprint the user
# opened the page with, not the one stored now: someone else's save in between is still
# caught when the corrected form comes back.

INVALID = "tidak sah\x00"  # a form refuses null characters


def _opened_then_other_saves(world, client_for, url, other_save):
    """The admin opens ``url``; the ministry admin then saves with ``other_save(actor)``."""
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    opened = _base(client.get(url, HTTP_HOST=P))
    connection.set_tenant(world.probolinggo)
    other_save(f.actor(world, "ministry_admin"))
    connection.set_schema_to_public()
    return client, opened


def _other_save_swot(actor):
    governance = Dimension.objects.get(code="governance")
    services.update_swot(actor=actor, dimension=governance, fields={"strengths": "Lain"}, expected_fingerprint=None)


def _other_then_invalid_then_corrected(world, client_for, url, *, other_save, invalid, corrected):
    client, opened = _opened_then_other_saves(world, client_for, url, other_save)
    refused = client.post(url, invalid | {"base": opened}, HTTP_HOST=P)
    assert refused.status_code == 400
    assert _base(refused) == opened
    again = client.post(url, corrected | {"base": _base(refused)}, HTTP_HOST=P)
    assert again.status_code == 409
    assert "diubah orang lain" in again.content.decode()
    return again


def test_swot_a_corrected_resubmission_still_sees_the_other_save(world, client_for, probolinggo):
    again = _other_then_invalid_then_corrected(
        world,
        client_for,
        "/masterplan/buku-1/swot/governance/",
        other_save=_other_save_swot,
        invalid={"weaknesses": INVALID},
        corrected={"weaknesses": "Kelemahan saya"},
    )
    assert "Kelemahan saya" in again.content.decode()
    connection.set_tenant(world.probolinggo)
    plan = DimensionPlan.objects.get(dimension__code="governance")
    assert (plan.strengths, plan.weaknesses) == ("Lain", "")


def test_readiness_a_corrected_resubmission_still_sees_the_other_save(world, client_for, probolinggo):
    rows = list(Readiness.objects.order_by("dimension__order", "id"))

    def other_save(actor):
        services.update_readiness(actor=actor, rows=[(rows[0], 2, "Lain")], expected_fingerprint=None)

    data = {}
    for r in rows:
        data |= {f"r{r.pk}-level": "3", f"r{r.pk}-description": "Punya saya"}
    again = _other_then_invalid_then_corrected(
        world,
        client_for,
        "/masterplan/buku-1/kesiapan/",
        other_save=other_save,
        invalid=data | {f"r{rows[0].pk}-level": "9"},
        corrected=data,
    )
    assert "Punya saya" in again.content.decode()
    connection.set_tenant(world.probolinggo)
    row = Readiness.objects.get(pk=rows[0].pk)
    assert (row.level, row.description) == (2, "Lain")


def test_strategy_a_corrected_resubmission_still_sees_the_other_save(world, client_for, probolinggo):
    def other_save(actor):
        economy = Dimension.objects.get(code="economy")
        services.update_strategy(actor=actor, dimension=economy, fields={"strategy": "Lain"}, expected_fingerprint=None)

    again = _other_then_invalid_then_corrected(
        world,
        client_for,
        "/masterplan/dimensi/economy/ubah/",
        other_save=other_save,
        invalid={"d-strategy": INVALID, "d-action_plan": ""},
        corrected={"d-strategy": "Strategi saya", "d-action_plan": ""},
    )
    assert "Strategi saya" in again.content.decode()
    connection.set_tenant(world.probolinggo)
    assert DimensionPlan.objects.get(dimension__code="economy").strategy == "Lain"


def test_a_refusal_of_the_service_shows_the_submitted_base_again(world, client_for, probolinggo, monkeypatch):
    from django.core.exceptions import ValidationError

    url = "/masterplan/buku-1/swot/governance/"
    client, opened = _opened_then_other_saves(world, client_for, url, _other_save_swot)

    def refuse(**kwargs):
        raise ValidationError("Ditolak.")

    monkeypatch.setattr(services, "update_swot", refuse)
    refused = client.post(url, {"base": opened, "weaknesses": "Kelemahan"}, HTTP_HOST=P)
    assert refused.status_code == 400
    assert "Ditolak." in refused.content.decode() and _base(refused) == opened
