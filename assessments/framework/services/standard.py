"""The two guideline versions actually used (10/20/30/30/10 and 10/20/30/20/20), seeded as data."""

from assessments.framework.models import FrameworkVersion, SubDimension
from assessments.framework.services.versions import create_version_from_data
from tenants.access import SYSTEM

STANDARD_COMPONENTS = [
    ("baseline", "Baseline", "BL"),
    ("output", "Output", "OP"),
    ("outcome", "Outcome", "OC"),
    ("impact", "Impact", "IM"),
    ("quick_win", "Quick Win", "QW"),
]
STANDARD_QUESTIONS = {
    "baseline": "Kondisi awal (data dasar) %(sub)s telah dipetakan dan terdokumentasi",
    "output": "Program %(sub)s pada masterplan telah menghasilkan keluaran yang terukur",
    "outcome": "Layanan %(sub)s dimanfaatkan masyarakat dan perangkat daerah",
    "impact": "Program %(sub)s berdampak pada indikator kinerja daerah",
    "quick_win": "Quick win %(sub)s berjalan sesuai rencana dan risikonya dikelola",
}
STANDARD_LEVELS = [
    {"score": 0, "description": "Belum ada"},
    {"score": 1, "description": "Direncanakan"},
    {"score": 2, "description": "Sebagian berjalan"},
    {"score": 3, "description": "Berjalan dan terdokumentasi"},
    {"score": 4, "description": "Berjalan, dievaluasi dan dikembangkan"},
]
STANDARD_VERSIONS = [
    ("pedoman-2019", "Pedoman Evaluasi Smart City 2019", 2019, [10, 20, 30, 30, 10]),
    ("pedoman-2022", "Pedoman Evaluasi Smart City 2022", 2022, [10, 20, 30, 20, 20]),
]


def standard_version_data(*, code: str, name: str, year: int, weights: list[int]) -> dict:
    """A version in the standard shape: one indicator per component and dimension."""
    indicators = []
    subs = list(SubDimension.objects.select_related("dimension").order_by("dimension__order", "order"))
    for c_index, (component, _label, prefix) in enumerate(STANDARD_COMPONENTS):
        for d_index in range(0, len(subs), 3):
            sub = subs[d_index + c_index % 3]
            indicators.append(
                {
                    "code": f"{prefix}{d_index // 3 + 1}",
                    "component": component,
                    "subdimension": sub.code,
                    "question": STANDARD_QUESTIONS[component] % {"sub": sub.name.lower()},
                    "weight": "1",
                    "levels": STANDARD_LEVELS,
                }
            )
    return {
        "code": code,
        "name": name,
        "year": year,
        "scale": {"min": "0", "max": "4"},
        "rounding": {"decimals": 2, "method": "half_up"},
        "components": [
            {"code": c, "name": label, "weight": str(w)}
            for (c, label, _prefix), w in zip(STANDARD_COMPONENTS, weights, strict=True)
        ],
        "indicators": indicators,
    }


def seed_standard_versions() -> list[FrameworkVersion]:
    """The two guideline versions seen in practice (10/20/30/30/10 and 10/20/30/20/20); idempotent."""
    result = []
    for code, name, year, weights in STANDARD_VERSIONS:
        version = FrameworkVersion.objects.filter(code=code).first()
        if version is None:
            version = create_version_from_data(
                actor=SYSTEM, data=standard_version_data(code=code, name=name, year=year, weights=weights)
            )
        result.append(version)
    return result
