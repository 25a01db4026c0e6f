"""Pages of the calendar feeds (apex host).

The feed itself answers without a session (calendar apps cannot sign in): its secret token
is the credential. Unknown and reset tokens, and tokens whose owner lost the right to the
feed, all answer the same 404.
"""

import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.views import View

from programs.scheduling import feeds
from tenants.views_national import NationalView


class FeedView(View):
    """``/kalender/<token>.ics``: the owner's calendar, built from the plan as it stands."""

    http_method_names = ["get", "head"]

    def get(self, request, token):
        feed = feeds.readable_feed(token)
        if feed is None:
            raise Http404()
        body = feeds.calendar_of(feed)
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        not_modified = get_conditional_response(request, etag=etag)
        response = not_modified or HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["ETag"] = etag
        response["Content-Disposition"] = 'inline; filename="bimtek.ics"'
        # The feed holds names and e-mail addresses: never kept by shared caches, never indexed.
        response["Cache-Control"] = "private, no-cache"
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response


class MyFeedsView(NationalView):
    """``/saya/kalender/``: the signed-in user's feed links, each made on first visit."""

    rule = staticmethod(feeds.may_have_feeds)

    def get(self, request):
        links = [feeds.link_of(feed, request) for feed in feeds.feeds_of(request.user)]
        return render(request, "scheduling/feeds/my_feeds.html", {"links": links})


class FeedResetView(NationalView):
    """Replace a feed's token (owner only; anyone else gets 404)."""

    rule = staticmethod(feeds.may_have_feeds)
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            feeds.reset_feed(actor=request.user, feed_id=pk)
        except PermissionDenied as exc:
            raise Http404() from exc
        messages.success(
            request, _("Alamat kalender diganti. Alamat lama tidak berlaku lagi: perbarui langganan kalender Anda.")
        )
        return redirect("schedule-my-feeds")
