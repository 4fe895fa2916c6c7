from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from crm.auth.models import USER_SORT_FIELDS
from crm.core.pagination import ListArgsSchema, sort_field
from crm.core.permissions import ROLES
from crm.core.schemas import Id, NonBlank, StrictId, StrictSchema, UtcDateTime, page_schema

LOCALES = ("zh-CN", "en-US")


class TeamSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    name = NonBlank(required=True, max=100)
    created_at = UtcDateTime(dump_only=True)


class UserSchema(StrictSchema):
    id = ma.fields.Integer(dump_only=True)
    email = ma.fields.Email(required=True, validate=validate.Length(max=254))
    name = NonBlank(required=True, max=100)
    role = ma.fields.String(required=True, validate=validate.OneOf(ROLES))
    team_id = StrictId(allow_none=True)
    locale = ma.fields.String(validate=validate.OneOf(LOCALES))
    active = ma.fields.Boolean()
    password = ma.fields.String(
        load_only=True, required=True, validate=validate.Length(min=8, max=128)
    )
    created_at = UtcDateTime(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class UserUpdateSchema(UserSchema):
    """PATCH body (loaded with partial=True)."""


UserPageSchema = page_schema(UserSchema, "UserPage")


class UserListArgsSchema(ListArgsSchema):
    role = ma.fields.String(validate=validate.OneOf(ROLES))
    team_id = Id()
    active = ma.fields.Boolean()
    q = ma.fields.String(validate=validate.Length(max=100))
    sort = sort_field(USER_SORT_FIELDS, "name")


class LoginSchema(StrictSchema):
    email = ma.fields.String(required=True, validate=validate.Length(min=1, max=254))
    password = ma.fields.String(
        required=True, load_only=True, validate=validate.Length(min=1, max=128)
    )


class TokenSchema(ma.Schema):
    access_token = ma.fields.String(required=True)
    refresh_token = ma.fields.String(required=True)
    token_type = ma.fields.String(required=True)
    expires_in = ma.fields.Integer(required=True, metadata={"description": "Seconds"})
    user = ma.fields.Nested(UserSchema, required=True)


class AssigneeSchema(ma.Schema):
    id = ma.fields.Integer(required=True)
    name = ma.fields.String(required=True)
    email = ma.fields.String(required=True)
    role = ma.fields.String(required=True)
    team_id = ma.fields.Integer(allow_none=True, required=True)


class AssigneeListSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(AssigneeSchema), required=True)
