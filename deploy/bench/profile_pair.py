"""Where a workspace request spends time that the same request on the apex does not.

Usage (from the repository root, environment from deploy/bench/lib.sh)::

    .venv/bin/python deploy/bench/profile_pair.py [PATH] [N]

Profiles N (default 500) in-process requests of PATH (default the password change form,
the same view on both hosts) on the apex and on the workspace host with cProfile, signed
in as the bench member, and prints the functions whose own time differs most between
the two, plus the time spent waiting on PostgreSQL and Redis on each host. Then, without
the profiler, times the apex, the workspace, and the workspace with the membership gate's
lookup answered from memory (replaced in this process only, no product code changed):
the difference between the last two is what the gate's query costs.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module

import cProfile  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402

import throughput  # noqa: E402  (deploy/bench/throughput.py: the bench user)


def label(func):
    filename, line, name = func
    for marker in ("site-packages/", "lib/python3.12/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    if filename.startswith(ROOT):
        filename = filename[len(ROOT) + 1 :]
    return f"{filename}:{line}({name})"


def profile(client, host, path, n):
    for _ in range(5):
        assert client.get(path, HTTP_HOST=host).status_code == 200
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(n):
        client.get(path, HTTP_HOST=host)
    profiler.disable()
    wall = (time.perf_counter() - started) / n * 1000
    stats = pstats.Stats(profiler).stats  # func -> (cc, nc, tottime, cumtime, callers)
    return wall, {label(f): (v[1] / n, v[2] / n * 1000, v[3] / n * 1000) for f, v in stats.items()}


def waits(stats):
    """Per-request ms inside the database driver's execute and the Redis client's command."""
    db = sum(t for name, (_, t, _) in stats.items() if "psycopg/cursor.py" in name and "execute" in name)
    db += sum(c for name, (_, _, c) in stats.items() if name.endswith("(wait)") and "psycopg" in name)
    redis = sum(c for name, (_, _, c) in stats.items() if "redis/client.py" in name and "(execute_command)" in name)
    return db, redis


def main(path, n):
    apex, ws_host, _ = throughput.setup_user(os.environ.get("BENCH_WORKSPACE", "35.74"))
    from django.test import Client

    from platform.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=throughput.EMAIL))
    apex_ms, apex_stats = profile(client, apex, path, n)
    ws_ms, ws_stats = profile(client, ws_host, path, n)
    print(f"\n{path}, {n} requests each, under cProfile (times inflated by the profiler):")
    print(f"  apex      {apex_ms:.2f} ms/request")
    print(f"  workspace {ws_ms:.2f} ms/request  ({ws_ms - apex_ms:+.2f} ms)")
    for host, stats in (("apex", apex_stats), ("workspace", ws_stats)):
        db, redis = waits(stats)
        print(f"  {host:<9} in the PostgreSQL driver {db:.2f} ms, in the Redis client {redis:.2f} ms per request")

    names = set(apex_stats) | set(ws_stats)
    rows = []
    for name in names:
        a = apex_stats.get(name, (0, 0, 0))
        w = ws_stats.get(name, (0, 0, 0))
        rows.append((w[1] - a[1], w[2] - a[2], a[0], w[0], name))
    print("\nOwn time, workspace minus apex, per request (top 20 by difference):")
    print(f"{'own ms':>8} {'cum ms':>8} {'calls apex':>10} {'calls ws':>9}  function")
    for own, cum, ca, cw, name in sorted(rows, key=lambda r: -abs(r[0]))[:20]:
        print(f"{own:+8.3f} {cum:+8.3f} {ca:10.1f} {cw:9.1f}  {name}")
    print("\nFunctions called only on the workspace host (cumulative ms per request, top 15):")
    only = [(ws_stats[nm][2], ws_stats[nm][0], nm) for nm in names if nm not in apex_stats]
    for cum, calls, name in sorted(only, reverse=True)[:15]:
        print(f"{cum:8.3f} ms {calls:5.1f} calls  {name}")
    ablation(client, apex, ws_host, path, n)
    return 0


def ablation(client, apex, ws_host, path, n):
    """Without the profiler: apex, workspace, and workspace with the membership gate's
    lookup answered from memory (``tenants.middleware.workspace_access`` replaced in this
    process only), requests interleaved so other load falls on all three alike."""
    import statistics

    from tenants import middleware

    real = middleware.workspace_access
    remembered = {}

    def from_memory(*, user, workspace):
        key = (user.pk, workspace.pk)
        if key not in remembered:
            remembered[key] = real(user=user, workspace=workspace)
        return remembered[key]

    variants = [
        ("apex", apex, real),
        ("workspace", ws_host, real),
        ("workspace, access from memory", ws_host, from_memory),
    ]
    times = {name: [] for name, _, _ in variants}
    try:
        for _ in range(n):
            for name, host, gate in variants:
                middleware.workspace_access = gate
                started = time.perf_counter()
                response = client.get(path, HTTP_HOST=host)
                times[name].append(time.perf_counter() - started)
                assert response.status_code == 200
    finally:
        middleware.workspace_access = real
    base = statistics.median(times["apex"])
    print(f"\nWithout the profiler, {n} interleaved requests each (median, fastest; ratio = apex time / this time):")
    for name, _, _ in variants:
        median = statistics.median(times[name])
        print(f"  {name:<30} {median * 1000:6.2f} ms  {min(times[name]) * 1000:6.2f} ms  {base / median * 100:4.0f} %")


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(args[0] if args else "/accounts/password_change/", int(args[1]) if len(args) > 1 else 500))
