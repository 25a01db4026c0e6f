"""The decks' samples: a region's submitted profile as data (``profile``), recording it
(``submit``), and the isolation walk's URL parameters (``deck_build``, ``deck_file``: a
finished deck of the showcase the agenda samples publish)."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from showcase.decks.models import DeckBuild
from showcase.models import Showcase
from showcase.profiles.services import Image, record_submission
from tests.showcase.samples_regional import image_bytes

NAMES = {"35.74": "Kota Probolinggo", "35.75": "Kota Pasuruan", "35.71": "Kota Kediri", "35.72": "Kota Blitar"}


def profile(code: str = "35.74", *, quick_win: str = "e-Sambat", budget: str = "150000000.00", index: str = "2.73"):
    name = NAMES.get(code, code)
    return {
        "region": {"code": code, "name": name, "province": "Jawa Timur"},
        "showcase": {"slug": "uji-2018", "name": "Showcase Uji 2018"},
        "presenter": {"name": "Habib Hadi", "title": "Wali Kota"},
        "pitch": "Kota layanan prima.",
        "vision": f"{name} kota layanan cerdas",
        "quick_wins": [
            {
                "title": quick_win,
                "dimension": {"code": "governance", "label": "Smart Governance"},
                "sub_dimension": "Layanan publik",
                "targets": "90% pengaduan selesai dalam 5 hari",
                "indicators": [{"name": "Pengaduan selesai", "unit": "%", "baseline": "40", "targets": [[2026, "80"]]}],
                "budget": budget,
                "funding": [{"source": "APBD", "amount": budget}],
                "lead_opd": {"acronym": "DISKOMINFO", "name": "Dinas Kominfo"},
                "start_year": 2025,
                "end_year": 2027,
            }
        ]
        if quick_win
        else [],
        "dimensions": [
            {"code": "governance", "label": "Smart Governance", "programs": 1, "quick_wins": 1, "budget": budget}
        ],
        "roadmap": {
            "dimensions": [{"code": "governance", "label": "Smart Governance"}],
            "programs": [
                {
                    "title": quick_win or "Satu Data",
                    "dimension": "governance",
                    "horizon": "short",
                    "start_year": 2025,
                    "end_year": 2027,
                    "is_quick_win": bool(quick_win),
                }
            ],
        },
        "budget": {"by_source": [{"source": "APBD", "amount": budget}], "total": budget},
        "index": {
            "latest": {"label": "2021 Tahap II", "value": index, "rank": 12},
            "trend": [
                {"year": 2019, "stage": 2, "label": "2019 Tahap II", "value": "3.17"},
                {"year": 2021, "stage": 2, "label": "2021 Tahap II", "value": index},
            ],
            "scale_max": "4",
        },
    }


def submit(showcase: Showcase, code: str = "35.74", *, vision: bool = True, logo: bool = True, **kwargs):
    """Record the public submission of ``code`` (as the region's workspace task does)."""
    data = profile(code, **kwargs)
    if not vision:
        data["vision"] = ""
    missing = ["photos"] + ([] if data["quick_wins"] else ["quick_wins"]) + ([] if vision else ["vision"])
    return record_submission(
        showcase_id=showcase.pk,
        region_code=code,
        presenter_name="Habib Hadi",
        presenter_title="Wali Kota",
        pitch=data["pitch"],
        vision=data["vision"],
        data=data,
        missing=missing,
        logo=Image(image_bytes(), "png") if logo else None,
        photos=[],
        data_taken_at=timezone.now() - timedelta(minutes=5),
        submitted_at=timezone.now() - timedelta(minutes=5),
    )


def samples(world, workspace) -> dict:
    from tests.showcase import samples as agenda_samples

    slug = agenda_samples.samples(world, workspace)["slug"]
    showcase = Showcase.objects.get(slug=slug)
    build = DeckBuild.objects.filter(showcase=showcase, status=DeckBuild.Status.DONE, region_id="35.74").first()
    if build is None:
        build = DeckBuild(showcase=showcase, region_id="35.74", status=DeckBuild.Status.DONE, total=3, done=3)
        build.pdf.save("sampel.pdf", ContentFile(b"%PDF-1.4 sampel"), save=False)
        build.pptx.save("sampel.pptx", ContentFile(b"PK\x03\x04 sampel"), save=False)
        build.save()
    return {"deck_build": build.pk, "deck_file": "pdf"}
