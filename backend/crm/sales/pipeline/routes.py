"""HTTP layer of pipelines, stages, the board, and opportunities."""

from __future__ import annotations

from flask.views import MethodView

from crm.core.blueprint import Blueprint
from crm.core.etag import check_if_match, with_etag
from crm.core.openapi import CONFLICTS, ETAG_HEADERS, ID, IF_MATCH
from crm.core.permissions import ADMIN, login_required, me
from crm.sales.pipeline import opportunities, services
from crm.sales.pipeline.schemas import (
    BoardArgsSchema,
    BoardSchema,
    OpportunityListArgsSchema,
    OpportunityPageSchema,
    OpportunitySchema,
    OpportunityUpdateSchema,
    PipelineCreateSchema,
    PipelineListArgsSchema,
    PipelinePageSchema,
    PipelineSchema,
    PipelineUpdateSchema,
    StageChangePageSchema,
    StageCreateSchema,
    StageHistoryArgsSchema,
    StageOrderSchema,
    StageUpdateSchema,
)

blp = Blueprint(
    "pipelines",
    __name__,
    url_prefix="/api/v1",
    description="Pipelines with their stages, the board, and opportunities",
)
IF_MATCH_OPTIONAL = {**IF_MATCH, "description": "The pipeline's ETag; checked when sent"}


# --- pipelines ----------------------------------------------------------------------------


@blp.route("/pipelines")
class Pipelines(MethodView):
    @login_required()
    @blp.arguments(PipelineListArgsSchema, location="query")
    @blp.response(200, PipelinePageSchema)
    def get(self, args):
        """List the pipelines with their stages (everyone); `archived=true` for archived ones."""
        return services.list_pipelines(args)

    @login_required(ADMIN)
    @blp.arguments(PipelineCreateSchema)
    @blp.response(201, PipelineSchema, headers=ETAG_HEADERS)
    def post(self, body):
        """Create a pipeline (admin): from a template (`manufacturing`: inquiry, sample,
        quotation, negotiation, order (won), lost; `services`: discovery, proposal, contract
        (won), lost) or with its own `name` and `stages`. The first pipeline is the default."""
        pipeline = services.create_pipeline(me(), body)
        return with_etag(pipeline, pipeline, 201)


@blp.route(f"/pipelines/<{ID}:pipeline_id>")
class PipelineById(MethodView):
    @login_required()
    @blp.response(200, PipelineSchema, headers=ETAG_HEADERS)
    def get(self, pipeline_id):
        """One pipeline with its stages, archived or not."""
        pipeline = services.get_pipeline(pipeline_id)
        return with_etag(pipeline, pipeline)

    @login_required(ADMIN)
    @blp.arguments(PipelineUpdateSchema(partial=True))
    @blp.response(200, PipelineSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH], responses=CONFLICTS)
    def patch(self, body, pipeline_id):
        """Rename a pipeline or make it the default (admin). Needs If-Match."""
        pipeline = services.get_pipeline(pipeline_id)
        check_if_match(pipeline)
        pipeline = services.update_pipeline(me(), pipeline, body)
        return with_etag(pipeline, pipeline)

    @login_required(ADMIN)
    @blp.response(204)
    def delete(self, pipeline_id):
        """Archive a pipeline (admin): it leaves the list and takes no new opportunities; its
        opportunities stay, readable and listable."""
        pipeline = services.get_pipeline(pipeline_id)
        check_if_match(pipeline, required=False)
        services.archive_pipeline(me(), pipeline)


@blp.route(f"/pipelines/<{ID}:pipeline_id>/stages")
class PipelineStages(MethodView):
    @login_required(ADMIN)
    @blp.arguments(StageCreateSchema)
    @blp.response(201, PipelineSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_OPTIONAL], responses={"412": CONFLICTS["412"]})
    def post(self, body, pipeline_id):
        """Add a stage (admin); answers the pipeline. An open stage goes before the won and
        lost stages unless `position` says where."""
        pipeline = services.get_pipeline(pipeline_id)
        check_if_match(pipeline, required=False)
        pipeline = services.add_stage(me(), pipeline, body)
        return with_etag(pipeline, pipeline, 201)

    @login_required(ADMIN)
    @blp.arguments(StageOrderSchema)
    @blp.response(200, PipelineSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_OPTIONAL], responses={"412": CONFLICTS["412"]})
    def patch(self, body, pipeline_id):
        """Reorder the stages (admin): `stage_ids` lists every stage not archived, in the new
        order; answers the pipeline."""
        pipeline = services.get_pipeline(pipeline_id)
        check_if_match(pipeline, required=False)
        pipeline = services.reorder_stages(me(), pipeline, body["stage_ids"])
        return with_etag(pipeline, pipeline)


@blp.route(f"/pipelines/<{ID}:pipeline_id>/stages/<{ID}:stage_id>")
class PipelineStageById(MethodView):
    @login_required(ADMIN)
    @blp.arguments(StageUpdateSchema(partial=True))
    @blp.response(200, PipelineSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_OPTIONAL], responses={"412": CONFLICTS["412"]})
    def patch(self, body, pipeline_id, stage_id):
        """Rename a stage, or change its default probability or kind (admin); answers the
        pipeline. The kind of a stage holding opportunities does not change (409)."""
        pipeline = services.get_pipeline(pipeline_id)
        check_if_match(pipeline, required=False)
        pipeline = services.update_stage(me(), pipeline, stage_id, body)
        return with_etag(pipeline, pipeline)

    @login_required(ADMIN)
    @blp.response(200, PipelineSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH_OPTIONAL], responses={"412": CONFLICTS["412"]})
    def delete(self, pipeline_id, stage_id):
        """Archive a stage (admin); answers the pipeline. Opportunities in it stay there,
        readable and listable, and can be moved out; nothing new goes in. The board shows the
        stage only while it holds opportunities."""
        pipeline = services.get_pipeline(pipeline_id)
        check_if_match(pipeline, required=False)
        pipeline = services.archive_stage(me(), pipeline, stage_id)
        return with_etag(pipeline, pipeline)


@blp.route(f"/pipelines/<{ID}:pipeline_id>/board", methods=["GET"])
@login_required()
@blp.arguments(BoardArgsSchema, location="query")
@blp.response(200, BoardSchema)
def pipeline_board(args, pipeline_id):
    """The board's columns: per stage, the count, total and weighted amounts of the
    opportunities you see (optionally only `owner_id`'s)."""
    return services.board(me(), pipeline_id, args)


# --- opportunities ------------------------------------------------------------------------


@blp.route("/opportunities")
class Opportunities(MethodView):
    @login_required()
    @blp.arguments(OpportunityListArgsSchema, location="query")
    @blp.response(200, OpportunityPageSchema)
    def get(self, args):
        """List the opportunities you can see, filtered, searched and sorted, a page at a time."""
        return opportunities.list_opportunities(me(), args)

    @login_required()
    @blp.arguments(OpportunitySchema)
    @blp.response(201, OpportunitySchema, headers=ETAG_HEADERS)
    def post(self, body):
        """Create an opportunity; it is yours unless a manager or admin names another owner.
        Without an amount, the amount is the lines' total."""
        opportunity = opportunities.create_opportunity(me(), body)
        return with_etag(opportunity, opportunity, 201)


@blp.route(f"/opportunities/<{ID}:opportunity_id>")
class OpportunityById(MethodView):
    @login_required()
    @blp.response(200, OpportunitySchema, headers=ETAG_HEADERS)
    def get(self, opportunity_id):
        """One opportunity, with its ETag."""
        opportunity = opportunities.get_opportunity(me(), opportunity_id)
        return with_etag(opportunity, opportunity)

    @login_required()
    @blp.arguments(OpportunityUpdateSchema(partial=True))
    @blp.response(200, OpportunitySchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH], responses=CONFLICTS)
    def patch(self, body, opportunity_id):
        """Change an opportunity; a new `stage_id` moves it (recorded in its stage history), and
        a won or lost stage closes it. Needs If-Match: 428 without it, 412 when stale."""
        opportunity = opportunities.get_opportunity_to_change(me(), opportunity_id)
        check_if_match(opportunity)
        opportunity = opportunities.update_opportunity(me(), opportunity, body)
        return with_etag(opportunity, opportunity)

    @login_required()
    @blp.response(204)
    def delete(self, opportunity_id):
        """Delete an opportunity (it is kept, hidden, for the audit trail)."""
        opportunity = opportunities.get_opportunity_to_change(me(), opportunity_id)
        check_if_match(opportunity, required=False)
        opportunities.delete_opportunity(me(), opportunity)


@blp.route(f"/opportunities/<{ID}:opportunity_id>/stage-history", methods=["GET"])
@login_required()
@blp.arguments(StageHistoryArgsSchema, location="query")
@blp.response(200, StageChangePageSchema)
def stage_history(args, opportunity_id):
    """Where the opportunity has been: every stage move with who and when, oldest first."""
    return opportunities.stage_history(me(), opportunity_id, args)
