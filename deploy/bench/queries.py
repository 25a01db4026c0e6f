"""SQL statements per request, workspace host vs apex host, with a warm cache.

Usage (from the repository root, environment from deploy/bench/lib.sh)::

    .venv/bin/python deploy/bench/queries.py [--sql]

Uses Django's test client in-process (no HTTP, no gunicorn) on the bench database, signed
in as the bench member of throughput.py. Each page is requested twice to warm the caches
(host → workspace lookup, cached session of that schema), then once more under
``CaptureQueriesContext``; prints the count and, with ``--sql``, the statements. Also
times ``N`` (default 300) in-process requests per page, alternating the apex and the
workspace page of a pair: the server-side cost without HTTP, gunicorn or wrk.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module

import statistics  # noqa: E402
import time  # noqa: E402

import throughput  # noqa: E402  (deploy/bench/throughput.py: the bench user)


def main(show_sql):
    apex, ws_host, region_name = throughput.setup_user(os.environ.get("BENCH_WORKSPACE", "35.74"))
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from platform.accounts.models import User

    user = User.objects.get(email=throughput.EMAIL)
    client = Client()
    client.force_login(user)
    anonymous = Client()

    pages = [
        ("password change form", "apex", apex, "/accounts/password_change/", client),
        ("password change form", "workspace", ws_host, "/accounts/password_change/", client),
        ("home", "apex", apex, "/", client),
        ("home", "workspace", ws_host, "/", client),
        ("/health/ (anonymous)", "apex", apex, "/health/", anonymous),
        ("/health/ (anonymous)", "workspace", ws_host, "/health/", anonymous),
    ]
    n = int(os.environ.get("N", "300"))
    rows = []
    for page, kind, host, path, c in pages:
        for _ in range(2):
            response = c.get(path, HTTP_HOST=host)
            assert response.status_code == 200, (host, path, response.status_code)
        with CaptureQueriesContext(connection) as ctx:
            response = c.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (host, path, response.status_code)
        statements = [q["sql"] for q in ctx.captured_queries]
        set_path = sum(1 for s in statements if s.startswith("SET search_path"))
        rows.append([page, kind, host, path, len(statements), set_path, None, statements, c])

    # Timing: apex and workspace requests of a pair alternate, so that load from other
    # processes falls on both alike; median of n each.
    for i in range(0, len(rows), 2):
        times = ([], [])
        for _ in range(n):
            for j in (0, 1):
                _, _, host, path = rows[i + j][:4]
                started = time.perf_counter()
                rows[i + j][8].get(path, HTTP_HOST=host)
                times[j].append(time.perf_counter() - started)
        for j in (0, 1):
            rows[i + j][6] = (statistics.median(times[j]) * 1000, min(times[j]) * 1000)

    print(f"\nin-process time: {n} requests per page, alternating apex and workspace; median and fastest")
    print("\n| page | host | statements | of which SET search_path | other queries | median ms | fastest ms |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for page, kind, host, path, count, set_path, (median_ms, min_ms), _, _ in rows:
        print(
            f"| {page} | {kind} `{host}{path}` | {count} | {set_path} | {count - set_path} | "
            f"{median_ms:.2f} | {min_ms:.2f} |"
        )
    print()
    for i in range(0, len(rows), 2):
        apex_row, ws_row = rows[i], rows[i + 1]
        print(
            f"{apex_row[0]}: workspace page has {ws_row[4] - apex_row[4]:+d} statement(s) vs apex; "
            f"median in-process time {ws_row[6][0] - apex_row[6][0]:+.2f} ms "
            f"(apex / workspace time = {apex_row[6][0] / ws_row[6][0] * 100:.0f} %)"
        )
    if show_sql:
        for _page, kind, host, path, count, _, _, statements, _ in rows:
            print(f"\n--- {kind} {host}{path}: {count} statements")
            for s in statements:
                print("   ", s if len(s) < 220 else s[:217] + "...")
    return 0


if __name__ == "__main__":
    sys.exit(main("--sql" in sys.argv[1:]))
