"""No number with a decimal point on a page rendered in Indonesian (issue 13, item 6).

Indonesian writes ``2,4 detik`` and ``10,00 %``; ``2.4`` or ``10.00`` on a page is a number
formatted by hand in English. The pages are those of the accessibility walk (every workspace
page as Kota Probolinggo's region admin, every national page as a ministry admin, with the
test world's data); each is rendered in Indonesian, its visible text taken (no tags, scripts,
styles or attribute values) and searched with ``DECIMAL_POINT``.

What the pattern leaves alone, on purpose:

- thousands separators: ``1.250.000`` and ``1.250`` (a dot followed by groups of exactly three
  digits is Indonesian grouping);
- dotted codes and versions with more than one dot (``30.11.2026``, ``1.2.3``) and dots glued
  to a word (``v1.2``, ``sc100.test``);
- a day and month ``30.11`` (day 1–31, month 01–12, two digits);
- the region and framework codes of the data shown (``35.74`` is Kota Probolinggo's BPS code,
  not a number), removed from the text before the search.
"""

import re
from html.parser import HTMLParser

import pytest

from tests.platform.test_bad_input_walk import APEX, APEX_PAGES, WORKSPACE_PAGES, P, page_samples  # noqa: F401
from tests.test_isolation import concrete

DECIMAL_POINT = re.compile(
    r"(?<![\w.,])"  # not glued to a word, another dot or a comma
    r"(?!\d{1,3}(?:\.\d{3})+(?!\w|\.\d))"  # not Indonesian thousands grouping (1.250.000)
    r"(?!(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])(?!\w|\.\d))"  # not a day and month (30.11)
    r"-?\d+\.\d+"
    r"(?!\w|[.,]\d)"  # the whole token: no further group (1.2.3), no English 1.5,000
)
HIDDEN = {"script", "style", "template", "noscript", "svg"}


class VisibleText(HTMLParser):
    """The text a reader sees: element content outside scripts, styles and templates."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def decimal_points(text: str, codes: frozenset[str] = frozenset()) -> list[str]:
    """The numbers written with a decimal point in ``text`` (``codes`` are identifiers, skipped)."""
    for code in sorted(codes, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.]){re.escape(code)}(?![\w.])", " ", text)
    return DECIMAL_POINT.findall(text)


@pytest.fixture
def codes(world) -> frozenset[str]:
    """Dotted identifiers the pages show: region codes, and components', dimensions' and
    indicators' codes of every framework version."""
    from django.apps import apps

    found = set()
    for label, model, field in (
        ("tenants", "Region", "code"),
        ("framework", "Component", "code"),
        ("framework", "Dimension", "code"),
        ("framework", "SubDimension", "code"),
        ("framework", "Indicator", "code"),
    ):
        try:
            cls = apps.get_model(label, model)
        except LookupError:
            continue
        found |= {c for c in cls.objects.values_list(field, flat=True) if c and "." in c}
    return frozenset(found)


def offending(client, host: str, url: str, codes) -> list[str]:
    response = client.get(url, HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="id")
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return []
    return [f"{url}: {n}" for n in decimal_points(visible_text(response.content.decode()), codes)]


@pytest.mark.parametrize("route", WORKSPACE_PAGES)
def test_no_workspace_page_shows_a_decimal_point(world, client_for, page_samples, codes, route):  # noqa: F811
    client = client_for(world.users["admin_probolinggo"])
    url = concrete(route, page_samples)
    assert offending(client, P, url, codes) == []


@pytest.mark.parametrize("route", APEX_PAGES)
def test_no_national_page_shows_a_decimal_point(world, client_for, page_samples, codes, route):  # noqa: F811
    client = client_for(world.users["ministry_admin"])
    url = concrete(route, page_samples)
    assert offending(client, APEX, url, codes) == []


@pytest.mark.parametrize(
    "text",
    ["2.4 detik", "10.00 %", "indeks 3.25", "(0.5)", "-0.44", "62.5%", "nilai 1.5.", "skor: 4.75,"],
)
def test_the_pattern_finds_a_decimal_point(text):
    assert len(DECIMAL_POINT.findall(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "2,4 detik",
        "10,00\xa0%",
        "Rp 1.250.000",
        "Rp 1.250.000,50",
        "1.250 peserta",
        "30.11",
        "1.2.3",
        "30.11.2026",
        "v1.2",
        "kota-probolinggo.sc100.test",
        "14:30",
        "Tahun 2026.",
        "Rp 1.250.000.",
        "tanggal 30.11.",
        "2026",
        "file.xlsx",
    ],
)
def test_the_pattern_leaves_indonesian_numbers_dates_and_versions_alone(text):
    assert DECIMAL_POINT.findall(text) == []


def test_codes_are_skipped_and_the_text_is_only_what_is_visible():
    html = '<p title="2.5">Kota 35.74 <b>skor 3.5</b></p><script>var x = 2.5;</script><style>a{width:1.5em}</style>'
    assert decimal_points(visible_text(html), frozenset({"35.74"})) == ["3.5"]


# --- one time format ------------------------------------------------------------------------

SPELLED_TIME = re.compile(r"""[HG]\.i|%H\.%M""")  # the dotted time (14.30), a second format


def test_no_page_or_message_spells_its_own_time_format():
    """Times are written one way (``TIME_FORMAT``, 14:30): templates and messages name the
    format (``DATETIME_FORMAT``, ``SHORT_DATETIME_FORMAT``, ``TIME_FORMAT``) or call
    ``platform.formats.time_of_day``; a dotted ``H.i`` or ``%H.%M`` anywhere is a second one."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = []
    for path in sorted(root.glob("*/**/*")):
        if path.suffix not in (".html", ".py") or ".venv" in path.parts or "tests" in path.parts:
            continue
        for n, line in enumerate(path.read_text(errors="ignore").splitlines(), 1):
            if SPELLED_TIME.search(line):
                found.append(f"{path.relative_to(root)}:{n}")
    assert found == []


def test_the_time_format_is_the_same_in_both_languages():
    from datetime import time

    from django.utils import translation

    from platform import formats

    for language in ("id", "en"):
        with translation.override(language):
            assert formats.time_of_day(time(14, 30)) == "14:30"
    with translation.override("id"):
        assert (formats.number(2.43, 1), formats.number(10, 2), formats.number(1250000)) == (
            "2,4",
            "10,00",
            "1.250.000",
        )
