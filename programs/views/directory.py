"""The directory: OPDs, the Dewan Smart City and Tim Pelaksana, and which OPD each OPD editor
works for."""

import re
from abc import ABC, abstractmethod

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programs import access, selectors, services
from programs.forms import OpdEditorForm, OpdForm, PersonForm
from programs.models import Person
from programs.views.base import actor_of, run_action, save_form
from tenants.models import Membership
from tenants.selectors import current_members_of
from tenants.views_workspace import WorkspaceView


class DirectoryView(WorkspaceView):
    def get(self, request):
        editors = []
        if request.access.can_edit_masterplan:
            links = selectors.opd_editors()
            for m in current_members_of(workspace=request.tenant).filter(role=Membership.Role.OPD_EDITOR):
                opd = links.get(m.user_id)
                editors.append(
                    (
                        m.user,
                        OpdEditorForm(
                            initial={"user": m.user_id, "opd": opd.pk if opd else None}, prefix=f"u{m.user_id}"
                        ),
                    )
                )
        return render(
            request,
            "programs/directory.html",
            {
                "opds": selectors.opds(),
                "council": [p for p in selectors.people() if p.body == Person.Body.COUNCIL],
                "team": [p for p in selectors.people() if p.body == Person.Body.TEAM],
                "editors": editors,
            },
        )


class EntryFormView(WorkspaceView, ABC):
    """Add or change one entry of the directory: the page ``programs/<name>_form.html`` with
    the entry as ``<name>``, saved by ``save`` (a service), then back to the directory."""

    capability = "can_edit_masterplan"
    name = ""  # "opd": the URL's opd_pk, the page programs/opd_form.html, the entry as ``opd``
    form_class = None
    fetch = None  # the fetch-for-edit helper of ``programs.access``
    success = ""

    def entry(self, request, pk):
        return self.fetch(actor_of(request), pk) if pk else None

    @abstractmethod
    def save(self, request, entry, data):
        """Save the entry's form ``data`` through its service (``entry`` is ``None`` for a new one)."""

    def initial(self, request) -> dict:
        return {}

    def get(self, request, **kwargs):
        entry = self.entry(request, kwargs.get(f"{self.name}_pk"))
        return self._render(request, entry, self.form_class(instance=entry, initial=self.initial(request)))

    def post(self, request, **kwargs):
        entry = self.entry(request, kwargs.get(f"{self.name}_pk"))
        form = self.form_class(request.POST, instance=entry)
        if save_form(request, form, lambda data: self.save(request, entry, data), success=str(self.success)):
            return redirect("directory")
        return self._render(request, entry, form, status=400)

    def _render(self, request, entry, form, status=200):
        return render(request, f"programs/{self.name}_form.html", {self.name: entry, "form": form}, status=status)


class OpdFormView(EntryFormView):
    name = "opd"
    form_class = OpdForm
    fetch = staticmethod(access.access_opd_for_edit)
    success = gettext_lazy("OPD disimpan.")

    def save(self, request, entry, data):
        services.save_opd(actor=actor_of(request), opd=entry, **data)


class PersonFormView(EntryFormView):
    name = "person"
    form_class = PersonForm
    fetch = staticmethod(access.access_person_for_edit)
    success = gettext_lazy("Personel disimpan.")

    def initial(self, request) -> dict:
        return {"body": request.GET.get("body", Person.Body.COUNCIL)}

    def save(self, request, entry, data):
        services.save_person(actor=actor_of(request), person=entry, **data)


class OpdDeleteView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request, opd_pk):
        actor = actor_of(request)
        opd = access.access_opd_for_edit(actor, opd_pk)
        run_action(
            request,
            lambda: services.delete_opd(actor=actor, opd=opd),
            success=_("OPD %(opd)s dihapus.") % {"opd": opd.acronym},
        )
        return redirect("directory")


class PersonDeleteView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request, person_pk):
        actor = actor_of(request)
        services.delete_person(actor=actor, person=access.access_person_for_edit(actor, person_pk))
        messages.success(request, _("Personel dihapus."))
        return redirect("directory")


class OpdEditorAssignView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request):
        user_id = request.POST.get("user", "")
        valid_id = re.fullmatch(r"[0-9]{1,18}", user_id) is not None
        # a current OPD editor of this workspace, else 404 (as the service requires)
        user = access.access_opd_editor_for_assign(actor_of(request), user_id) if valid_id else None
        form = OpdEditorForm(request.POST, prefix=f"u{user_id}" if valid_id else None)
        if user is None or not form.is_valid():
            messages.error(request, _("Pilihan OPD tidak valid."))
            return redirect("directory")
        run_action(
            request,
            lambda: services.assign_opd_editor(actor=actor_of(request), user=user, opd=form.cleaned_data["opd"]),
            success=_("OPD %(user)s disimpan.") % {"user": user},
        )
        return redirect("directory")
