"""Bulk actions: assign, change status, add a follow-up task, delete, on selected rows or on
every row a list's filters match; each row answers for itself, through the single-record rules."""

from __future__ import annotations

import pytest

from crm.extensions import db
from crm.sales.models import FollowUp, Lead
from tests.export_helpers import events, insert_leads
from tests.factories import CompanyFactory, ContactFactory, LeadFactory
from tests.sales_helpers import (
    OpportunityFactory,
    make_pipeline,
    ok,
    problem,
    stage_named,
    two_teams,
)
from tests.service_helpers import make_ticket

MISSING = 2_000_000


def bulk(api, resource: str, body: dict, expect: int = 200) -> dict:
    response = api.post(f"/api/v1/{resource}/bulk", json=body)
    assert response.status_code == expect, (response.status_code, response.get_json())
    return response.get_json()


def outcome(answer: dict) -> dict[int, tuple[bool, str | None]]:
    return {row["id"]: (row["ok"], row["code"]) for row in answer["results"]}


def test_a_manager_assigns_the_teams_leads_and_each_row_answers(login_as, team):
    users = two_teams(login_as, team)
    m, a, a2 = users["m"], users["a"], users["a2"]
    mine = [LeadFactory(owner_id=a.user.id).id for _ in range(2)]
    west = LeadFactory(owner_id=users["b"].user.id).id
    answer = bulk(
        m, "leads", {"action": "assign", "ids": [*mine, west, MISSING], "owner_id": a2.user.id}
    )
    assert answer["counts"] == {"ok": 2, "failed": 2}
    assert outcome(answer) == {
        mine[0]: (True, None),
        mine[1]: (True, None),
        west: (False, "lead_not_found"),
        MISSING: (False, "lead_not_found"),
    }
    assert [row["id"] for row in answer["results"]] == [*mine, west, MISSING]
    not_found = answer["results"][2]["message"]
    assert not_found == answer["results"][3]["message"] == "No such lead."
    for lead_id in mine:
        assert ok(a2.get(f"/api/v1/leads/{lead_id}"))["owner_id"] == a2.user.id
    assert ok(users["b"].get(f"/api/v1/leads/{west}"))["owner_id"] == users["b"].user.id
    changed = {int(e["entity_id"]) for e in events(users["admin"], "update", "lead")}
    assert changed == set(mine)


def test_only_managers_and_admins_assign_and_only_to_whom_they_may(login_as, team):
    users = two_teams(login_as, team)
    lead = LeadFactory(owner_id=users["a"].user.id).id
    body = {"action": "assign", "ids": [lead], "owner_id": users["a2"].user.id}
    assert problem(users["a"].post("/api/v1/leads/bulk", json=body), 403)["code"] == (
        "role_forbidden"
    )
    west = {**body, "owner_id": users["b"].user.id}
    refused = problem(users["m"].post("/api/v1/leads/bulk", json=west), 422)
    assert refused["error_codes"] == {"owner_id": ["not_allowed"]}
    reader = problem(users["service"].post("/api/v1/companies/bulk", json=body), 403)
    assert reader["code"] == "read_only_role"


def test_set_status_goes_through_the_leads_rules(login_as):
    rep = login_as("sales")
    fresh = LeadFactory(owner_id=rep.user.id, status="new").id
    converted = LeadFactory(owner_id=rep.user.id, status="converted").id
    answer = bulk(
        rep, "leads", {"action": "set_status", "ids": [fresh, converted], "status": "qualified"}
    )
    assert outcome(answer) == {fresh: (True, None), converted: (False, "already_converted")}
    assert ok(rep.get(f"/api/v1/leads/{fresh}"))["status"] == "qualified"
    refused = bulk(rep, "leads", {"action": "set_status", "ids": [fresh], "status": "converted"})
    assert outcome(refused) == {fresh: (False, "validation_failed")}
    assert refused["results"][0]["message"] == "Use the convert action."


def test_row_messages_answer_in_the_callers_language(login_as):
    rep = login_as("sales")
    response = rep.post(
        "/api/v1/leads/bulk",
        json={"action": "delete", "ids": [MISSING]},
        headers={"Accept-Language": "zh-CN"},
    )
    assert ok(response)["results"][0]["message"] == "线索不存在。"


def test_tickets_follow_their_transitions_and_assignee_rules(login_as):
    agent = login_as("service")
    other = login_as("service")
    new = make_ticket(status="new").id
    closed = make_ticket(status="closed").id
    answer = bulk(
        agent, "tickets", {"action": "set_status", "ids": [new, closed], "status": "resolved"}
    )
    assert outcome(answer) == {new: (True, None), closed: (False, "invalid_transition")}
    assigned = bulk(
        agent, "tickets", {"action": "assign", "ids": [new, closed], "owner_id": other.user.id}
    )
    assert assigned["counts"] == {"ok": 2, "failed": 0}
    assert ok(agent.get(f"/api/v1/tickets/{new}"))["assignee_id"] == other.user.id
    rep = login_as("sales")
    refused = rep.post(
        "/api/v1/tickets/bulk", json={"action": "assign", "ids": [new], "owner_id": other.user.id}
    )
    assert problem(refused, 403)["code"] == "role_forbidden"
    no_tasks = problem(
        agent.post(
            "/api/v1/tickets/bulk",
            json={"action": "add_task", "ids": [new], "task": {"subject": "x", "due_at": None}},
        ),
        422,
    )
    assert set(no_tasks["errors"]) == {"action", "task"}


def test_opportunities_change_status_by_moving_to_a_stage(login_as):
    admin = login_as("admin")
    manufacturing = make_pipeline("manufacturing")
    services = make_pipeline("services", default=False)
    here = OpportunityFactory(stage=stage_named(manufacturing, "Inquiry")).id
    there = OpportunityFactory(stage=stage_named(services, "Discovery")).id
    won = stage_named(manufacturing, "Order").id
    answer = bulk(
        admin, "opportunities", {"action": "set_status", "ids": [here, there], "stage_id": won}
    )
    assert outcome(answer) == {here: (True, None), there: (False, "validation_failed")}
    assert answer["results"][1]["message"] == "Not a stage of this pipeline."
    deal = ok(admin.get(f"/api/v1/opportunities/{here}"))
    assert (deal["stage_id"], deal["status"]) == (won, "won")
    missing = problem(
        admin.post("/api/v1/opportunities/bulk", json={"action": "set_status", "ids": [here]}),
        422,
    )
    assert missing["error_codes"] == {"stage_id": ["required"]}


@pytest.mark.parametrize(
    ("resource", "make", "parent"),
    [
        ("leads", LeadFactory, "lead_id"),
        ("companies", CompanyFactory, "company_id"),
        ("contacts", ContactFactory, "contact_id"),
    ],
)
def test_add_task_puts_a_follow_up_task_on_each_row(login_as, resource, make, parent):
    rep = login_as("sales")
    rows = [make(owner_id=rep.user.id).id for _ in range(3)]
    task = {"subject": "Call back about the quotation", "due_at": "2030-01-15T02:00:00Z"}
    answer = bulk(rep, resource, {"action": "add_task", "ids": rows, "task": task})
    assert answer["counts"] == {"ok": 3, "failed": 0}
    follow_ups = db.session.query(FollowUp).filter(getattr(FollowUp, parent).in_(rows)).all()
    assert sorted(getattr(f, parent) for f in follow_ups) == rows
    assert {(f.kind, f.content, f.author_id) for f in follow_ups} == {
        ("task", "Call back about the quotation", rep.user.id)
    }
    if resource == "leads":
        lead = ok(rep.get(f"/api/v1/leads/{rows[0]}"))
        assert lead["next_follow_up_at"].startswith("2030-01-15T02:00:00")


def test_delete_is_the_single_records_soft_delete(login_as, team):
    users = two_teams(login_as, team)
    a = users["a"]
    mine = [CompanyFactory(owner_id=a.user.id).id for _ in range(2)]
    west = CompanyFactory(owner_id=users["b"].user.id).id
    answer = bulk(a, "companies", {"action": "delete", "ids": [*mine, west]})
    assert outcome(answer) == {
        mine[0]: (True, None),
        mine[1]: (True, None),
        west: (False, "company_not_found"),
    }
    for company_id in mine:
        assert a.get(f"/api/v1/companies/{company_id}").status_code == 404
    deleted = {int(e["entity_id"]) for e in events(users["admin"], "delete", "company")}
    assert deleted == set(mine)


def test_filters_select_every_matching_row_the_caller_sees(login_as, team):
    users = two_teams(login_as, team)
    a = users["a"]
    new = [LeadFactory(owner_id=a.user.id, status="new").id for _ in range(3)]
    LeadFactory(owner_id=a.user.id, status="contacted")
    west = LeadFactory(owner_id=users["b"].user.id, status="new").id
    answer = bulk(
        a,
        "leads",
        {
            "action": "set_status",
            "filters": {"status": ["new"], "sort": "created_at"},
            "status": "contacted",
        },
    )
    assert [row["id"] for row in answer["results"]] == new
    statuses = dict(db.session.query(Lead.id, Lead.status).all())
    assert statuses[west] == "new"
    assert all(statuses[lead_id] == "contacted" for lead_id in new)


def test_the_body_names_one_selection_and_what_the_action_needs(login_as):
    rep = login_as("sales")
    lead = LeadFactory(owner_id=rep.user.id).id
    both = {"action": "delete", "ids": [lead], "filters": {"status": "new"}}
    assert problem(rep.post("/api/v1/leads/bulk", json=both), 422)["error_codes"] == {
        "ids": ["invalid_combination"]
    }
    neither = {"action": "delete"}
    assert problem(rep.post("/api/v1/leads/bulk", json=neither), 422)["error_codes"] == {
        "ids": ["invalid_combination"]
    }
    bad_filter = {"action": "delete", "filters": {"status": "won"}}
    refused = problem(rep.post("/api/v1/leads/bulk", json=bad_filter), 422)
    assert refused["error_codes"] == {"filters.status": ["invalid_choice"]}
    no_owner = {"action": "assign", "ids": [lead]}
    assert problem(rep.post("/api/v1/leads/bulk", json=no_owner), 422)["error_codes"] == {
        "owner_id": ["required"]
    }


def test_more_rows_than_allowed_is_refused(login_as, make_app):
    small = make_app(BULK_MAX_ROWS=3)
    rep = login_as("sales")
    leads = [LeadFactory(owner_id=rep.user.id).id for _ in range(4)]
    client = small.test_client()
    response = client.post(
        "/api/v1/leads/bulk", json={"action": "delete", "ids": leads}, headers=rep.headers
    )
    body = problem(response, 422)
    assert body["code"] == "too_many_rows"
    assert body["error_codes"] == {"ids": ["too_long"]}
    response = client.post(
        "/api/v1/leads/bulk",
        json={"action": "delete", "filters": {}},
        headers=rep.headers,
    )
    assert problem(response, 422)["error_codes"] == {"filters": ["too_many"]}
    assert db.session.query(Lead).filter(Lead.deleted_at.is_not(None)).count() == 0


def test_above_the_inline_limit_a_job_changes_the_rows_in_batches(login_as, team, make_app):
    users = two_teams(login_as, team)
    m = users["m"]
    insert_leads(250, users["a"].user.id)  # three batches of the job
    mine = [lead_id for (lead_id,) in db.session.query(Lead.id).order_by(Lead.id)]
    west = LeadFactory(owner_id=users["b"].user.id).id
    small = make_app(BULK_INLINE_MAX_ROWS=3).test_client()
    response = small.post(
        "/api/v1/leads/bulk",
        json={"action": "assign", "ids": [*mine, west], "owner_id": users["a2"].user.id},
        headers={**m.headers, "Accept-Language": "zh-CN"},
    )
    assert response.status_code == 202, response.get_json()
    job = ok(m.get(f"/api/v1/jobs/{response.get_json()['id']}"))
    assert (job["kind"], job["status"], job["progress"]) == ("bulk.apply", "succeeded", 100)
    result = job["result"]
    assert result["counts"] == {"ok": 250, "failed": 1}
    assert [row["id"] for row in result["results"]] == [*mine, west]
    assert outcome(result)[west] == (False, "lead_not_found")
    assert result["results"][-1]["message"] == "线索不存在。"
    owners = dict(db.session.query(Lead.id, Lead.owner_id).all())
    assert {owners[lead_id] for lead_id in mine} == {users["a2"].user.id}
    assert owners[west] == users["b"].user.id
    changed = {int(e["entity_id"]) for e in events(users["admin"], "update", "lead")}
    assert changed == set(mine)


def _opportunity(**fields):
    pipeline = make_pipeline("manufacturing")
    return OpportunityFactory(stage=stage_named(pipeline, "Inquiry"), **fields)


MAKERS = {
    "leads": LeadFactory,
    "companies": CompanyFactory,
    "contacts": ContactFactory,
    "opportunities": _opportunity,
}


@pytest.mark.parametrize("resource", list(MAKERS))
def test_every_list_assigns_adds_tasks_and_deletes_within_the_callers_scope(
    login_as, team, resource
):
    users = two_teams(login_as, team)
    m, a2 = users["m"], users["a2"]
    make = MAKERS[resource]
    mine = make(owner_id=users["a"].user.id).id
    west = make(owner_id=users["b"].user.id).id
    path = f"/api/v1/{resource}"
    entity = {"leads": "lead", "companies": "company", "contacts": "contact"}.get(
        resource, "opportunity"
    )
    ids = [mine, west]

    assigned = bulk(m, resource, {"action": "assign", "ids": ids, "owner_id": a2.user.id})
    assert outcome(assigned) == {mine: (True, None), west: (False, f"{entity}_not_found")}
    assert ok(a2.get(f"{path}/{mine}"))["owner_id"] == a2.user.id

    task = {"subject": "Visit the plant", "due_at": None, "kind": "visit"}
    tasks = bulk(a2, resource, {"action": "add_task", "ids": ids, "task": task})
    assert tasks["counts"] == {"ok": 1, "failed": 1}
    timeline = ok(a2.get(f"{path}/{mine}/follow-ups"))["items"]
    assert [(f["kind"], f["content"]) for f in timeline] == [("visit", "Visit the plant")]

    deleted = bulk(a2, resource, {"action": "delete", "ids": ids})
    assert deleted["counts"] == {"ok": 1, "failed": 1}
    assert a2.get(f"{path}/{mine}").status_code == 404
    assert users["b"].get(f"{path}/{west}").status_code == 200
