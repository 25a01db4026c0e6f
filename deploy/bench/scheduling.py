"""Facilitator scheduling: CP-SAT against the greedy baseline and the solver's own bound.

Usage: ``.venv/bin/python deploy/bench/scheduling.py [--scale demo|national|replan|all|weights] [--seed N]
[--weight balance=15 ...] [--seconds S]``. Pure computation (no database, no Redis); figures in
``RESULTS-scheduling.md``.
Each table is followed by the machine's load average (other work on the machine slows the solver).

- ``demo``: 50 regions × 4 stages, 30 facilitators, June–October 2018 (target: 0 hard
  violations in ≤ 30 s);
- ``national``: 514 regions × 4 stages, 150 facilitators, March–October 2026 (target ≤ 120 s);
- ``replan``: the demo plan, then its busiest facilitator drops out (unavailable for the whole
  window) and the rest is re-planned staying close (target ≤ 10 s; workshops moved);
- ``weights``: the demo cohort solved once per ``balance`` weight in ``BALANCES`` (the trade-off
  of a level workload against one lead per region and travel); ``--weight name=N`` instead sets
  a weight (``Weights`` field) for any other scale, ``--seconds`` the first plan's time limit.
"""

import argparse
import dataclasses
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "platform.settings.base")

import django  # noqa: E402

django.setup()

from programs.scheduling.solver import explain  # noqa: E402
from programs.scheduling.solver.checker import check  # noqa: E402
from programs.scheduling.solver.cpsat import solve  # noqa: E402
from programs.scheduling.solver.greedy import greedy  # noqa: E402
from programs.scheduling.solver.instance import Weights  # noqa: E402
from programs.scheduling.solver.synthetic import demo_instance, national_instance, replan_instance  # noqa: E402

FIGURES = (
    "spread",
    "max_load",
    "min_load",
    "travel_days",
    "extra_leads",
    "preferred_misses",
    "fridays",
    "back_to_back",
)
# 5 is the default; the demo plan's spread first falls between 20 and 30 (see RESULTS-scheduling.md)
BALANCES = (5, 10, 15, 20, 30)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def weighted(inst, weights: dict[str, int], seconds: float | None = None):
    """The instance with other weights and time limit (when given)."""
    if weights:
        inst = dataclasses.replace(inst, weights=dataclasses.replace(inst.weights, **weights))
    if seconds is not None:
        inst = dataclasses.replace(inst, time_limit_seconds=seconds)
    return inst


def score(inst, stats: dict, moved: int = 0) -> int:
    """The solver's weighted objective recomputed from a plan's figures (for the greedy plan)."""
    w = inst.weights
    total = w.same_lead * stats["extra_leads"] + w.balance * stats["spread"] + w.travel * stats["travel_days"]
    total += w.preference * stats["preferred_misses"] + w.friday * stats["fridays"]
    total += w.back_to_back * stats["back_to_back"] + (w.stay_close * moved if inst.replan else 0)
    return total


def row(name: str, inst, placements: dict, seconds: float, status: str, moved: int = 0) -> dict:
    stats = explain.stats(inst, placements)
    violations = len(check(inst, placements, require_all=True))
    out = {"plan": name, "status": status, "seconds": round(seconds, 1), "violations": violations}
    out |= {"placed": f"{len(placements)}/{len(inst.jobs)}", "score": score(inst, stats, moved)}
    return out | {k: stats[k] for k in FIGURES}


def show(rows: list[dict]):
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) for k in keys) + " |")


def compare(inst) -> dict:
    started = time.perf_counter()
    base = greedy(inst)
    rows = [row("greedy", inst, base.placements, time.perf_counter() - started, base.status)]
    solution = solve(inst)
    status = solution.status + (" (greedy start kept)" if solution.stats.get("from_greedy") else "")
    rows.append(row("CP-SAT", inst, solution.placements, solution.wall_seconds, status))
    show(rows)
    print(
        f"\nCP-SAT objective {solution.objective}, best bound {solution.bound}; model: "
        f"{solution.stats.get('variables')} variables, {solution.stats.get('pairs')} job pairs"
    )
    print(load())
    return {"solution": solution, "rows": rows}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=["demo", "national", "replan", "all", "weights"], default="demo")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--weight", action="append", default=[], help=f"name=N, one of {Weights()}")
    parser.add_argument("--seconds", type=float, help="time limit of the first plan (default: the scale's target)")
    args = parser.parse_args()
    weights = {name: int(value) for name, value in (item.split("=") for item in args.weight)}
    print(f"machine: {os.cpu_count()} cores; seed {args.seed}; {load()}")
    if args.scale == "weights":
        for balance in BALANCES:
            print(f"\n## demo with balance {balance} (same lead {Weights().same_lead}, travel {Weights().travel})\n")
            compare(weighted(demo_instance(seed=args.seed), weights | {"balance": balance}, args.seconds))
    if args.scale in ("demo", "replan", "all"):
        print("\n## demo: 50 regions × 4 stages, 30 facilitators, 1 Jun – 31 Oct 2018\n")
        inst = weighted(demo_instance(seed=args.seed), weights, args.seconds)
        first = compare(inst)["solution"]
    if args.scale in ("replan", "all"):
        led = first.stats["led"]
        busiest = max(led, key=led.get)
        print(f"\n## re-plan: facilitator {busiest} ({led[busiest]} workshops) drops out\n")
        again = replan_instance(inst, first.placements, drop=busiest)
        started = time.perf_counter()
        base = greedy(again)
        rows = [
            row("greedy", again, base.placements, time.perf_counter() - started, base.status),
        ]
        rows[0]["moved"] = explain.moved(first.placements, base.placements)
        solution = solve(again)
        moved = explain.moved(first.placements, solution.placements)
        rows.append(row("CP-SAT", again, solution.placements, solution.wall_seconds, solution.status, moved))
        rows[1]["moved"] = moved
        show(rows)
        print(f"\nCP-SAT objective {solution.objective}, best bound {solution.bound}")
        print(load())
        print("worse than before:", " ".join(explain.compare(first.stats, solution.stats)) or "-")
    if args.scale in ("national", "all"):
        print("\n## national: 514 regions × 4 stages, 150 facilitators, 1 Mar – 31 Oct 2026\n")
        compare(weighted(national_instance(seed=args.seed), weights, args.seconds))


if __name__ == "__main__":
    main()
