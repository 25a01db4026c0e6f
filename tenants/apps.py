from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Wilayah dan ruang kerja")

    def ready(self):
        from tenants import backup, models, navigation, rules, signals  # noqa: F401

        navigation.register()
        backup.register_public_rows("tenants.memberships", models.Membership, "workspace")
