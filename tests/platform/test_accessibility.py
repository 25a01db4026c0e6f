"""Accessibility of every page, walked like tests/test_isolation.py (same routes, same samples):
each page's <title> names the page ("<page> · Smart City 100"), no table header is empty, and
the risk badges' colours keep 4.5:1 contrast (computed from the stylesheets' own values)."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.platform.test_bad_input_walk import APEX, APEX_PAGES, WORKSPACE_PAGES, P, page_samples  # noqa: F401
from tests.test_isolation import concrete

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = " · Smart City 100"


class PageParser(HTMLParser):
    """The page's <title> text and, for each <th>, whether it names its column (text, an
    aria-label or title on it or inside it)."""

    def __init__(self):
        super().__init__()
        self.full_page = False  # an htmx part (no <html>) has no title of its own
        self.title = None
        self._in_title = False
        self.headers = []  # [named?, raw start tag]
        self._th_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.full_page = True
        elif tag == "title" and self.title is None:  # the page's; an SVG chart's come later
            self._in_title, self.title = True, ""
        elif tag == "th":
            self._th_depth += 1
            self.headers.append([bool(attrs.get("aria-label") or attrs.get("title")), self.get_starttag_text()])
        elif self._th_depth and (attrs.get("aria-label") or attrs.get("alt")):
            self.headers[-1][0] = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "th" and self._th_depth:
            self._th_depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._th_depth and data.strip():
            self.headers[-1][0] = True


def parsed(client, host: str, url: str) -> PageParser | None:
    response = client.get(url, HTTP_HOST=host)
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return None
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


def problems(parser: PageParser | None, url: str) -> list[str]:
    if parser is None:
        return []
    found = []
    if not parser.full_page:
        return [f"{url}: empty table header {tag}" for named, tag in parser.headers if not named]
    title = re.sub(r"\s+", " ", parser.title or "").strip()
    if not title.endswith(SUFFIX) or not title.removesuffix(SUFFIX).strip(" ·"):
        found.append(f"{url}: title {title!r} does not name the page")
    found += [f"{url}: empty table header {tag}" for named, tag in parser.headers if not named]
    return found


@pytest.mark.parametrize("route", WORKSPACE_PAGES)
def test_every_workspace_page_has_a_title_and_named_table_headers(world, client_for, page_samples, route):  # noqa: F811
    client = client_for(world.users["admin_probolinggo"])
    url = concrete(route, page_samples)
    assert problems(parsed(client, P, url), url) == []


@pytest.mark.parametrize("route", APEX_PAGES)
def test_every_apex_page_has_a_title_and_named_table_headers(world, client_for, page_samples, route):  # noqa: F811
    client = client_for(world.users["ministry_admin"])
    url = concrete(route, page_samples)
    assert problems(parsed(client, APEX, url), url) == []


def test_the_walk_sees_a_bare_title_and_an_empty_header():
    """The counterpart: the checks above do fail on what they look for."""
    parser = PageParser()
    parser.feed("<html><title>Smart City 100</title>")
    parser.feed("<table><tr><th></th><th><span class=sr-only>Aksi</span></th></tr></table>")
    assert problems(parser, "/x/") == [
        "/x/: title 'Smart City 100' does not name the page",
        "/x/: empty table header <th>",
    ]


def test_the_national_ranking_is_titled_by_its_name(world, client_for):
    parser = parsed(client_for(world.users["ministry_admin"]), APEX, "/assessments/ranking/")
    assert parser.title.startswith("Peringkat nasional") and parser.title.endswith(SUFFIX)


# --- contrast -------------------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rules(css: str) -> dict[str, dict[str, str]]:
    rules = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        declarations = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+)", body))
        for selector in selectors.split(","):
            rules.setdefault(selector.strip(), {}).update({k: v.strip() for k, v in declarations.items()})
    return rules


def badge_colours() -> dict[str, tuple[str, str]]:
    """Each ``.badge.<kind>`` of every stylesheet: (text colour, background), the base ``.badge``
    filling what a kind leaves out, ``var(--x)`` read from app.css's ``:root``."""
    base = _rules((ROOT / "platform/static/css/app.css").read_text())
    variables = {k: v for k, v in base[":root"].items() if k.startswith("--")}

    def value(v: str) -> str:
        return re.sub(r"var\((--[\w-]+)\)", lambda m: variables[m.group(1)], v)

    default = base[".badge"]
    found = {}
    for path in sorted(ROOT.glob("*/**/static/**/*.css")):
        if ".venv" in path.parts or "staticfiles" in path.parts:
            continue
        for selector, decl in _rules(path.read_text()).items():
            if re.fullmatch(r"\.badge\.[\w-]+", selector):
                colour = value(decl.get("color", default["color"]))
                background = value(decl.get("background", default["background"]))
                found[selector] = (colour, background)
    return found


def test_every_badge_keeps_a_contrast_of_4_5_to_1():
    badges = badge_colours()
    assert {".badge.risk-low", ".badge.risk-medium", ".badge.risk-high", ".badge.risk-extreme"} <= set(badges)
    weak = {sel: round(contrast(*pair), 2) for sel, pair in badges.items() if contrast(*pair) < 4.5}
    assert weak == {}


def test_the_contrast_formula():
    assert round(contrast("#000", "#fff"), 1) == 21.0
    assert round(contrast("#e06666", "#ffffff"), 2) < 4.5  # the old extreme-risk badge


def test_every_masterplan_and_program_status_has_a_badge_of_its_own():
    """Each status its own class and colours (text and background), distinct within its set."""
    from programs.models import Masterplan, Program

    badges = badge_colours()
    for prefix, statuses in (("masterplan", Masterplan.Status.values), ("program", Program.Status.values)):
        colours = [badges[f".badge.{prefix}-{status}"] for status in statuses]
        assert len(set(colours)) == len(colours), prefix
        assert all(contrast(*pair) >= 4.5 for pair in colours)
