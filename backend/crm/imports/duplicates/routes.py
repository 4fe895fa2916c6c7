"""HTTP layer of duplicates and merges."""

from __future__ import annotations

from flask.views import MethodView

from crm.core.blueprint import Blueprint
from crm.core.jobs_api import JobSchema
from crm.core.openapi import ID
from crm.core.permissions import login_required, me
from crm.imports.duplicates import merge, services
from crm.imports.duplicates import scan as _scan  # noqa: F401 (registers duplicates.scan)
from crm.imports.duplicates.schemas import (
    DismissSchema,
    DuplicateCandidateListSchema,
    DuplicateCheckArgsSchema,
    DuplicateGroupArgsSchema,
    DuplicateGroupPageSchema,
    DuplicateScanArgsSchema,
    MergeInputSchema,
    MergeSchema,
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


def _merge_view(entity: str):
    def post(self, body):
        return merge.start_merge(me(), entity, body)

    post.__doc__ = (
        f"Merge duplicate {entity} into the primary one (a job; its result names the merge). "
        "The chosen values go to the primary; follow-ups, attachments, contacts, "
        "opportunities, tickets and orders move to it; the duplicates are hidden, pointing at "
        "it. Managers and admins merge what they see, sales reps what they own."
    )
    return post


for _entity in ("companies", "contacts", "leads"):
    blp.route(f"/{_entity}/merge", endpoint=f"merge_{_entity}")(
        type(
            f"Merge{_entity.title()}",
            (MethodView,),
            {
                "post": login_required()(
                    blp.arguments(MergeInputSchema)(
                        blp.response(202, JobSchema)(_merge_view(_entity))
                    )
                )
            },
        )
    )


@blp.route(f"/merges/<{ID}:merge_id>")
class MergeById(MethodView):
    @login_required()
    @blp.response(200, MergeSchema)
    def get(self, merge_id):
        """A merge: what moved, until when it can be undone, and whether it was."""
        return merge.merge_answer(merge.get_merge(me(), merge_id))


@blp.route(f"/merges/<{ID}:merge_id>/undo")
class MergeUndo(MethodView):
    @login_required()
    @blp.response(202, JobSchema)
    def post(self, merge_id):
        """Undo a merge (a job): every moved record goes back, the duplicates reappear and the
        primary gets its previous values. Within MERGE_UNDO_DAYS (30) of the merge."""
        return merge.start_undo(me(), merge_id)
