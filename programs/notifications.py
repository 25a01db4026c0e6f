"""The messages of in-app notifications: a notification stores a key of ``MESSAGES`` and its
parameters, and its text is rendered when it is read, in the reader's language (the page,
the e-mail). Parameters are data (names, titles, numbers) or codes that are themselves
translated when rendered (a comment's section)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

MESSAGES = {
    "comment.mention": gettext_noop("%(author)s menyebut Anda dalam komentar pada %(where)s"),
    "masterplan.submitted": gettext_noop("Masterplan revisi %(rev)s diajukan untuk persetujuan Dewan Smart City"),
    "masterplan.approved": gettext_noop("Masterplan revisi %(rev)s disetujui Dewan Smart City"),
    "masterplan.returned": gettext_noop("Masterplan revisi %(rev)s dikembalikan oleh Dewan Smart City"),
}


def _values(params: dict) -> dict:
    """The parameters as the message uses them: a comment's section code becomes its label
    (``where``), a program's title is shown as it is."""
    from programs.models import Comment

    values = dict(params)
    section = params.get("section")
    if "where" not in values:
        if section in Comment.Section.values:
            values["where"] = str(Comment.Section(section).label)
        else:
            values["where"] = params.get("program") or section or ""
    return values


def render(key: str, params: dict | None, *, fallback: str = "") -> str:
    """The text of ``key`` with ``params`` in the active language; ``fallback`` (the stored
    Indonesian text) for an unknown key or parameters that no longer fit its message."""
    template = MESSAGES.get(key or "")
    if template is None:
        return fallback
    try:
        return gettext(template) % _values(params or {})
    except (KeyError, TypeError, ValueError):
        return fallback


def language_of(user) -> str:
    """The language a user's e-mails are written in: their own if their account stores one,
    else the platform's (Indonesian)."""
    chosen = getattr(user, "language", "") or ""
    return chosen if chosen in {code for code, _name in settings.LANGUAGES} else settings.LANGUAGE_CODE


def render_in(language: str, key: str, params: dict | None, *, fallback: str = "") -> str:
    with translation.override(language):
        return render(key, params, fallback=fallback)
