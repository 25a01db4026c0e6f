"""Production: every secret and host comes from the environment (see deploy/production)."""

from platform.settings.base import *  # noqa: F403
from platform.settings.env import env, required

SECRET_KEY = required("SECRET_KEY")
BASE_DOMAIN = required("BASE_DOMAIN")
ALLOWED_HOSTS = [BASE_DOMAIN, f".{BASE_DOMAIN}"]
DATABASES["default"].update(env.db_url_config(required("DATABASE_URL")))  # noqa: F405
DATABASES["default"]["ENGINE"] = "django_tenants.postgresql_backend"  # noqa: F405
REDIS_URL = required("REDIS_URL")
CACHES["default"]["LOCATION"] = REDIS_URL  # noqa: F405
CACHES["global"]["LOCATION"] = REDIS_URL  # noqa: F405
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
SESSION_COOKIE_DOMAIN = env.str("SESSION_COOKIE_DOMAIN", default=f".{BASE_DOMAIN}")
CSRF_COOKIE_DOMAIN = SESSION_COOKIE_DOMAIN

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="smtp://localhost:25")
vars().update(EMAIL_CONFIG)

SITE_SCHEME = env.str("SITE_SCHEME", default="https")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# nginx (deploy/production/nginx.conf) appends the client's address to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_TRUSTED_ORIGINS = [f"https://{BASE_DOMAIN}", f"https://*.{BASE_DOMAIN}"]
