"""Test fixtures: real PostgreSQL and Redis, tenants made once per session.

Schema creation is the slow part, so the test database gets, once per session, the region
registry, a 2018 cohort and two provisioned workspaces (Kota Probolinggo and Kota
Pasuruan) with one user per role. Each test then runs in a transaction that is rolled back
(``db`` fixture); tests that need committed data (a real Celery worker, a browser) clean
up after themselves.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

PASSWORD = "rahasia-uji-123"


@dataclass
class World:
    probolinggo: object  # Workspace of Kota Probolinggo (35.74)
    pasuruan: object  # Workspace of Kota Pasuruan (35.75)
    users: dict  # name -> User

    def host(self, workspace) -> str:
        return workspace.domains.get(is_primary=True).domain


def _build_world():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from platform.accounts.models import User
    from tenants.models import Cohort, Membership, Region, Workspace
    from tenants.services import load_regions, provision_regions

    load_regions()
    from programs.scheduling.services import seed_travel_times

    seed_travel_times()
    cohort, _ = Cohort.objects.get_or_create(year=2018, defaults={"mou_date": date(2018, 5, 8)})
    Region.objects.filter(code__in=["35.74", "35.75"]).update(cohort=cohort)
    provision_regions(regions=Region.objects.filter(code__in=["35.74", "35.75"]).select_related("cohort"))
    probolinggo = Workspace.objects.get(region_id="35.74")
    pasuruan = Workspace.objects.get(region_id="35.75")

    today = timezone.localdate()
    users = {}

    def user(name, **extra):
        u = User.objects.filter(email=f"{name}@example.id").first() or User.objects.create_user(
            email=f"{name}@example.id", password=PASSWORD, full_name=name.replace("_", " ").title(), **extra
        )
        users[name] = u
        return u

    def member(name, workspace, role, **extra):
        Membership.objects.get_or_create(user=user(name), workspace=workspace, defaults={"role": role, **extra})

    member("admin_probolinggo", probolinggo, Membership.Role.REGION_ADMIN)
    member("editor_probolinggo", probolinggo, Membership.Role.OPD_EDITOR)
    member("council_probolinggo", probolinggo, Membership.Role.COUNCIL)
    member("head_probolinggo", probolinggo, Membership.Role.REGIONAL_HEAD)
    member("viewer_probolinggo", probolinggo, Membership.Role.VIEWER)
    member(
        "facilitator_current",
        probolinggo,
        Membership.Role.FACILITATOR,
        valid_from=today - timedelta(days=30),
        valid_until=today + timedelta(days=30),
    )
    member(
        "facilitator_expired",
        probolinggo,
        Membership.Role.FACILITATOR,
        valid_from=today - timedelta(days=400),
        valid_until=today - timedelta(days=1),
    )
    member("admin_pasuruan", pasuruan, Membership.Role.REGION_ADMIN)
    user("ministry_admin", national_role=User.NationalRole.MINISTRY_ADMIN, is_staff=True)
    user("ministry_analyst", national_role=User.NationalRole.MINISTRY_ANALYST)
    for name in ("ministry_admin", "ministry_analyst"):  # ministry staff sign in with a second factor
        TOTPDevice.objects.get_or_create(user=users[name], defaults={"name": "authenticator", "confirmed": True})
    user("nobody")
    return World(probolinggo=probolinggo, pasuruan=pasuruan, users=users)


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """Create the test database (always: tests with committed data need it too) and the world."""
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
        cache.clear()
        _build_world()
    yield
    with django_db_blocker.unblock():
        teardown_databases(config, verbosity=0)


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    """Database access without a wrapping transaction, for a real worker or browser.

    The test must undo what it writes; the session's world is never flushed.
    """
    with django_db_blocker.unblock():
        yield
        connection.set_schema_to_public()


@pytest.fixture
def worker(committed_db):
    """A real Celery worker (a thread of this process, on the real Redis broker) running
    tasks in the schema they were sent from; the test's data must be committed."""
    from celery.contrib.testing.worker import start_worker

    from platform.celery import app

    app.conf.task_always_eager = False
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        yield


@pytest.fixture
def world(db) -> World:
    from platform.accounts.models import User
    from tenants.models import Workspace

    return World(
        probolinggo=Workspace.objects.get(region_id="35.74"),
        pasuruan=Workspace.objects.get(region_id="35.75"),
        users={u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@example.id")},
    )


@pytest.fixture(autouse=True)
def _public_schema_and_clean_cache():
    yield
    connection.set_schema_to_public()  # no query: only resets the search_path to set next
    cache.clear()


@pytest.fixture(autouse=True)
def _indonesian_between_tests():
    """Every request activates its own language, but the test client leaves the last one
    active in the thread: code a test calls directly after an English request would speak
    English. Each test starts, and ends, in the platform's language."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch):
    """``force_login`` of someone who needs a second factor (ministry staff) opens a verified
    session, as if the code had been entered (their authenticator is made if they have none):
    tests of everything else sign in once. tests/platform/test_two_factor.py tests the steps."""
    from django.test import Client

    original = Client._login

    def login(self, user, backend=None):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from platform.accounts.two_factor import requires_second_factor

        device = None
        if requires_second_factor(user):
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            device = device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        original(self, user, backend)
        if device is not None:
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "_login", login)


def pass_second_factor_in_browser(page, email: str) -> None:
    """After the password step in Chromium: enter a fresh recovery code of ``email`` when that
    person has a second factor (the database is asked from another thread: Django refuses
    queries in the thread of Playwright's event loop)."""
    from concurrent.futures import ThreadPoolExecutor

    def recovery_code():
        from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

        from platform.accounts.models import User
        from platform.accounts.two_factor import has_second_factor

        try:
            user = User.objects.get(email=email)
            if not has_second_factor(user):
                return None
            device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
            return device.token_set.create(token=StaticToken.random_token()).token
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        code = pool.submit(recovery_code).result()
    if code is not None:
        page.wait_for_url("**/accounts/two-factor/**")
        page.fill("input[name=code]", code)
        page.click("main button[type=submit]")


def sign_in_in_browser(page, base: str, email: str) -> None:
    """The sign-in form filled in Chromium, the second factor passed when ``email`` has one,
    and the page left once signed in."""
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, email)
    page.wait_for_url(lambda url: "/accounts/" not in url)


def watch_browser_problems(page) -> list[str]:
    """The uncaught script errors and 5xx answers ``page`` meets, collected as they happen."""
    problems = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    return problems


@pytest.fixture
def client_for(client):
    """``client_for(user)``: a test client signed in as ``user`` (or anonymous with None)."""
    from django.test import Client

    def make(user):
        c = Client()
        if user is not None:
            c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return c

    return make
