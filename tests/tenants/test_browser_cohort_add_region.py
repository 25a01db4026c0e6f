"""In Chromium the ministry admin adds a region to the 2018 cohort from its page: a name that is
not one of the list is a form error next to the field; a region of the list joins the cohort
and its workspace is on the way (the provisioning job shows). Desktop and phone widths.

What it writes is committed for the server process, so the fixture removes it afterwards.
"""

import pytest

from tests.conftest import PASSWORD, pass_second_factor_in_browser
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
    problems = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, "ministry_admin@example.id")
    page.wait_for_url(lambda url: "/accounts/" not in url)
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
