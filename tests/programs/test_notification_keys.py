"""Notifications are stored as a message key with parameters and rendered in the reader's
language; the Indonesian text stays beside them for rows stored before keys; the masterplan
book's step is stored untranslated and shown in the reader's language."""

import pytest
from django.core import mail
from django.db import connection
from django.utils import translation

from programs import notifications, selectors, services
from programs.models import Comment, Masterplan, MasterplanBook, Notification
from programs.services import workflow
from tests.programs import factories as f


def test_a_mention_stores_its_key_and_parameters_and_renders_in_each_language(world, probolinggo):
    services.add_comment(
        actor=f.actor(world, "facilitator_current"),
        section=Comment.Section.SWOT,
        body="Mohon dilengkapi @admin_probolinggo@example.id",
    )
    note = Notification.objects.get()
    author = str(world.users["facilitator_current"])
    assert note.key == "comment.mention"
    assert note.params == {"author": author, "section": "swot"}
    assert note.message == f"{author} menyebut Anda dalam komentar pada SWOT"
    with translation.override("id"):
        assert note.text == note.message
    with translation.override("en"):
        assert note.text == f"{author} mentioned you in a comment on SWOT"


def test_a_mention_on_a_program_names_the_program_and_the_section_label_follows_the_language(world, probolinggo):
    program = f.program(world)
    services.add_comment(
        actor=f.actor(world, "facilitator_current"), section="", program=program, body="@admin_probolinggo@example.id"
    )
    note = Notification.objects.get()
    assert note.params["program"] == str(program) and "section" not in note.params
    with translation.override("en"):
        assert note.text.endswith(f"on {program}")
    note.params = {"author": "A", "section": "vision"}
    with translation.override("en"):
        assert note.text == "A mentioned you in a comment on Vision, mission and objectives"


def test_submitting_stores_the_key_and_the_council_reads_it_in_english(world, probolinggo):
    workflow._notify_transition(
        actor=f.actor(world, "admin_probolinggo"), action="submit", masterplan=selectors.masterplan(), reason=""
    )
    note = Notification.objects.get(user_id=world.users["council_probolinggo"].pk)
    assert (note.key, note.params) == ("masterplan.submitted", {"rev": 1})
    assert note.message == "Masterplan revisi 1 diajukan untuk persetujuan Dewan Smart City"
    with translation.override("en"):
        assert note.text == "Masterplan revision 1 submitted for approval by the Dewan Smart City"


def return_masterplan(world, reason="Lengkapi SWOT"):
    """The Dewan returns a submitted masterplan (a step without checklist guard)."""
    Masterplan.objects.update(status=Masterplan.Status.SUBMITTED)
    services.transition_masterplan(actor=f.actor(world, "council_probolinggo"), action="return", reason=reason)


@pytest.mark.parametrize("active", ["id", "en"])
def test_emails_are_written_in_the_recipients_language_whatever_the_senders(
    world, probolinggo, django_capture_on_commit_callbacks, active
):
    """A recipient who never chose a language gets the platform's, Indonesian, also when the
    sender works in English."""
    with translation.override(active), django_capture_on_commit_callbacks(execute=True):
        return_masterplan(world)
    note = Notification.objects.get(user_id=world.users["admin_probolinggo"].pk)
    assert (note.key, note.params) == ("masterplan.returned", {"rev": 1})
    message = mail.outbox[-1]
    assert "Masterplan revisi 1 dikembalikan oleh Dewan Smart City" in message.subject
    assert "ruang kerja Smart City" in message.body and "Lengkapi SWOT" in message.body
    assert "returned" not in message.subject + message.body


def test_a_user_with_a_stored_language_gets_it(world):
    user = world.users["admin_probolinggo"]
    assert notifications.language_of(user) == "id"
    user.language = "en"
    assert notifications.language_of(user) == "en"
    user.language = "xx"
    assert notifications.language_of(user) == "id"


def test_rows_stored_before_keys_and_unknown_keys_show_their_stored_text(world, probolinggo):
    user_id = world.users["admin_probolinggo"].pk
    old = Notification.objects.create(user_id=user_id, message="Pesan lama")
    unknown = Notification.objects.create(user_id=user_id, key="gone.away", params={"x": 1}, message="Tersimpan")
    broken = Notification.objects.create(user_id=user_id, key="masterplan.submitted", params={}, message="Rusak")
    with translation.override("en"):
        assert (old.text, unknown.text, broken.text) == ("Pesan lama", "Tersimpan", "Rusak")
    assert str(old) == "Pesan lama"


def test_every_registered_message_renders_in_both_languages():
    params = {"author": "A", "section": "swot", "rev": 2}
    for key in notifications.MESSAGES:
        for language in ("id", "en"):
            assert notifications.render_in(language, key, params, fallback="") != ""


def test_the_book_step_is_stored_untranslated_and_shown_in_the_readers_language(probolinggo):
    book = MasterplanBook.objects.create(step="Menata halaman (%(n)s program)", step_params={"n": 2})
    done = MasterplanBook(step="Selesai dalam %(s)s detik", step_params={"s": 2.4})
    old = MasterplanBook(step="Selesai dalam 3.1 detik")
    with translation.override("id"):
        assert (book.step_text, done.step_text, old.step_text) == (
            "Menata halaman (2 program)",
            "Selesai dalam 2,4 detik",
            "Selesai dalam 3.1 detik",
        )
    with translation.override("en"):
        assert done.step_text.startswith("Done in 2.4")
        assert MasterplanBook(step="Menyusun PDF").step_text != "Menyusun PDF"


def test_a_deck_builds_step_is_shown_in_the_readers_language():
    from showcase.decks.models import DeckBuild

    done = DeckBuild(step="Selesai: %(n)s deck", step_params={"n": 1})
    running = DeckBuild(step="Deck %(n)s dari %(total)s", step_params={"n": 2, "total": 5})
    with translation.override("id"):
        assert (done.step_text, running.step_text) == ("Selesai: 1 deck", "Deck 2 dari 5")
    with translation.override("en"):
        assert running.step_text != "Deck 2 dari 5" and "2" in running.step_text
        assert DeckBuild(step="Menggabungkan PDF dan ZIP").step_text != "Menggabungkan PDF dan ZIP"


def test_a_recipient_who_chose_english_with_the_switch_gets_english_emails(
    world, probolinggo, client_for, django_capture_on_commit_callbacks
):
    """The language switch keeps a signed-in person's choice on their account; the mails sent
    to them afterwards are written in it, whatever the sender's language."""
    admin = world.users["admin_probolinggo"]
    connection.set_schema_to_public()
    response = client_for(admin).post(
        "/i18n/setlang/", {"language": "en", "next": "/"}, HTTP_HOST="kota-probolinggo.sc100.test"
    )
    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.language == "en"
    connection.set_tenant(world.probolinggo)
    with translation.override("id"), django_capture_on_commit_callbacks(execute=True):
        return_masterplan(world)
    message = mail.outbox[-1]
    assert message.to == [admin.email]
    assert "Masterplan revision 1 returned by the Dewan Smart City" in message.subject, message.subject
    assert "dikembalikan" not in message.subject + message.body


def test_an_anonymous_switch_or_an_unknown_language_stores_nothing(world, client_for):
    admin = world.users["admin_probolinggo"]
    client_for(None).post("/i18n/setlang/", {"language": "en"}, HTTP_HOST="sc100.test")
    client_for(admin).post("/i18n/setlang/", {"language": "xx"}, HTTP_HOST="sc100.test")
    admin.refresh_from_db()
    assert admin.language == ""
