"""The local stack started by ``deploy/dev.sh up``."""

from platform.settings.base import *  # noqa: F403

DEBUG = True
PUBLIC_PORT = PUBLIC_PORT or str(WEB_PORT)  # noqa: F405
