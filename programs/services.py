"""Writes inside a workspace (run with the workspace's schema active).

Every write to the masterplan goes through here, whoever calls it (a page, the API, an
import, a task): one transaction, the rules of ``programs.rules`` checked, the masterplan's
status checked (content is read-only outside draft), the optimistic lock checked where an
object carries a ``version``, the change kept in history, and the national snapshot asked
to refresh.
"""

import re
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from simple_history.utils import bulk_create_with_history

from assessments import rollup
from platform.context_processors import absolute_url
from programs import rules, selectors
from programs.models import (
    BimtekStage,
    Comment,
    Dimension,
    DimensionPlan,
    Funding,
    FundingSource,
    Indicator,
    Masterplan,
    MasterplanTransition,
    Milestone,
    Notification,
    Opd,
    OpdEditor,
    Person,
    Program,
    ProgramRevision,
    Readiness,
    Risk,
    SubDimension,
    SubDimensionPlan,
)
from programs.rules import Actor

# Stage titles are stored in Indonesian (the language of the documents); the UI translates.
STAGE_TITLES = {
    1: gettext_noop("Kesiapan struktur, infrastruktur dan suprastruktur; analisis strategis"),
    2: gettext_noop("Analisis kesenjangan per dimensi; rancangan program"),
    3: gettext_noop("Buku II masterplan: strategi, rencana aksi, roadmap, quick win"),
    4: gettext_noop("Finalisasi masterplan dan lembar komitmen"),
}
# One stage a month from July, as in most cohorts since 2017; regions adjust their dates.
DEFAULT_STAGE_MONTHS = {1: 7, 2: 8, 3: 9, 4: 10}


def seed_workspace(*, region) -> None:
    """First content of a new workspace: the four Bimtek stages of its cohort's year."""
    year = region.cohort.year if region.cohort_id else date.today().year
    BimtekStage.objects.bulk_create(
        [
            BimtekStage(number=n, title=STAGE_TITLES[n], planned_date=date(year, DEFAULT_STAGE_MONTHS[n], 1))
            for n in range(1, 5)
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def update_bimtek_stage(
    *, stage: BimtekStage, planned_date: date | None, completed_on: date | None, notes: str
) -> BimtekStage:
    if completed_on and completed_on > date.today():
        raise ValidationError({"completed_on": _("Tanggal selesai tidak boleh di masa depan.")})
    stage.planned_date, stage.completed_on, stage.notes = planned_date, completed_on, notes
    stage.full_clean()
    stage.save()
    return stage


REMINDER_DAYS_AHEAD = 14


def send_bimtek_reminders(*, today: date) -> int:
    """E-mail the workspace's region admins about Bimtek stages due within two weeks.

    Runs in the schema of one workspace (the daily beat entry is sent to each). A stage is
    announced once; returns the number of stages announced.
    """
    from tenants.models import Membership
    from tenants.selectors import current_members_of

    workspace = connection.tenant
    due = list(
        BimtekStage.objects.filter(
            completed_on__isnull=True,
            reminded_on__isnull=True,
            planned_date__gte=today,
            planned_date__lte=today + timedelta(days=REMINDER_DAYS_AHEAD),
        )
    )
    if not due:
        return 0
    recipients = [
        m.user.email
        for m in current_members_of(workspace=workspace).filter(role=Membership.Role.REGION_ADMIN, user__is_active=True)
    ]
    workspace_url = absolute_url(workspace.domains.get(is_primary=True).domain)
    for stage in due:
        if recipients:
            with translation.override("id"):
                send_mail(
                    subject=_("Bimtek %(stage)s %(region)s: %(date)s")
                    % {
                        "stage": stage.roman,
                        "region": workspace.region.name,
                        "date": stage.planned_date.strftime("%d-%m-%Y"),
                    },
                    message=render_to_string(
                        "programs/email/bimtek_reminder.txt",
                        {"stage": stage, "region": workspace.region, "workspace_url": workspace_url},
                    ),
                    from_email=None,
                    recipient_list=recipients,
                )
        stage.reminded_on = today
        stage.save(update_fields=["reminded_on"])
    return len(due)


# --- masterplan content --------------------------------------------------------------------


class StaleVersionError(Exception):
    """Someone saved the object after this user opened it; their save is refused."""

    def __init__(self, message: str, *, current_version: int):
        super().__init__(message)
        self.message = message
        self.current_version = current_version


def _refused(message: str) -> PermissionDenied:
    return PermissionDenied(message)


def _editable_masterplan() -> Masterplan:
    """The masterplan row, locked for this transaction; refuses when it is not a draft."""
    masterplan = Masterplan.objects.select_for_update().get(pk=selectors.masterplan().pk)
    if not masterplan.is_editable:
        raise ValidationError(
            _("Masterplan berstatus %(status)s: isinya hanya dapat dibaca. Buka revisi baru untuk mengubahnya.")
            % {"status": masterplan.get_status_display().lower()}
        )
    return masterplan


def _save(obj, user) -> None:
    obj._history_user = user
    obj.full_clean()
    obj.save()


def _delete(obj, user) -> None:
    obj._history_user = user
    obj.delete()


def _changed() -> None:
    rollup.request_snapshot_refresh()


@transaction.atomic
def update_masterplan_text(*, actor: Actor, expected_version: int, **fields: str) -> Masterplan:
    """Buku I texts: ``regional_profile``, ``vision``, ``mission``, ``goals``."""
    if not rules.can_edit_masterplan(actor):
        raise _refused(_("Anda tidak dapat mengubah masterplan."))
    masterplan = _editable_masterplan()
    if masterplan.version != expected_version:
        raise StaleVersionError(_(_STALE_MESSAGE), current_version=masterplan.version)
    for name in ("regional_profile", "vision", "mission", "goals"):
        if name in fields:
            setattr(masterplan, name, fields[name])
    masterplan.version += 1
    masterplan.updated_at = timezone.now()
    _save(masterplan, actor.user)
    _changed()
    return masterplan


@transaction.atomic
def update_readiness(*, actor: Actor, rows: list[tuple[Readiness, int | None, str]]) -> None:
    """Readiness of struktur/infrastruktur/suprastruktur: ``(row, level, description)`` each."""
    if not rules.can_edit_masterplan(actor):
        raise _refused(_("Anda tidak dapat mengubah masterplan."))
    _editable_masterplan()
    for row, level, description in rows:
        row = Readiness.objects.get(pk=row.pk)
        if (row.level, row.description) != (level, description):
            row.level, row.description = level, description
            _save(row, actor.user)
    _changed()


DIMENSION_PLAN_FIELDS = ("strengths", "weaknesses", "opportunities", "threats", "strategy", "action_plan")


@transaction.atomic
def update_dimension_plan(
    *, actor: Actor, dimension: Dimension, fields: dict[str, str], sub_plans: dict[int, dict[str, str]] | None = None
) -> DimensionPlan:
    """A dimension's SWOT and/or strategy and action plan, and its sub-dimensions' (by id)."""
    if not rules.can_edit_masterplan(actor):
        raise _refused(_("Anda tidak dapat mengubah masterplan."))
    _editable_masterplan()
    plan, _created = DimensionPlan.objects.get_or_create(dimension=dimension)
    for name, value in fields.items():
        if name in DIMENSION_PLAN_FIELDS:
            setattr(plan, name, value)
    _save(plan, actor.user)
    for sub in dimension.sub_dimensions.all():
        if sub_plans and sub.pk in sub_plans:
            sub_plan, _created = SubDimensionPlan.objects.get_or_create(sub_dimension=sub)
            sub_plan.strategy = sub_plans[sub.pk].get("strategy", sub_plan.strategy)
            sub_plan.action_plan = sub_plans[sub.pk].get("action_plan", sub_plan.action_plan)
            _save(sub_plan, actor.user)
    _changed()
    return plan


# --- directory -----------------------------------------------------------------------------


@transaction.atomic
def save_opd(*, actor: Actor, opd: Opd | None = None, name: str, acronym: str, head: str = "") -> Opd:
    if not rules.can_edit_masterplan(actor):
        raise _refused(_("Hanya admin daerah yang mengelola daftar OPD."))
    opd = opd or Opd()
    opd.name, opd.acronym, opd.head = name.strip(), acronym.strip(), head.strip()
    if Opd.objects.filter(acronym__iexact=opd.acronym).exclude(pk=opd.pk).exists():
        raise ValidationError(
            {"acronym": _("Singkatan %(acronym)s sudah dipakai OPD lain.") % {"acronym": opd.acronym}}
        )
    _save(opd, actor.user)
    return opd


@transaction.atomic
def delete_opd(*, actor: Actor, opd: Opd) -> None:
    if not rules.can_edit_masterplan(actor):
        raise _refused(_("Hanya admin daerah yang mengelola daftar OPD."))
    if opd.led_programs.exists():
        raise ValidationError(
            _("%(opd)s masih menjadi pelaksana program; pindahkan programnya dahulu.") % {"opd": opd.acronym}
        )
    if opd.lembar_komitmen.exists():
        raise ValidationError(
            _("%(opd)s memiliki lembar komitmen yang ditandatangani; lembar itu disimpan sebagai arsip.")
            % {"opd": opd.acronym}
        )
    _delete(opd, actor.user)


@transaction.atomic
def save_person(*, actor: Actor, person: Person | None = None, **fields) -> Person:
    """A person of the Dewan Smart City or the Tim Pelaksana (``body``, ``name``, ``position``,
    ``opd``, ``sector``, ``contact``)."""
    if not rules.can_edit_masterplan(actor):
        raise _refused(_("Hanya admin daerah yang mengelola direktori."))
    person = person or Person()
    for name in ("body", "name", "position", "opd", "sector", "contact"):
        if name in fields:
            setattr(person, name, fields[name])
    _save(person, actor.user)
    return person


@transaction.atomic
def delete_person(*, actor: Actor, person: Person) -> None:
    if not rules.can_edit_masterplan(actor):
        raise _refused(_("Hanya admin daerah yang mengelola direktori."))
    _delete(person, actor.user)


@transaction.atomic
def assign_opd_editor(*, actor: Actor, user, opd: Opd | None) -> OpdEditor | None:
    """Link an OPD editor to their OPD (``None`` removes the link)."""
    from tenants.models import Membership
    from tenants.selectors import membership_for

    if not rules.can_edit_masterplan(actor):
        raise _refused(_("Hanya admin daerah yang menetapkan OPD editor."))
    membership = membership_for(user=user, workspace=connection.tenant)
    if membership is None or membership.role != Membership.Role.OPD_EDITOR:
        raise ValidationError({"user": _("Pengguna ini bukan editor OPD di ruang kerja ini.")})
    if opd is None:
        OpdEditor.objects.filter(user_id=user.pk).delete()
        return None
    link, _created = OpdEditor.objects.update_or_create(user_id=user.pk, defaults={"opd": opd})
    return link


# --- programs ------------------------------------------------------------------------------

_STALE_MESSAGE = gettext_noop(
    "Data ini telah diubah orang lain sejak Anda membukanya. Simpanan Anda ditolak agar "
    "perubahan mereka tidak tertimpa; isian Anda masih ada di formulir. Buka versi terbaru "
    "di tab lain, bandingkan, lalu simpan lagi."
)
PROGRAM_FIELDS = (
    "title",
    "dimension",
    "sub_dimension",
    "description",
    "goals",
    "targets",
    "lead_opd",
    "partners",
    "horizon",
    "start_year",
    "end_year",
    "alignment_rpjpd",
    "alignment_rpjmd",
    "alignment_renstra",
    "status",
    "is_quick_win",
    "monitoring",
)


def _row_errors(label: str, number: int, exc: ValidationError) -> list[str]:
    errors = []
    for field, messages_ in exc.message_dict.items():
        for message in messages_:
            errors.append(
                _("%(label)s baris %(row)s, %(field)s: %(message)s")
                % {"label": label, "row": number, "field": field, "message": message}
            )
    return errors


def validate_program_data(data: dict) -> None:
    """Cross-field rules of a program and its rows; raises ``ValidationError`` by field.

    ``data`` holds the program's fields (model instances for relations) and the lists
    ``indicators``, ``funding`` and ``milestones`` of dicts (see ``program_snapshot``).
    """
    errors: dict[str, list[str]] = {}
    dimension, sub = data.get("dimension"), data.get("sub_dimension")
    if dimension and sub and sub.dimension_id != dimension.pk:
        errors.setdefault("sub_dimension", []).append(
            _("Subdimensi %(sub)s bukan bagian dari dimensi %(dimension)s.") % {"sub": sub, "dimension": dimension}
        )
    start, end = data.get("start_year"), data.get("end_year")
    if start and end and end < start:
        errors.setdefault("end_year", []).append(_("Tahun selesai tidak boleh sebelum tahun mulai."))
    seen = set()
    for number, row in enumerate(data.get("funding", []), start=1):
        key = (row["source"].pk, row["year"])
        if key in seen:
            errors.setdefault("funding", []).append(
                _("Pembiayaan baris %(row)s: sumber %(source)s tahun %(year)s sudah ada di baris lain.")
                % {"row": number, "source": row["source"], "year": row["year"]}
            )
        seen.add(key)
        if start and end and not start <= row["year"] <= end:
            errors.setdefault("funding", []).append(
                _("Pembiayaan baris %(row)s: tahun %(year)s di luar masa program %(start)s–%(end)s.")
                % {"row": number, "year": row["year"], "start": start, "end": end}
            )
    if errors:
        raise ValidationError(errors)


def _replace_rows(program: Program, user, data: dict, *, is_new: bool) -> None:
    """Replace the program's indicators, funding and milestones by those in ``data``.

    Each new row is validated (``full_clean``) and the rows of one kind are written with
    their history in two statements (``bulk_create_with_history``), so a program with a dozen
    rows costs a handful of queries, not fifty: the Excel import saves hundreds in a row.
    """
    errors: dict[str, list[str]] = {}
    for related, model, label, key in (
        ("indicators", Indicator, _("Indikator"), "indicators"),
        ("funding", Funding, _("Pembiayaan"), "funding"),
        ("milestones", Milestone, _("Tahapan"), "milestones"),
    ):
        if not is_new:  # a new program has no rows yet: no query to look for them
            for old in list(getattr(program, related).all()):
                _delete(old, user)
        new_rows = []
        for number, row in enumerate(data.get(key, []), start=1):
            obj = model(program=program, **row)
            if model is Indicator:
                obj.order = number
                obj.targets = {str(int(y)): format(Decimal(v), "f") for y, v in row.get("targets", {}).items()}
            # The program was just saved and a funding source is a row read from the
            # database, so their existence checks (a query each) are skipped; the one unique
            # rule (source + year) is checked on the data by validate_program_data.
            exclude = ["program"] + (["source"] if getattr(obj, "source_id", None) else [])
            try:
                obj.full_clean(exclude=exclude)
            except ValidationError as exc:
                errors.setdefault(key, []).extend(_row_errors(label, number, exc))
            new_rows.append(obj)
        if new_rows and not errors:
            bulk_create_with_history(new_rows, model, default_user=user)
    if errors:
        raise ValidationError(errors)


def program_snapshot(program: Program) -> dict:
    """The whole program as JSON-ready data (ids for relations, decimals as strings)."""
    return {
        **{
            f: getattr(program, f + "_id" if f in ("dimension", "sub_dimension", "lead_opd") else f)
            for f in PROGRAM_FIELDS
        },
        "partner_opds": sorted(o.pk for o in program.partner_opds.all()),
        "indicators": [
            {
                "name": i.name,
                "unit": i.unit,
                "baseline": None if i.baseline is None else str(i.baseline),
                "baseline_year": i.baseline_year,
                "targets": dict(sorted(i.targets.items())),
            }
            for i in program.indicators.all()
        ],
        "funding": [
            {"source": f.source_id, "year": f.year, "amount": str(f.amount)}
            for f in program.funding.all().order_by("year", "source__order")
        ],
        "milestones": [
            {"title": m.title, "year": m.year, "quarter": m.quarter, "progress": m.progress}
            for m in program.milestones.all()
        ],
    }


def program_data_from_snapshot(snapshot: dict) -> dict:
    """The inverse of ``program_snapshot``: instances for ids; a missing one is a field error."""

    def get(model, pk, field):
        if pk is None:
            return None
        obj = model.objects.filter(pk=pk).first()
        if obj is None:
            raise ValidationError({field: _("Data rujukan versi ini sudah tidak ada (dihapus).")})
        return obj

    data = {f: snapshot.get(f) for f in PROGRAM_FIELDS}
    data["dimension"] = get(Dimension, snapshot["dimension"], "dimension")
    data["sub_dimension"] = get(SubDimension, snapshot["sub_dimension"], "sub_dimension")
    data["lead_opd"] = get(Opd, snapshot["lead_opd"], "lead_opd")
    data["partner_opds"] = list(Opd.objects.filter(pk__in=snapshot.get("partner_opds", [])))
    data["indicators"] = [
        {
            **i,
            "baseline": None if i["baseline"] is None else Decimal(i["baseline"]),
            "targets": {int(y): Decimal(v) for y, v in i["targets"].items()},
        }
        for i in snapshot.get("indicators", [])
    ]
    data["funding"] = [
        {"source": get(FundingSource, f["source"], "funding"), "year": f["year"], "amount": Decimal(f["amount"])}
        for f in snapshot.get("funding", [])
    ]
    data["milestones"] = [dict(m) for m in snapshot.get("milestones", [])]
    return data


@transaction.atomic
def save_program(
    *, actor: Actor, data: dict, program: Program | None = None, expected_version: int | None = None, note: str = ""
) -> Program:
    """Create (``program=None``) or update a program with its indicators, funding and milestones.

    An update must name the ``expected_version`` it started from; if the program was saved
    in between, ``StaleVersionError`` is raised and nothing is written.
    """
    _editable_masterplan()
    if program is None:
        if not rules.can_create_program(actor):
            raise _refused(_("Anda tidak dapat menambah program."))
        program = Program()
    else:
        program = Program.objects.select_for_update().get(pk=program.pk)
        if not rules.can_edit_program(actor, program):
            raise _refused(_("Program ini dipimpin OPD lain; Anda hanya dapat membacanya."))
        if expected_version != program.version:
            raise StaleVersionError(_(_STALE_MESSAGE), current_version=program.version)
        program.version += 1
    lead = data.get("lead_opd")
    if lead is not None and not rules.can_lead_with(actor, lead):
        raise ValidationError({"lead_opd": _("Anda hanya dapat memilih OPD Anda sendiri sebagai pelaksana.")})
    validate_program_data(data)
    for name in PROGRAM_FIELDS:
        setattr(program, name, data.get(name))
    program.updated_at = timezone.now()
    is_new = program.pk is None
    _save(program, actor.user)
    program.partner_opds.set(data.get("partner_opds", []))
    _replace_rows(program, actor.user, data, is_new=is_new)
    ProgramRevision.objects.create(
        program=program, version=program.version, data=program_snapshot(program), saved_by=actor.user, note=note
    )
    _changed()
    return program


@transaction.atomic
def delete_program(*, actor: Actor, program: Program) -> None:
    _editable_masterplan()
    if not rules.can_edit_program(actor, program):
        raise _refused(_("Program ini dipimpin OPD lain; Anda hanya dapat membacanya."))
    _delete(program, actor.user)
    _changed()


def restore_program_revision(
    *, actor: Actor, program: Program, revision: ProgramRevision, expected_version: int
) -> Program:
    """Save an earlier version again as the newest one (same rules, validation and lock)."""
    if revision.program_id != program.pk:
        raise ValidationError(_("Versi ini bukan milik program tersebut."))
    return save_program(
        actor=actor,
        program=program,
        data=program_data_from_snapshot(revision.data),
        expected_version=expected_version,
        note=_("Dipulihkan dari versi %(version)s") % {"version": revision.version},
    )


# --- risks of quick wins -------------------------------------------------------------------


@transaction.atomic
def save_risk(*, actor: Actor, program: Program, risk: Risk | None = None, **fields) -> Risk:
    """A risk of a quick win (``description``, ``likelihood``, ``impact``, ``mitigation``, ``owner``)."""
    _editable_masterplan()
    if not rules.can_edit_program(actor, program):
        raise _refused(_("Program ini dipimpin OPD lain; Anda hanya dapat membacanya."))
    if not program.is_quick_win:
        raise ValidationError(_("Daftar risiko hanya untuk program quick win."))
    risk = risk or Risk(program=program)
    if risk.program_id != program.pk:
        raise ValidationError(_("Risiko ini bukan milik program tersebut."))
    for name in ("description", "likelihood", "impact", "mitigation", "owner"):
        if name in fields:
            setattr(risk, name, fields[name])
    _save(risk, actor.user)
    _changed()
    return risk


@transaction.atomic
def delete_risk(*, actor: Actor, risk: Risk) -> None:
    _editable_masterplan()
    if not rules.can_edit_program(actor, risk.program):
        raise _refused(_("Program ini dipimpin OPD lain; Anda hanya dapat membacanya."))
    _delete(risk, actor.user)
    _changed()


# --- workflow ------------------------------------------------------------------------------

S = Masterplan.Status
A = MasterplanTransition.Action
# action -> (statuses it starts from, status it leads to, who may)
TRANSITIONS = {
    A.SUBMIT: ((S.DRAFT,), S.SUBMITTED, rules.can_edit_masterplan),
    A.APPROVE: ((S.SUBMITTED,), S.APPROVED, rules.can_review),
    A.RETURN: ((S.SUBMITTED,), S.DRAFT, rules.can_review),
    A.PUBLISH: ((S.APPROVED,), S.PUBLISHED, rules.can_edit_masterplan),
    A.REOPEN: ((S.APPROVED, S.PUBLISHED), S.DRAFT, rules.can_edit_masterplan),
}
REFUSALS = {
    A.SUBMIT: gettext_noop("Hanya admin daerah yang dapat mengajukan masterplan."),
    A.APPROVE: gettext_noop("Hanya Dewan Smart City yang dapat menyetujui masterplan."),
    A.RETURN: gettext_noop("Hanya Dewan Smart City yang dapat mengembalikan masterplan."),
    A.PUBLISH: gettext_noop("Hanya admin daerah yang dapat menerbitkan masterplan."),
    A.REOPEN: gettext_noop("Hanya admin daerah yang dapat membuka revisi baru."),
}


def allowed_actions(*, actor: Actor, masterplan: Masterplan) -> list[str]:
    return [a for a, (sources, _to, may) in TRANSITIONS.items() if masterplan.status in sources and may(actor)]


@transaction.atomic
def transition_masterplan(*, actor: Actor, action: str, reason: str = "") -> Masterplan:
    """Move the masterplan along its workflow; every step is logged with who, when and why."""
    if action not in TRANSITIONS:
        raise ValidationError({"action": _("Tindakan tidak dikenal.")})
    sources, target, may = TRANSITIONS[action]
    if not may(actor):
        raise _refused(_(REFUSALS[action]))
    masterplan = Masterplan.objects.select_for_update().get(pk=selectors.masterplan().pk)
    if masterplan.status not in sources:
        raise ValidationError(
            _("Masterplan berstatus %(status)s; tindakan ini tidak berlaku.")
            % {"status": masterplan.get_status_display().lower()}
        )
    reason = reason.strip()
    if action == A.RETURN and not reason:
        raise ValidationError({"reason": _("Tuliskan alasan pengembalian agar tim dapat memperbaikinya.")})
    log = MasterplanTransition(
        action=action, from_status=masterplan.status, to_status=target, reason=reason, by=actor.user
    )
    if action == A.REOPEN:
        masterplan.revision += 1
    masterplan.status = target
    masterplan.updated_at = timezone.now()
    _save(masterplan, actor.user)
    log.revision = masterplan.revision
    log.save()
    _notify_transition(actor=actor, action=action, masterplan=masterplan, reason=reason)
    _changed()
    return masterplan


def _notify_transition(*, actor: Actor, action: str, masterplan: Masterplan, reason: str) -> None:
    """Submitting tells the Dewan Smart City; approving or returning tells the region admins."""
    from tenants.models import Membership

    if action == A.SUBMIT:
        users = _members_with_role(Membership.Role.COUNCIL)
        message = _("Masterplan revisi %(rev)s diajukan untuk persetujuan Dewan Smart City")
    elif action in (A.APPROVE, A.RETURN):
        users = _members_with_role(Membership.Role.REGION_ADMIN)
        message = (
            _("Masterplan revisi %(rev)s disetujui Dewan Smart City")
            if action == A.APPROVE
            else _("Masterplan revisi %(rev)s dikembalikan oleh Dewan Smart City")
        )
    else:
        return
    notify(
        users=[u for u in users if u.pk != actor.user.pk],
        message=message % {"rev": masterplan.revision},
        url="/masterplan/",
        body=reason,
    )


# --- comments and notifications ------------------------------------------------------------

EMAIL_MENTION = re.compile(r"@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def mentioned_users(body: str) -> list:
    """Current members of this workspace named in ``body`` as ``@e-mail`` or ``@Full Name``."""
    from tenants.selectors import current_members_of

    emails = {e.lower().rstrip(".") for e in EMAIL_MENTION.findall(body)}
    lowered = body.lower()
    found = {}
    for membership in current_members_of(workspace=connection.tenant):
        user = membership.user
        name = user.full_name.strip().lower()
        if user.email.lower() in emails or (name and f"@{name}" in lowered):
            found[user.pk] = user
    return list(found.values())


def notify(*, users, message: str, url: str = "", comment: Comment | None = None, body: str = "") -> None:
    """An in-app notification and, after commit, an e-mail to each of ``users``."""
    users = [u for u in users if u.is_active]
    if not users:
        return
    message = message[:300]
    Notification.objects.bulk_create([Notification(user=u, comment=comment, message=message, url=url) for u in users])
    workspace = connection.tenant
    text = render_to_string(
        "programs/email/notification.txt",
        {
            "message": message,
            "body": body,
            "link": absolute_url(workspace.domains.get(is_primary=True).domain, url or "/"),
            "region": workspace.region,
        },
    )
    subject = _("[Smart City %(region)s] %(message)s") % {"region": workspace.region.name, "message": message}
    emails = [u.email for u in users]
    transaction.on_commit(
        lambda: send_mail(subject=subject[:200], message=text, from_email=None, recipient_list=emails)
    )


def _members_with_role(role: str) -> list:
    from tenants.selectors import current_members_of

    return [m.user for m in current_members_of(workspace=connection.tenant).filter(role=role)]


@transaction.atomic
def add_comment(*, actor: Actor, section: str, body: str, program: Program | None = None, url: str = "") -> Comment:
    """A comment on a section or a program; mentioned members get an e-mail and a notification."""
    if not rules.can_comment(actor):
        raise _refused(_("Anda hanya dapat membaca ruang kerja ini."))
    if program is not None:
        section = Comment.Section.PROGRAM
    comment = Comment(section=section, program=program, author=actor.user, body=body.strip())
    comment.full_clean()
    comment.save()
    where = str(program) if program else comment.get_section_display()
    notify(
        users=[u for u in mentioned_users(comment.body) if u.pk != actor.user.pk],
        message=_("%(author)s menyebut Anda dalam komentar pada %(where)s") % {"author": actor.user, "where": where},
        url=url,
        comment=comment,
        body=comment.body,
    )
    return comment


@transaction.atomic
def resolve_comment(*, actor: Actor, comment: Comment) -> Comment:
    if not rules.can_resolve_comment(actor, comment):
        raise _refused(_("Hanya penulis komentar atau admin daerah yang dapat menyelesaikannya."))
    if comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by = timezone.now(), actor.user
        comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment


def mark_notifications_read(*, user) -> int:
    return Notification.objects.filter(user_id=user.pk, read_at__isnull=True).update(read_at=timezone.now())
