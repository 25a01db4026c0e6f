"""Demo data of the regions' showcase preparation (called by ``seed_demo`` after the showcase
demo): at the 2018 cohort's showcase Kota Probolinggo (its demo masterplan's quick wins, a
pitch, a logo) and Kota Pasuruan (a pitch only, so its profile lists what is missing) have
submitted; the other presenting regions have not. Nothing happens without that showcase.

Idempotent: a region that has submitted is left as it is.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import tenant_context
from PIL import Image, ImageDraw

from programs.models import Program
from showcase.models import PresentingRegion, Showcase
from showcase.regional import services
from showcase.regional.models import ShowcaseEntry
from showcase.regional.profile_data import regional_head
from tenants.access import SYSTEM
from tenants.models import Workspace

PITCHES = {
    "35.74": (
        "Kota Probolinggo membangun layanan publik yang cepat dan terbuka: pengaduan warga selesai dalam "
        "lima hari, peta wisata digital untuk pelaku usaha, dan gedung hijau sebagai contoh bagi kota."
    ),
    "35.75": "Kota Pasuruan menyiapkan e-Sambat sebagai pintu layanan warga yang satu.",
}


def _logo(text: str) -> SimpleUploadedFile:
    image = Image.new("RGB", (160, 160), (11, 92, 171))
    ImageDraw.Draw(image).text((20, 70), text, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def seed_regional_showcase_demo() -> list[str]:
    """The codes of the regions that submitted (empty when the 2018 showcase is absent)."""
    showcase = Showcase.objects.filter(cohort__year=2018).order_by("starts_on").first()
    if showcase is None:
        return []
    presenting = set(PresentingRegion.objects.filter(showcase=showcase).values_list("region_id", flat=True))
    submitted = []
    for workspace in Workspace.objects.filter(region_id__in=[c for c in PITCHES if c in presenting]):
        with tenant_context(workspace):
            if ShowcaseEntry.objects.filter(showcase_id=showcase.pk, status=ShowcaseEntry.Status.SUBMITTED).exists():
                continue
            quick_wins = list(Program.objects.filter(is_quick_win=True).order_by("dimension__order", "title"))
            name, title = regional_head()
            code = workspace.region_id
            services.save_entry(
                actor=SYSTEM,
                showcase=showcase,
                featured=quick_wins[: showcase.max_quick_wins],
                show_vision=True,
                presenter_name=name or ("Habib Hadi Zainal Abidin" if code == "35.74" else ""),
                presenter_title=title or "Wali Kota",
                pitch=PITCHES[code],
                logo=_logo(workspace.region.name) if code == "35.74" else None,
            )
            services.submit_entry(actor=SYSTEM, showcase=showcase)
            services.publish_entry(showcase_id=showcase.pk)  # at once: the demo does not wait for the worker
            submitted.append(code)
    return submitted
