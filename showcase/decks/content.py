"""What a deck says, slide by slide: pure functions over a region's submitted profile and the
ministry template, shared by the PPTX and the PDF outputs so both show the same slides.

``DeckSource`` is the submission as plain values (``source_of`` makes it from the row, with
the logo's bytes); ``slides_of`` turns it and a ``Style`` into ``Slide`` values in the
template's order. Missing data never stops a deck: a slide whose data is missing becomes an
explicit placeholder, and a slide after the title lists everything the region's page lists
as missing (the submission's ``missing``, in the same words).
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from platform.formats import number_text
from programs.templatetags.masterplan import rupiah
from showcase.decks.models import SLIDE_KINDS
from showcase.profiles.models import MISSING_LABELS

# Which missing item leaves which slide without its content.
SLIDE_NEEDS = {"vision": "vision", "quick_wins": "quick_wins", "index": "index"}


@dataclass(frozen=True)
class Style:
    primary: str = "#0b5cab"
    accent: str = "#f2a900"
    text: str = "#1f2933"
    background: str = "#ffffff"
    title_size: int = 36
    body_size: int = 16
    logo: bytes = b""  # the ministry's logo (PNG or JPEG), if any
    order: tuple[str, ...] = ("title", "vision", "dimensions", "quick_wins", "roadmap", "index", "closing")
    revision: int = 0


@dataclass(frozen=True)
class DeckSource:
    region_code: str
    region_name: str
    province: str
    showcase_name: str
    presenter: str
    vision: str
    data: dict
    missing: tuple[str, ...]
    data_taken_at: datetime | None
    logo: bytes = b""  # the region's logo
    revision: int = 0


@dataclass(frozen=True)
class Slide:
    kind: str  # a template kind, or "missing", "placeholder", "divider"
    heading: str
    lines: tuple[str, ...] = ()  # paragraphs or list items
    rows: tuple[tuple[str, ...], ...] = ()  # a table (the first row is the header)
    figure: str = ""  # "roadmap" or "trend": the chart drawn for this slide
    big: str = ""  # a large figure (the index value)
    extra: dict = field(default_factory=dict)


def source_of(submission, *, logo: bytes = b"") -> DeckSource:
    data = submission.data or {}
    region = data.get("region") or {}
    presenter = ", ".join(part for part in (submission.presenter_name, submission.presenter_title) if part)
    return DeckSource(
        region_code=submission.region_id,
        region_name=region.get("name") or submission.region.name,
        province=region.get("province", ""),
        showcase_name=submission.showcase.name,
        presenter=presenter,
        vision=submission.vision or data.get("vision", ""),
        data=data,
        missing=tuple(submission.missing or ()),
        data_taken_at=submission.data_taken_at,
        logo=logo,
        revision=submission.revision,
    )


def taken_line(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    when = formats.date_format(local, "DATETIME_FORMAT")
    return _("Data diambil %(when)s %(zone)s") % {"when": when, "zone": local.tzname() or ""}


def missing_labels(codes) -> list[str]:
    return [str(MISSING_LABELS.get(code, code)) for code in codes]


def _placeholder(heading: str, code: str) -> Slide:
    return Slide(
        kind="placeholder",
        heading=heading,
        lines=(_("Data belum tersedia: %(what)s.") % {"what": missing_labels([code])[0]},),
    )


def _quick_win(qw: dict) -> Slide:
    lines = [f"{qw['dimension']['label']} · {qw.get('sub_dimension', '')}".strip(" ·")]
    opd = qw.get("lead_opd") or {}
    if opd.get("acronym"):
        lines.append(_("OPD pelaksana: %(opd)s") % {"opd": opd["acronym"]})
    lines.append(f"{qw.get('start_year', '')}–{qw.get('end_year', '')}")
    if qw.get("targets"):
        lines.append(_("Sasaran: %(t)s") % {"t": qw["targets"]})
    for indicator in qw.get("indicators", [])[:4]:
        steps = "; ".join(f"{year}: {number_text(value)}" for year, value in indicator.get("targets", []))
        start = " ".join((_("awal"), number_text(indicator["baseline"]))) if indicator.get("baseline") else ""
        unit = f" {indicator['unit']}" if indicator.get("unit") else ""
        lines.append(f"{indicator['name']}: {' → '.join(p for p in (start, steps) if p)}{unit}")
    funding = ", ".join(f"{f['source']} {rupiah(f['amount'])}" for f in qw.get("funding", []))
    budget = _("Anggaran: %(total)s") % {"total": rupiah(qw.get("budget"))}
    lines.append(f"{budget} ({funding})" if funding else budget)
    return Slide(kind="quick_wins", heading=qw["title"], lines=tuple(lines), extra={"kicker": _("Quick win")})


def slides_of(source: DeckSource, style: Style) -> list[Slide]:
    """The deck's slides in the template's order (title and closing always)."""
    data, missing = source.data, set(source.missing)
    slides: list[Slide] = []
    for kind in style.order:
        needs = SLIDE_NEEDS.get(kind)
        if kind == "title":
            lines = tuple(p for p in (source.province, source.presenter, taken_line(source.data_taken_at)) if p)
            slides.append(
                Slide(kind="title", heading=source.region_name, lines=lines, extra={"kicker": source.showcase_name})
            )
            if source.missing:
                slides.append(
                    Slide(kind="missing", heading=_("Data belum lengkap"), lines=tuple(missing_labels(source.missing)))
                )
        elif needs and (needs in missing or not _has(kind, source)):
            slides.append(_placeholder(_heading(kind), needs))
        elif kind == "vision":
            slides.append(Slide(kind="vision", heading=_("Visi"), lines=(source.vision,)))
        elif kind == "dimensions":
            rows = [(_("Dimensi"), _("Program"), _("Quick win"), _("Anggaran"))]
            rows += [
                (d["label"], str(d["programs"]), str(d["quick_wins"]), rupiah(d["budget"]))
                for d in data.get("dimensions", [])
            ]
            slides.append(Slide(kind="dimensions", heading=_("Enam dimensi sekilas"), rows=tuple(rows)))
        elif kind == "quick_wins":
            slides.extend(_quick_win(qw) for qw in data["quick_wins"])
        elif kind == "roadmap":
            budget = data.get("budget") or {}
            lines = tuple(f"{row['source']}: {rupiah(row['amount'])}" for row in budget.get("by_source", []))
            total = _("Jumlah anggaran: %(total)s") % {"total": rupiah(budget.get("total"))} if lines else ""
            has_programs = bool((data.get("roadmap") or {}).get("programs"))
            slides.append(
                Slide(
                    kind="roadmap",
                    heading=_("Roadmap"),
                    lines=(*lines, total) if lines else (),
                    figure="roadmap" if has_programs else "",
                    extra={"empty": "" if has_programs else _("Belum ada program.")},
                )
            )
        elif kind == "index":
            latest = data["index"]["latest"]
            label = latest["label"]
            if latest.get("rank"):
                label += " · " + _("peringkat nasional %(rank)s") % {"rank": latest["rank"]}
            slides.append(
                Slide(
                    kind="index",
                    heading=_("Indeks pencapaian"),
                    big=number_text(latest["value"]),
                    lines=(label,),
                    figure="trend",
                )
            )
        elif kind == "closing":
            lines = tuple(p for p in (source.presenter, taken_line(source.data_taken_at)) if p)
            slides.append(
                Slide(kind="closing", heading=_("Terima kasih"), lines=lines, extra={"kicker": source.region_name})
            )
    return slides


def _has(kind: str, source: DeckSource) -> bool:
    if kind == "vision":
        return bool(source.vision.strip())
    if kind == "quick_wins":
        return bool(source.data.get("quick_wins"))
    if kind == "index":
        return bool((source.data.get("index") or {}).get("latest"))
    return True


def _heading(kind: str) -> str:
    return str(SLIDE_KINDS[kind])


def divider(title: str, subtitle: str = "") -> Slide:
    """A session's divider slide of the combined PDF."""
    return Slide(kind="divider", heading=title, extra={"kicker": subtitle})


def no_submission(region_name: str, showcase_name: str) -> Slide:
    """The one slide of a region in the agenda that has submitted nothing yet."""
    return Slide(
        kind="placeholder",
        heading=region_name,
        lines=(_("Belum ada kiriman profil dari daerah ini; deck belum dapat disusun."),),
        extra={"kicker": showcase_name},
    )
