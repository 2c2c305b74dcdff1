"""Django settings for Second Chance: one module, driven by environment variables.

SECONDCHANCE_DATA_DIR   where the SQLite database and the local secret live
                        (default: the platform's user data folder)
DATABASE_URL            use this database instead (e.g. postgres://host/db)
SECONDCHANCE_SECRET_KEY the secret key (default: generated once into the data folder)
SECONDCHANCE_DEBUG      "1" for development only
SECONDCHANCE_ALLOWED_HOSTS  comma-separated host names (default: local only)
SECONDCHANCE_HOSTED     "1" behind HTTPS: secure cookies, HSTS, SSL redirect
SECONDCHANCE_TRUSTED_PROXY  the address of the reverse proxy in front of `serve` (see docs/hosting.md)
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
import platformdirs
from csp.constants import NONE, SELF


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("SECONDCHANCE_DATA_DIR") or platformdirs.user_data_dir("secondchance"))
DATA_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)


def _local_secret_key() -> str:
    # Generated once per installation and kept beside the data, never in the repo.
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SECONDCHANCE_SECRET_KEY") or _local_secret_key()
DEBUG = _flag("SECONDCHANCE_DEBUG")
HOSTED = _flag("SECONDCHANCE_HOSTED")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("SECONDCHANCE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "secondchance.accounts",
    "secondchance.journey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "secondchance.web.middleware.NoStoreWhenSignedIn",
    "secondchance.web.middleware.PersonsTimeZone",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes must come last: it answers locked-out sign-ins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "secondchance.web.urls"
WSGI_APPLICATION = "secondchance.web.wsgi.application"

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
                "secondchance.journey.context_processors.app",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "secondchance.sqlite3",
            "OPTIONS": {
                # WAL lets readers go on while one writer writes; IMMEDIATE takes the
                # write lock at BEGIN so two writers queue (busy timeout) instead of
                # failing halfway with "database is locked".
                "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

# Each person's computed plan is kept here until their records change (journey/plan_cache.py):
# in the server's memory when it runs on your machine, in Redis when hosted with several workers.
if os.environ.get("SECONDCHANCE_REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["SECONDCHANCE_REDIS_URL"]}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}

# Daily e-mail reminders (hosted mode): sent by a background worker (`secondchance worker`),
# never by a request. The queue is a table in the app's own database: no broker to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_REMINDERS = bool(os.environ.get("SECONDCHANCE_SMTP_HOST"))
EMAIL_HOST = os.environ.get("SECONDCHANCE_SMTP_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SECONDCHANCE_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SECONDCHANCE_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SECONDCHANCE_SMTP_PASSWORD", "")
EMAIL_USE_TLS = _flag("SECONDCHANCE_SMTP_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("SECONDCHANCE_FROM_EMAIL", "reminders@localhost")
# The address links in e-mails point at, e.g. https://notes.example.org
SITE_URL = os.environ.get("SECONDCHANCE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "secondchance.accounts.backends.UsernameOrEmailBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
CSRF_FAILURE_VIEW = "secondchance.web.errors.csrf_failure"
AXES_USERNAME_CALLABLE = "secondchance.accounts.backends.lockout_username"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Local mode serves static files straight from the package: no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14  # only for "keep me signed in on this device"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if HOSTED:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Where the quick-exit control sends someone: a plain, common page.
QUICK_EXIT_URL = os.environ.get("SECONDCHANCE_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
