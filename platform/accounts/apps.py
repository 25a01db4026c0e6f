from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "platform.accounts"
    label = "accounts"
    verbose_name = _("Akun")

    def ready(self):
        from platform.accounts import two_factor
        from tenants.panels import NAV_NATIONAL, NAV_WORKSPACE, register_nav_link

        two_factor.connect_signals()
        for slot in (NAV_NATIONAL, NAV_WORKSPACE):
            register_nav_link(slot=slot, label=_("Keamanan"), url_name="account-security", order=95)
