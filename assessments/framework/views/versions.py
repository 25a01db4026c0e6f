"""Framework versions: the list, the YAML import and export, a version's page, its weights,
its copy as a new version and its settings while no cycle uses it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from assessments.framework import selectors, services
from assessments.framework.forms import FrameworkCopyForm, FrameworkImportForm, VersionSettingsForm
from assessments.framework.rules import can_manage_frameworks
from assessments.framework.views.base import AdminView, StaffView, access_version
from platform.forms import add_service_errors, flash_service_errors


def _render_list(request, form=None, status=200):
    return render(
        request,
        "framework/version_list.html",
        {
            "versions": selectors.versions(),
            "form": form or FrameworkImportForm(),
            "can_manage": can_manage_frameworks(request.user),
        },
        status=status,
    )


def _render_detail(request, version, copy_form=None, status=200):
    components = list(version.components.order_by("order"))
    return render(
        request,
        "framework/version_detail.html",
        {
            "version": version,
            "components": components,
            "total_weight": sum(c.weight for c in components),
            "indicators": version.indicators.select_related("component", "subdimension__dimension"),
            "can_manage": can_manage_frameworks(request.user),
            "copy_form": copy_form
            or FrameworkCopyForm(initial={"year": version.year + 1, "code": f"{version.code}-baru"}),
        },
        status=status,
    )


def refuse_frozen(request, version):
    """A frozen version's edit page: the reason as a message, back to the version. ``None``
    when the version may still be edited."""
    try:
        services.ensure_editable(version)
    except ValidationError as exc:
        flash_service_errors(request, exc)
        return redirect("framework-detail", version_pk=version.pk)
    return None


class VersionListView(StaffView):
    def get(self, request):
        return _render_list(request)


class VersionImportView(AdminView):
    def get(self, request):
        return redirect("framework-list")

    def post(self, request):
        form = FrameworkImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                text = form.cleaned_data["file"].read().decode("utf-8")
                version = services.import_version_yaml(actor=request.user, text=text)
            except UnicodeDecodeError:
                form.add_error("file", _("Berkas harus berkodekan UTF-8."))
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Versi %(code)s diimpor.") % {"code": version.code})
                return redirect("framework-detail", version_pk=version.pk)
        return _render_list(request, form=form, status=400)


class VersionDetailView(StaffView):
    def get(self, request, version_pk):
        return _render_detail(request, access_version(version_pk))


class VersionExportView(StaffView):
    def get(self, request, version_pk):
        version = access_version(version_pk)
        response = HttpResponse(services.export_version_yaml(version), content_type="application/yaml; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(True, f"{version.code}.yaml")
        return response


class VersionWeightsView(AdminView):
    def post(self, request, version_pk):
        version = access_version(version_pk)
        try:
            weights = {
                c.code: services.parse_decimal(request.POST.get(f"weight-{c.code}", ""), c.name)
                for c in version.components.all()
            }
            services.set_component_weights(actor=request.user, version=version, weights=weights)
        except ValidationError as exc:
            flash_service_errors(request, exc)
            return _render_detail(request, version, status=400)
        messages.success(request, _("Bobot komponen disimpan."))
        return redirect("framework-detail", version_pk=version.pk)


class VersionCopyView(AdminView):
    def post(self, request, version_pk):
        version = access_version(version_pk)
        form = FrameworkCopyForm(request.POST)
        if form.is_valid():
            try:
                new = services.copy_as_new_version(actor=request.user, version=version, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Versi baru %(code)s dibuat.") % {"code": new.code})
                return redirect("framework-detail", version_pk=new.pk)
        return _render_detail(request, version, copy_form=form, status=400)


class VersionSettingsView(AdminView):
    """Name, year, scale and rounding of a version no cycle uses yet."""

    def get(self, request, version_pk):
        version = access_version(version_pk)
        return refuse_frozen(request, version) or self._render(request, version, VersionSettingsForm(instance=version))

    def post(self, request, version_pk):
        version = access_version(version_pk)
        form = VersionSettingsForm(request.POST, instance=version)
        if form.is_valid():
            try:
                services.update_version_settings(actor=request.user, version=version, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Pengaturan versi disimpan."))
                return redirect("framework-detail", version_pk=version.pk)
        stored = access_version(version_pk)  # the page names the version as stored, not as typed
        return refuse_frozen(request, stored) or self._render(request, stored, form, status=400)

    @staticmethod
    def _render(request, version, form, status=200):
        return render(request, "framework/version_settings.html", {"version": version, "form": form}, status=status)
