"""Merging duplicates (a job): the chosen values go to the primary; follow-ups, attachments,
contacts, opportunities, tickets and orders of the duplicates move to it; the duplicates are
hidden, pointing at it; undo (a job, within MERGE_UNDO_DAYS) puts every record back."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from crm.core.types import utcnow
from crm.extensions import db
from crm.imports.duplicates.models import Merge
from tests.attachment_helpers import post_files
from tests.factories import CompanyFactory, ContactFactory, FollowUpFactory, LeadFactory
from tests.helpers import field_errors, problem
from tests.sales_helpers import (
    OpportunityFactory,
    OrderFactory,
    audit_events,
    make_pipeline,
    ok,
    stage_named,
)
from tests.service_helpers import make_ticket


def run_job(api, response) -> dict:
    job = ok(response, 202)
    job = ok(api.get(f"/api/v1/jobs/{job['id']}"))
    assert job["status"] == "succeeded", job
    return job["result"]


def merge(api, entity: str, primary_id: int, duplicate_ids: list[int], values=None) -> dict:
    body = {"primary_id": primary_id, "duplicate_ids": duplicate_ids}
    if values is not None:
        body["values"] = values
    result = run_job(api, api.post(f"/api/v1/{entity}/merge", json=body))
    assert result["primary_id"] == primary_id
    return ok(api.get(f"/api/v1/merges/{result['merge_id']}"))


def undo(api, merge_id: int) -> dict:
    run_job(api, api.post(f"/api/v1/merges/{merge_id}/undo"))
    return ok(api.get(f"/api/v1/merges/{merge_id}"))


def linked(api, records: dict) -> dict:
    """Where each linked record points now: {kind: (field value)}."""
    fields = {
        "follow_ups": ("/api/v1/follow-ups", None),
        "attachments": ("/api/v1/attachments", "record_id"),
        "contacts": ("/api/v1/contacts", "company_id"),
        "opportunities": ("/api/v1/opportunities", None),
        "tickets": ("/api/v1/tickets", None),
        "orders": ("/api/v1/orders", None),
    }
    found = {}
    for kind, (record_id, field) in records.items():
        path, answer_field = fields[kind]
        body = ok(api.get(f"{path}/{record_id}"))
        found[kind] = body[answer_field or field]
    return found


def _stage():
    return stage_named(make_pipeline("manufacturing"), "Quotation")


def test_merging_companies_moves_everything_and_undo_puts_it_back(login_as):
    admin = login_as("admin")
    primary = CompanyFactory(name="Acme Co., Ltd.", industry=None, phone="+8651212345678")
    duplicate = CompanyFactory(name="ACME Inc", industry="Pumps")
    kept = FollowUpFactory(company_id=primary.id)
    stage = _stage()
    upload = post_files(admin, f"/api/v1/companies/{duplicate.id}/attachments", [("a.txt", b"hi")])
    records = {
        "follow_ups": (FollowUpFactory(company_id=duplicate.id).id, "company_id"),
        "attachments": (ok(upload, 201)["items"][0]["id"], "record_id"),
        "contacts": (ContactFactory(company_id=duplicate.id).id, "company_id"),
        "opportunities": (
            OpportunityFactory(stage=stage, company_id=duplicate.id).id,
            "company_id",
        ),
        "tickets": (make_ticket(company_id=duplicate.id).id, "company_id"),
        "orders": (OrderFactory(company_id=duplicate.id).id, "company_id"),
    }

    done = merge(
        admin, "companies", primary.id, [duplicate.id], {"industry": "Pumps", "name": "Acme"}
    )
    assert done["entity"] == "companies" and done["duplicate_ids"] == [duplicate.id]
    assert done["moved"] == {kind: 1 for kind in records}
    assert done["undone_at"] is None and done["created_by"]["id"] == admin.user.id
    assert set(done) == {
        "id",
        "entity",
        "primary_id",
        "duplicate_ids",
        "moved",
        "created_at",
        "undo_until",
        "undone_at",
        "created_by",
    }
    company = ok(admin.get(f"/api/v1/companies/{primary.id}"))
    assert (company["name"], company["industry"]) == ("Acme", "Pumps")
    assert problem(admin.get(f"/api/v1/companies/{duplicate.id}"), 404)["code"] == (
        "company_not_found"
    )
    assert linked(admin, records) == {kind: primary.id for kind in records}
    actions = {e["action"] for e in audit_events(admin, "company", primary.id)}
    assert {"merge", "update"} <= actions
    assert "merge" in {e["action"] for e in audit_events(admin, "company", duplicate.id)}

    undone = undo(admin, done["id"])
    assert undone["undone_at"] is not None
    company = ok(admin.get(f"/api/v1/companies/{primary.id}"))
    assert (company["name"], company["industry"]) == ("Acme Co., Ltd.", None)
    assert ok(admin.get(f"/api/v1/companies/{duplicate.id}"))["name"] == "ACME Inc"
    assert linked(admin, records) == {kind: duplicate.id for kind in records}
    assert ok(admin.get(f"/api/v1/follow-ups/{kept.id}"))["company_id"] == primary.id

    again = admin.post(f"/api/v1/merges/{done['id']}/undo")
    assert problem(again, 409)["code"] == "merge_already_undone"


def test_merging_contacts_and_leads_moves_their_records(login_as):
    admin = login_as("admin")
    stage = _stage()
    primary, duplicate, other = (ContactFactory(name=f"Wang {n}") for n in range(3))
    contact_records = {
        "follow_ups": FollowUpFactory(contact_id=duplicate.id).id,
        "opportunities": OpportunityFactory(stage=stage, contact_id=other.id).id,
        "tickets": make_ticket(contact_id=duplicate.id).id,
        "orders": OrderFactory(contact_id=other.id).id,
    }
    done = merge(admin, "contacts", primary.id, [duplicate.id, other.id], {"title": "CEO"})
    assert done["moved"] == {
        "follow_ups": 1,
        "attachments": 0,
        "contacts": 0,
        "opportunities": 1,
        "tickets": 1,
        "orders": 1,
    }
    for path, record_id in (
        ("follow-ups", contact_records["follow_ups"]),
        ("opportunities", contact_records["opportunities"]),
        ("tickets", contact_records["tickets"]),
        ("orders", contact_records["orders"]),
    ):
        assert ok(admin.get(f"/api/v1/{path}/{record_id}"))["contact_id"] == primary.id
    undo(admin, done["id"])
    assert (
        ok(admin.get(f"/api/v1/opportunities/{contact_records['opportunities']}"))["contact_id"]
        == other.id
    )
    assert ok(admin.get(f"/api/v1/tickets/{contact_records['tickets']}"))["contact_id"] == (
        duplicate.id
    )

    lead, twin = LeadFactory(name="Li Lei"), LeadFactory(name="Li  Lei", email="li@example.com")
    follow_up = FollowUpFactory(lead_id=twin.id)
    upload = post_files(admin, f"/api/v1/leads/{twin.id}/attachments", [("b.txt", b"hi")])
    attachment = ok(upload, 201)["items"][0]["id"]
    deal = OpportunityFactory(stage=stage, lead_id=twin.id)
    done = merge(admin, "leads", lead.id, [twin.id], {"email": "li@example.com"})
    assert done["moved"]["follow_ups"] == done["moved"]["attachments"] == 1
    assert done["moved"]["opportunities"] == 1
    assert ok(admin.get(f"/api/v1/leads/{lead.id}"))["email"] == "li@example.com"
    assert ok(admin.get(f"/api/v1/follow-ups/{follow_up.id}"))["lead_id"] == lead.id
    assert ok(admin.get(f"/api/v1/attachments/{attachment}"))["record_id"] == lead.id
    assert db.session.get(type(deal), deal.id).lead_id == lead.id
    undo(admin, done["id"])
    assert ok(admin.get(f"/api/v1/leads/{lead.id}"))["email"] is None
    assert ok(admin.get(f"/api/v1/leads/{twin.id}"))["email"] == "li@example.com"
    assert ok(admin.get(f"/api/v1/attachments/{attachment}"))["record_id"] == twin.id


def test_undo_is_refused_after_the_undo_days(login_as):
    admin = login_as("admin")
    primary, duplicate = CompanyFactory(name="Acme"), CompanyFactory(name="Acme Ltd")
    done = merge(admin, "companies", primary.id, [duplicate.id])
    assert done["undo_until"] > done["created_at"]
    db.session.execute(
        sa.update(Merge)
        .where(Merge.id == done["id"])
        .values(undo_until=utcnow() - timedelta(minutes=1))
    )
    db.session.commit()
    refused = admin.post(f"/api/v1/merges/{done['id']}/undo")
    assert problem(refused, 409)["code"] == "merge_undo_expired"
    assert problem(admin.get(f"/api/v1/companies/{duplicate.id}"), 404)


def test_who_may_merge(login_as, team):
    east = team(name="East")
    rep = login_as("sales", team=east)
    mate = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    outsider = login_as("sales")
    mine = [CompanyFactory(name="Acme", owner_id=rep.user.id) for _ in range(3)]
    theirs = CompanyFactory(name="Acme", owner_id=mate.user.id)
    unowned = CompanyFactory(name="Acme")

    def post(api, primary, duplicates, **extra):
        body = {"primary_id": primary.id, "duplicate_ids": [d.id for d in duplicates], **extra}
        return api.post("/api/v1/companies/merge", json=body)

    assert problem(post(rep, mine[0], [theirs]), 404)["code"] == "company_not_found"
    assert problem(post(rep, mine[0], [unowned]), 403)["code"] == "merge_not_owner"
    field_errors(post(rep, mine[0], [mine[0]]), "duplicate_ids")
    field_errors(post(rep, mine[0], [mine[1]], values={"size": "huge"}), "values.size")
    field_errors(post(rep, mine[0], [mine[1]], values={"created_at": "x"}), "values.created_at")
    agent = login_as("service")
    assert problem(post(agent, mine[0], [mine[1]]), 403)["code"] == "read_only_role"

    done = run_job(rep, post(rep, mine[0], [mine[1]]))
    assert problem(outsider.get(f"/api/v1/merges/{done['merge_id']}"), 404)["code"] == (
        "merge_not_found"
    )
    assert ok(manager.get(f"/api/v1/merges/{done['merge_id']}"))["primary_id"] == mine[0].id
    run_job(manager, post(manager, theirs, [unowned, mine[2]]))
    assert problem(rep.get(f"/api/v1/companies/{mine[2].id}"), 404)
