"""Publishing a period's national ranking to every workspace (after a confirmation that
shows whom it covers), or withdrawing it (ministry admins)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.framework import publication_selectors, selectors, services
from assessments.framework.views.base import AdminView
from platform.forms import flash_service_errors


class RankingPublishView(AdminView):
    """A first POST shows the confirmation (regions ranked, unranked, without a cycle); only
    a POST with ``confirm=1`` publishes. Withdrawing takes effect at once."""

    def post(self, request):
        period = selectors.Period.parse(request.POST.get("period"))
        if period is None:
            messages.error(request, _("Periode tidak dikenal."))
            return redirect("assessment-ranking")
        back = f"{reverse('assessment-ranking')}?period={period.key}"
        if request.POST.get("action") == "withdraw":
            services.withdraw_ranking(actor=request.user, year=period.year, stage=period.stage)
            messages.success(
                request, _("Peringkat %(period)s ditarik: daerah tidak lagi melihatnya.") % {"period": period.label}
            )
            return redirect(back)
        if request.POST.get("confirm") != "1":
            coverage = publication_selectors.coverage(year=period.year, stage=period.stage)
            return render(
                request,
                "framework/ranking_publish_confirm.html",
                {"period": period, "coverage": coverage, "back": back},
            )
        try:
            services.publish_ranking(actor=request.user, year=period.year, stage=period.stage)
        except ValidationError as exc:
            flash_service_errors(request, exc)
        else:
            messages.success(
                request,
                _("Peringkat %(period)s diterbitkan: anggota setiap ruang kerja dapat membacanya.")
                % {"period": period.label},
            )
        return redirect(back)
