"""Writes inside a workspace: cycles, responses, evidence, verification, state changes.

Every write takes the actor (``tenants.access.Actor``) and checks its capability
(``assessments.rules``; ``PermissionDenied`` when refused), checks the cycle's state (a
final cycle is locked), validates scores against the version's scale, writes an audit row
for each state change in the same transaction and asks for the region snapshot to be
refreshed (``assessments.rollup``). The platform itself (demo data, commands and
benchmarks outside any request) acts as ``tenants.access.SYSTEM``, which holds every
capability; ``None`` is refused. Verifying and the assessor's state changes also obey the
separation of duties (``rules.check_may_assess``): nobody judges a workspace in which they
hold a region role, checked under the cycle's lock at the moment of the action.
"""

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments import rules
from assessments.framework.models import FrameworkVersion, Indicator, Stage
from assessments.framework.services import freeze_version
from assessments.models import AssessmentCycle, AssessmentResponse, CycleEvent, Evidence
from assessments.rollup import request_snapshot_refresh
from platform.audit import record
from platform.uploads import save_file, sniff_upload
from tenants.access import Actor

State = AssessmentCycle.State

# Evidence files: documents and pictures an assessor opens; everything else is refused.
# Extension → (content type stored, what ``platform.uploads`` must recognise in the file;
# OOXML documents are ZIP containers).
EVIDENCE_MAX_BYTES = getattr(settings, "EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
EVIDENCE_TYPES = {
    ".pdf": ("application/pdf", "pdf"),
    ".png": ("image/png", "png"),
    ".jpg": ("image/jpeg", "jpeg"),
    ".jpeg": ("image/jpeg", "jpeg"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "zip"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "zip"),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "zip"),
}


def _require(actor: Actor, capability: str) -> None:
    """Refuse an actor without ``capability`` (``tenants.access.SYSTEM``, the platform, has every one)."""
    if actor is None or not actor.can(capability):
        raise PermissionDenied()


def _user(actor: Actor):
    return actor.user


def _locked(cycle: AssessmentCycle, *, allowed: tuple[str, ...], field: str | None = None) -> None:
    if cycle.state not in allowed:
        message = (
            _("Siklus ini sudah final dan terkunci; hanya admin kementerian yang dapat membukanya kembali.")
            if cycle.is_locked
            else _("Tidak dapat diubah pada status “%(state)s”.") % {"state": cycle.get_state_display()}
        )
        raise ValidationError({field: message} if field else message)


def _check_score(score: Decimal | None, version: FrameworkVersion, field: str) -> None:
    if score is None:
        return
    if not version.scale_min <= score <= version.scale_max:
        raise ValidationError(
            {
                field: _("Skor harus antara %(min)s dan %(max)s.")
                % {"min": version.scale_min.normalize(), "max": version.scale_max.normalize()}
            }
        )


def _event(cycle, *, action, actor: Actor, from_state="", to_state="", reason=""):
    CycleEvent.objects.create(
        cycle=cycle, action=action, actor=_user(actor), from_state=from_state, to_state=to_state, reason=reason
    )


@transaction.atomic
def start_cycle(*, actor: Actor, framework_version: FrameworkVersion, year: int, stage: int) -> AssessmentCycle:
    """Open a cycle with one empty response per indicator; the version is frozen from now on."""
    _require(actor, "can_start_assessment")
    if AssessmentCycle.objects.filter(year=year, stage=stage).exists():
        raise ValidationError({"stage": _("Siklus untuk periode ini sudah ada.")})
    try:
        with transaction.atomic():
            cycle = AssessmentCycle.objects.create(framework_version=framework_version, year=year, stage=stage)
    except IntegrityError:
        raise ValidationError({"stage": _("Siklus untuk periode ini sudah ada.")}) from None
    AssessmentResponse.objects.bulk_create(
        [
            AssessmentResponse(cycle=cycle, indicator=indicator)
            for indicator in Indicator.objects.filter(version=framework_version)
        ]
    )
    freeze_version(version=framework_version)
    _event(cycle, action="start", actor=actor, to_state=State.OPEN)
    request_snapshot_refresh()
    return cycle


def _clean_links(text: str) -> str:
    links = [line.strip() for line in text.splitlines() if line.strip()]
    validate = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            validate(link)
        except ValidationError:
            raise ValidationError(
                {"evidence_links": _("“%(link)s” bukan tautan http(s) yang sah.") % {"link": link}}
            ) from None
    return "\n".join(links)


@transaction.atomic
def save_self_assessment(
    *, actor: Actor, response: AssessmentResponse, score: Decimal | None, evidence_text: str, evidence_links: str
) -> AssessmentResponse:
    _require(actor, "can_self_assess")
    cycle = AssessmentCycle.objects.select_for_update().select_related("framework_version").get(pk=response.cycle_id)
    _locked(cycle, allowed=(State.OPEN,), field="self_score")
    _check_score(score, cycle.framework_version, "self_score")
    response.self_score = score
    response.evidence_text = evidence_text.strip()
    response.evidence_links = _clean_links(evidence_links)
    response.save(update_fields=["self_score", "evidence_text", "evidence_links", "updated_at"])
    request_snapshot_refresh()
    return response


@transaction.atomic
def save_verification(
    *, actor: Actor, response: AssessmentResponse, score: Decimal | None, notes: str
) -> AssessmentResponse:
    _require(actor, "can_verify")
    cycle = AssessmentCycle.objects.select_for_update().select_related("framework_version").get(pk=response.cycle_id)
    rules.check_may_assess(actor)
    _locked(cycle, allowed=(State.SELF_ASSESSED,), field="verified_score")
    _check_score(score, cycle.framework_version, "verified_score")
    response.verified_score = score
    response.assessor_notes = notes.strip()
    response.verified_by = _user(actor) if score is not None else None
    response.save(update_fields=["verified_score", "assessor_notes", "verified_by", "updated_at"])
    request_snapshot_refresh()
    return response


def _safe_name(name: str) -> str:
    stem = re.sub(r"[^\w.\- ]+", "_", name).strip(" .") or "berkas"
    return stem[-150:]


@transaction.atomic
def add_evidence(*, actor: Actor, response: AssessmentResponse, upload) -> Evidence:
    """Attach an evidence file (type and size checked: content, not only the name)."""
    _require(actor, "can_self_assess")
    cycle = AssessmentCycle.objects.select_for_update().get(pk=response.cycle_id)
    _locked(cycle, allowed=(State.OPEN,), field="file")
    name = _safe_name(upload.name)
    extension = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if extension not in EVIDENCE_TYPES:
        raise ValidationError(
            {
                "file": _("Jenis berkas tidak diterima; gunakan %(types)s.")
                % {"types": ", ".join(sorted(EVIDENCE_TYPES))}
            }
        )
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(
            {"file": _("Berkas terlalu besar (maksimum %(mb)s MB).") % {"mb": EVIDENCE_MAX_BYTES // (1024 * 1024)}}
        )
    content_type, kind = EVIDENCE_TYPES[extension]
    sniffed = sniff_upload(upload)
    if sniffed is None or sniffed.name != kind:
        raise ValidationError({"file": _("Isi berkas tidak sesuai dengan jenisnya (%(ext)s).") % {"ext": extension}})
    evidence = Evidence(
        response=response, name=name, content_type=content_type, size=upload.size, uploaded_by=_user(actor)
    )
    save_file(evidence.file, name, upload)  # removed again if this transaction rolls back
    evidence.save()
    return evidence


@transaction.atomic
def remove_evidence(*, actor: Actor, evidence: Evidence) -> None:
    _require(actor, "can_self_assess")
    cycle = AssessmentCycle.objects.select_for_update().get(pk=evidence.response.cycle_id)
    _locked(cycle, allowed=(State.OPEN,), field="file")
    storage, path = evidence.file.storage, evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(path))


# --- state changes ---------------------------------------------------------------------

TRANSITIONS = {
    # action: (from states, to state)
    "submit": ((State.OPEN,), State.SELF_ASSESSED),
    "return": ((State.SELF_ASSESSED,), State.OPEN),
    "verify": ((State.SELF_ASSESSED,), State.VERIFIED),
    "finalize": ((State.VERIFIED,), State.FINAL),
    "reopen": ((State.FINAL,), State.SELF_ASSESSED),
}


@transaction.atomic
def change_state(*, actor: Actor, cycle: AssessmentCycle, action: str, reason: str = "") -> AssessmentCycle:
    """Move a cycle along open → self-assessed → verified → final (or back, see ``TRANSITIONS``).

    Submitting needs every self score, verifying every verified score; reopening a final
    cycle needs a reason. Each action needs its capability (``rules.ACTION_CAPABILITY``);
    the assessor's actions (``rules.ASSESSOR_ACTIONS``) are refused to anyone holding a
    region role in this workspace.
    """
    if action not in TRANSITIONS:
        raise ValidationError({"action": _("Tindakan tidak dikenal.")})
    if actor is None or not rules.can_change_state(actor, action):
        raise PermissionDenied()
    cycle = AssessmentCycle.objects.select_for_update().get(pk=cycle.pk)
    if action in rules.ASSESSOR_ACTIONS:
        rules.check_may_assess(actor)
    sources, target = TRANSITIONS[action]
    if cycle.state not in sources:
        raise ValidationError(
            {"action": _("Tindakan ini tidak berlaku pada status “%(state)s”.") % {"state": cycle.get_state_display()}}
        )
    if action == "submit" and cycle.responses.filter(self_score__isnull=True).exists():
        raise ValidationError({"action": _("Semua indikator harus diberi skor mandiri sebelum dikirim.")})
    if action == "verify" and cycle.responses.filter(verified_score__isnull=True).exists():
        raise ValidationError({"action": _("Semua indikator harus diberi skor verifikasi.")})
    reason = reason.strip()
    if action in ("reopen", "return") and not reason:
        raise ValidationError({"reason": _("Alasan wajib diisi.")})
    before = cycle.state
    cycle.state = target
    cycle.finalized_at = timezone.now() if target == State.FINAL else None
    cycle.save(update_fields=["state", "finalized_at"])
    _event(cycle, action=action, actor=actor, from_state=before, to_state=target, reason=reason)
    if action == "reopen":
        record("cycle_reopened", actor=actor, target=_cycle_name(cycle), reason=reason)
    request_snapshot_refresh()
    return cycle


def _cycle_name(cycle: AssessmentCycle):
    """The audit log's words for a cycle, e.g. "Siklus 2024 Tahap I"."""
    return format_lazy("{} {} {}", gettext_lazy("Siklus"), cycle.year, Stage(cycle.stage).label)


# --- one page per component: every indicator of it saved at once ----------------------


def stamp(response: AssessmentResponse) -> str:
    """What a page remembers of a response it showed: a later save by someone else changes it."""
    return response.updated_at.isoformat()


def _save_page(*, cycle, entries, apply, allowed, field, check=None) -> list[AssessmentResponse]:
    """Apply ``entries`` (``{response pk: (stamp, values)}``, the indicators the user edited on
    the page) to their responses in one transaction.

    Only responses whose values change are written; one changed by someone else since the
    page was shown (its stamp differs) is refused rather than overwritten (a lost update). ``apply(response,
    values, version)`` sets the new values (or raises ``ValidationError`` by field) and says
    whether anything changed. Errors are collected for every indicator of the page and raised
    together, keyed ``"<response pk>:<field>"``; nothing is written then.
    """
    cycle = AssessmentCycle.objects.select_for_update().select_related("framework_version").get(pk=cycle.pk)
    if check is not None:
        check()  # under the cycle's lock, like the single saves
    _locked(cycle, allowed=allowed, field=field)
    locked = AssessmentResponse.objects.select_for_update().filter(cycle=cycle, pk__in=list(entries))
    errors: dict[str, list] = {}
    changed = []
    for response in locked.order_by("pk"):
        seen, values = entries[response.pk]
        current, saved = stamp(response), getattr(response, field)
        try:
            if not apply(response, values, cycle.framework_version):
                continue
            if current != seen:
                raise ValidationError(
                    _(
                        "Indikator ini diubah pengguna lain sejak halaman Anda dibuka (skor tersimpan kini: "
                        "%(score)s). Periksa isian Anda, lalu simpan lagi untuk menimpanya."
                    )
                    % {"score": "–" if saved is None else formats.localize(saved.normalize())}
                )
        except ValidationError as exc:
            for name, messages in (exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}).items():
                errors.setdefault(f"{response.pk}:{name if name != '__all__' else ''}", []).extend(messages)
            continue
        changed.append(response)
    if errors:
        raise ValidationError(errors)
    for response in changed:
        response.save()
    if changed:
        request_snapshot_refresh()
    return changed


@transaction.atomic
def save_component_self_assessment(*, actor: Actor, cycle: AssessmentCycle, entries: dict) -> list:
    """The self scores, evidence text and links of a component's page: ``entries`` is
    ``{response pk: (stamp, {"self_score", "evidence_text", "evidence_links"})}``."""
    _require(actor, "can_self_assess")

    def apply(response, values, version):
        score = values["self_score"]
        _check_score(score, version, "self_score")
        new = (score, values["evidence_text"].strip(), _clean_links(values["evidence_links"]))
        if new == (response.self_score, response.evidence_text, response.evidence_links):
            return False
        response.self_score, response.evidence_text, response.evidence_links = new
        return True

    return _save_page(cycle=cycle, entries=entries, apply=apply, allowed=(State.OPEN,), field="self_score")


NOTE_REQUIRED = gettext_lazy("Catatan wajib diisi bila skor verifikasi berbeda dari skor mandiri.")


@transaction.atomic
def save_component_verification(*, actor: Actor, cycle: AssessmentCycle, entries: dict) -> list:
    """The verified scores and notes of a component's page (``{pk: (stamp, {"verified_score",
    "assessor_notes"})}``); a verified score that differs from the self score needs a note."""
    _require(actor, "can_verify")
    user = _user(actor)

    def apply(response, values, version):
        score, notes = values["verified_score"], values["assessor_notes"].strip()
        _check_score(score, version, "verified_score")
        if score is not None and score != response.self_score and not notes:
            raise ValidationError({"assessor_notes": NOTE_REQUIRED})
        if (score, notes) == (response.verified_score, response.assessor_notes):
            return False
        response.verified_score, response.assessor_notes = score, notes
        response.verified_by = user if score is not None else None
        return True

    return _save_page(
        cycle=cycle,
        entries=entries,
        apply=apply,
        allowed=(State.SELF_ASSESSED,),
        field="verified_score",
        check=lambda: rules.check_may_assess(actor),
    )
