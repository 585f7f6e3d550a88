"""The one settings module. Every value that differs between machines comes from the
environment; `.env.example` documents each variable."""

import importlib.util
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from thidua.env import env_bool, env_int, env_list, env_str, load_env_file, require

BASE_DIR = Path(__file__).resolve().parent.parent
if "pytest" not in sys.modules:  # tests never pick up a developer's local settings
    load_env_file(BASE_DIR / ".env")

DEBUG = env_bool("DEBUG", default=False)
# The test runner needs no production secrets: it is recognised by pytest being loaded.
TESTING = env_bool("THIDUA_TESTING", default=False) or "pytest" in sys.modules
_relaxed = DEBUG or TESTING

SECRET_KEY = require("SECRET_KEY", env_str("SECRET_KEY"), _relaxed) or "insecure-local-key-only-for-debug-and-tests"
# Former keys, still accepted to read what they signed while it expires (key rotation,
# docs/operations.md); new signatures always use SECRET_KEY.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if _relaxed else "")
if not ALLOWED_HOSTS and not _relaxed:
    require("ALLOWED_HOSTS", "", False)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "thidua.accounts.apps.VerifiedAdminConfig",  # django.contrib.admin, behind the second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our own static files, no CDN
    "thidua.core",
    "thidua.accounts",
    "thidua.organization",
    "thidua.plans",
    "thidua.documents",
    "thidua.outgoing",
    "thidua.wording",
    "thidua.registrations",
    "thidua.results",
    "thidua.indicators",
    "thidua.initiatives",
    "thidua.reports",
    "thidua.difficulties",
    "thidua.inspections",
    "thidua.notifications",
    "thidua.jobs",
    "thidua.commendation",
    "thidua.ratingmeetings",
    "thidua.proposals",
    "thidua.council",
    "thidua.evaluation",
    "thidua.honours",
    "thidua.reviews",
    "thidua.overview",
    "thidua.privacy",
    "thidua.demo",
    "thidua.backups",
    "thidua.api",
]

# The benchmarks' data generator (`generate_data`, bench/synthetic/) is not part of the
# installed product: it lives in the checkout and is installed only when THIDUA_BENCH=1
# (set by bench/run.py; `python manage.py` from the checkout's root finds it).
if env_bool("THIDUA_BENCH", default=False):
    if importlib.util.find_spec("bench") is None or importlib.util.find_spec("bench.synthetic") is None:
        raise ImproperlyConfigured(
            "THIDUA_BENCH=1 needs the bench/ folder of a checkout: run `python manage.py …` from its root."
        )
    INSTALLED_APPS.append("bench.synthetic")

MIDDLEWARE = [
    "thidua.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "thidua.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "thidua.core.middleware.IdleTimeoutMiddleware",
    "thidua.core.language.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "thidua.core.upload_limit.RequestSizeLimitMiddleware",
    "thidua.accounts.middleware.SecondFactorMiddleware",
    "thidua.accounts.middleware.PasswordChangeRequiredMiddleware",
    # After authentication and CSRF: a retried API write (Idempotency-Key) or page form
    # (one-time token) is answered as the first time instead of being stored twice.
    "thidua.api.idempotency.IdempotencyMiddleware",
    "thidua.core.form_tokens.FormTokenMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

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
                "thidua.overview.context_processors.navigation",
                "thidua.notifications.context_processors.notice_bell",
            ],
            # {% form_token %} in every page without {% load %}.
            "builtins": ["thidua.core.templatetags.form_tokens"],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# SQLite by default so a fresh clone needs nothing; WAL, IMMEDIATE transactions and a
# busy timeout keep concurrent writers from failing with "database is locked".
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'thidua.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    # A fresh clone has no var/: SQLite creates its file but not the folder it lives in.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "organization.User"

# --- Cache and background work --------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "thidua.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background jobs and the daily reminder sweep run on Celery workers when Redis is set;
# without it jobs run inline and cron starts the sweep (docs/deployment.md).
CELERY_BROKER_URL = REDIS_URL
CELERY_TIMEZONE = TIME_ZONE = "Asia/Ho_Chi_Minh"
CELERY_TASK_IGNORE_RESULT = True
# The PDF of every document (documents/pdf.py): LibreOffice's command and the seconds one
# conversion may take before it is stopped.
SOFFICE = env_str("THIDUA_SOFFICE", "soffice")
PDF_TIMEOUT = env_int("THIDUA_PDF_TIMEOUT", 45)
# The public address, for links in e-mails (reminders), e.g. https://thidua.example.vn
SITE_URL = env_str("SITE_URL")

# --- Accounts and sign-in safety ------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Django's checks, with messages in Vietnamese (accounts/validators.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "thidua.accounts.validators.UserAttributeSimilarityValidator"},
    {"NAME": "thidua.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "thidua.accounts.validators.CommonPasswordValidator"},
    {"NAME": "thidua.accounts.validators.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# A reset link sent by e-mail works for one day (and once).
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60
# Demo mode: the demo accounts keep the shared demo password (no change demanded at first
# sign-in) and administrators are not required to enrol a second factor. On for local
# runs (`make run` writes DEMO_MODE=1, and DEBUG or tests turn it on); off in production.
DEMO_MODE = env_bool("DEMO_MODE", default=_relaxed)

# Lock-out (django-axes, accounts/lockout.py): the 5th failure within the cool-off locks
# the pair (user name, address) only; a stranger elsewhere cannot lock the owner out.
# The cool-off is 15 minutes, doubled for each repeated lockout of the pair, at most 24 h.
# Across addresses, accounts/slowdown.py slows guesses at one user name (never locks).
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = "thidua.accounts.lockout.cool_off"
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_HANDLER = "thidua.accounts.lockout.ExpiringAttemptsHandler"
# Attempts refused while locked do not extend the lockout: its end is known and shown.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "thidua.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "thidua.accounts.lockout.client_ip_address"
AXES_VERBOSE = False
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)
# The second factor: the name shown in authenticator apps.
OTP_TOTP_ISSUER = "Thi Đua"

SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
# The age counts from the last request (an idle timeout): IdleTimeoutMiddleware saves
# the session again when a minute has passed since it last did.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# --- Transport and headers ------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
HTTPS = env_bool("HTTPS", default=not _relaxed)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
BEHIND_PROXY = env_bool("BEHIND_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = [
    # The HSTS preload list is the operator's choice; the header is sent when HTTPS is on.
    *([] if HTTPS else ["security.W004", "security.W008", "security.W012", "security.W016"]),
]

# --- Language and time ----------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
# Figures on pages grouped by thousands ("12.000"; thidua/core/formats/).
FORMAT_MODULE_PATH = ["thidua.core.formats"]

# --- Static and media files -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": env_str("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not (DEBUG or TESTING)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# One uploaded file at most MAX_UPLOAD_MB: a larger one is stopped as it arrives and the
# form says so (core/upload_limit.py). A request body over MAX_REQUEST_MB (several files
# at once) is refused before it is read; nginx's client_max_body_size is the same number.
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 20)
MAX_REQUEST_MB = env_int("MAX_REQUEST_MB", 3 * MAX_UPLOAD_MB)

# The roots a signed copy's certificate must chain to (PEM or DER files, one or more
# certificates each): the Vietnamese government CA roots the office trusts.
SIGNING_TRUST_ROOTS_DIR = Path(env_str("SIGNING_TRUST_ROOTS_DIR", str(BASE_DIR / "var" / "trust-roots")))
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_MB * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "thidua.core.upload_limit.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- Backups (docs/operations.md) ----------------------------------------------------
# `thidua backup` writes its archives here; with Redis, Celery beat makes one a day at
# BACKUP_HOUR (Asia/Ho_Chi_Minh) and keeps the newest BACKUP_KEEP (0 keeps them all).
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "var" / "backups")))
BACKUP_KEEP = env_int("BACKUP_KEEP", 14)
BACKUP_HOUR = env_int("BACKUP_HOUR", 2)

# --- E-mail ---------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if _relaxed else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "thidua@localhost")

# --- API ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only, with a size and a depth limit; the endpoints that take files add multipart.
    "DEFAULT_PARSER_CLASSES": ["thidua.api.parsers.SafeJSONParser"],
    "EXCEPTION_HANDLER": "thidua.api.errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Thi Đua API",
    "DESCRIPTION": "Registrations, results, indicators, initiatives, reports and commendation of an "
    "emulation movement. Same access rules and actions as the pages.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its documentation are for signed-in users only (the docs page sends
    # anonymous visitors to the sign-in page: thidua/api/docs.py).
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI from the app's own static files, so the page works offline and within
    # the Content Security Policy; no validator badge fetched from swagger.io.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # Every POST accepts the Idempotency-Key header (thidua/api/idempotency.py).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "thidua.api.schema.idempotency_header"],
    # The path converters of thidua/core/converters.py, so ids and years are integers in range.
    "PATH_CONVERTER_OVERRIDES": {
        "id": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
        "year": {"type": "integer", "minimum": 2000, "maximum": 2100},
    },
    # One name per shared code list of the glossary, whichever app uses it.
    "ENUM_NAME_OVERRIDES": {
        "WorkflowStateEnum": "thidua.core.codes.State.choices",
        "ScopeEnum": "thidua.core.codes.Scope.choices",
        "EmulationTitleEnum": "thidua.core.codes.EmulationTitle.choices",
        "QualityRatingEnum": "thidua.core.codes.QualityRating.choices",
        "CommendationKindEnum": "thidua.core.codes.CommendationKind.choices",
    },
}

# --- Logging: one line per request, with its id ---------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "thidua.core.middleware.RequestIdFilter"}},
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line", "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}, "axes": {"level": "WARNING"}},
}

PAGE_SIZE = 25
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "thidua-demo-2026")

if TESTING:
    # Hashing is deliberately slow in production; tests create many accounts.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
