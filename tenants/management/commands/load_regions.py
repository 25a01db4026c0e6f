"""Load (or refresh) the registry of 38 provinces and 514 kabupaten/kota. Idempotent."""

from django.core.management.base import BaseCommand

from tenants.services import load_regions


class Command(BaseCommand):
    help = "Load the 38 provinces and 514 kabupaten/kota (Kemendagri codes) into the registry."

    def handle(self, *args, **options):
        result = load_regions()
        self.stdout.write(
            f"Provinces created: {result.provinces_created}; regions created: {result.regions_created}, "
            f"updated: {result.regions_updated}."
        )
