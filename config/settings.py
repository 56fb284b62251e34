"""Settings for the hospitable-city networks knowledge base.

One environment-driven file: SQLite in the project folder by default, PostgreSQL when
DATABASE_URL is set. See .env.example for every variable.
"""

import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url):
    """Turn postgres://user:pass@host:port/name?opt=v or sqlite:///path into a DATABASES entry."""
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            # Persistent connections with health checks: CONN_MAX_AGE=0 costs 2-3x throughput.
            "CONN_MAX_AGE": int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
            "CONN_HEALTH_CHECKS": True,
            # Fail fast when the database is unreachable (a 503 rather than a hung worker).
            "OPTIONS": {
                "connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3")),
                # The misspelling fallback's index-backed `%>` uses this (records.search.TRIGRAM_THRESHOLD).
                "options": "-c pg_trgm.word_similarity_threshold=0.35",
                **dict(parse_qsl(parts.query)),
            },
        }
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        if path.startswith("//"):  # sqlite:////abs/path
            path = path[1:]
        elif path.startswith("/"):  # sqlite:///relative/path
            path = path[1:]
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path or ":memory:"}
    raise ImproperlyConfigured(
        f"DATABASE_URL: unsupported scheme {parts.scheme!r} (use postgres:// or sqlite://)"
    )


DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

DEBUG = env_bool("DJANGO_DEBUG", default=True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])

# --- Security (see docs/deploy.md). In production (DJANGO_DEBUG=0) everything is on by default;
# `make prod` relaxes only the HTTPS redirect, to be tried over plain HTTP on 127.0.0.1.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
# Behind a reverse proxy that terminates TLS, e.g. DJANGO_SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO,https
if os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = tuple(os.environ["DJANGO_SECURE_PROXY_SSL_HEADER"].split(",", 1))
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP

# Content-Security-Policy (django-csp): nothing from another host, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Brute-force protection of the admin login (django-axes): 5 failures lock that user from that
# address for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Behind N reverse proxies that append to X-Forwarded-For, the client's address is N hops back; the
# admin lock-out, the search and login limits and the API throttle key on it (web/clients.py), never
# on the proxy's address, and never on a header a client wrote.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "web.clients.client_address"
CSRF_FAILURE_VIEW = "web.views.csrf_failure"
# Per client address (web/limits.py): searches, and admin login attempts whatever the username.
KB_RATES = {
    "search": os.environ.get("KB_SEARCH_RATE", "60/minute"),
    "login": os.environ.get("KB_LOGIN_RATE", "10/minute"),
}

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its tabbed admin takes over.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "axes",
    # Ours, from the bottom up: the shared base, provenance, the content apps, then the site and the API.
    "records",
    "sources",
    "networks",
    "actors",
    "practices",
    "web",
    "api",
]

MIDDLEWARE = [
    "web.middleware.RequestLogMiddleware",
    "web.middleware.PublicReadingMiddleware",
    "web.middleware.PrimaryForCuratorsMiddleware",
    "web.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "web.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "api.middleware.ApiCorsMiddleware",
    "web.limits.ClientRateLimitMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "web.cache.ContentCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "sources.middleware.SlugRedirectMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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

DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {
    "default": database_from_url(DATABASE_URL)
    if DATABASE_URL
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
}
# A read replica, used for read-only traffic by config.database_router.ReplicaRouter.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database_from_url(os.environ["DATABASE_REPLICA_URL"])
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["config.database_router.ReplicaRouter"]


def cache_from_url(url):
    """redis://host:port/db -> Django's Redis cache; empty -> local memory (one process)."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "kb"}
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "kb",
            # A Redis that stops answering must not hold workers: give up after a second, serve uncached.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL: unsupported scheme in {url!r} (use redis:// or leave it empty)")


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", ""))}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Full-page cache of anonymous GETs (web.cache.ContentCacheMiddleware), invalidated by any
# content change; PAGE_CACHE_MAX_AGE is what browsers, proxies and CDNs are told.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "86400"))
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6.0 behaviour now

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True

# modeltranslation: French is required; English falls back to French for display only
# (filters and search must name the _fr / _en columns explicitly).
MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr",), "fr": ()}
MODELTRANSLATION_REQUIRED_LANGUAGES = ("fr",)
# Serve jQuery UI for the tabbed translation admin from our own static files, not a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# The research API (/api/v1/): read-only, paginated, filterable, throttled for anonymous clients.
API_MAX_PAGE_SIZE = 500
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "api.renderers.CSVRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_FILTER_BACKENDS": [
        "api.filtering.FilterBackend",
        "api.filtering.StrictOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "600/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
    "URL_FORMAT_OVERRIDE": "format",
    # 0: the client is REMOTE_ADDR (None would make DRF trust the whole X-Forwarded-For header).
    "NUM_PROXIES": PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Hospitable-city networks research API",
    "DESCRIPTION": (
        "Read-only API of the bilingual knowledge base on hospitable-city networks: networks and their "
        "typology, dated memberships, places, organisations, people, good-practice fiches, themes, forums, "
        "events, declarations, sources and sourced claims. "
        'Translated fields are objects {"fr": …, "en": …}; '
        "add ?lang=fr or ?lang=en for plain strings. Every list is also CSV (?format=csv). "
        "See docs/api.md for examples in curl, Python and R."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_common_parameters",
    ],
    "ENUM_NAME_OVERRIDES": {
        "MembershipRoleEnum": "networks.models.Membership.Role",
        "PlaceKindEnum": "actors.models.Place.Kind",
        "OrganisationKindEnum": "actors.models.Organisation.Kind",
        "ForumKindEnum": "networks.models.Forum.Kind",
        "DeclarationKindEnum": "networks.models.Declaration.Kind",
        "SourceKindEnum": "sources.models.Source.Kind",
        "ClaimKindEnum": "sources.models.Claim.Kind",
        "LanguageEnum": "records.models.Language",
        "PracticeStatusEnum": "practices.models.Practice.Status",
        "MembershipStatusEnum": "networks.models.Membership.Status",
    },
}
KB_LICENCE = "CC BY 4.0 (editors' texts and structure); quotes remain under their sources' terms"
KB_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
KB_LICENCE_ID = "CC-BY-4.0"  # its SPDX identifier, as the data package names it (api/datapackage.py)
KB_CITATION = (
    "Réseaux de villes hospitalières — base de connaissances (hospitable-city networks knowledge base)"  # noqa: E501
)

# Folder of the seed source texts, used by check_content to verify quotes.
KB_SOURCE_TEXTS_DIR = os.environ.get("KB_SOURCE_TEXTS_DIR", "")
# Where the downloadable dump is kept, one zip per content version (api/dump.py).
KB_DUMP_DIR = Path(os.environ.get("KB_DUMP_DIR", BASE_DIR / "var" / "dumps"))

# Structured logs: one JSON line per request (web.middleware.RequestLogMiddleware) and per error,
# each with the request id also sent back in the X-Request-ID header.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logging.JsonFormatter"}},
    "filters": {"once_per_host": {"()": "config.logging.OncePerHost"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Requests are logged once, by RequestLogMiddleware; errors keep their traceback.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # A refused Host is logged once per host, at WARNING, without a traceback (config/logging.py).
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "filters": ["once_per_host"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
