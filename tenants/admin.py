from django.contrib import admin

from tenants.models import Cohort, Domain, Membership, Province, Region, Workspace


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["name", "code"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "province", "cohort", "slug"]
    list_filter = ["kind", "cohort", "province"]
    search_fields = ["name", "code", "slug"]
    readonly_fields = ["slug"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["year", "mou_date"]


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0


@admin.register(Workspace)
class WorkspaceAdmin(admin.ModelAdmin):
    list_display = ["schema_name", "region", "is_template", "created_at"]
    search_fields = ["schema_name", "region__name"]
    readonly_fields = ["schema_name", "is_template", "region"]
    inlines = [DomainInline]

    def has_add_permission(self, request):
        return False  # workspaces are provisioned (cloned), see the cohort pages or provision_workspaces

    def has_delete_permission(self, request, obj=None):
        return False  # deleting the row would orphan the schema and its data


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "workspace", "role", "valid_from", "valid_until"]
    list_filter = ["role"]
    search_fields = ["user__email", "workspace__region__name"]
    autocomplete_fields = ["user"]
