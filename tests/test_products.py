"""Products through the HTTP API: the catalogue (admins and managers write, everyone reads),
decimal strings for money and stock, and the ERP's idempotent bulk upsert."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import sqlalchemy as sa

from crm.extensions import db as _db
from crm.sales.products.models import Product
from tests.sales_helpers import (
    PRODUCTS,
    ProductFactory,
    all_ids,
    audit_events,
    field_errors,
    ok,
    patch,
    problem,
)

BULK = f"{PRODUCTS}/bulk-upsert"
PRODUCT_FIELDS = {
    "id",
    "sku",
    "name",
    "unit",
    "price",
    "currency",
    "stock_quantity",
    "active",
    "created_at",
    "updated_at",
}


def create(api, **body) -> dict:
    body.setdefault("sku", "QW-100")
    body.setdefault("name", "Centrifugal pump QW-100")
    return ok(api.post(PRODUCTS, json=body), 201)


# --- catalogue ----------------------------------------------------------------------------


def test_create_answers_decimal_strings_and_defaults(login_as):
    admin = login_as("admin")
    response = admin.post(
        PRODUCTS,
        json={
            "sku": " QW-100 ",
            "name": "潜水泵 QW-100",
            "price": "12800.5",
            "stock_quantity": "12.25",
        },
    )
    product = ok(response, 201)
    assert response.headers["ETag"]
    assert set(product) == PRODUCT_FIELDS
    assert product["sku"] == "QW-100"
    assert product["price"] == "12800.50"
    assert product["stock_quantity"] == "12.250"
    assert (product["unit"], product["currency"], product["active"]) == ("pcs", "CNY", True)
    assert ok(admin.get(f"{PRODUCTS}/{product['id']}")) == product

    bare = create(admin, sku="BARE-1", name="Bare")
    assert bare["price"] == "0.00" and bare["stock_quantity"] is None


def test_whole_numbers_are_accepted_but_floats_are_not(login_as):
    admin = login_as("admin")
    assert create(admin, sku="INT-1", price=120000)["price"] == "120000.00"
    field_errors(admin.post(PRODUCTS, json={"sku": "F-1", "name": "x", "price": 12.5}), "price")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("price", "1.005"),
        ("price", "NaN"),
        ("price", "Infinity"),
        ("price", "-Infinity"),
        ("price", "-1.00"),
        ("price", "1e3"),
        ("price", "12,50"),
        ("price", ""),
        ("price", "99999999999999999"),
        ("price", None),
        ("price", True),
        ("stock_quantity", "1.0005"),
        ("stock_quantity", "NaN"),
        ("currency", "cny"),
        ("currency", "YUAN"),
        ("sku", ""),
        ("sku", "   "),
        ("sku", "x" * 65),
        ("sku", "泵-1"),
        ("sku", "A\tB"),
        ("name", ""),
        ("active", None),
    ],
)
def test_invalid_values_are_422_on_their_field(login_as, field, value):
    admin = login_as("admin")
    body = {"sku": "OK-1", "name": "Pump", field: value}
    field_errors(admin.post(PRODUCTS, json=body), field)
    assert all_ids(admin, PRODUCTS) == []


def test_trailing_zeros_are_not_extra_decimals(login_as):
    admin = login_as("admin")
    assert create(admin, price="10.500")["price"] == "10.50"


def test_a_sku_is_unique_whatever_its_case(login_as):
    admin = login_as("admin")
    first = create(admin, sku="QW-100")
    body = problem(admin.post(PRODUCTS, json={"sku": "qw-100", "name": "Copy"}), 409)
    assert "sku" in body["errors"]
    other = create(admin, sku="QW-200")
    problem(patch(admin, f"{PRODUCTS}/{other['id']}", {"sku": "QW-100"}), 409)
    assert all_ids(admin, PRODUCTS) == [first["id"], other["id"]]


def test_only_managers_and_admins_change_the_catalogue(login_as, team):
    east = team()
    manager = login_as("manager", team=east)
    product = create(manager)
    for role in ("sales", "service"):
        api = login_as(role, team=east)
        assert ok(api.get(f"{PRODUCTS}/{product['id']}"))["sku"] == "QW-100"
        assert all_ids(api, PRODUCTS) == [product["id"]]
        problem(api.post(PRODUCTS, json={"sku": "X-1", "name": "x"}), 403)
        problem(patch(api, f"{PRODUCTS}/{product['id']}", {"name": "Mine"}), 403)
        problem(api.post(BULK, json={"items": [{"sku": "X-1", "name": "x"}]}), 403)
    assert all_ids(manager, PRODUCTS) == [product["id"]]


def test_patch_needs_if_match_and_changes_the_etag(login_as):
    admin = login_as("admin")
    product = create(admin)
    path = f"{PRODUCTS}/{product['id']}"
    problem(patch(admin, path, {"price": "1.00"}, if_match=None), 428)
    old = admin.get(path).headers["ETag"]
    response = patch(admin, path, {"price": "99.90", "stock_quantity": None, "active": False})
    updated = ok(response)
    assert (updated["price"], updated["stock_quantity"], updated["active"]) == (
        "99.90",
        None,
        False,
    )
    assert response.headers["ETag"] != old
    problem(patch(admin, path, {"price": "1.00"}, if_match=old), 412)
    [change] = [e for e in audit_events(admin, "product", product["id"]) if e["action"] == "update"]
    assert change["changes"]["price"] == {"old": "0.00", "new": "99.90"}


def test_list_filters_searches_sorts_and_pages(login_as):
    admin = login_as("admin")
    made = [ProductFactory(sku=f"S-{i:03d}", active=i % 3 != 0) for i in range(7)]
    other = ProductFactory(sku="OTHER", name="Impeller 潜水")
    assert all_ids(admin, PRODUCTS) == [other.id] + [p.id for p in made]
    assert all_ids(admin, PRODUCTS, q="潜水") == all_ids(admin, PRODUCTS, q="other") == [other.id]
    assert set(all_ids(admin, PRODUCTS, active="false")) == {p.id for p in made if not p.active}
    first = ok(admin.get(PRODUCTS, query_string={"limit": 3, "sort": "-sku"}))
    assert [p["sku"] for p in first["items"]] == ["S-006", "S-005", "S-004"]
    query = {"limit": 3, "sort": "-sku", "cursor": first["next_cursor"]}
    second = ok(admin.get(PRODUCTS, query_string=query))
    assert [p["sku"] for p in second["items"]] == ["S-003", "S-002", "S-001"]
    problem(admin.get(PRODUCTS, query_string={"sort": "price"}), 422)


def test_unknown_products_are_404(login_as):
    admin = login_as("admin")
    for path in ("999999", "2147483648", "0", "abc"):
        problem(admin.get(f"{PRODUCTS}/{path}"), 404)


# --- bulk upsert --------------------------------------------------------------------------


def _state():
    """Every product as stored, with its version: what a replay must leave untouched."""
    _db.session.expire_all()
    rows = _db.session.execute(sa.select(Product).order_by(Product.sku)).scalars()
    return [
        (p.sku, p.name, p.unit, p.price, p.currency, p.stock_quantity, p.active, p.version)
        for p in rows
    ]


def _batch(n: int, start: int = 0, **extra) -> list[dict]:
    return [
        {
            "sku": f"ERP-{i:05d}",
            "name": f"Pump {i}",
            "price": f"{1000 + i}.50",
            "stock_quantity": str(i % 40),
            **extra,
        }
        for i in range(start, start + n)
    ]


def test_bulk_upsert_creates_then_a_replay_changes_nothing(login_as):
    admin = login_as("admin")
    items = _batch(1000)
    first = ok(admin.post(BULK, json={"items": items}))["results"]
    assert [r["sku"] for r in first] == [item["sku"] for item in items]
    assert {r["status"] for r in first} == {"created"}
    assert all(isinstance(r["id"], int) for r in first)
    state = _state()
    assert len(state) == 1000
    assert state[7][:6] == ("ERP-00007", "Pump 7", "pcs", Decimal("1007.50"), "CNY", Decimal(7))

    again = ok(admin.post(BULK, json={"items": items}))["results"]
    assert {r["status"] for r in again} == {"unchanged"}
    assert [r["id"] for r in again] == [r["id"] for r in first]
    assert _state() == state
    events = ok(admin.get("/api/v1/audit-events", query_string={"entity": "product", "limit": 200}))
    assert {e["action"] for e in events["items"]} == {"create"}


def test_bulk_upsert_updates_only_what_changed_and_keeps_fields_left_out(login_as):
    admin = login_as("admin")
    ok(admin.post(BULK, json={"items": _batch(3)}))
    results = ok(
        admin.post(
            BULK,
            json={
                "items": [
                    {"sku": "ERP-00000", "stock_quantity": "7"},  # stock only
                    {"sku": "erp-00001", "price": "1001.50"},  # same price, other case
                    {"sku": "ERP-00002", "stock_quantity": "2.000"},  # same value
                    {"sku": "ERP-00009", "name": "New pump", "unit": "set"},
                ]
            },
        )
    )["results"]
    assert [r["status"] for r in results] == ["updated", "unchanged", "unchanged", "created"]
    state = {row[0]: row for row in _state()}
    assert state["ERP-00000"][1:6] == ("Pump 0", "pcs", Decimal("1000.50"), "CNY", Decimal(7))
    assert "erp-00001" not in state  # the stored spelling stays
    assert state["ERP-00009"][1:3] == ("New pump", "set")
    [update] = [
        e for e in audit_events(admin, "product", results[0]["id"]) if e["action"] == "update"
    ]
    assert update["changes"] == {"stock_quantity": {"old": "0.000", "new": "7.000"}}


def test_a_malformed_item_fails_alone(login_as):
    admin = login_as("admin")
    ok(admin.post(BULK, json={"items": _batch(1)}))
    items = [
        {"sku": "GOOD-1", "name": "Good"},
        {"sku": "BAD-PRICE", "name": "Bad", "price": "12.345"},
        "not an object",
        {"name": "No SKU"},
        {"sku": "NEW-NO-NAME", "price": "5"},
        {"sku": "BAD-FIELD", "name": "x", "colour": "red"},
        {"sku": "ERP-00000", "price": "NaN"},
        {"sku": "ERP-00000", "stock_quantity": "3"},
        {"sku": "GOOD-2", "name": "Good too", "price": 250},
        {"sku": "good-1", "name": "Again"},
        {"sku": 12345, "name": "Numeric SKU"},
    ]
    results = ok(admin.post(BULK, json={"items": items}))["results"]
    assert [r["status"] for r in results] == [
        "created",
        "error",
        "error",
        "error",
        "error",
        "error",
        "error",
        "updated",
        "created",
        "error",
        "error",
    ]
    assert [r["sku"] for r in results][:2] == ["GOOD-1", "BAD-PRICE"]
    assert results[2]["sku"] is None and results[3]["sku"] is None
    assert "price" in results[1]["errors"]
    assert "_schema" in results[2]["errors"]
    assert "sku" in results[3]["errors"]
    assert "name" in results[4]["errors"]
    assert "colour" in results[5]["errors"]
    assert "price" in results[6]["errors"]
    assert "items[0]" in results[9]["errors"]["sku"][0]
    assert "sku" in results[10]["errors"]
    for result in results:
        assert ("errors" in result) == (result["status"] == "error")
    skus = {row[0]: row for row in _state()}
    assert set(skus) == {"ERP-00000", "GOOD-1", "GOOD-2"}
    assert skus["ERP-00000"][5] == Decimal(3)
    assert skus["GOOD-1"][1] == "Good"  # the later duplicate did not overwrite it
    assert skus["GOOD-2"][3] == Decimal("250.00")


def test_a_repeated_sku_is_an_error_for_the_later_items(login_as):
    admin = login_as("admin")
    items = [
        {"sku": "DUP", "name": "First"},
        {"sku": "DUP", "name": "Second"},
        {"sku": "Dup", "name": "Third"},
    ]
    results = ok(admin.post(BULK, json={"items": items}))["results"]
    assert [r["status"] for r in results] == ["created", "error", "error"]
    assert [row[1] for row in _state()] == ["First"]


def test_batch_size_is_1_to_1000(login_as):
    admin = login_as("admin")
    field_errors(admin.post(BULK, json={"items": []}), "items")
    field_errors(admin.post(BULK, json={"items": _batch(1001)}), "items")
    field_errors(admin.post(BULK, json={}), "items")
    field_errors(admin.post(BULK, json={"items": {"sku": "x"}}), "items")
    field_errors(admin.post(BULK, json={"items": [], "extra": 1}), "extra")
    assert _state() == []


def test_bulk_upsert_loads_existing_products_in_one_query(login_as, app):
    admin = login_as("admin")
    ok(admin.post(BULK, json={"items": _batch(500)}))
    statements = []

    def count(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("SELECT") and "FROM products" in statement:
            statements.append(statement)

    with app.app_context():
        engine = _db.engine
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        body = {"items": _batch(1000, stock_quantity="999")}
        results = ok(admin.post(BULK, json=body))["results"]
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    assert [r["status"] for r in results] == ["updated"] * 500 + ["created"] * 500
    assert len(statements) == 1, statements


def test_a_big_batch_fits_the_body_limit(login_as):
    admin = login_as("admin")
    items = _batch(1000)
    for item in items:
        item["name"] = "泵" * 100
    assert len(json.dumps({"items": items}).encode()) < 1024 * 1024
    results = ok(admin.post(BULK, json={"items": items}))["results"]
    assert {r["status"] for r in results} == {"created"}


def test_a_big_answer_is_replayed_for_an_idempotency_key(login_as):
    """The answer to 1,000 long SKUs passes 64 KB: kept whole (MEDIUMTEXT on MySQL)."""
    admin = login_as("admin")
    items = _batch(1000)
    for item in items:
        item["sku"] += "-" + "X" * 50
    headers = {"Idempotency-Key": "erp-night-1"}
    first = admin.post(BULK, json={"items": items}, headers=headers)
    assert len(first.get_data()) > 65535
    replay = admin.post(BULK, json={"items": items}, headers=headers)
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.get_json() == ok(first)
    assert {r["status"] for r in replay.get_json()["results"]} == {"created"}
