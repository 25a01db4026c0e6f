"""The masterplan book: Buku I (analisis strategis) and Buku II (masterplan) as one PDF.

``request_book`` records a job (``MasterplanBook``) and sends the tenant-aware task after
commit; ``build_book`` runs in the task, in the workspace's schema: it gathers the
masterplan in a fixed number of queries, draws the roadmap and risk heat map with
``programs.charts`` (the same figures as the pages), lays the book out with WeasyPrint
(cover with the region's name and date, a table of contents whose page numbers come from
CSS ``target-counter``, running headers and page numbers, tables in rupiah, Indonesian
dates) and stores the PDF in the workspace's storage. The job's ``progress`` and ``step``
are written as it goes, for the page that polls it.
"""

import logging
import re
import time
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Prefetch, Sum
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform.celery import send_after_commit
from platform.uploads import save_file
from programs import charts, rules, selectors
from programs.models import Funding, MasterplanBook, Person, Risk
from programs.rules import Actor
from programs.services.common import refuse_unless

logger = logging.getLogger(__name__)

# A job older than this that never finished is considered lost (worker killed) and may be redone.
STALE_AFTER_SECONDS = 15 * 60
KEEP_BOOKS = 10
# Programs per roadmap figure in the book: two-line names still fit an A4 page at full size.
ROADMAP_ROWS = 24


def _pending() -> MasterplanBook | None:
    since = timezone.now() - timedelta(seconds=STALE_AFTER_SECONDS)
    return (
        MasterplanBook.objects.filter(
            status__in=(MasterplanBook.Status.QUEUED, MasterplanBook.Status.RUNNING), requested_at__gte=since
        )
        .order_by("-requested_at")
        .first()
    )


@transaction.atomic
def request_book(*, actor: Actor) -> MasterplanBook:
    """A new book job, sent to the worker after commit; an unfinished one is returned instead.

    Whoever reads the workspace may ask (``rules.can_request_book``: the book only shows what
    they can already read)."""
    from programs.tasks import build_masterplan_book

    refuse_unless(rules.can_request_book(actor), _("Hanya anggota ruang kerja ini yang dapat meminta buku masterplan."))
    pending = _pending()
    if pending is not None:
        return pending
    masterplan = selectors.masterplan()
    book = MasterplanBook.objects.create(
        requested_by=actor.user,
        masterplan_revision=masterplan.revision,
        masterplan_status=masterplan.status,
        step=gettext_noop("Menunggu giliran"),
    )
    send_after_commit(build_masterplan_book, book.pk)
    return book


def _progress(book: MasterplanBook, percent: int, step: str, params: dict | None = None, **fields) -> None:
    """``step`` is the untranslated message (``gettext_noop``) with its ``params``: the page
    shows it in each reader's language (``MasterplanBook.step_text``)."""
    book.progress, book.step, book.step_params = percent, step, params or {}
    for name, value in fields.items():
        setattr(book, name, value)
    book.save(update_fields=["progress", "step", "step_params", *fields])


def sum_of(amounts) -> Decimal:
    return sum((a for a in amounts if a is not None), start=Decimal(0))


def book_context() -> dict:
    """Everything the book shows, loaded in a fixed number of queries."""
    masterplan = selectors.masterplan()
    dimensions = list(selectors.dimensions_with_plans().order_by("order"))
    programs = list(
        selectors.programs()
        .select_related("dimension", "sub_dimension", "lead_opd")
        .prefetch_related(
            "partner_opds",
            "indicators",
            Prefetch("funding", queryset=Funding.objects.select_related("source").order_by("year", "source__order")),
            "milestones",
            Prefetch("risks", queryset=Risk.objects.order_by("-likelihood", "-impact", "id")),
        )
    )
    by_dimension = defaultdict(list)
    for program in programs:
        by_dimension[program.dimension_id].append(program)
    quick_wins = [p for p in programs if p.is_quick_win]
    risks = [r for p in quick_wins for r in p.risks.all()]

    totals = Funding.objects.values("source__name", "source__order", "year").annotate(total=Sum("amount"))
    years = sorted({t["year"] for t in totals})
    sources = sorted({(t["source__order"], t["source__name"]) for t in totals})
    cells = {(t["source__name"], t["year"]): t["total"] for t in totals}
    # One row per year and one column per source: a ten-year plan stays a few columns wide.
    funding_rows = [
        (y, [cells.get((name, y), Decimal(0)) for _o, name in sources], sum_of(cells.get((n, y)) for _o, n in sources))
        for y in years
    ]
    source_totals = [sum_of(cells.get((name, y)) for y in years) for _o, name in sources]
    people = list(selectors.people())
    return {
        "region": connection.tenant.region,
        "masterplan": masterplan,
        "dimensions": [(d, by_dimension.get(d.pk, [])) for d in dimensions],
        "program_count": len(programs),
        "quick_wins": quick_wins,
        "risk_count": len(risks),
        "roadmaps": _roadmaps(dimensions, programs),
        "heat_map": printable_svg(charts.heat_map_svg(risks=risks)),
        "funding_sources": [name for _o, name in sources],
        "funding_rows": funding_rows,
        "funding_source_totals": source_totals,
        "budget_total": sum_of(source_totals),
        "opds": list(selectors.opds()),
        "council": [p for p in people if p.body == Person.Body.COUNCIL],
        "team": [p for p in people if p.body == Person.Body.TEAM],
        "generated_on": timezone.localdate(),
    }


_FONT_SHORTHAND = re.compile(r"font:\s*(?:(\d{3}|bold|normal)\s+)?(\d+(?:\.\d+)?px)\s+([^;}]+)")


def printable_svg(svg: str) -> SafeString:
    """The chart as WeasyPrint draws it: its SVG renderer ignores the ``font`` shorthand
    (text would come out at a default, page-sized scale), so it is spelled out."""

    def longhand(match: re.Match) -> str:
        weight, size, family = match.group(1) or "normal", match.group(2), match.group(3).strip()
        return f"font-weight:{weight};font-size:{size};font-family:{family}"

    return mark_safe(_FONT_SHORTHAND.sub(longhand, str(svg)))  # charts.py escapes every text


def _roadmaps(dimensions: list, programs: list) -> list[tuple]:
    """One roadmap per dimension on the same years, at most ``ROADMAP_ROWS`` programs a figure,
    so each fits a page however many programs the plan has (a figure cannot break across pages)."""
    if not programs:
        return []
    years = range(min(p.start_year for p in programs), max(p.end_year for p in programs) + 1)
    figures = []
    for dimension, own in charts.roadmap_lanes(dimensions=dimensions, programs=programs):
        # A long lane goes on over several figures, so none is shrunk below a readable size.
        for start in range(0, len(own), ROADMAP_ROWS):
            svg = charts.roadmap_svg(dimensions=[dimension], programs=own[start : start + ROADMAP_ROWS], years=years)
            figures.append((dimension, printable_svg(svg)))
    return figures


def render_book_html(context: dict) -> str:
    with translation.override("id"):
        return render_to_string("programs/book/book.html", context)


def render_book_pdf(html: str) -> tuple[bytes, int]:
    """``(pdf bytes, number of pages)``."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=None).render()
    return document.write_pdf(), len(document.pages)


def build_book(*, book_id: int) -> MasterplanBook:
    """Run a book job (in the task); a failure is recorded on the job for the page to show.

    A system service: the member who asked was checked by ``request_book``; no actor here."""
    book = MasterplanBook.objects.get(pk=book_id)
    if book.status == MasterplanBook.Status.DONE:
        return book
    started = time.perf_counter()
    try:
        with translation.override("id"):
            _progress(book, 5, gettext_noop("Mengumpulkan isi masterplan"), status=MasterplanBook.Status.RUNNING)
            context = book_context()
            _progress(book, 25, gettext_noop("Menata halaman (%(n)s program)"), {"n": context["program_count"]})
            html = render_book_html(context)
            _progress(book, 45, gettext_noop("Menyusun PDF"))
            pdf, pages = render_book_pdf(html)
            _progress(book, 90, gettext_noop("Menyimpan berkas"))
            region = connection.tenant.region.name.lower().replace(" ", "-")
            name = f"masterplan-{region}-rev{context['masterplan'].revision}-{timezone.localdate():%Y%m%d}.pdf"
            with transaction.atomic():  # the file goes again if its row is not written
                save_file(book.file, name, ContentFile(pdf))
                _progress(
                    book,
                    100,
                    gettext_noop("Selesai dalam %(s)s detik"),
                    {"s": round(time.perf_counter() - started, 1)},
                    status=MasterplanBook.Status.DONE,
                    file=book.file.name,
                    size=len(pdf),
                    pages=pages,
                    finished_at=timezone.now(),
                )
    except Exception as exc:
        logger.exception("masterplan book %s failed", book.pk)
        _progress(
            book,
            book.progress,
            gettext_noop("Gagal"),
            status=MasterplanBook.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    _prune_old_books()
    return book


def _prune_old_books() -> None:
    """Keep the files of the ``KEEP_BOOKS`` latest finished books; older jobs go with their PDF."""
    finished = MasterplanBook.objects.filter(
        status__in=(MasterplanBook.Status.DONE, MasterplanBook.Status.FAILED)
    ).order_by("-requested_at", "-id")
    for old in finished[KEEP_BOOKS:]:
        if old.file:
            old.file.delete(save=False)
        old.delete()


def recent_books(limit: int = KEEP_BOOKS) -> list[MasterplanBook]:
    return list(MasterplanBook.objects.order_by("-requested_at", "-id")[:limit])
