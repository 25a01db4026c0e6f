"""Field helpers shared by the workspace models."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


def user_reference(verbose_name, **extra) -> models.ForeignKey:
    """A reference from a workspace row to a global user (public schema).

    No database constraint and ``DO_NOTHING``: deleting a user in the public schema must not
    reach into hundreds of workspace schemas; the row keeps the id for the record.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=verbose_name,
        **extra,
    )


def history() -> HistoricalRecords:
    """Every change kept (who, when, what); the user is stored as a plain id (see above)."""
    return HistoricalRecords(history_user_id_field=models.BigIntegerField(null=True, blank=True, db_index=True))
