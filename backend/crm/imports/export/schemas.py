"""The query parameters of `GET /{list}/export`: the list's own filters and sort, the format,
and an optional selection of ids."""

from __future__ import annotations

import marshmallow as ma
from webargs.fields import DelimitedList

from crm.core.schemas import Id
from crm.imports.export.models import EXPORT_FORMATS
from crm.imports.lists import ListSpec

MAX_SELECTED_IDS = 10000


def export_args_schema(spec: ListSpec) -> type[ma.Schema]:
    name = spec.args_schema.__name__.replace("FiltersSchema", "ExportArgsSchema")
    return type(
        name,
        (spec.args_schema,),
        {
            "format": ma.fields.String(
                load_default="csv",
                validate=ma.validate.OneOf(EXPORT_FORMATS),
                metadata={"description": "`csv` (UTF-8 with BOM) or `xlsx`"},
            ),
            "ids": DelimitedList(
                Id(),
                validate=ma.validate.Length(min=1, max=MAX_SELECTED_IDS),
                metadata={"description": "Only these rows (a selection), comma separated"},
            ),
        },
    )
