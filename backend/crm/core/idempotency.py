"""`Idempotency-Key` on POST: a retried request gets the first answer instead of a duplicate.

Keys are scoped to the caller. The first request stores a placeholder row (a unique constraint
stops a concurrent twin with 409), then its answer; a replay with another body answers 422.
Answers of 5xx are not kept, so the client can retry. A successful answer is stored in the
request's own transaction (`keep_answer`, called by the unit of work), so it exists exactly when
the work it describes does; an error answer is stored after that work rolled back.

Uploads stream their body into the store and are never held whole, so their fingerprint is the
method and path only: a replay answers the first upload's answer without reading the files
again. Only a successful upload is kept; an interrupted or refused one frees its key for the
retry.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Flask, Response, g, request
from flask_jwt_extended import get_jwt_identity, verify_jwt_in_request
from sqlalchemy.dialects import mysql
from sqlalchemy.orm import Mapped, mapped_column

from crm.core.body import view_streams_own_body
from crm.core.exceptions import BadRequest, Conflict, Invalid
from crm.core.i18n import N_
from crm.core.types import UTCDateTime, utcnow
from crm.extensions import db

HEADER = "Idempotency-Key"
KEPT_FOR = timedelta(hours=24)
# A placeholder this old belongs to a request that died with its worker: the key is free again.
ABANDONED_AFTER = timedelta(hours=1)
REPLAYED_HEADERS = ("ETag", "Location", "Content-Type")


class IdempotencyKey(db.Model):
    __tablename__ = "idempotency_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.Integer)
    key: Mapped[str] = mapped_column(sa.String(255))
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    status_code: Mapped[int | None] = mapped_column(sa.Integer)
    headers: Mapped[dict | None] = mapped_column(sa.JSON)
    # MEDIUMTEXT on MySQL: a bulk upsert's answer passes TEXT's 64 KB.
    body: Mapped[str | None] = mapped_column(
        sa.Text().with_variant(mysql.MEDIUMTEXT(), "mysql", "mariadb")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    __table_args__ = (sa.UniqueConstraint("user_id", "key"),)


def _fingerprint(streamed: bool) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    if not streamed:
        digest.update(request.get_data(cache=True))
    return digest.hexdigest()


def _expired(record: IdempotencyKey) -> bool:
    age = utcnow() - record.created_at
    return age > KEPT_FOR or (record.status_code is None and age > ABANDONED_AFTER)


def _caller_id() -> int | None:
    try:
        verify_jwt_in_request(optional=True, locations=["headers"])
    except Exception:  # the view itself answers the 401
        return None
    identity = get_jwt_identity()
    return int(identity) if identity and str(identity).isdigit() else None


def _begin():
    key = request.headers.get(HEADER)
    if request.method != "POST" or not key or not request.path.startswith("/api/v1/"):
        return None
    if len(key) > 255:
        raise BadRequest(N_("Idempotency-Key is too long."), errors={HEADER: [N_("At most 255.")]})
    user_id = _caller_id()
    if user_id is None:
        return None
    streamed = view_streams_own_body()
    fingerprint = _fingerprint(streamed)
    existing = db.session.scalar(
        sa.select(IdempotencyKey).where(
            IdempotencyKey.user_id == user_id, IdempotencyKey.key == key
        )
    )
    if existing is not None and _expired(existing):
        db.session.delete(existing)
        db.session.commit()
        existing = None
    if existing is not None:
        if existing.fingerprint != fingerprint:
            raise Invalid(
                N_("This Idempotency-Key was used for a different request."),
                code="idempotency_key_reused",
                errors={HEADER: [N_("Already used for another request.")]},
            )
        if existing.status_code is None:
            raise Conflict(
                N_("A request with this Idempotency-Key is still in progress."),
                code="idempotency_key_in_use",
            )
        response = Response(existing.body, status=existing.status_code)
        for name, value in (existing.headers or {}).items():
            response.headers[name] = value
        response.headers["Idempotent-Replayed"] = "true"
        return response
    record = IdempotencyKey(user_id=user_id, key=key, fingerprint=fingerprint)
    db.session.add(record)
    try:
        db.session.commit()
    except sa.exc.IntegrityError:
        db.session.rollback()
        raise Conflict(
            N_("A request with this Idempotency-Key is still in progress."),
            code="idempotency_key_in_use",
        ) from None
    g.idempotency_record_id = record.id
    g.idempotency_keeps_errors = not streamed
    return None


def _settle(record: IdempotencyKey, response: Response) -> None:
    """Keep the answer on the record, or free the key (5xx; an upload's refusal)."""
    keeps_errors = g.get("idempotency_keeps_errors", True)
    if response.status_code >= 500 or (not keeps_errors and response.status_code >= 300):
        db.session.delete(record)
    else:
        record.status_code = response.status_code
        record.body = response.get_data(as_text=True)
        record.headers = {h: response.headers[h] for h in REPLAYED_HEADERS if h in response.headers}


def keep_answer(response: Response) -> None:
    """A successful answer, kept in the request's own transaction: the unit of work commits it
    with the work it describes, or rolls both back (then `_finish` settles the error answer)."""
    record_id = g.get("idempotency_record_id")
    if record_id is None:
        return
    record = db.session.get(IdempotencyKey, record_id)
    if record is not None:
        _settle(record, response)


def _finish(response: Response) -> Response:
    """After the request: the answer was committed with the work unless the work rolled back
    (an error answer, a failed commit); then the placeholder still waits, and gets it here."""
    record_id = g.pop("idempotency_record_id", None)
    if record_id is None:
        return response
    db.session.rollback()
    record = db.session.get(IdempotencyKey, record_id)
    if record is None or record.status_code is not None:
        return response  # freed or answered in the request's own transaction
    _settle(record, response)
    db.session.commit()
    return response


def register_idempotency(app: Flask) -> None:
    app.before_request(_begin)
    app.after_request(_finish)
