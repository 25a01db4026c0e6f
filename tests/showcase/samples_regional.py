"""Sample objects of the region's showcase preparation: the isolation walk's URL parameters
(``samples``) and the helpers the showcase tests build their events and images with."""

import io
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from showcase.models import PresentingRegion, Showcase
from showcase.regional.models import ShowcaseEntry, ShowcasePhoto
from tenants.models import Cohort


def image_bytes(kind: str = "PNG", size=(40, 30), colour=(11, 92, 171)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, kind)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def showcase(*, slug: str = "uji-2018", codes=("35.74", "35.75"), deadline_in_days: int = 10, **extra) -> Showcase:
    """A showcase of the 2018 cohort where ``codes`` present (public schema rows)."""
    found = Showcase.objects.filter(slug=slug).first()
    if found is not None:
        return found
    starts = date.today() + timedelta(days=30)
    event = Showcase.objects.create(
        cohort=Cohort.objects.get(year=2018),
        name=f"Showcase {slug}",
        slug=slug,
        venue="Jakarta Convention Center",
        starts_on=starts,
        ends_on=starts,
        submission_deadline=timezone.now() + timedelta(days=deadline_in_days),
        **extra,
    )
    for position, code in enumerate(codes):
        PresentingRegion.objects.create(showcase=event, region_id=code, position=position)
    return event


def samples(world, workspace) -> dict:
    event = showcase(slug="sampel-isolasi")
    entry, _ = ShowcaseEntry.objects.get_or_create(showcase_id=event.pk)
    photo = entry.photos.first()
    if photo is None:
        photo = ShowcasePhoto(entry=entry, caption="Alun-alun", content_type="image/png")
        photo.image.save("sampel.png", ContentFile(image_bytes()), save=False)
        photo.save()
    return {"showcase_slug": event.slug, "photo_pk": photo.pk}
