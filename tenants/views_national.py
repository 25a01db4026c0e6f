"""Pages of the apex host: the national registry, regions, cohorts and provisioning."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from platform.forms import add_service_errors, flash_service_errors
from tenants import rules, selectors, services
from tenants.forms import CohortAddRegionForm, CohortForm, RegistryFilterForm
from tenants.models import Cohort, ProvisioningJob, Region


class NationalView(LoginRequiredMixin, UserPassesTestMixin, View):
    """Base of apex pages: signed-in users; ``rule`` names who else is let in."""

    rule = staticmethod(rules.can_view_registry)

    def test_func(self):
        return self.rule(self.request.user)

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise Http404()
        return super().handle_no_permission()


class RegistryView(NationalView):
    page_size = 50

    def get(self, request):
        years = list(selectors.cohorts().values_list("year", flat=True))
        form = RegistryFilterForm(request.GET or None, cohort_years=years)
        filters = form.cleaned_data if form.is_valid() else {}
        regions = selectors.registry(
            query=filters.get("q", ""),
            province=filters["province"].code if filters.get("province") else "",
            kind=filters.get("kind", ""),
            cohort_year=filters.get("cohort"),
            participation=filters.get("participation", ""),
        )
        page = Paginator(regions, self.page_size).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            "form": form,
            "page": page,
            "total": page.paginator.count,
            "query_string": query.urlencode(),
            "my_workspaces": selectors.workspaces_of(user=request.user),
        }
        template = "tenants/_registry_table.html" if request.htmx else "tenants/registry.html"
        return render(request, template, context)


class RegionDetailView(NationalView):
    def get(self, request, code):
        region = get_object_or_404(Region.objects.select_related("province", "cohort", "workspace"), code=code)
        domain = None
        if hasattr(region, "workspace"):
            domain = region.workspace.domains.filter(is_primary=True).first()
        # The apps' national figures of the region come as panels (``tenants.panels``).
        return render(request, "tenants/region_detail.html", {"region": region, "domain": domain})


class CohortListView(NationalView):
    def get(self, request):
        cohorts = selectors.cohorts_with_counts()
        return render(
            request,
            "tenants/cohort_list.html",
            {"cohorts": cohorts, "can_manage": rules.can_manage_cohorts(request.user)},
        )


class CohortCreateView(NationalView):
    rule = staticmethod(rules.can_manage_cohorts)

    def get(self, request):
        return render(request, "tenants/cohort_form.html", {"form": CohortForm()})

    def post(self, request):
        form = CohortForm(request.POST)
        if form.is_valid():
            try:
                cohort = services.create_cohort(
                    actor=request.user,
                    year=form.cleaned_data["year"],
                    mou_date=form.cleaned_data["mou_date"],
                    region_codes=form.cleaned_data["region_codes"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Angkatan %(year)s dibuat.") % {"year": cohort.year})
                return redirect("cohort-detail", year=cohort.year)
        return render(request, "tenants/cohort_form.html", {"form": form}, status=400)


class CohortDetailView(NationalView):
    def get(self, request, year):
        cohort = get_object_or_404(Cohort, year=year)
        return cohort_page(request, cohort, CohortAddRegionForm())


def cohort_page(request, cohort: Cohort, add_form: CohortAddRegionForm, status: int = 200):
    regions = cohort.regions.select_related("province", "workspace").order_by("code")
    can_manage = rules.can_manage_cohorts(request.user)
    return render(
        request,
        "tenants/cohort_detail.html",
        {
            "cohort": cohort,
            "regions": regions,
            "job": cohort.provisioning_jobs.first(),
            "missing": sum(1 for r in regions if not hasattr(r, "workspace")),
            "can_manage": can_manage,
            "add_form": add_form if can_manage else None,
        },
        status=status,
    )


class CohortAddRegionView(NationalView):
    """Add a region without a cohort to this one, then start provisioning its workspace."""

    rule = staticmethod(rules.can_manage_cohorts)

    def post(self, request, year):
        cohort = get_object_or_404(Cohort, year=year)
        form = CohortAddRegionForm(request.POST)
        if form.is_valid():
            try:
                region, job = services.add_region_to_cohort(
                    actor=request.user, cohort=cohort, region_code=form.cleaned_data["region"]
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                added = {"name": region.name, "year": cohort.year}
                if job is None:
                    messages.warning(
                        request,
                        _(
                            "%(name)s ditambahkan ke angkatan %(year)s. Penyiapan yang sedang berjalan tidak "
                            "mencakupnya: jalankan “Siapkan ruang kerja” lagi setelah selesai."
                        )
                        % added,
                    )
                else:
                    messages.success(
                        request, _("%(name)s ditambahkan ke angkatan %(year)s; ruang kerjanya disiapkan.") % added
                    )
                return redirect("cohort-detail", year=cohort.year)
        return cohort_page(request, cohort, form, status=400)


class CohortProvisionView(NationalView):
    rule = staticmethod(rules.can_manage_cohorts)

    def post(self, request, year):
        cohort = get_object_or_404(Cohort, year=year)
        try:
            services.start_provisioning(actor=request.user, cohort=cohort)
        except ValidationError as exc:
            flash_service_errors(request, exc, level=messages.WARNING)
        else:
            messages.success(request, _("Penyiapan ruang kerja dimulai."))
        return redirect("cohort-detail", year=cohort.year)


class ProvisioningJobView(NationalView):
    """Progress of a provisioning job; polled by htmx while it runs."""

    rule = staticmethod(rules.can_manage_cohorts)

    def get(self, request, pk):
        job = get_object_or_404(ProvisioningJob.objects.select_related("cohort"), pk=pk)
        response = render(request, "tenants/_job_progress.html", {"job": job})
        if request.htmx and job.status in (ProvisioningJob.Status.DONE, ProvisioningJob.Status.FAILED):
            response["HX-Refresh"] = "true"  # reload the cohort page once: its list is now stale
        return response
