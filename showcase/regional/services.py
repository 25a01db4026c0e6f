"""Writes of the region's showcase preparation.

``save_entry`` and ``submit_entry`` take the actor (region admin or ministry admin), check
the deadline (after it only the ministry changes a submission), apply the rules of
``entry_rules`` and, once the entry is submitted, send the task that writes the public row
(``publish_entry``, here too: a platform service without an actor). Every change after
submission sends it again, so the public row follows the region.
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from platform.celery import send_after_commit
from showcase.regional import entry_rules, rules
from showcase.regional.models import ShowcaseEntry, ShowcasePhoto

PUBLISH_TASK = "showcase.regional.tasks.publish_showcase_entry"


def _refuse_unless_allowed(actor, showcase) -> None:
    if not rules.can_prepare_showcase(actor):
        raise PermissionDenied(_("Hanya admin daerah yang menyiapkan showcase."))
    if not rules.can_change_entry(actor, showcase):
        deadline = formats.date_format(timezone.localtime(showcase.submission_deadline), "DATETIME_FORMAT")
        raise PermissionDenied(
            _(
                "Batas pengiriman showcase sudah lewat (%(deadline)s). Sekarang hanya kementerian yang dapat "
                "mengubah kiriman; hubungi admin kementerian bila ada yang perlu diperbaiki."
            )
            % {"deadline": deadline}
        )


def _locked_entry(showcase) -> ShowcaseEntry:
    entry, _created = ShowcaseEntry.objects.get_or_create(showcase_id=showcase.pk)
    return ShowcaseEntry.objects.select_for_update().get(pk=entry.pk)


def _store_image(field, upload, kind) -> None:
    field.save(f"{uuid.uuid4().hex}.{kind.extension}", upload, save=False)


@transaction.atomic
def save_entry(
    *,
    actor,
    showcase,
    featured,
    show_vision: bool,
    presenter_name: str,
    presenter_title: str,
    pitch: str,
    logo=None,
    remove_logo: bool = False,
    photo=None,
    photo_caption: str = "",
    remove_photo_ids=(),
) -> ShowcaseEntry:
    """Save what the region features; a submitted entry is sent to the public layer again."""
    _refuse_unless_allowed(actor, showcase)
    featured = list(featured)
    entry_rules.check_featured(featured, max_quick_wins=showcase.max_quick_wins)
    pitch = entry_rules.check_pitch(pitch)
    logo_kind = entry_rules.check_image(logo, field="logo") if logo is not None else None
    photo_kind = entry_rules.check_image(photo, field="photo") if photo is not None else None
    entry = _locked_entry(showcase)
    photos = list(entry.photos.all())
    removed = [p for p in photos if p.pk in set(remove_photo_ids)]
    entry_rules.check_photo_count(len(photos), 1 if photo is not None else 0, len(removed), field="photo")

    old_files = [p.image.name for p in removed]
    if (logo is not None or remove_logo) and entry.logo:
        old_files.append(entry.logo.name)
    if logo is not None:
        _store_image(entry.logo, logo, logo_kind)
    elif remove_logo:
        entry.logo = ""
    entry.show_vision = show_vision
    entry.presenter_name, entry.presenter_title = presenter_name.strip(), presenter_title.strip()
    entry.pitch = pitch
    entry.updated_at, entry.updated_by = timezone.now(), actor.user
    entry.save()
    entry.featured.set(featured)
    ShowcasePhoto.objects.filter(pk__in=[p.pk for p in removed]).delete()
    if photo is not None:
        new = ShowcasePhoto(entry=entry, caption=photo_caption.strip()[:200], content_type=photo_kind.content_type)
        new.order = max((p.order for p in photos), default=0) + 1
        _store_image(new.image, photo, photo_kind)
        new.save()
    if old_files:
        transaction.on_commit(lambda: _delete_files(old_files))
    if entry.is_submitted:
        send_after_commit(PUBLISH_TASK, showcase.pk)
    return entry


@transaction.atomic
def submit_entry(*, actor, showcase) -> ShowcaseEntry:
    """Submit the entry (again): the task builds the profile and writes the public row."""
    _refuse_unless_allowed(actor, showcase)
    entry = _locked_entry(showcase)
    entry_rules.check_featured(entry.featured.all(), max_quick_wins=showcase.max_quick_wins)
    entry.status = ShowcaseEntry.Status.SUBMITTED
    entry.submitted_at, entry.submitted_by = timezone.now(), actor.user
    entry.save(update_fields=["status", "submitted_at", "submitted_by"])
    send_after_commit(PUBLISH_TASK, showcase.pk)
    return entry


def _delete_files(names) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        default_storage.delete(name)


def publish_entry(*, showcase_id: int):
    """Build the profile of this workspace's region and write its public row (in the task).

    A platform service: the actor was checked when the entry was saved or submitted. Does
    nothing for an entry that is not submitted. Returns the public ``Submission`` or ``None``.
    """
    from showcase.models import Showcase
    from showcase.profiles.services import record_submission
    from showcase.regional.profile_data import profile_data
    from showcase.regional.selectors import choices_of, entry_of

    showcase = Showcase.objects.filter(pk=showcase_id).first()
    entry = entry_of(showcase) if showcase is not None else None
    if entry is None or not entry.is_submitted:
        return None
    taken_at = timezone.now()
    choices = choices_of(entry)
    data, missing = profile_data(showcase=showcase, choices=choices)
    logo = _image(entry.logo) if entry.logo else None
    photos = [_image(p.image, caption=p.caption) for p in entry.photos.all()]
    return record_submission(
        showcase_id=showcase.pk,
        region_code=data["region"]["code"],
        presenter_name=choices.presenter_name,
        presenter_title=choices.presenter_title,
        pitch=choices.pitch,
        vision=data["vision"],
        data=data,
        missing=missing,
        logo=logo,
        photos=photos,
        data_taken_at=taken_at,
        submitted_at=entry.submitted_at,
    )


def _image(field, caption: str = ""):
    from showcase.profiles.services import Image

    with field.open("rb") as handle:
        content = handle.read()
    extension = field.name.rsplit(".", 1)[-1].lower()
    return Image(content=content, extension=extension, caption=caption)
