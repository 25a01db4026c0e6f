"""Apex pages of the day: the operator's screen of a stage (ministry staff see it, ministry
admins act), the presenter's screen (ministry staff, or anyone holding the stage's secret
link), the public screen of a published agenda, each screen's JSON state, and the
planned-versus-actual report with its CSV.

The screens poll their JSON (``static/showcase_live/live.js``): it carries the server's clock
in a header on every answer (304 too), the state otherwise; an unchanged state answers 304
to the ETag of its content. Without script the pages show the state as of their loading and
the forms still post.

A public screen or presenter link that does not exist (or an agenda not yet published)
answers like any unknown address of a public page: a visitor who is not signed in is asked to
sign in, a signed-in one gets 404.
"""

import hashlib
import json
import time

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.views import View

from platform.exports import table_response
from showcase import rules
from showcase.live import machine, report, selectors, services
from showcase.live.forms import ActionForm
from showcase.models import Showcase, Stage
from tenants.views_national import NationalView

POLL_MS = 500


def access_stage(slug: str, pk: int) -> Stage:
    """The stage ``pk`` of the showcase ``slug``, or 404 (the same for either missing)."""
    stage = Stage.objects.select_related("showcase").filter(pk=pk, showcase__slug=slug).first()
    if stage is None:
        raise Http404("no such stage")
    return stage


def state_response(request, pointer: selectors.Pointer, *, private: bool) -> HttpResponse:
    """The screen's JSON, built at most once a second per stage, revision, kind of screen and
    language (every poller of that second shares it); 304 to its ETag. The body's ``now`` is
    the second it was built; the ``X-Server-Now`` header is this answer's own clock. The
    public screen's warm answers are served by ``showcase.live.fastpath`` from the same entry."""
    second = int(time.time())
    key = selectors.body_key(pointer, private=private, second=second, language=translation.get_language())
    built = cache.get(key)
    if built is None:
        now = timezone.now()
        state = selectors.screen_state(selectors.snapshot_at(pointer), now, private=private)
        etag = f'"{hashlib.blake2b(json.dumps(state).encode(), digest_size=12).hexdigest()}"'
        state["now"] = int(now.timestamp() * 1000)
        built = (json.dumps(state, separators=(",", ":")), etag)
        cache.set(key, built, 5)
    return answer(request, *built)


def answer(request, body: str, etag: str) -> HttpResponse:
    """A state's JSON answer (304 to its ETag), with the server's clock."""
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(body, content_type="application/json")
        response["Content-Length"] = str(len(response.content))  # kept alive, not chunked
    response["ETag"] = etag
    response["X-Server-Now"] = str(int(time.time() * 1000))
    response["Cache-Control"] = "no-cache"
    return response


def countdown(seconds: float | None) -> str:
    """``mm:ss`` left, ``+mm:ss`` past the end (what the script shows, as of the page's loading)."""
    if seconds is None:
        return "–"
    whole = int(abs(seconds)) if seconds < 0 else int(seconds + 0.999)
    return f"{'+' if seconds < 0 else ''}{whole // 60:02d}:{whole % 60:02d}"


def screen_context(request, snap: selectors.Snapshot, *, private: bool, state_url: str) -> dict:
    now = timezone.now()
    left = machine.remaining(snap.run, snap.slots, now)
    return {
        "snap": snap,
        "state": selectors.screen_state(snap, now, private=private),
        "countdown": countdown(left),
        "tone": "" if left is None else ("over" if left < 0 else ("warn" if left <= 120 else "")),
        "state_url": state_url,
        "poll_ms": POLL_MS,
    }


class LiveView(NationalView):
    rule = staticmethod(rules.can_view_showcase)


class StagesView(LiveView):
    """The showcase's stages with their three screens and the report."""

    def get(self, request, slug):
        showcase = get_object_or_404(Showcase, slug=slug)
        stages = list(showcase.stages.order_by("position", "pk"))
        return render(
            request,
            "showcase_live/stages.html",
            {
                "showcase": showcase,
                "stages": stages,
                "published": selectors.published_version_of(showcase.pk) is not None,
            },
        )


class OperatorView(LiveView):
    def get(self, request, slug, live_stage):
        stage = access_stage(slug, live_stage)
        snap = selectors.snapshot(stage.pk)
        state_url = reverse("showcase-live-state", kwargs={"slug": slug, "live_stage": stage.pk})
        context = screen_context(request, snap, private=True, state_url=state_url)
        context.update(
            {
                "stage": stage,
                "can_operate": rules.can_manage_showcase(request.user),
                "presenter_link": (
                    request.build_absolute_uri(reverse("showcase-live-presenter-link", args=[snap.presenter_token]))
                    if snap.presenter_token
                    else ""
                ),
            }
        )
        return render(request, "showcase_live/operator.html", context)


class ActionView(LiveView):
    rule = staticmethod(rules.can_manage_showcase)

    def post(self, request, slug, live_stage):
        stage = access_stage(slug, live_stage)
        form = ActionForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        else:
            data = form.cleaned_data
            outcome = services.act(
                actor=request.user,
                stage=stage,
                action=data["action"],
                revision=data["revision"],
                text=data.get("text") or "",
                count=data.get("count") or 1,
            )
            (messages.success if outcome.applied else messages.warning)(request, outcome.message)
        return redirect("showcase-live-operator", slug=slug, live_stage=stage.pk)


class ResetLinkView(LiveView):
    rule = staticmethod(rules.can_manage_showcase)

    def post(self, request, slug, live_stage):
        stage = access_stage(slug, live_stage)
        services.reset_presenter_link(actor=request.user, stage=stage)
        messages.success(request, _("Tautan penyaji yang baru dibuat; tautan lama tidak berlaku lagi."))
        return redirect("showcase-live-operator", slug=slug, live_stage=stage.pk)


class PresenterView(LiveView):
    def get(self, request, slug, live_stage):
        stage = access_stage(slug, live_stage)
        snap = selectors.snapshot(stage.pk)
        state_url = reverse("showcase-live-state", kwargs={"slug": slug, "live_stage": stage.pk})
        return render(
            request,
            "showcase_live/presenter.html",
            screen_context(request, snap, private=True, state_url=state_url),
        )


class StateView(LiveView):
    def get(self, request, slug, live_stage):
        stage = access_stage(slug, live_stage)
        return state_response(request, selectors.locate(stage.pk), private=True)


class _OpenScreen(View):
    """A screen without sign-in: the snapshot from the URL (``found``, of the mixin that says
    how the URL names the stage), or what an unknown address gets."""

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
        try:
            self.pointer = self.found(request, **kwargs)
        except (Http404, PermissionDenied):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404() from None
        return super().dispatch(request, *args, **kwargs)


class PresenterLinkMixin:
    def found(self, request, token):
        pointer = selectors.locate(token=token) if token else None
        if pointer is None:
            raise Http404()
        return pointer


class PresenterLinkView(PresenterLinkMixin, _OpenScreen):
    def get(self, request, token):
        state_url = reverse("showcase-live-presenter-link-state", args=[token])
        context = screen_context(request, selectors.snapshot_at(self.pointer), private=True, state_url=state_url)
        response = render(request, "showcase_live/presenter.html", context)
        response["Referrer-Policy"] = "no-referrer"  # the address is the credential
        return response


class PresenterLinkStateView(PresenterLinkMixin, _OpenScreen):
    def get(self, request, token):
        return state_response(request, self.pointer, private=True)


class PublicMixin:
    def found(self, request, slug, live_stage):
        pointer = selectors.locate(live_stage, slug=slug)
        if pointer is None or not pointer.published:
            raise Http404()
        return pointer


class PublicScreenView(PublicMixin, _OpenScreen):
    def get(self, request, slug, live_stage):
        state_url = reverse("showcase-live-public-state", kwargs={"slug": slug, "live_stage": live_stage})
        context = screen_context(request, selectors.snapshot_at(self.pointer), private=False, state_url=state_url)
        return render(request, "showcase_live/public.html", context)


class PublicStateView(PublicMixin, _OpenScreen):
    def get(self, request, slug, live_stage):
        return state_response(request, self.pointer, private=False)


class ReportView(LiveView):
    def get(self, request, slug, fmt=None):
        from zoneinfo import ZoneInfo

        showcase = get_object_or_404(Showcase, slug=slug)
        reports = report.report_of(showcase)
        zone = ZoneInfo(showcase.time_zone)
        if fmt == "csv":
            header, rows = report.csv_rows(showcase, reports, zone)
            return table_response(filename=f"laporan-acara-{showcase.slug}", header=header, rows=rows, fmt="csv")
        return render(request, "showcase_live/report.html", {"showcase": showcase, "reports": reports, "zone": zone})
