"""The ``Program`` sheet, row by row: each row becomes the data ``services.save_program``
takes (instances for the names of dimensions, OPDs, sources…), or problems filed under
its column. An exported row (with ID and version) updates its program, if the officer may."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from programs import program_rules, rules
from programs.excel.cells import RowReader, as_integer, as_money, as_year
from programs.excel.layout import PROGRAM_SHEET, horizon_labels, label_map, status_labels
from programs.models import Dimension, FundingSource, Opd, Program, SubDimension

# The quick-win column: Ya/Tidak (the drop-down), or what else people type for yes and no.
YES_NO = {
    "": False,
    "ya": True,
    "tidak": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
    "true": True,
    "false": False,
}

# Codes a sub-dimension had before the workspace taxonomy followed the national one
# (migration 0010): files exported before still import.
RENAMED_SUB_DIMENSIONS = {"ekosistem-belajar": ("pendidikan",)}


def label_key(text: str) -> str:
    """How a dimension or sub-dimension is looked up: its name or code, whatever the case and
    the spaces around a slash ("Pendidikan/ekosistem belajar" = "Pendidikan / ekosistem belajar")."""
    return re.sub(r"\s*/\s*", "/", text.strip().lower())


@dataclass
class ParsedProgram:
    row: int
    title: str
    program: Program | None  # the program an exported row updates, or None for a new one
    expected_version: int | None
    data: dict


@dataclass
class Lookups:
    dimensions: dict
    sub_dimensions: dict  # name/code (lower) → [SubDimension]
    opds: dict
    sources: dict
    programs: dict  # id → Program
    titles: dict  # title_key(title) → Program id

    @classmethod
    def load(cls):
        dimensions, subs, opds, sources = {}, {}, {}, {}
        for d in Dimension.objects.all():
            dimensions[label_key(d.name)] = dimensions[label_key(d.code)] = d
        for s in SubDimension.objects.select_related("dimension"):
            for key in {label_key(s.name), label_key(s.code), *RENAMED_SUB_DIMENSIONS.get(s.code, ())}:
                subs.setdefault(key, []).append(s)
        for o in Opd.objects.all():
            opds[o.acronym.lower()] = o
            opds.setdefault(o.name.lower(), o)
        for f in FundingSource.objects.all():
            sources[f.name.lower()] = sources[f.code.lower()] = f
        programs = {p.pk: p for p in Program.objects.only("id", "title", "version", "lead_opd_id")}
        titles = {}
        for p in programs.values():
            titles.setdefault(program_rules.title_key(p.title), p.pk)
        return cls(dimensions, subs, opds, sources, programs, titles)


def validate_program_row(number, raw, lookups, actor, problems, exported_here) -> ParsedProgram | None:
    """The data of one row of the ``Program`` sheet, or ``None`` (its problems filed)."""
    r = RowReader(PROGRAM_SHEET, number, problems)
    title = r.text("title", raw["title"], required=True)
    pk = r.get("id", raw["id"], lambda v: as_integer(v, low=1, high=2**62))
    version = r.get("version", raw["version"], lambda v: as_integer(v, low=1, high=2**31))
    program, program_refused = None, False
    if pk is not None:
        program, program_refused = _program_to_update(r, pk, version, lookups, actor, exported_here)
    elif not rules.can_create_program(actor):
        r.problem("title", _("Anda tidak dapat menambah program"))
    if title:
        r.check(
            program_rules.check_title_free,
            title,
            holder_id=lookups.titles.get(program_rules.title_key(title)),
            program_id=program.pk if program else None,
        )

    name = r.text("dimension", raw["dimension"], required=True)
    dimension = lookups.dimensions.get(label_key(name)) if name else None
    if name and dimension is None:
        r.problem("dimension", _("dimensi “%(name)s” tidak dikenal; pilih dari daftar") % {"name": name})
    name = r.text("sub_dimension", raw["sub_dimension"], required=True)
    sub = None
    if name:
        candidates = lookups.sub_dimensions.get(label_key(name), [])
        if not candidates:
            r.problem("sub_dimension", _("subdimensi “%(name)s” tidak dikenal; pilih dari daftar") % {"name": name})
        elif dimension is not None:
            sub = program_rules.sub_dimension_among(dimension, candidates)
            if not r.check(program_rules.check_sub_dimension, dimension, sub):
                sub = None
    name = r.text("lead_opd", raw["lead_opd"], required=True)
    lead = lookups.opds.get(name.lower()) if name else None
    if name and lead is None:
        r.problem(
            "lead_opd",
            _("OPD “%(name)s” tidak ada di direktori; tambahkan dahulu atau pilih dari daftar") % {"name": name},
        )
    elif lead is not None and not program_refused and not rules.can_lead_with(actor, lead):
        r.problem("lead_opd", _("Anda hanya dapat memilih OPD Anda sendiri sebagai pelaksana"))
    partners = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;\n]", r.text("partner_opds", raw["partner_opds"])))):
        opd = lookups.opds.get(part.lower())
        if opd is None:
            r.problem("partner_opds", _("OPD “%(name)s” tidak ada di direktori") % {"name": part})
        elif opd not in partners:
            partners.append(opd)

    horizon = _choice(r, "horizon", raw, horizon_labels())
    status = _choice(r, "status", raw, status_labels(), default=Program.Status.PROPOSED)
    is_quick_win = YES_NO.get(r.text("is_quick_win", raw["is_quick_win"]).lower())
    if is_quick_win is None:
        r.problem("is_quick_win", _("isi Ya atau Tidak"))
    start = r.get("start_year", raw["start_year"], as_year, required=True)
    end = r.get("end_year", raw["end_year"], as_year, required=True)
    r.check(program_rules.check_years, start, end)
    budget_total = r.get("budget_total", raw["budget_total"], as_money)
    if r.failed:
        return None
    data = {
        "title": title,
        "dimension": dimension,
        "sub_dimension": sub,
        "lead_opd": lead,
        "partner_opds": partners,
        "horizon": horizon,
        "start_year": start,
        "end_year": end,
        "status": status,
        "is_quick_win": is_quick_win,
        "indicators": [],
        "funding": [],
        "milestones": [],
        "_budget_total": budget_total,
    }
    for key in program_rules.TEXT_FIELDS:
        data[key] = r.text(key, raw[key])
    return ParsedProgram(row=number, title=title, program=program, expected_version=version, data=data)


def _program_to_update(r: RowReader, pk: int, version, lookups, actor, exported_here) -> tuple[Program | None, bool]:
    """The program an exported row updates (``None`` if it is not this workspace's), and
    whether this actor is refused it. The version must be the program's current one."""
    program = lookups.programs.get(pk) if exported_here else None
    if program is None:
        r.problem(
            "id",
            _("program dengan ID %(id)s tidak ada di ruang kerja ini; kosongkan ID untuk menambah program baru")
            % {"id": pk},
        )
    elif version is None:
        r.problem("version", _("wajib diisi bila ID diisi (salin dari hasil ekspor)"))
    elif version != program.version:
        r.problem(
            "version",
            _(
                "program ini telah diubah orang lain sejak berkas diekspor (versi %(old)s, sekarang %(new)s); "
                "ekspor ulang lalu salin perubahan Anda agar perubahan mereka tidak tertimpa"
            )
            % {"old": version, "new": program.version},
        )
    elif not rules.can_edit_program(actor, program):
        r.problem("lead_opd", _("program ini dipimpin OPD lain; Anda hanya dapat membacanya"))
        return program, True
    return program, False


def _choice(r: RowReader, key: str, raw, labels: list[tuple[str, str]], *, default=None):
    """The value of a choice written as its label (or its value); required without a default."""
    name = r.text(key, raw[key], required=default is None)
    value = label_map(labels).get(name.lower()) if name else default
    if name and value is None:
        r.problem(key, _("pilih salah satu: %(choices)s") % {"choices": ", ".join(lbl for _v, lbl in labels)})
    return value
