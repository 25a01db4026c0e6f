"""Keep the host → workspace cache honest: any change to a domain or workspace drops the
cached entries of the host names involved."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from tenants.cache import forget_host
from tenants.models import Domain, Workspace


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
