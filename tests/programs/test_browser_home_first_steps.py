"""The workspace home in Chromium, at desktop and phone widths: the region admin of a new
workspace sees its first steps in order, follows one to the directory, and the "next" Bimtek
card names a stage still to come (the stages whose date passed unmarked apart, with links).

Dates are committed (fixtures of ``tests/test_browser.py``) and put back afterwards.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser
HOST = "kota-probolinggo.sc100.test"


@pytest.fixture
def stage_dates(committed_db):
    """Bimtek I a month ago (not marked done), II in three weeks, III and IV later."""
    from programs.models import BimtekStage
    from tenants.models import Workspace

    connection.set_tenant(Workspace.objects.get(region_id="35.74"))
    before = {s.number: s.planned_date for s in BimtekStage.objects.all()}
    today = timezone.localdate()
    for number, days in ((1, -30), (2, 21), (3, 60), (4, 90)):
        BimtekStage.objects.filter(number=number).update(planned_date=today + timedelta(days=days))
    connection.set_schema_to_public()
    yield today + timedelta(days=21)
    connection.set_tenant(Workspace.objects.get(region_id="35.74"))
    for number, planned in before.items():
        BimtekStage.objects.filter(number=number).update(planned_date=planned)
    connection.set_schema_to_public()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_new_workspace_home_leads_with_first_steps_and_a_stage_to_come(stage_dates, server, page, width):  # noqa: F811
    from tests.conftest import PASSWORD

    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_viewport_size({"width": width, "height": 844})
    base = f"http://{HOST}:{server}"
    page.goto(base + "/")
    page.fill("input[name=username]", "admin_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")

    steps = page.locator(".first-steps-list li")
    assert steps.count() == 5 and "✔ Undang admin daerah" in steps.nth(0).inner_text()
    assert page.locator(".checklist-summary").count() == 0
    assert page.get_by_role("link", name="Daftar periksa lengkap").is_visible()

    card = page.locator(".card", has_text="Berikutnya dalam tahun Bimtek")
    text = card.inner_text()
    assert "Bimtek II" in text and stage_dates.strftime("%Y") in text
    assert "Tanggalnya telah lewat, belum ditandai selesai" in text
    assert card.get_by_role("link", name="Bimtek I", exact=True).get_attribute("href") == "/bimtek/1/"

    steps.nth(1).get_by_role("link", name="Isi direktori OPD").click()
    page.wait_for_url(base + "/direktori/")
    assert [e for e in errors if "Cross-Origin-Opener-Policy" not in e] == []
