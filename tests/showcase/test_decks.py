"""The decks: a region's PPTX and PDF carry its own figures, missing data becomes a placeholder
slide, the template's order and colours are used, "all decks" gives a ZIP and one PDF in
agenda order with a divider per session; one active job per scope; the template editor."""

import io
import subprocess
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pptx import Presentation

from showcase.decks import building, services
from showcase.decks.models import DeckBuild, DeckTemplate
from showcase.decks.readiness import regions_without_deck
from showcase.models import Slot
from tenants.access import SYSTEM
from tests.showcase import factories
from tests.showcase.samples_decks import submit
from tests.showcase.samples_regional import image_bytes, upload


def pptx_text(data: bytes) -> str:
    presentation = Presentation(io.BytesIO(data))
    texts = []
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(texts)


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def pdf_pages(data: bytes) -> list[str]:
    return pdf_text(data).split("\f")[:-1]


def run(build: DeckBuild) -> DeckBuild:
    return building.run_build(build.pk)


@pytest.fixture
def showcase(world):
    return factories.published()


def test_a_regions_deck_carries_its_own_figures_in_pptx_and_pdf(showcase):
    submit(showcase, "35.74", quick_win="e-Sambat Probolinggo", budget="1250000000.00", index="2.73")
    build = run(services.request_deck(actor=SYSTEM, showcase=showcase, region_code="35.74"))
    assert (build.status, build.done, build.total, build.error) == ("done", 3, 3, "")
    assert build.data_taken_at is not None and build.submission_revision == 1
    with build.pptx.open("rb") as handle:
        text = pptx_text(handle.read())
    with build.pdf.open("rb") as handle:
        pdf = handle.read()
    for found in (text, pdf_text(pdf)):
        assert "Kota Probolinggo" in found
        assert "e-Sambat Probolinggo" in found
        assert "Rp 1.250.000.000" in found
        assert "2,73" in found  # the index written the Indonesian way
        assert "Data diambil" in found
    presentation = Presentation(io.BytesIO(build.pptx.open("rb").read()))
    assert presentation.slide_width > presentation.slide_height  # 16:9
    pictures = [s for slide in presentation.slides for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) >= 3  # the region's logo, the roadmap and the trend, rasterised from the same SVG
    assert len(pdf_pages(pdf)) == len(presentation.slides)


def test_missing_data_still_builds_with_a_placeholder_saying_what_is_missing(showcase):
    submit(showcase, "35.75", quick_win="", vision=False, logo=False)
    build = run(services.request_deck(actor=SYSTEM, showcase=showcase, region_code="35.75"))
    assert build.status == "done"
    with build.pdf.open("rb") as handle:
        pages = pdf_pages(handle.read())
    text = pptx_text(build.pptx.open("rb").read())
    for found in ("\n".join(pages), text):
        assert "Data belum lengkap" in found
        assert "belum ada quick win yang ditampilkan" in found
        assert "visi belum ditampilkan" in found
    assert "Kota Pasuruan" in pages[0]


def test_the_template_order_and_dropped_slides_are_followed(showcase):
    submit(showcase, "35.74")
    services.update_template(actor=SYSTEM, changes={"slide_order": ["title", "index", "vision", "closing"]})
    build = run(services.request_deck(actor=SYSTEM, showcase=showcase, region_code="35.74"))
    pages = pdf_pages(build.pdf.open("rb").read())
    assert len(pages) == 5  # title, "data belum lengkap" (no photos), index, vision, closing
    assert "Indeks pencapaian" in pages[2] and "Visi" in pages[3] and "Terima kasih" in pages[4]
    assert "Enam dimensi" not in "".join(pages)
    assert build.template_revision == DeckTemplate.objects.get().revision


def test_all_decks_give_a_zip_and_one_pdf_in_agenda_order_with_session_dividers(showcase):
    version = showcase.versions.get()
    extra = factories.showcase(slug="lain", extra_regions=())  # another showcase's rows stay out
    submit(extra, "35.74")
    for code in ("35.74", "35.75"):
        submit(showcase, code, quick_win=f"Quick win {code}")
    presentations = list(version.slots.filter(kind=Slot.Kind.PRESENTATION).order_by("stage__position", "position"))
    sessions = list(version.slots.filter(kind=Slot.Kind.SESSION).order_by("stage__position", "position"))
    build = run(services.request_deck(actor=SYSTEM, showcase=showcase))
    assert build.status == "done" and build.total == len(presentations) + 1
    names = zipfile.ZipFile(build.archive.open("rb")).namelist()
    order = [slot.region_id for slot in presentations]
    assert [n.split("-")[1] for n in names if n.endswith(".pptx")] == order
    assert len(names) == 2 * len(order)
    pages = pdf_pages(build.pdf.open("rb").read())
    dividers = [next(i for i, page in enumerate(pages) if page.strip().endswith(s.title)) for s in sessions]
    assert sessions and dividers[0] == 0 and dividers == sorted(dividers)  # a divider per session, in order
    starts = {code: next(i for i, p in enumerate(pages) if f"Quick win {code}" in p) for code in order}
    assert sorted(starts, key=starts.get) == order
    # The region decks it built are the regions' decks now: the page and the readiness see them.
    assert DeckBuild.objects.filter(showcase=showcase, region_id__in=order, status="done").count() == 2
    assert regions_without_deck(showcase) == {}


def test_a_region_of_the_agenda_without_a_submission_gets_a_placeholder_page(showcase):
    submit(showcase, "35.74")
    build = run(services.request_deck(actor=SYSTEM, showcase=showcase))
    pages = pdf_pages(build.pdf.open("rb").read())
    assert any("Kota Pasuruan" in p and "Belum ada kiriman profil" in p for p in pages)
    assert regions_without_deck(showcase) == {"35.75": ["belum ada deck"]}


def test_a_region_without_a_submission_fails_with_a_message(showcase):
    build = services.request_deck(actor=SYSTEM, showcase=showcase, region_code="35.75")
    with pytest.raises(ValueError):
        run(build)
    build.refresh_from_db()
    assert build.status == "failed" and "belum mengirim profil" in build.error


def test_one_active_job_per_scope(showcase, world):
    admin = world.users["ministry_admin"]
    first = services.request_deck(actor=admin, showcase=showcase, region_code="35.74")
    assert services.request_deck(actor=admin, showcase=showcase, region_code="35.74").pk == first.pk
    other = services.request_deck(actor=admin, showcase=showcase, region_code="35.75")
    everything = services.request_deck(actor=admin, showcase=showcase)
    assert len({first.pk, other.pk, everything.pk}) == 3
    assert services.request_deck(actor=admin, showcase=showcase).pk == everything.pk
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        DeckBuild.objects.create(showcase=showcase, region=None)


def test_a_finished_job_delivered_again_is_left_as_it_is(showcase):
    submit(showcase, "35.74")
    build = run(services.request_deck(actor=SYSTEM, showcase=showcase, region_code="35.74"))
    name = build.pdf.name
    again = run(build)
    assert again.status == "done" and again.pdf.name == name


def test_a_job_found_running_again_replaces_its_files(showcase):
    submit(showcase, "35.74")
    build = services.request_deck(actor=SYSTEM, showcase=showcase, region_code="35.74")
    DeckBuild.objects.filter(pk=build.pk).update(status="running", done=1)  # its worker was lost
    stem = building.file_stem(DeckBuild.objects.select_related("showcase").get(pk=build.pk), "Kota Probolinggo")
    build.pdf.storage.save(f"decks/{stem}.pdf", io.BytesIO(b"half a file"))  # what the lost run left
    done = run(build)
    assert done.status == "done" and done.pdf.name == f"decks/{stem}.pdf"
    assert done.pdf.open("rb").read().startswith(b"%PDF-")


def test_only_ministry_admins_ask_for_decks_and_only_for_presenting_regions(showcase, world):
    for who in ("ministry_analyst", "admin_probolinggo", "facilitator_current"):
        with pytest.raises(PermissionDenied):
            services.request_deck(actor=world.users[who], showcase=showcase, region_code="35.74")
    with pytest.raises(PermissionDenied):
        services.request_deck(actor=None, showcase=showcase)
    with pytest.raises(ValidationError) as error:
        services.request_deck(actor=world.users["ministry_admin"], showcase=showcase, region_code="51.71")
    assert "region" in error.value.message_dict


def test_the_template_refuses_bad_colours_orders_and_logos(world):
    admin = world.users["ministry_admin"]
    with pytest.raises(ValidationError) as error:
        services.update_template(actor=admin, changes={"primary_colour": "biru"})
    assert "primary_colour" in error.value.message_dict
    bad_orders = (["vision", "closing"], ["title", "vision"], ["title", "x", "closing"], ["title", "title", "closing"])
    for order in bad_orders:
        with pytest.raises(ValidationError):
            services.update_template(actor=admin, changes={"slide_order": order})
    with pytest.raises(ValidationError) as error:
        services.update_template(actor=admin, changes={}, logo=upload("logo.png", b"%PDF-1.4 not an image"))
    assert "bukan gambar JPEG atau PNG" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.update_template(actor=admin, changes={}, logo=upload("logo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 64))
    assert "rusak" in str(error.value)
    with pytest.raises(PermissionDenied):
        services.update_template(actor=world.users["ministry_analyst"], changes={"primary_colour": "#000000"})
    template = services.update_template(
        actor=admin, changes={"primary_colour": "#aa0000"}, logo=upload("logo.png", image_bytes())
    )
    assert template.primary_colour == "#aa0000" and template.logo.name.endswith(".png") and template.revision == 2


def test_the_ministry_logo_and_colour_reach_the_deck(showcase, world):
    submit(showcase, "35.74")
    services.update_template(
        actor=SYSTEM, changes={"primary_colour": "#aa0000"}, logo=upload("logo.png", image_bytes(colour=(1, 2, 3)))
    )
    build = run(services.request_deck(actor=SYSTEM, showcase=showcase, region_code="35.74"))
    presentation = Presentation(io.BytesIO(build.pptx.open("rb").read()))
    title = presentation.slides[0]
    assert str(title.background.fill.fore_color.rgb) == "AA0000"
    assert sum(1 for s in title.shapes if s.shape_type == 13) == 2  # the ministry's and the region's logos


@pytest.mark.parametrize(
    "content, message",
    [
        (b"%PDF-1.7\n" + b"0" * 200, "bukan gambar JPEG atau PNG"),
        (image_bytes("PNG", size=(200, 200))[:300], "rusak atau tidak lengkap"),
        (image_bytes("PNG") + b"\0" * (2 * 1024 * 1024), "terlalu besar"),
    ],
)
def test_the_template_logo_is_checked_like_every_image_upload(content, message):
    with pytest.raises(ValidationError) as refused:
        services.check_logo(upload("logo.png", content))
    assert message in " ".join(refused.value.message_dict["logo"])
    assert services.check_logo(upload("logo.png", image_bytes("PNG"))) == "png"
