"""Apex pages of the events (ministry staff read, ministry admins act): the list of showcases,
creating one for a cohort and editing its settings, its stages and its presenting regions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from platform.forms import add_service_errors, flash_service_errors
from showcase import rules, selectors, services
from showcase.access import access_showcase, access_stage
from showcase.forms import PresenterForm, ShowcaseForm, StageForm
from tenants.views_national import NationalView


class ShowcaseView(NationalView):
    """Ministry staff read; the write views narrow ``rule`` to ministry admins."""

    rule = staticmethod(rules.can_view_showcase)


class ShowcaseListView(ShowcaseView):
    def get(self, request):
        showcases = list(selectors.showcases())
        published = selectors.published_numbers([s.pk for s in showcases])
        for showcase in showcases:
            showcase.published_number = published.get(showcase.pk)
        return render(
            request,
            "showcase/list.html",
            {"showcases": showcases, "can_manage": rules.can_manage_showcase(request.user)},
        )


class ShowcaseCreateView(ShowcaseView):
    rule = staticmethod(rules.can_manage_showcase)

    def get(self, request):
        return render(request, "showcase/form.html", {"form": ShowcaseForm()})

    def post(self, request):
        form = ShowcaseForm(request.POST)
        if form.is_valid():
            try:
                showcase = services.create_showcase(
                    actor=request.user,
                    cohort=form.cleaned_data["cohort"],
                    stage_names=form.stage_list(),
                    **form.settings(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Showcase %(name)s dibuat.") % {"name": showcase.name})
                return redirect("showcase-builder", slug=showcase.slug)
        return render(request, "showcase/form.html", {"form": form}, status=400)


class ShowcaseEditView(ShowcaseView):
    rule = staticmethod(rules.can_manage_showcase)

    def get(self, request, slug):
        showcase = access_showcase(slug)
        form = ShowcaseForm(instance=showcase, creating=False)
        return render(request, "showcase/form.html", {"form": form, "showcase": showcase})

    def post(self, request, slug):
        showcase = access_showcase(slug)
        form = ShowcaseForm(request.POST, instance=showcase, creating=False)
        if form.is_valid():
            try:
                showcase = services.update_showcase(actor=request.user, showcase=showcase, **form.settings())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Pengaturan disimpan. Tekan Susun ulang agar agenda mengikutinya."))
                return redirect("showcase-builder", slug=showcase.slug)
        return render(request, "showcase/form.html", {"form": form, "showcase": showcase}, status=400)


class StageAddView(ShowcaseView):
    rule = staticmethod(rules.can_manage_showcase)

    def post(self, request, slug):
        showcase = access_showcase(slug)
        form = StageForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors["name"])
            stage = services.add_stage(actor=request.user, showcase=showcase, name=form.cleaned_data["name"])
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(request, _("Panggung %(name)s ditambahkan.") % {"name": stage.name})
        return redirect("showcase-builder", slug=showcase.slug)


class StageView(ShowcaseView):
    """Rename (``action=rename``) or remove (``action=remove``) a stage."""

    rule = staticmethod(rules.can_manage_showcase)

    def post(self, request, slug, stage_pk):
        showcase = access_showcase(slug)
        stage = access_stage(showcase, stage_pk)
        try:
            if request.POST.get("action") == "remove":
                services.remove_stage(actor=request.user, stage=stage)
                messages.success(request, _("Panggung %(name)s dihapus.") % {"name": stage.name})
            else:
                form = StageForm(request.POST, instance=stage)
                if not form.is_valid():
                    raise ValidationError(form.errors["name"])
                services.rename_stage(actor=request.user, stage=stage, name=form.cleaned_data["name"])
                messages.success(request, _("Nama panggung disimpan."))
        except ValidationError as exc:
            flash_service_errors(request, exc)
        return redirect("showcase-builder", slug=showcase.slug)


class PresenterView(ShowcaseView):
    """Add (``action=add``) or remove (``action=remove``) a presenting region by its code."""

    rule = staticmethod(rules.can_manage_showcase)

    def post(self, request, slug):
        showcase = access_showcase(slug)
        form = PresenterForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors["region"])
            code = form.cleaned_data["region"]
            if request.POST.get("action") == "remove":
                services.remove_presenter(actor=request.user, showcase=showcase, region_code=code)
                messages.success(request, _("Daerah %(code)s tidak lagi menjadi penyaji.") % {"code": code})
            else:
                presenter = services.add_presenter(actor=request.user, showcase=showcase, region_code=code)
                messages.success(request, _("%(name)s menjadi penyaji.") % {"name": presenter.region.name})
        except ValidationError as exc:
            flash_service_errors(request, exc)
        return redirect("showcase-builder", slug=showcase.slug)
