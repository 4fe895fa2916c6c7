"""JSON of attachments and upload links, and the multipart bodies as OpenAPI documents them."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from crm.attachments import filetypes
from crm.core.schemas import StrictSchema, UtcDateTime, page_schema

MAX_LINK_BYTES = 10 * 1024**3


class AttachmentSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    record_type = ma.fields.String(
        dump_only=True, metadata={"enum": ["ticket", "lead", "company", "opportunity"]}
    )
    record_id = ma.fields.Integer(dump_only=True)
    filename = ma.fields.String(dump_only=True)
    content_type = ma.fields.String(
        dump_only=True, metadata={"description": "Detected from the bytes, not the name"}
    )
    size = ma.fields.Integer(dump_only=True)
    sha256 = ma.fields.String(dump_only=True)
    created_at = UtcDateTime(dump_only=True)
    uploaded_by_id = ma.fields.Integer(dump_only=True, allow_none=True)
    uploaded_by_name = ma.fields.String(dump_only=True, allow_none=True)
    upload_link_id = ma.fields.Integer(dump_only=True, allow_none=True)
    uploaded_via = ma.fields.String(dump_only=True, metadata={"enum": ["user", "upload_link"]})
    inline = ma.fields.Function(
        lambda attachment: filetypes.is_inline(attachment.content_type),
        dump_only=True,
        metadata={"type": "boolean", "description": "A browser may show it (image or video)"},
    )
    content_url = ma.fields.Method(
        "_content_url",
        dump_only=True,
        metadata={
            "type": "string",
            "description": "The bytes, signed: works without Authorization for ~15 minutes",
        },
    )

    def _content_url(self, attachment) -> str:
        from crm.attachments.services import content_url

        return content_url(attachment)


class AttachmentListSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(AttachmentSchema), required=True)


AttachmentPageSchema = page_schema(AttachmentSchema, "AttachmentPage")


class ContentArgsSchema(ma.Schema):
    token = ma.fields.String(
        metadata={"description": "The signed token of `content_url` (instead of Authorization)"}
    )
    download = ma.fields.Boolean(
        load_default=False, metadata={"description": "Always `Content-Disposition: attachment`"}
    )


class UploadLinkCreateSchema(StrictSchema):
    expires_in_hours = ma.fields.Integer(
        strict=True, load_default=72, validate=validate.Range(min=1, max=720)
    )
    max_files = ma.fields.Integer(strict=True, load_default=10, validate=validate.Range(1, 50))
    max_total_bytes = ma.fields.Integer(
        strict=True,
        load_default=500 * 1024 * 1024,
        validate=validate.Range(min=1, max=MAX_LINK_BYTES),
    )


class UploadLinkSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    ticket_id = ma.fields.Integer(dump_only=True)
    expires_at = UtcDateTime(dump_only=True)
    max_files = ma.fields.Integer(dump_only=True)
    max_total_bytes = ma.fields.Integer(dump_only=True)
    files_used = ma.fields.Integer(dump_only=True)
    bytes_used = ma.fields.Integer(dump_only=True)
    created_at = UtcDateTime(dump_only=True)
    revoked_at = UtcDateTime(dump_only=True, allow_none=True)
    active = ma.fields.Boolean(dump_only=True)


class IssuedUploadLinkSchema(UploadLinkSchema):
    url = ma.fields.String(dump_only=True, metadata={"description": "The customer's page"})
    token = ma.fields.String(dump_only=True, metadata={"description": "Shown only this once"})


UploadLinkPageSchema = page_schema(UploadLinkSchema, "UploadLinkPage")


class UploadLinkInfoSchema(ma.Schema):
    ticket_reference = ma.fields.String()
    ticket_subject = ma.fields.String()
    expires_at = UtcDateTime()
    max_files = ma.fields.Integer()
    files_remaining = ma.fields.Integer()
    max_total_bytes = ma.fields.Integer()
    bytes_remaining = ma.fields.Integer()
    max_file_bytes = ma.fields.Integer()
    accepted_types = ma.fields.List(ma.fields.String())
    accept = ma.fields.String(metadata={"description": "For an <input type=file accept=...>"})


class ReceivedFileSchema(ma.Schema):
    filename = ma.fields.String()
    size = ma.fields.Integer()
    content_type = ma.fields.String()


class PublicUploadResultSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(ReceivedFileSchema), required=True)
    message_saved = ma.fields.Boolean(required=True)


def multipart_body(description: str, *, message: bool = False) -> dict:
    """An OpenAPI requestBody of `file` parts (and a `message` field). The view reads the body
    as a stream itself, so it is documented rather than parsed by webargs."""
    properties = {
        "file": {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "description": "One or more files (repeat the part)",
        }
    }
    if message:
        properties["message"] = {
            "type": "string",
            "maxLength": 10000,
            "description": "Added to the ticket as a comment from the customer",
        }
    schema = {"type": "object", "properties": properties}
    if not message:
        schema["required"] = ["file"]
    return {
        "required": True,
        "description": description,
        "content": {"multipart/form-data": {"schema": schema}},
    }


# The bytes are answered with the type sniffed at upload, one of the accepted types.
BINARY_CONTENT = {
    "description": "The file's bytes, with the type sniffed at upload",
    "content": {
        mime: {"schema": {"type": "string", "format": "binary"}} for mime in filetypes.ALLOWED
    },
}
