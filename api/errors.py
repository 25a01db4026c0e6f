"""Django's error handlers, with the API's answers under ``/api/``.

A URL under ``/api/`` that matches no route (``/api/v1/programs/abc/``) is answered like
every other API 404, ``{"detail": ...}`` as JSON, not with the HTML page meant for people.
Both root URL confs name ``not_found`` as their ``handler404``.
"""

from django.http import JsonResponse
from django.views import defaults
from rest_framework.exceptions import NotFound

API_PREFIX = "/api/"


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def not_found(request, exception):
    if is_api(request):
        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return defaults.page_not_found(request, exception)
