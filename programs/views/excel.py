"""Pages of the Excel round trip: template and export downloads, upload, validation preview
and import. The logic is in ``programs.excel``; these views only move files and messages.

Everything here is behind the workspace membership gate. Reading (template, export) is
for every member; uploading and importing need ``can_edit_programs`` (OPD editors only
for their OPD's programs, which the validation says row by row).
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platform.uploads import sniff_upload
from programs import excel, selectors
from programs.models import ProgramImport
from programs.models.imports import import_outcome
from programs.views.base import actor_of
from tenants.views_workspace import WorkspaceView


class ProgramUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas XLSX"),
        help_text=gettext_lazy("Templat program yang sudah diisi (.xlsx)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + excel.XLSX_CONTENT_TYPE}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            excel.check_upload(size=upload.size, kind=sniff_upload(upload))
        except excel.WorkbookRefused as exc:
            raise forms.ValidationError(exc.messages) from None
        return upload


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=excel.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _stamp() -> str:
    return timezone.localtime().strftime("%Y%m%d-%H%M")


class ProgramTemplateView(WorkspaceView):
    def get(self, request):
        slug = request.tenant.schema_name.replace("_", "-")
        return _xlsx(excel.program_template(), f"templat-program-{slug}.xlsx")


class ProgramExportView(WorkspaceView):
    def get(self, request):
        slug = request.tenant.schema_name.replace("_", "-")
        return _xlsx(excel.export_programs(), f"program-{slug}-{_stamp()}.xlsx")


class ProgramImportView(WorkspaceView):
    """The Excel page: downloads for everyone, the upload form for those who edit programs."""

    write_capability = "can_edit_programs"

    def get(self, request):
        return self._render(request, ProgramUploadForm())

    def post(self, request):
        form = ProgramUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(request, form, status=400)
        upload = form.cleaned_data["file"]
        token = excel.store_upload(user=request.user, content=upload.read(), original_name=upload.name)
        return redirect("program-import-preview", upload_token=token)

    def _render(self, request, form, status=200):
        return render(
            request,
            "programs/excel_import.html",
            {
                "form": form,
                "masterplan": selectors.masterplan(),
                "can_import": request.access.can_edit_programs,
                "max_mb": excel.MAX_UPLOAD_BYTES // 1024 // 1024,
                "max_programs": excel.IMPORT_MAX_PROGRAMS,
                "inline_max": excel.IMPORT_INLINE_MAX,
                "jobs": ProgramImport.objects.all()[:5],
            },
            status=status,
        )


class ProgramImportPreviewView(WorkspaceView):
    """GET: every problem of the uploaded file, or what would be written. POST: write it all."""

    capability = "can_edit_programs"

    def get(self, request, upload_token):
        try:
            content = excel.read_upload(token=upload_token, user=request.user)
        except excel.UploadGone:
            return self._gone(request)
        try:
            preview = excel.validate_workbook(actor=actor_of(request), content=content)
        except excel.WorkbookRefused as exc:
            preview = excel.Preview(problems=exc.problems)
        return self._render(request, preview, upload_token)

    def post(self, request, upload_token):
        try:
            content = excel.read_upload(token=upload_token, user=request.user)
        except excel.UploadGone:
            return self._gone(request)
        actor = actor_of(request)
        try:
            preview = excel.validate_workbook(actor=actor, content=content)
        except excel.WorkbookRefused as exc:
            preview = excel.Preview(problems=exc.problems)
        if not preview.is_valid:
            return self._render(request, preview, upload_token, status=400)
        if not excel.claim_upload(token=upload_token, user=request.user):
            messages.info(request, _("Berkas ini sudah sedang diimpor; hasilnya tampil di halaman Excel."))
            return redirect("program-import")
        if len(preview.programs) > excel.IMPORT_INLINE_MAX:
            job = excel.request_import(actor=actor, token=upload_token, total=len(preview.programs))
            messages.info(
                request, _("Berkas besar: impor berjalan di latar belakang. Halaman ini menampilkan kemajuannya.")
            )
            return redirect("program-import-job", job_pk=job.pk)
        try:
            result = excel.import_programs(actor=actor, content=content)
        except excel.WorkbookRefused as exc:
            excel.release_upload(token=upload_token, user=request.user)  # fixed elsewhere, it may be tried again
            return self._render(request, excel.Preview(problems=exc.problems), upload_token, status=400)
        excel.discard_upload(token=upload_token, user=request.user)
        messages.success(
            request,
            import_outcome(result.created, result.updated),
        )
        return redirect("program-list")

    def _gone(self, request):
        messages.error(request, _("Berkas unggahan tidak ditemukan atau sudah kedaluwarsa. Unggah lagi."))
        return redirect("program-import")

    def _render(self, request, preview, upload_token, status=None):
        if status is None:
            status = 200 if preview.is_valid else 400
        return render(
            request,
            "programs/excel_preview.html",
            {
                "preview": preview,
                "upload_token": upload_token,
                "masterplan": selectors.masterplan(),
                "in_background": len(preview.programs) > excel.IMPORT_INLINE_MAX,
            },
            status=status,
        )


class ProgramImportJobView(WorkspaceView):
    """A background import: its page, and (for htmx, every two seconds while it runs) its status."""

    def get(self, request, job_pk):
        job = get_object_or_404(ProgramImport, pk=job_pk)
        done, total = excel.job_progress(job) if job.status == ProgramImport.Status.RUNNING else (0, job.total)
        context = {
            "job": job,
            "done": done,
            "total": total,
            "percent": round(100 * done / total) if total else 0,
        }
        template = "programs/_import_job.html" if request.htmx else "programs/excel_import_job.html"
        return render(request, template, context)


class ProgramImportDiscardView(WorkspaceView):
    capability = "can_edit_programs"

    def post(self, request, upload_token):
        excel.discard_upload(token=upload_token, user=request.user)
        messages.info(request, _("Berkas unggahan dibuang; tidak ada yang disimpan."))
        return redirect("program-import")
