"""HTTP layer of imports: upload, mapping, the dry-run, commit and revert jobs, the report."""

from __future__ import annotations

from flask import Response, current_app, request
from flask.views import MethodView
from marshmallow import ValidationError

from crm.core.blueprint import Blueprint
from crm.core.body import streams_own_body
from crm.core.exceptions import Invalid, UnsupportedMediaType
from crm.core.i18n import N_
from crm.core.jobs_api import JobSchema
from crm.core.openapi import ID
from crm.core.pagination import ListArgsSchema
from crm.core.permissions import login_required, me
from crm.imports import jobs as _jobs  # noqa: F401 (registers the job handlers)
from crm.imports import services
from crm.imports.schemas import (
    ImportFormSchema,
    ImportPageSchema,
    ImportRowPageSchema,
    ImportSchema,
    MappingSchema,
    RowCsvArgsSchema,
    RowListArgsSchema,
)

blp = Blueprint("imports", __name__, url_prefix="/api/v1", description="Imports")

UPLOAD_BODY = {
    "required": True,
    "description": "CSV (UTF-8, UTF-8 with BOM, GBK/GB18030; `,` `;` or tab) or XLSX, up to "
    "IMPORT_MAX_ROWS data rows and IMPORT_MAX_BYTES bytes",
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file", "entity"],
                "properties": {
                    "file": {"type": "string", "format": "binary"},
                    "entity": {
                        "type": "string",
                        "enum": list(ImportFormSchema().fields["entity"].validate.choices),
                    },
                    "mode": {"type": "string", "enum": ["create", "update", "upsert"]},
                    "match_on": {
                        "type": "string",
                        "enum": ["email", "phone", "name", "external_id"],
                    },
                    "sheet": {"type": "string"},
                },
            }
        }
    },
}


def _read_upload() -> tuple[dict, str, bytes]:
    if request.mimetype != "multipart/form-data":
        raise UnsupportedMediaType(N_("Send the file as multipart/form-data."))
    request.max_content_length = current_app.config["IMPORT_MAX_BYTES"]
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise Invalid(
            N_("Choose a file to import."), errors={"file": [N_("Choose at least one file.")]}
        )
    form = {k: v for k, v in request.form.items() if v != ""}
    try:
        form = ImportFormSchema().load(form)
    except ValidationError as error:
        raise Invalid(N_("The request has invalid fields."), errors=error.messages) from None
    return form, upload.filename, upload.read()


@blp.route("/imports")
class Imports(MethodView):
    @login_required()
    @blp.arguments(ListArgsSchema, location="query")
    @blp.response(200, ImportPageSchema)
    def get(self, args):
        """Your imports (admins: everyone's), newest first."""
        return services.list_imports(me(), args)

    @streams_own_body
    @login_required()
    @blp.response(201, ImportSchema)
    @blp.doc(requestBody=UPLOAD_BODY)
    def post(self):
        """Upload a file to import: answers its columns, a proposed mapping and sample rows."""
        form, file_name, content = _read_upload()
        return services.create_import(me(), form, file_name, content)


@blp.route(f"/imports/<{ID}:import_id>")
class ImportById(MethodView):
    @login_required()
    @blp.response(200, ImportSchema)
    def get(self, import_id):
        """One import: its state, mapping and counts per outcome."""
        return services.get_import(me(), import_id)


@blp.route(f"/imports/<{ID}:import_id>/mapping")
class ImportMapping(MethodView):
    @login_required()
    @blp.arguments(MappingSchema)
    @blp.response(200, ImportSchema)
    def put(self, body, import_id):
        """Map each column to a field (null: ignore it); optionally change the mode."""
        return services.update_mapping(me(), services.get_import(me(), import_id), body)


def _job_route(path: str, start, doc: str):
    @login_required()
    @blp.response(202, JobSchema)
    def post(self, import_id):
        return start(me(), services.get_import(me(), import_id))

    post.__doc__ = doc
    view = type(f"Import{path.title().replace('-', '')}", (MethodView,), {"post": post})
    blp.route(f"/imports/<{ID}:import_id>/{path}")(view)


_job_route("dry-run", services.start_dry_run, "Check every row without writing (a job).")
_job_route("commit", services.start_commit, "Import the rows (a job).")
_job_route("revert", services.start_revert, "Undo what the import created and updated (a job).")


@blp.route(f"/imports/<{ID}:import_id>/rows")
class ImportRows(MethodView):
    @login_required()
    @blp.arguments(RowListArgsSchema, location="query")
    @blp.response(200, ImportRowPageSchema)
    def get(self, args, import_id):
        """The row-by-row report, in file order, filtered by outcome."""
        return services.list_rows(services.get_import(me(), import_id), args)


@blp.route(f"/imports/<{ID}:import_id>/rows.csv")
class ImportRowsCsv(MethodView):
    @login_required()
    @blp.arguments(RowCsvArgsSchema, location="query")
    @blp.response(200, content_type="text/csv")
    def get(self, args, import_id):
        """The report as CSV (UTF-8 with BOM): original columns, outcome and reason."""
        imp = services.get_import(me(), import_id)
        body = services.rows_csv(imp, args.get("outcome"))
        name = f"import-{imp.id}-report.csv"
        return Response(
            body.encode("utf-8"),
            mimetype="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
