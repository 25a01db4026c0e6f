"""A region's deck as a PowerPoint file (python-pptx), from ``content.slides_of``.

16:9 slides on the template's colours and font sizes; the title and closing slides on the
primary colour with the logos, the others with a heading band. Charts are the rasterised
SVG of ``figures.rasterize``; tables and texts stay editable text.
"""

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from showcase.decks.content import Slide, Style

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
BAND = Inches(1.2)


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _fill(slide, colour: str) -> None:
    background = slide.background.fill
    background.solid()
    background.fore_color.rgb = _rgb(colour)


def _box(slide, left, top, width, height, lines, *, size: int, colour: str, bold=False, align=None):
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold
        paragraph.font.color.rgb = _rgb(colour)
        if align is not None:
            paragraph.alignment = align
    return frame


def _picture(slide, image: bytes, left, top, max_width, max_height, ratio: float) -> None:
    width, height = max_width, int(max_width / ratio)
    if height > max_height:
        width, height = int(max_height * ratio), max_height
    slide.shapes.add_picture(io.BytesIO(image), left + (max_width - width) // 2, top, Emu(width), Emu(height))


def _logo(slide, image: bytes, left, top, height) -> None:
    if image:
        slide.shapes.add_picture(io.BytesIO(image), left, top, height=height)


def _band(slide, style: Style, heading: str, kicker: str = "") -> None:
    _fill(slide, style.background)
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, BAND)
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(style.primary)
    band.line.fill.background()
    accent = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, BAND, WIDTH, Inches(0.08))
    accent.fill.solid()
    accent.fill.fore_color.rgb = _rgb(style.accent)
    accent.line.fill.background()
    lines = [kicker, heading] if kicker else [heading]
    frame = _box(
        slide,
        MARGIN,
        Inches(0.15),
        WIDTH - 2 * MARGIN,
        BAND,
        lines,
        size=style.title_size - 8,
        colour="#ffffff",
        bold=True,
    )
    if kicker:
        frame.paragraphs[0].font.size = Pt(max(10, style.body_size - 2))
        frame.paragraphs[0].font.bold = False


def _cover(slide, style: Style, s: Slide, region_logo: bytes) -> None:
    _fill(slide, style.primary)
    _logo(slide, style.logo, WIDTH - MARGIN - Inches(1.4), MARGIN, Inches(1.0))
    _logo(slide, region_logo, MARGIN, MARGIN, Inches(1.4))
    top = Inches(2.4)
    kicker = s.extra.get("kicker", "")
    if kicker:
        _box(
            slide,
            MARGIN,
            top - Inches(0.7),
            WIDTH - 2 * MARGIN,
            Inches(0.6),
            [kicker],
            size=style.body_size + 2,
            colour=style.accent,
        )
    _box(
        slide,
        MARGIN,
        top,
        WIDTH - 2 * MARGIN,
        Inches(1.4),
        [s.heading],
        size=style.title_size + 8,
        colour="#ffffff",
        bold=True,
    )
    _box(
        slide,
        MARGIN,
        top + Inches(1.6),
        WIDTH - 2 * MARGIN,
        Inches(2.5),
        list(s.lines),
        size=style.body_size + 2,
        colour="#ffffff",
    )


def _table(slide, style: Style, rows) -> None:
    top = BAND + Inches(0.4)
    shape = slide.shapes.add_table(len(rows), len(rows[0]), MARGIN, top, WIDTH - 2 * MARGIN, Inches(0.45) * len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = value
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.font.size = Pt(style.body_size)
            paragraph.font.bold = r == 0
            if c > 0:
                paragraph.alignment = PP_ALIGN.RIGHT


def add_slide(presentation, style: Style, s: Slide, *, pictures: dict, region_logo: bytes = b"") -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])  # blank
    if s.kind in ("title", "closing", "divider"):
        _cover(slide, style, s, region_logo if s.kind != "divider" else b"")
        return
    _band(slide, style, s.heading, s.extra.get("kicker", ""))
    body_top, body_width = BAND + Inches(0.4), WIDTH - 2 * MARGIN
    body_height = HEIGHT - body_top - MARGIN
    colour = style.text
    if s.kind in ("missing", "placeholder"):
        _box(
            slide,
            MARGIN,
            body_top,
            body_width,
            body_height,
            [f"• {line}" for line in s.lines],
            size=style.body_size + 4,
            colour=colour,
        )
    elif s.kind == "dimensions":
        _table(slide, style, s.rows)
    elif s.kind == "index":
        _box(
            slide,
            MARGIN,
            body_top,
            Inches(4),
            Inches(1.6),
            [s.big],
            size=style.title_size * 2,
            colour=style.primary,
            bold=True,
        )
        _box(
            slide,
            MARGIN,
            body_top + Inches(1.7),
            Inches(4),
            Inches(1.5),
            list(s.lines),
            size=style.body_size,
            colour=colour,
        )
        if "trend" in pictures:
            image, (w, h) = pictures["trend"]
            _picture(slide, image, MARGIN + Inches(4.3), body_top, body_width - Inches(4.3), body_height, w / h)
    elif s.kind == "roadmap":
        text_width = Inches(3.6) if s.lines else 0
        if "roadmap" in pictures and s.figure:
            image, (w, h) = pictures["roadmap"]
            _picture(slide, image, MARGIN, body_top, body_width - text_width - Inches(0.2), body_height, w / h)
        elif s.extra.get("empty"):
            _box(
                slide,
                MARGIN,
                body_top,
                body_width - text_width,
                Inches(1),
                [s.extra["empty"]],
                size=style.body_size,
                colour=colour,
            )
        if s.lines:
            _box(
                slide,
                WIDTH - MARGIN - text_width,
                body_top,
                text_width,
                body_height,
                list(s.lines),
                size=style.body_size - 2,
                colour=colour,
            )
    else:  # vision, a quick win
        size = style.body_size + (8 if s.kind == "vision" else 0)
        _box(slide, MARGIN, body_top, body_width, body_height, list(s.lines), size=size, colour=colour)


def build_pptx(slides: list[Slide], style: Style, *, pictures: dict, region_logo: bytes = b"") -> bytes:
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    for s in slides:
        add_slide(presentation, style, s, pictures=pictures, region_logo=region_logo)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()
