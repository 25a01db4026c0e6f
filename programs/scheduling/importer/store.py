"""The rows of an uploaded registry between its preview and its import: kept in the cache under
a random token tied to the uploader, for an hour; one import claims them, so a second click
does not import the file twice."""

import secrets

from django.core.cache import cache

from programs.scheduling.importer.reading import Table

MAX_AGE_SECONDS = 60 * 60
CLAIM_SECONDS = 5 * 60


class RowsGone(Exception):
    """Unknown, expired or someone else's token, or rows already imported."""


def _key(user, token: str) -> str:
    return f"schedule-registry-import:{user.pk}:{token}"


def store_rows(*, user, table: Table, file_name: str = "") -> str:
    token = secrets.token_urlsafe(16)
    value = {"letters": table.letters, "rows": table.rows, "name": file_name[:200]}
    cache.set(_key(user, token), value, MAX_AGE_SECONDS)
    return token


def load_rows(*, user, token: str) -> tuple[Table, str]:
    """The stored table and the uploaded file's name, or ``RowsGone``."""
    value = cache.get(_key(user, token)) if token.replace("-", "").replace("_", "").isalnum() else None
    if not isinstance(value, dict):
        raise RowsGone()
    return Table(letters=dict(value["letters"]), rows=[(n, dict(r)) for n, r in value["rows"]]), value["name"]


def claim_rows(*, user, token: str) -> bool:
    """Take the rows for one import; ``False`` when another request already took them."""
    return cache.add(_key(user, token) + ":claimed", 1, CLAIM_SECONDS)


def release_rows(*, user, token: str) -> None:
    cache.delete(_key(user, token) + ":claimed")


def discard_rows(*, user, token: str) -> None:
    cache.delete_many([_key(user, token), _key(user, token) + ":claimed"])
