"""HTTP layer of attachments (staff side) and of upload links as staff manage them."""

from __future__ import annotations

import logging

from flask.views import MethodView

from crm.attachments import links, services
from crm.attachments.download import content_response
from crm.attachments.models import ATTACHMENT_OWNERS
from crm.attachments.multipart import read_request
from crm.attachments.schemas import (
    BINARY_CONTENT,
    AttachmentListSchema,
    AttachmentPageSchema,
    AttachmentSchema,
    ContentArgsSchema,
    IssuedUploadLinkSchema,
    UploadLinkCreateSchema,
    UploadLinkPageSchema,
    multipart_body,
)
from crm.attachments.store import StoredFileMissing, StoreUnavailable
from crm.core.blueprint import Blueprint
from crm.core.body import streams_own_body
from crm.core.errors import problem
from crm.core.exceptions import NotFound
from crm.core.i18n import N_
from crm.core.openapi import ID
from crm.core.pagination import ListArgsSchema
from crm.core.permissions import login_required, me

log = logging.getLogger(__name__)

blp = Blueprint("attachments", __name__, url_prefix="/api/v1", description="Attachments")

STORE_DOWN = N_("The file store is not reachable right now. Try again in a minute.")
RETRY_AFTER_SECONDS = 30


def store_down(error: StoreUnavailable):
    log.warning("Attachment store unavailable: %s", error)
    return problem(
        503, STORE_DOWN, code="store_unavailable", headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
    )


blp.errorhandler(StoreUnavailable)(store_down)


class RecordAttachments(MethodView):
    """Registered once per kind of record (`owner`: tickets, leads, companies, opportunities)."""

    @login_required()
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, AttachmentPageSchema)
    def get(self, args, owner, **ids):
        """The record's attachments, newest first (metadata; works while the store is down)."""
        column = services.owner_column(owner)
        return services.list_attachments(me(), column, ids[column], args)

    @streams_own_body
    @login_required()
    @blp.response(201, AttachmentListSchema)
    @blp.doc(
        requestBody=multipart_body(
            "`file` parts. The type is taken from the bytes (images incl. HEIC, mp4/mov/webm, "
            "PDF, office documents, plain text); a name whose extension names another type is "
            "refused (415). Over MAX_UPLOAD_BYTES answers 413 while the body is read."
        )
    )
    def post(self, owner, **ids):
        """Upload one or more files to the record; all of them are stored, or none."""
        column = services.owner_column(owner)
        parts = lambda: read_request().parts()  # noqa: E731 (read after the scope check)
        return {"items": services.upload_files(me(), column, ids[column], parts)}


for _owner, _column in ATTACHMENT_OWNERS.items():
    blp.route(
        f"/{_owner}/<{ID}:{_column}>/attachments",
        endpoint=f"{_owner}_attachments",
        defaults={"owner": _owner},
    )(RecordAttachments)


@blp.route(f"/attachments/<{ID}:attachment_id>")
class AttachmentById(MethodView):
    @login_required()
    @blp.response(200, AttachmentSchema)
    def get(self, attachment_id):
        """One attachment's metadata."""
        return services.get_attachment(me(), attachment_id)

    @login_required()
    @blp.response(204)
    def delete(self, attachment_id):
        """Delete an attachment and its bytes."""
        attachment = services.get_attachment(me(), attachment_id, to_change=True)
        services.delete_attachment(me(), attachment)


@login_required()
def _attachment_for_caller(attachment_id):
    return services.get_attachment(me(), attachment_id)


@blp.route(f"/attachments/<{ID}:attachment_id>/content")
class AttachmentContent(MethodView):
    @blp.arguments(ContentArgsSchema, location="query")
    @blp.doc(
        security=[{"bearerAuth": []}, {}],
        responses={
            "200": BINARY_CONTENT,
            "206": {**BINARY_CONTENT, "description": "The requested range"},
            "304": {"description": "Not modified (If-None-Match)"},
        },
    )
    def get(self, args, attachment_id):
        """The file's bytes, streamed; `Range` answers 206. Authorization header, or the signed
        `token` of `content_url`. Images and videos are `inline`, everything else
        `attachment`."""
        if args.get("token"):
            attachment = services.attachment_for_token(attachment_id, args["token"])
        else:
            attachment = _attachment_for_caller(attachment_id)
        try:
            stored = services.open_content(attachment)
        except StoredFileMissing:
            log.error("Attachment %s is ready but its bytes are missing", attachment.id)
            raise NotFound(
                N_("The file's content is missing."), code="attachment_content_missing"
            ) from None
        return content_response(attachment, stored, force_download=args["download"])


# --- upload links (staff) -------------------------------------------------------------------


@blp.route(f"/tickets/<{ID}:ticket_id>/upload-links")
class TicketUploadLinks(MethodView):
    @login_required()
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, UploadLinkPageSchema)
    def get(self, args, ticket_id):
        """The ticket's upload links, newest first (without their tokens)."""
        return links.list_links(me(), ticket_id, args)

    @login_required()
    @blp.arguments(UploadLinkCreateSchema)
    @blp.response(201, IssuedUploadLinkSchema)
    def post(self, body, ticket_id):
        """Create a link a customer opens to send files to this ticket. The answer carries
        its `url` and `token`, shown only this once."""
        return links.create_link(me(), ticket_id, body)


@blp.route(f"/upload-links/<{ID}:link_id>")
class UploadLinkById(MethodView):
    @login_required()
    @blp.response(204)
    def delete(self, link_id):
        """Revoke a link: it stops working at once; what it brought in stays."""
        links.revoke_link(me(), link_id)
