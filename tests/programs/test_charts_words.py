"""Charts keep their words: a long program name is shown whole in the roadmap (page and PDF),
the book's tables stay within the page and "Rp" never ends a line apart from its amount."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from decimal import Decimal
from types import SimpleNamespace as O

import pytest

from programs import book as books
from programs.charts import FONT_W, roadmap_lanes, roadmap_svg, wrap_words
from programs.models import Dimension, FundingSource, SubDimension
from tests.programs import factories

LONG = (
    "Pengembangan sistem informasi terpadu pelayanan perizinan berusaha berbasis risiko "
    "untuk seluruh kecamatan dan kelurahan"
)
SVG_NS = "{http://www.w3.org/2000/svg}"

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def texts(svg: str) -> list[str]:
    """Each ``<text>`` of the figure as it reads (its lines joined by a space)."""
    root = ET.fromstring(str(svg))
    return [" ".join(t.strip() for t in el.itertext() if t.strip()) for el in root.iter(f"{SVG_NS}text")]


def test_wrapping_keeps_every_word_in_its_order():
    lines = wrap_words(LONG, 30)
    assert len(LONG) > 80 and len(lines) > 1 and all(len(line) <= 30 for line in lines)
    assert " ".join(lines) == LONG
    assert wrap_words("Satu-kata-yang-sangat-panjang-sekali-tanpa-spasi x", 10)[0] == (
        "Satu-kata-yang-sangat-panjang-sekali-tanpa-spasi"
    )


def test_a_long_program_name_is_whole_in_the_roadmap_with_its_own_column():
    dims = [O(pk=1, name="Smart Governance"), O(pk=2, name="Smart Environment")]
    programs = [
        O(title=LONG, dimension_id=1, horizon="medium", start_year=2026, end_year=2026, is_quick_win=True),
        O(title="Bank sampah", dimension_id=2, horizon="short", start_year=2025, end_year=2025, is_quick_win=False),
    ]
    svg = roadmap_svg(dimensions=dims, programs=programs)
    shown = texts(svg)
    assert "★ " + LONG in shown  # whole, in one text element, even on a one-year bar
    assert "Bank sampah" in shown and "Smart Environment" in shown
    assert "…" not in svg and "..." not in svg
    # the label column lies left of every bar: no label is drawn over a year column
    root = ET.fromstring(str(svg))
    label_right = min(float(r.get("x")) for g in root.iter(f"{SVG_NS}g") for r in g.iter(f"{SVG_NS}rect"))
    for tspan in root.iter(f"{SVG_NS}tspan"):
        assert float(tspan.get("x")) + len(tspan.text) * FONT_W <= label_right, tspan.text
    assert [p.title for _d, lane in roadmap_lanes(dimensions=dims, programs=programs) for p in lane] == [
        LONG,
        "Bank sampah",
    ]


def _plan(world):
    """A program with a long name, a long unbroken word and ten years of six funding sources."""
    sources = list(FundingSource.objects.order_by("order"))
    funding = [
        {"source": source, "year": year, "amount": Decimal("98765432109")}
        for year in range(2025, 2035)
        for source in sources
    ]
    environment = Dimension.objects.get(code="environment")
    factories.program(
        world,
        factories.opd(),
        title=LONG,
        dimension=environment,
        sub_dimension=SubDimension.objects.filter(dimension=environment).first(),
        horizon="long",
        start_year=2025,
        end_year=2034,
        goals="https://layanan.probolinggokota.go.id/perizinan/berusaha/berbasis-risiko/seluruh-kecamatan",
        funding=funding,
    )


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def describe(box) -> str:
    return " ".join(getattr(b, "text", "") for b in _boxes(box) if getattr(b, "text", ""))[:120]


@needs_pdftotext
def test_the_book_keeps_the_long_name_fits_its_tables_and_keeps_rp_with_the_amount(world, probolinggo, tmp_path):
    from weasyprint import HTML

    _plan(world)
    html = books.render_book_html(books.book_context())
    document = HTML(string=html).render()

    # No box of any page reaches beyond the page's content area (tables, cells, lines of text).
    beyond = []
    for number, page in enumerate(document.pages, start=1):
        root = page._page_box
        right = root.margin_width() - root.margin_right
        for box in _boxes(root):
            if box is not root and hasattr(box, "position_x") and getattr(box, "width", None) is not None:
                if box.position_x + box.margin_width() > right + 0.5:
                    beyond.append((number, box.element_tag, type(box).__name__, describe(box)))
    assert not beyond, sorted(set(beyond))

    path = tmp_path / "book.pdf"
    path.write_bytes(document.write_pdf())
    for mode in ([], ["-layout"]):
        text = subprocess.run(["pdftotext", *mode, str(path), "-"], capture_output=True, check=True, text=True).stdout
        assert not [line for line in text.splitlines() if re.search(r"\bRp\s*$", line)], mode
        assert "Rp 98.765.432.109" in text and "Rp 5.925.925.926.540" in text  # a cell; the grand total
    # The roadmap's pages show the long name whole (its words in order; lines may wrap).
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    roadmap = " ".join(page for page in raw.split("\f") if "Roadmap program" in page)
    assert re.sub(r"\s+", " ", LONG) in re.sub(r"\s+", " ", roadmap)
