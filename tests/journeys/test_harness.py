"""The harness itself finds what it must: a serious axe violation fails the check, and a
console error, an uncaught exception and a failed request are recorded."""

import pytest

from tests.journeys.conftest import Journey
from tests.test_browser import page  # noqa: F401  (the browser fixture)

pytestmark = pytest.mark.browser

BROKEN = """<!doctype html><html lang="id"><head><title>Uji</title></head><body><main>
<h1>Uji</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></main></body></html>"""


def test_a_serious_violation_and_browser_errors_are_caught(page):  # noqa: F811
    watched = Journey(page=page, port=0, viewport="desktop")
    page.on("console", watched._console)
    page.on("pageerror", lambda error: watched.problems.append(f"page error: {error}"))
    page.on("requestfailed", watched._failed)
    page.set_content(BROKEN)
    with pytest.raises(AssertionError) as found:
        watched.check()
    assert "image-alt" in str(found.value) and "button-name" in str(found.value)

    page.evaluate("console.error('rusak')")
    page.evaluate("setTimeout(() => { throw new Error('tak tertangkap'); })")
    page.evaluate("fetch('http://127.0.0.1:9/').catch(() => null)")
    page.wait_for_timeout(500)
    text = "\n".join(watched.problems)
    assert "rusak" in text and "tak tertangkap" in text and "request failed" in text, text
    with pytest.raises(AssertionError):
        watched.assert_clean()


def test_a_decimal_point_in_indonesian_and_a_stored_text_in_english_are_caught(page):  # noqa: F811
    watched = Journey(page=page, port=0, viewport="phone", codes=frozenset({"35.74"}), stored=["Mira menyebut Anda"])
    page.set_content('<html lang="id"><body><main>Kota 35.74: Rp 1.250.000, 2,4 detik</main></body></html>')
    watched.read()
    page.set_content('<html lang="id"><body><main>Waktu muat 2.4 detik</main></body></html>')
    with pytest.raises(AssertionError, match=r"decimal point .*'2\.4'"):
        watched.read()
    page.set_content('<html lang="id"><body><main><input aria-label="Skala" value="0.25"></main></body></html>')
    with pytest.raises(AssertionError, match=r"'0\.25'"):
        watched.read()

    page.set_content('<html lang="en"><body><main>2.4 seconds; Mira mentioned you</main></body></html>')
    watched.read()
    page.set_content('<html lang="en"><body><main><p>Mira menyebut Anda</p></main></body></html>')
    with pytest.raises(AssertionError, match="stored notification text"):
        watched.read()
