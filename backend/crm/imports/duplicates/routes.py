"""HTTP layer of duplicates and merges."""

from __future__ import annotations

from flask.views import MethodView

from crm.core.blueprint import Blueprint
from crm.core.jobs_api import JobSchema
from crm.core.permissions import login_required, me
from crm.imports.duplicates import (
    scan,  # noqa: F401 (registers the duplicates.scan job)
    services,
)
from crm.imports.duplicates.schemas import (
    DismissSchema,
    DuplicateCandidateListSchema,
    DuplicateCheckArgsSchema,
    DuplicateGroupArgsSchema,
    DuplicateGroupPageSchema,
    DuplicateScanArgsSchema,
)

blp = Blueprint("duplicates", __name__, url_prefix="/api/v1", description="Duplicates and merges")


@blp.route("/duplicates/check")
class DuplicateCheck(MethodView):
    @login_required()
    @blp.arguments(DuplicateCheckArgsSchema, location="query")
    @blp.response(200, DuplicateCandidateListSchema)
    def get(self, args):
        """Records the values typed in a form may duplicate (same email, same phone, alike
        name), among those you can see: the warning before saving."""
        return services.check(me(), args)


@blp.route("/duplicates/scan")
class DuplicateScan(MethodView):
    @login_required()
    @blp.arguments(DuplicateScanArgsSchema, location="query")
    @blp.response(202, JobSchema)
    def post(self, args):
        """Scan every record of an entity for duplicates (a job; poll `GET /jobs/{id}`). Its
        groups replace the previous scan's."""
        return services.start_scan(me(), args["entity"])


@blp.route("/duplicates")
class DuplicateGroups(MethodView):
    @login_required()
    @blp.arguments(DuplicateGroupArgsSchema, location="query")
    @blp.response(200, DuplicateGroupPageSchema)
    def get(self, args):
        """The groups the last scan found, with the records you can see (a group needs two),
        the rule that matched and its score, a page at a time."""
        return services.list_groups(me(), args)


@blp.route("/duplicates/dismiss")
class DuplicateDismiss(MethodView):
    @login_required()
    @blp.arguments(DismissSchema)
    @blp.response(204)
    def post(self, body):
        """Mark records "not a duplicate" of each other: those pairs are never shown again
        (hints, checks, groups, import)."""
        services.dismiss(me(), body["entity"], body["ids"])
