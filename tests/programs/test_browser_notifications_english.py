"""In the browser, a region admin who was mentioned in a comment and told the masterplan was
approved reads both notifications in English after choosing English with the language switch,
at desktop and at phone width: the page shows neither stored Indonesian text.

Runs in Debian's Chromium against a real server (fixtures of ``tests/test_browser.py``);
what it writes is committed, so it removes it afterwards.
"""

import pytest
from django.db import connection

from tests.conftest import pass_second_factor_in_browser
from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser
BODY = "Mohon lengkapi analisis SWOT @admin_probolinggo@example.id"


@pytest.fixture
def notified(committed_db):
    """The two notifications made by the services; their stored (Indonesian) texts."""
    from platform.accounts.models import User
    from programs import selectors, services
    from programs.models import Comment, Notification
    from programs.rules import Actor
    from programs.services import workflow
    from tenants.models import Workspace
    from tenants.selectors import workspace_access

    workspace = Workspace.objects.get(region_id="35.74")
    users = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@example.id")}

    def actor(name):
        return Actor(user=users[name], access=workspace_access(user=users[name], workspace=workspace))

    facilitator, council = actor("facilitator_current"), actor("council_probolinggo")
    connection.set_tenant(workspace)
    before = set(Notification.objects.values_list("pk", flat=True))
    comment = services.add_comment(actor=facilitator, section=Comment.Section.SWOT, body=BODY)
    workflow._notify_transition(actor=council, action="approve", masterplan=selectors.masterplan(), reason="")
    made = Notification.objects.exclude(pk__in=before)
    stored = list(made.values_list("message", flat=True))
    connection.set_schema_to_public()
    yield stored
    connection.set_tenant(workspace)
    Notification.objects.exclude(pk__in=before).delete()
    Comment.objects.filter(pk=comment.pk).delete()
    connection.set_schema_to_public()


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_notifications_read_in_english_show_no_stored_indonesian_text(notified, server, page, width, height):  # noqa: F811
    from tests.conftest import PASSWORD

    assert len(notified) == 2
    page.set_viewport_size({"width": width, "height": height})
    base = f"http://kota-probolinggo.sc100.test:{server}"
    page.goto(base + "/notifikasi/")
    page.fill("input[name=username]", "admin_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, "admin_probolinggo@example.id")
    page.wait_for_url(base + "/notifikasi/")
    assert page.locator("ul.notifications").inner_text().count("menyebut Anda") == 1  # Indonesian first

    toggle = page.locator("[data-nav-toggle]")
    if toggle.is_visible():  # on a phone the menu, with the language switch, is folded
        toggle.click()
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")  # the language switch submits itself
    assert page.locator("html").get_attribute("lang") == "en"
    listing = page.locator("ul.notifications").inner_text()
    assert "mentioned you in a comment on SWOT" in listing
    assert "approved by the Dewan Smart City" in listing
    content = page.content()
    assert [text for text in notified if text in content] == []
