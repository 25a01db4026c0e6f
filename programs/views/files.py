"""Pages of the workspace's files: the *lembar komitmen* and their signed scans.

Region admins add, replace and delete; every member reads the list and downloads the
scans. Scans are served only here (``Content-Disposition``, no public media URL), behind
the workspace membership gate; the checks of type and size are in ``programs.files``.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs import access, files
from programs.models import LembarKomitmen, Opd
from programs.views.base import actor_of, private_download, run_action, save_form
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

    def _sheet(self, request, komitmen_pk):
        return access.access_lembar_komitmen_for_edit(actor_of(request), komitmen_pk) if komitmen_pk else None

    def get(self, request, komitmen_pk=None):
        sheet = self._sheet(request, komitmen_pk)
        return self._render(request, sheet, LembarKomitmenForm(instance=sheet))

    def post(self, request, komitmen_pk=None):
        sheet = self._sheet(request, komitmen_pk)
        form = LembarKomitmenForm(request.POST, request.FILES, instance=sheet)
        if save_form(
            request,
            form,
            lambda data: files.save_lembar_komitmen(
                actor=actor_of(request),
                sheet=sheet,
                scan=data.get("scan") or None,
                **{k: data[k] for k in ("kind", "opd", "signatory", "position", "signed_on")},
            ),
            success=_("Lembar komitmen disimpan."),
        ):
            return redirect("komitmen-list")
        return self._render(request, sheet, form, status=400)


class KomitmenDeleteView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request, komitmen_pk):
        actor = actor_of(request)
        sheet = access.access_lembar_komitmen_for_edit(actor, komitmen_pk)
        done = _("Lembar komitmen dihapus.")
        run_action(request, lambda: files.delete_lembar_komitmen(actor=actor, sheet=sheet), success=done)
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
        return private_download(handle, filename=sheet.scan_name, content_type=sheet.scan_type)
