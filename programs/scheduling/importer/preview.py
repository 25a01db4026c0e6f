"""What an uploaded registry would do, row by row (new entry, update of an entry, or the errors
with their column), and the import of a file without errors in one transaction."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from programs.scheduling import rules
from programs.scheduling.importer import columns as cells
from programs.scheduling.importer.reading import Table
from programs.scheduling.models import Facilitator
from programs.scheduling.services.common import require
from programs.scheduling.services.people import normalized_email, register_facilitator

# A service's field -> the column of the file it came from.
FIELD_COLUMN = {
    "email": "email",
    "full_name": "nama",
    "institution": "institusi",
    "home_province": "provinsi",
    "kind": "jenis",
    "stages": "tahap",
    "max_per_month": "maks_per_bulan",
    "is_active": "aktif",
}


@dataclass
class RowError:
    column: str  # letter, "" when the row as a whole
    header: str
    message: str


@dataclass
class RowResult:
    row: int
    email: str = ""
    name: str = ""
    facilitator: Facilitator | None = None
    data: dict = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.errors:
            return "error"
        return "update" if self.facilitator else "new"


@dataclass
class Preview:
    results: list[RowResult] = field(default_factory=list)
    applied: bool = False

    def count(self, action: str) -> int:
        return sum(1 for r in self.results if r.action == action)

    @property
    def new_count(self) -> int:
        return self.count("new")

    @property
    def update_count(self) -> int:
        return self.count("update")

    @property
    def error_count(self) -> int:
        return self.count("error")

    @property
    def is_valid(self) -> bool:
        return bool(self.results) and not self.error_count


def preview_rows(table: Table) -> Preview:
    """Every row checked against the registry as it is now (a fixed number of queries)."""
    from platform.accounts.models import User
    from tenants.models import Province

    lookup = cells.province_lookup(Province.objects.all())
    emails = {row.get("email", "").strip().lower() for _n, row in table.rows}
    accounts = {
        u.email_lower: u
        for u in User.objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails)
        .select_related("facilitator")
    }
    seen: dict[str, int] = {}
    preview = Preview()
    for number, row in table.rows:
        result = RowResult(row=number)
        preview.results.append(result)

        def fail(key, message, result=result):
            result.errors.append(RowError(table.letters.get(key, ""), key, message))

        try:
            result.email = normalized_email(row.get("email", ""))
        except ValidationError as exc:
            fail("email", exc.message_dict["email"][0])
        if result.email in seen:
            fail("email", _("e-mail ini sudah ada di baris %(row)s") % {"row": seen[result.email]})
        elif result.email:
            seen[result.email] = number
        account = accounts.get(result.email)
        result.facilitator = getattr(account, "facilitator", None) if account else None
        result.name = " ".join(row.get("nama", "").split())
        if account is None and result.email and not result.name:
            fail("nama", _("nama wajib diisi untuk e-mail yang belum punya akun"))
        if len(result.name) > 150:
            fail("nama", _("nama paling panjang 150 karakter"))
        _read_fields(row, result, lookup, fail)
    return preview


def _read_fields(row: dict, result: RowResult, lookup: dict, fail) -> None:
    institution = row.get("institusi", "")
    if not institution:
        fail("institusi", _("institusi wajib diisi"))
    elif len(institution) > 200:
        fail("institusi", _("institusi paling panjang 200 karakter"))
    data = {"institution": institution}
    readers = (
        ("provinsi", "home_province", lambda v: cells.parse_province(v, lookup)),
        ("jenis", "kind", cells.parse_kind),
        ("tahap", "stages", cells.parse_stages),
        ("maks_per_bulan", "max_per_month", cells.parse_max_per_month),
        ("aktif", "is_active", cells.parse_active),
    )
    for key, name, read in readers:
        try:
            data[name] = read(row.get(key, ""))
        except cells.CellError as exc:
            fail(key, str(exc))
    if data.get("kind") == Facilitator.Kind.OFFICIAL and data.get("stages"):
        fail("tahap", _("pejabat kementerian tidak memimpin tahap; kosongkan kolom tahap"))
    if data.get("max_per_month", 0) is None:
        current = result.facilitator.max_per_month if result.facilitator else None
        data["max_per_month"] = current or Facilitator._meta.get_field("max_per_month").default
    result.data = data


class _Refused(Exception):
    def __init__(self, preview: Preview):
        self.preview = preview


def apply_rows(*, user, table: Table, site_url: str = "") -> Preview:
    """Import every row, or nothing: while any row has an error (checked again now, against
    the registry as it is at this moment) the returned preview lists them and nothing is saved."""
    require(user, rules.can_manage_scheduling)
    try:
        with transaction.atomic():
            preview = preview_rows(table)
            if not preview.is_valid:
                raise _Refused(preview)
            for result in preview.results:
                try:
                    register_facilitator(
                        user=user,
                        email=result.email,
                        full_name=result.name,
                        facilitator=result.facilitator,
                        site_url=site_url,
                        **result.data,
                    )
                except ValidationError as exc:
                    for name, messages in exc.message_dict.items() if hasattr(exc, "error_dict") else []:
                        key = FIELD_COLUMN.get(name, "")
                        for message in messages:
                            result.errors.append(RowError(table.letters.get(key, ""), key, message))
                    if not hasattr(exc, "error_dict"):
                        result.errors.extend(RowError("", "", m) for m in exc.messages)
                    raise _Refused(preview) from None
    except _Refused as refused:
        return refused.preview
    preview.applied = True
    return preview
