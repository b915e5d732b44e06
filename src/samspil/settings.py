"""Settings, all read from the environment.

SQLite (WAL) is the embedded default so that `make demo` needs no server;
`DATABASE_URL` points at PostgreSQL in production. `SAMSPIL_HTTPS=true` turns on
the production transport settings that `check --deploy` asks for.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent

env = environ.Env()

DATA_DIR = Path(env.str("SAMSPIL_DATA_DIR", default=str(Path.cwd() / "var"))).resolve()

DEBUG = env.bool("SAMSPIL_DEBUG", default=False)
HTTPS = env.bool("SAMSPIL_HTTPS", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if HTTPS:
        raise ImproperlyConfigured("Set SECRET_KEY: production settings need a secret key.")
    # Good enough for the demo and tests on one machine; `check --deploy` flags it.
    SECRET_KEY = "django-insecure-samspil-demo-key-not-for-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # the API docs' Swagger UI, served from its own static files
    "samspil.core",
    "samspil.people",
    "samspil.events",
    "samspil.registrations",
    "samspil.dialogue",
    "samspil.billing",
    "samspil.networks",
    "samspil.solutions",
    "samspil.privacy",
    "samspil.api",
    "samspil.demo",
    "axes",
]

MIDDLEWARE = [
    "samspil.core.middleware.ServerTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Answers a locked-out login with the lockout page (django-axes).
    "axes.middleware.AxesMiddleware",
    "samspil.core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "samspil.urls"
WSGI_APPLICATION = "samspil.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samspil.core.context_processors.languages",
            ],
        },
    },
]

# Databases -----------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'samspil.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # IMMEDIATE takes the write lock when a transaction starts, so two writers
            # queue up instead of failing halfway with "database is locked".
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
# An optional read replica: only reads that opt in (public list and detail pages, API
# reads) use it, outside transactions; see samspil.core.db. Tests mirror the primary.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["replica"].setdefault("CONN_HEALTH_CHECKS", True)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["samspil.core.db.PrimaryReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and background tasks ----------------------------------------------------
# With REDIS_URL, Redis holds the cache (pages, rate limits) shared by every process,
# and the task queue (RQ through django-tasks-rq; worker: `samspil worker`).
# Without it: a per-process memory cache and the database task queue.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="samspil"),
        }
    }
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 300}}
    DEFAULT_TASKS_BACKEND = "django_tasks_rq.RQBackend"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    DEFAULT_TASKS_BACKEND = "django_tasks_db.DatabaseBackend"
TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", default=DEFAULT_TASKS_BACKEND)}}
# Public pages (event list, event, person, organisation) are cached this long at most.
SAMSPIL_PAGE_CACHE_SECONDS = env.int("SAMSPIL_PAGE_CACHE_SECONDS", default=60)

# Mail ------------------------------------------------------------------------
# EMAIL_URL, e.g. smtp://user:password@mail.example.org:587 (django-environ's format).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Samspil <noreply@samspil.localhost>")

# Invoices --------------------------------------------------------------------
# The seller on every invoice: the centre. The defaults are the demo's made-up centre.
BILLING_SELLER = {
    "name": env.str("BILLING_SELLER_NAME", default="Samspil Innovation Centre"),
    "address": env.str("BILLING_SELLER_ADDRESS", default="Nørregade 1"),
    "postcode": env.str("BILLING_SELLER_POSTCODE", default="1165"),
    "city": env.str("BILLING_SELLER_CITY", default="København K"),
    "country": env.str("BILLING_SELLER_COUNTRY", default="DK"),
    "vat_number": env.str("BILLING_SELLER_VAT_NUMBER", default="DK13585628"),
    "gln": env.str("BILLING_SELLER_GLN", default=""),
    "email": env.str("BILLING_SELLER_EMAIL", default="invoices@samspil.localhost"),
    "iban": env.str("BILLING_SELLER_IBAN", default="DK5000400440116243"),
    "bic": env.str("BILLING_SELLER_BIC", default=""),
}
BILLING_PAYMENT_DAYS = env.int("BILLING_PAYMENT_DAYS", default=30)

# Personal data -----------------------------------------------------------------
# Registrations of events that ended longer ago than this are anonymised (daily task).
SAMSPIL_RETENTION_MONTHS = env.int("SAMSPIL_RETENTION_MONTHS", default=12)
if SAMSPIL_RETENTION_MONTHS < 1:
    raise ImproperlyConfigured("SAMSPIL_RETENTION_MONTHS must be at least 1.")

# Rate limits on forms that send mail or write (samspil.core.ratelimit), counted in the
# cache. Per scope, e.g. {"register": "20/10m"}; off only for load benchmarks.
SAMSPIL_RATE_LIMITS_ENABLED = env.bool("SAMSPIL_RATE_LIMITS_ENABLED", default=True)
SAMSPIL_RATE_LIMITS: dict[str, str] = {}
# How many proxies (nginx: 1) append to X-Forwarded-For in front of the app; rate limits
# count per client address, which is then that many entries from the header's end.
SAMSPIL_TRUSTED_PROXIES = env.int("SAMSPIL_TRUSTED_PROXIES", default=0)

# Languages and time ----------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("da", _("Danish")),
    ("fr", _("French")),
    ("nl", _("Dutch")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Copenhagen"

# Static files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Only production needs collected files; the demo and tests serve from the apps.
STATIC_ROOT = env.str("STATIC_ROOT", default="") or None
WHITENOISE_USE_FINDERS = True

# Uploaded files (solution attachments) live in the data directory. They are served
# through views that check who may see them, never straight from MEDIA_URL.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(DATA_DIR / "media"))).resolve()
MEDIA_URL = "/media/"

# Security --------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if HTTPS:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Brute-force protection on password logins (the staff login; members sign in by link):
# after AXES_FAILURE_LIMIT wrong passwords for one username from one address, that
# pair is locked out for AXES_COOLOFF_TIME, with a translated page (axes_lockout.html, 429).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "samspil.core.ratelimit.axes_lockout"
AXES_CLIENT_IP_CALLABLE = "samspil.core.ratelimit.axes_client_ip"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
