"""The test suite: real PostgreSQL and Redis, fast password hashing."""

from platform.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:63799/0").rsplit("/", 1)[0] + "/1"  # noqa: F405
CACHES["default"]["LOCATION"] = REDIS_URL  # noqa: F405
CACHES["default"]["KEY_PREFIX"] = "sc100test"  # noqa: F405
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = str(RUN_DIR / "test-media")  # noqa: F405
PUBLIC_PORT = ""
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
BASE_DOMAIN = "sc100.test"
ALLOWED_HOSTS = [BASE_DOMAIN, f".{BASE_DOMAIN}", "testserver"]
_redis_base = REDIS_URL.rsplit("/", 1)[0]
CELERY_BROKER_URL = f"{_redis_base}/2"
CELERY_RESULT_BACKEND = f"{_redis_base}/2"
AXES_FAILURE_LIMIT = 5
WHITENOISE_USE_FINDERS = True
