"""The OPD editor's journey: the program list, a program created through the form (a
dimension narrowing the sub-dimensions, a funding row of 1.250.000), edited, and commented;
another OPD's program opened for editing says in words which OPD leads it and leads back."""

import re

import pytest

from tests.journeys import data

pytestmark = pytest.mark.browser

TITLE = "Lumbung pangan digital"
OTHERS = "Satu data perencanaan"


@pytest.fixture
def own_opd(committed_db):
    with data.opd_of_the_editor("DISPANGAN-PJ") as opd:
        yield opd


@pytest.fixture
def others_program(committed_db):
    with data.program_of_another_opd("BAPPEDA-PJ", OTHERS) as program:
        yield program


def test_opd_editor_creates_edits_and_comments_on_a_program(own_opd, others_program, journey):
    page = journey.page
    main = page.locator("main")
    journey.sign_in("editor_probolinggo@example.id", "kota-probolinggo")
    journey.visit(journey.workspace("/program/"))

    journey.visit(journey.workspace("/program/baru/"))
    form = main.locator("form.program-form")
    page.get_by_label("Nama program").fill(TITLE)
    page.get_by_label(re.compile(r"^Dimensi")).select_option(label="Smart Economy")
    shown = page.get_by_label("Subdimensi").evaluate(
        "s => [...s.options].filter(o => !o.hidden && o.value).map(o => o.textContent)"
    )
    assert shown and all(label.startswith("Smart Economy – ") for label in shown), shown
    page.get_by_label("Subdimensi").select_option(label="Smart Economy – Kesejahteraan")
    page.select_option("#id_p-lead_opd", label="DISPANGAN-PJ")
    page.select_option("#id_p-horizon", value="short")
    page.fill("#id_p-start_year", "2026")
    page.fill("#id_p-end_year", "2027")
    rows = page.locator("#funding [data-row]")
    before = rows.count()
    page.get_by_role("button", name="Tambah baris pembiayaan").click()
    row = f"fund-{before}"
    page.select_option(f"#id_{row}-source", label="APBD")
    page.fill(f"#id_{row}-year", "2026")
    page.fill(f"#id_{row}-amount", "1.250.000")
    journey.submit(form.get_by_role("button", name="Simpan"))
    assert TITLE in main.inner_text() and "Rp 1.250.000" in main.inner_text()

    # Edited: the title grows.
    journey.submit(main.get_by_role("link", name="Ubah", exact=True).first)
    page.get_by_label("Nama program").fill(TITLE + " (tahap 1)")
    journey.submit(main.locator("form.program-form").get_by_role("button", name="Simpan"))
    assert TITLE + " (tahap 1)" in page.locator("h1").inner_text()

    # A comment on the program lands on the comment.
    page.get_by_role("textbox", name="Komentar").fill("Anggaran 2027 menunggu KUA-PPAS")
    journey.submit(main.get_by_role("button", name="Kirim komentar"))
    assert "Anggaran 2027 menunggu KUA-PPAS" in main.locator(".comment-list").inner_text()

    journey.visit(journey.workspace("/program/"))
    assert TITLE in main.inner_text()

    # Another OPD's program opened for editing: refused in words naming its lead, with the way back.
    journey.visit(journey.workspace(f"/program/{others_program.pk}/ubah/"), status=403)
    said = " ".join(main.inner_text().split())
    assert "Anda tidak dapat mengubah program ini" in page.locator("h1").inner_text()
    assert f"{OTHERS} dipimpin oleh Badan Perencanaan Pembangunan Daerah (BAPPEDA-PJ)" in said, said
    assert "Anda editor untuk Dinas Pertanian dan Pangan (DISPANGAN-PJ)" in said, said
    assert main.locator("form.program-form").count() == 0
    journey.submit(main.get_by_role("link", name="Lihat program"))
    assert OTHERS in page.locator("h1").inner_text()
    assert main.get_by_role("link", name="Ubah", exact=True).count() == 0
