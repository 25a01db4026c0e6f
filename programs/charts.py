"""The masterplan's figures as inline SVG, drawn once here and reused by the pages, print
and the PDF book: the roadmap (programs by dimension across the years, with the short,
medium and long horizons) and the 5×5 risk heat map (likelihood × impact).

Plain strings of SVG markup without scripts or external references; every text is escaped.
"""

from collections import Counter
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

HORIZON_COLOURS = {"short": "#1e7b34", "medium": "#0b5cab", "long": "#7a4fb0"}
LEVEL_COLOURS = {"low": "#cfe8d5", "medium": "#fbe7a1", "high": "#f6b26b", "extreme": "#e06666"}


def _level(score: int) -> str:
    return "low" if score <= 4 else "medium" if score <= 9 else "high" if score <= 16 else "extreme"


LABEL_W, ROW_LINE, FONT_W = 300, 15, 6.6  # label column, line height, a generous average glyph width at 12px


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken between words only (a word
    longer than a line keeps a line of its own): no word is cut or left out."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def roadmap_lanes(*, dimensions: Iterable, programs: Iterable) -> list[tuple]:
    """``[(dimension, [program, …]), …]`` in the roadmap's order (start year, end year, title);
    the list view of a narrow screen shows the same lanes as the figure."""
    lanes = {d.pk: (d, []) for d in dimensions}
    for p in sorted(programs, key=lambda p: (p.start_year, p.end_year, p.title)):
        if p.dimension_id in lanes:
            lanes[p.dimension_id][1].append(p)
    return list(lanes.values())


def roadmap_svg(*, dimensions: Iterable, programs: Iterable, years: range | None = None) -> SafeString:
    """One lane per dimension, one row per program: its name in full in the label column
    (wrapped between words, never cut) and its bar from the start to the end year.

    ``programs`` need ``title``, ``dimension_id``, ``horizon``, ``start_year``, ``end_year``
    and ``is_quick_win``; ``years`` defaults to the span of the programs.
    """
    dimensions, programs = list(dimensions), list(programs)
    if years is None:
        if programs:
            years = range(min(p.start_year for p in programs), max(p.end_year for p in programs) + 1)
        else:
            return mark_safe("")
    label_w, col_w = LABEL_W, max(44, 640 // max(len(years), 1))
    per_line = int((label_w - 16) // FONT_W)
    # Under the years, one thin band per horizon from its first to its last program year
    # (e.g. short 2025, medium 2026–2029, long 2030–2034), as the Buku II roadmaps show them.
    spans = {}
    for p in programs:
        first, last = spans.get(p.horizon, (p.start_year, p.end_year))
        spans[p.horizon] = (min(first, p.start_year), max(last, p.end_year))
    bands = [(h, spans[h]) for h in HORIZON_COLOURS if h in spans]
    head_h = 28 + 12 * len(bands) + (6 if bands else 0)
    width = label_w + col_w * len(years) + 10
    parts, grid, bars, y = [], [], [], head_h
    # The words outside the f-strings: the catalogue's extractor does not look inside them.
    program_word, quick_win, chart_name = (
        escape(_("Program")),
        escape(_("quick win")),
        escape(_("Roadmap program per dimensi")),
    )
    parts.append(f'<text x="8" y="18" class="yr">{program_word}</text>')
    for k, (horizon, (first, last)) in enumerate(bands):
        first, last = max(first, years.start), min(last, years.stop - 1)
        bx, bw = label_w + (first - years.start) * col_w + 2, (last - first + 1) * col_w - 4
        parts.append(
            f'<rect x="{bx}" y="{26 + 12 * k}" width="{bw}" height="8" rx="4" '
            f'fill="{HORIZON_COLOURS[horizon]}" opacity=".45"><title>{first}–{last}</title></rect>'
        )
    for i, year in enumerate(years):
        x = label_w + i * col_w
        parts.append(f'<text x="{x + col_w / 2:.0f}" y="18" text-anchor="middle" class="yr">{year}</text>')
        grid.append(f'<line x1="{x}" y1="{head_h - 4}" x2="{x}" y2="@H@" stroke="#d9dfe6"/>')
    for dimension, lane in roadmap_lanes(dimensions=dimensions, programs=programs):
        parts.append(f'<rect x="0" y="{y}" width="{width}" height="24" fill="#e8eef5" stroke="#d9dfe6"/>')
        parts.append(f'<text x="8" y="{y + 16}" class="dim">{escape(dimension.name)}</text>')
        y += 24
        for p in lane:
            title = ("★ " if p.is_quick_win else "") + p.title
            lines = wrap_words(title, per_line)
            row_h = ROW_LINE * len(lines) + 9
            spans_ = "".join(
                f'<tspan x="8" y="{y + 16 + n * ROW_LINE}">{escape(line)}</tspan>' for n, line in enumerate(lines)
            )
            parts.append(
                f'<rect x="0" y="{y}" width="{width}" height="{row_h}" fill="#f5f7fa" stroke="#eef1f5"/>'
                f'<text class="lbl">{spans_}</text>'
            )
            first = max(p.start_year, years.start) - years.start
            last = min(p.end_year, years.stop - 1) - years.start
            if last >= first:
                x, w = label_w + first * col_w + 2, (last - first + 1) * col_w - 4
                colour = HORIZON_COLOURS.get(p.horizon, "#5b6877")
                bars.append(
                    f"<g><title>{escape(title)} ({p.start_year}–{p.end_year})</title>"
                    f'<rect x="{x}" y="{y + 5}" width="{w}" height="14" rx="3" fill="{colour}"/></g>'
                )
            y += row_h
        if not lane:
            y += 8
    legend_y = y + 20
    legend = []
    for k, (horizon, label) in enumerate(
        (("short", _("Jangka pendek")), ("medium", _("Jangka menengah")), ("long", _("Jangka panjang")))
    ):
        lx = 8 + k * 170
        legend.append(f'<rect x="{lx}" y="{legend_y - 10}" width="12" height="12" fill="{HORIZON_COLOURS[horizon]}"/>')
        legend.append(f'<text x="{lx + 16}" y="{legend_y}" class="lg">{escape(label)}</text>')
    legend.append(f'<text x="{8 + 3 * 170}" y="{legend_y}" class="lg">★ {quick_win}</text>')
    height = legend_y + 8
    body = "".join(parts) + "".join(grid).replace("@H@", str(y)) + "".join(bars) + "".join(legend)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart roadmap" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{chart_name}">'
        "<style>.yr{font:600 12px sans-serif;fill:#1d2733}.dim{font:600 13px sans-serif;fill:#1d2733}"
        ".lbl{font:12px sans-serif;fill:#1d2733}.lg{font:12px sans-serif;fill:#1d2733}</style>"
        f"{body}</svg>"
    )


def heat_map_svg(*, risks: Iterable) -> SafeString:
    """A 5×5 grid, likelihood up and impact across, with the number of risks in each cell."""
    counts = Counter((r.likelihood, r.impact) for r in risks)
    # The words outside the f-strings below: the catalogue's extractor does not look inside them.
    likelihood_word, impact_word = escape(_("Kemungkinan")), escape(_("dampak"))
    impact_axis, chart_name = escape(_("Dampak")), escape(_("Peta panas risiko"))
    cell, left, top = 56, 40, 10
    parts = []
    for likelihood in range(5, 0, -1):
        y = top + (5 - likelihood) * cell
        parts.append(
            f'<text x="{left - 8}" y="{y + cell / 2 + 4:.0f}" text-anchor="end" class="ax">{likelihood}</text>'
        )
        for impact in range(1, 6):
            x = left + (impact - 1) * cell
            n = counts.get((likelihood, impact), 0)
            colour = LEVEL_COLOURS[_level(likelihood * impact)]
            parts.append(
                f"<g><title>{likelihood_word} {likelihood} × {impact_word} {impact}: {n}</title>"
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{colour}" stroke="#fff" stroke-width="2"/>'
                + (
                    f'<text x="{x + cell / 2:.0f}" y="{y + cell / 2 + 6:.0f}" text-anchor="middle" class="n">{n}</text>'
                    if n
                    else ""
                )
                + "</g>"
            )
    for impact in range(1, 6):
        x = left + (impact - 1) * cell + cell / 2
        parts.append(f'<text x="{x:.0f}" y="{top + 5 * cell + 16}" text-anchor="middle" class="ax">{impact}</text>')
    width, height = left + 5 * cell + 10, top + 5 * cell + 40
    parts.append(
        f'<text x="{left + 2.5 * cell:.0f}" y="{height - 4}" text-anchor="middle" class="ax">{impact_axis}</text>'
    )
    parts.append(
        f'<text x="12" y="{top + 2.5 * cell:.0f}" text-anchor="middle" class="ax" '
        f'transform="rotate(-90 12 {top + 2.5 * cell:.0f})">{likelihood_word}</text>'
    )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart heatmap" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{chart_name}">'
        "<style>.ax{font:12px sans-serif;fill:#1d2733}.n{font:700 16px sans-serif;fill:#1d2733}</style>"
        + "".join(parts)
        + "</svg>"
    )
