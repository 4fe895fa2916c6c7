"""The JSON of imports and of their report rows, and the upload's form fields."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from crm.core.i18n import translate
from crm.core.pagination import ListArgsSchema
from crm.core.schemas import StrictSchema, UtcDateTime, page_schema
from crm.imports.mapping import ENTITIES, MATCH_ON, MODES
from crm.imports.models import COUNT_KEYS, IMPORT_STATUSES, OUTCOMES

ROW_FILTERS = (*OUTCOMES, "normalised")


class ImportFormSchema(StrictSchema):
    """The upload's form fields (beside the `file` part)."""

    entity = ma.fields.String(required=True, validate=validate.OneOf(ENTITIES))
    mode = ma.fields.String(load_default="create", validate=validate.OneOf(MODES))
    match_on = ma.fields.String(allow_none=True, validate=validate.OneOf(MATCH_ON))
    sheet = ma.fields.String(allow_none=True, validate=validate.Length(min=1, max=100))


class ImportFieldSchema(ma.Schema):
    name = ma.fields.String()
    required = ma.fields.Boolean()


class ImportCreatorSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()


CountsSchema = type(
    "ImportCountsSchema", (ma.Schema,), {key: ma.fields.Integer() for key in COUNT_KEYS}
)


class ImportSchema(ma.Schema):
    id = ma.fields.Integer()
    entity = ma.fields.String(metadata={"enum": list(ENTITIES)})
    mode = ma.fields.String(metadata={"enum": list(MODES)})
    match_on = ma.fields.String(allow_none=True, metadata={"enum": list(MATCH_ON)})
    create_duplicates = ma.fields.Boolean()
    file_name = ma.fields.String()
    encoding = ma.fields.String(allow_none=True)
    delimiter = ma.fields.String(allow_none=True)
    sheet = ma.fields.String(allow_none=True)
    sheets = ma.fields.List(ma.fields.String())
    row_count = ma.fields.Integer()
    columns = ma.fields.List(ma.fields.String())
    mapping = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String(allow_none=True))
    fields = ma.fields.List(ma.fields.Nested(ImportFieldSchema))
    samples = ma.fields.List(ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Raw()))
    status = ma.fields.String(metadata={"enum": list(IMPORT_STATUSES)})
    counts = ma.fields.Nested(CountsSchema)
    job_id = ma.fields.Integer(allow_none=True)
    created_by = ma.fields.Nested(ImportCreatorSchema)
    created_at = UtcDateTime()
    committed_at = UtcDateTime(allow_none=True)


ImportPageSchema = page_schema(ImportSchema, "ImportPage")


class MappingSchema(StrictSchema):
    mapping = ma.fields.Dict(
        required=True, keys=ma.fields.String(), values=ma.fields.String(allow_none=True)
    )
    mode = ma.fields.String(validate=validate.OneOf(MODES))
    match_on = ma.fields.String(allow_none=True, validate=validate.OneOf(MATCH_ON))
    create_duplicates = ma.fields.Boolean()


class ChangeSchema(ma.Schema):
    field = ma.fields.String()
    rule = ma.fields.String()
    before = ma.fields.Raw(allow_none=True)
    after = ma.fields.Raw(allow_none=True)


class TranslatedText(ma.fields.String):
    """A message stored in English, answered in the caller's language."""

    def _serialize(self, value, attr, obj, **kwargs):
        return translate(value) if value else value


class RowProblemSchema(ma.Schema):
    field = ma.fields.String(allow_none=True)
    code = ma.fields.String()
    message = TranslatedText()


class CandidateSchema(ma.Schema):
    id = ma.fields.Integer()
    label = ma.fields.String()
    rule = ma.fields.String()
    score = ma.fields.Integer()


class ImportRowSchema(ma.Schema):
    row_number = ma.fields.Integer()
    outcome = ma.fields.String(metadata={"enum": list(OUTCOMES)})
    original = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Raw())
    values = ma.fields.Dict(
        keys=ma.fields.String(), values=ma.fields.Raw(), attribute="public_values"
    )
    changes = ma.fields.List(ma.fields.Nested(ChangeSchema))
    problems = ma.fields.List(ma.fields.Nested(RowProblemSchema))
    candidates = ma.fields.List(ma.fields.Nested(CandidateSchema))
    record_id = ma.fields.Integer(allow_none=True)


ImportRowPageSchema = page_schema(ImportRowSchema, "ImportRowPage")


class RowListArgsSchema(ListArgsSchema):
    outcome = ma.fields.String(validate=validate.OneOf(ROW_FILTERS))


class RowCsvArgsSchema(ma.Schema):
    outcome = ma.fields.String(validate=validate.OneOf(ROW_FILTERS))
