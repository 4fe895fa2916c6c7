"""Pipelines and stages through the HTTP API: templates, admin-only changes, stage management
(add, rename, reorder, archive) that never loses an opportunity, and the board's totals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.sales_helpers import (
    OPPORTUNITIES,
    PIPELINES,
    OpportunityFactory,
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

MANUFACTURING = [
    ("Inquiry", 10, "open"),
    ("Sample", 20, "open"),
    ("Quotation", 40, "open"),
    ("Negotiation", 70, "open"),
    ("Order", 100, "won"),
    ("Lost", 0, "lost"),
]
SERVICES = [
    ("Discovery", 20, "open"),
    ("Proposal", 50, "open"),
    ("Contract", 100, "won"),
    ("Lost", 0, "lost"),
]


def stages_of(pipeline: dict) -> list[tuple]:
    return [(s["name"], s["probability"], s["kind"]) for s in pipeline["stages"]]


def active_names(pipeline: dict) -> list[str]:
    return [s["name"] for s in pipeline["stages"] if s["archived_at"] is None]


def stage_id(pipeline: dict, name: str) -> int:
    return next(s["id"] for s in pipeline["stages"] if s["name"] == name)


def board(api, pipeline_id: int, **params) -> dict[str, dict]:
    body = ok(api.get(f"{PIPELINES}/{pipeline_id}/board", query_string=params))
    return {column["stage"]["name"]: column for column in body["columns"]}


@pytest.fixture
def admin(login_as):
    return login_as("admin")


# --- templates and creation ---------------------------------------------------------------


def test_both_templates_create_their_stages_in_order(admin):
    response = admin.post(PIPELINES, json={"template": "manufacturing"})
    manufacturing = ok(response, 201)
    assert response.headers["ETag"]
    assert manufacturing["name"] == "Manufacturing"
    assert manufacturing["template"] == "manufacturing"
    assert manufacturing["is_default"] is True  # the first pipeline
    assert stages_of(manufacturing) == MANUFACTURING
    assert [s["position"] for s in manufacturing["stages"]] == list(range(6))
    assert all(s["archived_at"] is None for s in manufacturing["stages"])

    services = ok(admin.post(PIPELINES, json={"template": "services", "name": "IT services"}), 201)
    assert (services["name"], services["template"], services["is_default"]) == (
        "IT services",
        "services",
        False,
    )
    assert stages_of(services) == SERVICES
    listed = ok(admin.get(PIPELINES))["items"]
    assert [p["name"] for p in listed] == ["IT services", "Manufacturing"]
    assert ok(admin.get(f"{PIPELINES}/{services['id']}")) == services


def test_a_pipeline_with_its_own_stages(admin):
    body = {
        "name": "Distributors",
        "stages": [
            {"name": "Contacted"},
            {"name": "Trial order", "probability": 60},
            {"name": "Signed", "probability": 100, "kind": "won"},
            {"name": "Dropped", "kind": "lost"},
        ],
    }
    pipeline = ok(admin.post(PIPELINES, json=body), 201)
    assert stages_of(pipeline) == [
        ("Contacted", 0, "open"),
        ("Trial order", 60, "open"),
        ("Signed", 100, "won"),
        ("Dropped", 0, "lost"),
    ]
    assert pipeline["template"] is None
    [event] = audit_events(admin, "pipeline", pipeline["id"])
    assert event["action"] == "create"
    assert [s["name"] for s in event["changes"]["stages"]["new"]] == [
        "Contacted",
        "Trial order",
        "Signed",
        "Dropped",
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "template"),
        ({"template": "retail"}, "template"),
        ({"name": "No stages"}, "template"),
        ({"stages": [{"name": "A"}]}, "name"),
        ({"template": "services", "stages": [{"name": "A"}]}, "stages"),
        ({"name": "Closed", "stages": [{"name": "Won", "kind": "won"}]}, "stages"),
        ({"name": "X", "stages": []}, "stages"),
        ({"name": "X", "stages": [{"name": "A", "probability": 101}]}, "stages.0.probability"),
        ({"name": "X", "stages": [{"name": "A", "probability": "50"}]}, "stages.0.probability"),
        ({"name": "X", "stages": [{"name": "A", "kind": "maybe"}]}, "stages.0.kind"),
        ({"name": "X", "stages": [{"name": " "}]}, "stages.0.name"),
        ({"name": "X", "stages": [{"name": "A", "id": 3}]}, "stages.0.id"),
        ({"name": "X", "stages": [{"name": "A"}, {"name": "a "}]}, "name"),
        ({"template": "services", "archived_at": None}, "archived_at"),
    ],
)
def test_invalid_pipelines_are_422(admin, body, field):
    field_errors(admin.post(PIPELINES, json=body), field)
    assert ok(admin.get(PIPELINES))["items"] == []


def test_only_admins_change_pipelines_and_everyone_reads_them(login_as, admin):
    pipeline = ok(admin.post(PIPELINES, json={"template": "manufacturing"}), 201)
    path = f"{PIPELINES}/{pipeline['id']}"
    inquiry = stage_id(pipeline, "Inquiry")
    for role in ("manager", "sales", "service"):
        api = login_as(role)
        assert ok(api.get(path)) == pipeline
        assert [p["id"] for p in ok(api.get(PIPELINES))["items"]] == [pipeline["id"]]
        assert ok(api.get(f"{path}/board"))["pipeline_id"] == pipeline["id"]
        problem(api.post(PIPELINES, json={"template": "services"}), 403)
        problem(patch(api, path, {"name": "Mine"}), 403)
        problem(api.delete(path), 403)
        problem(api.post(f"{path}/stages", json={"name": "Extra"}), 403)
        problem(api.patch(f"{path}/stages", json={"stage_ids": [inquiry]}), 403)
        problem(api.patch(f"{path}/stages/{inquiry}", json={"name": "Lead"}), 403)
        problem(api.delete(f"{path}/stages/{inquiry}"), 403)
    assert ok(admin.get(path)) == pipeline


# --- pipelines: update, default, archive --------------------------------------------------


def test_rename_needs_if_match_and_one_pipeline_is_the_default(admin):
    first = ok(admin.post(PIPELINES, json={"template": "manufacturing"}), 201)
    second = ok(admin.post(PIPELINES, json={"template": "services"}), 201)
    path = f"{PIPELINES}/{second['id']}"
    problem(patch(admin, path, {"name": "Projects"}, if_match=None), 428)
    stale = admin.get(path).headers["ETag"]
    renamed = ok(patch(admin, path, {"name": "Projects", "is_default": True}))
    assert (renamed["name"], renamed["is_default"]) == ("Projects", True)
    assert ok(admin.get(f"{PIPELINES}/{first['id']}"))["is_default"] is False
    problem(patch(admin, path, {"name": "Other"}, if_match=stale), 412)
    problem(patch(admin, path, {"is_default": False}), 409)
    field_errors(patch(admin, path, {"name": ""}), "name")
    field_errors(patch(admin, path, {"template": "manufacturing"}), "template")
    field_errors(patch(admin, path, {"stages": []}), "stages")


def test_an_archived_pipeline_keeps_its_opportunities(login_as, admin):
    rep = login_as("sales")
    manufacturing = make_pipeline("manufacturing")
    services = make_pipeline("services", default=False)
    deal = OpportunityFactory(stage=stage_named(manufacturing, "Quotation"), owner_id=rep.user.id)

    assert admin.delete(f"{PIPELINES}/{manufacturing.id}").status_code == 204
    assert all_ids(admin, PIPELINES) == [services.id]
    assert all_ids(admin, PIPELINES, archived="true") == [manufacturing.id]
    archived = ok(rep.get(f"{PIPELINES}/{manufacturing.id}"))
    assert archived["archived_at"] and archived["is_default"] is False
    assert ok(rep.get(f"{PIPELINES}/{services.id}"))["is_default"] is True

    assert ok(rep.get(f"{OPPORTUNITIES}/{deal.id}"))["stage_id"] == deal.stage_id
    assert all_ids(rep, OPPORTUNITIES, pipeline_id=manufacturing.id) == [deal.id]
    assert board(rep, manufacturing.id)["Quotation"]["count"] == 1
    body = {"name": "New", "pipeline_id": manufacturing.id}
    field_errors(rep.post(OPPORTUNITIES, json=body), "pipeline_id")
    # Moving within the archived pipeline is refused; moving out works.
    path = f"{OPPORTUNITIES}/{deal.id}"
    field_errors(
        patch(rep, path, {"stage_id": stage_named(manufacturing, "Order").id}), "pipeline_id"
    )
    moved = ok(patch(rep, path, {"pipeline_id": services.id}))
    assert moved["stage_id"] == stage_named(services, "Discovery").id
    problem(patch(admin, f"{PIPELINES}/{manufacturing.id}", {"is_default": True}), 409)


# --- stages -------------------------------------------------------------------------------


def test_add_rename_reorder_stages_and_each_change_is_a_new_etag(admin):
    pipeline = ok(admin.post(PIPELINES, json={"template": "services"}), 201)
    path = f"{PIPELINES}/{pipeline['id']}"
    etags = [admin.get(path).headers["ETag"]]

    response = admin.post(f"{path}/stages", json={"name": "Negotiation", "probability": 75})
    added = ok(response, 201)
    assert active_names(added) == ["Discovery", "Proposal", "Negotiation", "Contract", "Lost"]
    assert [s["position"] for s in added["stages"]] == [0, 1, 2, 3, 4]
    etags.append(response.headers["ETag"])

    added = ok(admin.post(f"{path}/stages", json={"name": "Qualified", "position": 0}), 201)
    assert active_names(added)[:2] == ["Qualified", "Discovery"]
    added = ok(admin.post(f"{path}/stages", json={"name": "On hold", "kind": "lost"}), 201)
    assert active_names(added)[-1] == "On hold"
    etags.append(admin.get(path).headers["ETag"])

    proposal = stage_id(added, "Proposal")
    response = admin.patch(f"{path}/stages/{proposal}", json={"name": "Offer", "probability": 55})
    renamed = ok(response)
    assert ("Offer", 55, "open") in stages_of(renamed)
    etags.append(response.headers["ETag"])

    order = [s["id"] for s in reversed(renamed["stages"])]
    response = admin.patch(f"{path}/stages", json={"stage_ids": order})
    reordered = ok(response)
    assert [s["id"] for s in reordered["stages"]] == order
    assert [s["position"] for s in reordered["stages"]] == list(range(len(order)))
    etags.append(response.headers["ETag"])
    assert len(set(etags)) == len(etags)

    # A stale pipeline ETag is refused by every stage operation.
    for response in (
        admin.post(f"{path}/stages", json={"name": "Late"}, headers={"If-Match": etags[0]}),
        admin.patch(f"{path}/stages", json={"stage_ids": order}, headers={"If-Match": etags[0]}),
        admin.patch(
            f"{path}/stages/{proposal}", json={"name": "X"}, headers={"If-Match": etags[0]}
        ),
        admin.delete(f"{path}/stages/{proposal}", headers={"If-Match": etags[0]}),
    ):
        problem(response, 412)
    assert ok(admin.get(path)) == reordered
    events = {e["action"] for e in audit_events(admin, "stage", proposal)}
    assert events == {"update"}


def test_invalid_stage_changes_are_refused(admin, login_as):
    pipeline = ok(admin.post(PIPELINES, json={"template": "services"}), 201)
    other = ok(admin.post(PIPELINES, json={"template": "manufacturing"}), 201)
    path = f"{PIPELINES}/{pipeline['id']}"
    ids = [s["id"] for s in pipeline["stages"]]
    field_errors(admin.post(f"{path}/stages", json={"name": "proposal"}), "name")
    field_errors(admin.post(f"{path}/stages", json={}), "name")
    field_errors(admin.post(f"{path}/stages", json={"name": "X", "position": -1}), "position")
    field_errors(admin.patch(f"{path}/stages/{ids[0]}", json={"name": "Proposal"}), "name")
    field_errors(admin.patch(f"{path}/stages/{ids[0]}", json={"position": 3}), "position")
    for stage_ids in (ids[:-1], [*ids, ids[0]], [*ids[:-1], other["stages"][0]["id"]], []):
        field_errors(admin.patch(f"{path}/stages", json={"stage_ids": stage_ids}), "stage_ids")
    problem(admin.patch(f"{path}/stages/{other['stages'][0]['id']}", json={"name": "X"}), 404)
    problem(admin.delete(f"{path}/stages/{other['stages'][0]['id']}"), 404)
    problem(admin.delete(f"{PIPELINES}/999999/stages/{ids[0]}"), 404)
    assert ok(admin.get(path)) == pipeline


def test_the_last_open_stage_stays(admin):
    pipeline = ok(
        admin.post(
            PIPELINES,
            json={"name": "Tiny", "stages": [{"name": "Open"}, {"name": "Won", "kind": "won"}]},
        ),
        201,
    )
    path = f"{PIPELINES}/{pipeline['id']}"
    open_id = stage_id(pipeline, "Open")
    problem(admin.delete(f"{path}/stages/{open_id}"), 409)
    problem(admin.patch(f"{path}/stages/{open_id}", json={"kind": "lost"}), 409)
    assert ok(admin.get(path)) == pipeline


def test_archiving_a_stage_never_loses_its_opportunities(login_as, admin):
    rep = login_as("sales")
    pipeline = make_pipeline("manufacturing")
    sample = stage_named(pipeline, "Sample")
    quotation = stage_named(pipeline, "Quotation")
    deals = [OpportunityFactory(stage=sample, owner_id=rep.user.id) for _ in range(2)]
    path = f"{PIPELINES}/{pipeline.id}"

    problem(admin.patch(f"{path}/stages/{sample.id}", json={"kind": "lost"}), 409)
    archived = ok(admin.delete(f"{path}/stages/{sample.id}"))
    assert ok(admin.delete(f"{path}/stages/{sample.id}")) == archived  # twice is fine
    assert active_names(archived) == ["Inquiry", "Quotation", "Negotiation", "Order", "Lost"]
    sample_json = next(s for s in archived["stages"] if s["id"] == sample.id)
    assert sample_json["archived_at"] is not None
    assert archived["stages"][-1]["id"] == sample.id  # archived stages come last
    assert [e["action"] for e in audit_events(admin, "stage", sample.id)] == ["archive"]

    # Still there, readable and listable.
    for deal in deals:
        assert ok(rep.get(f"{OPPORTUNITIES}/{deal.id}"))["stage_id"] == sample.id
    assert sorted(all_ids(rep, OPPORTUNITIES, stage_id=sample.id)) == sorted(d.id for d in deals)
    columns = board(rep, pipeline.id)
    assert columns["Sample"]["count"] == 2
    assert columns["Sample"]["stage"]["archived_at"] is not None
    assert list(columns) == ["Inquiry", "Quotation", "Negotiation", "Order", "Lost", "Sample"]

    # Nothing new goes in; editing a deal that stays there is fine; moving out works.
    field_errors(rep.post(OPPORTUNITIES, json={"name": "New", "stage_id": sample.id}), "stage_id")
    first = f"{OPPORTUNITIES}/{deals[0].id}"
    assert ok(patch(rep, first, {"description": "still here"}))["stage_id"] == sample.id
    for deal in deals:
        moved = ok(patch(rep, f"{OPPORTUNITIES}/{deal.id}", {"stage_id": quotation.id}))
        assert moved["stage_id"] == quotation.id
        field_errors(patch(rep, f"{OPPORTUNITIES}/{deal.id}", {"stage_id": sample.id}), "stage_id")
    columns = board(rep, pipeline.id)
    assert "Sample" not in columns
    assert columns["Quotation"]["count"] == 2


# --- the board ----------------------------------------------------------------------------


def test_board_totals_are_scoped_and_filtered(login_as, team):
    users = two_teams(login_as, team)
    pipeline = make_pipeline("manufacturing")
    inquiry, quotation, order = (
        stage_named(pipeline, name) for name in ("Inquiry", "Quotation", "Order")
    )
    a, b = users["a"].user.id, users["b"].user.id
    OpportunityFactory(stage=inquiry, owner_id=a, amount=Decimal("1000.10"))
    OpportunityFactory(stage=quotation, owner_id=a, amount=Decimal("120000.00"))
    OpportunityFactory(stage=quotation, owner_id=a, amount=Decimal("50000.00"), probability=90)
    OpportunityFactory(stage=quotation, owner_id=b, amount=Decimal("7000.00"))
    OpportunityFactory(stage=quotation, owner_id=None, amount=Decimal("300.00"))
    OpportunityFactory(stage=quotation, owner_id=a, amount=Decimal("99.00"), currency="USD")
    OpportunityFactory(stage=order, owner_id=b, amount=Decimal("5.55"))
    OpportunityFactory(
        stage=order, owner_id=a, amount=Decimal("1.00"), deleted_at=pipeline.created_at
    )

    rep_a = board(users["a"], pipeline.id)
    assert list(rep_a) == ["Inquiry", "Sample", "Quotation", "Negotiation", "Order", "Lost"]
    assert rep_a["Inquiry"] == {
        "stage": rep_a["Inquiry"]["stage"],
        "count": 1,
        "total_amount": "1000.10",
        "weighted_amount": "100.01",
        "other_currency_count": 0,
    }
    # 120,000 at 40% + 50,000 at 90% + 300 (unassigned) at 40%; the USD one only counted.
    assert rep_a["Quotation"]["count"] == 4
    assert rep_a["Quotation"]["other_currency_count"] == 1
    assert rep_a["Quotation"]["total_amount"] == "170300.00"
    assert rep_a["Quotation"]["weighted_amount"] == "93120.00"
    assert rep_a["Order"]["count"] == 0 and rep_a["Order"]["total_amount"] == "0.00"
    assert rep_a["Quotation"]["stage"]["probability"] == 40

    rep_b = board(users["b"], pipeline.id)
    assert rep_b["Quotation"]["total_amount"] == "7300.00"
    assert rep_b["Order"]["weighted_amount"] == "5.55"
    manager = board(users["m"], pipeline.id)
    assert manager["Quotation"]["count"] == 4
    admin = board(users["admin"], pipeline.id)
    assert admin["Quotation"]["count"] == 5
    assert board(users["service"], pipeline.id)["Quotation"]["count"] == 5

    assert board(users["m"], pipeline.id, owner_id="none")["Quotation"]["total_amount"] == "300.00"
    assert board(users["a"], pipeline.id, owner_id="me")["Quotation"]["count"] == 3
    assert board(users["admin"], pipeline.id, owner_id=str(b))["Order"]["count"] == 1
    # Another team's rep named in the filter: still only what the caller sees.
    assert board(users["a"], pipeline.id, owner_id=str(b))["Quotation"]["count"] == 0
    usd = board(users["a"], pipeline.id, currency="USD")["Quotation"]
    assert (usd["total_amount"], usd["other_currency_count"]) == ("99.00", 3)

    problem(users["a"].get(f"{PIPELINES}/999999/board"), 404)
    field_errors(users["a"].get(f"{PIPELINES}/{pipeline.id}/board?owner_id=x"), "owner_id")
    field_errors(users["a"].get(f"{PIPELINES}/{pipeline.id}/board?currency=rmb"), "currency")


# --- demo data ----------------------------------------------------------------------------


def test_seed_creates_both_pipelines_products_and_opportunities(app, client):
    from tests.conftest import login

    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed", "--password", "demo-password-1", "--leads", "10"])
    assert result.exit_code == 0, result.output
    tokens = login(client, "admin@example.com", "demo-password-1")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    pipelines = client.get(PIPELINES, headers=headers).get_json()["items"]
    assert sorted((p["template"], p["is_default"]) for p in pipelines) == [
        ("manufacturing", True),
        ("services", False),
    ]
    products = client.get("/api/v1/products?limit=200", headers=headers).get_json()["items"]
    assert len(products) == 10
    deals = client.get(f"{OPPORTUNITIES}?limit=200", headers=headers).get_json()["items"]
    assert len(deals) == 20
    assert len({d["stage_id"] for d in deals}) >= 8
    assert len({d["owner_id"] for d in deals}) >= 4
    assert {d["status"] for d in deals} == {"open", "won", "lost"}
    history = client.get(f"{OPPORTUNITIES}/{deals[0]['id']}/stage-history", headers=headers)
    assert len(history.get_json()["items"]) == 1
    for pipeline in pipelines:
        board = client.get(f"{PIPELINES}/{pipeline['id']}/board", headers=headers).get_json()
        assert sum(column["count"] for column in board["columns"]) > 0
