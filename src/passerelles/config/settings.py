"""Settings for Passerelles, read from the environment.

Zero configuration gives a local SQLite database in ``./data`` with debug off; the
``demo`` command turns debug on. Outside debug, ``SECRET_KEY`` is required.
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("PASSERELLES_DATA_DIR", Path.cwd() / "data")).resolve()


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("PASSERELLES_DEBUG")
TESTING = env_flag("PASSERELLES_TESTING")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set outside debug mode (export SECRET_KEY=...)."
        )
    SECRET_KEY = "insecure-local-development-key-only-for-debug-and-tests"
elif not (DEBUG or TESTING) and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 10 or SECRET_KEY.startswith("django-insecure")
):
    # Sessions, password resets and invitation links are signed with it.
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak: use at least 50 random characters, e.g. "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

# The public address of the site, for links in e-mails sent outside a request (cron jobs,
# background tasks). `passerelles check --deploy` warns when it is missing.
_LOCAL_SITE = "http://127.0.0.1:8000" if DEBUG or TESTING else ""
SITE_URL = os.environ.get("SITE_URL", _LOCAL_SITE).rstrip("/")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "ninja",  # serves the API docs' scripts from static files, not a CDN
    "passerelles.core",
    "passerelles.accounts",
    "passerelles.notifications",
    "passerelles.members",
    "passerelles.circles",
    "passerelles.trust",
    "passerelles.intros",
    "passerelles.events",
    "passerelles.discussions",
    "passerelles.insights",
    "passerelles.pages",
    "passerelles.demo",
    "passerelles.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "passerelles.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "passerelles.core.request_memo.RequestMemoMiddleware",  # read once per page view
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, the user's row read with a statement compiled once (accounts/session_user.py).
    "passerelles.accounts.session_user.AuthenticationMiddleware",
    "passerelles.core.middleware.FrenchFirstLocaleMiddleware",
    "passerelles.core.error_pages.ProductErrorPagesMiddleware",  # in the reader's language
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

# Form widgets render through Jinja2 (the templates Django ships for it, same HTML): a
# select of 20 options took 1 ms through Django's template engine, a third of that here
# (the directory's filters: 1.5 ms of its 25 ms of CPU; benchmarks/README.md).
FORM_RENDERER = "passerelles.core.form_renderer.FormRenderer"

ROOT_URLCONF = "passerelles.config.urls"
WSGI_APPLICATION = "passerelles.config.wsgi.application"

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
                "django.template.context_processors.i18n",
                "passerelles.notifications.context_processors.unread_notifications",
                "passerelles.members.context_processors.own_profile",
                "passerelles.core.site_links.site_links",
            ],
            "builtins": ["passerelles.core.templatetags.dates"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'passerelles.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if not os.environ.get("DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and background worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Page queries are short; PostgreSQL's JIT compiler once spent 1.3 s compiling a
    # directory count that ran in 0.1 s (benchmarks/web.py), so it stays off.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
    if os.environ.get("DATABASE_SERVER_SIDE_BINDING", "1") == "1":
        # Parameters sent apart from the SQL and statements run twice on a connection
        # prepared (parsed and planned once): 11-16 % less PostgreSQL CPU per request at
        # 100,000 members, 104 -> 113 requests/s under the reference load
        # (benchmarks/README.md). DATABASE_SERVER_SIDE_BINDING=0 behind a transaction-mode
        # PgBouncer; after a migration, connections kept open may fail until renewed.
        DATABASES["default"]["OPTIONS"].update(server_side_binding=True, prepare_threshold=2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Fast hashing in tests only; production always uses argon2.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts: e-mail and password, verified e-mail, re-authentication for sensitive changes.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Passerelles] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG or TESTING else "https"
ACCOUNT_ADAPTER = "passerelles.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "passerelles.accounts.forms.SignupForm"
# The product's labels on allauth's entrance forms (« Adresse e-mail », not « Courriel »).
ACCOUNT_FORMS = {
    "login": "passerelles.accounts.entrance_forms.LoginForm",
    "signup": "passerelles.accounts.entrance_forms.SignupForm",
    "reset_password": "passerelles.accounts.entrance_forms.ResetPasswordForm",
    "reset_password_from_key": "passerelles.accounts.entrance_forms.ResetPasswordKeyForm",
    "change_password": "passerelles.accounts.entrance_forms.ChangePasswordForm",
}
# The name account e-mails greet with (« Bonjour, c'est Passerelles ! »), not the host's.
SITE_NAME = "Passerelles"
LOGIN_REDIRECT_URL = "pages:home"
# Where login_required sends a visitor: the sign-in page, flagged so that it says « Cette page
# est réservée aux membres » (a public page's own « Se connecter » link carries no flag).
LOGIN_URL = format_lazy("{}?membres=1", reverse_lazy("account_login"))
# After confirming an address while signed out: the plain sign-in page, not the flagged one.
ACCOUNT_EMAIL_CONFIRMATION_ANONYMOUS_REDIRECT_URL = "account_login"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = DATA_DIR / "media"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG or not os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Passerelles <noreply@passerelles.local>")

# Relevance's semantic path (engine/semantic.py): "auto" mixes in the multilingual model
# when the optional extra is installed (passerelles[semantic]), "off" never does.
# PASSERELLES_SEMANTIC_MODEL names a local model file or directory instead of the bundled
# one (nothing is ever downloaded). Above SEMANTIC_MAX_TEXTS texts to embed, the lexical
# model alone is used: embedding is ~50 texts/s per core.
SEMANTIC = os.environ.get("PASSERELLES_SEMANTIC", "auto")
SEMANTIC_MODEL = os.environ.get("PASSERELLES_SEMANTIC_MODEL", "")
SEMANTIC_MAX_TEXTS = int(os.environ.get("PASSERELLES_SEMANTIC_MAX_TEXTS", "20000"))

# Indexes built from every member's texts ("ask the network", bridge suggestions), kept
# off the request path (intros/warm.py). INDEXES_BUILT_BY: "scheduler" (the scheduler's
# keeper thread builds them and stores them in the shared cache; web processes only read
# them), "web" (each web process builds its own) or "auto" (the scheduler when the cache
# is shared through Redis, the web processes otherwise). Where web processes build them,
# a site with up to INDEX_BUILD_IN_REQUEST_MAX profiles builds the "ask" index within the
# request that needs it (a second or two; bridge advice is never computed in a request);
# a larger one only in the background, the page saying
# meanwhile that they are being prepared, and WARM_INDEXES has the web processes started
# by `serve` or `demo` build them at start-up and keep them fresh (a thread per process).
INDEXES_BUILT_BY = os.environ.get("PASSERELLES_INDEXES_BUILT_BY", "auto")
if INDEXES_BUILT_BY not in ("auto", "web", "scheduler"):
    raise ImproperlyConfigured("PASSERELLES_INDEXES_BUILT_BY: auto, web or scheduler")
INDEX_BUILD_IN_REQUEST_MAX = int(os.environ.get("PASSERELLES_INDEX_BUILD_IN_REQUEST_MAX", "5000"))
WARM_INDEXES = os.environ.get("PASSERELLES_WARM_INDEXES", "1") == "1"

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "PASSERELLES_TASK_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

# Uploads: member lists are at most 5 MB; the import view checks and says so in French.
IMPORT_MAX_BYTES = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
INVITATION_MAX_AGE_DAYS = 14
# An organiser may send the same invitation again once this many hours have passed.
INVITATION_RESEND_AFTER_HOURS = 24

# --- Security headers -------------------------------------------------------------------
# Every page: a Content-Security-Policy without inline script or style (scripts and styles
# are static files), a Permissions-Policy that turns off the browser features Passerelles
# never uses. Outside debug: HTTPS redirect and HSTS on by default, each switchable by
# environment for a TLS-terminating proxy that already does it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF, "data:"],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_SELF],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    }
}
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG and not TESTING:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^sante/$"]  # load balancers' health checks over HTTP
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", False)
# API tokens (api/auth.py): requests a minute per token. Trust passports (trust/passport.py):
# the instance's Ed25519 signing key, made on first use.
API_TOKEN_RATE_PER_MINUTE = int(os.environ.get("API_TOKEN_RATE_PER_MINUTE", "120"))
PASSPORT_KEY_FILE = os.environ.get("PASSPORT_KEY_FILE", "")
# --- end of security headers ------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Background work, shared state and sign-in limits ----------------------------------------
# (docs/operations.md: the processes of one machine and of several.)

# Redis, when set, is the cache of every process on every machine: sign-in limits, the
# trust graph and any other cached value are then shared. Without it each process keeps
# its own (fine for one machine with one web process, such as the demo).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]] = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "passerelles",
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "passerelles"}
    ),
    # The parts of every page that depend only on the language, the section and the site's
    # addresses (base.html's navigation, language list, profile menu, footer): rendered
    # once per process and kept in its memory (0.5 ms of each page's CPU).
    "chrome": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "passerelles-chrome",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

# Sessions: read from the shared cache, written through to the database (a restart or a
# cleared cache signs nobody out). Only with Redis: a cache of each process's own would
# keep a session alive in the other processes after signing out.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# Sign-in on an event evening: a venue's shared Wi-Fi puts everyone behind one address, so
# the per-address limit counts sign-in attempts generously, while failures are counted per
# account only (a correct password is never refused because others failed from the same
# address). An account is locked for 15 minutes after 5 failures.
ACCOUNT_RATE_LIMITS = {
    "login": os.environ.get("LOGIN_RATE_PER_ADDRESS", "600/10m/ip"),
    "login_failed": os.environ.get("LOGIN_FAILURES_PER_ACCOUNT", "5/15m/key"),
}

# Periodic jobs (cron expressions in TIME_ZONE; an empty value disables a job). The
# scheduler enqueues each period once, whatever the number of schedulers running.
SCHEDULE = {
    "event_reminders": os.environ.get("SCHEDULE_EVENT_REMINDERS", "*/15 * * * *"),
    "trust_recompute": os.environ.get("SCHEDULE_TRUST_RECOMPUTE", "30 3 * * *"),
    "intro_round": os.environ.get("SCHEDULE_INTRO_ROUND", "0 7 * * 1"),
    "purge": os.environ.get("SCHEDULE_PURGE", "15 4 * * *"),
    "backup": os.environ.get("SCHEDULE_BACKUP", "0 2 * * *"),
    "weekly_digest": os.environ.get("SCHEDULE_WEEKLY_DIGEST", "30 6 * * 1"),
}
SCHEDULER_INTERVAL_SECONDS = float(os.environ.get("SCHEDULER_INTERVAL_SECONDS", "15"))
# A failed task is tried again after 30 s, 60 s, 120 s…, at most TASK_RETRY_ATTEMPTS times
# in all; then it waits on the failed-tasks page for an operator.
TASK_RETRY_ATTEMPTS = int(os.environ.get("TASK_RETRY_ATTEMPTS", "4"))
TASK_RETRY_BACKOFF_SECONDS = float(os.environ.get("TASK_RETRY_BACKOFF_SECONDS", "30"))
TASK_RETRY_MAX_BACKOFF_SECONDS = 3600
TASK_RESULTS_KEEP_DAYS = 30
IMPORT_DRAFT_MAX_AGE_HOURS = 24
INVITATION_PURGE_AFTER_DAYS = 90
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", DATA_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "7"))
