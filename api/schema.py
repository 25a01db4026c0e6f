"""The OpenAPI schema's operations, with the error answers every endpoint of this API can give.

drf-spectacular documents the success answer of an operation only. Every operation here can
also answer:

- 400: a body or a query that does not validate (field → messages), a body that does not
  parse, a NUL character in the address or the body (``api.parsers``, ``platform.middleware``);
- 401 / 403: no valid credentials;
- 404: the host's gate (``api.permissions.HostAccessPermission``: not a member, a role
  without the capability, a ministry page's rule), an unknown object or page number.

They are declared here, once, for every operation, so clients (and the conformance test in
``tests/api/test_schemathesis.py``) see the answers the API really gives. An operation that
declares one of these codes itself keeps its own declaration.
"""

from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(required=False)

    class Meta:
        ref_name = "Error"


ERRORS = {
    "400": OpenApiResponse(
        OpenApiTypes.OBJECT,
        description="Invalid input: messages per field, or a detail when the request cannot be read.",
    ),
    "401": OpenApiResponse(ErrorSerializer, description="No valid credentials."),
    "403": OpenApiResponse(ErrorSerializer, description="No valid credentials, or no CSRF token with a session."),
    "404": OpenApiResponse(ErrorSerializer, description="Not found, or outside what the caller may reach."),
}


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, response in ERRORS.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(response, code, direction=direction)
        return responses
