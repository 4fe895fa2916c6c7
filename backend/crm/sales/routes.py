"""HTTP layer of leads. (Follow-ups: `crm.sales.follow_up_routes`.)"""

from __future__ import annotations

from flask.views import MethodView

from crm.core.blueprint import Blueprint
from crm.core.etag import check_if_match, with_etag
from crm.core.openapi import CONFLICTS, ETAG_HEADERS, ID, IF_MATCH
from crm.core.permissions import login_required, me
from crm.imports.duplicates import services as duplicates
from crm.sales import services
from crm.sales.schemas import (
    LeadListArgsSchema,
    LeadPageSchema,
    LeadSchema,
    LeadUpdateSchema,
)

blp = Blueprint("leads", __name__, url_prefix="/api/v1", description="Leads")


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
        lead.duplicates = duplicates.hints("leads", me(), lead)
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
        lead.duplicates = duplicates.hints("leads", me(), lead)
        return with_etag(lead, lead)

    @login_required()
    @blp.response(204)
    def delete(self, lead_id):
        """Delete a lead (it is kept, hidden, for the audit trail)."""
        lead = services.get_lead_to_change(me(), lead_id)
        check_if_match(lead, required=False)
        services.delete_lead(me(), lead)
