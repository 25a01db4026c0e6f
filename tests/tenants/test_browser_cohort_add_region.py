"""In Chromium the ministry admin adds a region to the 2018 cohort from its page: a name that is
not one of the list is a form error next to the field; a region of the list joins the cohort
and its workspace is on the way (the provisioning job shows). Desktop and phone widths.

What it writes is committed for the server process, so the fixture removes it afterwards.
"""

import pytest

from tests.conftest import sign_in_in_browser, watch_browser_problems
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture
def mojokerto_stays_out(committed_db):
    from platform.celery import app
    from tenants.models import Cohort, ProvisioningJob, Region

    cohort = Cohort.objects.get(year=2018)
    jobs_before = set(ProvisioningJob.objects.values_list("pk", flat=True))
    yield
    Region.objects.filter(code="35.76").update(cohort=None)
    ProvisioningJob.objects.filter(cohort=cohort).exclude(pk__in=jobs_before).delete()
    app.control.purge()  # the job's task, never run: no worker reads this test's broker


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}])
def test_ministry_admin_adds_a_region_to_a_cohort(mojokerto_stays_out, server, page, viewport):  # noqa: F811
    base = f"http://sc100.test:{server}"
    page.set_viewport_size(viewport)
    problems = watch_browser_problems(page)
    sign_in_in_browser(page, base, "ministry_admin@example.id")
    page.goto(f"{base}/cohorts/2018/")

    field = page.get_by_label("Kabupaten/kota")
    assert field.get_attribute("list") == "free-regions"
    options = page.locator("#free-regions option")
    assert page.locator('#free-regions option[value="35.76 · Kota Mojokerto"]').count() == 1
    assert page.locator('#free-regions option[value^="35.74 "]').count() == 0  # already in 2018
    assert options.count() > 100

    field.fill("Mojokerto")
    page.get_by_role("button", name="Tambahkan dan siapkan ruang kerja").click()
    page.wait_for_load_state()
    assert "Pilih kabupaten/kota dari daftar." in page.locator("#add-region").inner_text()

    page.get_by_label("Kabupaten/kota").fill("35.76 · Kota Mojokerto")
    page.get_by_role("button", name="Tambahkan dan siapkan ruang kerja").click()
    page.wait_for_url(f"{base}/cohorts/2018/")
    main = page.locator("main").inner_text()
    assert "Kota Mojokerto ditambahkan ke angkatan 2018; ruang kerjanya disiapkan." in main
    row = page.locator("tr", has_text="Kota Mojokerto")
    assert "35.76" in row.inner_text() and "belum" in row.inner_text()
    assert page.locator('#free-regions option[value^="35.76 "]').count() == 0
    overflow = page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert problems == []
