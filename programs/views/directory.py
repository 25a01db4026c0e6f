"""The directory: OPDs, the Dewan Smart City and Tim Pelaksana, and which OPD each OPD editor
works for."""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from programs import selectors, services
from programs.forms import OpdEditorForm, OpdForm, PersonForm
from programs.models import Opd, Person
from programs.views.base import actor_of, add_errors
from tenants.views_workspace import WorkspaceView


class DirectoryView(WorkspaceView):
    def get(self, request):
        from tenants.models import Membership
        from tenants.selectors import current_members_of

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


class OpdFormView(WorkspaceView):
    capability = "can_edit_masterplan"

    def get(self, request, opd_pk=None):
        opd = get_object_or_404(Opd, pk=opd_pk) if opd_pk else None
        return render(request, "programs/opd_form.html", {"opd": opd, "form": OpdForm(instance=opd)})

    def post(self, request, opd_pk=None):
        opd = get_object_or_404(Opd, pk=opd_pk) if opd_pk else None
        form = OpdForm(request.POST, instance=opd)
        if form.is_valid():
            try:
                services.save_opd(actor=actor_of(request), opd=opd, **form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("OPD disimpan."))
                return redirect("directory")
        return render(request, "programs/opd_form.html", {"opd": opd, "form": form}, status=400)


class OpdDeleteView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request, opd_pk):
        opd = get_object_or_404(Opd, pk=opd_pk)
        try:
            services.delete_opd(actor=actor_of(request), opd=opd)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("OPD %(opd)s dihapus.") % {"opd": opd.acronym})
        return redirect("directory")


class PersonFormView(WorkspaceView):
    capability = "can_edit_masterplan"

    def get(self, request, person_pk=None):
        person = get_object_or_404(Person, pk=person_pk) if person_pk else None
        initial = {"body": request.GET.get("body", Person.Body.COUNCIL)}
        return render(
            request,
            "programs/person_form.html",
            {"person": person, "form": PersonForm(instance=person, initial=initial)},
        )

    def post(self, request, person_pk=None):
        person = get_object_or_404(Person, pk=person_pk) if person_pk else None
        form = PersonForm(request.POST, instance=person)
        if form.is_valid():
            services.save_person(actor=actor_of(request), person=person, **form.cleaned_data)
            messages.success(request, _("Personel disimpan."))
            return redirect("directory")
        return render(request, "programs/person_form.html", {"person": person, "form": form}, status=400)


class PersonDeleteView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request, person_pk):
        services.delete_person(actor=actor_of(request), person=get_object_or_404(Person, pk=person_pk))
        messages.success(request, _("Personel dihapus."))
        return redirect("directory")


class OpdEditorAssignView(WorkspaceView):
    capability = "can_edit_masterplan"

    def post(self, request):
        from platform.accounts.models import User

        user_id = request.POST.get("user", "")
        valid_id = re.fullmatch(r"[0-9]{1,18}", user_id) is not None
        form = OpdEditorForm(request.POST, prefix=f"u{user_id}" if valid_id else None)
        user = User.objects.filter(pk=user_id).first() if valid_id else None
        if user is None or not form.is_valid():
            messages.error(request, _("Pilihan OPD tidak valid."))
            return redirect("directory")
        try:
            services.assign_opd_editor(actor=actor_of(request), user=user, opd=form.cleaned_data["opd"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("OPD %(user)s disimpan.") % {"user": user})
        return redirect("directory")
