"""Sales orders through the HTTP API: from a won opportunity or entered directly, numbers,
totals, stock shortage flags, the status transitions allowed and refused, and scoping (service
staff read every order, to tell a customer where it stands)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from tests.factories import CompanyFactory, ContactFactory
from tests.sales_helpers import (
    OPPORTUNITIES,
    ORDERS,
    VISIBLE,
    WRITERS,
    ProductFactory,
    all_ids,
    audit_events,
    field_errors,
    make_pipeline,
    ok,
    patch,
    problem,
    stage_named,
    two_teams,
)

ORDER_FIELDS = {
    "id",
    "number",
    "opportunity_id",
    "opportunity_name",
    "company_id",
    "company_name",
    "contact_id",
    "contact_name",
    "owner_id",
    "owner_name",
    "status",
    "currency",
    "total",
    "notes",
    "lines",
    "stock_warnings",
    "created_at",
    "updated_at",
}
LINE_FIELDS = {
    "id",
    "product_id",
    "product_name",
    "description",
    "quantity",
    "unit_price",
    "discount",
    "line_total",
    "stock_on_hand",
    "stock_short",
}


@pytest.fixture
def pipeline(db):
    return make_pipeline("manufacturing")


def path_of(order) -> str:
    return f"{ORDERS}/{order['id']}"


def won_opportunity(api, pipeline, **body) -> dict:
    """An opportunity created through the API and moved to the won stage."""
    body.setdefault("name", "Pumps for Taihu plant")
    opportunity = ok(api.post(OPPORTUNITIES, json=body), 201)
    path = f"{OPPORTUNITIES}/{opportunity['id']}"
    return ok(patch(api, path, {"stage_id": stage_named(pipeline, "Order").id}))


def direct(api, **body) -> dict:
    body.setdefault(
        "lines", [{"description": "Installation", "quantity": "1", "unit_price": "800"}]
    )
    return ok(api.post(ORDERS, json=body), 201)


# --- from a won opportunity ---------------------------------------------------------------


def test_an_order_from_a_won_opportunity_copies_it(login_as, pipeline):
    rep = login_as("sales")
    company = CompanyFactory(owner_id=rep.user.id)
    contact = ContactFactory(company_id=company.id, owner_id=rep.user.id)
    pump = ProductFactory(price=Decimal("12800.00"), stock_quantity=Decimal("10"))
    seal = ProductFactory(price=Decimal("35.50"), stock_quantity=None)
    opportunity = won_opportunity(
        rep,
        pipeline,
        company_id=company.id,
        contact_id=contact.id,
        lines=[
            {"product_id": pump.id, "quantity": "3", "discount": "12.5"},
            {"product_id": seal.id, "quantity": "10"},
        ],
    )
    response = rep.post(ORDERS, json={"opportunity_id": opportunity["id"], "notes": "Ship by sea"})
    order = ok(response, 201)
    assert response.headers["ETag"]
    assert set(order) == ORDER_FIELDS
    assert re.fullmatch(rf"SO-{datetime.now(UTC).year}-\d{{6}}", order["number"])
    assert (order["opportunity_id"], order["company_id"], order["contact_id"]) == (
        opportunity["id"],
        company.id,
        contact.id,
    )
    assert (order["owner_id"], order["status"], order["currency"]) == (
        rep.user.id,
        "draft",
        "CNY",
    )
    assert order["notes"] == "Ship by sea"
    assert order["total"] == "33955.00" == opportunity["amount"]
    assert [set(line) for line in order["lines"]] == [LINE_FIELDS, LINE_FIELDS]
    first, second = order["lines"]
    assert (first["product_id"], first["quantity"], first["unit_price"], first["discount"]) == (
        pump.id,
        "3.000",
        "12800.00",
        "12.50",
    )
    assert first["line_total"] == "33600.00" and first["description"] == pump.name
    assert (first["stock_on_hand"], first["stock_short"]) == ("10.000", False)
    assert (second["stock_on_hand"], second["stock_short"]) == (None, False)
    assert order["stock_warnings"] == []
    assert ok(rep.get(path_of(order))) == order

    admin = login_as("admin")
    [event] = audit_events(admin, "order", order["id"])
    assert event["action"] == "create" and event["changes"]["number"]["new"] == order["number"]


def test_an_opportunity_without_lines_becomes_one_line(login_as, pipeline):
    rep = login_as("sales")
    opportunity = won_opportunity(rep, pipeline, name="Maintenance contract", amount="5000.5")
    order = ok(rep.post(ORDERS, json={"opportunity_id": opportunity["id"]}), 201)
    [line] = order["lines"]
    assert (line["description"], line["quantity"], line["unit_price"], line["product_id"]) == (
        "Maintenance contract",
        "1.000",
        "5000.50",
        None,
    )
    assert order["total"] == "5000.50"


def test_only_a_won_opportunity_without_an_order_becomes_one(login_as, pipeline):
    rep = login_as("sales")
    open_one = ok(rep.post(OPPORTUNITIES, json={"name": "Still open"}), 201)
    body = problem(rep.post(ORDERS, json={"opportunity_id": open_one["id"]}), 409)
    assert "opportunity_id" in body["errors"]
    lost = ok(
        patch(
            rep,
            f"{OPPORTUNITIES}/{open_one['id']}",
            {"stage_id": stage_named(pipeline, "Lost").id},
        )
    )
    problem(rep.post(ORDERS, json={"opportunity_id": lost["id"]}), 409)

    won = won_opportunity(rep, pipeline, amount="100")
    first = ok(rep.post(ORDERS, json={"opportunity_id": won["id"]}), 201)
    body = problem(rep.post(ORDERS, json={"opportunity_id": won["id"]}), 409)
    assert first["number"] in body["detail"]
    # Once that order is cancelled, the opportunity may be ordered again.
    ok(patch(rep, path_of(first), {"status": "cancelled"}))
    second = ok(rep.post(ORDERS, json={"opportunity_id": won["id"]}), 201)
    assert second["number"] != first["number"]
    assert set(all_ids(rep, ORDERS, opportunity_id=won["id"])) == {first["id"], second["id"]}

    field_errors(rep.post(ORDERS, json={"opportunity_id": 2147483000}), "opportunity_id")
    both = {"opportunity_id": won["id"], "lines": [{"description": "x", "quantity": "1"}]}
    field_errors(rep.post(ORDERS, json=both), "lines")


# --- entered directly ---------------------------------------------------------------------


def test_a_direct_order_with_product_and_free_text_lines(login_as):
    rep = login_as("sales")
    company = CompanyFactory(owner_id=rep.user.id)
    pump = ProductFactory(price=Decimal("999.99"), stock_quantity=Decimal("100"))
    order = direct(
        rep,
        company_id=company.id,
        lines=[
            {"product_id": pump.id, "quantity": "2"},
            {"description": "Commissioning on site", "quantity": "1.5", "unit_price": "800"},
            {"product_id": pump.id, "quantity": "1", "unit_price": "900", "discount": "10"},
        ],
    )
    assert [line["line_total"] for line in order["lines"]] == ["1999.98", "1200.00", "810.00"]
    assert order["total"] == "4009.98"
    assert order["lines"][1]["product_id"] is None
    assert order["owner_id"] == rep.user.id and order["opportunity_id"] is None


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        (None, "lines"),
        ([], "lines"),
        ([{"quantity": "1", "unit_price": "1"}], "lines.0.description"),
        ([{"description": "x", "quantity": "1"}], "lines.0.unit_price"),
        ([{"description": "x", "quantity": "0", "unit_price": "1"}], "lines.0.quantity"),
        ([{"description": "x", "quantity": "1", "unit_price": "1.001"}], "lines.0.unit_price"),
        ([{"description": "x", "quantity": "1", "unit_price": "NaN"}], "lines.0.unit_price"),
        ([{"description": "x", "quantity": "1", "unit_price": 9.99}], "lines.0.unit_price"),
        ([{"description": "x", "quantity": "1e400", "unit_price": "1"}], "lines.0.quantity"),
        ([{"product_id": 2147483000, "quantity": "1"}], "lines.0.product_id"),
        ([{"description": "x", "quantity": "1", "unit_price": "1", "stock_short": True}], None),
    ],
)
def test_invalid_lines_are_422(login_as, lines, field):
    rep = login_as("sales")
    body = {} if lines is None else {"lines": lines}
    errors = problem(rep.post(ORDERS, json=body), 422)["errors"]
    if field:
        assert field in errors, errors
    assert all_ids(rep, ORDERS) == []


def test_server_owned_fields_cannot_be_sent(login_as):
    rep = login_as("sales")
    for field, value in (
        ("status", "confirmed"),
        ("number", "SO-1"),
        ("total", "1.00"),
        ("stock_warnings", []),
    ):
        field_errors(direct_response(rep, **{field: value}), field)
    order = direct(rep)
    for field, value in (("number", "SO-1"), ("total", "1.00"), ("opportunity_id", 1)):
        field_errors(patch(rep, path_of(order), {field: value}), field)


def direct_response(api, **body):
    body.setdefault("lines", [{"description": "x", "quantity": "1", "unit_price": "1"}])
    return api.post(ORDERS, json=body)


# --- stock --------------------------------------------------------------------------------


def test_asking_for_more_than_is_in_stock_is_flagged_not_refused(login_as):
    rep = login_as("sales")
    pump = ProductFactory(stock_quantity=Decimal("10"))
    motor = ProductFactory(stock_quantity=Decimal("5"))
    unknown = ProductFactory(stock_quantity=None)
    order = direct(
        rep,
        lines=[
            {"product_id": pump.id, "quantity": "6"},
            {"product_id": motor.id, "quantity": "5"},
            {"product_id": pump.id, "quantity": "6"},  # 12 of 10 over both lines
            {"product_id": unknown.id, "quantity": "1000"},
        ],
    )
    flags = [(line["stock_on_hand"], line["stock_short"]) for line in order["lines"]]
    assert flags == [("10.000", True), ("5.000", False), ("10.000", True), (None, False)]
    assert order["stock_warnings"] == [
        {
            "product_id": pump.id,
            "requested": "12.000",
            "stock_on_hand": "10.000",
            "message": "Asks for 12, 10 in stock.",
        }
    ]
    chinese = ok(rep.get(f"{ORDERS}/{order['id']}", headers={"Accept-Language": "zh-CN"}))
    assert chinese["stock_warnings"][0]["message"] == "需要 12，库存 10。"


def test_confirming_checks_the_stock_again(login_as, db):
    rep = login_as("sales")
    pump = ProductFactory(stock_quantity=Decimal("10"))
    order = direct(rep, lines=[{"product_id": pump.id, "quantity": "8"}])
    assert order["stock_warnings"] == []
    pump.stock_quantity = Decimal("3")  # the ERP's nightly push
    db.session.commit()
    confirmed = ok(patch(rep, path_of(order), {"status": "confirmed"}))
    assert confirmed["lines"][0]["stock_on_hand"] == "3.000"
    assert confirmed["lines"][0]["stock_short"] is True
    assert confirmed["stock_warnings"][0]["requested"] == "8.000"


# --- status -------------------------------------------------------------------------------


def test_the_allowed_way_through(login_as):
    rep = login_as("sales")
    order = direct(rep)
    path = path_of(order)
    problem(patch(rep, path, {"status": "confirmed"}, if_match=None), 428)
    for status in ("confirmed", "shipped", "completed"):
        assert ok(patch(rep, path, {"status": status}))["status"] == status
    admin = login_as("admin")
    changes = [e["changes"]["status"] for e in audit_events(admin, "order", order["id"])[:-1]]
    assert changes == [
        {"old": "shipped", "new": "completed"},
        {"old": "confirmed", "new": "shipped"},
        {"old": "draft", "new": "confirmed"},
    ]


@pytest.mark.parametrize(
    ("path_to", "refused"),
    [
        ([], "shipped"),
        ([], "completed"),
        (["confirmed"], "draft"),
        (["confirmed"], "completed"),
        (["confirmed", "shipped"], "cancelled"),
        (["confirmed", "shipped"], "draft"),
        (["confirmed", "shipped", "completed"], "cancelled"),
        (["confirmed", "shipped", "completed"], "shipped"),
        (["cancelled"], "draft"),
        (["cancelled"], "confirmed"),
        (["confirmed", "cancelled"], "shipped"),
    ],
)
def test_transitions_that_are_not_allowed_are_409(login_as, path_to, refused):
    rep = login_as("sales")
    order = direct(rep)
    path = path_of(order)
    for status in path_to:
        ok(patch(rep, path, {"status": status}))
    before = ok(rep.get(path))
    body = problem(patch(rep, path, {"status": refused}), 409)
    current = before["status"]
    assert current in body["detail"] and refused in body["detail"]
    assert "status" in body["errors"]
    assert ok(rep.get(path)) == before
    # Staying where it is, is no change at all.
    assert ok(patch(rep, path, {"status": current}))["status"] == current


def test_lines_and_customer_change_only_while_a_draft(login_as):
    rep = login_as("sales")
    pump = ProductFactory(price=Decimal("100.00"))
    order = direct(rep)
    path = path_of(order)
    updated = ok(patch(rep, path, {"lines": [{"product_id": pump.id, "quantity": "3"}]}))
    assert updated["total"] == "300.00" and updated["lines"][0]["description"] == pump.name
    ok(patch(rep, path, {"status": "confirmed"}))
    for body in (
        {"lines": [{"product_id": pump.id, "quantity": "4"}]},
        {"company_id": CompanyFactory(owner_id=rep.user.id).id},
        {"currency": "USD"},
    ):
        problem(patch(rep, path, body), 409)
    noted = ok(patch(rep, path, {"notes": "Customer asked for a date"}))
    assert noted["notes"] == "Customer asked for a date" and noted["total"] == "300.00"
    field_errors(patch(rep, path, {"status": None}), "status")
    field_errors(patch(rep, path, {"status": "lost"}), "status")


# --- list and scoping ---------------------------------------------------------------------


def test_list_filters(login_as, team):
    east = team()
    rep = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    company = CompanyFactory(owner_id=rep.user.id)
    mine = direct(rep, company_id=company.id)
    other = direct(rep)
    ok(patch(rep, path_of(other), {"status": "confirmed"}))
    bosses = direct(manager)

    def ids(**params):
        return set(all_ids(manager, ORDERS, **params))

    assert ids() == {mine["id"], other["id"], bosses["id"]}
    assert ids(status="confirmed") == {other["id"]}
    assert ids(status="draft,confirmed") == {mine["id"], other["id"], bosses["id"]}
    assert ids(company_id=company.id) == {mine["id"]}
    assert ids(owner_id="me") == {bosses["id"]}
    assert ids(owner_id=str(rep.user.id)) == {mine["id"], other["id"]}
    assert ids(q=mine["number"][-6:]) == {mine["id"]}
    assert set(all_ids(rep, ORDERS)) == {mine["id"], other["id"]}
    for bad in ({"status": "lost"}, {"owner_id": "x"}, {"sort": "number"}):
        problem(manager.get(ORDERS, query_string=bad), 422)


def test_each_role_sees_its_orders_and_service_reads_them_all(login_as, team, pipeline):
    users = two_teams(login_as, team)
    orders = {}
    for who in ("a", "a2", "b"):
        orders[who] = direct(users[who])["id"]
    orders["none"] = direct(users["admin"], owner_id=None)["id"]
    for who, scope in VISIBLE.items():
        api = users[who]
        assert set(all_ids(api, ORDERS)) == {orders[n] for n in scope}, who
        for name, order_id in orders.items():
            path = f"{ORDERS}/{order_id}"
            if name in scope:
                assert ok(api.get(path))["id"] == order_id
                continue
            problem(api.get(path), 404)
            problem(api.patch(path, json={"status": "confirmed"}, headers={"If-Match": "*"}), 404)
    service = users["service"]
    for order_id in orders.values():
        path = f"{ORDERS}/{order_id}"
        assert ok(service.get(path))["status"] == "draft"
        problem(patch(service, path, {"status": "confirmed"}), 403)
        problem(patch(service, path, {"status": "confirmed"}, if_match=None), 403)
    problem(direct_response(service), 403)
    for who in WRITERS:
        for name in VISIBLE[who]:
            ok(patch(users[who], f"{ORDERS}/{orders[name]}", {"notes": f"seen by {who}"}))

    # Another team's won opportunity cannot be ordered.
    won = won_opportunity(users["b"], pipeline)
    field_errors(users["a"].post(ORDERS, json={"opportunity_id": won["id"]}), "opportunity_id")
    problem(service.post(ORDERS, json={"opportunity_id": won["id"]}), 403)


def test_numbers_are_unique(login_as):
    rep = login_as("sales")
    numbers = [direct(rep)["number"] for _ in range(5)]
    assert len(set(numbers)) == 5


def test_patched_lines_are_whole_lines_and_retired_products_are_refused(login_as, pipeline, db):
    rep = login_as("sales")
    pump = ProductFactory(price=Decimal("10.00"))
    retired = ProductFactory(active=False)
    order = direct(rep, lines=[{"product_id": pump.id, "quantity": "1"}])
    path = path_of(order)
    field_errors(patch(rep, path, {"lines": [{"description": "x"}]}), "lines.0.quantity")
    field_errors(patch(rep, path, {"lines": [{}]}), "lines.0.quantity")
    body = {"lines": [{"product_id": retired.id, "quantity": "1"}]}
    field_errors(patch(rep, path, body), "lines.0.product_id")
    field_errors(rep.post(ORDERS, json=body), "lines.0.product_id")
    assert ok(rep.get(path)) == order

    # What a won opportunity quoted may be ordered even after it stopped being sold.
    opportunity = won_opportunity(rep, pipeline, lines=[{"product_id": pump.id, "quantity": "2"}])
    pump.active = False
    db.session.commit()
    from_deal = ok(rep.post(ORDERS, json={"opportunity_id": opportunity["id"]}), 201)
    assert from_deal["lines"][0]["product_id"] == pump.id and from_deal["total"] == "20.00"
