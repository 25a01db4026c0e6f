"""Showcase decks: 50 regions' decks (PPTX + PDF) built by the demo stack's worker, and the
combined PDF of 50 ("semua deck").

Usage (from the repository root, PostgreSQL and Redis of deploy/dev.sh running)::

    eval "$(deploy/dev.sh env test)"; .venv/bin/python deploy/bench/showcase_decks.py

It works in a database of its own (``BENCH_DECKS_DB``, default ``bench_showcase_decks``,
created and dropped here) and Redis databases of its own (``BENCH_REDIS_CACHE_DB`` 30,
``BENCH_REDIS_BROKER_DB`` 31):

1. loads the region registry, puts ``REGIONS`` regions (default 50) in the 2018 cohort, makes
   their showcase with a published agenda (sessions per island) and records each region's
   submission (3 featured quick wins, six dimensions, a roadmap of 12 programs, an index with
   a trend of 4 periods, a logo);
2. starts the worker exactly as ``deploy/dev.sh up`` does (``celery -A platform worker
   --concurrency 2``) on that database, waits until it answers;
3. asks for every region's deck at once and measures the wall time until the last is done,
   and each job's own time (started → finished);
4. asks for "semua deck" with every deck up to date: the ZIP and the combined PDF of 50;
5. changes the template (every deck is stale) and asks for "semua deck" again: the one job
   builds all 50 decks itself, then the ZIP and the combined PDF.
"""

import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module
os.environ["DJANGO_SETTINGS_MODULE"] = "platform.settings.test"
os.environ["TEST_DATABASE_NAME"] = os.environ.get("BENCH_DECKS_DB", "bench_showcase_decks")
os.environ["TEST_REDIS_CACHE_DB"] = os.environ.get("BENCH_REDIS_CACHE_DB", "30")
os.environ["TEST_REDIS_BROKER_DB"] = os.environ.get("BENCH_REDIS_BROKER_DB", "31")

REGIONS = int(os.environ.get("REGIONS", "50"))
TIMEOUT = int(os.environ.get("BENCH_TIMEOUT", "900"))


def profile(code: str, name: str, province: str, n: int) -> dict:
    dimensions = ["governance", "branding", "economy", "living", "society", "environment"]
    labels = {d: f"Smart {d.title()}" for d in dimensions}
    quick_wins = [
        {
            "title": f"Quick win {k + 1} {name}",
            "dimension": {"code": dimensions[k], "label": labels[dimensions[k]]},
            "sub_dimension": "Layanan publik",
            "targets": "90% layanan daring pada 2027",
            "indicators": [
                {"name": f"Indikator {i + 1}", "unit": "%", "baseline": "40", "targets": [[2026, "70"], [2027, "90"]]}
                for i in range(3)
            ],
            "budget": f"{(n + 1) * (k + 1) * 125_000_000}.00",
            "funding": [{"source": "APBD", "amount": f"{(n + 1) * (k + 1) * 125_000_000}.00"}],
            "lead_opd": {"acronym": "DISKOMINFO", "name": "Dinas Komunikasi dan Informatika"},
            "start_year": 2025,
            "end_year": 2027,
        }
        for k in range(3)
    ]
    programs = [
        {
            "title": f"Program {p + 1}",
            "dimension": dimensions[p % 6],
            "horizon": ["short", "medium", "long"][p % 3],
            "start_year": 2025 + p % 3,
            "end_year": 2027 + p % 5,
            "is_quick_win": p < 3,
        }
        for p in range(12)
    ]
    return {
        "region": {"code": code, "name": name, "province": province},
        "presenter": {"name": f"Kepala Daerah {name}", "title": "Wali Kota"},
        "pitch": "Paparan singkat.",
        "vision": f"{name} yang cerdas, hijau dan melayani",
        "quick_wins": quick_wins,
        "dimensions": [
            {"code": d, "label": labels[d], "programs": 2, "quick_wins": 1, "budget": "500000000.00"}
            for d in dimensions
        ],
        "roadmap": {"dimensions": [{"code": d, "label": labels[d]} for d in dimensions], "programs": programs},
        "budget": {"by_source": [{"source": "APBD", "amount": "3000000000.00"}], "total": "3000000000.00"},
        "index": {
            "latest": {"label": "2021 Tahap II", "value": f"{2 + n % 100 / 100:.2f}", "rank": n + 1},
            "trend": [
                {"year": 2018 + y, "stage": 2, "label": f"{2018 + y} Tahap II", "value": f"{2 + y / 4:.2f}"}
                for y in range(4)
            ],
            "scale_max": "4",
        },
    }


def build_world():
    import io
    from datetime import date, datetime, timedelta
    from datetime import time as clock

    from django.utils import timezone
    from PIL import Image as PILImage

    from showcase import services as showcase_services
    from showcase.profiles.services import Image, record_submission
    from showcase.profiles.signals import submission_changed
    from tenants.access import SYSTEM
    from tenants.models import Cohort, Region
    from tenants.services import load_regions

    load_regions()
    cohort, _ = Cohort.objects.get_or_create(year=2018, defaults={"mou_date": date(2018, 5, 8)})
    regions = list(Region.objects.filter(kind=Region.Kind.KOTA).select_related("province").order_by("code")[:REGIONS])
    Region.objects.filter(code__in=[r.code for r in regions]).update(cohort=cohort)
    showcase = showcase_services.create_showcase(
        actor=SYSTEM,
        cohort=cohort,
        stage_names=["Panggung Utama", "Ruang Garuda"],
        name="Showcase Bench 2018",
        slug="bench-2018",
        venue="Balai Kartini, Jakarta",
        starts_on=date(2018, 11, 27),
        ends_on=date(2018, 11, 28),
        day_starts_at=clock(8, 0),
        day_ends_at=clock(17, 0),
        submission_deadline=datetime(2018, 11, 16, 17, 0, tzinfo=timezone.get_current_timezone()),
    )
    version = showcase_services.rebuild_agenda(actor=SYSTEM, showcase=showcase)
    showcase_services.publish_version(actor=SYSTEM, showcase=showcase, number=version.number)
    buffer = io.BytesIO()
    PILImage.new("RGB", (200, 200), (11, 92, 171)).save(buffer, "PNG")
    # Submissions are recorded without the automatic rebuild: the benchmark asks for the decks itself.
    submission_changed.disconnect(dispatch_uid="showcase_decks_rebuild")
    for n, region in enumerate(regions):
        data = profile(region.code, region.name, region.province.name, n)
        record_submission(
            showcase_id=showcase.pk,
            region_code=region.code,
            presenter_name=data["presenter"]["name"],
            presenter_title="Wali Kota",
            pitch=data["pitch"],
            vision=data["vision"],
            data=data,
            missing=["photos"],
            logo=Image(buffer.getvalue(), "png"),
            photos=[],
            data_taken_at=timezone.now() - timedelta(hours=1),
            submitted_at=timezone.now() - timedelta(hours=1),
        )
    return showcase, [r.code for r in regions]


def start_worker(database_url: str) -> subprocess.Popen:
    from platform.celery import app

    env = {**os.environ, "DATABASE_URL": database_url}
    os.makedirs(os.path.join(ROOT, ".run", "bench"), exist_ok=True)
    log = open(os.path.join(ROOT, ".run", "bench", "showcase-decks-worker.log"), "w")  # noqa: SIM115
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "platform", "worker", "-l", "info", "--concurrency", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=1):
        if time.monotonic() > deadline or worker.poll() is not None:
            worker.kill()
            raise RuntimeError("the worker did not start")
    return worker


def wait_done(builds, what: str):
    from showcase.decks.models import DeckBuild

    ids = [b.pk for b in builds]
    deadline = time.monotonic() + TIMEOUT
    while True:
        rows = list(DeckBuild.objects.filter(pk__in=ids))
        if all(r.status in ("done", "failed") for r in rows):
            failed = [r for r in rows if r.status == "failed"]
            if failed:
                raise RuntimeError(f"{what}: {len(failed)} failed, e.g. {failed[0].error}")
            return rows
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: timed out")
        time.sleep(0.1)


def seconds(rows) -> list[float]:
    return sorted((r.finished_at - r.started_at).total_seconds() for r in rows)


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
    worker = None
    try:
        from showcase.decks import services
        from tenants.access import SYSTEM

        started = time.perf_counter()
        showcase, codes = build_world()
        print(f"{len(codes)} regions, showcase and submissions ready in {time.perf_counter() - started:.1f} s")
        s = connection.settings_dict
        worker = start_worker(f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}")

        queued = time.perf_counter()
        builds = [services.request_deck(actor=SYSTEM, showcase=showcase, region_code=code) for code in codes]
        rows = wait_done(builds, "50 decks")
        wall = time.perf_counter() - queued
        each = seconds(rows)
        print(f"{len(rows)} decks (PPTX + PDF), 2 worker processes: wall {wall:.1f} s")
        print(
            f"  one deck's job: p50 {statistics.median(each):.2f} s, "
            f"p95 {each[int(0.95 * (len(each) - 1))]:.2f} s, max {each[-1]:.2f} s"
        )
        sizes = [r.pptx.size + r.pdf.size for r in rows]
        print(f"  files per deck: {statistics.mean(sizes) / 1024:.0f} KiB (PPTX + PDF)")

        queued = time.perf_counter()
        (everything,) = wait_done([services.request_deck(actor=SYSTEM, showcase=showcase)], "semua deck")
        wall = time.perf_counter() - queued
        pages = subprocess.run(["pdfinfo", everything.pdf.path], capture_output=True, text=True).stdout
        count = next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages"))
        print(
            f"semua deck, decks up to date: wall {wall:.1f} s (job {seconds([everything])[0]:.1f} s); "
            f"combined PDF {count} pages, {everything.pdf.size / 1024:.0f} KiB; "
            f"ZIP {everything.archive.size / 1024:.0f} KiB"
        )

        services.update_template(actor=SYSTEM, changes={"primary_colour": "#7a1f5c"})
        queued = time.perf_counter()
        (cold,) = wait_done([services.request_deck(actor=SYSTEM, showcase=showcase)], "semua deck (cold)")
        wall = time.perf_counter() - queued
        print(f"semua deck after a template change (one job builds all {len(codes)} decks): wall {wall:.1f} s")
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=60)
        connection.set_schema_to_public()
        teardown_databases(config, verbosity=0)
        from django.conf import settings

        subprocess.run(["rm", "-rf", settings.MEDIA_ROOT], check=False)


if __name__ == "__main__":
    main()
