"""Writes of the masterplan: validation, optimistic locking, OPD editors' limits, the
workflow (read-only outside draft), restore of an earlier version, comments and mentions."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from programs import selectors, services
from programs.models import (
    Comment,
    Dimension,
    FundingSource,
    Masterplan,
    MasterplanTransition,
    Notification,
    Program,
    ProgramRevision,
    Risk,
    SubDimension,
)
from tests.programs import factories as f


def test_program_is_saved_with_its_indicators_funding_milestones_and_a_revision(world, probolinggo):
    program = f.program(world)
    assert program.version == 1
    assert program.indicators.get().targets == {"2025": "60", "2026": "80"}
    assert program.funding.get().amount == Decimal("150000000")
    assert program.milestones.get().progress == 50
    revision = ProgramRevision.objects.get(program=program)
    assert revision.version == 1 and revision.data["title"] == "e-Sambat"
    assert program.history.first().history_user_id == world.users["admin_probolinggo"].pk


def test_sub_dimension_must_belong_to_the_dimension(world, probolinggo):
    economy = Dimension.objects.get(code="economy")
    with pytest.raises(ValidationError) as exc:
        f.program(world, dimension=economy)
    assert "sub_dimension" in exc.value.message_dict
    assert not Program.objects.exists()


def test_bad_rows_are_reported_by_row_and_nothing_is_written(world, probolinggo):
    apbd = FundingSource.objects.get(code="apbd")
    funding = [
        {"source": apbd, "year": 2025, "amount": Decimal("1")},
        {"source": apbd, "year": 2025, "amount": Decimal("2")},
        {"source": apbd, "year": 2031, "amount": Decimal("3")},
    ]
    with pytest.raises(ValidationError) as exc:
        f.program(world, funding=funding)
    errors = exc.value.message_dict["funding"]
    assert any("baris 2" in e for e in errors) and any("2031" in e for e in errors)
    assert not Program.objects.exists()


def test_a_stale_save_is_refused_and_the_newer_save_survives(world, probolinggo):
    program = f.program(world)
    admin = f.actor(world, "admin_probolinggo")
    first = f.program_data(program.lead_opd, title="Versi Ana")
    services.save_program(actor=admin, program=program, data=first, expected_version=1)
    second = f.program_data(program.lead_opd, title="Versi Budi")
    with pytest.raises(services.StaleVersionError) as exc:
        services.save_program(actor=admin, program=program, data=second, expected_version=1)
    assert exc.value.current_version == 2
    program.refresh_from_db()
    assert program.title == "Versi Ana" and program.version == 2


def test_opd_editor_edits_only_programs_of_their_own_opd(world, probolinggo):
    mine, other = f.opd("BAPPEDA", "Badan Perencanaan"), f.opd("DLH", "Dinas Lingkungan Hidup")
    f.link_editor(world, mine)
    editor = f.actor(world, "editor_probolinggo")
    own = services.save_program(actor=editor, data=f.program_data(mine, title="Go Nik"))
    services.save_program(actor=editor, program=own, data=f.program_data(mine, title="Go Nik 2"), expected_version=1)
    theirs = f.program(world, other, title="Bank Sampah")
    with pytest.raises(PermissionDenied):
        services.save_program(actor=editor, program=theirs, data=f.program_data(other), expected_version=1)
    with pytest.raises(ValidationError) as exc:
        services.save_program(actor=editor, data=f.program_data(other, title="Menyusup"))
    assert "lead_opd" in exc.value.message_dict
    assert not Program.objects.filter(title="Menyusup").exists()


def test_opd_editor_without_an_opd_cannot_create_programs(world, probolinggo):
    with pytest.raises(PermissionDenied):
        services.save_program(actor=f.actor(world, "editor_probolinggo"), data=f.program_data(f.opd()))


def test_workflow_draft_submitted_approved_published_and_a_new_revision(world, probolinggo):
    admin, council = f.actor(world, "admin_probolinggo"), f.actor(world, "council_probolinggo")
    program = f.program(world)
    services.transition_masterplan(actor=admin, action="submit", acknowledge_failing=True, reason="Lanjut")
    with pytest.raises(ValidationError, match="hanya dapat dibaca"):
        services.save_program(actor=admin, program=program, data=f.program_data(program.lead_opd), expected_version=1)
    services.transition_masterplan(actor=council, action="approve", acknowledge_failing=True, reason="Lanjut")
    services.transition_masterplan(actor=admin, action="publish", acknowledge_failing=True, reason="Lanjut")
    assert Masterplan.objects.get().status == Masterplan.Status.PUBLISHED
    with pytest.raises(ValidationError):
        services.update_masterplan_text(actor=admin, expected_version=1, vision="Baru")
    masterplan = services.transition_masterplan(actor=admin, action="reopen")
    assert masterplan.status == Masterplan.Status.DRAFT and masterplan.revision == 2
    steps = list(MasterplanTransition.objects.order_by("at", "id").values_list("action", "by_id", "revision"))
    assert [s[0] for s in steps] == ["submit", "approve", "publish", "reopen"]
    assert steps[1][1] == world.users["council_probolinggo"].pk and steps[-1][2] == 2


@pytest.mark.parametrize("who", ["admin_probolinggo", "viewer_probolinggo", "facilitator_current", "head_probolinggo"])
def test_only_the_council_approves(world, probolinggo, who):
    services.transition_masterplan(
        actor=f.actor(world, "admin_probolinggo"), action="submit", acknowledge_failing=True, reason="Lanjut"
    )
    with pytest.raises(PermissionDenied, match="Dewan Smart City"):
        services.transition_masterplan(
            actor=f.actor(world, who), action="approve", acknowledge_failing=True, reason="Lanjut"
        )
    assert Masterplan.objects.get().status == Masterplan.Status.SUBMITTED
    assert MasterplanTransition.objects.count() == 1


def test_returning_needs_a_reason_and_goes_back_to_draft(world, probolinggo):
    services.transition_masterplan(
        actor=f.actor(world, "admin_probolinggo"), action="submit", acknowledge_failing=True, reason="Lanjut"
    )
    council = f.actor(world, "council_probolinggo")
    with pytest.raises(ValidationError):
        services.transition_masterplan(actor=council, action="return", reason="  ")
    services.transition_masterplan(actor=council, action="return", reason="SWOT ekonomi belum ada")
    assert Masterplan.objects.get().status == Masterplan.Status.DRAFT
    assert MasterplanTransition.objects.first().reason == "SWOT ekonomi belum ada"


def test_an_earlier_version_is_restored_as_the_newest(world, probolinggo):
    program = f.program(world)
    admin = f.actor(world, "admin_probolinggo")
    services.save_program(
        actor=admin,
        program=program,
        data=f.program_data(program.lead_opd, title="Diubah", indicators=[]),
        expected_version=1,
    )
    first = ProgramRevision.objects.get(program=program, version=1)
    restored = services.restore_program_revision(actor=admin, program=program, revision=first, expected_version=2)
    assert restored.version == 3 and restored.title == "e-Sambat"
    assert restored.indicators.count() == 1
    assert "versi 1" in ProgramRevision.objects.get(program=program, version=3).note
    with pytest.raises(services.StaleVersionError):
        services.restore_program_revision(actor=admin, program=program, revision=first, expected_version=2)


def test_risks_only_on_quick_wins(world, probolinggo):
    admin = f.actor(world, "admin_probolinggo")
    plain = f.program(world)
    with pytest.raises(ValidationError):
        services.save_risk(actor=admin, program=plain, description="x", likelihood=2, impact=2)
    quick = f.program(world, title="Peta wisata digital", is_quick_win=True)
    risk = services.save_risk(actor=admin, program=quick, description="Data POI usang", likelihood=4, impact=3)
    assert risk.score == 12 and risk.level == "high"
    with pytest.raises(ValidationError):
        services.save_risk(actor=admin, program=quick, description="y", likelihood=6, impact=1)
    assert Risk.objects.count() == 1


def test_a_risk_is_refused_when_the_program_changed_hands_after_the_fetch(world, probolinggo):
    """The rule is checked on the program read again under the lock, not on the one passed in."""
    own, other = f.opd(), f.opd("DLH", "Dinas Lingkungan Hidup")
    f.link_editor(world, own)
    editor = f.actor(world, "editor_probolinggo")
    program = f.program(world, own, is_quick_win=True)
    risk = services.save_risk(actor=editor, program=program, description="Data usang", likelihood=2, impact=2)
    Program.objects.filter(pk=program.pk).update(lead_opd=other)  # the admin moves it meanwhile
    with pytest.raises(PermissionDenied):
        services.save_risk(actor=editor, program=program, description="Lain", likelihood=3, impact=3)
    with pytest.raises(PermissionDenied):
        services.save_risk(actor=editor, program=program, risk=risk, description="Lain", likelihood=3, impact=3)
    with pytest.raises(PermissionDenied):
        services.delete_risk(actor=editor, risk=risk)
    with pytest.raises(PermissionDenied):
        services.delete_program(actor=editor, program=program)
    assert list(Risk.objects.values_list("description", flat=True)) == ["Data usang"]
    assert Program.objects.filter(pk=program.pk).exists()


def test_the_lead_opds_an_actor_may_name_follow_the_rule(world, probolinggo):
    own, other = f.opd(), f.opd("DLH", "Dinas Lingkungan Hidup")
    assert list(selectors.lead_opds(f.actor(world, "admin_probolinggo"))) == [own, other]  # by acronym
    assert list(selectors.lead_opds(f.actor(world, "editor_probolinggo"))) == []  # not linked yet
    f.link_editor(world, own)
    assert list(selectors.lead_opds(f.actor(world, "editor_probolinggo"))) == [own]


def test_mentions_notify_members_by_email_and_in_app(world, probolinggo):
    facilitator = f.actor(world, "facilitator_current")
    body = "Mohon dilengkapi @admin_probolinggo@example.id dan @Council Probolinggo; @nobody@example.id bukan anggota"
    comment = services.add_comment(
        actor=facilitator, section=Comment.Section.SWOT, body=body, url="/masterplan/buku-1/"
    )
    recipients = set(Notification.objects.values_list("user_id", flat=True))
    assert recipients == {world.users["admin_probolinggo"].pk, world.users["council_probolinggo"].pk}
    assert comment.section == "swot"


def test_mention_email_is_sent_after_commit(world, probolinggo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(
            actor=f.actor(world, "admin_probolinggo"), section="vision", body="@viewer_probolinggo@example.id lihat ini"
        )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["viewer_probolinggo@example.id"]


def test_viewer_cannot_comment_and_resolved_comments_stay(world, probolinggo):
    with pytest.raises(PermissionDenied):
        services.add_comment(actor=f.actor(world, "viewer_probolinggo"), section="swot", body="Halo")
    comment = services.add_comment(actor=f.actor(world, "facilitator_current"), section="swot", body="Perbaiki")
    with pytest.raises(PermissionDenied):
        services.resolve_comment(actor=f.actor(world, "council_probolinggo"), comment=comment)
    services.resolve_comment(actor=f.actor(world, "admin_probolinggo"), comment=comment)
    comment.refresh_from_db()
    assert comment.is_resolved and Comment.objects.filter(pk=comment.pk).exists()


def test_opd_with_programs_cannot_be_deleted(world, probolinggo):
    program = f.program(world)
    with pytest.raises(ValidationError):
        services.delete_opd(actor=f.actor(world, "admin_probolinggo"), opd=program.lead_opd)


def test_sub_dimension_data_is_rows_not_choices(probolinggo):
    field = Program._meta.get_field("sub_dimension")
    assert field.related_model is SubDimension and not field.choices


def test_submitting_notifies_the_council_and_returning_the_region_admins(
    world, probolinggo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_masterplan(
            actor=f.actor(world, "admin_probolinggo"), action="submit", acknowledge_failing=True, reason="Lanjut"
        )
    council = world.users["council_probolinggo"]
    assert Notification.objects.get(user_id=council.pk).url == "/masterplan/"
    assert mail.outbox[-1].to == [council.email]
    with django_capture_on_commit_callbacks(execute=True):
        services.transition_masterplan(
            actor=f.actor(world, "council_probolinggo"), action="return", reason="Lengkapi SWOT"
        )
    admin = world.users["admin_probolinggo"]
    assert "dikembalikan" in Notification.objects.get(user_id=admin.pk).message
    assert "Lengkapi SWOT" in mail.outbox[-1].body


def test_writes_ask_for_a_snapshot_refresh_after_commit(world, probolinggo, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    cache.delete("snapshot-refresh-pending")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        f.program(world)
    assert cache.get("snapshot-refresh-pending") == 1  # keyed per schema by the cache's key function
    assert len(callbacks) == 1  # one task per debounce window, sent once the transaction commits
