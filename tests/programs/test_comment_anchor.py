"""After posting a comment the page opens on it: the redirect ends in ``#comment-<id>`` and the
comment carries that id (unlocalised: no thousands separator in an id above 999)."""

import pytest
from django.db import connection

from programs.models import Comment
from tests.programs import factories as f

P = "kota-probolinggo.sc100.test"


@pytest.fixture
def high_ids(world):
    """Comment ids past 999, where a localised number would read ``1.234``."""
    connection.set_tenant(world.probolinggo)
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval(pg_get_serial_sequence('programs_comment', 'id'), 12344)")
    connection.set_schema_to_public()


def test_a_section_comment_lands_on_itself(world, client_for, high_ids):
    client = client_for(world.users["facilitator_current"])
    response = client.post(
        "/komentar/", {"section": "swot", "body": "Lengkapi SWOT", "next": "/masterplan/buku-1/#swot"}, HTTP_HOST=P
    )
    connection.set_tenant(world.probolinggo)
    comment = Comment.objects.get()
    connection.set_schema_to_public()
    assert comment.pk >= 12345
    assert response.status_code == 302
    assert response["Location"] == f"/masterplan/buku-1/#comment-{comment.pk}"
    page = client.get("/masterplan/buku-1/", HTTP_HOST=P).content.decode()
    assert f'id="comment-{comment.pk}"' in page


def test_a_program_comment_lands_on_itself(world, client_for, high_ids):
    connection.set_tenant(world.probolinggo)
    program = f.program(world)
    connection.set_schema_to_public()
    client = client_for(world.users["admin_probolinggo"])
    url = f"/program/{program.pk}/"
    response = client.post(
        "/komentar/", {"section": "program", "program": program.pk, "body": "Target kurang jelas", "next": url},
        HTTP_HOST=P,
    )  # fmt: skip
    connection.set_tenant(world.probolinggo)
    comment = Comment.objects.get(program=program)
    connection.set_schema_to_public()
    assert response["Location"] == f"{url}#comment-{comment.pk}"
    page = client.get(url, HTTP_HOST=P).content.decode()
    assert f'id="comment-{comment.pk}"' in page and "Target kurang jelas" in page


def test_a_refused_comment_goes_back_without_an_anchor(world, client_for):
    response = client_for(world.users["facilitator_current"]).post(
        "/komentar/", {"section": "swot", "body": "", "next": "/masterplan/buku-1/"}, HTTP_HOST=P
    )
    assert response["Location"] == "/masterplan/buku-1/"
