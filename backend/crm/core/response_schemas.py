"""Exact response schemas in the OpenAPI document.

marshmallow's `required` only concerns loading, so a schema that is dumped documents none of its
fields as required, although every answer carries every field (null when empty). Each schema
given to `Blueprint.response` is replaced by its *response variant*: a subclass in which every
field that is not `load_only` is `required` (load-only fields are left out). Dumping is unchanged:
`required` plays no part in `dump`.

A field that an answer may leave out says so with `metadata={"optional_in_response": True}`.

The schema name resolver keeps the plain name (`Company`) for the response variant; a schema that
is also read from requests is named `<Name>Input` there, since its required fields differ.
"""

from __future__ import annotations

import copy

import marshmallow as ma
from apispec.ext.marshmallow import resolver as default_resolver
from apispec.ext.marshmallow.common import resolve_schema_cls

OPTIONAL_IN_RESPONSE = "optional_in_response"

_variants: dict[type[ma.Schema], type[ma.Schema]] = {}


def response_variant_class(schema_cls: type[ma.Schema]) -> type[ma.Schema]:
    """The response variant of a schema class (made once, nested schemas included)."""
    if getattr(schema_cls, "_response_of", None) is not None:
        return schema_cls
    variant = _variants.get(schema_cls)
    if variant is not None:
        return variant
    variant = type(f"{schema_cls.__name__}Response", (schema_cls,), {"_response_of": schema_cls})
    _variants[schema_cls] = variant  # before the fields: a schema may nest itself
    variant._declared_fields = {
        name: _required_field(field)
        for name, field in schema_cls._declared_fields.items()
        if not field.load_only
    }
    return variant


def response_variant(schema):
    """The response variant of a schema class or instance (keeping `many`, `only`, `exclude`)."""
    if schema is None or isinstance(schema, (str, dict)):
        return schema
    if isinstance(schema, type):
        return response_variant_class(schema)
    variant = response_variant_class(type(schema))
    return variant(many=schema.many, only=schema.only, exclude=schema.exclude)


def _required_field(field: ma.fields.Field) -> ma.fields.Field:
    field = copy.copy(field)
    field.required = not field.metadata.get(OPTIONAL_IN_RESPONSE, False)
    if isinstance(field, ma.fields.Nested):
        nested = field.nested
        if isinstance(nested, type) and issubclass(nested, ma.Schema):
            field.nested = response_variant_class(nested)
        elif isinstance(nested, ma.Schema):
            field.nested = response_variant(nested)
    elif isinstance(field, ma.fields.List):
        field.inner = _required_field(field.inner)
    elif isinstance(field, ma.fields.Dict) and field.value_field is not None:
        field.value_field = _required_field(field.value_field)
    return field


def schema_name(schema) -> str:
    """Component names: `Company` for answers, `CompanyInput` for a body read with the same
    schema, plain names for schemas used one way only."""
    resolved = resolve_schema_cls(schema)
    schema_cls = resolved[0] if isinstance(resolved, list) else resolved
    base = getattr(schema_cls, "_response_of", None)
    if base is not None:
        return default_resolver(base)
    name = default_resolver(schema_cls)
    if schema_cls in _variants:
        return f"{name}Input"
    return name
