"""HTTP layer of tickets, their comments and the SLA policies."""

from __future__ import annotations

from flask.views import MethodView

from crm.auth.contracts import AssigneeListSchema
from crm.core.blueprint import Blueprint
from crm.core.etag import check_if_match, with_etag
from crm.core.openapi import CONFLICTS, ETAG_HEADERS, ID, IF_MATCH
from crm.core.permissions import ADMIN, login_required, me
from crm.service import services, sla
from crm.service.models import TICKET_PRIORITIES
from crm.service.schemas import (
    SlaPolicyListSchema,
    SlaPolicySchema,
    TicketCommentListArgsSchema,
    TicketCommentPageSchema,
    TicketCommentSchema,
    TicketListArgsSchema,
    TicketPageSchema,
    TicketSchema,
    TicketUpdateSchema,
)

blp = Blueprint("tickets", __name__, url_prefix="/api/v1", description="Service tickets")
PRIORITY = f"any({', '.join(TICKET_PRIORITIES)})"


@blp.route("/tickets")
class Tickets(MethodView):
    @login_required()
    @blp.arguments(TicketListArgsSchema, location="query")
    @blp.response(200, TicketPageSchema)
    def get(self, args):
        """List the tickets you can see, filtered, searched and sorted, a page at a time."""
        return services.list_tickets(me(), args)

    @login_required()
    @blp.arguments(TicketSchema)
    @blp.response(201, TicketSchema, headers=ETAG_HEADERS)
    def post(self, body):
        """Open a ticket; its SLA due times come from the priority's policy."""
        ticket = services.create_ticket(me(), body)
        return with_etag(ticket, ticket, 201)


@blp.route(f"/tickets/<{ID}:ticket_id>")
class TicketById(MethodView):
    @login_required()
    @blp.response(200, TicketSchema, headers=ETAG_HEADERS)
    def get(self, ticket_id):
        """One ticket, with its ETag."""
        ticket = services.get_ticket(me(), ticket_id)
        return with_etag(ticket, ticket)

    @login_required()
    @blp.arguments(TicketUpdateSchema(partial=True))
    @blp.response(200, TicketSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH], responses=CONFLICTS)
    def patch(self, body, ticket_id):
        """Change some fields of a ticket: assign it, move its status (409 for a move that is
        not allowed), change its priority (the due times follow). Needs If-Match: 428 without
        it, 412 when stale."""
        ticket = services.get_ticket(me(), ticket_id)
        check_if_match(ticket)
        ticket = services.update_ticket(me(), ticket, body)
        return with_etag(ticket, ticket)

    @login_required()
    @blp.response(204)
    def delete(self, ticket_id):
        """Delete a ticket (it is kept, hidden, for the audit trail)."""
        ticket = services.get_ticket(me(), ticket_id)
        check_if_match(ticket, required=False)
        services.delete_ticket(me(), ticket)


@blp.route(f"/tickets/<{ID}:ticket_id>/comments")
class TicketComments(MethodView):
    @login_required()
    @blp.arguments(TicketCommentListArgsSchema, location="query")
    @blp.response(200, TicketCommentPageSchema)
    def get(self, args, ticket_id):
        """The ticket's comments, oldest first: staff notes and what the customer sent."""
        return services.list_comments(me(), ticket_id, args)

    @login_required()
    @blp.arguments(TicketCommentSchema)
    @blp.response(201, TicketCommentSchema)
    def post(self, body, ticket_id):
        """Comment on a ticket: `internal` for staff, or `customer` (the first one is the
        ticket's first response)."""
        return services.create_comment(me(), ticket_id, body)


@blp.route("/ticket-assignees", methods=["GET"])
@login_required()
@blp.response(200, AssigneeListSchema)
def ticket_assignees():
    """The users you may give a ticket to: every active admin, manager and service user
    (admins, managers and service staff), yourself (sales)."""
    return {"items": services.ticket_assignees(me())}


@blp.route("/sla-policies", methods=["GET"])
@login_required()
@blp.response(200, SlaPolicyListSchema)
def sla_policies():
    """The hours each priority allows for the first response and the resolution."""
    return {"items": sla.list_policies()}


@blp.route(f"/sla-policies/<{PRIORITY}:priority>", methods=["PUT"])
@login_required(ADMIN)
@blp.arguments(SlaPolicySchema)
@blp.response(200, SlaPolicySchema)
def set_sla_policy(body, priority):
    """Set a priority's hours (admin). New tickets get them; existing tickets keep their due
    times until their priority changes."""
    return sla.set_policy(me(), priority, body)
