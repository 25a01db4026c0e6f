"""A region admin writes a program in the browser: the form with its rows, saved, shown.

Runs in Debian's Chromium against a real server (fixtures of ``tests/test_browser.py``);
what it writes is committed, so it removes it afterwards.
"""

import pytest
from django.db import connection

from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def lead_opd(committed_db):
    from programs.models import Opd, Program
    from tenants.models import Workspace

    connection.set_tenant(Workspace.objects.get(region_id="35.74"))
    opd = Opd.objects.create(acronym="DISPERTA", name="Dinas Pertanian", head="Ir. Tani")
    connection.set_schema_to_public()
    yield opd
    connection.set_tenant(Workspace.objects.get(region_id="35.74"))
    Program.objects.filter(lead_opd=opd).delete()
    opd.delete()
    connection.set_schema_to_public()


def test_region_admin_writes_a_program_with_indicator_and_funding(lead_opd, server, page):  # noqa: F811
    from tests.conftest import PASSWORD

    base = f"http://kota-probolinggo.sc100.test:{server}"
    page.goto(base + "/program/baru/")
    page.fill("input[name=username]", "admin_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/program/baru/")

    page.fill("#id_p-title", "Go Nik (pertanian organik)")
    page.select_option("#id_p-dimension", label="Smart Economy")
    page.select_option("#id_p-sub_dimension", label="Smart Economy – Kesejahteraan")
    page.select_option("#id_p-lead_opd", label="DISPERTA")
    page.select_option("#id_p-horizon", value="medium")
    page.fill("#id_p-start_year", "2025")
    page.fill("#id_p-end_year", "2029")
    page.fill("#id_ind-0-name", "Petani organik bersertifikat")
    page.fill("#id_ind-0-targets", "2026: 80; 2029: 250")
    page.select_option("#id_fund-0-source", label="APBD")
    page.fill("#id_fund-0-year", "2025")
    page.fill("#id_fund-0-amount", "275000000")
    page.click("form.program-form button[type=submit]")

    page.wait_for_url(base + "/program/*/")
    main = page.locator("main").inner_text()
    assert "Go Nik (pertanian organik)" in main
    assert "Rp 275.000.000" in main and "2026: 80; 2029: 250" in main and "2025–2029" in main
    page.goto(base + "/program/?dimension=economy")
    assert "Go Nik (pertanian organik)" in page.locator("table").inner_text()
