"""Data the journeys start from and the undoing of what they write (everything is committed:
the site runs in its own server process)."""

from contextlib import contextmanager

from django.db import connection

INVITED = "undangan_perjalanan@example.id"


def probolinggo():
    from tenants.models import Workspace

    return Workspace.objects.get(region_id="35.74")


@contextmanager
def in_workspace(workspace=None):
    connection.set_tenant(workspace or probolinggo())
    try:
        yield
    finally:
        connection.set_schema_to_public()


@contextmanager
def masterplan_restored(status: str = "draft"):
    """The masterplan in ``status`` for the journey, and afterwards as it was, with the status
    changes, comments and notifications of the journey removed."""
    from programs.models import Comment, Masterplan, MasterplanTransition, Notification

    with in_workspace():
        plan = Masterplan.objects.get()
        before = (plan.status, plan.revision)
        last = MasterplanTransition.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        last_comment = Comment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        last_note = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        Masterplan.objects.filter(pk=plan.pk).update(status=status)
    try:
        yield
    finally:
        with in_workspace():
            MasterplanTransition.objects.filter(pk__gt=last).delete()
            Notification.objects.filter(pk__gt=last_note).delete()
            Comment.objects.filter(pk__gt=last_comment).delete()
            Masterplan.objects.filter(pk=plan.pk).update(status=before[0], revision=before[1])


@contextmanager
def opds_removed(*acronyms: str):
    """OPDs the journey adds, removed afterwards with their programs."""
    from programs.models import Opd, Program

    try:
        yield
    finally:
        with in_workspace():
            Program.objects.filter(lead_opd__acronym__in=acronyms).delete()
            Opd.objects.filter(acronym__in=acronyms).delete()


@contextmanager
def invitation_removed(email: str = INVITED):
    from platform.accounts.models import User

    try:
        yield
    finally:
        User.objects.filter(email=email).delete()


@contextmanager
def opd_of_the_editor(acronym: str, email: str = "editor_probolinggo@example.id"):
    """An OPD with ``email`` as its OPD editor; removed afterwards with its programs (and
    their comments and notifications)."""
    from platform.accounts.models import User
    from programs.models import Notification, Opd, OpdEditor

    user = User.objects.get(email=email)
    with in_workspace():
        opd = Opd.objects.create(acronym=acronym, name="Dinas Pertanian dan Pangan", head="Ir. Tani Makmur")
        before = OpdEditor.objects.filter(user_id=user.pk).values_list("opd_id", flat=True).first()
        OpdEditor.objects.update_or_create(user_id=user.pk, defaults={"opd": opd})
        last_note = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with opds_removed(acronym):
        try:
            yield opd
        finally:
            with in_workspace():
                Notification.objects.filter(pk__gt=last_note).delete()
                if before is None:
                    OpdEditor.objects.filter(user_id=user.pk).delete()
                else:
                    OpdEditor.objects.filter(user_id=user.pk).update(opd_id=before)


@contextmanager
def cycle_waiting_for_verification(year: int):
    """A cycle of Kota Probolinggo (``year`` Tahap I) self-assessed with 3 everywhere and
    submitted, its snapshot refreshed so it waits on the facilitator's home; removed
    afterwards."""
    from decimal import Decimal

    from assessments import services, snapshots
    from assessments.framework.models import FrameworkVersion, RegionSnapshot
    from assessments.framework.services import seed_standard_versions
    from tenants.access import SYSTEM

    seeded = not FrameworkVersion.objects.exists()
    version = seed_standard_versions()[1]
    was_frozen = version.frozen_at
    with in_workspace():
        cycle = services.start_cycle(actor=SYSTEM, framework_version=version, year=year, stage=1)
        for response in cycle.responses.all():
            services.save_self_assessment(
                actor=SYSTEM, response=response, score=Decimal("3"), evidence_text="", evidence_links=""
            )
        services.change_state(actor=SYSTEM, cycle=cycle, action="submit")
        snapshots.refresh_region_snapshot()
    try:
        yield cycle
    finally:
        with in_workspace():
            cycle.delete()
            snapshots.refresh_region_snapshot()
        RegionSnapshot.objects.filter(region_id="35.74", year=year).delete()
        if seeded:
            FrameworkVersion.objects.all().delete()
        else:
            FrameworkVersion.objects.filter(pk=version.pk).update(frozen_at=was_frozen)


@contextmanager
def showcase_removed(slug: str):
    from showcase.models import Showcase

    try:
        yield
    finally:
        Showcase.objects.filter(slug=slug).delete()


@contextmanager
def published_results(*years: int):
    """Published results of Kota Probolinggo and Kota Pasuruan for ``years`` (Tahap II), as
    the ministry imports them; removed afterwards with their snapshots."""
    from assessments.framework.models import PublishedResult, RegionSnapshot
    from assessments.framework.services import import_published_results
    from tenants.access import SYSTEM

    rows = ["region_code,year,stage,overall,rank,component:baseline,dimension:governance"]
    for n, year in enumerate(years):
        rows += [f"35.74,{year},2,3.{17 + n},12,3.4,3.1", f"35.75,{year},2,2.{95 + n},20,3.0,2.9"]
    import_published_results(actor=SYSTEM, filename="perjalanan.csv", content="\n".join(rows).encode())
    try:
        yield
    finally:
        PublishedResult.objects.filter(year__in=years).delete()
        RegionSnapshot.objects.filter(year__in=years).delete()


@contextmanager
def facilitator_in_registry(email: str):
    """A facilitator of the national registry (an expert from East Java); removed afterwards."""
    from platform.accounts.models import User
    from programs.scheduling.models import Facilitator
    from tests.scheduling.factories import facilitator

    expert = facilitator(email, province="35", full_name="Dr. Perjalanan Fasilitator")
    try:
        yield expert
    finally:
        Facilitator.objects.filter(pk=expert.pk).delete()
        User.objects.filter(email=email).delete()


def actor_of(email: str):
    """The member ``email`` of Kota Probolinggo as the services' actor (run in its schema)."""
    from platform.accounts.models import User
    from programs.rules import Actor
    from tenants.selectors import workspace_access

    user = User.objects.get(email=email)
    return Actor(user=user, access=workspace_access(user=user, workspace=probolinggo()))


@contextmanager
def program_of_another_opd(acronym: str, title: str):
    """A program led by an OPD the editor is not in, saved by the region admin through the
    service; removed afterwards with its OPD."""
    from programs import services
    from tests.programs.factories import program_data

    with opds_removed(acronym):
        with in_workspace():
            from programs.models import Opd

            lead = Opd.objects.create(acronym=acronym, name="Badan Perencanaan Pembangunan Daerah", head="Ir. Rencana")
            program = services.save_program(
                actor=actor_of("admin_probolinggo@example.id"), data=program_data(lead, title=title)
            )
        yield program


@contextmanager
def editor_mentioned(program):
    """The OPD editor mentioned by the region admin in a comment on SWOT and by the
    facilitator in a comment on ``program``, through the comment service; the stored
    (Indonesian) texts of the notifications made. Removed afterwards."""
    from programs import services
    from programs.models import Comment, Notification

    with in_workspace():
        last_comment = Comment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        last_note = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        services.add_comment(
            actor=actor_of("admin_probolinggo@example.id"),
            section=Comment.Section.SWOT,
            body="Mohon dicek @editor_probolinggo@example.id",
        )
        services.add_comment(
            actor=actor_of("facilitator_current@example.id"),
            section="",
            program=program,
            body="Target 2027 perlu data dasar @editor_probolinggo@example.id",
        )
        stored = list(Notification.objects.filter(pk__gt=last_note).values_list("message", flat=True))
    try:
        yield stored
    finally:
        with in_workspace():
            Notification.objects.filter(pk__gt=last_note).delete()
            Comment.objects.filter(pk__gt=last_comment).delete()


@contextmanager
def framework_versions():
    """The standard framework versions (seeded when absent, then removed); the newest."""
    from assessments.framework.models import FrameworkVersion
    from assessments.framework.services import seed_standard_versions

    seeded = not FrameworkVersion.objects.exists()
    versions = seed_standard_versions()
    try:
        yield versions[-1]
    finally:
        if seeded:
            FrameworkVersion.objects.all().delete()


@contextmanager
def admin_told_by_the_dewan():
    """The region admin submits the masterplan (past failing checklist items, with a reason),
    the Dewan returns it and the facilitator mentions the admin in a comment, all through the
    services; the stored (Indonesian) texts of the admin's notifications. Undone afterwards."""
    from programs import services
    from programs.models import Comment, Notification

    admin = actor_of("admin_probolinggo@example.id")
    with masterplan_restored("draft"):
        with in_workspace():
            last_note = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            services.transition_masterplan(
                actor=admin, action="submit", reason="Rapat Dewan bulan ini", acknowledge_failing=True
            )
            services.transition_masterplan(
                actor=actor_of("council_probolinggo@example.id"), action="return", reason="Lengkapi SWOT"
            )
            services.add_comment(
                actor=actor_of("facilitator_current@example.id"),
                section=Comment.Section.SWOT,
                body="Mohon dilengkapi @admin_probolinggo@example.id",
            )
            stored = list(
                Notification.objects.filter(pk__gt=last_note, user_id=admin.user.pk).values_list("message", flat=True)
            )
        yield stored
