"""The public screen's state, answered before the rest of the middleware stack.

On the day, every public screen in the hall (and every phone following the stream) polls its
stage's state twice a second: 200 viewers are 400 requests a second on a two-core node. The
full stack (tenant, session, authentication, second factor, messages, membership) costs more
than the answer itself, and none of it matters to an anonymous JSON poll of a published
agenda. So this middleware, placed right after the headers' middleware, answers such a poll
from the cache when the full view has already built that second's body (it builds it once a
second per stage, revision, kind of screen and language), with the same body, ETag and
headers. Anything else — another host, an unknown or unpublished stage, a cold cache — goes
down the full stack unchanged, which also decides every refusal.
"""

import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.cache import patch_vary_headers

from platform.middleware import request_language
from showcase.live import selectors

PUBLIC_STATE = re.compile(r"^/showcase/(?P<slug>[-a-zA-Z0-9_]+)/layar/(?P<stage>[0-9]{1,9})/status\.json$")


class PublicStateFastPath:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET":
            match = PUBLIC_STATE.match(request.path_info)
            if match is not None and self._on_apex(request):
                response = self._cached_answer(request, match["slug"], int(match["stage"]))
                if response is not None:
                    return response
        return self.get_response(request)

    @staticmethod
    def _on_apex(request) -> bool:
        host = request.META.get("HTTP_HOST", "").rsplit(":", 1)[0].lower()
        return host == settings.BASE_DOMAIN

    @staticmethod
    def _cached_answer(request, slug: str, stage_id: int):
        from showcase.live.views import answer  # the views import the whole app; load them once used

        connection.set_schema_to_public()  # the apex's cache keys, as the tenant middleware would set
        pointer = selectors.cached_pointer(stage_id)
        if pointer is None or not pointer.published or pointer.slug != slug:
            return None
        key = selectors.body_key(pointer, private=False, second=int(time.time()), language=request_language(request))
        built = cache.get(key)
        if built is None:
            return None
        response = answer(request, *built)
        patch_vary_headers(response, ["Cookie"])  # the body's labels follow the language cookie
        return response
