"""Demo data for the local stack: two cohorts, their workspaces, one user per role, and each
app's demo content (the masterplan of Kota Probolinggo, frameworks and assessments, the
facilitator registry and the 2018 cohort's Bimtek plan with one conflict left to fix).

Idempotent: running it again changes nothing and prints the same logins.
"""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from assessments.demo import seed_demo_assessments
from deploy.demo.two_factor import DEMO_TOTP_SECRET, give_demo_authenticator
from platform.accounts.models import User
from programs.demo import seed_masterplan_demo
from programs.scheduling.demo import EXPERTS, OFFICIALS, PLAN_NAME, seed_scheduling_demo
from showcase.demo import seed_showcase_demo
from showcase.regional.demo import seed_regional_showcase_demo
from tenants.models import Cohort, Membership, Region, Workspace
from tenants.services import load_regions, provision_regions, workspace_domain

PASSWORD = "smartcity100"

COHORTS = {
    2018: (date(2018, 5, 8), ["35.74", "35.75", "35.13", "33.72", "51.71"]),
    2022: (date(2022, 4, 21), ["35.78", "64.72", "73.71"]),
}

NATIONAL_USERS = [
    ("admin@kominfo.go.id", "Admin Kementerian", User.NationalRole.MINISTRY_ADMIN),
    ("analis@kominfo.go.id", "Analis Kementerian", User.NationalRole.MINISTRY_ANALYST),
]

# (e-mail, name, region code, role, valid_until)
MEMBERS = [
    ("diskominfo@probolinggokota.go.id", "Admin Diskominfo Probolinggo", "35.74", Membership.Role.REGION_ADMIN, None),
    ("bappeda@probolinggokota.go.id", "Editor Bappeda Probolinggo", "35.74", Membership.Role.OPD_EDITOR, None),
    ("dewan@probolinggokota.go.id", "Dewan Smart City Probolinggo", "35.74", Membership.Role.COUNCIL, None),
    ("walikota@probolinggokota.go.id", "Wali Kota Probolinggo", "35.74", Membership.Role.REGIONAL_HEAD, None),
    ("pembaca@probolinggokota.go.id", "Pembaca Probolinggo", "35.74", Membership.Role.VIEWER, None),
    ("diskominfo@pasuruankota.go.id", "Admin Diskominfo Pasuruan", "35.75", Membership.Role.REGION_ADMIN, None),
    ("fasilitator@ugm.ac.id", "Fasilitator UGM", "35.74", Membership.Role.FACILITATOR, date(2030, 12, 31)),
    ("fasilitator@ugm.ac.id", "Fasilitator UGM", "35.75", Membership.Role.FACILITATOR, date(2030, 12, 31)),
    (
        "mantan.fasilitator@ui.ac.id",
        "Fasilitator UI (penugasan berakhir)",
        "35.74",
        Membership.Role.FACILITATOR,
        date(2022, 12, 31),
    ),
]


class Command(BaseCommand):
    help = "Create demo cohorts, workspaces and users (one per role). Safe to run again."

    def handle(self, *args, **options):
        load_regions()
        with transaction.atomic():
            for year, (mou, codes) in COHORTS.items():
                cohort, _ = Cohort.objects.get_or_create(year=year, defaults={"mou_date": mou})
                Region.objects.filter(code__in=codes, cohort__isnull=True).update(cohort=cohort)
        codes = [c for _, cs in COHORTS.values() for c in cs]
        provision_regions(regions=Region.objects.filter(code__in=codes).select_related("cohort").order_by("code"))
        with transaction.atomic():
            for email, name, role in NATIONAL_USERS:
                self._user(
                    email,
                    name,
                    national_role=role,
                    is_staff=role == User.NationalRole.MINISTRY_ADMIN,
                    is_superuser=role == User.NationalRole.MINISTRY_ADMIN,
                )
                give_demo_authenticator(User.objects.get(email=email))
            for email, name, code, role, until in MEMBERS:
                user = self._user(email, name)
                workspace = Workspace.objects.get(region_id=code)
                Membership.objects.get_or_create(
                    user=user,
                    workspace=workspace,
                    defaults={"role": role, "valid_until": until, "valid_from": date(2018, 1, 1) if until else None},
                )
        seed_masterplan_demo(
            workspace=Workspace.objects.get(region_id="35.74"),
            admin=User.objects.get(email="diskominfo@probolinggokota.go.id"),
            editor=User.objects.get(email="bappeda@probolinggokota.go.id"),
        )
        seed_demo_assessments()
        seed_scheduling_demo(admin=User.objects.get(email="admin@kominfo.go.id"))
        seed_showcase_demo(admin=User.objects.get(email="admin@kominfo.go.id"))
        seed_regional_showcase_demo()
        self._print_logins()

    def _user(self, email, name, **extra):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=PASSWORD, full_name=name, **extra)
        return user

    def _print_logins(self):
        port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT else ""
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Smart City 100 demo"))
        self.stdout.write(f"  National layer:  http://{settings.BASE_DOMAIN}{port}/")
        for region in Region.objects.filter(workspace__isnull=False).order_by("code"):
            self.stdout.write(f"  {region.name:<28} http://{workspace_domain(region)}{port}/")
        self.stdout.write(f"  Demo logins (password for all: {PASSWORD}):")
        for email, _, role in NATIONAL_USERS:
            self.stdout.write(f"    {email:<36} {role.label}")
        self.stdout.write(f"    ministry logins: second factor, authenticator secret {DEMO_TOTP_SECRET}")
        self.stdout.write(f"      (add it to an authenticator app, or: oathtool --totp -b {DEMO_TOTP_SECRET})")
        for email, _, code, role, until in MEMBERS:
            note = f" until {until:%d-%m-%Y}" if until else ""
            self.stdout.write(f"    {email:<36} {role.label} – {code}{note}")
        self.stdout.write(f"  Facilitator registry and the plan '{PLAN_NAME}' (national site, Jadwal Bimtek):")
        for email, name, *_ in EXPERTS[1:3] + OFFICIALS[:1]:
            self.stdout.write(f"    {email:<36} {name}")
