"""The registry journeys in Chromium: a ministry admin imports a small XLSX registry, reads the
preview, imports it and edits one facilitator; a facilitator records a date away on "my
unavailability" and is told clearly why an overlapping one is refused."""

import io

import pytest
from openpyxl import Workbook

from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser

NEW_EMAIL = "dewi.peramban@ugm.ac.id"


def _registry_xlsx(facilitator_email: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["email", "nama", "institusi", "provinsi", "jenis", "tahap", "maks_per_bulan", "aktif"])
    sheet.append([facilitator_email, "", "Universitas Brawijaya", "Jawa Timur", "ahli", "I,II", 4, "ya"])
    sheet.append([NEW_EMAIL, "Dewi Peramban", "Universitas Gadjah Mada", "34", "ahli", "1-4", 3, "ya"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def cleanup(committed_db):
    """Removes what the journey wrote; requested before the browser, so it runs after the
    browser is closed (Django refuses ORM calls beside Playwright's running event loop)."""
    from platform.accounts.models import User
    from programs.scheduling.models import Facilitator, Unavailability

    yield
    Unavailability.objects.filter(facilitator__user__email__in=[NEW_EMAIL, "facilitator_current@example.id"]).delete()
    Facilitator.objects.filter(user__email__in=[NEW_EMAIL, "facilitator_current@example.id"]).delete()
    User.objects.filter(email=NEW_EMAIL).delete()


def _sign_in(page, base, email):  # noqa: F811
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, email)


def test_admin_imports_and_edits_then_a_facilitator_records_unavailability(cleanup, server, page, tmp_path):  # noqa: F811
    base = f"http://sc100.test:{server}"
    upload = tmp_path / "fasilitator.xlsx"
    upload.write_bytes(_registry_xlsx("facilitator_current@example.id"))

    _sign_in(page, base, "ministry_admin@example.id")
    page.goto(f"{base}/fasilitator/impor/")
    page.set_input_files("input[name=file]", str(upload))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#preview")
    assert "Pratinjau impor fasilitator" in page.locator("h1").inner_text()
    assert "Baru: 2" in page.locator("#summary").inner_text()
    assert "Dewi Peramban" in page.locator("#preview").inner_text()
    page.click("#apply")
    page.wait_for_url(f"{base}/fasilitator/")
    assert "Impor selesai: 2 fasilitator baru" in page.locator(".messages").inner_text()
    table = page.locator("#facilitators").inner_text()
    assert "Dewi Peramban" in table and "Universitas Brawijaya" in table

    page.click("text=Dewi Peramban")
    page.wait_for_url("**/ubah/")
    dewi_pk = page.url.rstrip("/").split("/")[-2]
    page.fill("input[name=institution]", "Universitas Indonesia")
    page.uncheck("input[name=stages][value='4']")
    page.click("#facilitator-form button[type=submit]")
    page.wait_for_url(f"{base}/fasilitator/")
    row = page.locator("#facilitators tr", has_text="Dewi Peramban").inner_text()
    assert "Universitas Indonesia" in row and "I, II, III" in row

    page.context.clear_cookies()
    _sign_in(page, base, "facilitator_current@example.id")
    page.goto(f"{base}/saya/ketidaktersediaan/")
    page.fill("input[name=starts]", "2030-07-01")
    page.fill("input[name=ends]", "2030-07-03")
    page.fill("input[name=reason]", "Konferensi")
    page.click("#unavailability-form button[type=submit]")
    page.wait_for_selector(".messages")
    assert "1 Juli 2030" in page.locator("#unavailability").inner_text()

    page.fill("input[name=starts]", "2030-07-02")
    page.fill("input[name=ends]", "2030-07-05")
    page.fill("input[name=reason]", "Cuti")
    page.click("#unavailability-form button[type=submit]")
    error = page.locator("#unavailability-form .errorlist").inner_text()
    assert "Bertumpang tindih dengan 01-07-2030 – 03-07-2030 (Konferensi)" in error
    assert page.locator("#unavailability tbody tr").count() == 1

    # Another facilitator's page stays closed to them.
    assert page.goto(f"{base}/fasilitator/{dewi_pk}/ketidaktersediaan/").status == 404
