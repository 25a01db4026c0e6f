"""Pages of the workspace's files: the *lembar komitmen* and their signed scans.

Region admins add, replace and delete; every member reads the list and downloads the
scans. Scans are served only here (``Content-Disposition``, no public media URL), behind
the workspace membership gate; the checks of type and size are in ``programs.files``.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs import files
from programs.models import LembarKomitmen, Opd
from programs.views.base import actor_of, add_errors
from tenants.views_workspace import WorkspaceView

ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class LembarKomitmenForm(forms.ModelForm):
    scan = forms.FileField(
        label=gettext_lazy("Pindaian bertanda tangan"),
        required=False,
        help_text=gettext_lazy("PDF, JPEG atau PNG."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    class Meta:
        model = LembarKomitmen
        fields = ["kind", "opd", "signatory", "position", "signed_on"]
        widgets = {"signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = Opd.objects.order_by("acronym")
        self.fields["opd"].required = False

    def _post_clean(self):
        """The service validates the sheet (and the scan) as a whole."""


class KomitmenListView(WorkspaceView):
    def get(self, request):
        return render(
            request,
            "programs/komitmen_list.html",
            {
                "sheets": LembarKomitmen.objects.select_related("opd"),
                "max_mb": round(files.MAX_SCAN_BYTES / 1024 / 1024, 1),
            },
        )


class KomitmenFormView(WorkspaceView):
    capability = "can_edit_masterplan"

    def _render(self, request, sheet, form, status=200):
        context = {"sheet": sheet, "form": form, "max_mb": round(files.MAX_SCAN_BYTES / 1024 / 1024, 1)}
        return render(request, "programs/komitmen_form.html", context, status=status)

    def get(self, request, komitmen_pk=None):
        sheet = get_object_or_404(LembarKomitmen, pk=komitmen_pk) if komitmen_pk else None
        return self._render(request, sheet, LembarKomitmenForm(instance=sheet))

    def post(self, request, komitmen_pk=None):
        sheet = get_object_or_404(LembarKomitmen, pk=komitmen_pk) if komitmen_pk else None
        form = LembarKomitmenForm(request.POST, request.FILES, instance=sheet)
        if form.is_valid():
            data = {k: form.cleaned_data[k] for k in ("kind", "opd", "signatory", "position", "signed_on")}
            try:
                files.save_lembar_komitmen(
                    actor=actor_of(request), sheet=sheet, scan=form.cleaned_data.get("scan") or None, **data
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Lembar komitmen disimpan."))
                return redirect("komitmen-list")
        return self._render(request, sheet, form, status=400)


class KomitmenDeleteView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request, komitmen_pk):
        sheet = get_object_or_404(LembarKomitmen, pk=komitmen_pk)
        try:
            files.delete_lembar_komitmen(actor=actor_of(request), sheet=sheet)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Lembar komitmen dihapus."))
        return redirect("komitmen-list")


class KomitmenScanView(WorkspaceView):
    """The signed scan, only through here."""

    def get(self, request, komitmen_pk):
        sheet = get_object_or_404(LembarKomitmen, pk=komitmen_pk)
        if not sheet.scan:
            messages.warning(request, _("Lembar komitmen ini belum punya pindaian."))
            return redirect("komitmen-list")
        try:
            handle = files.open_scan(sheet)
        except FileNotFoundError:
            raise Http404() from None
        response = FileResponse(handle, as_attachment=True, filename=sheet.scan_name, content_type=sheet.scan_type)
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
