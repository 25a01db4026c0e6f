"""Run ``manage.py provision_workspaces --all`` in-process and record every workspace's time.

Usage (from the repository root, environment from deploy/bench/lib.sh)::

    .venv/bin/python deploy/bench/provision.py OUT.csv

The management command itself is run (``call_command("provision_workspaces", all=True)``);
``tenants.services.provision_workspace`` is wrapped only to note, in order, the
``ProvisionResult.seconds`` of each workspace. Writes one CSV row per workspace
(n, slug, seconds) and prints the median/p90/max per bucket of the schema count, so the
growth of the per-workspace time from 10 to 514 schemas can be read off.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module

import csv  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import django  # noqa: E402

BUCKETS = [(1, 10), (11, 50), (51, 100), (101, 200), (201, 300), (301, 400), (401, 500), (501, 514)]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def backend_cpu(pid):
    """CPU seconds used so far by a PostgreSQL backend (same host), or NaN if unreadable."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def main(out_csv):
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tenants import services

    rows = []
    original = services.provision_workspace

    def recording(*, region):
        connection.ensure_connection()
        backend = connection.connection.info.backend_pid
        db_cpu, own_cpu = backend_cpu(backend), time.process_time()
        result = original(region=region)
        if result.created:
            rows.append(
                (
                    len(rows) + 1,
                    region.slug,
                    result.seconds,
                    backend_cpu(backend) - db_cpu,
                    time.process_time() - own_cpu,
                    loadavg(),
                )
            )
        return result

    services.provision_workspace = recording
    started = time.perf_counter()
    call_command("provision_workspaces", all=True, no_progress=True)
    wall = time.perf_counter() - started
    services.provision_workspace = original

    with open(out_csv, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["n", "slug", "seconds", "db_cpu_seconds", "python_cpu_seconds", "loadavg_1min"])
        writer.writerows((n, slug, f"{s:.4f}", f"{d:.2f}", f"{c:.3f}", f"{la:.2f}") for n, slug, s, d, c, la in rows)

    times = [r[2] for r in rows]
    if not times:
        print("nothing provisioned")
        return 1
    print(f"\nworkspaces created: {len(times)}; command wall time (in-process): {wall:.1f} s")
    print(
        f"per workspace: median {statistics.median(times):.3f} s, mean {statistics.mean(times):.3f} s, "
        f"p90 {pct(times, 90):.3f} s, max {max(times):.3f} s, sum {sum(times):.1f} s"
    )
    print("\nDB CPU = CPU time of the PostgreSQL backend doing the work (10 ms ticks); wall time far above")
    print("DB CPU + Python CPU means the run was waiting (other load on the machine, locks).")
    print(
        "\n| workspaces | count | median s | p90 s | max s | median DB CPU s | median Python CPU s"
        " | mean load (1 min) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for lo, hi in BUCKETS:
        part = rows[lo - 1 : hi]
        if part:
            t = [r[2] for r in part]
            print(
                f"| {lo}–{min(hi, len(rows))} | {len(t)} | {statistics.median(t):.3f} | {pct(t, 90):.3f} | "
                f"{max(t):.3f} | {statistics.median(r[3] for r in part):.2f} | "
                f"{statistics.median(r[4] for r in part):.3f} | {statistics.mean(r[5] for r in part):.2f} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "provision.csv"))
