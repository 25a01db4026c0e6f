"""The local stack started by ``deploy/dev.sh up``."""

from platform.settings.base import *  # noqa: F403

# The demo stack serves like production: the project's own 404 and 500 pages, never Django's
# debug pages (which list every URL pattern and show tracebacks). Developers opt in with
# DJANGO_DEBUG=1.
DEBUG = env.bool("DJANGO_DEBUG", default=False)  # noqa: F405
PUBLIC_PORT = PUBLIC_PORT or str(WEB_PORT)  # noqa: F405
# gunicorn serves static files straight from the app folders (no collectstatic needed locally).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
