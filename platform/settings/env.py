"""The one place that reads environment variables.

Local defaults are safe (loopback, debug only in ``local``); ``production`` requires the
variables it lists and stops with a clear ``ImproperlyConfigured`` message naming the one
that is missing.
"""

import environ

env = environ.Env()


def required(name: str) -> str:
    """Return a variable that has no safe default, or stop with a clear message."""
    from django.core.exceptions import ImproperlyConfigured

    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(f"Environment variable {name} is not set; see deploy/production/env.example.")
    return value
