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


def main(out_csv):
    django.setup()
    from django.core.management import call_command

    from tenants import services

    rows = []
    original = services.provision_workspace

    def recording(*, region):
        result = original(region=region)
        if result.created:
            rows.append((len(rows) + 1, region.slug, result.seconds))
        return result

    services.provision_workspace = recording
    started = time.perf_counter()
    call_command("provision_workspaces", all=True, no_progress=True)
    wall = time.perf_counter() - started
    services.provision_workspace = original

    with open(out_csv, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["n", "slug", "seconds"])
        writer.writerows((n, slug, f"{s:.4f}") for n, slug, s in rows)

    times = [s for _, _, s in rows]
    if not times:
        print("nothing provisioned")
        return 1
    print(f"\nworkspaces created: {len(times)}; command wall time (in-process): {wall:.1f} s")
    print(f"per workspace: median {statistics.median(times):.3f} s, mean {statistics.mean(times):.3f} s, "
          f"p90 {pct(times, 90):.3f} s, max {max(times):.3f} s, sum {sum(times):.1f} s")
    print("\n| workspaces | count | median s | p90 s | max s |")
    print("|---|---:|---:|---:|---:|")
    for lo, hi in BUCKETS:
        part = times[lo - 1 : hi]
        if part:
            print(f"| {lo}–{min(hi, len(times))} | {len(part)} | {statistics.median(part):.3f} | "
                  f"{pct(part, 90):.3f} | {max(part):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "provision.csv"))
