"""Rebuild every region snapshot from its workspace (not a request: it may loop over schemas)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from assessments.framework.services import recompute_ranks
from assessments.snapshots import refresh_region_snapshot
from tenants.models import Workspace


class Command(BaseCommand):
    help = "Recompute the region snapshots and masterplan figures of every workspace (or of --region PP.RR)."

    def add_arguments(self, parser):
        parser.add_argument("--region", help="Only this region (Kemendagri code, e.g. 35.74).")

    def handle(self, *args, region=None, **options):
        workspaces = Workspace.objects.filter(region__isnull=False, is_template=False).select_related("region")
        if region:
            workspaces = workspaces.filter(region_id=region)
            if not workspaces.exists():
                raise CommandError(f"No workspace for region {region}: give a Kemendagri code such as 35.74.")
        started, count, periods = time.monotonic(), 0, set()
        for workspace in workspaces.order_by("region_id"):
            with tenant_context(workspace):
                periods.update(refresh_region_snapshot(rerank=False)["periods"])
            count += 1
        # Ranks once per period, after every region is written.
        for key in sorted(periods):
            year, stage = (int(x) for x in key.split("-"))
            recompute_ranks(year=year, stage=stage)
        self.stdout.write(self.style.SUCCESS(f"{count} workspaces refreshed in {time.monotonic() - started:.1f} s."))
