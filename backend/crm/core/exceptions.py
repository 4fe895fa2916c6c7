"""The exceptions services raise when a request cannot be served: what went wrong in domain
terms, never an HTTP object. `crm.core.errors` answers each one as problem+json with its status
and stable `code` (see `crm.core.error_codes`); the message is English source text, translated
for the caller there.
"""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """Base: a message, a stable code (the class's default when not given), optional field
    errors ({field: [message, ...]}) and extra response headers (e.g. Content-Range).
    `keeps_writes=True` commits what the request wrote before the error is answered (the
    record of a refused login); otherwise the request's writes roll back
    (`crm.core.unit_of_work`)."""

    status: ClassVar[int] = 400
    default_code: ClassVar[str] = "bad_request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        code: str | None = None,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
        keeps_writes: bool = False,
    ):
        super().__init__(detail or self.default_code)
        self.detail = detail
        self.code = code or self.default_code
        self.errors = errors
        self.headers = headers or {}
        self.keeps_writes = keeps_writes


class BadRequest(DomainError):
    """The request cannot be read: a malformed body, header or cursor."""


class Unauthenticated(DomainError):
    status = 401
    default_code = "unauthorized"


class Forbidden(DomainError):
    status = 403
    default_code = "forbidden"


class NotFound(DomainError):
    status = 404
    default_code = "not_found"


class Conflict(DomainError):
    status = 409
    default_code = "conflict"


class Stale(DomainError):
    """The record changed since the caller read it."""

    status = 412
    default_code = "etag_mismatch"


class PreconditionRequired(DomainError):
    """A change needs the version the caller read (If-Match)."""

    status = 428
    default_code = "if_match_required"


class TooLarge(DomainError):
    status = 413
    default_code = "payload_too_large"


class UnsupportedMediaType(DomainError):
    status = 415
    default_code = "unsupported_media_type"


class RangeNotSatisfiable(DomainError):
    status = 416
    default_code = "range_not_satisfiable"


class Invalid(DomainError):
    """Some fields are invalid: `errors` says which and why."""

    status = 422
    default_code = "validation_failed"


class Unavailable(DomainError):
    """A store the request needs cannot be reached right now."""

    status = 503
    default_code = "service_unavailable"
