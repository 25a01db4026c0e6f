"""Masterplan pages with 300 programs: p50/p95 server time and queries per page.

Usage (from the repository root, PostgreSQL and Redis of deploy/dev.sh running)::

    eval "$(deploy/dev.sh env test)"; .venv/bin/python deploy/bench/masterplan.py

It works in a database of its own (``BENCH_MASTERPLAN_DB``, default ``bench_masterplan``,
created and dropped here; the demo and test databases are never touched) and Redis
databases of its own (``BENCH_REDIS_CACHE_DB`` 7, ``BENCH_REDIS_BROKER_DB`` 8):

1. migrates, loads the region registry and provisions Kota Probolinggo's workspace;
2. fills its masterplan with ``PROGRAMS`` programs (default 300), each with 5 indicators,
   3 funding rows and 4 milestones (quick wins: 3 risks), over 12 OPDs;
3. requests each page ``REQUESTS`` times (default 200, after 20 warm-up requests) through
   the whole Django stack (middleware, both gates, views, templates) in this process, and
   prints p50 / p95 / max in milliseconds and the number of SQL queries per request.

"Server time" here is the time Django takes to answer, without network or a WSGI server.
"""

import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module

os.environ["DJANGO_SETTINGS_MODULE"] = "platform.settings.test"
os.environ["TEST_DATABASE_NAME"] = os.environ.get("BENCH_MASTERPLAN_DB", "bench_masterplan")
os.environ["TEST_REDIS_CACHE_DB"] = os.environ.get("BENCH_REDIS_CACHE_DB", "7")
os.environ["TEST_REDIS_BROKER_DB"] = os.environ.get("BENCH_REDIS_BROKER_DB", "8")

import django  # noqa: E402

PROGRAMS = int(os.environ.get("PROGRAMS", "300"))
REQUESTS = int(os.environ.get("REQUESTS", "200"))
WARMUP = 20
HOST = "kota-probolinggo.sc100.test"
PAGES = [
    ("program list (page 1 of 50 rows)", "/program/"),
    ("program list, filtered (quick wins)", "/program/?quick_win=1"),
    ("dimension page (economy, 50 programs)", "/masterplan/dimensi/economy/"),
    ("Buku II with the roadmap of all programs", "/masterplan/buku-2/"),
    ("API program list (50, nested rows)", "/api/v1/programs/"),
]


def build_world():
    from datetime import date

    from platform.accounts.models import User
    from tenants.models import Cohort, Membership, Region, Workspace
    from tenants.services import load_regions, provision_regions

    load_regions()
    cohort, _ = Cohort.objects.get_or_create(year=2018, defaults={"mou_date": date(2018, 5, 8)})
    Region.objects.filter(code="35.74").update(cohort=cohort)
    provision_regions(regions=Region.objects.filter(code="35.74").select_related("cohort"))
    workspace = Workspace.objects.get(region_id="35.74")
    user = User.objects.create_user(email="bench@example.id", password="bench-password-1", full_name="Bench")
    Membership.objects.create(user=user, workspace=workspace, role=Membership.Role.VIEWER)
    return workspace, user


def fill_masterplan(workspace, programs: int) -> None:
    from decimal import Decimal

    from django.db import connection

    from programs.models import Dimension, Funding, FundingSource, Indicator, Milestone, Opd, Program, Risk

    connection.set_tenant(workspace)
    opds = Opd.objects.bulk_create([Opd(acronym=f"OPD{i:02}", name=f"Dinas {i}") for i in range(12)])
    dims = list(Dimension.objects.prefetch_related("sub_dimensions"))
    sources = list(FundingSource.objects.order_by("order"))[:3]
    horizons = ["short", "medium", "long"]
    rows = []
    for i in range(programs):
        d = dims[i % 6]
        start = 2025 + (i % 3) * 2
        rows.append(
            Program(
                title=f"Program inovasi {i:03}",
                dimension=d,
                sub_dimension=d.sub_dimensions.all()[i % 3],
                lead_opd=opds[i % 12],
                horizon=horizons[i % 3],
                start_year=start,
                end_year=start + 1 + i % 4,
                is_quick_win=i % 10 == 0,
                goals="Tujuan program",
                targets="Sasaran program",
            )
        )
    created = Program.objects.bulk_create(rows)
    Indicator.objects.bulk_create(
        [
            Indicator(program=p, name=f"Indikator {k}", unit="%", baseline=Decimal(10), targets={"2026": "50"}, order=k)
            for p in created
            for k in range(5)
        ]
    )
    Funding.objects.bulk_create(
        [Funding(program=p, source=s, year=p.start_year, amount=Decimal("125000000")) for p in created for s in sources]
    )
    Milestone.objects.bulk_create(
        [
            Milestone(program=p, title=f"Tahap {k}", year=p.start_year, quarter=k + 1, progress=25 * k)
            for p in created
            for k in range(4)
        ]
    )
    Risk.objects.bulk_create(
        [
            Risk(program=p, description=f"Risiko {k}", likelihood=k + 1, impact=5 - k, owner="OPD")
            for p in created
            if p.is_quick_win
            for k in range(3)
        ]
    )
    connection.set_schema_to_public()


def measure(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARMUP):
        assert client.get(path, HTTP_HOST=HOST).status_code == 200, path
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(path, HTTP_HOST=HOST)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(path, HTTP_HOST=HOST)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    return statistics.median(timings), p95, timings[-1], len(queries.captured_queries)


def main():
    django.setup()
    from django.test import Client
    from django.test.utils import setup_databases, teardown_databases

    config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
    try:
        workspace, user = build_world()
        started = time.perf_counter()
        fill_masterplan(workspace, PROGRAMS)
        seconds = time.perf_counter() - started
        print(f"{PROGRAMS} programs (5 indicators, 3 funding rows, 4 milestones each) written in {seconds:.1f} s")
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        print(f"{'page':<44} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}")
        for label, path in PAGES:
            p50, p95, worst, queries = measure(client, path)
            print(f"{label:<44} {p50:8.1f} {p95:8.1f} {worst:8.1f} {queries:8d}")
    finally:
        from django.db import connection

        connection.set_schema_to_public()
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
