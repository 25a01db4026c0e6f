"""The one check of an address that came from a user and is stored or redirected to (a
comment's ``next``, a notification's link, every ``next`` redirect).

A hand-written check ("starts with / and not //") lets ``/\\evil.example/`` through, which
browsers read as ``//evil.example/``: off-site. Django's ``url_has_allowed_host_and_scheme``
knows these tricks; on top of it the address is kept as a path only (no scheme, no host), so
what is stored stays on whatever host serves it later, and it fits its column.
"""

import re
from functools import wraps
from urllib.parse import urlsplit, urlunsplit

from django.utils.http import url_has_allowed_host_and_scheme

MAX_LENGTH = 300  # the notification's column
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def local_path(url: str | None, *, fallback: str, host: str | None = None, require_https: bool = False) -> str:
    """``url`` as a path on this site (``/a/b?c#d``), or ``fallback`` when it is empty, leads
    elsewhere, is too long or holds control characters. An absolute address is accepted only
    on ``host`` (and only over HTTPS when ``require_https``), and is reduced to its path."""
    if not url or len(url) > MAX_LENGTH or _CONTROL.search(url):
        return fallback
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={host} if host else set(), require_https=require_https):
        return fallback
    parts = urlsplit(url)
    path = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    # The path alone must hold too: "https://this-host//evil.example/" leaves "//evil.example/".
    if not path.startswith("/") or not url_has_allowed_host_and_scheme(path, allowed_hosts=set()):
        return fallback
    return path


def safe_next(request, fallback: str) -> str:
    """The request's ``next`` (POST, else GET) as a path on the request's own host, or ``fallback``."""
    return local_path(
        request.POST.get("next") or request.GET.get("next"),
        fallback=fallback,
        host=request.get_host(),
        require_https=request.is_secure(),
    )


def local_redirects(view):
    """Wrap a view of Django's that redirects to ``next`` (sign-in, sign-out, the language
    switch) so that it sees ``next`` only as a path on the request's host: anything else is
    dropped and the view goes to its own default. Django checks ``next`` with the same
    function; this adds the path-only rule, so every ``next`` redirect follows one rule."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        for method in ("GET", "POST"):
            params = getattr(request, method)
            if "next" in params:
                params = params.copy()
                path = local_path(
                    params["next"], fallback="", host=request.get_host(), require_https=request.is_secure()
                )
                if path:
                    params["next"] = path
                else:
                    del params["next"]
                setattr(request, method, params)
        return view(request, *args, **kwargs)

    return wrapped
