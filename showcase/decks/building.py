"""The deck job (run by ``tasks.build_decks``; a platform service, no actor: whoever asked
was checked by ``services.request_deck``).

One region: its submission and the template become slides (``content``), the charts are
drawn once (``figures``), then the PPTX and the PDF are made and stored with the job's end in
one transaction. All decks: each presenting region's deck (an up-to-date one is reused), then
a ZIP of them and one PDF in agenda order with a divider slide per session.

Idempotent on redelivery (``acks_late``): a finished job is left as it is; a job found
running again (its worker was lost) is done again from the start, its files replaced under
the job's row lock, so a job is either finished with all its files or not at all. A failure
is written on the job with its message. A job that built older data than the submission now
holds (changed while it ran) queues the region again.
"""

import io
import logging
import time
import zipfile
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from platform.uploads import save_file
from showcase import selectors as showcase_selectors
from showcase.decks import content, figures, pdf_output, pptx_output
from showcase.decks.models import DeckBuild, DeckTemplate
from showcase.decks.services import current_template, queue_build
from showcase.models import Slot
from showcase.profiles.models import Submission
from showcase.profiles.storage import public_storage
from tenants.models import Region

logger = logging.getLogger(__name__)
KEEP_PER_SCOPE = 3


@dataclass(frozen=True)
class Deck:
    pptx: bytes
    pdf: bytes


def style_of(template: DeckTemplate) -> content.Style:
    logo = b""
    if template.logo:
        with template.logo.open("rb") as handle:
            logo = handle.read()
    return content.Style(
        primary=template.primary_colour,
        accent=template.accent_colour,
        text=template.text_colour,
        background=template.background_colour,
        title_size=template.title_size,
        body_size=template.body_size,
        logo=logo,
        order=tuple(template.slide_order),
        revision=template.revision,
    )


def source_of(submission: Submission) -> content.DeckSource:
    logo = b""
    if submission.logo:
        try:
            with public_storage().open(submission.logo.name, "rb") as handle:
                logo = handle.read()
        except FileNotFoundError:
            logger.warning("logo %s of %s is missing; deck built without it", submission.logo.name, submission)
    return content.source_of(submission, logo=logo)


def make_deck(source: content.DeckSource, style: content.Style) -> Deck:
    """The PPTX and PDF of one region (pure: no database)."""
    with translation.override("id"):
        slides = content.slides_of(source, style)
        charts = figures.charts_of(source.data)
        pictures = figures.rasterize(charts)
        pptx = pptx_output.build_pptx(slides, style, pictures=pictures, region_logo=source.logo)
        html = pdf_output.render_deck_html(slides, style, charts=charts, region_logo=source.logo)
        return Deck(pptx=pptx, pdf=pdf_output.render_pdf(html))


def _progress(build: DeckBuild, done: int, total: int, step: str, params: dict | None = None) -> None:
    """``step`` is the untranslated message (``gettext_noop``) with its ``params``: the page
    shows it in each reader's language (``DeckBuild.step_text``)."""
    DeckBuild.objects.filter(pk=build.pk).update(done=done, total=total, step=step, step_params=params or {})


def file_stem(build: DeckBuild, region_name: str = "") -> str:
    scope = f"{build.region_id}-{slugify(region_name)}" if build.region_id else "semua-deck"
    return f"{build.showcase.slug}/{scope}-{build.pk}"


def _replace(field_file, name: str, data: bytes) -> None:
    """Write ``data`` as ``name`` (a file a lost run left under that name goes first)."""
    stored = field_file.field.generate_filename(field_file.instance, name)
    if field_file.storage.exists(stored):
        field_file.storage.delete(stored)
    save_file(field_file, name, ContentFile(data))


def _finish(build: DeckBuild, files: dict[str, bytes], **fields) -> bool:
    """Store the files and mark the job done, under its row lock; ``False`` if another run
    finished it first (then nothing is written)."""
    with transaction.atomic():
        locked = DeckBuild.objects.select_for_update().get(pk=build.pk)
        if locked.status != DeckBuild.Status.RUNNING:
            return False
        for field, (name, data) in files.items():
            _replace(getattr(locked, field), name, data)
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.status, locked.done, locked.finished_at = DeckBuild.Status.DONE, locked.total, timezone.now()
        locked.error = ""
        locked.save()
    return True


def _build_region(build: DeckBuild, style: content.Style) -> None:
    submission = (
        Submission.objects.select_related("showcase", "region")
        .filter(showcase_id=build.showcase_id, region_id=build.region_id)
        .first()
    )
    if submission is None:
        raise ValueError(_("Daerah ini belum mengirim profil showcase; deck belum dapat disusun."))
    _progress(build, 1, 3, gettext_noop("Menyusun slide dan grafik"))
    deck = make_deck(source_of(submission), style)
    _progress(build, 2, 3, gettext_noop("Menyimpan berkas"))
    stem = file_stem(build, submission.region.name)
    _finish(
        build,
        {"pptx": (f"{stem}.pptx", deck.pptx), "pdf": (f"{stem}.pdf", deck.pdf)},
        data_taken_at=submission.data_taken_at,
        submission_revision=submission.revision,
        template_revision=style.revision,
        step=gettext_noop("Selesai"),
        step_params={},
    )
    latest = Submission.objects.filter(pk=submission.pk).values_list("revision", flat=True).first()
    if latest is not None and latest != submission.revision:  # changed while this job ran
        queue_build(showcase=build.showcase, region_code=build.region_id, user=None)


def agenda_sessions(showcase) -> list[tuple[str, list[str]]]:
    """``[(session title, [region code, …]), …]`` in the order of the published (else latest)
    agenda version's presentation slots; presenting regions not in it come last."""
    version = showcase_selectors.published_version(showcase) or showcase_selectors.draft_version(showcase)
    sessions: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    if version is not None:
        for slot in showcase_selectors.slots_of(version):
            if slot.kind == Slot.Kind.SESSION:
                sessions.append((slot.title or slot.get_kind_display(), []))
            elif slot.kind == Slot.Kind.PRESENTATION and slot.region_id not in seen:
                if not sessions:
                    sessions.append((slot.stage.name, []))
                sessions[-1][1].append(slot.region_id)
                seen.add(slot.region_id)
    rest = [p.region_id for p in showcase_selectors.presenters_of(showcase) if p.region_id not in seen]
    if rest:
        sessions.append((_("Daerah penyaji lainnya") if sessions else showcase.name, rest))
    return [(title, codes) for title, codes in sessions if codes]


def _region_deck(build: DeckBuild, submission: Submission, style: content.Style) -> tuple[bytes, bytes]:
    """The region's current deck: an up-to-date finished one is reused, else it is built and
    recorded as a finished job of that region."""
    reusable = (
        DeckBuild.objects.filter(
            showcase_id=build.showcase_id,
            region_id=submission.region_id,
            status=DeckBuild.Status.DONE,
            submission_revision=submission.revision,
            template_revision=style.revision,
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
    if reusable is not None and reusable.pptx and reusable.pdf:
        try:
            with reusable.pptx.open("rb") as pptx, reusable.pdf.open("rb") as pdf:
                return pptx.read(), pdf.read()
        except FileNotFoundError:
            logger.warning("deck files of %s are missing; building again", reusable)
    deck = make_deck(source_of(submission), style)
    own = DeckBuild.objects.create(
        showcase_id=build.showcase_id,
        region_id=submission.region_id,
        status=DeckBuild.Status.RUNNING,
        requested_by=build.requested_by,
        started_at=timezone.now(),
        total=1,
    )
    own.showcase = build.showcase
    stem = file_stem(own, submission.region.name)
    _finish(
        own,
        {"pptx": (f"{stem}.pptx", deck.pptx), "pdf": (f"{stem}.pdf", deck.pdf)},
        data_taken_at=submission.data_taken_at,
        submission_revision=submission.revision,
        template_revision=style.revision,
        step=gettext_noop("Selesai (bagian dari semua deck)"),
        step_params={},
    )
    prune(own)
    return deck.pptx, deck.pdf


def _single_slide_pdf(slide: content.Slide, style: content.Style) -> bytes:
    with translation.override("id"):
        return pdf_output.render_pdf(pdf_output.render_deck_html([slide], style, charts={}))


def _build_all(build: DeckBuild, style: content.Style) -> None:
    showcase = build.showcase
    sessions = agenda_sessions(showcase)
    codes = [code for _title, session in sessions for code in session]
    submissions = {
        s.region_id: s
        for s in Submission.objects.select_related("showcase", "region").filter(showcase=showcase, region_id__in=codes)
    }
    total = len(codes) + 1
    decks: dict[str, tuple[bytes, bytes]] = {}
    for done, code in enumerate(codes):
        _progress(build, done, total, gettext_noop("Deck %(n)s dari %(total)s"), {"n": done + 1, "total": len(codes)})
        if code in submissions:
            decks[code] = _region_deck(build, submissions[code], style)
    _progress(build, len(codes), total, gettext_noop("Menggabungkan PDF dan ZIP"))
    names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    parts, archive = [], io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        position = 0
        for title, session in sessions:
            parts.append(_single_slide_pdf(content.divider(title, showcase.name), style))
            for code in session:
                position += 1
                if code not in decks:
                    slide = content.no_submission(names[code], showcase.name)
                    parts.append(_single_slide_pdf(slide, style))
                    continue
                pptx, pdf = decks[code]
                stem = f"{position:02d}-{code}-{slugify(names[code])}"
                zipped.writestr(f"{stem}.pptx", pptx)
                zipped.writestr(f"{stem}.pdf", pdf)
                parts.append(pdf)
    combined = pdf_output.join_pdfs(parts) if parts else b""
    stem = file_stem(build)
    files = {"archive": (f"{stem}.zip", archive.getvalue())}
    if combined:
        files["pdf"] = (f"{stem}.pdf", combined)
    taken = [s.data_taken_at for s in submissions.values()]
    _finish(
        build,
        files,
        data_taken_at=max(taken) if taken else None,
        template_revision=style.revision,
        step=gettext_noop("Selesai: %(n)s deck"),
        step_params={"n": len(decks)},
    )


def run_build(build_id: int) -> DeckBuild:
    build = DeckBuild.objects.select_related("showcase", "region").filter(pk=build_id).first()
    if build is None or build.status in (DeckBuild.Status.DONE, DeckBuild.Status.FAILED):
        return build  # removed, or finished by an earlier delivery
    started = time.perf_counter()
    DeckBuild.objects.filter(pk=build.pk).update(
        status=DeckBuild.Status.RUNNING, started_at=timezone.now(), done=0, step=gettext_noop("Mulai"), step_params={}
    )
    build.status = DeckBuild.Status.RUNNING
    try:
        with translation.override("id"):
            style = style_of(current_template())
            if build.region_id:
                _build_region(build, style)
            else:
                _build_all(build, style)
    except Exception as exc:
        logger.exception("deck build %s failed", build.pk)
        DeckBuild.objects.filter(pk=build.pk, status=DeckBuild.Status.RUNNING).update(
            status=DeckBuild.Status.FAILED, error=str(exc)[:2000] or type(exc).__name__, finished_at=timezone.now()
        )
        raise
    logger.info("deck build %s done in %.1f s", build.pk, time.perf_counter() - started)
    prune(build)
    build.refresh_from_db()
    return build


def prune(build: DeckBuild) -> None:
    """Keep the ``KEEP_PER_SCOPE`` latest finished jobs of the scope; older ones go with their files."""
    finished = DeckBuild.objects.filter(
        showcase_id=build.showcase_id,
        region_id=build.region_id,
        status__in=(DeckBuild.Status.DONE, DeckBuild.Status.FAILED),
    ).order_by("-requested_at", "-pk")
    for old in finished[KEEP_PER_SCOPE:]:
        for field in (old.pptx, old.pdf, old.archive):
            if field:
                field.delete(save=False)
        old.delete()
