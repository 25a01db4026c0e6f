"""Two-factor sign-in in Chromium: a new ministry admin is sent to enrolment at the first
sign-in, reads the secret off the page (an authenticator app would scan the QR code), confirms
it with a code, keeps the recovery codes, signs out and signs in again with a code, and the
verified session also opens a workspace on its subdomain."""

from base64 import b32decode

import pytest

from tests.conftest import PASSWORD
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser

EMAIL = "admin.baru@kementerian.example.id"


@pytest.fixture
def new_admin(committed_db):
    from axes.models import AccessAttempt, AccessLog

    from platform.accounts.models import User

    user = User.objects.create_user(
        email=EMAIL, password=PASSWORD, national_role=User.NationalRole.MINISTRY_ADMIN, full_name="Admin Baru"
    )
    yield user
    user.delete()  # with its devices
    AccessLog.objects.filter(username=EMAIL).delete()
    AccessAttempt.objects.filter(username=EMAIL).delete()


def code_from_page_secret(secret_text: str, *, ahead: int = 0) -> str:
    from django_otp.oath import totp

    key = b32decode("".join(secret_text.split()))
    return f"{totp(key, drift=ahead):06d}"


def sign_in(page, base):  # noqa: F811
    page.goto(f"{base}/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_a_ministry_admin_enrols_signs_out_and_signs_in_with_a_code(new_admin, server, page):  # noqa: F811
    base = f"http://sc100.test:{server}"
    sign_in(page, base)
    page.wait_for_url("**/accounts/two-factor/enrol/**")
    assert page.locator(".qr svg").is_visible()
    secret = page.locator("#totp-secret").inner_text()

    page.fill("input[name=code]", "000000" if code_from_page_secret(secret) != "000000" else "111111")
    page.click("main button[type=submit]")
    assert page.get_by_text("Kode tidak cocok").is_visible()

    page.fill("input[name=code]", code_from_page_secret(secret))
    page.click("main button[type=submit]")
    codes = page.locator("#recovery-codes li")
    assert codes.count() == 10
    page.click("text=Lanjutkan")
    page.wait_for_url(f"{base}/")
    assert page.goto(f"{base}/cohorts/").status == 200

    page.click("header button:has-text('Keluar')")
    page.wait_for_url("**/accounts/login/**")
    sign_in(page, base)
    page.wait_for_url("**/accounts/two-factor/?next=**")
    page.fill("input[name=code]", code_from_page_secret(secret, ahead=1))  # the next code: the last one is used
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")
    assert "/accounts/" not in page.url

    # One session for every subdomain: the workspace opens without asking again.
    workspace = f"http://kota-probolinggo.sc100.test:{server}/"
    assert page.goto(workspace).status == 200
    assert page.url == workspace


REGION_EMAIL = "staf.keamanan@probolinggokota.example.id"


@pytest.fixture
def region_user(committed_db):
    from axes.models import AccessAttempt, AccessLog

    from platform.accounts.models import User

    user = User.objects.create_user(email=REGION_EMAIL, password=PASSWORD, full_name="Staf Keamanan")
    yield user
    user.delete()
    AccessLog.objects.filter(username=REGION_EMAIL).delete()
    AccessAttempt.objects.filter(username=REGION_EMAIL).delete()


def test_a_region_user_turns_the_second_factor_on_renews_codes_and_turns_it_off(region_user, server, page):  # noqa: F811
    """On *Keamanan*, optional for a region user: on (with a code), new recovery codes, off."""
    base = f"http://sc100.test:{server}"
    page.goto(f"{base}/accounts/security/")
    page.fill("input[name=username]", REGION_EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/accounts/security/")  # not forced to enrol
    assert page.get_by_text("Belum aktif").is_visible()

    page.click("text=Aktifkan verifikasi dua langkah")
    page.wait_for_url("**/accounts/two-factor/enrol/**")
    secret = page.locator("#totp-secret").inner_text()
    page.fill("input[name=code]", code_from_page_secret(secret))
    page.click("main button[type=submit]")
    first_codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(first_codes) == 10

    page.goto(f"{base}/accounts/security/")
    assert page.get_by_text("Aktif: saat masuk").is_visible()
    page.get_by_role("button", name="Buat kode pemulihan baru").click()
    new_codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(new_codes) == 10 and not set(new_codes) & set(first_codes)

    page.goto(f"{base}/accounts/security/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Matikan verifikasi dua langkah").click()
    page.wait_for_url("**/accounts/security/**")
    assert page.get_by_text("Belum aktif").is_visible()
