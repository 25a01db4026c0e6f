"""Two people editing the same Buku I/II text: the second save is refused with 409 and the
input kept (readiness, SWOT and strategies have no version number; a fingerprint of the
stored content travels with the form)."""

import re

from django.db import connection

from programs.models import DimensionPlan, Readiness

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
