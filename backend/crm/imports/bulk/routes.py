"""HTTP layer of bulk actions: `POST /{list}/bulk` for the lists that offer them."""

from __future__ import annotations

from flask import jsonify

from crm.core.blueprint import Blueprint
from crm.core.jobs_api import JobSchema
from crm.core.permissions import login_required, me
from crm.core.response_schemas import response_variant
from crm.imports.bulk import services
from crm.imports.bulk.schemas import ACTIONS, BulkResultSchema, bulk_schema
from crm.imports.lists import LISTS

blp = Blueprint("bulk", __name__, url_prefix="/api/v1", description="Bulk actions")

JOB_ANSWER = (
    "More rows than BULK_INLINE_MAX_ROWS: a job changes them in batches; its result has the "
    "same shape as the 200 answer."
)


def _register(resource: str) -> None:
    spec = LISTS[resource]

    @login_required()
    @blp.arguments(bulk_schema(spec))
    @blp.response(200, BulkResultSchema)
    @blp.alt_response(202, schema=response_variant(JobSchema), description=JOB_ANSWER)
    def bulk(body):
        result = services.run_bulk(me(), resource, body)
        if isinstance(result, dict):
            return result
        return jsonify(JobSchema().dump(result)), 202

    bulk.__doc__ = (
        f"One action on many {resource}: the selected `ids`, or every row the list's `filters` "
        "match. Each row goes through the single-record rules (scope, permissions, audit) and "
        "answers for itself; a row you cannot see answers not found. Actions: "
        + ", ".join(ACTIONS[resource])
        + "."
    )
    blp.route(f"/{resource}/bulk", endpoint=f"{resource}_bulk", methods=["POST"])(bulk)


for _resource in ACTIONS:
    _register(_resource)
