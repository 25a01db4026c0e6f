"""The local stack started by ``deploy/dev.sh up``."""

from platform.settings.base import *  # noqa: F403

DEBUG = True
PUBLIC_PORT = PUBLIC_PORT or str(WEB_PORT)  # noqa: F405
# gunicorn serves static files straight from the app folders (no collectstatic needed locally).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
