"""Writes of the public profiles: the one way a region's submission reaches the public layer.

``record_submission`` is a platform service (no actor): only the region's workspace task
calls it, after the region admin's submission was checked there (``showcase.regional``). It
takes the profile as data and the images as bytes, so it never reads a workspace schema.
Unchanged data changes nothing; a change raises ``revision``, stores the images under
names made of their content, removes the replaced ones after commit and sends
``signals.submission_changed``.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from showcase.profiles.models import Submission
from showcase.profiles.signals import submission_changed
from showcase.profiles.storage import public_storage


@dataclass(frozen=True)
class Image:
    content: bytes
    extension: str  # "jpg" or "png", from the sniffed kind
    caption: str = ""

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _fingerprint(fields: dict, logo: Image | None, photos: list[Image]) -> str:
    payload = {
        **fields,
        "logo": logo.digest if logo else "",
        "photos": [(p.digest, p.caption) for p in photos],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _store(folder: str, prefix: str, image: Image) -> str:
    name = f"{folder}/{prefix}-{image.digest[:16]}.{image.extension}"
    storage = public_storage()
    if not storage.exists(name):
        storage.save(name, ContentFile(image.content))
    return name


@transaction.atomic
def record_submission(
    *,
    showcase_id: int,
    region_code: str,
    presenter_name: str,
    presenter_title: str,
    pitch: str,
    vision: str,
    data: dict,
    missing: list[str],
    logo: Image | None,
    photos: list[Image],
    data_taken_at: datetime,
    submitted_at: datetime | None,
) -> Submission:
    """Create or update the public row of ``region_code`` for ``showcase_id`` (platform only)."""
    fields = {
        "presenter_name": presenter_name,
        "presenter_title": presenter_title,
        "pitch": pitch,
        "vision": vision,
        "data": data,
        "missing": list(missing),
        "submitted_at": submitted_at.isoformat() if submitted_at else "",
    }
    fingerprint = _fingerprint(fields, logo, photos)
    submission = Submission.objects.select_for_update().filter(showcase_id=showcase_id, region_id=region_code).first()
    created = submission is None
    if not created and submission.fingerprint == fingerprint:
        return submission
    if created:
        submission = Submission(showcase_id=showcase_id, region_id=region_code, revision=1)
    else:
        submission.revision += 1
    old_files = {submission.logo.name} if submission.logo else set()
    old_files |= {photo["name"] for photo in submission.photos}
    folder = f"showcase/{showcase_id}/{region_code}"
    submission.logo.name = _store(folder, "logo", logo) if logo else ""
    submission.photos = [{"name": _store(folder, "foto", p), "caption": p.caption} for p in photos]
    for name, value in fields.items():
        if name != "submitted_at":
            setattr(submission, name, value)
    submission.submitted_at = submitted_at
    submission.data_taken_at = data_taken_at
    submission.fingerprint = fingerprint
    submission.updated_at = timezone.now()
    submission.save()
    kept = ({submission.logo.name} if submission.logo else set()) | {p["name"] for p in submission.photos}
    stale = old_files - kept
    transaction.on_commit(lambda: _after_change(submission, created=created, stale=stale))
    return submission


def _after_change(submission: Submission, *, created: bool, stale: set[str]) -> None:
    storage = public_storage()
    for name in stale:
        storage.delete(name)
    submission_changed.send(sender=Submission, submission=submission, created=created)


def open_image(submission: Submission, name: str):
    """A stored image of ``submission`` opened for reading; ``FileNotFoundError`` otherwise
    (only names the row holds are opened, never a path from the request)."""
    names = ({submission.logo.name} if submission.logo else set()) | {p["name"] for p in submission.photos}
    if name not in names:
        raise FileNotFoundError(name)
    return public_storage().open(name, "rb")
