"""The masterplan book (PDF) of a masterplan with 300 programs: how long the job takes.

Usage (from the repository root, PostgreSQL and Redis of deploy/dev.sh running)::

    eval "$(deploy/dev.sh env test)"; .venv/bin/python deploy/bench/pdf_book.py

It builds the same workspace as ``deploy/bench/masterplan.py`` (its ``build_world`` and
``fill_masterplan``: ``PROGRAMS`` programs, default 300, each with 5 indicators, 3 funding
rows and 4 milestones, every tenth a quick win with 3 risks, over 12 OPDs) in a database
of its own (``BENCH_BOOK_DB``, default ``bench_pdf_book``, created and dropped here), fills
the Buku I/II texts of every dimension, then runs the job's code (``programs.book.build_book``,
what the Celery task calls) ``RUNS`` times (default 3) and prints the time of each step:
gathering the data, the HTML, WeasyPrint's layout and PDF, and the whole job.
"""

import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

os.environ["BENCH_MASTERPLAN_DB"] = os.environ.get("BENCH_BOOK_DB", "bench_pdf_book")
import masterplan as bench_masterplan  # noqa: E402  (sets the database and Redis settings)

RUNS = int(os.environ.get("RUNS", "3"))


def fill_texts(workspace) -> None:
    from django.db import connection

    from programs.models import DimensionPlan, Masterplan, Readiness, SubDimensionPlan

    connection.set_tenant(workspace)
    paragraph = "Uraian analisis dan rencana yang ditulis tim pelaksana bersama OPD terkait. " * 6
    Masterplan.objects.update(regional_profile=paragraph * 3, vision="Kota cerdas", mission=paragraph, goals=paragraph)
    Readiness.objects.update(level=3, description=paragraph)
    DimensionPlan.objects.update(
        strengths=paragraph,
        weaknesses=paragraph,
        opportunities=paragraph,
        threats=paragraph,
        strategy=paragraph,
        action_plan=paragraph,
    )
    SubDimensionPlan.objects.update(strategy=paragraph, action_plan=paragraph)


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
    try:
        from programs import book as books
        from programs.models import MasterplanBook

        workspace, _user = bench_masterplan.build_world()
        bench_masterplan.fill_masterplan(workspace, bench_masterplan.PROGRAMS)
        fill_texts(workspace)
        connection.set_tenant(workspace)
        print(f"{bench_masterplan.PROGRAMS} programs; {RUNS} runs")
        print(f"{'run':>4} {'data s':>8} {'html s':>8} {'pdf s':>8} {'job s':>8} {'pages':>6} {'KiB':>6}")
        for run in range(1, RUNS + 1):
            started = time.perf_counter()
            context = books.book_context()
            data = time.perf_counter()
            html = books.render_book_html(context)
            rendered = time.perf_counter()
            pdf, pages = books.render_book_pdf(html)
            laid_out = time.perf_counter()
            job = MasterplanBook.objects.create()
            job_started = time.perf_counter()
            job = books.build_book(book_id=job.pk)
            job_seconds = time.perf_counter() - job_started
            assert job.status == "done" and job.pages == pages
            job.file.delete(save=False)
            print(
                f"{run:>4} {data - started:8.2f} {rendered - data:8.2f} {laid_out - rendered:8.2f} "
                f"{job_seconds:8.2f} {pages:6d} {len(pdf) / 1024:6.0f}"
            )
    finally:
        connection.set_schema_to_public()
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
