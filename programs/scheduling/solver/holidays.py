"""Indonesian national holidays (hari libur nasional) and joint leave days (cuti bersama) as data,
for the years the demo and the benchmarks plan in: 2018 (the demo cohort) and 2026.

Source: the joint decrees of three ministers (SKB 3 Menteri) of each year. For 2018 the joint
leave around Idul Fitri and Christmas is included (no Bimtek is held then); for 2026 the national
holidays only. The product keeps its own editable table per year; this is the seed the synthetic
instances use.
"""

from datetime import date

NATIONAL_HOLIDAYS: dict[int, dict[date, str]] = {
    2018: {
        date(2018, 1, 1): "Tahun Baru Masehi",
        date(2018, 2, 16): "Tahun Baru Imlek",
        date(2018, 3, 17): "Hari Suci Nyepi",
        date(2018, 3, 30): "Wafat Isa Almasih",
        date(2018, 4, 14): "Isra Mi'raj",
        date(2018, 5, 1): "Hari Buruh",
        date(2018, 5, 10): "Kenaikan Isa Almasih",
        date(2018, 5, 29): "Hari Raya Waisak",
        date(2018, 6, 1): "Hari Lahir Pancasila",
        date(2018, 6, 11): "Cuti bersama Idul Fitri",
        date(2018, 6, 12): "Cuti bersama Idul Fitri",
        date(2018, 6, 13): "Cuti bersama Idul Fitri",
        date(2018, 6, 14): "Cuti bersama Idul Fitri",
        date(2018, 6, 15): "Idul Fitri",
        date(2018, 6, 16): "Idul Fitri",
        date(2018, 6, 18): "Cuti bersama Idul Fitri",
        date(2018, 6, 19): "Cuti bersama Idul Fitri",
        date(2018, 6, 20): "Cuti bersama Idul Fitri",
        date(2018, 6, 27): "Pilkada serentak",
        date(2018, 8, 17): "Hari Kemerdekaan",
        date(2018, 8, 22): "Idul Adha",
        date(2018, 9, 11): "Tahun Baru Islam",
        date(2018, 11, 20): "Maulid Nabi Muhammad SAW",
        date(2018, 12, 24): "Cuti bersama Natal",
        date(2018, 12, 25): "Hari Raya Natal",
    },
    2026: {
        date(2026, 1, 1): "Tahun Baru Masehi",
        date(2026, 1, 16): "Isra Mi'raj",
        date(2026, 2, 17): "Tahun Baru Imlek",
        date(2026, 3, 19): "Hari Suci Nyepi",
        date(2026, 3, 20): "Idul Fitri",
        date(2026, 3, 21): "Idul Fitri",
        date(2026, 4, 3): "Wafat Yesus Kristus",
        date(2026, 4, 5): "Kebangkitan Yesus Kristus (Paskah)",
        date(2026, 5, 1): "Hari Buruh",
        date(2026, 5, 14): "Kenaikan Yesus Kristus",
        date(2026, 5, 27): "Idul Adha",
        date(2026, 5, 31): "Hari Raya Waisak",
        date(2026, 6, 1): "Hari Lahir Pancasila",
        date(2026, 6, 16): "Tahun Baru Islam",
        date(2026, 8, 17): "Hari Kemerdekaan",
        date(2026, 8, 25): "Maulid Nabi Muhammad SAW",
        date(2026, 12, 25): "Hari Raya Natal",
    },
}


def holidays_between(start: date, end: date) -> frozenset[date]:
    return frozenset(
        d for year in range(start.year, end.year + 1) for d in NATIONAL_HOLIDAYS.get(year, {}) if start <= d <= end
    )
