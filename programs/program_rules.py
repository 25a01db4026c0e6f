"""The rules of one program, written once: the program form, the API serializer, the Excel
import and ``services.save_program`` all call these, so a page, the API and a file cannot
disagree about what a program may be.

Each rule is a small function that raises ``ValidationError`` keyed by the field it is about
(``title``, ``sub_dimension``, ``end_year``; ``year`` or ``source`` of a funding row): a form
or a serializer puts the message on that field, the import under the row and column of the
cell. ``validate_program_data`` applies the rules that need nothing but the data to a whole
program (the service's check). The title's uniqueness needs the other programs: the form
asks the database (``check_unique_title``), the import its own list of titles
(``check_title_free``), and under the service the constraint ``program_unique_title``
decides (``duplicate_title`` is its message).
"""

from django.core.exceptions import ValidationError
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from programs.models import Program

# What an officer fills in on the program itself, in the order of the form and the API
# (indicators, funding and milestones are rows of their own).
EDITABLE_FIELDS = (
    "title",
    "dimension",
    "sub_dimension",
    "description",
    "goals",
    "targets",
    "lead_opd",
    "partner_opds",
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
# The program's own columns, set from the data by the service (``partner_opds`` is a
# many-to-many relation, written beside them).
PROGRAM_FIELDS = tuple(f for f in EDITABLE_FIELDS if f != "partner_opds")
# Free text, optional.
TEXT_FIELDS = (
    "partners",
    "description",
    "goals",
    "targets",
    "alignment_rpjpd",
    "alignment_rpjmd",
    "alignment_renstra",
    "monitoring",
)

DUPLICATE_TITLE = gettext_noop("sudah ada program lain dengan nama “%(title)s” di ruang kerja ini")


# --- the title: unique in the workspace, whatever its case ---------------------------------------


def title_key(title: str) -> str:
    """What makes two titles the same one: neither case nor surrounding spaces count."""
    return (title or "").strip().lower()


def duplicate_title(title: str) -> ValidationError:
    return ValidationError({"title": _(DUPLICATE_TITLE) % {"title": (title or "").strip()}})


def check_title_free(title: str, *, holder_id: int | None, program_id: int | None = None) -> None:
    """``holder_id`` is the program that has this title (``None``: none has); it may only be
    the program being saved (``program_id``, ``None`` for a new one)."""
    if holder_id is not None and holder_id != program_id:
        raise duplicate_title(title)


def title_holder(title: str) -> int | None:
    """The program that has this title, whatever its case (the index of ``program_unique_title``)."""
    found = Program.objects.annotate(key=Lower("title")).filter(key=Lower(Value(title.strip())))
    return found.values_list("pk", flat=True).first()


def check_unique_title(title: str, *, program_id: int | None = None) -> None:
    """No other program of the workspace has this title (one query)."""
    if title_key(title):
        check_title_free(title, holder_id=title_holder(title), program_id=program_id)


# --- what belongs together -------------------------------------------------------------------------


def sub_dimension_among(dimension, candidates: list):
    """Of the sub-dimensions that go by one name or code, the dimension's own, else the first
    (for ``check_sub_dimension`` to name it); ``None`` when there are none."""
    return next((s for s in candidates if s.dimension_id == dimension.pk), candidates[0] if candidates else None)


def check_sub_dimension(dimension, sub) -> None:
    """The sub-dimension is one of the dimension's. ``sub`` is a ``SubDimension``, or the name or
    code the caller was given when the dimension has no such sub-dimension."""
    if dimension is None or sub is None or getattr(sub, "dimension_id", None) == dimension.pk:
        return
    raise ValidationError(
        {
            "sub_dimension": _("subdimensi %(sub)s bukan bagian dari dimensi %(dimension)s")
            % {"sub": sub, "dimension": dimension}
        }
    )


def check_years(start_year: int | None, end_year: int | None) -> None:
    """A program ends in its start year or later."""
    if start_year and end_year and end_year < start_year:
        raise ValidationError(
            {
                "end_year": _("tahun selesai (%(end)s) tidak boleh sebelum tahun mulai (%(start)s)")
                % {"end": end_year, "start": start_year}
            }
        )


# --- funding: within the program's years, one row per source and year ------------------------------


def check_funding_year(year: int, *, start_year: int | None, end_year: int | None) -> None:
    if start_year and end_year and not start_year <= year <= end_year:
        raise ValidationError(
            {
                "year": _("tahun %(year)s di luar masa program %(start)s–%(end)s")
                % {"year": year, "start": start_year, "end": end_year}
            }
        )


def check_funding_once(source, year: int, *, row: int, earlier: dict) -> None:
    """One row per source and year. ``earlier`` maps ``(source id, year)`` of the rows before to
    their row number; this row is added to it when it passes."""
    key = (source.pk, year)
    if key in earlier:
        raise ValidationError(
            {
                "source": _("sumber %(source)s tahun %(year)s untuk program ini sudah ada di baris %(row)s")
                % {"source": source.name, "year": year, "row": earlier[key]}
            }
        )
    earlier[key] = row


def check_funding(rows: list[dict], *, start_year: int | None, end_year: int | None) -> None:
    """Every funding row of a program (dicts with ``source`` and ``year``), numbered from 1:
    the messages, each naming its row, on ``funding``."""
    messages, earlier = [], {}
    for number, row in enumerate(rows, start=1):
        try:
            check_funding_year(row["year"], start_year=start_year, end_year=end_year)
            check_funding_once(row["source"], row["year"], row=number, earlier=earlier)
        except ValidationError as exc:
            messages += [
                _("Pembiayaan baris %(row)s: %(message)s") % {"row": number, "message": message}
                for message in exc.messages
            ]
    if messages:
        raise ValidationError({"funding": messages})


# --- a whole program -------------------------------------------------------------------------------


def collect_errors(errors: dict[str, list[str]], check, *args, **kwargs) -> None:
    """Run one rule; add what it refuses to ``errors`` (field → messages) instead of raising."""
    try:
        check(*args, **kwargs)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)


def validate_program_data(data: dict) -> None:
    """Every rule that needs nothing but the data, on a whole program: its fields (instances for
    relations) and its ``funding`` rows when it has them. Raises ``ValidationError`` by field."""
    errors: dict[str, list[str]] = {}
    start, end = data.get("start_year"), data.get("end_year")
    collect_errors(errors, check_sub_dimension, data.get("dimension"), data.get("sub_dimension"))
    collect_errors(errors, check_years, start, end)
    collect_errors(errors, check_funding, data.get("funding", []), start_year=start, end_year=end)
    if errors:
        raise ValidationError(errors)
