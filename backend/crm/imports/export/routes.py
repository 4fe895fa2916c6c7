"""HTTP layer of exports: `GET /{list}/export` for every exportable list, and the download of
a file a job built."""

from __future__ import annotations

from flask import Response

from crm.core.blueprint import Blueprint
from crm.core.jobs_api import JobSchema
from crm.core.openapi import ID
from crm.core.permissions import login_required, me
from crm.imports.export import services
from crm.imports.export.formats import MEDIA_TYPES
from crm.imports.export.schemas import export_args_schema
from crm.imports.lists import LISTS

blp = Blueprint("exports", __name__, url_prefix="/api/v1", description="Exports")

FILE_CONTENT = {
    "description": "The file (Content-Disposition: attachment), streamed",
    "content": {
        media.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
        for media in MEDIA_TYPES.values()
    },
}
JOB_ANSWER = (
    "More rows than one page (EXPORT_INLINE_MAX_ROWS) match: a job builds the file; its result "
    "is `{export_id, file_name, rows, download_url}`."
)


def _file_response(body, file_name: str, content_type: str) -> Response:
    response = Response(body, content_type=content_type)
    response.headers.set("Content-Disposition", "attachment", filename=file_name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.cache_control.private = True
    response.cache_control.no_store = True
    return response


def _register(resource: str) -> None:
    spec = LISTS[resource]

    @login_required()
    @blp.arguments(export_args_schema(spec), location="query")
    @blp.response(202, JobSchema, description=JOB_ANSWER)
    @blp.doc(responses={"200": FILE_CONTENT})
    def export(args):
        result = services.start_export(me(), resource, args)
        if isinstance(result, services.InlineExport):
            return _file_response(result.body, result.file_name, result.content_type)
        return result

    export.__doc__ = (
        f"Export the {resource} list with its filters and sort (and `ids`, a selection) as CSV "
        "or XLSX: only the rows you can see; text cells that a spreadsheet would run as a "
        "formula start with `'`. Up to EXPORT_INLINE_MAX_ROWS rows: the file at once (200)."
    )
    blp.route(f"/{resource}/export", endpoint=f"{resource}_export", methods=["GET"])(export)


for _resource in LISTS:
    _register(_resource)


@blp.route(f"/exports/<{ID}:export_id>/download", methods=["GET"])
@login_required()
@blp.doc(responses={"200": FILE_CONTENT})
def download(export_id):
    """The file an export job built; only for the user who asked for it."""
    export = services.get_export(me(), export_id)
    return _file_response(services.export_bytes(export.id), export.file_name, export.content_type)
