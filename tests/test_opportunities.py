"""Opportunities through the HTTP API: fields and defaults, product lines and the amount they
add up to, stage moves with their history, won and lost, the list, and scoping by owner."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from tests.factories import CompanyFactory
from tests.sales_helpers import (
    OPPORTUNITIES,
    VISIBLE,
    WRITERS,
    OpportunityFactory,
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

OPPORTUNITY_FIELDS = {
    "id",
    "name",
    "company_id",
    "company_name",
    "contact_id",
    "contact_name",
    "lead_id",
    "pipeline_id",
    "stage_id",
    "amount",
    "currency",
    "expected_close_date",
    "probability",
    "owner_id",
    "owner_name",
    "status",
    "lost_reason",
    "closed_at",
    "description",
    "lines",
    "created_at",
    "updated_at",
}


@pytest.fixture
def pipeline(db):
    return make_pipeline("manufacturing")


def create(api, **body) -> dict:
    body.setdefault("name", "200 pumps for Wuxi Water")
    return ok(api.post(OPPORTUNITIES, json=body), 201)


def path_of(opportunity) -> str:
    return f"{OPPORTUNITIES}/{opportunity['id']}"


def history(api, opportunity) -> list[dict]:
    return ok(api.get(f"{path_of(opportunity)}/stage-history"))["items"]


# --- create and read ----------------------------------------------------------------------


def test_create_with_defaults_answers_every_field(login_as, pipeline):
    rep = login_as("sales")
    response = rep.post(OPPORTUNITIES, json={"name": "  Pumps for Wuxi  "})
    opportunity = ok(response, 201)
    assert response.headers["ETag"]
    assert set(opportunity) == OPPORTUNITY_FIELDS
    inquiry = stage_named(pipeline, "Inquiry")
    assert opportunity["name"] == "Pumps for Wuxi"
    assert (opportunity["pipeline_id"], opportunity["stage_id"]) == (pipeline.id, inquiry.id)
    assert (opportunity["amount"], opportunity["currency"]) == ("0.00", "CNY")
    assert opportunity["probability"] == 10  # the stage's default
    assert (opportunity["status"], opportunity["closed_at"]) == ("open", None)
    assert (opportunity["owner_id"], opportunity["owner_name"]) == (rep.user.id, rep.user.name)
    assert opportunity["lead_id"] is None and opportunity["lines"] == []
    assert ok(rep.get(path_of(opportunity))) == opportunity

    [start] = history(rep, opportunity)
    assert (start["from_stage_id"], start["to_stage_id"], start["to_stage_name"]) == (
        None,
        inquiry.id,
        "Inquiry",
    )
    assert start["changed_by_id"] == rep.user.id


def test_create_with_every_field(login_as, pipeline):
    rep = login_as("sales")
    company = CompanyFactory(owner_id=rep.user.id)
    quotation = stage_named(pipeline, "Quotation")
    opportunity = create(
        rep,
        company_id=company.id,
        stage_id=quotation.id,
        amount="120000",
        currency="USD",
        expected_close_date="2026-12-31",
        probability=65,
        description="Replace the old pumps",
    )
    assert opportunity["pipeline_id"] == pipeline.id  # from the stage
    assert (opportunity["amount"], opportunity["currency"]) == ("120000.00", "USD")
    assert opportunity["expected_close_date"] == "2026-12-31"
    assert opportunity["probability"] == 65
    assert opportunity["company_id"] == company.id
    admin = login_as("admin")
    [event] = audit_events(admin, "opportunity", opportunity["id"])
    assert event["action"] == "create"
    assert event["changes"]["amount"]["new"] == "120000.00"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("amount", "1.001"),
        ("amount", "NaN"),
        ("amount", "Infinity"),
        ("amount", "-5"),
        ("amount", 1.5),
        ("amount", "12 000"),
        ("currency", "RMB1"),
        ("probability", 101),
        ("probability", "50"),
        ("expected_close_date", "2026-02-30"),
        ("expected_close_date", "1900-01-01"),
        ("stage_id", 0),
        ("status", "won"),
        ("lead_id", 1),
        ("closed_at", "2026-01-01T00:00:00Z"),
        ("name", " "),
        ("lines", [{"product_id": 1, "quantity": "0"}]),
        ("lines", [{"product_id": 1, "quantity": "1", "discount": "100.01"}]),
        ("lines", [{"product_id": 1, "quantity": "1", "unit_price": "1.234"}]),
        ("lines", [{"quantity": "1"}]),
    ],
)
def test_invalid_values_are_422(login_as, pipeline, field, value):
    rep = login_as("sales")
    response = rep.post(OPPORTUNITIES, json={"name": "Bad", field: value})
    errors = problem(response, 422)["errors"]
    assert any(key == field or key.startswith(f"{field}.") for key in errors), errors
    assert all_ids(rep, OPPORTUNITIES) == []


def test_stages_and_references_are_checked(login_as, pipeline, team):
    east, west = team(), team()
    rep = login_as("sales", team=east)
    other = make_pipeline("services", default=False)
    hidden = CompanyFactory(owner_id=login_as("sales", team=west).user.id)
    cases = [
        ({"pipeline_id": pipeline.id, "stage_id": stage_named(other, "Proposal").id}, "stage_id"),
        ({"stage_id": 2147483000}, "stage_id"),
        ({"pipeline_id": 2147483000}, "pipeline_id"),
        ({"company_id": hidden.id}, "company_id"),
        ({"contact_id": 2147483000}, "contact_id"),
        ({"lost_reason": "Too expensive"}, "lost_reason"),
    ]
    for body, field in cases:
        field_errors(rep.post(OPPORTUNITIES, json={"name": "x", **body}), field)
    assert all_ids(rep, OPPORTUNITIES) == []
    moved = create(rep, pipeline_id=other.id)
    assert moved["stage_id"] == stage_named(other, "Discovery").id


def test_without_any_pipeline_the_error_says_so(login_as):
    rep = login_as("sales")
    errors = field_errors(rep.post(OPPORTUNITIES, json={"name": "Early"}), "pipeline_id")
    assert "pipeline" in errors["pipeline_id"][0]


# --- lines and amount ---------------------------------------------------------------------


def test_amount_is_the_sum_of_the_lines_unless_given(login_as, pipeline):
    rep = login_as("sales")
    pump = ProductFactory(price=Decimal("12800.00"))
    seal = ProductFactory(price=Decimal("35.50"))
    opportunity = create(
        rep,
        lines=[
            {"product_id": pump.id, "quantity": "3", "discount": "12.5"},
            {"product_id": seal.id, "quantity": "10.5", "unit_price": "33.33"},
        ],
    )
    # 3 x 12,800 x 0.875 = 33,600.00; 10.5 x 33.33 = 349.965 -> 349.97
    assert opportunity["amount"] == "33949.97"
    assert opportunity["lines"] == [
        {
            "product_id": pump.id,
            "product_name": pump.name,
            "quantity": "3.000",
            "unit_price": "12800.00",
            "discount": "12.50",
            "line_total": "33600.00",
        },
        {
            "product_id": seal.id,
            "product_name": seal.name,
            "quantity": "10.500",
            "unit_price": "33.33",
            "discount": "0.00",
            "line_total": "349.97",
        },
    ]
    given = create(rep, amount="30000.00", lines=[{"product_id": pump.id, "quantity": "3"}])
    assert given["amount"] == "30000.00"

    path = path_of(opportunity)
    updated = ok(patch(rep, path, {"lines": [{"product_id": seal.id, "quantity": "2"}]}))
    assert updated["amount"] == "71.00" and len(updated["lines"]) == 1
    updated = ok(patch(rep, path, {"amount": "100.00"}))
    assert updated["amount"] == "100.00" and len(updated["lines"]) == 1
    cleared = ok(patch(rep, path, {"lines": []}))
    assert (cleared["amount"], cleared["lines"]) == ("0.00", [])


def test_line_products_are_checked(login_as, pipeline):
    rep = login_as("sales")
    retired = ProductFactory(active=False)
    dollars = ProductFactory(currency="USD")
    huge = ProductFactory(price=Decimal("6000000000000000.00"))
    cases = [
        ([{"product_id": 2147483000, "quantity": "1"}], "lines.0.product_id"),
        ([{"product_id": retired.id, "quantity": "1"}], "lines.0.product_id"),
        ([{"product_id": dollars.id, "quantity": "1"}], "lines.0.unit_price"),
        ([{"product_id": huge.id, "quantity": "999999999999999"}], "lines.0.quantity"),
        (
            [{"product_id": huge.id, "quantity": "1"}, {"product_id": huge.id, "quantity": "1"}],
            "lines",
        ),
    ]
    for lines, field in cases:
        field_errors(rep.post(OPPORTUNITIES, json={"name": "x", "lines": lines}), field)
    assert all_ids(rep, OPPORTUNITIES) == []
    priced = create(rep, lines=[{"product_id": dollars.id, "quantity": "1", "unit_price": "9"}])
    assert priced["amount"] == "9.00"


# --- stage moves --------------------------------------------------------------------------


def test_a_stage_move_needs_if_match_and_is_recorded(login_as, pipeline, team):
    east = team()
    rep = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    opportunity = create(rep, amount="120000")
    path = path_of(opportunity)
    quotation, negotiation = (stage_named(pipeline, n) for n in ("Quotation", "Negotiation"))

    problem(patch(rep, path, {"stage_id": quotation.id}, if_match=None), 428)
    stale = rep.get(path).headers["ETag"]
    moved = ok(patch(rep, path, {"stage_id": quotation.id}))
    assert (moved["stage_id"], moved["probability"], moved["status"]) == (quotation.id, 40, "open")
    problem(patch(rep, path, {"stage_id": negotiation.id}, if_match=stale), 412)
    ok(patch(manager, path, {"stage_id": negotiation.id}))

    moves = history(rep, opportunity)
    assert [(m["from_stage_name"], m["to_stage_name"]) for m in moves] == [
        (None, "Inquiry"),
        ("Inquiry", "Quotation"),
        ("Quotation", "Negotiation"),
    ]
    assert [m["changed_by_id"] for m in moves] == [rep.user.id, rep.user.id, manager.user.id]
    assert moves[2]["changed_by_name"] == manager.user.name
    times = [datetime.fromisoformat(m["changed_at"]) for m in moves]
    assert times == sorted(times) and all(t.utcoffset().total_seconds() == 0 for t in times)
    assert abs((datetime.now(UTC) - times[-1]).total_seconds()) < 60

    admin = login_as("admin")
    updates = [
        e for e in audit_events(admin, "opportunity", opportunity["id"]) if e["action"] == "update"
    ]
    assert {(e["actor_id"], e["changes"]["stage_id"]["new"]) for e in updates} == {
        (rep.user.id, quotation.id),
        (manager.user.id, negotiation.id),
    }
    # Changing other fields is not a move.
    ok(patch(rep, path, {"description": "Call Friday"}))
    assert len(history(rep, opportunity)) == 3


def test_won_and_lost_close_the_opportunity_and_reopening_clears_them(login_as, pipeline):
    rep = login_as("sales")
    opportunity = create(rep, probability=55)
    path = path_of(opportunity)
    won = ok(patch(rep, path, {"stage_id": stage_named(pipeline, "Order").id}))
    assert won["status"] == "won" and won["closed_at"] is not None
    assert won["probability"] == 55  # its own value stays until cleared
    assert ok(patch(rep, path, {"probability": None}))["probability"] == 100
    assert all_ids(rep, OPPORTUNITIES, status="won") == [opportunity["id"]]

    lost_stage = stage_named(pipeline, "Lost").id
    lost = ok(patch(rep, path, {"stage_id": lost_stage, "lost_reason": "Price too high"}))
    assert (lost["status"], lost["lost_reason"]) == ("lost", "Price too high")
    assert lost["closed_at"] is not None and lost["probability"] == 0
    kept = ok(patch(rep, path, {"description": "Maybe next year"}))
    assert kept["lost_reason"] == "Price too high" and kept["closed_at"] == lost["closed_at"]

    reopened = ok(patch(rep, path, {"stage_id": stage_named(pipeline, "Sample").id}))
    assert (reopened["status"], reopened["closed_at"], reopened["lost_reason"]) == (
        "open",
        None,
        None,
    )
    field_errors(patch(rep, path, {"lost_reason": "Lost?"}), "lost_reason")
    field_errors(patch(rep, path, {"status": "won"}), "status")
    assert len(history(rep, opportunity)) == 4


def test_moving_to_another_pipeline(login_as, pipeline):
    rep = login_as("sales")
    services = make_pipeline("services", default=False)
    opportunity = create(rep)
    path = path_of(opportunity)
    field_errors(patch(rep, path, {"stage_id": stage_named(services, "Proposal").id}), "stage_id")
    moved = ok(
        patch(
            rep,
            path,
            {"pipeline_id": services.id, "stage_id": stage_named(services, "Proposal").id},
        )
    )
    assert (moved["pipeline_id"], moved["probability"]) == (services.id, 50)
    assert history(rep, opportunity)[-1]["to_stage_name"] == "Proposal"


# --- list ---------------------------------------------------------------------------------


def test_list_filters(login_as, pipeline, team):
    east = team()
    rep = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    other = make_pipeline("services", default=False)
    company = CompanyFactory()
    inquiry, quotation = (stage_named(pipeline, n) for n in ("Inquiry", "Quotation"))
    deals = {
        "mine": OpportunityFactory(
            stage=inquiry,
            owner_id=rep.user.id,
            company_id=company.id,
            expected_close_date=date(2026, 3, 1),
            name="Wuxi pumps",
        ),
        "quote": OpportunityFactory(
            stage=quotation, owner_id=rep.user.id, expected_close_date=date(2026, 6, 30)
        ),
        "free": OpportunityFactory(stage=inquiry, owner_id=None, description="From WUXI fair"),
        "boss": OpportunityFactory(stage=quotation, owner_id=manager.user.id),
        "other": OpportunityFactory(stage=stage_named(other, "Contract"), owner_id=rep.user.id),
    }

    def ids(api=manager, **params):
        return {name for name, d in deals.items() if d.id in all_ids(api, OPPORTUNITIES, **params)}

    assert ids() == set(deals)
    assert ids(rep) == {"mine", "quote", "free", "other"}
    assert ids(pipeline_id=other.id) == {"other"}
    assert ids(stage_id=quotation.id) == {"quote", "boss"}
    assert ids(owner_id="me") == {"boss"}
    assert ids(rep, owner_id="me") == {"mine", "quote", "other"}
    assert ids(owner_id="none") == {"free"}
    assert ids(owner_id=str(rep.user.id)) == {"mine", "quote", "other"}
    assert ids(company_id=company.id) == {"mine"}
    assert ids(close_after="2026-03-01") == {"mine", "quote"}
    assert ids(close_after="2026-03-02") == {"quote"}
    assert ids(close_before="2026-03-01") == {"mine"}
    assert ids(status="won") == {"other"}
    assert ids(status="open,won") == set(deals)
    assert ids(q="wuxi") == {"mine", "free"}
    for bad in (
        {"status": "maybe"},
        {"owner_id": "you"},
        {"close_after": "tomorrow"},
        {"sort": "probability"},
    ):
        problem(manager.get(OPPORTUNITIES, query_string=bad), 422)


@pytest.mark.parametrize(
    "sort",
    ["amount", "-amount", "expected_close_date", "-expected_close_date", "name", "-created_at"],
)
def test_sorting_pages_through_every_row_once(login_as, pipeline, sort):
    admin = login_as("admin")
    inquiry = stage_named(pipeline, "Inquiry")
    made = [
        OpportunityFactory(
            stage=inquiry,
            amount=Decimal(f"{(i * 37) % 11}.{i % 3}5"),
            expected_close_date=None if i % 4 == 0 else date(2026, 1 + i % 5, 1),
        )
        for i in range(23)
    ]
    seen, cursor = [], None
    while True:
        query = {"limit": 4, "sort": sort, **({"cursor": cursor} if cursor else {})}
        body = ok(admin.get(OPPORTUNITIES, query_string=query))
        seen += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(o["id"] for o in seen) == sorted(o.id for o in made)
    key = sort.lstrip("-")
    if key == "amount":
        values = [Decimal(o["amount"]) for o in seen]
        assert values == sorted(values, reverse=sort.startswith("-"))
    if key == "expected_close_date":
        dated = [o["expected_close_date"] for o in seen if o["expected_close_date"]]
        assert dated == sorted(dated, reverse=sort.startswith("-"))
        # Undated ones last when ascending, first when descending.
        nulls = [o["expected_close_date"] is None for o in seen]
        assert nulls == sorted(nulls, reverse=sort.startswith("-"))
    problem(admin.get(OPPORTUNITIES, query_string={"sort": sort, "cursor": "garbage"}), 400)


# --- scoping and ownership ----------------------------------------------------------------


def test_each_role_sees_its_scope_and_nothing_else(login_as, team, pipeline):
    users = two_teams(login_as, team)
    stage = stage_named(pipeline, "Inquiry")
    deals = {
        "a": OpportunityFactory(stage=stage, owner_id=users["a"].user.id).id,
        "a2": OpportunityFactory(stage=stage, owner_id=users["a2"].user.id).id,
        "b": OpportunityFactory(stage=stage, owner_id=users["b"].user.id).id,
        "none": OpportunityFactory(stage=stage, owner_id=None).id,
    }
    quotation = stage_named(pipeline, "Quotation").id
    for who, scope in VISIBLE.items():
        api = users[who]
        assert set(all_ids(api, OPPORTUNITIES)) == {deals[n] for n in scope}, who
        for name, deal_id in deals.items():
            path = f"{OPPORTUNITIES}/{deal_id}"
            if name in scope:
                assert ok(api.get(path))["id"] == deal_id
                assert len(ok(api.get(f"{path}/stage-history"))["items"]) == 0
                continue
            problem(api.get(path), 404)
            problem(api.get(f"{path}/stage-history"), 404)
            problem(api.patch(path, json={"stage_id": quotation}, headers={"If-Match": "*"}), 404)
            problem(api.delete(path), 404)
    service = users["service"]
    for deal_id in deals.values():
        path = f"{OPPORTUNITIES}/{deal_id}"
        problem(patch(service, path, {"stage_id": quotation}), 403)
        problem(patch(service, path, {"stage_id": quotation}, if_match=None), 403)
        problem(service.delete(path), 403)
    problem(service.post(OPPORTUNITIES, json={"name": "Mine"}), 403)
    for who in WRITERS:
        for name in VISIBLE[who]:
            path = f"{OPPORTUNITIES}/{deals[name]}"
            ok(patch(users[who], path, {"description": f"edited by {who}"}))
    admin = users["admin"]
    assert {ok(admin.get(f"{OPPORTUNITIES}/{d}"))["stage_id"] for d in deals.values()} == {stage.id}


def test_owners_are_assigned_as_for_leads(login_as, team, pipeline):
    east, west = team(), team()
    rep = login_as("sales", team=east)
    colleague = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    west_rep = login_as("sales", team=west)
    problem(rep.post(OPPORTUNITIES, json={"name": "Gift", "owner_id": colleague.user.id}), 403)
    mine = create(rep)
    problem(patch(rep, path_of(mine), {"owner_id": colleague.user.id}), 403)
    handed = ok(patch(manager, path_of(mine), {"owner_id": colleague.user.id}))
    assert handed["owner_id"] == colleague.user.id
    problem(rep.get(path_of(mine)), 404)
    response = patch(manager, path_of(mine), {"owner_id": west_rep.user.id})
    assert response.status_code in (403, 422)
    assigned = create(manager, owner_id=colleague.user.id)
    assert ok(colleague.get(path_of(assigned)))["owner_name"] == colleague.user.name


def test_delete_hides_it_everywhere(login_as, pipeline):
    rep = login_as("sales")
    admin = login_as("admin")
    gone, kept = create(rep), create(rep)
    assert rep.delete(path_of(gone)).status_code == 204
    for api in (rep, admin):
        problem(api.get(path_of(gone)), 404)
        problem(api.get(f"{path_of(gone)}/stage-history"), 404)
        assert all_ids(api, OPPORTUNITIES) == [kept["id"]]
    assert [e["action"] for e in audit_events(admin, "opportunity", gone["id"])] == [
        "delete",
        "create",
    ]


def test_patched_lines_are_whole_lines(login_as, pipeline, db):
    rep = login_as("sales")
    pump = ProductFactory()
    opportunity = create(rep, lines=[{"product_id": pump.id, "quantity": "1"}])
    path = path_of(opportunity)
    errors = field_errors(patch(rep, path, {"lines": [{}]}), "lines.0.product_id")
    assert "lines.0.quantity" in errors
    field_errors(patch(rep, path, {"lines": [{"product_id": pump.id}]}), "lines.0.quantity")
    assert ok(rep.get(path)) == opportunity
    # A product that stopped being sold stays on the opportunity that quoted it.
    pump.active = False
    db.session.commit()
    kept = ok(patch(rep, path, {"lines": [{"product_id": pump.id, "quantity": "2"}]}))
    assert kept["lines"][0]["quantity"] == "2.000"
