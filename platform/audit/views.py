"""The audit log page of the apex (ministry admins): filters, 50 rows a page, newest first,
and the filtered rows as CSV."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from platform import exports
from platform.audit import rules, selectors
from platform.audit.forms import AuditFilterForm
from tenants.views_national import NationalView


class AuditLogView(NationalView):
    rule = staticmethod(rules.can_view_audit_log)
    page_size = 50

    def get(self, request):
        form = AuditFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        rows = selectors.audit_events(
            action=filters.get("action", ""),
            workspace=filters.get("workspace", ""),
            actor=filters.get("actor", ""),
            since=filters.get("since"),
            until=filters.get("until"),
            ip=filters.get("ip") or "",
        )
        if request.GET.get("format") == "csv":
            return self.export(rows)
        page = Paginator(rows, self.page_size).get_page(request.GET.get("page"))
        query = request.GET.copy()
        for key in ("format", "page"):
            query.pop(key, None)
        return render(request, "audit/log.html", {"form": form, "page": page, "query": query.urlencode()})

    @staticmethod
    def export(rows):
        header = [
            _("Waktu"),
            _("Tindakan"),
            _("Kode tindakan"),
            _("E-mail pelaku"),
            _("Alamat IP"),
            _("Kode wilayah"),
            _("Ruang kerja"),
            _("Objek"),
            _("Rincian"),
        ]
        table = [
            [
                timezone.localtime(e.at).isoformat(timespec="seconds"),
                e.get_action_display(),
                e.action,
                e.actor_email,
                e.ip,
                e.workspace.region_id if e.workspace else "",
                str(e.workspace) if e.workspace else "",
                e.target,
                _details_text(e.details),
            ]
            for e in rows
        ]
        return exports.table_response(filename="log-audit", header=header, rows=table, fmt="csv")


def _details_text(details: dict) -> str:
    return "; ".join(f"{key}: {value}" for key, value in sorted(details.items()))
