"""The OpenAPI document states exactly what answers carry (every field always sent is required),
and answers name the records they point at (`company_name`, `product_name`, ...)."""

from __future__ import annotations

import sqlalchemy as sa

from tests.factories import CompanyFactory, ContactFactory
from tests.sales_helpers import (
    LEADS,
    OPPORTUNITIES,
    ORDERS,
    ProductFactory,
    make_pipeline,
    ok,
    patch,
)
from tests.service_helpers import TICKETS, create_ticket

# Fields an answer may leave out, on purpose: a bulk upsert result has an id or errors; only
# create and update answers carry the `duplicates` hint.
OPTIONAL_IN_ANSWERS = {
    ("UpsertResult", "id"),
    ("UpsertResult", "errors"),
    ("Company", "duplicates"),
    ("Contact", "duplicates"),
    ("Lead", "duplicates"),
}


def document(client) -> dict:
    return client.get("/api/openapi.json").get_json()


def resolve(doc: dict, node: dict) -> dict:
    while "$ref" in node:
        node = doc["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def answer_schema(doc: dict, path: str, method: str, status: str = "200") -> dict:
    response = doc["paths"][path][method]["responses"][status]
    return response["content"]["application/json"]["schema"]


def missing_fields(doc: dict, schema: dict, value, where: str = "$") -> list[str]:
    """Every required field the documented schema names that `value` lacks (recursively)."""
    schema = resolve(doc, schema)
    for option in schema.get("anyOf", []) + schema.get("oneOf", []):
        if resolve(doc, option).get("type") != "null" and value is not None:
            return missing_fields(doc, option, value, where)
    missing = []
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                missing.append(f"{where}.{name}")
        for name, prop in schema.get("properties", {}).items():
            if name in value and value[name] is not None:
                missing += missing_fields(doc, prop, value[name], f"{where}.{name}")
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            missing += missing_fields(doc, schema["items"], item, f"{where}[{index}]")
    return missing


def response_components(doc: dict) -> set[str]:
    """The components that 2xx JSON answers refer to, nested ones included."""
    found: set[str] = set()

    def visit(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in found:
                    found.add(name)
                    visit(doc["components"]["schemas"][name])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    for operations in doc["paths"].values():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            for status, response in operation.get("responses", {}).items():
                if status.startswith("2") and "content" in response:
                    visit(response["content"].get("application/json", {}))
    return found


def test_every_field_of_an_answer_is_required(client):
    doc = document(client)
    components = response_components(doc)
    assert {"Lead", "Company", "Order", "OrderLine", "Ticket", "Attachment"} <= components
    for name in components:
        schema = doc["components"]["schemas"][name]
        optional = set(schema.get("properties", {})) - set(schema.get("required", []))
        assert {(name, field) for field in optional} <= OPTIONAL_IN_ANSWERS, (name, optional)
        assert not name.endswith("Input"), name


def test_bodies_and_answers_are_separate_components(client):
    doc = document(client)
    post = doc["paths"]["/api/v1/companies"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/CompanyInput"}
    assert answer_schema(doc, "/api/v1/companies", "post", "201") == {
        "$ref": "#/components/schemas/Company"
    }
    schemas = doc["components"]["schemas"]
    assert schemas["CompanyInput"]["required"] == ["name"]
    assert "password" in schemas["UserInput"]["properties"]
    assert "password" not in schemas["User"]["properties"]
    assert "id" in schemas["Company"]["required"]


def test_attachment_content_lists_its_media_types(client):
    doc = document(client)
    get = doc["paths"]["/api/v1/attachments/{attachment_id}/content"]["get"]
    for status in ("200", "206"):
        media = set(get["responses"][status]["content"])
        assert {"image/png", "video/mp4", "application/pdf", "text/plain"} <= media
        assert "application/octet-stream" not in media


def _customer():
    company = CompanyFactory(name="无锡水务集团")
    contact = ContactFactory(name="王建国", company_id=company.id)
    return company, contact


def test_opportunities_orders_and_tickets_name_their_customer_and_products(login_as, db):
    admin = login_as("admin")
    make_pipeline("manufacturing")
    company, contact = _customer()
    pump = ProductFactory(name="Centrifugal pump CP-200")
    doc = document(admin)

    deal = ok(
        admin.post(
            OPPORTUNITIES,
            json={
                "name": "Pumps for Wuxi",
                "company_id": company.id,
                "contact_id": contact.id,
                "lines": [{"product_id": pump.id, "quantity": "2"}],
            },
        ),
        201,
    )
    assert (deal["company_name"], deal["contact_name"]) == ("无锡水务集团", "王建国")
    assert deal["lines"][0]["product_name"] == "Centrifugal pump CP-200"
    shown = ok(admin.get(f"{OPPORTUNITIES}/{deal['id']}"))
    assert (
        missing_fields(
            doc, answer_schema(doc, "/api/v1/opportunities/{opportunity_id}", "get"), shown
        )
        == []
    )

    order = ok(
        admin.post(
            ORDERS,
            json={
                "company_id": company.id,
                "contact_id": contact.id,
                "lines": [
                    {"product_id": pump.id, "quantity": "1"},
                    {"description": "Installation", "quantity": "1", "unit_price": "800.00"},
                ],
            },
        ),
        201,
    )
    assert (order["company_name"], order["contact_name"]) == ("无锡水务集团", "王建国")
    assert [line["product_name"] for line in order["lines"]] == ["Centrifugal pump CP-200", None]
    assert order["opportunity_name"] is None
    listed = ok(admin.get(ORDERS))
    assert missing_fields(doc, answer_schema(doc, "/api/v1/orders", "get"), listed) == []

    other = CompanyFactory(name="Suzhou Valve Works")
    moved = ok(
        patch(admin, f"{OPPORTUNITIES}/{deal['id']}", {"company_id": other.id, "contact_id": None})
    )
    assert (moved["company_name"], moved["contact_name"]) == ("Suzhou Valve Works", None)

    agent = login_as("service")
    ticket = create_ticket(agent, company_id=company.id, contact_id=contact.id)
    assert (ticket["company_name"], ticket["contact_name"]) == ("无锡水务集团", "王建国")
    tickets = ok(agent.get(TICKETS))
    assert missing_fields(doc, answer_schema(doc, "/api/v1/tickets", "get"), tickets) == []


def test_a_converted_lead_names_what_it_became(login_as, make_lead, db):
    rep = login_as("sales")
    make_pipeline("manufacturing")
    lead = make_lead(name="王建国", company_name="无锡水务集团", owner_id=rep.user.id)
    doc = document(rep)
    result = ok(
        rep.post(
            f"{LEADS}/{lead.id}/convert",
            json={"opportunity": {"name": "Pumps for Wuxi", "amount": "120000.00"}},
        )
    )
    assert (
        missing_fields(doc, answer_schema(doc, "/api/v1/leads/{lead_id}/convert", "post"), result)
        == []
    )
    shown = ok(rep.get(f"{LEADS}/{lead.id}"))
    assert shown["converted_company_name"] == "无锡水务集团"
    assert shown["converted_contact_name"] == "王建国"
    assert shown["converted_opportunity_name"] == "Pumps for Wuxi"
    fresh = ok(rep.get(LEADS, query_string={"status": "converted"}))["items"][0]
    assert fresh["converted_opportunity_name"] == "Pumps for Wuxi"
    unconverted = make_lead(owner_id=rep.user.id)
    assert ok(rep.get(f"{LEADS}/{unconverted.id}"))["converted_company_name"] is None


def test_lists_load_names_without_a_query_per_row(login_as, app, db):
    admin = login_as("admin")
    make_pipeline("manufacturing")
    for n in range(5):
        company, contact = _customer()
        product = ProductFactory()
        ok(
            admin.post(
                ORDERS,
                json={
                    "company_id": company.id,
                    "contact_id": contact.id,
                    "lines": [{"product_id": product.id, "quantity": "1"}],
                },
            ),
            201,
        )
        ok(
            admin.post(
                OPPORTUNITIES,
                json={
                    "name": f"Deal {n}",
                    "company_id": company.id,
                    "contact_id": contact.id,
                    "lines": [{"product_id": product.id, "quantity": "1"}],
                },
            ),
            201,
        )
    with app.app_context():
        engine = db.engine
    for path in (ORDERS, OPPORTUNITIES):
        statements = []

        def count(*_args, statements=statements):
            statements.append(1)

        sa.event.listen(engine, "before_cursor_execute", count)
        try:
            items = ok(admin.get(path))["items"]
        finally:
            sa.event.remove(engine, "before_cursor_execute", count)
        assert len(items) == 5
        assert all(item["company_name"] and item["lines"][0]["product_name"] for item in items)
        assert len(statements) <= 8, (path, len(statements))
