"""A region admin fills a component's page and goes on; a facilitator verifies it with a
different score and must write a note.

Runs in Debian's Chromium against a real server (fixtures of ``tests/test_browser.py``);
what it writes is committed, so it removes it afterwards.
"""

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection

from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser


def _in_workspace(workspace, work):
    """Run ``work()`` in ``workspace``'s schema from another thread (Django refuses queries in
    the thread of Playwright's event loop), closing that thread's connection afterwards."""

    def run():
        try:
            connection.set_tenant(workspace)
            return work()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


@pytest.fixture
def open_cycle(committed_db):
    from assessments import services
    from assessments.framework.models import FrameworkVersion, RegionSnapshot
    from assessments.framework.services import seed_standard_versions
    from tenants.access import SYSTEM
    from tenants.models import Workspace

    seeded = not FrameworkVersion.objects.exists()
    version = seed_standard_versions()[1]
    was_frozen = version.frozen_at
    workspace = Workspace.objects.get(region_id="35.74")
    connection.set_tenant(workspace)
    cycle = services.start_cycle(actor=SYSTEM, framework_version=version, year=2031, stage=1)
    connection.set_schema_to_public()
    yield workspace, cycle
    connection.set_tenant(workspace)
    cycle.delete()
    connection.set_schema_to_public()
    RegionSnapshot.objects.filter(region_id="35.74", year=2031).delete()
    if seeded:
        FrameworkVersion.objects.all().delete()
    else:
        FrameworkVersion.objects.filter(pk=version.pk).update(frozen_at=was_frozen)


def _sign_in(page, url, email):  # noqa: F811
    from tests.conftest import PASSWORD

    page.context.clear_cookies()
    page.goto(url)
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(url)


def _baseline(workspace, cycle):
    return _in_workspace(
        workspace,
        lambda: list(
            cycle.responses.filter(indicator__component__code="baseline")
            .order_by("indicator__order", "indicator__code")
            .values_list("pk", flat=True)
        ),
    )


def test_fill_a_component_then_verify_it_with_a_note(open_cycle, server, page):  # noqa: F811
    from assessments import services
    from assessments.models import AssessmentResponse
    from tenants.access import SYSTEM

    workspace, cycle = open_cycle
    base = f"http://kota-probolinggo.sc100.test:{server}"
    url = f"{base}/assessments/{cycle.pk}/komponen/baseline/"
    pks = _baseline(workspace, cycle)

    _sign_in(page, url, "admin_probolinggo@example.id")
    assert "0 dari 30 terisi" in page.locator("#progress").inner_text()
    for pk in pks:
        page.fill(f"#id_{pk}-self_score", "3")
    page.fill(f"#id_{pks[0]}-evidence_text", "Profil daerah 2031")
    page.get_by_role("button", name="Simpan dan lanjut").click()
    page.wait_for_url(f"{base}/assessments/{cycle.pk}/komponen/output/")
    assert "6 dari 30 terisi" in page.locator("#progress").inner_text()
    page.goto(f"{base}/assessments/{cycle.pk}/")
    assert "6 dari 30 terisi" in page.locator("#progress").inner_text()

    # The rest is filled and submitted; then the assigned facilitator verifies the page.
    def fill_and_submit():
        for response in cycle.responses.filter(self_score__isnull=True):
            services.save_self_assessment(
                actor=SYSTEM, response=response, score=Decimal("3"), evidence_text="", evidence_links=""
            )
        services.change_state(actor=SYSTEM, cycle=cycle, action="submit")

    _in_workspace(workspace, fill_and_submit)

    _sign_in(page, url, "facilitator_current@example.id")
    assert "Profil daerah 2031" in page.locator("main").inner_text()
    page.fill(f"#id_{pks[0]}-verified_score", "2")
    for pk in pks[1:]:
        page.fill(f"#id_{pk}-verified_score", "3")
    page.get_by_role("button", name="Simpan dan lanjut").click()
    page.wait_for_load_state()
    assert "Catatan wajib diisi" in page.locator(f"#ind-{pks[0]}").inner_text()
    assert page.locator("#error-summary").is_visible()
    page.fill(f"#id_{pks[0]}-assessor_notes", "Data dasar belum lengkap")
    page.get_by_role("button", name="Simpan dan lanjut").click()
    page.wait_for_url(f"{base}/assessments/{cycle.pk}/komponen/output/")
    assert "6 dari 30 terisi" in page.locator("#progress").inner_text()
    page.goto(url)
    assert "Berbeda dari skor mandiri" in page.locator(f"#ind-{pks[0]}").inner_text()

    first = _in_workspace(workspace, lambda: AssessmentResponse.objects.get(pk=pks[0]))
    assert (first.verified_score, first.assessor_notes) == (Decimal("2"), "Data dasar belum lengkap")
