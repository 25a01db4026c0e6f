"""Settings shared by every environment."""

from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from platform.settings.env import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
RUN_DIR = BASE_DIR / ".run"

SECRET_KEY = env.str("SECRET_KEY", default="local-only-insecure-key-change-me")
DEBUG = False

# The apex host serves the national layer; every workspace is <slug>.<BASE_DOMAIN>.
BASE_DOMAIN = env.str("BASE_DOMAIN", default="localhost")
ALLOWED_HOSTS = [BASE_DOMAIN, f".{BASE_DOMAIN}"]
WEB_PORT = env.int("WEB_PORT", default=8000)
# Port shown in links between hosts (empty behind a proxy on 80/443).
PUBLIC_PORT = env.str("PUBLIC_PORT", default="")
SITE_SCHEME = env.str("SITE_SCHEME", default="http")

SHARED_APPS = [
    "django_tenants",
    "platform",
    "platform.accounts",
    "platform.audit",
    "tenants",
    "assessments.framework",
    "programs.national",
    "programs.scheduling",
    "showcase",
    "showcase.profiles",
    "showcase.live",
    "showcase.decks",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "simple_history",
    "api",
    "deploy.demo",
]
TENANT_APPS = [
    "programs",
    "assessments",
    "showcase.regional",
]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "tenants.Workspace"
TENANT_DOMAIN_MODEL = "tenants.Domain"
PUBLIC_SCHEMA_NAME = "public"
# New workspaces are cloned from this schema; every migrate also migrates it (it is a
# Workspace row like any other, flagged is_template).
TENANT_TEMPLATE_SCHEMA = "workspace_template"
PUBLIC_SCHEMA_URLCONF = "platform.urls_public"
ROOT_URLCONF = "platform.urls_tenant"
DEFAULT_NOT_FOUND_TENANT_VIEW = "platform.views.unknown_workspace"
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]
# Issue "SET search_path" once per schema switch, not before every query.
TENANT_LIMIT_SET_CALLS = True
# migrate_schemas: skip schemas already at the latest migration, migrate the rest in parallel.
GET_EXECUTOR_FUNCTION = "tenants.migration_executor.get_executor"
TENANT_MULTIPROCESSING_MAX_PROCESSES = env.int("MIGRATE_PROCESSES", default=2)
TENANT_MULTIPROCESSING_CHUNKS = 8

MIDDLEWARE = [
    "platform.middleware.RejectNullCharactersMiddleware",
    # The client's address for the audit log (platform.audit.record), for the whole request.
    "platform.audit.middleware.AuditMiddleware",
    # Before the tenant: every answer gets the security headers (the unknown-host page too),
    # and static files are served on any host, so that page loads its CSS.
    "django.middleware.security.SecurityMiddleware",
    "platform.middleware.PrivacyHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The public run-of-show screens' polls (hundreds a second on the day), answered from the
    # cache before the tenant, session and sign-in middleware when their body is built.
    "showcase.live.fastpath.PublicStateFastPath",
    "tenants.middleware.CachedTenantMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "platform.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The second factor (django-otp): request.user.is_verified(), and the gate for whoever needs it.
    "platform.accounts.middleware.VerifiedDeviceMiddleware",
    "platform.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "platform.celery.BrokerNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tenants.middleware.WorkspaceMembershipMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (django-csp): no inline script at all, so script-src is 'self'
# only; templates attach behaviour from static files (platform/static/js/app.js).
# style-src allows 'unsafe-inline' because style attributes position the timeline bars and
# size the charts; no script can run from a style attribute.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_REFERRER_POLICY = "same-origin"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "platform" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "platform.context_processors.site",
            ],
        },
    }
]

WSGI_APPLICATION = "platform.wsgi.application"

DATABASES = {
    "default": {
        **env.db_url("DATABASE_URL", default="postgres://smartcity@127.0.0.1:54329/smartcity"),
        "ENGINE": "django_tenants.postgresql_backend",
        # Persistent connections: a new connection per request costs more than the view.
        "CONN_MAX_AGE": env.int("DB_CONN_MAX_AGE", default=60),
        # A connection broken by a PostgreSQL restart is replaced at the next request.
        "CONN_HEALTH_CHECKS": True,
        # While PostgreSQL is down a request fails at once (500 page) instead of hanging.
        "OPTIONS": {"connect_timeout": 5},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:63799/0")
# While Redis is unreachable the cache is a miss and pages are served from PostgreSQL
# (platform.cache.SoftRedisCache); short timeouts so an unreachable host never holds a page.
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 2}
CACHES = {
    "default": {
        "BACKEND": "platform.cache.SoftRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": REDIS_CACHE_OPTIONS,
        # Keys carry the active schema so one region never reads another's cached value.
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
        "KEY_PREFIX": env.str("CACHE_PREFIX", default="sc100"),
    },
    # Entries that belong to no schema: sessions (one login for the apex and every workspace
    # subdomain; with the tenant key function a logout on one host would leave the session
    # alive in the cache of every other host it was read on) and memberships
    # (tenants.selectors.membership_for, dropped by tenants.signals from whichever schema).
    "global": {
        "BACKEND": "platform.cache.SoftRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": REDIS_CACHE_OPTIONS,
        "KEY_PREFIX": env.str("CACHE_PREFIX", default="sc100") + "-global",
    },
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "global"
# In production one login covers every workspace subdomain (".smartcity.go.id").
SESSION_COOKIE_DOMAIN = env.str("SESSION_COOKIE_DOMAIN", default="") or None
CSRF_COOKIE_DOMAIN = SESSION_COOKIE_DOMAIN

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Login throttling: 5 failures per e-mail + IP lock that pair out for 30 minutes, and
# LOGIN_IP_FAILURE_LIMIT failures on any accounts lock the IP (higher: offices share one
# NAT address). See platform/accounts/throttle.py.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "platform.accounts.throttle.LoginThrottleHandler"
AXES_CLIENT_IP_CALLABLE = "platform.accounts.throttle.client_ip"
LOGIN_IP_FAILURE_LIMIT = env.int("LOGIN_IP_FAILURE_LIMIT", default=30)
# The name authenticator apps show next to the code (platform/accounts/two_factor.py).
OTP_TOTP_ISSUER = "Smart City 100"
# Reverse proxies in front of the web processes whose X-Forwarded-For entry is believed
# (0: the peer's address is the client's; production sets 1 for the documented nginx).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "platform" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["platform.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "platform" / "static"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(RUN_DIR / "media"))
STORAGES = {
    # django-tenants' per-schema storage that removes half-written files (a full disk).
    "default": {"BACKEND": "platform.uploads.UploadStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(RUN_DIR / "mail"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Smart City 100 <noreply@localhost>")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "platform.accounts.api_auth.SecondFactorTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.HostAccessPermission"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.JSONParser", "api.parsers.FormParser", "api.parsers.MultiPartParser"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Smart City 100 API",
    "DESCRIPTION": "National registry (apex host) and region workspaces (region hosts).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["api.permissions.HostAccessPermission"],
    # Choice sets that share a field name ("kind", "status") across several components get a name each.
    "ENUM_NAME_OVERRIDES": {
        "ProgramStatusEnum": "programs.models.Program.Status",
        "FacilitatorKindEnum": "programs.scheduling.models.Facilitator.Kind",
        "PlanVersionKindEnum": "programs.scheduling.models.PlanVersion.Kind",
        "RegionWishKindEnum": "programs.scheduling.models.RegionWish.Kind",
        "WorkshopStatusEnum": "programs.scheduling.models.Workshop.Status",
        "SolveJobStatusEnum": "programs.scheduling.models.SolveJob.Status",
    },
}

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task whose worker died is delivered again (tasks are idempotent): at once when a pool
# process is lost, after the visibility timeout when the whole worker is (longer than the
# longest task, or a running task would be delivered twice).
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
# A request never waits long for an unreachable broker: the task is kept in QueuedTask and
# sent again by beat (platform.celery).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
CELERY_REDIS_SOCKET_TIMEOUT = 5
CELERY_BEAT_SCHEDULER = "tenants.beat.WorkspaceBeatScheduler"
# Entries without "tenant_schemas" run once in every workspace schema (never the template).
CELERY_BEAT_SCHEDULE = {
    "resend-queued-tasks": {
        "task": "platform.resend_queued_tasks",
        "schedule": env.float("CELERY_RESEND_SECONDS", default=60),
        "tenant_schemas": ["public"],
    },
    "bimtek-reminders": {
        "task": "programs.tasks.send_bimtek_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"tenant_context": {"()": "django_tenants.log.TenantContextFilter"}},
    "formatters": {
        "tenant": {"format": "%(asctime)s %(levelname)s [%(schema_name)s:%(domain_url)s] %(name)s: %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["tenant_context"],
            "formatter": "tenant",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}
