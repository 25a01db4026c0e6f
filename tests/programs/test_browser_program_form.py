"""An OPD editor fills in the program form in the browser: the error summary of an empty
save, sub-dimensions filtered by the chosen dimension, a funding row added in place with an
amount typed the Indonesian way, and the saved program showing it in rupiah.

Runs in Debian's Chromium against a real server (fixtures of ``tests/test_browser.py``);
what it writes is committed, so it removes it afterwards.
"""

import pytest
from django.db import connection

from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def editor_opd(committed_db):
    """DISPERTA, with editor_probolinggo linked to it as its OPD editor."""
    from django.contrib.auth import get_user_model

    from programs.models import Opd, OpdEditor, Program
    from tenants.models import Workspace

    connection.set_tenant(Workspace.objects.get(region_id="35.74"))
    opd = Opd.objects.create(acronym="DISPERTA", name="Dinas Pertanian", head="Ir. Tani")
    user = get_user_model().objects.get(email="editor_probolinggo@example.id")
    OpdEditor.objects.update_or_create(user_id=user.pk, defaults={"opd": opd})
    connection.set_schema_to_public()
    yield opd
    connection.set_tenant(Workspace.objects.get(region_id="35.74"))
    Program.objects.filter(lead_opd=opd).delete()
    OpdEditor.objects.filter(opd=opd).delete()
    opd.delete()
    connection.set_schema_to_public()


def active_id(page):  # noqa: F811
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_opd_editor_fixes_an_empty_form_and_saves_a_funding_row_added_in_place(editor_opd, server, page):  # noqa: F811
    from tests.conftest import PASSWORD

    errors = []
    page.on("console", lambda m: m.type == "error" and "status of 400" not in m.text and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    base = f"http://kota-probolinggo.sc100.test:{server}"
    page.goto(base + "/program/baru/")
    page.fill("input[name=username]", "editor_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/program/baru/")
    assert page.locator("label[for=id_p-title]").inner_text() == "Nama program (wajib)"

    # An empty save: the summary comes first, takes the focus and leads to each field.
    page.click("form.program-form button[type=submit]")
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert summary.locator("h2").inner_text() == "Ada masalah"
    page.wait_for_function("document.activeElement && document.activeElement.id === 'error-summary'")
    assert "Nama program" in summary.inner_text()
    summary.locator('a[href="#id_p-title"]').click()
    assert active_id(page) == "id_p-title"
    summary.locator('a[href="#id_p-sub_dimension"]').click()
    assert active_id(page) == "id_p-sub_dimension"

    # Choosing a dimension leaves only its sub-dimensions.
    page.select_option("#id_p-dimension", label="Smart Economy")
    shown = page.eval_on_selector_all(
        "#id_p-sub_dimension option", "os => os.filter(o => !o.hidden && o.value).map(o => o.textContent)"
    )
    assert shown and all(label.startswith("Smart Economy – ") for label in shown), shown
    page.select_option("#id_p-sub_dimension", label="Smart Economy – Kesejahteraan")

    page.fill("#id_p-title", "Go Nik (pertanian organik)")
    page.select_option("#id_p-lead_opd", label="DISPERTA")
    page.select_option("#id_p-horizon", value="medium")
    page.fill("#id_p-start_year", "2025")
    page.fill("#id_p-end_year", "2029")

    # A funding row added in place (no save first), an amount with thousands separators.
    rows = page.locator("#funding [data-row]")
    before = rows.count()
    page.get_by_role("button", name="Tambah baris pembiayaan").click()
    assert rows.count() == before + 1
    new = f"fund-{before}"
    assert active_id(page) == f"id_{new}-source"
    page.select_option(f"#id_{new}-source", label="APBD")
    page.fill(f"#id_{new}-year", "2025")
    page.fill(f"#id_{new}-amount", "1.250.000")
    # An indicator row added and removed again is not saved.
    page.get_by_role("button", name="Tambah indikator").click()
    page.fill("#id_ind-1-name", "Dihapus lagi")
    page.locator("#indicators [data-row]").nth(1).get_by_role("button", name="Hapus baris").click()
    assert not page.locator("#id_ind-1-name").is_visible()

    page.click("form.program-form button[type=submit]")
    page.wait_for_url(base + "/program/*/")
    main = page.locator("main").inner_text()
    assert "Go Nik (pertanian organik)" in main and "Rp 1.250.000" in main
    assert "Dihapus lagi" not in main
    assert [e for e in errors if "Cross-Origin-Opener-Policy" not in e] == []
