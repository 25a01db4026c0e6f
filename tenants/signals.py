"""Signals of the core, and the receivers that keep its caches honest.

``workspace_provisioned`` is how apps plug into a new workspace: it is sent inside the new
schema, in the provisioning transaction, with ``workspace`` and ``region``; each app's
receiver writes its first content there (a failure rolls the whole workspace back).

Any change to a domain or workspace drops the cached entries of the host names involved;
any change to a membership drops its cached lookup.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import Signal, receiver

from tenants.cache import forget_host
from tenants.models import Domain, Membership, Workspace
from tenants.selectors import forget_membership

workspace_provisioned = Signal()  # kwargs: workspace, region; sent inside the new schema


@receiver(pre_save, sender=Domain)
def _domain_renamed(sender, instance, **kwargs):
    if instance.pk:
        old = Domain.objects.filter(pk=instance.pk).values_list("domain", flat=True).first()
        if old and old != instance.domain:
            forget_host(old)


@receiver([post_save, post_delete], sender=Domain)
def _domain_changed(sender, instance, **kwargs):
    forget_host(instance.domain)


@receiver([post_save, post_delete], sender=Workspace)
def _workspace_changed(sender, instance, **kwargs):
    for domain in Domain.objects.filter(tenant_id=instance.pk).values_list("domain", flat=True):
        forget_host(domain)


@receiver([post_save, post_delete], sender=Membership)
def _membership_changed(sender, instance, **kwargs):
    def forget():
        forget_membership(user_id=instance.user_id, workspace_id=instance.workspace_id)

    forget()
    # Again after the commit: a request reading the old row before the commit may have
    # cached it in between.
    transaction.on_commit(forget)
