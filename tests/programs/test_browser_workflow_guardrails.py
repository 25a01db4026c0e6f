"""The workflow's guardrails in the browser: the region admin submits the masterplan while
checklist items fail, sees the list on a second page, confirms with a reason, and the status
history shows the reason and the failing items; a council member approves the same way, after
a refused confirmation (no box ticked) shown as a form error.

Runs in Debian's Chromium against a real server (fixtures of ``tests/test_browser.py``);
what it writes is committed, so it puts the masterplan back in draft afterwards.
"""

import pytest
from django.db import connection

from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser
HOST = "kota-probolinggo.sc100.test"


@pytest.fixture
def draft_masterplan(committed_db):
    from programs.models import Masterplan, MasterplanTransition
    from tenants.models import Workspace

    def reset():
        connection.set_tenant(Workspace.objects.get(region_id="35.74"))
        MasterplanTransition.objects.all().delete()
        Masterplan.objects.update(status=Masterplan.Status.DRAFT)
        connection.set_schema_to_public()

    reset()
    yield
    reset()


def sign_in(page, base, email):  # noqa: F811
    from tests.conftest import PASSWORD

    page.context.clear_cookies()
    page.goto(base + "/masterplan/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/masterplan/")


def test_submit_and_approve_with_failing_items_need_a_confirmed_reason(draft_masterplan, server, page):  # noqa: F811
    errors = []
    page.on("console", lambda m: m.type == "error" and "status of 400" not in m.text and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    base = f"http://{HOST}:{server}"
    main = page.locator("main")

    # The region admin submits: the failing items come first, on their own page.
    sign_in(page, base, "admin_probolinggo@example.id")
    assert main.locator(".badge.masterplan-draft").inner_text() == "Draf"
    main.get_by_role("button", name="Ajukan ke Dewan Smart City").click()
    page.wait_for_url(base + "/masterplan/status/")
    assert main.locator("h1").inner_text() == "Ajukan ke Dewan Smart City?"
    failing = main.locator("#failing-items li")
    assert failing.count() >= 3 and "Profil daerah belum diisi" in main.locator("#failing-items").inner_text()
    main.get_by_label("Alasan / catatan").fill("Rapat Dewan minggu depan; profil menyusul")
    main.get_by_label("Saya tahu butir di atas belum terpenuhi dan tetap melanjutkan").check()
    main.get_by_role("button", name="Tetap ajukan").click()
    page.wait_for_url(base + "/masterplan/")
    assert "Status masterplan: diajukan." in main.inner_text()
    assert main.locator(".badge.masterplan-submitted").inner_text() == "Diajukan"
    history = main.locator("table").first.inner_text()
    assert "Rapat Dewan minggu depan; profil menyusul" in history and "Profil daerah belum diisi" in history

    # A council member approves likewise; an unticked confirmation is a form error, not a step.
    sign_in(page, base, "council_probolinggo@example.id")
    main.get_by_role("button", name="Setujui").click()
    page.wait_for_url(base + "/masterplan/status/")
    assert main.locator("h1").inner_text() == "Setujui masterplan?"
    main.get_by_label("Alasan / catatan").fill("Disetujui dengan catatan: lengkapi quick win")
    main.get_by_role("button", name="Tetap setujui").click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert "Centang konfirmasi untuk tetap melanjutkan" in summary.inner_text()
    main.get_by_label("Saya tahu butir di atas belum terpenuhi dan tetap melanjutkan").check()
    main.get_by_role("button", name="Tetap setujui").click()
    page.wait_for_url(base + "/masterplan/")
    assert main.locator(".badge.masterplan-approved").inner_text() == "Disetujui"
    history = main.locator("table").first.inner_text()
    assert "Disetujui dengan catatan: lengkapi quick win" in history
    assert history.count("Dilanjutkan walau belum terpenuhi") == 2
    assert [e for e in errors if "Cross-Origin-Opener-Policy" not in e] == []
