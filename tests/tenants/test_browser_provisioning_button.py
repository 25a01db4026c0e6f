"""The cohort page in Chromium: while a provisioning job runs its button is disabled (and
says why); when the job ends, the page's polling reloads it and the button is enabled again."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser
YEAR = 2031


@pytest.fixture
def running_job(committed_db):
    """A cohort with one region and a running provisioning job; removed afterwards (requested
    before the browser, so it runs after the browser is closed)."""
    from platform.accounts.models import User
    from tenants.models import Cohort, ProvisioningJob, Region
    from tenants.services import create_cohort

    admin = User.objects.get(email="ministry_admin@example.id")
    cohort = create_cohort(actor=admin, year=YEAR, mou_date=None, region_codes=["35.13"])
    job = ProvisioningJob.objects.create(
        cohort=cohort, requested_by=admin, status=ProvisioningJob.Status.RUNNING, total=1
    )
    yield job
    ProvisioningJob.objects.filter(cohort=cohort).delete()
    Region.objects.filter(cohort=cohort).update(cohort=None)
    Cohort.objects.filter(pk=cohort.pk).delete()


def finish(job) -> None:
    """Mark the job failed, from another thread (Django refuses queries beside Playwright's loop)."""

    def write():
        from tenants.models import ProvisioningJob

        try:
            ProvisioningJob.objects.filter(pk=job.pk).update(status=ProvisioningJob.Status.FAILED, error="Uji")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(write).result()


def test_the_provisioning_button_is_disabled_while_the_job_runs(running_job, server, page):  # noqa: F811
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    base = f"http://sc100.test:{server}"
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, "ministry_admin@example.id")
    page.goto(f"{base}/cohorts/{YEAR}/")
    button = page.get_by_role("button", name="Siapkan ruang kerja", exact=True)
    assert button.is_disabled() and button.get_attribute("aria-disabled") == "true"
    assert "Penyiapan sedang berjalan" in page.locator("#provision-busy").inner_text()

    finish(running_job)  # the polling sees the job end and reloads the page
    page.wait_for_function(
        "() => { const b = [...document.querySelectorAll('main button')]"
        ".find(b => b.textContent.trim() === 'Siapkan ruang kerja'); return b && !b.disabled; }",
        timeout=15000,
    )
    assert page.get_by_role("button", name="Siapkan ruang kerja", exact=True).get_attribute("aria-disabled") is None
    assert page.locator("#provision-busy").count() == 0
    assert [e for e in errors if "Cross-Origin-Opener-Policy" not in e] == []
