"""Wide tables and the comparison picker in Chromium: on a desktop the ranking scrolls sideways
with region and index kept in view; the picker is used by keyboard (filter, Space, submit);
on a phone (390×844) the ranking and the comparison keep their first column and the page
itself never scrolls sideways.

The results are committed for the server process, so the fixture removes them afterwards.
"""

import pytest

from tests.conftest import PASSWORD, pass_second_factor_in_browser
from tests.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
YEAR = 2030  # a year no other test writes
PAGE_OVERFLOW = "() => document.scrollingElement.scrollWidth - window.innerWidth"


@pytest.fixture
def results(committed_db):
    """Official 2030 Tahap II results of eight regions of Jawa Timur, every component and
    dimension filled in (the table is as wide as in production); 35.74 also in 2029."""
    from assessments.framework import selectors
    from assessments.framework.models import FrameworkVersion, PublishedResult, RegionSnapshot
    from assessments.framework.services import import_published_results, seed_standard_versions
    from tenants.access import SYSTEM
    from tenants.models import Region

    seeded = not FrameworkVersion.objects.exists()
    seed_standard_versions()
    selectors.forget_labels()
    components, dimensions = selectors.labels()
    others = Region.objects.filter(code__startswith="35.").exclude(code__in=["35.74", "35.75"]).order_by("code")
    codes = ["35.74", "35.75", *others.values_list("code", flat=True)[:6]]
    header = ["region_code", "year", "stage", "overall", "rank"]
    header += [f"component:{c}" for c, _n in components] + [f"dimension:{d}" for d, _n in dimensions]
    parts = ",".join("3.00" for _ in components + dimensions)
    rows = [f"{code},{YEAR},2,{3 + i / 10:.2f},{i + 1},{parts}" for i, code in enumerate(codes)]
    rows.append(f"35.74,{YEAR - 1},2,2.50,9,{parts}")
    content = ",".join(header) + "\n" + "\n".join(rows) + "\n"
    import_published_results(actor=SYSTEM, filename="browser.csv", content=content.encode())
    yield codes
    PublishedResult.objects.filter(year__in=[YEAR, YEAR - 1]).delete()
    RegionSnapshot.objects.filter(year__in=[YEAR, YEAR - 1]).delete()
    if seeded:
        FrameworkVersion.objects.all().delete()
    selectors.forget_labels()


def _watch(page):  # noqa: F811
    """Console errors, script errors, failed requests and 5xx answers of the page, collected
    (not the note that plain http ignores the Cross-Origin-Opener-Policy header)."""
    problems = []

    def console(message):
        if message.type == "error" and "Cross-Origin-Opener-Policy" not in message.text:
            problems.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "") else problems.append(r.url))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    return problems


def _sign_in(page, base):  # noqa: F811
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "ministry_admin@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, "ministry_admin@example.id")


def _box(locator):
    return locator.bounding_box()


def _scroll_to_end(wrap):
    wrap.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    wrap.page.wait_for_function("el => el.scrollLeft > 0", arg=wrap.element_handle())


def test_the_ranking_keeps_region_and_index_in_view_while_it_scrolls(results, server, page):  # noqa: F811
    page.set_viewport_size({"width": 1024, "height": 768})
    problems = _watch(page)
    base = f"http://sc100.test:{server}"
    _sign_in(page, base)
    page.goto(f"{base}/assessments/ranking/?period={YEAR}-2")
    wrap = page.locator(".table-wrap.table-wide")
    assert page.locator(".scroll-hint").is_visible()
    assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")
    region, index = (
        page.locator("#ranking tbody td.col-region").first,
        page.locator("#ranking tbody td.col-index").first,
    )
    province = page.locator("#ranking tbody td.hide-sm").first
    before = _box(province)
    wrap.focus()  # the scroll area is reachable by keyboard and scrolls with the arrow keys
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=wrap.element_handle())
    _scroll_to_end(wrap)
    assert _box(province)["x"] < before["x"]  # the rest moved left …
    wrap_box, region_box, index_box = _box(wrap), _box(region), _box(index)
    assert wrap_box["x"] <= region_box["x"] <= wrap_box["x"] + 2  # … the region stays at the left edge
    assert region_box["x"] + region_box["width"] - 1 <= index_box["x"] < wrap_box["x"] + wrap_box["width"]
    assert page.evaluate("(p) => document.elementFromPoint(p.x, p.y).closest('td')?.className", {
        "x": region_box["x"] + 10, "y": region_box["y"] + 10,
    }) == "col-region"  # not covered by the scrolled cells  # fmt: skip
    assert "2030 Tahap II" in page.title()
    assert not problems


def test_the_picker_is_used_by_keyboard(results, server, page):  # noqa: F811
    problems = _watch(page)
    base = f"http://sc100.test:{server}"
    _sign_in(page, base)
    page.goto(f"{base}/assessments/compare/")
    assert page.locator("#pick-help").inner_text() == "Pilih hingga 6 daerah (paling sedikit 2)."
    count = page.locator("#pick-count")
    assert count.inner_text() == "0 dari 6 dipilih"

    page.locator("#pick-filter").focus()
    page.keyboard.type("pasuruan")
    visible = page.locator("label.picker-option:visible")
    assert visible.count() >= 1 and all("Pasuruan" in t for t in visible.all_inner_texts())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "region"
    page.keyboard.press("Space")
    assert count.inner_text() == "1 dari 6 dipilih"

    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "pick-filter"
    page.keyboard.press("Control+A")
    page.keyboard.type("35.74")
    page.keyboard.press("Enter")  # to the first match, not sending the form
    assert page.evaluate("document.activeElement.value") == "35.74"
    page.keyboard.press("Space")
    assert count.inner_text() == "2 dari 6 dipilih"
    for _step in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "region=35.74" in page.url
    rows = page.locator("#comparison tbody tr")
    assert rows.count() == 2
    assert "2030 Tahap II" in rows.first.locator("th").inner_text()
    assert page.locator("#pick-count").inner_text() == "2 dari 6 dipilih"
    assert page.locator("input[name=region]:checked").count() == 2

    for code in results[2:6]:
        page.check(f"input[name=region][value='{code}']")
    assert count.inner_text() == "6 dari 6 dipilih"
    assert page.locator("input[name=region]:not(:checked)").first.is_disabled()
    assert not problems


def test_on_a_phone_the_first_column_stays_and_the_page_does_not_scroll_sideways(results, server, page):  # noqa: F811
    page.set_viewport_size(PHONE)
    problems = _watch(page)
    base = f"http://sc100.test:{server}"
    _sign_in(page, base)

    page.goto(f"{base}/assessments/ranking/?period={YEAR}-2")
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    wrap = page.locator(".table-wrap.table-wide")
    _scroll_to_end(wrap)
    region = _box(page.locator("#ranking tbody td.col-region").first)
    index = _box(page.locator("#ranking tbody td.col-index").first)
    assert 0 <= region["x"] and index["x"] + index["width"] <= PHONE["width"]
    assert page.evaluate(PAGE_OVERFLOW) <= 0

    page.goto(f"{base}/assessments/compare/?region=35.74&region=35.75")
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    wrap = page.locator(".table-wrap.table-sticky")
    _scroll_to_end(wrap)
    first = _box(page.locator("#comparison tbody th").first)
    assert _box(wrap)["x"] <= first["x"] and first["x"] + first["width"] <= PHONE["width"] / 2
    assert page.locator("#comparison tbody th .period").first.is_visible()
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    assert not problems


@pytest.fixture
def program(committed_db):
    """A program of Kota Probolinggo with a long title, for its program list."""
    from django.db import connection

    from platform.accounts.models import User
    from programs.models import Dimension, Opd, SubDimension
    from tenants.models import Workspace
    from tests.conftest import World
    from tests.programs import factories

    workspace = Workspace.objects.get(region_id="35.74")
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@example.id")}
    connection.set_tenant(workspace)
    opd = Opd.objects.create(acronym="DISKOMINFO-LEBAR", name="Dinas Komunikasi dan Informatika")
    dimension = Dimension.objects.get(code="governance")
    created = factories.program(
        World(probolinggo=workspace, pasuruan=None, users=users),
        opd,
        title="Satu data kota untuk perencanaan pembangunan lintas perangkat daerah",
        dimension=dimension,
        sub_dimension=SubDimension.objects.filter(dimension=dimension).first(),
    )
    connection.set_schema_to_public()
    yield created
    connection.set_tenant(workspace)
    created.delete()
    opd.delete()
    connection.set_schema_to_public()


def test_on_a_phone_the_program_list_keeps_the_program_column(program, server, page):  # noqa: F811
    page.set_viewport_size(PHONE)
    problems = _watch(page)
    base = f"http://kota-probolinggo.sc100.test:{server}"
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "viewer_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{base}/program/")
    wrap = page.locator(".table-wrap.table-sticky")
    first = page.locator(".table-sticky tbody td").first
    assert "Satu data kota" in first.inner_text()
    if wrap.evaluate("el => el.scrollWidth > el.clientWidth"):
        _scroll_to_end(wrap)
    box = _box(first)
    assert _box(wrap)["x"] <= box["x"] and box["x"] + box["width"] <= PHONE["width"] / 2
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    assert not problems


def test_on_a_phone_the_national_masterplan_overview_keeps_the_region_column(server, page):  # noqa: F811
    page.set_viewport_size(PHONE)
    problems = _watch(page)
    base = f"http://sc100.test:{server}"
    _sign_in(page, base)
    page.goto(f"{base}/masterplans/")
    wrap = page.locator(".table-wrap.table-sticky")
    first = page.locator("#masterplans tbody td").first
    if wrap.evaluate("el => el.scrollWidth > el.clientWidth"):
        _scroll_to_end(wrap)
    box = _box(first)
    assert _box(wrap)["x"] <= box["x"] and box["x"] + box["width"] <= PHONE["width"] / 2
    assert page.evaluate(PAGE_OVERFLOW) <= 0
    assert not problems
