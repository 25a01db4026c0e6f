"""Indonesian first: the UI is in Bahasa Indonesia unless the person chose English.

Django's LocaleMiddleware would follow the browser's Accept-Language, and many officials'
browsers say English; the platform's language is Indonesian, and English is a choice made
with the language switch (stored in the language cookie).
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers


def request_language(request) -> str:
    """The language of a request: the visitor's choice (the language cookie), else Indonesian."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in {code for code, _ in settings.LANGUAGES} else settings.LANGUAGE_CODE


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class RejectNullCharactersMiddleware:
    """A NUL character in the path or the query string is refused with 400.

    PostgreSQL cannot store or compare text holding NUL, so such a value would otherwise
    fail deep inside a query (a 500) wherever a URL value reaches a filter. Form and API
    fields already refuse it (Django's and DRF's ``ProhibitNullCharactersValidator``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            message = translation.gettext("Alamat berisi karakter NUL yang tidak diizinkan.")
            if request.path.startswith("/api/"):  # the API answers JSON, like its other 400s
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class PrivacyHeadersMiddleware:
    """Every answer says which browser features the pages never use; signed-in answers are not stored.

    Placed early in MIDDLEWARE, so it also covers the unknown-host page and static files.
    An answer to a signed-in person (a page, an API answer, a download) holds that person's
    data: ``private, no-store`` keeps it out of shared caches and off the disk of a shared
    computer. ``private, no-store`` is added to a ``Cache-Control`` a view set itself
    (``private`` replaces ``public``); anonymous answers (the calendar feeds' ``private, no-cache`` for calendar
    clients, static files) keep theirs.
    """

    PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
