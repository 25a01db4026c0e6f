"""Programs (*lembar inovasi*): saving one with its indicators, funding and milestones under
the optimistic lock, deleting it, and its saved versions (snapshots, restore)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from programs import program_rules, rules
from programs.models import (
    Dimension,
    Funding,
    FundingSource,
    Indicator,
    Milestone,
    Opd,
    Program,
    ProgramRevision,
    SubDimension,
)
from programs.program_rules import PROGRAM_FIELDS, validate_program_data
from programs.rules import Actor
from programs.services.common import (
    STALE_MESSAGE,
    StaleVersionError,
    changed,
    delete,
    editable_masterplan,
    locked_program_for_edit,
    refuse_unless,
    save,
    violated_constraint,
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
                delete(old, user)
        new_rows = []
        for number, row in enumerate(data.get(key, []), start=1):
            obj = model(program=program, **row)
            if model is Indicator:
                obj.order = number
                obj.targets = {str(int(y)): format(Decimal(v), "f") for y, v in row.get("targets", {}).items()}
            # The program was just saved and a funding source is a row read from the
            # database, so their existence checks (a query each) are skipped; the one unique
            # rule (source + year) is checked on the data by program_rules.validate_program_data.
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


def indicator_snapshot(indicator: Indicator) -> dict:
    """An indicator as JSON-ready data (the API shows it the same way)."""
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "baseline": None if indicator.baseline is None else str(indicator.baseline),
        "baseline_year": indicator.baseline_year,
        "targets": dict(sorted(indicator.targets.items())),
    }


def program_snapshot(program: Program) -> dict:
    """The whole program as JSON-ready data (ids for relations, decimals as strings)."""
    return {
        **{
            f: getattr(program, f + "_id" if f in ("dimension", "sub_dimension", "lead_opd") else f)
            for f in PROGRAM_FIELDS
        },
        "partner_opds": sorted(o.pk for o in program.partner_opds.all()),
        "indicators": [indicator_snapshot(i) for i in program.indicators.all()],
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


def save_program(
    *, actor: Actor, data: dict, program: Program | None = None, expected_version: int | None = None, note: str = ""
) -> Program:
    """Create (``program=None``) or update a program with its indicators, funding and milestones.

    An update must name the ``expected_version`` it started from; if the program was saved
    in between, ``StaleVersionError`` is raised and nothing is written. A title another
    program of the workspace has (whatever its case) is a ``ValidationError`` on ``title``:
    the database constraint ``program_unique_title`` decides, so two saves at the same time
    cannot both pass.
    """
    try:
        return _save_program(actor=actor, data=data, program=program, expected_version=expected_version, note=note)
    except IntegrityError as exc:
        if violated_constraint(exc) != "program_unique_title":
            raise
        raise program_rules.duplicate_title(data.get("title") or "") from exc


@transaction.atomic
def _save_program(*, actor: Actor, data: dict, program: Program | None, expected_version: int | None, note: str):
    editable_masterplan()
    if program is None:
        refuse_unless(rules.can_create_program(actor), _("Anda tidak dapat menambah program."))
        program = Program()
    else:
        program = locked_program_for_edit(actor, program.pk)
        if expected_version != program.version:
            raise StaleVersionError(_(STALE_MESSAGE), current_version=program.version)
        program.version += 1
    lead = data.get("lead_opd")
    if lead is not None and not rules.can_lead_with(actor, lead):
        raise ValidationError({"lead_opd": _("Anda hanya dapat memilih OPD Anda sendiri sebagai pelaksana.")})
    validate_program_data(data)
    for name in PROGRAM_FIELDS:
        setattr(program, name, data.get(name))
    program.title = (program.title or "").strip()
    program.updated_at = timezone.now()
    is_new = program.pk is None
    # The database checks the constraints (the years' order is validate_program_data's too).
    save(program, actor.user, validate_constraints=False)
    program.partner_opds.set(data.get("partner_opds", []))
    _replace_rows(program, actor.user, data, is_new=is_new)
    ProgramRevision.objects.create(
        program=program, version=program.version, data=program_snapshot(program), saved_by=actor.user, note=note
    )
    changed()
    return program


@transaction.atomic
def delete_program(*, actor: Actor, program: Program) -> None:
    editable_masterplan()
    program = locked_program_for_edit(actor, program.pk)
    delete(program, actor.user)
    changed()


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
