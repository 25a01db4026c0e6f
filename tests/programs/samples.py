"""URL parameter values of the masterplan pages for the isolation walk (Probolinggo schema)."""

from datetime import date

from programs import excel
from programs.models import (
    Comment,
    LembarKomitmen,
    MasterplanBook,
    Person,
    Program,
    ProgramImport,
    ProgramRevision,
    Risk,
)
from tests.programs import factories


def samples(world, workspace) -> dict:
    lead = factories.opd()
    program = Program.objects.filter(lead_opd=lead).first() or factories.program(world, lead, is_quick_win=True)
    risk = Risk.objects.filter(program=program).first() or Risk.objects.create(
        program=program, description="Server down", likelihood=2, impact=4, owner="Diskominfo"
    )
    comment = Comment.objects.filter(program=program).first() or Comment.objects.create(
        section=Comment.Section.PROGRAM, program=program, author=world.users["facilitator_current"], body="Bagus"
    )
    person = Person.objects.first() or Person.objects.create(
        body=Person.Body.COUNCIL, name="Ir. Budi", position="Ketua"
    )
    revision = ProgramRevision.objects.filter(program=program).first()
    return {
        "program_pk": program.pk,
        "opd_pk": lead.pk,
        "risk_pk": risk.pk,
        "comment_pk": comment.pk,
        "person_pk": person.pk,
        "revision_pk": revision.pk,
        "dimension_code": "governance",
        "komitmen_pk": (
            LembarKomitmen.objects.first()
            or LembarKomitmen.objects.create(
                kind=LembarKomitmen.Kind.REGIONAL_HEAD,
                signatory="Wali Kota",
                position="Wali Kota",
                signed_on=date(2026, 10, 1),
            )
        ).pk,
        "book_pk": (MasterplanBook.objects.first() or MasterplanBook.objects.create(step="sampel")).pk,
        "job_pk": (ProgramImport.objects.first() or ProgramImport.objects.create(upload_name="sampel", total=1)).pk,
        # A signed reference to an upload that is not stored: members are sent back to upload.
        "upload_token": excel.upload_token(
            name=f"{excel.UPLOAD_DIR}/{'0' * 32}.xlsx", user=world.users["admin_probolinggo"]
        ),
    }
