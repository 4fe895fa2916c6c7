"""What a customer reaches without an account: one upload link."""

from __future__ import annotations

from flask import current_app
from flask_limiter.util import get_remote_address

from crm.attachments import links
from crm.attachments.multipart import read_request
from crm.attachments.routes import store_down
from crm.attachments.schemas import (
    PublicUploadResultSchema,
    UploadLinkInfoSchema,
    multipart_body,
)
from crm.attachments.store import StoreUnavailable
from crm.core.blueprint import Blueprint
from crm.core.body import streams_own_body
from crm.extensions import limiter

blp = Blueprint(
    "public_uploads", __name__, url_prefix="/api/v1/public", description="Customer upload links"
)
blp.errorhandler(StoreUnavailable)(store_down)


def _rate_limit() -> str:
    return current_app.config["PUBLIC_UPLOAD_RATE_LIMIT"]


# One budget per client address for both endpoints: guessing tokens costs the same as using one.
public_limit = limiter.shared_limit(
    _rate_limit, scope="public-uploads", key_func=get_remote_address
)


# A token is 43 characters (`secrets.token_urlsafe(32)`); other lengths are no link at all.
LINK_PATH_PARAM = "string(minlength=20, maxlength=100):token"


@blp.route(f"/upload-links/<{LINK_PATH_PARAM}>", methods=["GET"])
@public_limit
@blp.doc(security=[])
@blp.response(200, UploadLinkInfoSchema)
def describe_link(token):
    """What this link allows: the ticket it reaches, what is left of its quota, the accepted
    types. Unknown, expired, revoked and used-up links answer the same 404."""
    return links.describe(token)


@blp.route(f"/upload-links/<{LINK_PATH_PARAM}>", methods=["POST"])
@streams_own_body
@public_limit
@blp.doc(
    security=[],
    requestBody=multipart_body(
        "Zero or more `file` parts and an optional `message` (at least one of them).",
        message=True,
    ),
)
@blp.response(201, PublicUploadResultSchema)
def upload_through_link(token):
    """Send files (and a message) to the link's ticket. Over the link's remaining size or
    file count answers 413; a file whose type is not accepted 415; nothing is kept then. A
    ticket waiting on the customer, resolved or closed goes back to open."""
    received = links.upload(token, lambda: read_request().parts())
    return {
        "items": received.attachments,
        "message_saved": bool(received.fields.get("message")),
    }
