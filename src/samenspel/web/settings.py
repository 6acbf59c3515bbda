"""Django settings, read from the environment so one build runs anywhere.

``DATABASE_URL`` (dj-database-url) picks the database; without it the app uses
SQLite in ``./var``. ``SAMENSPEL_SECRET_KEY`` sets the secret key; without it a
key is generated once and kept in ``./var/secret_key`` for development, so
personal links (derived from the key) survive a restart.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("SAMENSPEL_VAR", Path.cwd() / "var")).resolve()


def _secret_key() -> str:
    """The key from the environment, else a development key persisted under ./var."""
    key = os.environ.get("SAMENSPEL_SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("SAMENSPEL_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("SAMENSPEL_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("SAMENSPEL_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # serves Swagger UI from its own static files, not a CDN
    "django_tasks",
    "django_tasks_db",
    "axes",  # login throttling (after auth: it registers its own models and admin)
    "samenspel.web.alliances",
    "samenspel.web.steering",
    "samenspel.web.norms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # below whitenoise, so static files stay cacheable; every page below it is private
    "samenspel.web.headers.PrivatePages",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a lockout into its page
]

ROOT_URLCONF = "samenspel.web.urls"
WSGI_APPLICATION = "samenspel.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;"
    ),
}


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL")
    if url:
        # Persistent connections, checked before reuse: a long-running task worker (or a web
        # worker) whose connection the server closed (restart, idle time-out) reconnects
        # instead of failing with "the connection is closed".
        db = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    else:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(VAR_DIR / "samenspel.sqlite3")}
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db["OPTIONS"] = {**_SQLITE_OPTIONS, **db.get("OPTIONS", {})}
        # Tests use a file like production (WAL, busy timeout), not shared-cache
        # memory, which fails at once under concurrent writers; one per process.
        db["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), f"samenspel-test-{os.getpid()}.sqlite3")}
    return db


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks: django-tasks' database backend by default (nothing extra to
# run on one machine). SAMENSPEL_REDIS_URL switches to a Redis queue (RQ through
# django-tasks-rq, the optional extra ``samenspel[redis]``) for installations
# with web servers on more than one machine; `samenspel serve` then starts an
# RQ worker instead of db_worker.
REDIS_URL = os.environ.get("SAMENSPEL_REDIS_URL", "").strip()
RQ_BACKEND = "django_tasks_rq.RQBackend"
_task_backend = os.environ.get("SAMENSPEL_TASK_BACKEND") or (RQ_BACKEND if REDIS_URL else "django_tasks_db.DatabaseBackend")
TASKS = {"default": {"BACKEND": _task_backend}}
if _task_backend == RQ_BACKEND:
    from importlib.util import find_spec

    from django.core.exceptions import ImproperlyConfigured

    if find_spec("django_tasks_rq") is None or find_spec("django_rq") is None:
        raise ImproperlyConfigured(
            "SAMENSPEL_REDIS_URL needs the Redis extra: pip install 'samenspel[redis]' (django-tasks-rq, django-rq)"
        )
    if not REDIS_URL:
        raise ImproperlyConfigured(f"{RQ_BACKEND} needs SAMENSPEL_REDIS_URL, e.g. redis://127.0.0.1:6379/0")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS["default"]["QUEUES"] = ["default"]  # type: ignore[assignment]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 900}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Login throttling (django-axes): after SAMENSPEL_LOGIN_FAILURES wrong passwords for one username from one
# address, that pair is locked out for SAMENSPEL_LOGIN_LOCKOUT_MINUTES (the login and the admin login alike).
# Locking the pair, not the username alone, keeps a stranger from locking a facilitator out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SAMENSPEL_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("SAMENSPEL_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "samenspel.web.login.lockout"
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful login: only failures are needed
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "facilitator:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing root
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve from the package without collectstatic

# Mail: printed to the console unless an SMTP host is given.
EMAIL_HOST = os.environ.get("SAMENSPEL_SMTP_HOST", "")
EMAIL_PORT = int(os.environ.get("SAMENSPEL_SMTP_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("SAMENSPEL_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SAMENSPEL_SMTP_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("SAMENSPEL_SMTP_TLS", "1") == "1"
EMAIL_BACKEND = os.environ.get(
    "SAMENSPEL_EMAIL_BACKEND",
    # without SMTP, mails are printed with every personal link redacted (docs/WEB.md, "Personal links")
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "samenspel.web.mail.RedactingConsoleBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("SAMENSPEL_FROM_EMAIL", "samenspel@localhost")
HTTPS = os.environ.get("SAMENSPEL_HTTPS", "") == "1"
if HTTPS:  # behind a TLS-terminating proxy
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = os.environ.get("SAMENSPEL_SSL_REDIRECT", "1") == "1"
    # HSTS: browsers keep to HTTPS for this host (a year by default); docs/WEB.md, "Production".
    SECURE_HSTS_SECONDS = int(os.environ.get("SAMENSPEL_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SAMENSPEL_HSTS_SUBDOMAINS", "1") == "1"
    SECURE_HSTS_PRELOAD = os.environ.get("SAMENSPEL_HSTS_PRELOAD", "") == "1"
# Personal links are private: never leak them in a Referer header.
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site only; no inline
# script or style anywhere (the templates load static files), no plug-ins, no framing, forms post here only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
# Permissions-Policy (django-permissions-policy): the app needs no device or sensor, so none is allowed.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: [] for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen", "geolocation",
        "gyroscope", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get", "usb",
        "browsing-topics", "clipboard-read", "screen-wake-lock", "serial", "xr-spatial-tracking",
    )
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# First: a request larger than SAMENSPEL_MAX_UPLOAD_MB keeps no part of its file (samenspel.web.uploads)
FILE_UPLOAD_HANDLERS = [
    "samenspel.web.uploads.UploadLimit",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Largest response file a facilitator may upload (docs/WEB.md); the reader's own limits
# (samenspel.responses.limits) hold beneath it for every file.
SAMENSPEL_MAX_UPLOAD_MB = int(os.environ.get("SAMENSPEL_MAX_UPLOAD_MB", "20"))

# Samenspel's own settings (documented in docs/WEB.md).
SAMENSPEL_BASE_URL = os.environ.get("SAMENSPEL_BASE_URL", "")
# JSON API throttling (django-ninja's throttles): wrong bearer tokens per client address, and requests per token.
SAMENSPEL_API_TOKEN_FAILURES = os.environ.get("SAMENSPEL_API_TOKEN_FAILURES", "10/min")
SAMENSPEL_API_RATE = os.environ.get("SAMENSPEL_API_RATE", "300/min")
# The client address for throttling: the connection's own, or behind the TLS proxy (SAMENSPEL_HTTPS) the one the
# proxy adds last to X-Forwarded-For; never a header a client could fill in to dodge the count.
NINJA_NUM_PROXIES = 1 if HTTPS else 0
# Fewest opted-in alliances behind a norm figure the dashboard shows (issue 16; samenspel.norms, at least 2).
SAMENSPEL_NORMS_MIN_ALLIANCES = max(2, int(os.environ.get("SAMENSPEL_NORMS_MIN_ALLIANCES", "10")))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "samenspel.web.logfilter.RedactTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "samenspel": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
