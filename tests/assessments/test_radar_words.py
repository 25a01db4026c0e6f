"""The radar keeps its words: every dimension label lies inside the drawing (English and long
Indonesian names too), and its legend names exactly the series it draws; so do the bars'
component labels."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from assessments.framework import charts

NS = "{http://www.w3.org/2000/svg}"
GLYPH = 6.6  # an average glyph of 11 px sans-serif (DejaVu Sans is about 0.6 em)

ENGLISH = [
    ("governance", "Smart Governance"),
    ("branding", "Smart Branding"),
    ("economy", "Smart Economy"),
    ("living", "Smart Living"),
    ("society", "Smart Society"),
    ("environment", "Smart Environment"),
]
LONG = [
    ("governance", "Tata kelola pemerintahan yang cerdas, terbuka dan melayani"),
    ("branding", "Pencitraan daerah"),
    ("economy", "Ekonomi"),
    ("living", "Lingkungan hidup dan permukiman yang layak huni"),
    ("society", "Masyarakat"),
    ("environment", "Pengelolaan lingkungan dan sumber daya alam berkelanjutan"),
]


def boxes(svg: str):
    """``(text, x0, y0, x1, y1)`` of every line of text, from its anchor and its characters."""
    root = ET.fromstring(str(svg))
    for text in root.iter(f"{NS}text"):
        anchor = text.get("text-anchor", "start")
        lines = list(text.iter(f"{NS}tspan")) or [text]
        for line in lines:
            x, y = float(line.get("x") or text.get("x")), float(line.get("y") or text.get("y"))
            width = len(line.text or "") * GLYPH
            x0 = x - width / 2 if anchor == "middle" else x if anchor == "start" else x - width
            yield line.text, x0, y - 11, x0 + width, y + 3


def view_box(svg: str) -> tuple[float, ...]:
    return tuple(float(v) for v in ET.fromstring(str(svg)).get("viewBox").split())


@pytest.mark.parametrize("axes", [ENGLISH, LONG], ids=["english", "long"])
def test_every_label_lies_within_the_drawing(axes):
    values = {code: Decimal("3.5") for code, _label in axes}
    svg = charts.radar(axes=axes, series=[("Kota Probolinggo 2024 Tahap II", values)], scale_max=Decimal(5), title="t")
    vx, vy, vw, vh = view_box(svg)
    drawn = list(boxes(svg))
    words = " ".join(text for text, *_box in drawn).split()
    for _code, label in axes:
        assert all(word in words for word in label.split()), label  # every word shown, none cut
    for text, x0, y0, x1, y1 in drawn:
        assert vx <= x0 and x1 <= vx + vw and vy <= y0 and y1 <= vy + vh, (text, (x0, y0, x1, y1), (vx, vy, vw, vh))
    root = ET.fromstring(str(svg))
    assert root.get("width") == f"{vw:.0f}" and root.get("height") == f"{vh:.0f}"  # drawn at the size of its box


def test_the_legend_names_only_the_series_drawn():
    full = {code: Decimal("2.5") for code, _label in ENGLISH}
    some = {"governance": Decimal("4"), "economy": None}
    series = [("Kota A", full), ("Kota B", {code: None for code, _l in ENGLISH}), ("Kota C", some), ("Kota D", {})]
    svg = charts.radar(axes=ENGLISH, series=series, scale_max=Decimal(5), title="t")
    root = ET.fromstring(str(svg))
    polygons = [p for p in root.iter(f"{NS}polygon") if p.get("class") == "series"]
    legend = [t.text for g in root.iter(f"{NS}g") if g.get("class") == "legend" for t in g.iter(f"{NS}text")]
    swatches = [r.get("fill") for g in root.iter(f"{NS}g") if g.get("class") == "legend" for r in g.iter(f"{NS}rect")]
    assert legend == ["Kota A", "Kota C"]
    assert len(polygons) == len(legend) == len(swatches)
    assert [p.get("stroke") for p in polygons] == swatches  # each entry in the colour of its polygon
    # and in the colour the page's other charts give the same region (Kota C is the third)
    assert swatches == [charts.PALETTE[0], charts.PALETTE[2]]
    # nothing to draw: no polygon and no legend entry
    empty = ET.fromstring(str(charts.radar(axes=ENGLISH, series=series[1:2], scale_max=Decimal(5), title="t")))
    assert not [p for p in empty.iter(f"{NS}polygon") if p.get("class") == "series"]
    assert not [t for g in empty.iter(f"{NS}g") if g.get("class") == "legend" for t in g.iter(f"{NS}text")]


def test_every_component_label_of_the_bars_lies_within_the_drawing():
    components = [("c1", "Kelembagaan dan tata kelola pemerintahan daerah"), ("c2", "Ekonomi"), ("c3", "Infrastruktur")]
    svg = charts.bars(
        categories=components,
        series=[("Kota Probolinggo", {"c1": Decimal("4.25"), "c2": Decimal(5)}), ("Kota Pasuruan", {})],
        scale_max=Decimal(5),
        title="t",
    )
    vx, vy, vw, vh = view_box(svg)
    drawn = list(boxes(svg))
    assert {label for _c, label in components} <= {text for text, *_box in drawn}
    for text, x0, y0, x1, y1 in drawn:
        assert vx <= x0 and x1 <= vx + vw and vy <= y0 and y1 <= vy + vh, (text, (x0, y0, x1, y1), (vx, vy, vw, vh))
