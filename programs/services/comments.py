"""Comments on a section or a program with @mentions, and in-app notifications (each also
e-mailed after commit)."""

import re

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from platform.context_processors import absolute_url
from platform.urls_safety import local_path
from programs import notifications, rules
from programs.models import Comment, Notification, Program
from programs.rules import Actor
from programs.services.common import refuse_unless

EMAIL_MENTION = re.compile(r"@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")


def mentioned_users(body: str) -> list:
    """Current members of this workspace named in ``body`` as ``@e-mail`` or ``@Full Name``."""
    from tenants.selectors import current_members_of

    emails = {e.lower().rstrip(".") for e in EMAIL_MENTION.findall(body)}
    lowered = body.lower()
    found = {}
    for membership in current_members_of(workspace=connection.tenant):
        user = membership.user
        name = user.full_name.strip().lower()
        if user.email.lower() in emails or (name and f"@{name}" in lowered):
            found[user.pk] = user
    return list(found.values())


def notify(*, users, key: str, params: dict, url: str = "", comment: Comment | None = None, body: str = "") -> None:
    """An in-app notification and, after commit, an e-mail to each of ``users``: the message
    is stored as ``key`` of ``programs.notifications.MESSAGES`` with ``params`` (its Indonesian
    text kept beside them) and each e-mail is written in its recipient's language. ``url`` is
    stored as a path on this site, or not at all when it could lead elsewhere."""
    users = [u for u in users if u.is_active]
    if not users:
        return
    message = notifications.render_in(settings.LANGUAGE_CODE, key, params)[:300]
    url = local_path(url, fallback="")
    Notification.objects.bulk_create(
        [Notification(user=u, comment=comment, key=key, params=params, message=message, url=url) for u in users]
    )
    workspace = connection.tenant
    link = absolute_url(workspace.domains.get(is_primary=True).domain, url or "/")
    by_language = {}
    for user in users:
        by_language.setdefault(notifications.language_of(user), []).append(user.email)
    for language, emails in by_language.items():
        with translation.override(language):
            text = notifications.render(key, params, fallback=message)
            body_text = render_to_string(
                "programs/email/notification.txt",
                {"message": text, "body": body, "link": link, "region": workspace.region},
            )
            subject = _("[Smart City %(region)s] %(message)s") % {"region": workspace.region.name, "message": text}
        transaction.on_commit(
            lambda s=subject[:200], t=body_text, e=emails: send_mail(
                subject=s, message=t, from_email=None, recipient_list=e
            )
        )


def members_with_role(role: str) -> list:
    from tenants.selectors import current_members_of

    return [m.user for m in current_members_of(workspace=connection.tenant).filter(role=role)]


@transaction.atomic
def add_comment(*, actor: Actor, section: str, body: str, program: Program | None = None, url: str = "") -> Comment:
    """A comment on a section or a program; mentioned members get an e-mail and a notification."""
    refuse_unless(rules.can_comment(actor), _("Anda hanya dapat membaca ruang kerja ini."))
    if program is not None:
        section = Comment.Section.PROGRAM
    comment = Comment(section=section, program=program, author=actor.user, body=body.strip())
    comment.full_clean()
    comment.save()
    where = {"program": str(program)} if program else {"section": comment.section}
    notify(
        users=[u for u in mentioned_users(comment.body) if u.pk != actor.user.pk],
        key="comment.mention",
        params={"author": str(actor.user), **where},
        url=f"{url.partition('#')[0]}#comment-{comment.pk}" if url else "",
        comment=comment,
        body=comment.body,
    )
    return comment


@transaction.atomic
def resolve_comment(*, actor: Actor, comment: Comment) -> Comment:
    refuse_unless(
        rules.can_resolve_comment(actor, comment),
        _("Hanya penulis komentar atau admin daerah yang dapat menyelesaikannya."),
    )
    if comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by = timezone.now(), actor.user
        comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment


def mark_notifications_read(*, actor: Actor) -> int:
    """The actor's own notifications, every member's right: marked read now."""
    return Notification.objects.filter(user_id=actor.user.pk, read_at__isnull=True).update(read_at=timezone.now())
