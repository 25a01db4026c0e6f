"""Puts the request's client address where ``platform.audit.record`` finds it."""

import ipaddress

from platform.accounts.throttle import client_ip
from platform.audit import reset_client_ip, set_client_ip


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = set_client_ip(_valid_or_none(client_ip(request)))
        try:
            return self.get_response(request)
        finally:
            reset_client_ip(token)


def _valid_or_none(address: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address(address)) if address else None
    except ValueError:
        return None
