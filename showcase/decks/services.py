"""Writes of the decks: the template, and asking for a deck build.

- ``update_template``: a ministry admin edits the one template (colours, logo, slide order,
  font sizes); ``revision`` grows, so every deck built before is shown as stale.
- ``request_deck``: a ministry admin asks for one region's deck or for all decks. At most one
  job per showcase and scope is active: a second press (anyone's) gets the active job back;
  the showcase's row lock and two partial unique constraints both see to it.
- ``rebuild_on_submission_change``: connected to ``showcase.profiles.signals.submission_changed``;
  the platform queues the region's deck again (no actor: nobody pressed anything).

The job itself runs in ``showcase.decks.building``.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tenants.utils import schema_context

from platform.celery import send_after_commit
from platform.uploads import check_image, save_file
from showcase.decks import rules
from showcase.decks.models import DeckBuild, DeckTemplate
from showcase.models import PresentingRegion, Showcase
from showcase.services.common import lock, require, user_of

MAX_LOGO_BYTES = 2 * 1024 * 1024
TEMPLATE_FIELDS = (
    "name",
    "primary_colour",
    "accent_colour",
    "text_colour",
    "background_colour",
    "slide_order",
    "title_size",
    "body_size",
)
TASK = "showcase.decks.tasks.build_decks"


def current_template() -> DeckTemplate:
    """The ministry's template (seeded by a data migration; made again if it was removed)."""
    template = DeckTemplate.objects.order_by("pk").first()
    return template or DeckTemplate.objects.create()


def check_logo(upload) -> str:
    """The logo's extension: a whole JPEG or PNG of at most ``MAX_LOGO_BYTES`` (``platform.uploads``)."""
    return check_image(upload, max_bytes=MAX_LOGO_BYTES, field="logo").extension


def update_template(*, actor, changes: dict, logo=None, remove_logo: bool = False) -> DeckTemplate:
    """Apply ``changes`` (fields of ``TEMPLATE_FIELDS``) and the logo to the template."""
    require(actor, rules.can_edit_deck_template)
    errors: dict[str, list[str]] = {}
    extension = None
    try:
        extension = check_logo(logo) if logo is not None else None
    except ValidationError as exc:
        errors.update(exc.message_dict)
    with transaction.atomic():
        template = DeckTemplate.objects.select_for_update().get(pk=current_template().pk)
        for name, value in changes.items():
            if name not in TEMPLATE_FIELDS:
                raise ValidationError({name: _("Bidang ini tidak dapat diubah.")})
            setattr(template, name, value)
        try:
            template.full_clean(exclude=["logo", "updated_by"])
        except ValidationError as exc:
            errors.update(exc.message_dict)
        if errors:  # every field's message at once: the colours and the logo together
            raise ValidationError(errors)
        old_logo = template.logo.name if template.logo else ""
        if extension is not None:
            save_file(template.logo, f"ministry-logo.{extension}", ContentFile(logo.read()))
        elif remove_logo:
            template.logo = ""
        template.revision += 1
        template.updated_by = user_of(actor)
        template.updated_at = timezone.now()
        template.save()
        if old_logo and old_logo != (template.logo.name if template.logo else ""):
            storage = template.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
    return template


def active_build(showcase: Showcase, region_code: str | None) -> DeckBuild | None:
    return DeckBuild.objects.filter(showcase=showcase, region_id=region_code, status__in=DeckBuild.ACTIVE).first()


def queue_build(*, showcase: Showcase, region_code: str | None, user) -> DeckBuild:
    """The active job of the scope, or a new one sent to the worker after commit (platform:
    callers check who asks)."""
    with transaction.atomic():
        lock(showcase)
        found = active_build(showcase, region_code)
        if found is not None:
            return found
        try:
            with transaction.atomic():
                build = DeckBuild.objects.create(
                    showcase=showcase, region_id=region_code, requested_by=user, step=gettext_noop("Menunggu giliran")
                )
        except IntegrityError:
            return DeckBuild.objects.get(showcase=showcase, region_id=region_code, status__in=DeckBuild.ACTIVE)
        send_after_commit(TASK, build.pk)
    return build


def request_deck(*, actor, showcase: Showcase, region_code: str | None = None) -> DeckBuild:
    """Queue the deck of ``region_code`` (a presenting region), or all decks when ``None``."""
    require(actor, rules.can_build_decks)
    if (
        region_code is not None
        and not PresentingRegion.objects.filter(showcase=showcase, region_id=region_code).exists()
    ):
        raise ValidationError({"region": _("Daerah ini bukan penyaji showcase ini.")})
    return queue_build(showcase=showcase, region_code=region_code, user=user_of(actor))


def rebuild_on_submission_change(sender, submission, created, **kwargs) -> None:
    """Queue the region's deck again after its submission changed (platform; after commit).

    Sent from the region's workspace task: the job is queued from the public schema, where
    its rows live."""
    with schema_context("public"):
        if PresentingRegion.objects.filter(showcase_id=submission.showcase_id, region_id=submission.region_id).exists():
            queue_build(showcase=submission.showcase, region_code=submission.region_id, user=None)
