"""The harness of the role journeys: Chromium at a desktop and a phone width, watched for
console errors, failed requests and server errors, with axe-core run on every page visited.

Each journey takes the ``journey`` fixture (parametrized over both widths) and walks its
role's daily work with ``journey.visit(url)`` and ``journey.check()`` after an action that
lands on a new page. Every page checked is also read: in Indonesian, its visible text may
show no number with a decimal point (the pattern of ``tests/platform/test_no_decimal_point.py``,
through ``decimals.py``); in English, none of the stored Indonesian notification texts the
journey put in ``journey.stored`` nor an interface word left untranslated (the words of
``tests/platform/test_no_indonesian_leak.py``).
axe-core is vendored (``vendor/axe.min.js``, no CDN); the site's
Content-Security-Policy allows no inline script, so its source is evaluated through the
browser's debugging protocol instead of a ``<script>`` tag.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.journeys.decimals import decimal_points, dotted_codes
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING = {"serious", "critical"}
AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa"]}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 8),
  }));
}"""
FILLED = """() => [...document.querySelectorAll("input:not([type]), input[type=text], input[type=number]")]
  .filter((i) => i.offsetParent !== null && i.value).map((i) => i.value)"""  # values shown in fields


@pytest.fixture(autouse=True)
def _orm_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an event loop running in this thread, which makes Django
    refuse ORM calls here; they are plain blocking calls of the test, so allow them."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class Journey:
    """A page under watch: what went wrong in the browser, and the axe findings per page."""

    page: object
    port: int
    viewport: str
    problems: list = field(default_factory=list)
    refused: set = field(default_factory=set)  # URLs answered with an expected 4xx
    lesser: dict = field(default_factory=dict)  # moderate and minor findings: rule -> pages
    codes: frozenset = frozenset()  # dotted identifiers of the data (35.74), not numbers
    stored: list = field(default_factory=list)  # stored Indonesian notification texts

    def url(self, path: str, host: str = "") -> str:
        return f"http://{host + '.' if host else ''}sc100.test:{self.port}{path}"

    def workspace(self, path: str = "/") -> str:
        return self.url(path, "kota-probolinggo")

    def sign_in(self, email: str, host: str = "") -> None:
        """Sign in on ``host`` (the apex by default) with the second factor where required."""
        self.page.context.clear_cookies()
        self.page.goto(self.url("/accounts/login/", host))
        self.check()
        self.page.fill("input[name=username]", email)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.click("main button[type=submit]")
        pass_second_factor_in_browser(self.page, email)
        self.page.wait_for_load_state()
        assert "/accounts/" not in self.page.url, f"sign-in of {email} did not pass: {self.page.url}"

    def visit(self, url: str, status: int = 200):
        """Open ``url``, expect ``status`` and check the page with axe."""
        if status >= 400:
            self.refused.add(url)
        response = self.page.goto(url)
        assert response is not None and response.status == status, f"{url}: {response and response.status}"
        self.check()
        return response

    def submit(self, button, status: int = 200) -> None:
        """Click a form's submit button (a locator), wait for the page it leads to (answered
        with ``status``: 400 for a form sent back with its errors), and check it."""
        if status >= 400:
            self.refused.add(self.page.url)
        with self.page.expect_navigation() as navigation:
            button.click()
        response = navigation.value
        if response is not None and response.request.redirected_from is None:
            assert response.status == status, f"{self.page.url}: {response.status}"
        self.check()

    def menu(self, name: str) -> None:
        """Follow the header menu's link ``name`` (on a phone, the menu is opened first with
        its button) and check the page it opens; the link is then marked as the current page."""
        toggle = self.page.locator("header button[data-nav-toggle]")
        if toggle.is_visible():
            toggle.click()
            assert toggle.get_attribute("aria-expanded") == "true"
        with self.page.expect_navigation():
            self.page.locator("header nav").get_by_role("link", name=name, exact=True).click()
        self.check()
        assert self.page.locator("header nav a[aria-current=page]").inner_text().strip() == name

    def switch_language(self, code: str) -> None:
        """Choose a language with the header's switch, as a reader does (on a phone the menu
        is opened first); the same page comes back in it and is checked."""
        toggle = self.page.locator("header button[data-nav-toggle]")
        if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        with self.page.expect_navigation():
            self.page.select_option("header select[name=language]", code)  # it submits itself
        assert self.page.locator("html").get_attribute("lang") == code
        self.check()

    def check(self) -> None:
        """Run axe-core (WCAG 2 A and AA) on the current page; a serious or critical
        violation fails the test, listing the rule, its elements and the page."""
        self.page.wait_for_load_state()
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
        violations = self.page.evaluate(AXE_RUN)
        for v in violations:
            if v["impact"] not in BLOCKING:
                self.lesser.setdefault(f"{v['impact']} {v['id']} ({v['help']})", set()).add(self.page.url)
        found = [v for v in violations if v["impact"] in BLOCKING]
        assert not found, f"axe on {self.page.url} ({self.viewport}):\n" + "\n".join(
            f"  {v['impact']} {v['id']} ({v['help']}): {', '.join(v['targets'])}" for v in found
        )
        self.read()

    def read(self) -> None:
        """The page's visible text and the values shown in its fields, in its language: in
        Indonesian no number with a decimal point, in English no stored Indonesian
        notification text nor untranslated word."""
        from tests.platform.test_no_indonesian_leak import leaks

        language = (self.page.evaluate("document.documentElement.lang") or "").lower()
        text = self.page.inner_text("body") + " " + " ".join(self.page.evaluate(FILLED))
        if language.startswith("id"):
            found = decimal_points(text, self.codes)
            assert not found, f"decimal point on {self.page.url} ({self.viewport}): {found}"
        elif language.startswith("en"):
            found = leaks(" ".join(text.split()), self.stored)
            assert not found, f"Indonesian on {self.page.url} in English ({self.viewport}):\n" + "\n".join(found)

    def _console(self, message) -> None:
        if message.type != "error" or "Cross-Origin-Opener-Policy header has been ignored" in message.text:
            return  # the header is ignored on plain http (the test server); production is https
        source = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and source in self.refused:
            return  # the refusal the journey asked for
        self.problems.append(f"console error on {self.page.url}: {message.text} ({source})")

    def _failed(self, request) -> None:
        failure = request.failure or ""
        if "ERR_ABORTED" in failure:
            return  # a request cut short by the next navigation (a download, a poll), not a fault
        self.problems.append(f"request failed: {request.method} {request.url}: {failure}")

    def _response(self, response) -> None:
        if response.status >= 500:
            self.problems.append(f"server error {response.status}: {response.request.method} {response.url}")

    def assert_clean(self) -> None:
        assert not self.problems, "the browser saw problems:\n" + "\n".join(self.problems)


@pytest.fixture
def codes(committed_db) -> frozenset:
    """The data's dotted codes, read before the browser starts."""
    return dotted_codes()


@pytest.fixture(params=list(VIEWPORTS))
def journey(request, codes, server, page):  # noqa: F811
    """The ``page`` at one of the two widths, watched; fails the test on a console error, a
    failed request or a 5xx answer seen during it."""
    page.set_viewport_size(VIEWPORTS[request.param])
    watched = Journey(page=page, port=server, viewport=request.param, codes=codes)
    page.on("console", watched._console)
    page.on("pageerror", lambda error: watched.problems.append(f"page error on {page.url}: {error}"))
    page.on("requestfailed", watched._failed)
    page.on("response", watched._response)
    page.set_default_timeout(15_000)
    yield watched
    for finding, pages in sorted(watched.lesser.items()):  # shown with -rP; they do not fail
        print(f"axe, not failing: {finding} on {', '.join(sorted(pages))}")
    watched.assert_clean()
