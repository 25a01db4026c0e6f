"""In the browser, a comment posted on a Buku I section brings the page back to that comment:
the address ends in ``#comment-<id>``, the folded section opens and the comment is in view.

Runs in Debian's Chromium against a real server (fixtures of ``tests/test_browser.py``);
what it writes is committed, so it removes it afterwards.
"""

import re

import pytest
from django.db import connection

from tests.conftest import pass_second_factor_in_browser
from tests.test_browser import page, server  # noqa: F401

pytestmark = pytest.mark.browser
BODY = "Mohon lengkapi analisis SWOT lingkungan"


@pytest.fixture
def no_new_comments(committed_db):
    from programs.models import Comment, Notification
    from tenants.models import Workspace

    workspace = Workspace.objects.get(region_id="35.74")
    connection.set_tenant(workspace)
    before = set(Comment.objects.values_list("pk", flat=True))
    connection.set_schema_to_public()
    yield
    connection.set_tenant(workspace)
    new = Comment.objects.exclude(pk__in=before)
    Notification.objects.filter(message__contains=BODY[:20]).delete()
    new.delete()
    connection.set_schema_to_public()


def test_a_posted_comment_is_where_the_page_lands(no_new_comments, server, page):  # noqa: F811
    from tests.conftest import PASSWORD

    base = f"http://kota-probolinggo.sc100.test:{server}"
    page.goto(base + "/masterplan/buku-1/")
    page.fill("input[name=username]", "admin_probolinggo@example.id")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_factor_in_browser(page, "admin_probolinggo@example.id")
    page.wait_for_url(base + "/masterplan/buku-1/")

    form = page.locator("form:has(input[name=section][value=swot])")
    form.locator("xpath=ancestor::details").locator("summary").click()
    form.locator("textarea[name=body]").fill(BODY)
    form.locator("button[type=submit]").click()

    page.wait_for_url(re.compile(r"/masterplan/buku-1/#comment-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    comment = page.locator(f"#{anchor}")
    assert BODY in comment.inner_text()
    comment.wait_for(state="visible")
    in_view = page.evaluate(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return r.top >= 0 && r.top < window.innerHeight; }""",
        anchor,
    )
    assert in_view
