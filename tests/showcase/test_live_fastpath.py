"""The public screen's polls answered before the full middleware stack (``showcase.live.fastpath``):
the same body, ETag and headers as the full view once that second's body is built, per
language; everything else (another host, an unpublished stage, a cold cache) goes down the
full stack and gets its answer there."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from showcase.live import services, views
from tests.showcase.samples_live import published_day

APEX = "sc100.test"


def state_url(showcase, stage) -> str:
    kw = {"slug": showcase.slug, "live_stage": stage.pk}
    return reverse("showcase-live-public-state", urlconf="platform.urls_public", kwargs=kw)


def refuse(*args, **kwargs):
    raise AssertionError("the full stack answered")


def warm_then_poll(client, url, monkeypatch):
    """The full view builds this second's body, then a poll of the same second is answered
    with the full view switched off (so it can only come from the fast path); retried when
    the second turned in between."""
    for _ in range(5):
        second = int(time.time())
        warm = client.get(url, HTTP_HOST=APEX)
        with monkeypatch.context() as patched:
            patched.setattr(views.PublicStateView, "get", refuse)
            try:
                fast = client.get(url, HTTP_HOST=APEX)
            except AssertionError:
                fast = None
        if int(time.time()) == second:
            return warm, fast
    pytest.fail("could not poll twice within one second")


def test_a_warm_poll_is_answered_with_the_full_views_body_and_etag(world, client, monkeypatch):
    showcase = published_day()
    stage = showcase.stages.get()
    cache.clear()
    warm, fast = warm_then_poll(client, state_url(showcase, stage), monkeypatch)
    assert warm.status_code == 200 and fast is not None and fast.status_code == 200
    assert fast.content == warm.content and fast["ETag"] == warm["ETag"]
    assert fast["Cache-Control"] == "no-cache" and int(fast["X-Server-Now"]) > 0
    assert int(fast["Content-Length"]) == len(fast.content)  # a kept-alive poll, not a chunked answer
    assert "Cookie" in fast["Vary"]
    assert fast["X-Content-Type-Options"] == "nosniff"  # the headers' middleware still wraps it
    again = client.get(state_url(showcase, stage), HTTP_HOST=APEX, HTTP_IF_NONE_MATCH=fast["ETag"])
    assert again.status_code == 304


def test_each_language_gets_its_own_body(world, client, monkeypatch):
    showcase = published_day()
    stage = showcase.stages.get()
    cache.clear()
    _, indonesian = warm_then_poll(client, state_url(showcase, stage), monkeypatch)
    client.cookies["django_language"] = "en"
    _, english = warm_then_poll(client, state_url(showcase, stage), monkeypatch)
    assert indonesian.json()["status_label"] != english.json()["status_label"]


def test_a_cold_cache_an_unpublished_stage_and_another_host_go_down_the_full_stack(world, client, monkeypatch):
    showcase = published_day()
    stage = showcase.stages.get()
    cache.clear()
    monkeypatch.setattr(views.PublicStateView, "get", refuse)
    with pytest.raises(AssertionError, match="full stack answered"):
        client.get(state_url(showcase, stage), HTTP_HOST=APEX)  # nothing built yet
    draft = published_day(slug="live-draft", published=False)
    draft_stage = draft.stages.get()
    response = client.get(state_url(draft, draft_stage), HTTP_HOST=APEX)
    assert response.status_code == 302  # the full stack's answer to an anonymous visitor
    response = client.get(state_url(showcase, stage), HTTP_HOST="kota-probolinggo.sc100.test")
    assert response.status_code == 404


def test_an_operators_action_reaches_the_fast_path_at_its_new_revision(world, client, monkeypatch):
    showcase = published_day()
    stage = showcase.stages.get()
    cache.clear()
    _, before = warm_then_poll(client, state_url(showcase, stage), monkeypatch)
    services.act(actor=world.users["ministry_admin"], stage=stage, action="start", revision=0)
    _, after = warm_then_poll(client, state_url(showcase, stage), monkeypatch)
    assert after.json()["revision"] == before.json()["revision"] + 1
    assert after["ETag"] != before["ETag"]
