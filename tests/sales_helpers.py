"""Shared by the pipeline, opportunity, conversion, product and order tests: problem checks,
factories for their rows, and a two-team world to test scoping in."""

from __future__ import annotations

from decimal import Decimal

import factory

from crm.extensions import db
from crm.sales.orders.models import OrderLine, SalesOrder
from crm.sales.pipeline.models import Opportunity, Pipeline
from crm.sales.pipeline.services import build_pipeline
from crm.sales.products.models import Product
from tests.factories import _Base
from tests.helpers import etag, field_errors, patch, problem  # noqa: F401 (re-exported)

PIPELINES = "/api/v1/pipelines"
OPPORTUNITIES = "/api/v1/opportunities"
PRODUCTS = "/api/v1/products"
ORDERS = "/api/v1/orders"
LEADS = "/api/v1/leads"
EVENTS = "/api/v1/audit-events"


def ok(response, status: int = 200) -> dict:
    assert response.status_code == status, (response.status_code, response.get_json())
    return response.get_json()


def all_ids(api, path: str, **params) -> list[int]:
    """Every id of a list, following the cursors."""
    ids, cursor = [], None
    while True:
        query = {"limit": 200, **params}
        if cursor:
            query["cursor"] = cursor
        body = ok(api.get(path, query_string=query))
        ids += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            return ids


def audit_events(admin, entity: str, entity_id) -> list[dict]:
    body = ok(admin.get(EVENTS, query_string={"entity": entity, "entity_id": str(entity_id)}))
    return body["items"]


# --- factories ----------------------------------------------------------------------------


def make_pipeline(template: str = "manufacturing", *, default: bool = True) -> Pipeline:
    pipeline = build_pipeline(template)
    pipeline.is_default = default
    db.session.commit()
    return pipeline


def stage_named(pipeline: Pipeline, name: str):
    return next(stage for stage in pipeline.stages if stage.name == name)


class ProductFactory(_Base):
    class Meta:
        model = Product

    sku = factory.Sequence(lambda n: f"PUMP-{n:05d}")
    name = factory.Sequence(lambda n: f"Centrifugal pump model {n}")
    unit = "pcs"
    price = Decimal("1000.00")
    currency = "CNY"
    stock_quantity = Decimal("50")
    active = True


class OpportunityFactory(_Base):
    """Pass `stage=` (a Stage); the pipeline and status follow from it."""

    class Meta:
        model = Opportunity

    name = factory.Sequence(lambda n: f"Deal {n}")
    amount = Decimal("10000.00")
    currency = "CNY"
    pipeline_id = factory.LazyAttribute(lambda o: o.stage.pipeline_id)
    status = factory.LazyAttribute(lambda o: o.stage.kind)


def two_teams(login_as, team) -> dict:
    """East (reps a and a2, manager m), West (rep b, manager mw), an admin and service staff."""
    east, west = team(name="East"), team(name="West")
    return {
        "a": login_as("sales", team=east),
        "a2": login_as("sales", team=east),
        "m": login_as("manager", team=east),
        "b": login_as("sales", team=west),
        "mw": login_as("manager", team=west),
        "admin": login_as("admin"),
        "service": login_as("service"),
    }


def one_record_each(users: dict, make) -> dict:
    """A record (made by the factory `make`) owned by each of a, a2 and b, and an unassigned
    one: their ids by owner ("none" for the unassigned one)."""
    owners = {"a": users["a"].user.id, "a2": users["a2"].user.id, "b": users["b"].user.id}
    return {name: make(owner_id=owners.get(name)).id for name in ("a", "a2", "b", "none")}


# Who sees the records owned by a, a2, b, or nobody.
VISIBLE = {
    "a": {"a", "none"},
    "a2": {"a2", "none"},
    "m": {"a", "a2", "none"},
    "b": {"b", "none"},
    "mw": {"b", "none"},
    "admin": {"a", "a2", "b", "none"},
    "service": {"a", "a2", "b", "none"},
}
WRITERS = ("a", "a2", "m", "b", "mw", "admin")


class OrderFactory(_Base):
    """A draft order with one free-text line."""

    class Meta:
        model = SalesOrder

    number = factory.Sequence(lambda n: f"SO-TEST-{n:06d}")
    status = "draft"
    currency = "CNY"
    total = Decimal("800.00")
    lines = factory.LazyFunction(
        lambda: [
            OrderLine(
                description="Installation",
                quantity=Decimal("1"),
                unit_price=Decimal("800.00"),
                discount=Decimal("0"),
                line_total=Decimal("800.00"),
                stock_short=False,
                position=0,
            )
        ]
    )


def sales_records(owner_id: int) -> dict[str, list[int]]:
    """A pipeline, products, opportunities (open, won, unassigned) and orders, for the fuzz."""
    pipeline = make_pipeline("manufacturing", default=False)
    products = [ProductFactory(), ProductFactory(stock_quantity=None, active=False)]
    deals = [
        OpportunityFactory(stage=stage_named(pipeline, "Quotation"), owner_id=owner_id),
        OpportunityFactory(stage=stage_named(pipeline, "Order"), owner_id=owner_id),
        OpportunityFactory(stage=stage_named(pipeline, "Inquiry"), owner_id=None),
    ]
    orders = [OrderFactory(owner_id=owner_id), OrderFactory(owner_id=None, status="shipped")]
    return {
        "pipeline_id": [pipeline.id],
        "stage_id": [stage.id for stage in pipeline.stages],
        "product_id": [product.id for product in products],
        "opportunity_id": [deal.id for deal in deals],
        "order_id": [order.id for order in orders],
    }
