from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "platform.audit"
    label = "audit"
    verbose_name = _("Log audit")

    def ready(self):
        from platform.audit import receivers, rules
        from tenants.panels import NAV_NATIONAL, register_nav_link

        receivers.connect()
        register_nav_link(
            slot=NAV_NATIONAL,
            label=_("Log audit"),
            url_name="audit-log",
            order=85,
            visible=lambda request: rules.can_view_audit_log(request.user),
        )
