"""The roadmap is readable on a phone and on a desktop: at 390×844 its lanes are a list whose
text is at least 12 px, every program name whole and nothing wider than the screen; at a
desktop width the figure is drawn at a scale where its labels are at least 12 px too.

Runs in Debian's Chromium against a real server (fixtures of ``tests/test_browser.py``);
what it writes is committed, so it removes it afterwards.
"""

import pytest
from django.db import connection

from tests.journeys.conftest import AXE, AXE_RUN, BLOCKING
from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LONG = (
    "Pengembangan sistem informasi terpadu pelayanan perizinan berusaha berbasis risiko "
    "untuk seluruh kecamatan dan kelurahan"
)


@pytest.fixture
def long_program(committed_db):
    from platform.accounts.models import User
    from programs.models import Dimension, Opd, Program, SubDimension
    from tenants.models import Workspace
    from tests.conftest import World
    from tests.programs import factories

    workspace = Workspace.objects.get(region_id="35.74")
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@example.id")}
    world = World(probolinggo=workspace, pasuruan=None, users=users)
    connection.set_tenant(workspace)
    opd = Opd.objects.create(acronym="DLH-ROADMAP", name="Dinas Lingkungan Hidup")
    environment = Dimension.objects.get(code="environment")
    program = factories.program(
        world,
        opd,
        title=LONG,
        dimension=environment,
        sub_dimension=SubDimension.objects.filter(dimension=environment).first(),
        horizon=Program.Horizon.MEDIUM,
        start_year=2026,
        end_year=2026,
        is_quick_win=True,
        funding=[],
    )
    connection.set_schema_to_public()
    yield program
    connection.set_tenant(workspace)
    program.delete()
    opd.delete()
    connection.set_schema_to_public()


def serious_axe_findings(page) -> list:  # noqa: F811
    """axe-core (vendored, WCAG 2 A and AA) on the page as it is shown now: serious or critical findings."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    return [v for v in page.evaluate(AXE_RUN) if v["impact"] in BLOCKING]


def test_the_roadmap_is_a_readable_list_on_a_phone_and_a_full_size_figure_on_a_desktop(long_program, server, page):  # noqa: F811
    from tests.conftest import PASSWORD

    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    base = f"http://kota-probolinggo.sc100.test:{server}"
    page.set_viewport_size(PHONE)
    page.goto(base + "/masterplan/buku-2/")
    page.fill("input[name=username]", "viewer_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/masterplan/buku-2/")

    # A phone: the list, not the figure.
    assert not page.locator(".roadmap-figure").is_visible()
    listing = page.locator(".roadmap-list")
    assert listing.is_visible()
    assert listing.get_by_text(LONG, exact=True).is_visible()
    assert "Smart Environment" in listing.inner_text()
    items = page.eval_on_selector_all(
        ".roadmap-list li, .roadmap-list li *, .roadmap-list h3",
        """els => els.filter(e => e.textContent.trim()).map(e => {
            const r = e.getBoundingClientRect();
            return {text: e.textContent.trim().slice(0, 40), size: parseFloat(getComputedStyle(e).fontSize),
                    left: r.left, right: r.right};
        })""",
    )
    assert items
    for item in items:
        assert item["size"] >= 12, item
        assert item["left"] >= 0 and item["right"] <= PHONE["width"], item
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert serious_axe_findings(page) == []

    # A desktop: the figure, its labels drawn at 12 px or more, the long name whole in its column.
    page.set_viewport_size({"width": 1280, "height": 900})
    figure = page.locator(".roadmap-figure")
    assert figure.is_visible() and not listing.is_visible()
    sizes = page.eval_on_selector_all(
        ".roadmap-figure svg.roadmap text",
        """els => els.map(t => {
            const svg = t.ownerSVGElement, scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale};
        })""",
    )
    assert sizes and all(s["px"] >= 12 for s in sizes), [s for s in sizes if s["px"] < 12][:5]
    labels = page.eval_on_selector_all(
        ".roadmap-figure svg.roadmap text.lbl",
        "els => els.map(t => Array.from(t.querySelectorAll('tspan')).map(s => s.textContent).join(' '))",
    )
    assert "★ " + LONG in labels
    assert serious_axe_findings(page) == []
    assert [e for e in errors if "Cross-Origin-Opener-Policy" not in e] == []  # plain http ignores that header
