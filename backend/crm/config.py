"""Settings read from the environment (and `.env`), with embedded defaults.

Nothing here runs at import time: `load_settings()` is called by the application factory.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    return int(_env(name, str(default)))


def _env_bool(name: str, default: bool) -> bool:
    return _env(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


def _instance_secret(instance_path: Path, name: str) -> str:
    """A secret generated once into the instance folder and reused afterwards."""
    path = instance_path / name
    if not path.exists():
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it first
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def database_url(instance_path: Path) -> str:
    url = _env("DATABASE_URL") or f"sqlite:///{instance_path / 'crm.sqlite3'}"
    if url.startswith("mysql") and "charset=" not in url:
        url += ("&" if "?" in url else "?") + "charset=utf8mb4"
    return url


def load_settings(overrides: dict | None = None) -> dict:
    load_dotenv(override=False)
    overrides = overrides or {}
    instance_path = Path(
        overrides.get("INSTANCE_PATH") or _env("INSTANCE_PATH", str(Path.cwd() / "instance"))
    ).resolve()
    instance_path.mkdir(parents=True, exist_ok=True)

    secret_key = _env("SECRET_KEY") or overrides.get("SECRET_KEY")
    if not secret_key:
        secret_key = _instance_secret(instance_path, "secret_key")
    db_url = overrides.get("SQLALCHEMY_DATABASE_URI") or database_url(instance_path)
    cookie_secure = _env_bool("COOKIE_SECURE", False)

    settings = {
        "INSTANCE_PATH": str(instance_path),
        "SECRET_KEY": secret_key,
        "SQLALCHEMY_DATABASE_URI": db_url,
        "SQLALCHEMY_ENGINE_OPTIONS": (
            {"pool_pre_ping": True, "pool_recycle": 280} if not db_url.startswith("sqlite") else {}
        ),
        "MIGRATIONS_DIR": _env("MIGRATIONS_DIR", str(PROJECT_ROOT / "migrations")),
        # Attachments: GridFS when MONGODB_URI is set, else a local directory.
        "MONGODB_URI": _env("MONGODB_URI"),
        "MONGODB_DATABASE": _env("MONGODB_DATABASE", "crm"),
        "MONGODB_TIMEOUT_MS": _env_int("MONGODB_TIMEOUT_MS", 3000),
        "ATTACHMENTS_DIR": _env("ATTACHMENTS_DIR", str(instance_path / "attachments")),
        # Uploads: the largest request body an upload may send (413 as soon as it is passed).
        "MAX_UPLOAD_BYTES": _env_int("MAX_UPLOAD_BYTES", 200 * 1024 * 1024),
        # Customer upload links: the address customers open (default: the request's host), and
        # how often one client may call the public endpoints.
        "PUBLIC_BASE_URL": _env("PUBLIC_BASE_URL"),
        "PUBLIC_UPLOAD_RATE_LIMIT": _env("PUBLIC_UPLOAD_RATE_LIMIT", "60 per minute"),
        # Pending uploads older than this are a crash's leftovers to `crm attachments sweep`.
        "ATTACHMENT_SWEEP_AFTER_MINUTES": _env_int("ATTACHMENT_SWEEP_AFTER_MINUTES", 60),
        # Auth
        "JWT_SECRET_KEY": _env("JWT_SECRET_KEY", secret_key),
        "JWT_ACCESS_TOKEN_EXPIRES": timedelta(minutes=_env_int("ACCESS_TOKEN_MINUTES", 15)),
        "JWT_REFRESH_TOKEN_EXPIRES": timedelta(days=_env_int("REFRESH_TOKEN_DAYS", 14)),
        "JWT_TOKEN_LOCATION": ["headers", "cookies"],
        "JWT_REFRESH_COOKIE_PATH": "/api/v1/auth",
        "JWT_REFRESH_CSRF_COOKIE_PATH": "/",
        "JWT_COOKIE_SAMESITE": "Strict",
        "JWT_COOKIE_SECURE": cookie_secure,
        "JWT_COOKIE_CSRF_PROTECT": True,
        "JWT_SESSION_COOKIE": False,
        "LOGIN_RATE_LIMIT": _env("LOGIN_RATE_LIMIT", "5 per minute"),
        "RATELIMIT_STORAGE_URI": _env("REDIS_URL", "memory://"),
        "RATELIMIT_KEY_PREFIX": _env("RATELIMIT_KEY_PREFIX", "crm"),
        "RATELIMIT_HEADERS_ENABLED": True,
        # Background jobs: RQ on REDIS_URL (worked by `crm worker`), else a thread of the web
        # process; "inline" runs a job right after its request commits (tests).
        "REDIS_URL": _env("REDIS_URL"),
        "JOBS_BACKEND": _env("JOBS_BACKEND"),
        "JOBS_QUEUE": _env("JOBS_QUEUE", "crm"),
        "JOB_TIMEOUT_SECONDS": _env_int("JOB_TIMEOUT_SECONDS", 6 * 3600),
        "JOB_HEARTBEAT_SECONDS": _env_int("JOB_HEARTBEAT_SECONDS", 10),
        # A running job without a heartbeat for this long is taken as interrupted (failed).
        "JOB_STALE_SECONDS": _env_int("JOB_STALE_SECONDS", 120),
        # Requests
        "MAX_CONTENT_LENGTH": _env_int("MAX_JSON_BYTES", 1024 * 1024),
        # Imports: the most data rows and bytes one file may hold, and the rows per batch (one
        # transaction each) of the dry-run and commit jobs.
        "IMPORT_MAX_ROWS": _env_int("IMPORT_MAX_ROWS", 100_000),
        "IMPORT_MAX_BYTES": _env_int("IMPORT_MAX_BYTES", 50 * 1024 * 1024),
        "IMPORT_BATCH_SIZE": _env_int("IMPORT_BATCH_SIZE", 500),
        "PHONE_DEFAULT_REGION": _env("PHONE_DEFAULT_REGION", "CN"),
        # Duplicates: how alike (0-100, rapidfuzz) two company names must be to be flagged, and
        # how many days a merge can be undone.
        "DUPLICATE_NAME_THRESHOLD": _env_int("DUPLICATE_NAME_THRESHOLD", 90),
        "MERGE_UNDO_DAYS": _env_int("MERGE_UNDO_DAYS", 30),
        # Exports and bulk actions: up to this many rows answer at once, more run as a job.
        "EXPORT_INLINE_MAX_ROWS": _env_int("EXPORT_INLINE_MAX_ROWS", 200),
        # How long the file of an export job stays downloadable.
        "EXPORT_KEEP_DAYS": _env_int("EXPORT_KEEP_DAYS", 7),
        "BULK_INLINE_MAX_ROWS": _env_int("BULK_INLINE_MAX_ROWS", 500),
        # The most rows one bulk action (or one export's `ids` selection) may name.
        "BULK_MAX_ROWS": _env_int("BULK_MAX_ROWS", 10000),
        "TRUSTED_PROXIES": _env_int("TRUSTED_PROXIES", 0),
        "FRONTEND_DIST": _env("FRONTEND_DIST", str(PROJECT_ROOT / "frontend" / "dist")),
        # OpenAPI (flask-smorest); Swagger UI assets are served from the installed package.
        "API_TITLE": "CRM API",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "openapi.json",
        "OPENAPI_SWAGGER_UI_PATH": "docs",
        "OPENAPI_SWAGGER_UI_URL": "/api/docs/assets/",
        "ETAG_DISABLED": True,  # ETags come from crm.core.etag (row versions)
        "JSON_SORT_KEYS": False,
    }
    settings.update(overrides)
    return settings
