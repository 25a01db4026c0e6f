"""The public side of a workspace in an archive: its registered public rows and the accounts
that they and the workspace schema refer to.

Accounts are national (one login for every workspace), so a restore never changes an
existing account: it checks that each account of the archive is there under the same id
and e-mail, and creates the missing ones with their archived id (workspace tables refer to
accounts by id, without a database constraint across schemas). An id held by another
e-mail means the archive comes from an instance whose accounts differ; the restore stops.
"""

import json

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection

from tenants.backup.errors import BackupError
from tenants.backup.postgres import q
from tenants.backup.registry import PublicRows, registered_public_rows
from tenants.models import Workspace


def _user_fields(model) -> list:
    user_model = get_user_model()
    return [f for f in model._meta.concrete_fields if f.is_relation and f.related_model is user_model]


def tenant_account_ids(schema: str) -> set[int]:
    """Ids of the accounts the workspace schema's tables refer to (every foreign key to the user model)."""
    ids: set[int] = set()
    tenant_apps = set(settings.TENANT_APPS)
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if apps.get_app_config(model._meta.app_label).name not in tenant_apps:
                continue
            for field in _user_fields(model):
                cursor.execute(
                    f"SELECT DISTINCT {q(field.column)} FROM {q(schema)}.{q(model._meta.db_table)} "
                    f"WHERE {q(field.column)} IS NOT NULL"
                )
                ids.update(row[0] for row in cursor.fetchall())
    return ids


def serialize_public_rows(workspace: Workspace) -> tuple[dict, set[int]]:
    """The workspace's public rows per registered label, and the account ids they refer to."""
    rows, account_ids = {}, set()
    for entry in registered_public_rows():
        queryset = entry.rows(workspace)
        rows[entry.label] = json.loads(serializers.serialize("json", queryset))
        for field in _user_fields(entry.model):
            account_ids.update(i for i in queryset.values_list(field.attname, flat=True) if i is not None)
    return rows, account_ids


def serialize_accounts(ids: set[int]) -> list:
    user_model = get_user_model()
    fields = [f.name for f in user_model._meta.concrete_fields if not f.primary_key]
    return json.loads(
        serializers.serialize("json", user_model._default_manager.filter(pk__in=ids).order_by("pk"), fields=fields)
    )


def restore_accounts(accounts: list) -> int:
    """Create the archive's accounts this instance lacks (same id); returns how many were created."""
    user_model = get_user_model()
    login = user_model.USERNAME_FIELD
    created = 0
    for item in serializers.deserialize("json", json.dumps(accounts), ignorenonexistent=True):
        account = item.object
        name = str(getattr(account, login))
        holder = user_model._default_manager.filter(pk=account.pk).values_list(login, flat=True).first()
        if holder is not None:
            if holder.lower() != name.lower():
                raise BackupError(
                    f"Account id {account.pk} is {holder} here but {name} in the archive: the archive comes "
                    "from an instance with other accounts; nothing was restored."
                )
            continue
        if user_model._default_manager.filter(**{f"{login}__iexact": name}).exists():
            raise BackupError(
                f"Account {name} exists here under another id than in the archive ({account.pk}); nothing was restored."
            )
        item.save()
        created += 1
    if created:
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [user_model]):
                cursor.execute(sql)
    return created


def _target_id(entry: PublicRows, workspace: Workspace):
    return workspace.region_id if entry.points_to_region else workspace.pk


def restore_public_rows(rows: dict, workspace: Workspace, *, is_copy: bool) -> dict[str, int]:
    """Replace the workspace's registered public rows by the archive's; returns counts per label.

    Rows get new ids unless their id is the workspace link itself (one row per region): the
    archive may come from another instance or be restored as a copy beside its original.
    """
    registered = {entry.label: entry for entry in registered_public_rows()}
    unknown = sorted(set(rows) - set(registered))
    if unknown:
        raise BackupError(f"The archive holds public rows this code does not know: {', '.join(unknown)}.")
    counts = {}
    for label, entry in registered.items():
        if is_copy and not entry.with_copies:
            continue
        entry.rows(workspace).delete()
        link = entry.model._meta.get_field(entry.field)
        keeps_pk = entry.model._meta.pk.name == link.name
        counts[label] = 0
        for item in serializers.deserialize("json", json.dumps(rows.get(label, [])), ignorenonexistent=True):
            setattr(item.object, link.attname, _target_id(entry, workspace))
            if not keeps_pk:
                item.object.pk = None
            item.object._state.adding = True
            item.save()
            counts[label] += 1
    return counts
