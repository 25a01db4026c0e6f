from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Wilayah dan ruang kerja")

    def ready(self):
        from tenants import navigation, rules, signals  # noqa: F401

        navigation.register()
