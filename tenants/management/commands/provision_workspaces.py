"""Provision workspaces: ``--cohort 2018``, ``--region 35.74`` (repeatable) or ``--all``.

Each region without a workspace gets one, cloned from the template schema; regions that
already have one are left as they are. Unknown codes or cohorts stop the command before
anything is written.
"""

import statistics

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tenants.models import Cohort, Region, region_code_validator
from tenants.services import provision_regions


class Command(BaseCommand):
    help = "Create the workspaces (schemas + subdomains) of a cohort, of some regions, or of all 514."

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--cohort", type=int, help="cohort year, e.g. 2018")
        target.add_argument("--region", action="append", metavar="PP.RR", help="region code, e.g. 35.74 (repeatable)")
        target.add_argument("--all", action="store_true", help="all 514 kabupaten/kota")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, cohort=None, region=None, all=False, no_progress=False, **options):
        regions = self._regions(cohort, region, all)
        todo = [r for r in regions if not hasattr(r, "workspace")]
        self.stdout.write(f"{len(regions)} region(s) selected, {len(regions) - len(todo)} already have a workspace.")
        bar = tqdm(total=len(todo), unit="ws", disable=no_progress or not todo, file=self.stderr._out)

        def progress(region, result):
            bar.set_postfix_str(region.slug[:30])
            bar.update(1)

        results = provision_regions(regions=todo, on_progress=progress)
        bar.close()
        created = [r for r in results if r.created]
        if created:
            times = [r.seconds for r in created]
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {len(created)} workspace(s); median {statistics.median(times):.3f} s, "
                    f"max {max(times):.3f} s per workspace."
                )
            )
        else:
            self.stdout.write("Nothing to do.")

    def _regions(self, cohort_year, codes, everything):
        regions = Region.objects.select_related("workspace", "cohort").order_by("code")
        if everything:
            return list(regions)
        if cohort_year is not None:
            cohort = Cohort.objects.filter(year=cohort_year).first()
            if cohort is None:
                known = ", ".join(str(y) for y in Cohort.objects.values_list("year", flat=True)) or "none"
                raise CommandError(f"No cohort {cohort_year}. Known cohorts: {known}.")
            return list(regions.filter(cohort=cohort))
        malformed = []
        for code in codes:
            try:
                region_code_validator(code)
            except ValidationError:
                malformed.append(code)
        if malformed:
            raise CommandError(f"Not a region code of the form PP.RR (e.g. 35.74): {', '.join(malformed)}")
        found = list(regions.filter(code__in=codes))
        unknown = sorted(set(codes) - {r.code for r in found})
        if unknown:
            raise CommandError(f"Unknown region code(s): {', '.join(unknown)}. Nothing was provisioned.")
        return found
