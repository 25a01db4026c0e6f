"""The demo stack serves like production (issue 12): no debug pages unless a developer opts in,
and the unknown-host page passes the security middleware and loads its CSS."""

import importlib

import pytest
from django.test import Client


def test_the_local_settings_keep_debug_off_unless_asked(monkeypatch):
    import platform.settings.local as local

    monkeypatch.delenv("DJANGO_DEBUG", raising=False)
    assert importlib.reload(local).DEBUG is False
    monkeypatch.setenv("DJANGO_DEBUG", "1")
    assert importlib.reload(local).DEBUG is True
    monkeypatch.delenv("DJANGO_DEBUG")
    importlib.reload(local)


@pytest.mark.django_db
def test_an_unknown_host_gets_the_friendly_page_with_security_headers_and_its_css(world):
    client = Client()
    page = client.get("/", HTTP_HOST="kota-tidak-ada.sc100.test")
    assert page.status_code == 404
    assert page["X-Content-Type-Options"] == "nosniff" and page["Referrer-Policy"]
    css = [line for line in page.content.decode().split('"') if line.endswith(".css")]
    assert css, "the page links a stylesheet"
    assert client.get(css[0], HTTP_HOST="kota-tidak-ada.sc100.test").status_code == 200


@pytest.mark.django_db
def test_an_outsiders_404_is_the_projects_page_not_a_debug_page(world, client_for):
    response = client_for(world.users["admin_pasuruan"]).get("/members/", HTTP_HOST="kota-probolinggo.sc100.test")
    assert response.status_code == 404
    body = response.content.decode()
    assert "URLconf" not in body and "not a member" not in body
