"""The JSON of duplicate candidates, groups, "not a duplicate" marks and merges."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from crm.core.schemas import MAX_ID, Id, StrictId, StrictSchema, UtcDateTime
from crm.imports.contracts import RULES, DuplicateCandidateSchema
from crm.imports.duplicate_rules import ENTITIES

ENTITY_DESCRIPTION = "One of " + ", ".join(ENTITIES)


def Entity(**kwargs) -> ma.fields.String:
    return ma.fields.String(
        validate=validate.OneOf(ENTITIES), metadata={"description": ENTITY_DESCRIPTION}, **kwargs
    )


class DuplicateCandidateListSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(DuplicateCandidateSchema))


class DuplicateCheckArgsSchema(StrictSchema):
    entity = Entity(required=True)
    name = ma.fields.String(
        validate=validate.Length(max=200),
        metadata={"description": "Company name (companies), person's name (leads)"},
    )
    company_name = ma.fields.String(
        validate=validate.Length(max=200), metadata={"description": "A lead's company name"}
    )
    email = ma.fields.String(validate=validate.Length(max=254))
    phone = ma.fields.String(validate=validate.Length(max=64))
    exclude_id = Id(metadata={"description": "The record being edited"})


class DuplicateScanArgsSchema(StrictSchema):
    entity = Entity(required=True)


class DuplicateGroupArgsSchema(StrictSchema):
    entity = Entity(required=True)
    limit = ma.fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = ma.fields.Integer(
        validate=validate.Range(min=0, max=MAX_ID),
        metadata={"description": "`next_cursor` of the last page"},
    )


class DuplicateUserSchema(ma.Schema):
    """Who owns a record of a group, or made a merge."""

    id = ma.fields.Integer()
    name = ma.fields.String()


class DuplicateRecordSchema(ma.Schema):
    id = ma.fields.Integer()
    label = ma.fields.String()
    email = ma.fields.String(allow_none=True)
    phone = ma.fields.String(allow_none=True)
    owner = ma.fields.Nested(DuplicateUserSchema, allow_none=True)
    created_at = UtcDateTime()


class DuplicateGroupSchema(ma.Schema):
    key = ma.fields.String()
    entity = ma.fields.String(metadata={"enum": list(ENTITIES)})
    rule = ma.fields.String(metadata={"enum": list(RULES)})
    score = ma.fields.Integer()
    records = ma.fields.List(ma.fields.Nested(DuplicateRecordSchema))


class DuplicateGroupPageSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(DuplicateGroupSchema))
    next_cursor = ma.fields.String(allow_none=True)


class DismissSchema(StrictSchema):
    entity = Entity(required=True)
    ids = ma.fields.List(StrictId(), required=True, validate=validate.Length(min=2, max=50))


class MergeInputSchema(StrictSchema):
    primary_id = StrictId(required=True)
    duplicate_ids = ma.fields.List(
        StrictId(), required=True, validate=validate.Length(min=1, max=20)
    )
    values = ma.fields.Dict(
        keys=ma.fields.String(),
        load_default=dict,
        metadata={"description": "The value chosen per field, written to the primary"},
    )


class MovedSchema(ma.Schema):
    follow_ups = ma.fields.Integer()
    attachments = ma.fields.Integer()
    contacts = ma.fields.Integer()
    opportunities = ma.fields.Integer()
    tickets = ma.fields.Integer()
    orders = ma.fields.Integer()


class MergeSchema(ma.Schema):
    id = ma.fields.Integer()
    entity = ma.fields.String(metadata={"enum": list(ENTITIES)})
    primary_id = ma.fields.Integer()
    duplicate_ids = ma.fields.List(ma.fields.Integer())
    moved = ma.fields.Nested(MovedSchema)
    created_at = UtcDateTime()
    undo_until = UtcDateTime()
    undone_at = UtcDateTime(allow_none=True)
    created_by = ma.fields.Nested(DuplicateUserSchema, allow_none=True)
