"""The test suite: real PostgreSQL and Redis, fast password hashing.

Parallel test runs on one machine keep apart by test database name
(``TEST_DATABASE_NAME``) and Redis database numbers (``TEST_REDIS_CACHE_DB``,
``TEST_REDIS_BROKER_DB``).
"""

from platform.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

_test_db = env.str("TEST_DATABASE_NAME", default="test_smartcity")  # noqa: F405
DATABASES["default"]["TEST"] = {"NAME": _test_db}  # noqa: F405
_redis_base = env.str("REDIS_URL", default="redis://127.0.0.1:63799/0").rsplit("/", 1)[0]  # noqa: F405
REDIS_URL = f"{_redis_base}/{env.int('TEST_REDIS_CACHE_DB', default=1)}"  # noqa: F405
CACHES["default"]["LOCATION"] = REDIS_URL  # noqa: F405
CACHES["default"]["KEY_PREFIX"] = "sc100test"  # noqa: F405
CACHES["global"]["LOCATION"] = REDIS_URL  # noqa: F405
CACHES["global"]["KEY_PREFIX"] = "sc100test-global"  # noqa: F405
# The broker gets a database of its own: clearing the cache between tests must not drop tasks.
CELERY_BROKER_URL = f"{_redis_base}/{env.int('TEST_REDIS_BROKER_DB', default=2)}"  # noqa: F405
CELERY_RESULT_BACKEND = CELERY_BROKER_URL

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = str(RUN_DIR / f"media-{_test_db}")  # noqa: F405
PUBLIC_PORT = ""
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
BASE_DOMAIN = "sc100.test"
ALLOWED_HOSTS = [BASE_DOMAIN, f".{BASE_DOMAIN}", "testserver"]
AXES_FAILURE_LIMIT = 5
LOGIN_IP_FAILURE_LIMIT = 30
TRUSTED_PROXY_COUNT = 0
