"""Stored and redirected addresses stay on the site: a comment's ``next``, the notification
it stores and renders, and every ``next`` redirect go through ``platform.urls_safety``."""

import pytest
from django.db import connection

from platform.urls_safety import local_path
from programs.models import Comment, Notification
from tests.programs import factories as f

P = "kota-probolinggo.sc100.test"
OFF_SITE = [
    "/\\evil.example/",
    "\\\\evil.example/",
    "//evil.example/",
    "/\t/evil.example/",
    "https://evil.example/masterplan/",
    "http://kota-probolinggo.sc100.test//evil.example/",
    "http://kota-probolinggo.sc100.test/\\evil.example/",
    "javascript:alert(1)",
    "masterplan/",
    "/masterplan/\x00",
    "/" + "a" * 300,
]


@pytest.mark.parametrize("url", OFF_SITE)
def test_an_address_that_could_leave_the_site_gives_the_fallback(url):
    assert local_path(url, fallback="/aman/", host=P) == "/aman/"


def test_an_address_on_the_site_is_kept_as_a_path_only():
    assert local_path("/masterplan/buku-1/?a=1#swot", fallback="/", host=P) == "/masterplan/buku-1/?a=1#swot"
    assert local_path(f"http://{P}/masterplan/?a=1", fallback="/", host=P) == "/masterplan/?a=1"
    assert local_path(f"http://{P}/masterplan/", fallback="/", host=P, require_https=True) == "/"
    assert local_path(f"https://{P}/masterplan/", fallback="/") == "/"  # no host given: paths only
    assert local_path("", fallback="/") == local_path(None, fallback="/") == "/"


@pytest.mark.parametrize("url", OFF_SITE)
def test_a_comment_with_an_off_site_next_stores_and_renders_a_local_link(world, client_for, url):
    response = client_for(world.users["facilitator_current"]).post(
        "/komentar/", {"section": "swot", "body": "Tolong cek @Admin Probolinggo", "next": url}, HTTP_HOST=P
    )
    assert response.status_code == 302 and response["Location"].startswith("/masterplan/#comment-")
    connection.set_tenant(world.probolinggo)
    note = Notification.objects.get()
    assert note.url == f"/masterplan/#comment-{note.comment_id}"  # the mention opens on the comment
    connection.set_schema_to_public()
    page = client_for(world.users["admin_probolinggo"]).get("/notifikasi/", HTTP_HOST=P).content.decode()
    assert f'href="/masterplan/#comment-{note.comment_id}"' in page and "evil" not in page


def test_a_comment_keeps_the_page_it_was_written_on(world, client_for):
    response = client_for(world.users["facilitator_current"]).post(
        "/komentar/",
        {"section": "swot", "body": "@Admin Probolinggo", "next": f"http://{P}/masterplan/buku-1/"},
        HTTP_HOST=P,
    )
    assert response["Location"].startswith("/masterplan/buku-1/#comment-")
    connection.set_tenant(world.probolinggo)
    note = Notification.objects.get()
    assert note.url == f"/masterplan/buku-1/#comment-{note.comment_id}"


def test_a_link_stored_before_the_check_renders_on_the_site(world, client_for):
    connection.set_tenant(world.probolinggo)
    Notification.objects.create(user_id=world.users["admin_probolinggo"].pk, message="Lama", url="/\\evil.example/")
    connection.set_schema_to_public()
    page = client_for(world.users["admin_probolinggo"]).get("/notifikasi/", HTTP_HOST=P).content.decode()
    assert "evil" not in page and '<a href="/">Lama</a>' in page


def test_the_service_stores_paths_only(world):
    from programs import services

    connection.set_tenant(world.probolinggo)
    services.add_comment(
        actor=f.actor(world, "facilitator_current"),
        section=Comment.Section.SWOT,
        body="@Admin Probolinggo",
        url="https://evil.example/",
    )
    assert Notification.objects.get().url == ""


@pytest.mark.parametrize("url", OFF_SITE)
def test_resolving_a_comment_with_an_off_site_next_goes_to_the_masterplan(world, client_for, url):
    connection.set_tenant(world.probolinggo)
    from programs import services

    comment = services.add_comment(actor=f.actor(world, "admin_probolinggo"), section=Comment.Section.SWOT, body="x")
    connection.set_schema_to_public()
    response = client_for(world.users["admin_probolinggo"]).post(
        f"/komentar/{comment.pk}/selesai/", {"next": url}, HTTP_HOST=P
    )
    assert response.status_code == 302 and response["Location"] == "/masterplan/"


def _goes_to(response, default: str) -> bool:
    """A redirect to the view's own default, or a refusal of the input (a NUL byte: 400)."""
    return response.status_code == 400 or (response.status_code == 302 and response["Location"] == default)


@pytest.mark.parametrize("url", OFF_SITE)
def test_the_sign_in_language_and_sign_out_redirects_refuse_an_off_site_next(world, client_for, url):
    """Django's own views, wrapped by ``platform.urls_safety.local_redirects``."""
    from tests.conftest import PASSWORD

    login = client_for(None).post(
        f"/accounts/login/?next={url}",
        {"username": "viewer_probolinggo@example.id", "password": PASSWORD, "next": url},
        HTTP_HOST=P,
    )
    assert _goes_to(login, "/")
    language = client_for(None).post("/i18n/setlang/", {"language": "en", "next": url}, HTTP_HOST=P)
    assert _goes_to(language, "/")
    logout = client_for(world.users["viewer_probolinggo"]).post("/accounts/logout/", {"next": url}, HTTP_HOST=P)
    assert _goes_to(logout, "/accounts/login/")


def test_the_sign_in_and_language_redirects_keep_a_path_on_the_site(world, client_for):
    from tests.conftest import PASSWORD

    login = client_for(None).post(
        "/accounts/login/",
        {"username": "viewer_probolinggo@example.id", "password": PASSWORD, "next": f"http://{P}/masterplan/?a=1"},
        HTTP_HOST=P,
    )
    assert login["Location"] == "/masterplan/?a=1"
    language = client_for(None).post("/i18n/setlang/", {"language": "en", "next": "/program/"}, HTTP_HOST=P)
    assert language["Location"] == "/program/"
