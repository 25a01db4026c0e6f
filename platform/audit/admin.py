"""The audit log in Django's admin: read only (rows are never changed or deleted)."""

from django.contrib import admin

from platform.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "action", "actor_email", "ip", "workspace", "target")
    list_filter = ("action",)
    search_fields = ("actor_email", "target")
    list_select_related = ("workspace__region",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
