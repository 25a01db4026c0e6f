"""A region's deck as a PDF of the same slides (``content.slides_of``): an HTML rendering,
one 16:9 slide per page, laid out by WeasyPrint with the charts' SVG embedded as drawn for
the page and the book. The combined PDF of all decks is their pages joined in agenda order
with a divider slide per session (``pdfunite``, poppler-utils), so each deck is laid out once.
"""

import base64
import subprocess
import tempfile
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from platform.uploads import PNG, sniff
from showcase.decks.content import Slide, Style


def data_uri(image: bytes) -> str:
    if not image:
        return ""
    kind = "image/png" if sniff(image[:16]) == PNG else "image/jpeg"
    return f"data:{kind};base64,{base64.b64encode(image).decode()}"


def render_deck_html(slides: list[Slide], style: Style, *, charts: dict, region_logo: bytes = b"") -> str:
    with translation.override("id"):
        return render_to_string(
            "showcase_decks/slides.html",
            {
                "slides": slides,
                "style": style,
                "charts": {name: mark_safe(svg) for name, svg in charts.items()},  # drawn and escaped by the charts
                "ministry_logo": data_uri(style.logo),
                "region_logo": data_uri(region_logo),
            },
        )


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf()


def join_pdfs(parts: list[bytes]) -> bytes:
    """The pages of ``parts``, in order, as one PDF."""
    if len(parts) == 1:
        return parts[0]
    with tempfile.TemporaryDirectory(prefix="deck-join-") as folder:
        names = []
        for i, part in enumerate(parts):
            path = Path(folder) / f"{i:04d}.pdf"
            path.write_bytes(part)
            names.append(str(path))
        target = Path(folder) / "all.pdf"
        subprocess.run(["pdfunite", *names, str(target)], check=True, capture_output=True)
        return target.read_bytes()
