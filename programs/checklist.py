"""The Bimtek checklist: for each stage I–IV, what the region has and has not yet produced,
computed from its data, and the masterplan completeness (the share of items done) that
goes to the national snapshot. A few aggregate queries, whatever the size of the plan.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from programs.models import Dimension, Funding, Indicator, LembarKomitmen, Masterplan, Opd, Person, Program, Risk
from programs.selectors import masterplan as current_masterplan


@dataclass
class Item:
    label: str
    done: bool
    gap: str = ""  # what is missing, said the way a facilitator would
    workflow: bool = False  # an item the workflow itself completes (approved, published)


@dataclass
class Stage:
    number: int
    roman: str
    title: str
    items: list[Item] = field(default_factory=list)

    @property
    def done_count(self) -> int:
        return sum(i.done for i in self.items)


def _names(dimensions) -> str:
    return ", ".join(d.name for d in dimensions)


def bimtek_checklist() -> list[Stage]:
    masterplan = current_masterplan()
    dimensions = list(
        Dimension.objects.select_related("plan")
        .annotate(
            readiness_missing=Count(
                "readiness", filter=Q(readiness__level__isnull=True) | Q(readiness__description="")
            ),
            program_count=Count("programs", distinct=True),
            quick_win_count=Count("programs", filter=Q(programs__is_quick_win=True), distinct=True),
        )
        .order_by("order")
    )
    programs = Program.objects.annotate(
        has_indicator=Exists(Indicator.objects.filter(program=OuterRef("pk"))),
        has_risk=Exists(Risk.objects.filter(program=OuterRef("pk"))),
        has_funding=Exists(Funding.objects.filter(program=OuterRef("pk"))),
    ).aggregate(
        total=Count("pk"),
        without_indicator=Count("pk", filter=Q(has_indicator=False)),
        without_funding=Count("pk", filter=Q(has_funding=False)),
        quick_wins=Count("pk", filter=Q(is_quick_win=True)),
        quick_wins_without_risk=Count("pk", filter=Q(is_quick_win=True, has_risk=False)),
        short=Count("pk", filter=Q(horizon=Program.Horizon.SHORT)),
        medium=Count("pk", filter=Q(horizon=Program.Horizon.MEDIUM)),
        long=Count("pk", filter=Q(horizon=Program.Horizon.LONG)),
    )
    people = dict(Person.objects.values_list("body").annotate(n=Count("pk")))
    has_opd = Opd.objects.exists()

    def missing(label, dims):
        count = len(dims)
        return Item(
            label,
            count == 0,
            ngettext(
                "%(what)s belum diisi untuk %(n)s dimensi (%(names)s)",
                "%(what)s belum diisi untuk %(n)s dimensi (%(names)s)",
                count,
            )
            % {"what": label, "n": count, "names": _names(dims)}
            if count
            else "",
        )

    stage1 = Stage(1, "I", _("Kesiapan dan analisis strategis (Buku I)"))
    stage1.items = [
        Item(_("Profil daerah"), bool(masterplan.regional_profile.strip()), _("Profil daerah belum diisi")),
        missing(
            _("Kesiapan struktur, infrastruktur dan suprastruktur"), [d for d in dimensions if d.readiness_missing]
        ),
        missing(_("SWOT"), [d for d in dimensions if not (hasattr(d, "plan") and d.plan.has_swot)]),
        Item(
            _("Visi, misi dan tujuan"),
            all(v.strip() for v in (masterplan.vision, masterplan.mission, masterplan.goals)),
            _("Visi, misi atau tujuan belum lengkap"),
        ),
        Item(_("Direktori OPD"), has_opd, _("Belum ada OPD di direktori")),
        Item(_("Dewan Smart City"), bool(people.get(Person.Body.COUNCIL)), _("Anggota Dewan Smart City belum dicatat")),
        Item(_("Tim Pelaksana"), bool(people.get(Person.Body.TEAM)), _("Anggota Tim Pelaksana belum dicatat")),
    ]
    no_program = [d for d in dimensions if not d.program_count]
    horizons_missing = [
        label
        for key, label in (
            ("short", _("jangka pendek")),
            ("medium", _("jangka menengah")),
            ("long", _("jangka panjang")),
        )
        if not programs[key]
    ]
    stage2 = Stage(2, "II", _("Analisis kesenjangan dan rancangan program"))
    stage2.items = [
        Item(
            _("Program di setiap dimensi"),
            not no_program,
            _("Belum ada program di dimensi %(names)s") % {"names": _names(no_program)} if no_program else "",
        ),
        Item(
            _("Program jangka pendek, menengah dan panjang"),
            not horizons_missing,
            _("Belum ada program %(horizons)s") % {"horizons": ", ".join(horizons_missing)} if horizons_missing else "",
        ),
        Item(
            _("Indikator keberhasilan setiap program"),
            programs["total"] > 0 and not programs["without_indicator"],
            ngettext(
                "%(n)s program belum punya indikator keberhasilan",
                "%(n)s program belum punya indikator keberhasilan",
                programs["without_indicator"],
            )
            % {"n": programs["without_indicator"]}
            if programs["total"]
            else _("Belum ada program"),
        ),
    ]
    no_quick_win = [d for d in dimensions if not d.quick_win_count]
    stage3 = Stage(3, "III", _("Buku II: strategi, rencana aksi, roadmap, quick win"))
    stage3.items = [
        missing(_("Strategi"), [d for d in dimensions if not (hasattr(d, "plan") and d.plan.strategy.strip())]),
        missing(_("Rencana aksi"), [d for d in dimensions if not (hasattr(d, "plan") and d.plan.action_plan.strip())]),
        Item(
            _("Pembiayaan setiap program"),
            programs["total"] > 0 and not programs["without_funding"],
            ngettext(
                "%(n)s program belum punya pembiayaan",
                "%(n)s program belum punya pembiayaan",
                programs["without_funding"],
            )
            % {"n": programs["without_funding"]}
            if programs["total"]
            else _("Belum ada program"),
        ),
        Item(
            _("Quick win di setiap dimensi"),
            not no_quick_win,
            _("Belum ada quick win di dimensi %(names)s") % {"names": _names(no_quick_win)} if no_quick_win else "",
        ),
        Item(
            _("Manajemen risiko setiap quick win"),
            programs["quick_wins"] > 0 and not programs["quick_wins_without_risk"],
            ngettext(
                "%(n)s quick win belum punya daftar risiko",
                "%(n)s quick win belum punya daftar risiko",
                programs["quick_wins_without_risk"],
            )
            % {"n": programs["quick_wins_without_risk"]}
            if programs["quick_wins"]
            else _("Belum ada quick win"),
        ),
    ]
    stage4 = Stage(4, "IV", _("Finalisasi"))
    stage4.items = [
        Item(
            _("Masterplan disetujui Dewan Smart City"),
            masterplan.status in (Masterplan.Status.APPROVED, Masterplan.Status.PUBLISHED),
            _("Masterplan belum disetujui Dewan Smart City"),
            workflow=True,
        ),
        Item(
            _("Masterplan diterbitkan"),
            masterplan.status == Masterplan.Status.PUBLISHED,
            _("Masterplan belum diterbitkan"),
            workflow=True,
        ),
        _komitmen_item(),
    ]
    for stage in (stage1, stage2, stage3, stage4):
        for item in stage.items:
            if item.done:
                item.gap = ""
    return [stage1, stage2, stage3, stage4]


def _komitmen_item() -> Item:
    """Signed commitment sheets (with their scans) of the regional head and of every OPD leading a program."""
    signed = LembarKomitmen.objects.exclude(scan="")
    has_head = signed.filter(kind=LembarKomitmen.Kind.REGIONAL_HEAD).exists()
    unsigned = list(
        Opd.objects.filter(led_programs__isnull=False)
        .exclude(pk__in=signed.filter(opd__isnull=False).values("opd_id"))
        .distinct()
        .order_by("acronym")
        .values_list("acronym", flat=True)
    )
    gaps = []
    if not has_head:
        gaps.append(_("lembar komitmen kepala daerah belum diunggah"))
    if unsigned:
        gaps.append(_("kepala OPD %(opds)s belum menandatangani lembar komitmen") % {"opds": ", ".join(unsigned)})
    gap = "; ".join(gaps)
    return Item(_("Lembar komitmen kepala daerah dan kepala OPD"), not gaps, gap[:1].upper() + gap[1:])


def completeness(stages: list[Stage] | None = None) -> int:
    """Share of checklist items done, 0–100."""
    stages = stages if stages is not None else bimtek_checklist()
    items = [i for s in stages for i in s.items]
    return round(100 * sum(i.done for i in items) / len(items)) if items else 0


def failing_before(action: str, stages: list[Stage] | None = None) -> list[Item]:
    """The items still failing that a workflow step asks to confirm: submitting to the Dewan
    and approving look at stages I–III, publishing at the commitment sheets too; the items the
    workflow itself completes never count, and other steps (return, reopen) have none.
    ``stages``: a checklist already computed for this request."""
    if action not in ("submit", "approve", "publish"):
        return []
    stages = stages if stages is not None else bimtek_checklist()
    if action != "publish":
        stages = stages[:3]
    return [i for s in stages for i in s.items if not i.done and not i.workflow]


@dataclass
class Step:
    label: str
    done: bool
    url_name: str  # where the step is taken


def first_steps() -> list[Step]:
    """What a new workspace does first, in order, each with the page where it is done: the
    home shows these instead of the full checklist until all are done."""
    from tenants.models import Membership
    from tenants.selectors import current_members_of

    masterplan = current_masterplan()
    bodies = set(Person.objects.values_list("body", flat=True).distinct())
    has_admin = current_members_of(workspace=connection.tenant).filter(role=Membership.Role.REGION_ADMIN).exists()
    return [
        Step(_("Undang admin daerah"), has_admin, "members"),
        Step(_("Isi direktori OPD"), Opd.objects.exists(), "directory"),
        Step(
            _("Catat anggota Dewan Smart City dan Tim Pelaksana"),
            {Person.Body.COUNCIL, Person.Body.TEAM} <= bodies,
            "directory",
        ),
        Step(
            _("Tulis profil daerah, visi dan misi"),
            bool(masterplan.regional_profile.strip() and masterplan.vision.strip()),
            "buku-one-edit",
        ),
        Step(_("Tambahkan program pertama"), Program.objects.exists(), "program-create"),
    ]
