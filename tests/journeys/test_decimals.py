"""The pattern the journeys use to find a number written with a decimal point."""

import pytest

from tests.journeys.decimals import DECIMAL_POINT, decimal_points


@pytest.mark.parametrize(
    "text",
    ["2.4 detik", "10.00 %", "indeks 3.25", "(0.5)", "-0.44", "62.5%", "nilai 1.5.", "skor: 4.75,", "10.00"],
)
def test_the_pattern_finds_a_decimal_point(text):
    assert len(DECIMAL_POINT.findall(text)) == 1, text


@pytest.mark.parametrize(
    "text",
    [
        "2,4 detik",
        "10,00\xa0%",
        "Rp 1.250.000",
        "Rp 1.250.000,50",
        "1.250 peserta",
        "Rp 1.250.000.",
        "30.11",
        "tanggal 30.11.",
        "30.11.2026",
        "1.2.3",
        "v1.2",
        "kota-probolinggo.sc100.test",
        "14:30",
        "30 November 2026, 14.30",
        "30/11/2026 14.30",
        "pukul 14.30",
        "14.30 WIB",
        "Tahun 2026.",
        "file.xlsx",
    ],
)
def test_the_pattern_leaves_indonesian_numbers_dates_times_and_versions_alone(text):
    assert DECIMAL_POINT.findall(text) == [], text


def test_codes_are_skipped():
    assert decimal_points("Kota Probolinggo (35.74) skor 3.5", frozenset({"35.74"})) == ["3.5"]
