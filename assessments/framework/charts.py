"""Charts as inline SVG, rendered once here and reused by pages, exports and PDFs.

Pure functions from numbers to an SVG string (no JavaScript, no external assets): a radar
of the six dimensions, grouped bars of the components and the index trend over periods.
Values are ``Decimal`` or ``None`` (drawn as missing); labels are escaped, so a chart is a
``SafeString`` that templates place as it is.
"""

import math
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

from platform import formats as local_formats

PALETTE = ["#0b5cab", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#1098ad"]


def _num(value) -> float | None:
    return None if value in (None, "") else float(Decimal(str(value)))


def _fmt(value) -> str:
    return local_formats.number(_num(value), 2)  # 2,50 in Indonesian, 2.50 in English


def _svg(width: int, height: int, body: list[str], title: str) -> SafeString:
    return mark_safe(  # noqa: S308 - every label and title above is escaped, the rest are numbers
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'style="max-width:100%;height:auto" role="img" '
        f'aria-label="{escape(title)}" class="chart" font-family="sans-serif" font-size="11">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _legend(series_names: list[str], x: int, y: int, colours: list[int] | None = None) -> list[str]:
    """The legend's rows; ``colours``: each row's place in the palette (by default its own row),
    so a chart that leaves a series out keeps the colours of the page's other charts."""
    out = ['<g class="legend">']
    for n, name in enumerate(series_names):
        yy = y + n * 16
        colour = PALETTE[(colours[n] if colours else n) % len(PALETTE)]
        out.append(f'<rect x="{x}" y="{yy - 9}" width="10" height="10" fill="{colour}"/>')
        out.append(f'<text x="{x + 14}" y="{yy}">{escape(name)}</text>')
    return [*out, "</g>"]


# The radar's labels are measured before drawing, with a generous average glyph width of the
# 11 px sans-serif type, so the drawing's box holds the longest label in any language.
CHAR_W, LINE_H, LABEL_CHARS = 7.0, 13, 22


def _lines(text: str) -> list[str]:
    """A label in lines of about ``LABEL_CHARS``, broken between words only."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= LABEL_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _drawn(axes: list[tuple[str, str]], series: list[tuple[str, dict]]) -> list[tuple[int, str, dict]]:
    """The series with a value on at least one axis, each with its place among all the series
    (its colour, the same as in the page's other charts): only those are drawn and named."""
    return [
        (n, name, values)
        for n, (name, values) in enumerate(series)
        if any(_num(values.get(code)) is not None for code, _l in axes)
    ]


def radar(*, axes: list[tuple[str, str]], series: list[tuple[str, dict]], scale_max: Decimal, title: str) -> SafeString:
    """One polygon per series over ``axes`` (code, label); values read from each dict by code.

    The drawing's box is computed from its labels (each placed outside its spoke, wrapped
    between words), so none is clipped; a series without any value is neither drawn nor listed."""
    r, pad = 130, 10
    top = _num(scale_max) or 1.0
    count = max(len(axes), 3)
    angle = lambda i: -math.pi / 2 + 2 * math.pi * i / count  # noqa: E731
    series = _drawn(axes, series)
    # Labels around a centre at (0, 0): anchor, first baseline and box of each.
    labels, x_min, y_min, x_max, y_max = [], -r, -r, r, r
    for i, (_code, label) in enumerate(axes):
        cos, sin = math.cos(angle(i)), math.sin(angle(i))
        lx, ly = (r + 14) * cos, (r + 14) * sin
        anchor = "middle" if abs(lx) < 5 else ("start" if lx > 0 else "end")
        lines = _lines(label)
        height = LINE_H * len(lines)
        first = ly + 4 - (height - LINE_H if sin < -0.3 else 0 if sin > 0.3 else (height - LINE_H) / 2)
        first += 8 if sin > 0.3 else -4 if sin < -0.3 else 0
        width = max(len(line) for line in lines) * CHAR_W
        x0 = lx - width / 2 if anchor == "middle" else lx if anchor == "start" else lx - width
        labels.append((lx, first, anchor, lines))
        x_min, x_max = min(x_min, x0), max(x_max, x0 + width)
        y_min, y_max = min(y_min, first - 11), max(y_max, first + height - LINE_H + 4)
    legend_w = max((len(name) * CHAR_W + 14 for _n, name, _v in series), default=0)
    x_max = max(x_max, x_min + legend_w)
    cx, cy = pad - x_min, pad - y_min
    legend_y = cy + y_max + 24
    width, height = math.ceil(x_max - x_min + 2 * pad), math.ceil(legend_y + 16 * len(series) + pad - 12)
    body = []
    for ring in range(1, 5):
        pts = " ".join(
            f"{cx + r * ring / 4 * math.cos(angle(i)):.1f},{cy + r * ring / 4 * math.sin(angle(i)):.1f}"
            for i in range(count)
        )
        body.append(f'<polygon points="{pts}" fill="none" stroke="#d9dfe6"/>')
    for i, (lx, first, anchor, lines) in enumerate(labels):
        x, y = cx + r * math.cos(angle(i)), cy + r * math.sin(angle(i))
        body.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#d9dfe6"/>')
        spans = "".join(
            f'<tspan x="{cx + lx:.1f}" y="{cy + first + n * LINE_H:.1f}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        body.append(f'<text class="axis" text-anchor="{anchor}">{spans}</text>')
    for n, _name, values in series:
        color = PALETTE[n % len(PALETTE)]
        pts = []
        for i, (code, _label) in enumerate(axes):
            v = _num(values.get(code)) or 0.0
            k = max(0.0, min(v / top, 1.0))
            pts.append(f"{cx + r * k * math.cos(angle(i)):.1f},{cy + r * k * math.sin(angle(i)):.1f}")
        body.append(
            f'<polygon class="series" points="{" ".join(pts)}" fill="{color}" fill-opacity="0.15" '
            f'stroke="{color}" stroke-width="2"/>'
        )
    body += _legend([name for _n, name, _v in series], math.floor(pad), math.floor(legend_y), [n for n, *_ in series])
    return _svg(width, height, body, title)


def bars(
    *, categories: list[tuple[str, str]], series: list[tuple[str, dict]], scale_max: Decimal, title: str
) -> SafeString:
    """Grouped horizontal bars: one group per category (code, label), one bar per series."""
    top = _num(scale_max) or 1.0
    # The label column is as wide as the longest category, so no name runs off the left edge.
    left = max(110, math.ceil(max((len(label) for _c, label in categories), default=0) * CHAR_W) + 12)
    legend_w = max((len(name) * CHAR_W + 24 for name, _v in series), default=0)
    bar_h, gap, width = 12, 10, math.ceil(left + max(410, legend_w))
    group_h = bar_h * max(len(series), 1) + gap
    height = 20 + group_h * len(categories) + 16 * len(series) + 10
    plot_w = width - left - 50
    body = []
    for g, (code, label) in enumerate(categories):
        y0 = 20 + g * group_h
        body.append(f'<text x="{left - 6}" y="{y0 + bar_h}" text-anchor="end">{escape(label)}</text>')
        for n, (_name, values) in enumerate(series):
            v = _num(values.get(code))
            y = y0 + n * bar_h
            if v is None:
                body.append(f'<text x="{left + 4}" y="{y + bar_h - 2}" fill="#5b6877">–</text>')
                continue
            w = plot_w * max(0.0, min(v / top, 1.0))
            body.append(
                f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill="{PALETTE[n % len(PALETTE)]}"/>'
            )
            body.append(f'<text x="{left + w + 4:.1f}" y="{y + bar_h - 3}">{_fmt(v)}</text>')
    body += _legend([name for name, _v in series], left, 20 + group_h * len(categories) + 12)
    return _svg(width, height, body, title)


def period_axis(keys) -> list[tuple[int, int]]:
    """Every period (year, stage) from the first of ``keys`` to the last, with the stages
    seen in ``keys`` for each year in between: a year without evaluation keeps its place."""
    keys = set(keys)
    if not keys:
        return []
    stages = sorted({stage for _year, stage in keys})
    first, last = min(keys), max(keys)
    every = [(year, stage) for year in range(first[0], last[0] + 1) for stage in stages]
    return [key for key in every if first <= key <= last]


def on_axis(series: list[tuple[str, dict]]) -> tuple[list[tuple[int, int]], list[tuple[str, list]]]:
    """The axis of ``series`` (name, {(year, stage): value}) and each series' values on it,
    ``None`` where a period has no result (drawn as a gap by ``trend``)."""
    axis = period_axis(key for _name, values in series for key in values)
    return axis, [(name, [values.get(key) for key in axis]) for name, values in series]


def _runs(points: list) -> list[list]:
    """Consecutive points without a missing value between them: one line each."""
    runs, current = [], []
    for point in points:
        if point is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(point)
    return runs + [current] if current else runs


def trend(*, periods: list[str], series: list[tuple[str, list]], scale_max: Decimal, title: str) -> SafeString:
    """The index over ``periods`` (labels), one line per series (values aligned to periods).

    A missing value breaks the line (the periods on each side are not neighbours), and a
    period without a value in any series has its label greyed."""
    width, height, left, right, top_pad, bottom = 520, 260, 40, 20, 20, 60
    top = _num(scale_max) or 1.0
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    count = max(len(periods), 1)
    x_at = lambda i: left + (plot_w * (i + 0.5) / count)  # noqa: E731
    y_at = lambda v: top_pad + plot_h * (1 - max(0.0, min(v / top, 1.0)))  # noqa: E731
    body = [
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - right}" y2="{top_pad + plot_h}" stroke="#5b6877"/>'
    ]
    for tick in range(5):
        v = top * tick / 4
        y = y_at(v)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#eef1f5"/>')
        body.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{_fmt(v)}</text>')
    empty = {i for i in range(len(periods)) if all(_num(values[i]) is None for _n, values in series)}
    for i, label in enumerate(periods):
        shade = ' fill="#9aa5b1" class="gap"' if i in empty else ""
        body.append(
            f'<text x="{x_at(i):.1f}" y="{top_pad + plot_h + 14}" text-anchor="middle"{shade}>{escape(label)}</text>'
        )
    for n, (_name, values) in enumerate(series):
        color = PALETTE[n % len(PALETTE)]
        points = [None if _num(v) is None else (x_at(i), y_at(_num(v)), v) for i, v in enumerate(values)]
        for run in _runs(points):
            if len(run) > 1:
                pts = " ".join(f"{x:.1f},{y:.1f}" for x, y, _v in run)
                body.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"/>')
            for x, y, v in run:
                body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"><title>{_fmt(v)}</title></circle>')
    body += _legend([name for name, _v in series], left, top_pad + plot_h + 32)
    return _svg(width, height + 16 * max(len(series) - 1, 0), body, title)
