"""In Chromium the ministry admin reads which columns and codes the history import accepts,
uploads a file with Indonesian headers and lands on the ranking of the imported period.
Desktop and phone widths; the page never scrolls sideways.

The results are committed for the server process, so the fixture removes them afterwards.
"""

import pytest

from tests.conftest import sign_in_in_browser, watch_browser_problems
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser

YEAR = 2032  # a year no other test writes
PAGE_OVERFLOW = "() => document.scrollingElement.scrollWidth - window.innerWidth"


@pytest.fixture
def framework(committed_db):
    from assessments.framework import selectors
    from assessments.framework.models import FrameworkVersion, PublishedResult, RegionSnapshot
    from assessments.framework.services import seed_standard_versions

    seeded = not FrameworkVersion.objects.exists()
    seed_standard_versions()
    selectors.forget_labels()
    yield
    PublishedResult.objects.filter(year=YEAR).delete()
    RegionSnapshot.objects.filter(year=YEAR).delete()
    if seeded:
        FrameworkVersion.objects.all().delete()
    selectors.forget_labels()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}])
def test_ministry_admin_imports_history_with_indonesian_headers(framework, server, page, viewport, tmp_path):  # noqa: F811
    base = f"http://sc100.test:{server}"
    page.set_viewport_size(viewport)
    problems = watch_browser_problems(page)
    sign_in_in_browser(page, base, "ministry_admin@example.id")
    page.goto(f"{base}/assessments/history/import/")

    help_text = page.locator("#history-columns").inner_text()
    assert "kode_daerah" in help_text and "tahun" in help_text and "nilai" in help_text
    assert "baseline" in page.locator("#component-codes").inner_text()
    assert "governance" in page.locator("#dimension-codes").inner_text()
    assert page.evaluate(PAGE_OVERFLOW) <= 0

    upload = tmp_path / "hasil.csv"
    upload.write_text(
        f"Kode daerah;Tahun;Tahap;Nilai;Peringkat;komponen:baseline\n35.74;{YEAR};1;3,21;1;3,40\n"
        f"35.75;{YEAR};1;2,95;2;3,00\n",
        encoding="utf-8",
    )
    page.set_input_files("input[type=file]", str(upload))
    page.get_by_role("button", name="Impor", exact=True).click()
    page.wait_for_url(f"{base}/assessments/ranking/?period={YEAR}-1")
    main = page.locator("main").inner_text()
    assert "2 hasil baru, 0 diperbarui." in main
    assert "Kota Probolinggo" in main and "Kota Pasuruan" in main
    assert problems == []
