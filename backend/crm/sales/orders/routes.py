"""HTTP layer of sales orders."""

from __future__ import annotations

from flask.views import MethodView

from crm.core.blueprint import Blueprint
from crm.core.etag import check_if_match, with_etag
from crm.core.openapi import CONFLICTS, ETAG_HEADERS, ID, IF_MATCH
from crm.core.permissions import login_required, me
from crm.sales.orders import services
from crm.sales.orders.schemas import (
    OrderListArgsSchema,
    OrderPageSchema,
    OrderSchema,
    OrderUpdateSchema,
)

blp = Blueprint("orders", __name__, url_prefix="/api/v1", description="Sales orders")


@blp.route("/orders")
class Orders(MethodView):
    @login_required()
    @blp.arguments(OrderListArgsSchema, location="query")
    @blp.response(200, OrderPageSchema)
    def get(self, args):
        """List the orders you can see (service staff see all, to answer customers)."""
        return services.list_orders(me(), args)

    @login_required()
    @blp.arguments(OrderSchema)
    @blp.response(201, OrderSchema, headers=ETAG_HEADERS)
    def post(self, body):
        """Create a draft order: from a won opportunity (`opportunity_id`: its lines, company,
        contact and owner; 409 when it is not won or already ordered) or directly (`company_id`,
        `contact_id`, `lines`). Lines asking for more than is in stock are flagged
        (`stock_short`, `stock_warnings`), not refused."""
        order = services.create_order(me(), body)
        return with_etag(order, order, 201)


@blp.route(f"/orders/<{ID}:order_id>")
class OrderById(MethodView):
    @login_required()
    @blp.response(200, OrderSchema, headers=ETAG_HEADERS)
    def get(self, order_id):
        """One order, with its ETag."""
        order = services.get_order(me(), order_id)
        return with_etag(order, order)

    @login_required()
    @blp.arguments(OrderUpdateSchema(partial=True))
    @blp.response(200, OrderSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH], responses={**CONFLICTS, "409": "CONFLICT"})
    def patch(self, body, order_id):
        """Move the status on (draft -> confirmed | cancelled, confirmed -> shipped | cancelled,
        shipped -> completed; anything else is 409), or change notes, owner, and while a draft
        the lines and customer. Needs If-Match."""
        order = services.get_order_to_change(me(), order_id)
        check_if_match(order)
        order = services.update_order(me(), order, body)
        return with_etag(order, order)
