"""Base schemas: strict loading, and UTC times in ISO 8601."""

from __future__ import annotations

from datetime import UTC, datetime

import marshmallow as ma
from webargs.fields import DelimitedList

from crm.core.i18n import N_


class StrictSchema(ma.Schema):
    """Rejects unknown fields; read-only fields are `dump_only` and so rejected on input too."""

    class Meta:
        unknown = ma.RAISE


def page_schema(item_schema: type[ma.Schema], name: str) -> type[ma.Schema]:
    """`{"items": [...], "next_cursor": ...}` for a resource."""
    return type(
        name,
        (ma.Schema,),
        {
            "items": ma.fields.List(ma.fields.Nested(item_schema), required=True),
            "next_cursor": ma.fields.String(allow_none=True, required=True),
        },
    )


def NonBlank(**kwargs) -> ma.fields.String:
    """Text with at least one character that is not white space."""
    return ma.fields.String(
        validate=[
            ma.validate.Length(min=1, max=kwargs.pop("max", 255)),
            ma.validate.Predicate("strip", error=N_("Enter some text, not only spaces.")),
        ],
        **kwargs,
    )


EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2999, 12, 31, tzinfo=UTC)
MAX_ID = 2**31 - 1


def UtcDateTime(**kwargs) -> ma.fields.AwareDateTime:
    """ISO 8601; a time without an offset is taken as UTC. Bounded to what every database stores."""
    metadata = {
        "description": "ISO 8601 (UTC when no offset), between 1970 and 2999",
        **kwargs.pop("metadata", {}),
    }
    return ma.fields.AwareDateTime(
        default_timezone=UTC,
        validate=ma.validate.Range(min=EARLIEST, max=LATEST),
        metadata=metadata,
        **kwargs,
    )


def Id(**kwargs) -> ma.fields.Integer:
    """A row id in a query string."""
    return ma.fields.Integer(validate=ma.validate.Range(min=1, max=MAX_ID), **kwargs)


def StrictId(**kwargs) -> ma.fields.Integer:
    """A row id in a JSON body: a JSON integer, never a string or a float that gets truncated."""
    return ma.fields.Integer(strict=True, validate=ma.validate.Range(min=1, max=MAX_ID), **kwargs)


class WholeNested(ma.fields.Nested):
    """A nested object that is loaded whole even inside a PATCH body: `partial=True` on the
    parent would otherwise let `{"lines": [{}]}` through without the lines' required fields."""

    def _deserialize(self, value, attr, data, partial=None, **kwargs):
        return super()._deserialize(value, attr, data, partial=False, **kwargs)


def OneOrMore(choices) -> DelimitedList:
    """A comma-separated filter of one or more `choices`; a bad value is reported under the
    parameter's own name (where a form shows it), and the choices are documented as an enum of
    each item (ContainsOnly would put the enum on the array, which generated clients misread)."""

    def only_choices(values):
        unknown = [value for value in values if value not in choices]
        if unknown:
            raise ma.ValidationError(
                N_("Must be one of: {choices}.").format(choices=", ".join(choices))
            )

    return DelimitedList(
        ma.fields.String(metadata={"enum": list(choices)}),
        validate=only_choices,
        metadata={"description": "One or more of " + ", ".join(choices) + ", comma separated"},
    )
