"""Seed the travel table and the national holidays, and move the existing facilitator
memberships into the registry and the access history.

The travel rule is copied here on purpose (a migration is frozen in time): within a province
0 days; within an island group 1 day; between groups 1 day when one side is Java (direct
flights from Jakarta/Surabaya) or the groups are neighbours by direct flights, otherwise 2.

Each facilitator membership becomes a ``Facilitator`` (institution from the e-mail domain,
home province of the first region served, leading every stage, to be corrected by a ministry
admin) and an ``AccessWindow`` with the membership's dates. The memberships stay as they are:
from now on only the plan (or a ministry admin) changes them.
"""

from datetime import date, timedelta

from django.db import migrations
from django.utils import timezone

GROUPS = {
    "sumatera": {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21"},
    "jawa": {"31", "32", "33", "34", "35", "36"},
    "bali_nusa": {"51", "52", "53"},
    "kalimantan": {"61", "62", "63", "64", "65"},
    "sulawesi": {"71", "72", "73", "74", "75", "76"},
    "maluku": {"81", "82"},
    "papua": {"91", "92", "93", "94", "95", "96"},
}
NEIGHBOURS = {
    frozenset({"bali_nusa", "sulawesi"}),
    frozenset({"kalimantan", "sulawesi"}),
    frozenset({"sulawesi", "maluku"}),
    frozenset({"maluku", "papua"}),
}


def group_of(code):
    return next((name for name, codes in GROUPS.items() if code in codes), code)


def rule(a, b):
    if a == b:
        return 0
    ga, gb = group_of(a), group_of(b)
    if ga == gb or "jawa" in (ga, gb) or frozenset({ga, gb}) in NEIGHBOURS:
        return 1
    return 2


HOLIDAYS = [
    # 2018 (SKB 3 Menteri), with collective leave around Idul Fitri and Christmas
    ("2018-01-01", "Tahun Baru Masehi"), ("2018-02-16", "Tahun Baru Imlek"), ("2018-03-17", "Hari Raya Nyepi"),
    ("2018-03-30", "Wafat Isa Almasih"), ("2018-04-14", "Isra Mikraj"), ("2018-05-01", "Hari Buruh"),
    ("2018-05-10", "Kenaikan Isa Almasih"), ("2018-05-29", "Hari Raya Waisak"), ("2018-06-01", "Hari Lahir Pancasila"),
    ("2018-06-11", "Cuti bersama Idul Fitri"), ("2018-06-12", "Cuti bersama Idul Fitri"),
    ("2018-06-13", "Cuti bersama Idul Fitri"), ("2018-06-14", "Cuti bersama Idul Fitri"),
    ("2018-06-15", "Idul Fitri"), ("2018-06-16", "Idul Fitri"), ("2018-06-18", "Cuti bersama Idul Fitri"),
    ("2018-06-19", "Cuti bersama Idul Fitri"), ("2018-06-20", "Cuti bersama Idul Fitri"),
    ("2018-06-27", "Pilkada serentak"), ("2018-08-17", "Hari Kemerdekaan"), ("2018-08-22", "Idul Adha"),
    ("2018-09-11", "Tahun Baru Islam"), ("2018-11-20", "Maulid Nabi Muhammad"),
    ("2018-12-24", "Cuti bersama Natal"), ("2018-12-25", "Hari Raya Natal"),
    # 2026
    ("2026-01-01", "Tahun Baru Masehi"), ("2026-01-16", "Isra Mikraj"), ("2026-02-16", "Cuti bersama Imlek"),
    ("2026-02-17", "Tahun Baru Imlek"), ("2026-03-18", "Cuti bersama Nyepi"), ("2026-03-19", "Hari Raya Nyepi"),
    ("2026-03-20", "Idul Fitri"), ("2026-03-21", "Idul Fitri"), ("2026-03-23", "Cuti bersama Idul Fitri"),
    ("2026-03-24", "Cuti bersama Idul Fitri"), ("2026-04-03", "Wafat Isa Almasih"), ("2026-05-01", "Hari Buruh"),
    ("2026-05-14", "Kenaikan Isa Almasih"), ("2026-05-15", "Cuti bersama Kenaikan"), ("2026-05-27", "Idul Adha"),
    ("2026-05-28", "Cuti bersama Idul Adha"), ("2026-05-31", "Hari Raya Waisak"),
    ("2026-06-01", "Hari Lahir Pancasila"), ("2026-06-16", "Tahun Baru Islam"), ("2026-08-17", "Hari Kemerdekaan"),
    ("2026-08-25", "Maulid Nabi Muhammad"), ("2026-12-24", "Cuti bersama Natal"), ("2026-12-25", "Hari Raya Natal"),
]


def seed(apps, schema_editor):
    Province = apps.get_model("tenants", "Province")
    TravelTime = apps.get_model("scheduling", "TravelTime")
    NationalHoliday = apps.get_model("scheduling", "NationalHoliday")
    codes = list(Province.objects.values_list("code", flat=True))
    TravelTime.objects.bulk_create(
        [TravelTime(origin_id=a, destination_id=b, days=rule(a, b)) for a in codes for b in codes],
        ignore_conflicts=True,
    )
    NationalHoliday.objects.bulk_create(
        [NationalHoliday(date=date.fromisoformat(d), name=n) for d, n in HOLIDAYS], ignore_conflicts=True
    )


def move_facilitators(apps, schema_editor):
    Membership = apps.get_model("tenants", "Membership")
    Facilitator = apps.get_model("scheduling", "Facilitator")
    AccessWindow = apps.get_model("scheduling", "AccessWindow")
    now = timezone.now()
    today = now.date()
    memberships = Membership.objects.filter(role="facilitator").select_related("user", "workspace__region")
    for m in memberships.order_by("created_at", "pk"):
        region = m.workspace.region
        if region is None:
            continue
        facilitator = Facilitator.objects.filter(user=m.user).first()
        if facilitator is None:
            facilitator = Facilitator.objects.create(
                user=m.user,
                institution=m.user.email.rsplit("@", 1)[-1],
                home_province_id=region.province_id,
                kind="expert",
                stages=[1, 2, 3, 4],
                max_per_month=4,
                is_active=m.user.is_active,
            )
        starts = m.valid_from or m.created_at.date()
        ends = m.valid_until or starts + timedelta(days=365)
        ends = max(ends, starts)
        over = ends < today
        AccessWindow.objects.create(
            facilitator=facilitator,
            region=region,
            plan=None,
            starts=starts,
            ends=ends,
            reason="dipindahkan dari keanggotaan fasilitator",
            created_at=m.created_at,
            closed_at=now if over else None,
            close_reason="berakhir sebelum rencana nasional" if over else "",
        )


class Migration(migrations.Migration):
    dependencies = [("scheduling", "0001_initial")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(move_facilitators, migrations.RunPython.noop),
    ]
