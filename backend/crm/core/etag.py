"""ETags from row versions, and the If-Match checks that guard updates."""

from __future__ import annotations

import hashlib

from flask import request

from crm.core.exceptions import PreconditionRequired, Stale
from crm.core.i18n import N_


def etag_of(record) -> str:
    """An opaque, strong ETag that changes whenever the row's version does."""
    raw = f"{type(record).__name__}:{record.id}:{record.version}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def check_if_match(record, *, required: bool = True) -> None:
    """428 when a required If-Match is missing, 412 when it names an older version."""
    if_match = request.if_match
    if not if_match:
        if required:
            raise PreconditionRequired(
                N_("Send the record's ETag in If-Match to update it."), code="if_match_required"
            )
        return
    if if_match.star_tag:
        return
    if not if_match.contains(etag_of(record)):
        raise Stale(
            N_("The record was changed by someone else; reload it and try again."),
            code="etag_mismatch",
        )


def with_etag(response_body, record, status: int = 200):
    """A (body, status, headers) tuple carrying the record's ETag."""
    return response_body, status, {"ETag": f'"{etag_of(record)}"'}
