"""Apex pages of the facilitator registry (ministry staff read, ministry admins write): the list
with its filters and exports, the form to create or edit an entry, its deletion, and the
spreadsheet import (upload → preview row by row → import of a file without errors).

The logic is in ``programs.scheduling.services`` and ``programs.scheduling.importer``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import IntegerField, OuterRef, Q, Subquery
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from platform import exports
from platform.context_processors import site_url
from platform.forms import add_service_errors, flash_service_errors
from programs.scheduling import importer, rules, selectors, services
from programs.scheduling.forms.registry import FacilitatorFilterForm, FacilitatorForm, RegistryUploadForm
from programs.scheduling.importer.store import RowsGone
from programs.scheduling.models import Facilitator, Workshop
from tenants.views_national import NationalView

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class StaffView(NationalView):
    """An apex page of the plan's reference data: ``rule`` to read, ``write_rule`` to change."""

    rule = staticmethod(rules.can_view_scheduling)
    write_rule = staticmethod(rules.can_manage_scheduling)

    def test_func(self):
        rule = self.rule if self.request.method in SAFE_METHODS else self.write_rule
        return rule(self.request.user)


class AdminView(StaffView):
    rule = staticmethod(rules.can_manage_scheduling)


class WorkshopCount(Subquery):
    """How many distinct workshops (not cancelled) the row's facilitator is on, in any role."""

    template = "(SELECT count(DISTINCT _w.id) FROM (%(subquery)s) _w)"
    output_field = IntegerField()


def registry(*, kind: str = "", province=None, stage: int | None = None, active: str = ""):
    """The registry's rows with their number of workshops: one query however many rows."""
    person = OuterRef("pk")
    on_workshop = (
        Workshop.objects.filter(Q(lead=person) | Q(ministry_rep=person) | Q(co_facilitators=person))
        .exclude(status=Workshop.Status.CANCELLED)
        .order_by()
        .values("id")
    )
    rows = selectors.facilitators().annotate(workshop_count=WorkshopCount(on_workshop))
    if kind:
        rows = rows.filter(kind=kind)
    if province is not None:
        rows = rows.filter(home_province=province)
    if stage:
        rows = rows.filter(stages__contains=[stage])
    if active in ("0", "1"):
        rows = rows.filter(is_active=active == "1")
    return rows.order_by("user__full_name", "user__email")


class FacilitatorListView(StaffView):
    page_size = 100

    def get(self, request):
        form = FacilitatorFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        rows = registry(
            kind=filters.get("kind", ""),
            province=filters.get("province"),
            stage=filters.get("stage"),
            active=filters.get("active", ""),
        )
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            return self.export(rows, fmt)
        page = Paginator(rows, self.page_size).get_page(request.GET.get("page"))
        query = request.GET.copy()
        for key in ("format", "page"):
            query.pop(key, None)
        return render(
            request,
            "scheduling/registry/list.html",
            {
                "form": form,
                "page": page,
                "query": query.urlencode(),
                "can_manage": rules.can_manage_scheduling(request.user),
            },
        )

    @staticmethod
    def export(rows, fmt):
        """The import's columns (so an export imports again) and the province's name and workload."""
        header = [*importer.HEADERS, "nama_provinsi", "jumlah_bimtek"]
        kinds = {Facilitator.Kind.EXPERT: "ahli", Facilitator.Kind.OFFICIAL: "pejabat"}
        table = [
            [
                f.user.email,
                f.user.full_name,
                f.institution,
                f.home_province_id,
                kinds[f.kind],
                f.stages_display,
                f.max_per_month,
                "ya" if f.is_active else "tidak",
                f.home_province.name,
                f.workshop_count,
            ]
            for f in rows
        ]
        return exports.table_response(filename="fasilitator", header=header, rows=table, fmt=fmt)


def _site_url(request) -> str:
    return site_url(request)


class FacilitatorCreateView(AdminView):
    def get(self, request):
        return render(request, "scheduling/registry/form.html", {"form": FacilitatorForm()})

    def post(self, request):
        form = FacilitatorForm(request.POST)
        if form.is_valid():
            try:
                entry, created = services.register_facilitator(
                    user=request.user,
                    email=form.cleaned_data["email"],
                    full_name=form.cleaned_data["full_name"],
                    site_url=_site_url(request),
                    **form.service_fields(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if created:
                    messages.success(request, _("%(name)s didaftarkan; undangan dikirim ke %(email)s.") % _named(entry))
                else:
                    messages.success(request, _("%(name)s didaftarkan dengan akun yang sudah ada.") % _named(entry))
                return redirect("schedule-facilitators")
        return render(request, "scheduling/registry/form.html", {"form": form}, status=400)


def _named(entry: Facilitator) -> dict:
    return {"name": entry.name, "email": entry.user.email}


class FacilitatorEditView(AdminView):
    def get(self, request, pk):
        entry = _entry(pk)
        return render(
            request, "scheduling/registry/form.html", {"form": FacilitatorForm(facilitator=entry), "entry": entry}
        )

    def post(self, request, pk):
        entry = _entry(pk)
        form = FacilitatorForm(request.POST, facilitator=entry)
        if form.is_valid():
            try:
                services.register_facilitator(
                    user=request.user,
                    facilitator=entry,
                    full_name=form.cleaned_data["full_name"],
                    **form.service_fields(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Data %(name)s disimpan.") % _named(entry))
                return redirect("schedule-facilitators")
        return render(request, "scheduling/registry/form.html", {"form": form, "entry": entry}, status=400)


def _entry(pk) -> Facilitator:
    return get_object_or_404(selectors.facilitators(), pk=pk)


class FacilitatorDeleteView(AdminView):
    def post(self, request, pk):
        entry = _entry(pk)
        name = entry.name
        try:
            services.delete_facilitator(user=request.user, facilitator=entry)
        except ValidationError as exc:
            flash_service_errors(request, exc)
            return redirect("schedule-facilitator-edit", pk=entry.pk)
        messages.success(request, _("%(name)s dihapus dari daftar fasilitator.") % {"name": name})
        return redirect("schedule-facilitators")


class RegistryTemplateView(AdminView):
    def get(self, request):
        if request.GET.get("format") == "csv":
            response = HttpResponse(importer.template_csv(), content_type="text/csv; charset=utf-8")
            name = "templat-fasilitator.csv"
        else:
            response = HttpResponse(importer.template_xlsx(), content_type=exports.XLSX_TYPE)
            name = "templat-fasilitator.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class RegistryImportView(AdminView):
    def get(self, request):
        return self._render(request, RegistryUploadForm())

    def post(self, request):
        form = RegistryUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                table = importer.read_table(upload.read())
            except importer.FileRefused as exc:
                form.add_error("file", exc.messages)
            else:
                token = importer.store_rows(user=request.user, table=table, file_name=upload.name)
                return redirect("schedule-facilitator-import-preview", token=token)
        return self._render(request, form, status=400)

    def _render(self, request, form, status=200):
        context = {
            "form": form,
            "columns": importer.COLUMNS,
            "max_mb": importer.MAX_UPLOAD_BYTES // 1024 // 1024,
            "max_rows": importer.MAX_ROWS,
        }
        return render(request, "scheduling/registry/import.html", context, status=status)


class RegistryImportPreviewView(AdminView):
    """GET: what each row would do. POST: import them all (refused while a row has an error)."""

    def get(self, request, token):
        try:
            table, name = importer.load_rows(user=request.user, token=token)
        except RowsGone:
            return self._gone(request)
        preview = importer.preview_rows(table)
        return self._render(request, preview, token, name)

    def post(self, request, token):
        try:
            table, name = importer.load_rows(user=request.user, token=token)
        except RowsGone:
            return self._gone(request)
        if not importer.claim_rows(user=request.user, token=token):
            messages.info(request, _("Berkas ini sedang atau sudah diimpor."))
            return redirect("schedule-facilitators")
        preview = importer.apply_rows(user=request.user, table=table, site_url=_site_url(request))
        if not preview.applied:
            importer.release_rows(user=request.user, token=token)
            return self._render(request, preview, token, name)
        importer.discard_rows(user=request.user, token=token)
        messages.success(
            request,
            _("Impor selesai: %(new)s fasilitator baru, %(updated)s diperbarui.")
            % {"new": preview.new_count, "updated": preview.update_count},
        )
        return redirect("schedule-facilitators")

    def _gone(self, request):
        messages.error(request, _("Berkas unggahan tidak ditemukan atau sudah kedaluwarsa. Unggah lagi."))
        return redirect("schedule-facilitator-import")

    def _render(self, request, preview, token, name):
        context = {"preview": preview, "token": token, "file_name": name}
        status = 200 if preview.is_valid else 400
        return render(request, "scheduling/registry/preview.html", context, status=status)


class RegistryImportDiscardView(AdminView):
    def post(self, request, token):
        importer.discard_rows(user=request.user, token=token)
        messages.info(request, _("Berkas unggahan dibuang; tidak ada yang disimpan."))
        return redirect("schedule-facilitator-import")
