"""Excel round trip of programs: validating and importing 1,000 program rows, and the export.

Usage (from the repository root, PostgreSQL and Redis of deploy/dev.sh running)::

    eval "$(deploy/dev.sh env test)"; .venv/bin/python deploy/bench/xlsx_import.py

It works in a database of its own (``BENCH_XLSX_DB``, default ``bench_xlsx``, created and
dropped here) and Redis databases of its own (``BENCH_REDIS_CACHE_DB`` 7,
``BENCH_REDIS_BROKER_DB`` 8):

1. migrates, loads the region registry and provisions Kota Probolinggo's workspace with
   12 OPDs;
2. writes a filled template of ``ROWS`` programs (default 1,000), each with 5 indicators,
   3 funding rows and 4 milestones (12,000 rows on the other sheets);
3. times the validation preview (``excel.validate_workbook``: reading the file and every
   check, nothing written), the import (``excel.import_programs``: validation again and
   every program saved through ``services.save_program`` in one transaction) and the
   export of the imported programs.
"""

import io
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)  # the project package `platform` must win over the standard module

os.environ["DJANGO_SETTINGS_MODULE"] = "platform.settings.test"
os.environ["TEST_DATABASE_NAME"] = os.environ.get("BENCH_XLSX_DB", "bench_xlsx")
os.environ["TEST_REDIS_CACHE_DB"] = os.environ.get("BENCH_REDIS_CACHE_DB", "7")
os.environ["TEST_REDIS_BROKER_DB"] = os.environ.get("BENCH_REDIS_BROKER_DB", "8")

import django  # noqa: E402

ROWS = int(os.environ.get("ROWS", "1000"))


def build_world():
    from datetime import date

    from django.db import connection

    from platform.accounts.models import User
    from programs.models import Opd
    from tenants.models import Cohort, Membership, Region, Workspace
    from tenants.services import load_regions, provision_regions

    load_regions()
    cohort, _ = Cohort.objects.get_or_create(year=2018, defaults={"mou_date": date(2018, 5, 8)})
    Region.objects.filter(code="35.74").update(cohort=cohort)
    provision_regions(regions=Region.objects.filter(code="35.74").select_related("cohort"))
    workspace = Workspace.objects.get(region_id="35.74")
    user = User.objects.create_user(email="bench@example.id", password="bench-password-1", full_name="Bench")
    Membership.objects.create(user=user, workspace=workspace, role=Membership.Role.REGION_ADMIN)
    connection.set_tenant(workspace)
    Opd.objects.bulk_create([Opd(acronym=f"OPD{i:02}", name=f"Dinas {i}") for i in range(12)])
    return workspace, user


def filled_template(rows: int) -> bytes:
    from openpyxl import load_workbook

    from programs import excel
    from programs.models import Dimension, FundingSource

    dims = list(Dimension.objects.prefetch_related("sub_dimensions").order_by("order"))
    sources = [f.name for f in FundingSource.objects.order_by("order")][:3]
    horizons = ["Jangka pendek", "Jangka menengah", "Jangka panjang"]
    book = load_workbook(io.BytesIO(excel.program_template()))
    program, indicator, funding, milestone = (book[s] for s in excel.SHEETS)
    for i in range(rows):
        d = dims[i % 6]
        title = f"Program inovasi {i:04}"
        start = 2025 + (i % 3) * 2
        program.append(
            [None, None, title, d.name, list(d.sub_dimensions.all())[i % 3].name, f"OPD{i % 12:02}", "", "",
             "Deskripsi", "Tujuan", "Sasaran", horizons[i % 3], start, start + 1 + i % 4, "Direncanakan",
             "Ya" if i % 10 == 0 else "Tidak", "", "Misi 2", "", "", 375_000_000]
        )  # fmt: skip
        for k in range(5):
            indicator.append([title, f"Indikator {k}", "%", 10, 2024, f"{start}: 40; {start + 1}: 60"])
        for s in sources:
            funding.append([title, s, start, 125_000_000])
        for k in range(4):
            milestone.append([title, f"Tahap {k}", start, k + 1, 25 * k])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main():
    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
    try:
        from programs import excel
        from programs.models import Program
        from programs.rules import Actor
        from tenants.selectors import workspace_access

        workspace, user = build_world()
        actor = Actor(user=user, access=workspace_access(user=user, workspace=workspace))
        content = filled_template(ROWS)
        print(f"filled template: {ROWS} programs, {ROWS * 12} rows on the other sheets, {len(content) / 1024:.0f} KiB")

        started = time.perf_counter()
        preview = excel.validate_workbook(actor=actor, content=content, max_programs=None)
        validated = time.perf_counter() - started
        assert preview.is_valid, [str(p) for p in preview.problems[:5]]
        print(f"validation preview (nothing written): {validated:.2f} s")

        started = time.perf_counter()
        result = excel.import_programs(actor=actor, content=content, max_programs=None)
        imported = time.perf_counter() - started
        assert result.created == ROWS and Program.objects.count() == ROWS
        print(f"import (validation + {ROWS} programs saved with rows, history, versions): {imported:.2f} s")

        started = time.perf_counter()
        exported = excel.export_programs()
        print(f"export of {ROWS} programs: {time.perf_counter() - started:.2f} s ({len(exported) / 1024:.0f} KiB)")
    finally:
        connection.set_schema_to_public()
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
