"""Keeping an upload between the preview and the import: the file waits in the workspace's
default storage, named by a signed token that only its uploader may use, in this workspace,
for ``UPLOAD_MAX_AGE``; one import claims it, so a second click does not import it twice."""

import re
import uuid

from django.core import signing
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from programs.excel.layout import PROGRESS_TTL_SECONDS, UPLOAD_DIR, UPLOAD_MAX_AGE, UPLOAD_SALT


class UploadGone(Exception):
    """The token is invalid, expired, someone else's, or its file was already imported."""


def store_upload(*, user, content: bytes, original_name: str = "") -> str:
    """Keep the file in the workspace's storage; returns the signed token that names it
    (and the name the file had on the user's computer, shown with a background import)."""
    _sweep_old_uploads()
    name = default_storage.save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}.xlsx", ContentFile(content))
    return upload_token(name=name, user=user, original_name=original_name)


def upload_token(*, name: str, user, original_name: str = "") -> str:
    """The signed reference to a stored upload: only this user, in this workspace, for a while."""
    data = {"f": name, "u": user.pk, "s": connection.schema_name, "o": original_name[:255]}
    return signing.dumps(data, salt=UPLOAD_SALT, compress=True)


def _upload_name(*, token: str, user) -> str:
    return upload_data(token=token, user=user)["f"]


def upload_data(*, token: str, user) -> dict:
    try:
        data = signing.loads(token, salt=UPLOAD_SALT, max_age=UPLOAD_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        raise UploadGone() from None
    if not isinstance(data, dict):
        raise UploadGone()
    name = str(data.get("f", ""))
    if (
        data.get("u") != user.pk
        or data.get("s") != connection.schema_name
        or not re.fullmatch(rf"{UPLOAD_DIR}/[0-9a-f]{{32}}(_\w+)?\.xlsx", name)
    ):
        raise UploadGone()
    return {"f": name, "o": str(data.get("o", ""))}


def read_upload(*, token: str, user) -> bytes:
    name = _upload_name(token=token, user=user)
    try:
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise UploadGone() from None


def _claim_key(*, token: str, user) -> str:
    return f"program-import-claimed:{_upload_name(token=token, user=user)}"


def claim_upload(*, token: str, user) -> bool:
    """Take the upload for one import; ``False`` when another request already took it."""
    return cache.add(_claim_key(token=token, user=user), 1, PROGRESS_TTL_SECONDS)


def release_upload(*, token: str, user) -> None:
    cache.delete(_claim_key(token=token, user=user))


def discard_upload(*, token: str, user) -> None:
    try:
        default_storage.delete(_upload_name(token=token, user=user))
    except UploadGone:
        return


def _sweep_old_uploads() -> None:
    """Uploads never imported are removed after ``UPLOAD_MAX_AGE`` (their token is dead anyway)."""
    try:
        _dirs, files = default_storage.listdir(UPLOAD_DIR)
    except FileNotFoundError:
        return
    limit = timezone.now() - UPLOAD_MAX_AGE
    for name in files:
        path = f"{UPLOAD_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
        except FileNotFoundError:
            continue
