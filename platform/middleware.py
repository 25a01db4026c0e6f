"""Indonesian first: the UI is in Bahasa Indonesia unless the person chose English.

Django's LocaleMiddleware would follow the browser's Accept-Language, and many officials'
browsers say English; the platform's language is Indonesian, and English is a choice made
with the language switch (stored in the language cookie).
"""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
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
            return HttpResponseBadRequest(
                translation.gettext("Alamat berisi karakter NUL yang tidak diizinkan."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
