"""The columns of the registry spreadsheet and how each cell is read, the way an officer may
have typed it (a province by code or name, stages as "I,II" or "1-4", "ya"/"tidak")."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs.excel.cells import CellError, as_text  # noqa: F401  (one cell reader for every import)
from programs.scheduling.models import ROMAN, Facilitator

# (key = header in the file, what the column holds, shown on the template's instructions sheet)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("email", gettext_lazy("E-mail akun fasilitator (wajib; akun yang sudah ada dipakai lagi).")),
    ("nama", gettext_lazy("Nama lengkap (wajib untuk e-mail yang belum punya akun).")),
    ("institusi", gettext_lazy("Universitas, konsultan atau kementerian (wajib).")),
    ("provinsi", gettext_lazy("Provinsi asal: kode Kemendagri (mis. 35) atau nama (mis. Jawa Timur) (wajib).")),
    ("jenis", gettext_lazy("ahli (tenaga ahli) atau pejabat (pejabat kementerian); kosong = ahli.")),
    ("tahap", gettext_lazy("Tahap Bimtek yang dapat dipimpin: I,II atau 1,2 atau 1-4; kosong untuk pejabat.")),
    ("maks_per_bulan", gettext_lazy("Paling banyak Bimtek per bulan, 1–20; kosong = 4 (atau tetap).")),
    ("aktif", gettext_lazy("ya atau tidak; kosong = ya.")),
)
HEADERS: tuple[str, ...] = tuple(key for key, _help in COLUMNS)
REQUIRED_HEADERS = ("email", "institusi", "provinsi")

ARABIC = {str(n): n for n in ROMAN}
ROMAN_NUMBER = {roman: n for n, roman in ROMAN.items()}
KINDS = {
    "ahli": Facilitator.Kind.EXPERT,
    "tenaga ahli": Facilitator.Kind.EXPERT,
    "expert": Facilitator.Kind.EXPERT,
    "narasumber": Facilitator.Kind.EXPERT,
    "pejabat": Facilitator.Kind.OFFICIAL,
    "pejabat kementerian": Facilitator.Kind.OFFICIAL,
    "official": Facilitator.Kind.OFFICIAL,
}
TRUE_WORDS = {"ya", "y", "1", "aktif", "true", "benar", "yes"}
FALSE_WORDS = {"tidak", "t", "0", "nonaktif", "tidak aktif", "false", "salah", "no", "n"}


def province_lookup(provinces) -> dict[str, object]:
    """Code and lower-case name (with and without "Provinsi"/"Prov.") → province."""
    table = {}
    for province in provinces:
        table[province.code] = province
        table[province.name.casefold()] = province
    return table


def parse_province(value, lookup: dict):
    text = as_text(value)
    if not text:
        raise CellError(_("provinsi wajib diisi"))
    key = re.sub(r"^(provinsi|prov\.?)\s+", "", " ".join(text.split()).casefold())
    if re.fullmatch(r"\d", key):
        key = "0" + key
    found = lookup.get(key)
    if found is None:
        raise CellError(
            _("provinsi “%(value)s” tidak dikenal; tulis kode Kemendagri (mis. 35) atau nama provinsinya")
            % {"value": text[:60]}
        )
    return found


def parse_kind(value) -> str:
    text = " ".join(as_text(value).casefold().split())
    if not text:
        return Facilitator.Kind.EXPERT
    if text not in KINDS:
        raise CellError(_("jenis harus “ahli” atau “pejabat”, tertulis “%(value)s”") % {"value": text[:40]})
    return KINDS[text]


def _stage(token: str) -> int:
    number = ARABIC.get(token) or ROMAN_NUMBER.get(token.upper())
    if number is None:
        raise CellError(_("tahap “%(value)s” tidak dikenal; gunakan I–IV atau 1–4") % {"value": token[:20]})
    return number


def parse_stages(value) -> list[int]:
    text = as_text(value)
    if not text:
        return []
    if text.casefold() == "semua":
        return [1, 2, 3, 4]
    stages: set[int] = set()
    for token in re.split(r"[,;/\s]+", text):
        if not token:
            continue
        ends = re.split(r"[-–]", token)
        if len(ends) == 2 and all(ends):
            low, high = _stage(ends[0]), _stage(ends[1])
            if low > high:
                raise CellError(_("rentang tahap “%(value)s” terbalik") % {"value": token})
            stages.update(range(low, high + 1))
        else:
            stages.add(_stage(token))
    return sorted(stages)


def parse_max_per_month(value) -> int | None:
    text = as_text(value)
    if not text:
        return None
    if not re.fullmatch(r"\d{1,3}", text):
        raise CellError(_("harus bilangan bulat 1–20, tertulis “%(value)s”") % {"value": text[:20]})
    number = int(text)
    if not 1 <= number <= 20:
        raise CellError(_("harus antara 1 dan 20, tertulis %(value)s") % {"value": number})
    return number


def parse_active(value) -> bool:
    if isinstance(value, bool):
        return value
    text = " ".join(as_text(value).casefold().split())
    if not text or text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise CellError(_("harus “ya” atau “tidak”, tertulis “%(value)s”") % {"value": text[:20]})
