"""HTTP layer of leads and follow-ups."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from crm.core.etag import check_if_match, with_etag
from crm.core.permissions import login_required, me
from crm.sales import services
from crm.sales.schemas import (
    FollowUpListArgsSchema,
    FollowUpPageSchema,
    FollowUpSchema,
    FollowUpUpdateSchema,
    LeadListArgsSchema,
    LeadPageSchema,
    LeadSchema,
    LeadUpdateSchema,
)

blp = Blueprint("leads", __name__, url_prefix="/api/v1", description="Leads and follow-ups")

ID = "int(max=2147483647)"
ETAG_HEADERS = {
    "ETag": {"description": "Send back in If-Match to update", "schema": {"type": "string"}}
}
IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "schema": {"type": "string"},
    "description": "The ETag from the last GET; required to update",
}
# Names of the problem+json response components (crm.core.errors registers them lazily; a
# name, unlike a raw "$ref", makes apispec emit the component it points to).
CONFLICTS = {"412": "PRECONDITION_FAILED", "428": "PRECONDITION_REQUIRED"}


@blp.route("/leads")
class Leads(MethodView):
    @login_required()
    @blp.arguments(LeadListArgsSchema, location="query")
    @blp.response(200, LeadPageSchema)
    def get(self, args):
        """List the leads you can see, filtered, searched and sorted, a page at a time."""
        return services.list_leads(me(), args)

    @login_required()
    @blp.arguments(LeadSchema)
    @blp.response(201, LeadSchema, headers=ETAG_HEADERS)
    def post(self, body):
        """Create a lead; it is yours unless a manager or admin names another owner."""
        lead = services.create_lead(me(), body)
        return with_etag(lead, lead, 201)


@blp.route(f"/leads/<{ID}:lead_id>")
class LeadById(MethodView):
    @login_required()
    @blp.response(200, LeadSchema, headers=ETAG_HEADERS)
    def get(self, lead_id):
        """One lead, with its ETag."""
        lead = services.get_lead(me(), lead_id)
        return with_etag(lead, lead)

    @login_required()
    @blp.arguments(LeadUpdateSchema(partial=True))
    @blp.response(200, LeadSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH], responses=CONFLICTS)
    def patch(self, body, lead_id):
        """Change some fields of a lead. Needs If-Match: 428 without it, 412 when stale."""
        lead = services.get_lead_to_change(me(), lead_id)
        check_if_match(lead)
        lead = services.update_lead(me(), lead, body)
        return with_etag(lead, lead)

    @login_required()
    @blp.response(204)
    def delete(self, lead_id):
        """Delete a lead (it is kept, hidden, for the audit trail)."""
        lead = services.get_lead_to_change(me(), lead_id)
        check_if_match(lead, required=False)
        services.delete_lead(me(), lead)


@blp.route(f"/leads/<{ID}:lead_id>/follow-ups")
class LeadFollowUps(MethodView):
    @login_required()
    @blp.arguments(FollowUpListArgsSchema, location="query")
    @blp.response(200, FollowUpPageSchema)
    def get(self, args, lead_id):
        """The lead's timeline, newest first."""
        return services.list_follow_ups(me(), lead_id, args)

    @login_required()
    @blp.arguments(FollowUpSchema)
    @blp.response(201, FollowUpSchema, headers=ETAG_HEADERS)
    def post(self, body, lead_id):
        """Log a call, visit, meeting... or schedule one with `due_at`."""
        follow_up = services.create_follow_up(me(), lead_id, body)
        return with_etag(follow_up, follow_up, 201)


@blp.route(f"/follow-ups/<{ID}:follow_up_id>")
class FollowUpById(MethodView):
    @login_required()
    @blp.response(200, FollowUpSchema, headers=ETAG_HEADERS)
    def get(self, follow_up_id):
        """One follow-up."""
        follow_up = services.get_follow_up(me(), follow_up_id)
        return with_etag(follow_up, follow_up)

    @login_required()
    @blp.arguments(FollowUpUpdateSchema(partial=True))
    @blp.response(200, FollowUpSchema, headers=ETAG_HEADERS)
    @blp.doc(responses={"412": CONFLICTS["412"]})
    def patch(self, body, follow_up_id):
        """Complete (`done_at`), reopen (`done_at: null`), reschedule (`due_at`) or edit.

        If-Match is honoured when sent.
        """
        follow_up = services.get_follow_up_to_change(me(), follow_up_id)
        check_if_match(follow_up, required=False)
        follow_up = services.update_follow_up(me(), follow_up, body)
        return with_etag(follow_up, follow_up)

    @login_required()
    @blp.response(204)
    def delete(self, follow_up_id):
        """Delete a follow-up."""
        follow_up = services.get_follow_up_to_change(me(), follow_up_id)
        check_if_match(follow_up, required=False)
        services.delete_follow_up(me(), follow_up)
