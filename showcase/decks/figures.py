"""The deck's charts: the SVG the page and the book draw (``showcase.profiles.figures``,
itself ``programs.charts`` and ``assessments.framework.charts``), embedded as is in the PDF
slides and rasterised once for the PPTX (PowerPoint takes pictures).

Rasterising lays the same SVG out with WeasyPrint on a page of the chart's own size and
turns that page into a PNG with ``pdftoppm`` (poppler-utils): no second chart drawer.
"""

import re
import subprocess
import tempfile
from pathlib import Path

from django.utils.html import escape

from programs.book import printable_svg
from showcase.profiles import figures as profile_figures

DPI = 144
_VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')


def charts_of(data: dict) -> dict[str, str]:
    """``{"roadmap": svg, "trend": svg}`` for WeasyPrint (empty strings for no chart)."""
    drawn = profile_figures.figures(data)
    return {
        "roadmap": printable_svg(drawn["roadmap_svg"]) if drawn["roadmap_svg"] else "",
        "trend": printable_svg(drawn["trend_svg"]) if drawn["trend_svg"] else "",
    }


def size_of(svg: str) -> tuple[float, float]:
    match = _VIEWBOX.search(svg)
    return (float(match.group(1)), float(match.group(2))) if match else (720.0, 360.0)


def rasterize(charts: dict[str, str], *, dpi: int = DPI) -> dict[str, tuple[bytes, tuple[float, float]]]:
    """Each non-empty chart as ``(PNG bytes, (width, height) in CSS px)``, in one WeasyPrint
    layout and one ``pdftoppm`` run."""
    from weasyprint import HTML

    names = [name for name, svg in charts.items() if svg]
    if not names:
        return {}
    css, pages = [], []
    for i, name in enumerate(names):
        width, height = size_of(charts[name])
        css.append(f"@page c{i} {{ size: {width}px {height}px; margin: 0 }} .c{i} {{ page: c{i}; width: {width}px }}")
        pages.append(f'<div class="c{i}">{charts[name]}</div>')
    html = (
        f"<!doctype html><html><head><style>{' '.join(css)} body{{margin:0}} div{{break-after:page}}"
        f" svg{{display:block;width:100%;height:auto}}</style><title>{escape('charts')}</title></head>"
        f"<body>{''.join(pages)}</body></html>"
    )
    pdf = HTML(string=html).write_pdf()
    with tempfile.TemporaryDirectory(prefix="deck-charts-") as folder:
        source = Path(folder) / "charts.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(source), str(Path(folder) / "c")], check=True)
        # pdftoppm numbers pages with as many digits as the last page number needs.
        pngs = sorted(Path(folder).glob("c-*.png"), key=lambda p: int(p.stem.split("-")[1]))
        return {name: (png.read_bytes(), size_of(charts[name])) for name, png in zip(names, pngs, strict=True)}
