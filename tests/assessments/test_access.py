"""Every write takes the actor and checks it; objects are fetched for an action by one helper
per kind, which gives the same 404 for a missing object and a refused one."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from assessments import access, services
from assessments.framework import services as framework_services
from assessments.models import Evidence
from tenants.access import SYSTEM
from tests.assessments.conftest import actor, fill

OOXML = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize(
    ("who", "write"),
    [
        ("viewer_probolinggo", lambda a, c, r: services.start_cycle(actor=a, framework_version=c.framework_version,
                                                                     year=2030, stage=1)),
        ("facilitator_current", lambda a, c, r: services.save_self_assessment(
            actor=a, response=r, score=Decimal(2), evidence_text="", evidence_links="")),
        ("admin_probolinggo", lambda a, c, r: services.save_verification(
            actor=a, response=r, score=Decimal(2), notes="")),
        ("council_probolinggo", lambda a, c, r: services.add_evidence(
            actor=a, response=r, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"))),
        ("admin_probolinggo", lambda a, c, r: services.change_state(actor=a, cycle=c, action="reopen", reason="x")),
        ("editor_probolinggo", lambda a, c, r: services.change_state(actor=a, cycle=c, action="verify")),
    ],
)  # fmt: skip
def test_a_service_refuses_an_actor_without_the_capability(world, cycle, who, write):
    response = cycle.responses.order_by("pk").first()
    with pytest.raises(PermissionDenied):
        write(actor(world, who), cycle, response)
    response.refresh_from_db()
    assert (response.self_score, response.verified_score, response.files.count()) == (None, None, 0)


def test_the_actor_is_recorded_on_what_it_writes(world, cycle):
    admin, assessor = actor(world, "admin_probolinggo"), actor(world, "facilitator_current")
    response = cycle.responses.order_by("pk").first()
    evidence = services.add_evidence(actor=admin, response=response, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4"))
    assert evidence.uploaded_by == world.users["admin_probolinggo"]
    fill(cycle, "3")
    services.change_state(actor=admin, cycle=cycle, action="submit")
    services.save_verification(actor=assessor, response=response, score=Decimal(2), notes="")
    response.refresh_from_db()
    assert response.verified_by == world.users["facilitator_current"]
    assert cycle.events.first().actor == world.users["admin_probolinggo"]


def test_a_missing_object_and_a_refused_one_get_the_same_404(world, cycle):
    response = cycle.responses.order_by("pk").first()
    editor, viewer = actor(world, "editor_probolinggo"), actor(world, "viewer_probolinggo")
    assert access.access_response_for_self_assessment(editor, cycle.pk, response.pk) == response
    refused = [
        lambda: access.access_response_for_verification(editor, cycle.pk, response.pk),
        lambda: access.access_response_for_self_assessment(viewer, cycle.pk, response.pk),
        lambda: access.access_cycle_for_state_change(editor, cycle.pk, action="finalize"),
    ]
    missing = [
        lambda: access.access_response(editor, cycle.pk, 999_999),
        lambda: access.access_response(editor, cycle.pk + 1, response.pk),  # another cycle's URL
        lambda: access.access_cycle(editor, 999_999),
        lambda: access.access_evidence(editor, 999_999),
    ]
    for fetch in refused + missing:
        with pytest.raises(Http404):
            fetch()


def test_evidence_removal_is_for_those_who_self_assess(world, cycle):
    response = cycle.responses.order_by("pk").first()
    evidence = services.add_evidence(actor=SYSTEM, response=response, upload=SimpleUploadedFile("a.png", PNG))
    with pytest.raises(Http404):
        access.access_evidence_for_removal(actor(world, "facilitator_current"), evidence.pk)
    assert access.access_evidence(actor(world, "viewer_probolinggo"), evidence.pk) == evidence
    services.remove_evidence(actor=actor(world, "editor_probolinggo"), evidence=evidence)
    assert not Evidence.objects.filter(pk=evidence.pk).exists()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("laporan.docx", b"PK\x03\x04" + b"\x00" * 20, OOXML),
        ("foto.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        ("grafik.png", PNG, "image/png"),
    ],
)
def test_evidence_is_recognised_by_the_one_upload_sniffer(cycle, name, content, content_type):
    response = cycle.responses.order_by("pk").first()
    evidence = services.add_evidence(actor=SYSTEM, response=response, upload=SimpleUploadedFile(name, content))
    assert evidence.content_type == content_type


def test_a_pdf_named_as_an_office_document_is_refused(cycle):
    from django.core.exceptions import ValidationError

    response = cycle.responses.order_by("pk").first()
    with pytest.raises(ValidationError, match=r"tidak sesuai dengan jenisnya \(\.docx\)"):
        services.add_evidence(actor=SYSTEM, response=response, upload=SimpleUploadedFile("a.docx", b"%PDF-1.4 x"))


@pytest.mark.parametrize("who", ["ministry_analyst", "admin_probolinggo", None])
def test_national_services_refuse_anyone_but_a_ministry_admin(world, versions, who):
    user = world.users[who] if who else None  # None: a caller that forgot the actor
    draft = framework_services.copy_as_new_version(actor=SYSTEM, version=versions[1], code="d", name="D", year=2030)
    writes = [
        lambda: framework_services.copy_as_new_version(actor=user, version=draft, code="e", name="E", year=2031),
        lambda: framework_services.set_component_weights(actor=user, version=draft, weights={}),
        lambda: framework_services.update_version_settings(actor=user, version=draft, name="x"),
        lambda: framework_services.delete_indicator(actor=user, version=draft, indicator=draft.indicators.first()),
        lambda: framework_services.publish_ranking(actor=user, year=2021, stage=2),
        lambda: framework_services.withdraw_ranking(actor=user, year=2021, stage=2),
        lambda: framework_services.import_published_results(
            actor=user, filename="x.csv", content=b"region_code,year,stage,overall\n35.74,2021,2,3\n"
        ),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied):
            write()
    assert draft.indicators.count() == 30


def test_a_workspace_service_called_without_an_actor_is_refused(world, cycle):
    """``None`` is no actor: only ``tenants.access.SYSTEM`` (the platform) passes every check."""
    response = cycle.responses.order_by("pk").first()
    with pytest.raises(PermissionDenied):
        services.save_self_assessment(actor=None, response=response, score=None, evidence_text="", evidence_links="")
    with pytest.raises(PermissionDenied):
        services.change_state(actor=None, cycle=cycle, action="submit")
    services.save_self_assessment(actor=SYSTEM, response=response, score=None, evidence_text="x", evidence_links="")
