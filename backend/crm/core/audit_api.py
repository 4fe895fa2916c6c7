"""`GET /api/v1/audit-events`: the audit trail, for admins."""

from __future__ import annotations

import marshmallow as ma
import sqlalchemy as sa
from marshmallow import validate

from crm.core.audit import AuditEvent
from crm.core.blueprint import Blueprint
from crm.core.pagination import ListArgsSchema, SortField, paginate, sort_field
from crm.core.permissions import ADMIN, login_required
from crm.core.schemas import Id, UtcDateTime, page_schema
from crm.extensions import db

blp = Blueprint("audit", __name__, url_prefix="/api/v1", description="Audit trail")
AUDIT_SORT_FIELDS = {"occurred_at": SortField("occurred_at")}


class AuditEventSchema(ma.Schema):
    id = ma.fields.Integer()
    occurred_at = UtcDateTime()
    actor_id = ma.fields.Integer(allow_none=True)
    action = ma.fields.String()
    entity = ma.fields.String()
    entity_id = ma.fields.String(allow_none=True)
    changes = ma.fields.Dict(
        allow_none=True, metadata={"description": '{field: {"old": ..., "new": ...}}'}
    )
    ip_address = ma.fields.String(allow_none=True)


class AuditListArgsSchema(ListArgsSchema):
    entity = ma.fields.String(validate=validate.Length(max=40))
    entity_id = ma.fields.String(validate=validate.Length(max=64))
    actor_id = Id()
    action = ma.fields.String(validate=validate.Length(max=40))
    sort = sort_field(AUDIT_SORT_FIELDS, "-occurred_at")


@blp.route("/audit-events", methods=["GET"])
@login_required(ADMIN)
@blp.arguments(AuditListArgsSchema, location="query")
@blp.response(200, page_schema(AuditEventSchema, "AuditEventPage"))
def list_audit_events(args):
    """Who did what, when, from where (admin). Newest first."""
    stmt = sa.select(AuditEvent)
    for name in ("entity", "entity_id", "actor_id", "action"):
        if args.get(name) is not None:
            stmt = stmt.where(getattr(AuditEvent, name) == args[name])
    return paginate(
        db.session,
        stmt,
        AuditEvent,
        fields=AUDIT_SORT_FIELDS,
        sort=args["sort"],
        limit=args["limit"],
        cursor=args.get("cursor"),
    )
