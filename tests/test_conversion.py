"""Lead conversion through the HTTP API: company, contact and opportunity in one transaction,
all or nothing; converting twice; who owns what; scoping; and the suggestions of existing
companies and contacts."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from crm.customers.models import Company, Contact
from crm.extensions import db as _db
from crm.sales.models import Lead
from crm.sales.pipeline import opportunities as opportunity_services
from crm.sales.pipeline.models import Opportunity, StageChange
from tests.factories import CompanyFactory, ContactFactory
from tests.sales_helpers import (
    EVENTS,
    LEADS,
    OPPORTUNITIES,
    audit_events,
    field_errors,
    make_pipeline,
    ok,
    patch,
    problem,
    stage_named,
    two_teams,
)


@pytest.fixture
def pipeline(db):
    return make_pipeline("manufacturing")


def li_nas_lead(make_lead, owner_id, **fields):
    values = {
        "name": "王建国",
        "company_name": "无锡水务集团",
        "title": "采购经理",
        "email": "wang.jg@wuxi-water.cn",
        "phone": "+8613800138000",
        "status": "qualified",
        "owner_id": owner_id,
    }
    return make_lead(**{**values, **fields})


def convert(api, lead_id, body=None, **kwargs):
    return api.post(f"{LEADS}/{lead_id}/convert", json=body or {}, **kwargs)


def counts() -> tuple[int, int, int, int]:
    """Companies, contacts, opportunities and stage changes in the database."""
    _db.session.expire_all()
    return tuple(
        _db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (Company, Contact, Opportunity, StageChange)
    )


def lead_row(lead_id: int) -> Lead:
    _db.session.expire_all()
    return _db.session.get(Lead, lead_id)


# --- converting ---------------------------------------------------------------------------


def test_li_na_converts_a_lead_into_company_contact_and_opportunity(login_as, make_lead, pipeline):
    li_na = login_as("sales")
    lead = li_nas_lead(make_lead, li_na.user.id)
    quotation = stage_named(pipeline, "Quotation")
    body = {
        "opportunity": {
            "name": "QW pumps for the Taihu plant",
            "amount": "120000",
            "pipeline_id": pipeline.id,
            "stage_id": quotation.id,
        }
    }
    result = ok(convert(li_na, lead.id, body))
    assert set(result) == {"lead", "company", "contact", "opportunity"}

    company, contact, opportunity = result["company"], result["contact"], result["opportunity"]
    assert (company["name"], company["phone"], company["owner_id"]) == (
        "无锡水务集团",
        "+8613800138000",
        li_na.user.id,
    )
    assert (contact["name"], contact["title"], contact["email"], contact["phone"]) == (
        "王建国",
        "采购经理",
        "wang.jg@wuxi-water.cn",
        "+8613800138000",
    )
    assert contact["company_id"] == company["id"]
    assert opportunity["stage_id"] == quotation.id and opportunity["amount"] == "120000.00"
    assert (opportunity["lead_id"], opportunity["company_id"], opportunity["contact_id"]) == (
        lead.id,
        company["id"],
        contact["id"],
    )
    assert opportunity["owner_id"] == li_na.user.id

    converted = result["lead"]
    assert converted["status"] == "converted" and converted["converted_at"]
    assert (
        converted["converted_company_id"],
        converted["converted_contact_id"],
        converted["converted_opportunity_id"],
    ) == (company["id"], contact["id"], opportunity["id"])
    assert ok(li_na.get(f"{LEADS}/{lead.id}")) == converted
    assert ok(li_na.get(f"/api/v1/companies/{company['id']}"))["name"] == "无锡水务集团"
    assert ok(li_na.get(f"{OPPORTUNITIES}/{opportunity['id']}")) == opportunity

    # She drags it to Negotiation on the board.
    negotiation = stage_named(pipeline, "Negotiation").id
    path = f"{OPPORTUNITIES}/{opportunity['id']}"
    assert ok(patch(li_na, path, {"stage_id": negotiation}))["probability"] == 70

    admin = login_as("admin")
    [event] = audit_events(admin, "lead", lead.id)
    assert event["action"] == "convert" and event["actor_id"] == li_na.user.id
    assert event["changes"]["status"] == {"old": "qualified", "new": "converted"}
    for entity, record in (("company", company), ("contact", contact)):
        assert [e["action"] for e in audit_events(admin, entity, record["id"])] == ["create"]


def test_without_an_opportunity_the_answer_says_null(login_as, make_lead, pipeline):
    rep = login_as("sales")
    lead = li_nas_lead(make_lead, rep.user.id)
    result = ok(convert(rep, lead.id))
    assert result["opportunity"] is None
    assert result["lead"]["converted_opportunity_id"] is None
    assert counts() == (1, 1, 0, 0)


def test_the_opportunity_defaults_to_the_first_open_stage(login_as, make_lead, pipeline):
    rep = login_as("sales")
    lead = li_nas_lead(make_lead, rep.user.id)
    body = {"opportunity": {"name": "Spare parts", "pipeline_id": pipeline.id}}
    opportunity = ok(convert(rep, lead.id, body))["opportunity"]
    assert opportunity["stage_id"] == stage_named(pipeline, "Inquiry").id
    assert opportunity["amount"] == "0.00"


def test_existing_company_and_contact_are_linked_not_duplicated(login_as, make_lead, pipeline):
    rep = login_as("sales")
    company = CompanyFactory(name="Wuxi Water Group", owner_id=rep.user.id)
    contact = ContactFactory(name="Wang Jianguo", company_id=company.id, owner_id=None)
    lead = li_nas_lead(make_lead, rep.user.id)
    result = ok(convert(rep, lead.id, {"company_id": company.id, "contact_id": contact.id}))
    assert (result["company"]["id"], result["contact"]["id"]) == (company.id, contact.id)
    assert counts() == (1, 1, 0, 0)

    # A contact alone brings its company along.
    second = li_nas_lead(make_lead, rep.user.id, email="other@wuxi-water.cn")
    result = ok(convert(rep, second.id, {"contact_id": contact.id}))
    assert result["company"]["id"] == company.id
    # A company alone gets a new contact from the lead, in that company.
    third = li_nas_lead(make_lead, rep.user.id, name="Zhou Min")
    result = ok(convert(rep, third.id, {"company_id": company.id}))
    assert result["contact"]["name"] == "Zhou Min"
    assert result["contact"]["company_id"] == company.id
    assert counts() == (1, 2, 0, 0)


def test_converting_twice_is_409_and_creates_nothing_more(login_as, make_lead, pipeline):
    rep = login_as("sales")
    lead = li_nas_lead(make_lead, rep.user.id)
    body = {"opportunity": {"name": "Deal", "pipeline_id": pipeline.id}}
    first = ok(convert(rep, lead.id, body))
    before = counts()
    body409 = problem(convert(rep, lead.id, body), 409)
    assert "converted" in body409["detail"]
    assert counts() == before
    assert ok(rep.get(f"{LEADS}/{lead.id}")) == first["lead"]
    # Nor can it be un-converted by editing it.
    path = f"{LEADS}/{lead.id}"
    problem(patch(rep, path, {"status": "qualified"}), 409)
    for field in ("converted_at", "converted_company_id", "converted_opportunity_id"):
        field_errors(patch(rep, path, {field: None}), field)
    assert ok(patch(rep, path, {"description": "Converted at the fair"}))["status"] == "converted"


def test_if_match_is_honoured_when_sent(login_as, make_lead, pipeline):
    rep = login_as("sales")
    lead = li_nas_lead(make_lead, rep.user.id)
    stale = rep.get(f"{LEADS}/{lead.id}").headers["ETag"]
    ok(patch(rep, f"{LEADS}/{lead.id}", {"description": "changed"}))
    problem(convert(rep, lead.id, headers={"If-Match": stale}), 412)
    assert counts() == (0, 0, 0, 0)
    current = rep.get(f"{LEADS}/{lead.id}").headers["ETag"]
    ok(convert(rep, lead.id, headers={"If-Match": current}))


# --- all or nothing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opportunity", "field"),
    [
        ({"name": "Deal", "pipeline_id": 2147483000}, "opportunity.pipeline_id"),
        ({"name": "Deal", "stage_id": 2147483000}, "opportunity.stage_id"),
        ({"name": "Deal", "pipeline_id": "other", "stage_id": "inquiry"}, "opportunity.stage_id"),
        ({"name": "Deal", "stage_id": "archived"}, "opportunity.stage_id"),
    ],
)
def test_a_failure_after_the_company_was_added_leaves_nothing_behind(
    login_as, make_lead, pipeline, opportunity, field
):
    """The company and contact are added (and flushed) before the opportunity fails."""
    rep = login_as("sales")
    admin = login_as("admin")
    services = make_pipeline("services", default=False)
    ids = {"other": services.id, "inquiry": stage_named(pipeline, "Inquiry").id}
    sample = stage_named(pipeline, "Sample")
    ok(admin.delete(f"/api/v1/pipelines/{pipeline.id}/stages/{sample.id}"))
    ids["archived"] = sample.id
    opportunity = {k: ids.get(v, v) if k != "name" else v for k, v in opportunity.items()}
    lead = li_nas_lead(make_lead, rep.user.id)
    before = ok(rep.get(f"{LEADS}/{lead.id}"))

    field_errors(convert(rep, lead.id, {"opportunity": opportunity}), field)
    assert counts() == (0, 0, 0, 0)
    assert ok(rep.get(f"{LEADS}/{lead.id}")) == before
    assert lead_row(lead.id).converted_company_id is None
    for entity in ("company", "contact", "opportunity"):
        assert ok(admin.get(EVENTS, query_string={"entity": entity}))["items"] == []
    assert [e for e in audit_events(admin, "lead", lead.id) if e["action"] == "convert"] == []
    # Fixed, the same request goes through.
    ok(convert(rep, lead.id, {"opportunity": {"name": "Deal", "pipeline_id": pipeline.id}}))
    assert counts() == (1, 1, 1, 1)


def test_an_unexpected_error_half_way_rolls_everything_back(
    login_as, make_lead, pipeline, monkeypatch
):
    rep = login_as("sales")
    lead = li_nas_lead(make_lead, rep.user.id)
    real = opportunity_services.create_opportunity

    def add_then_fail(*args, **kwargs):
        real(*args, **kwargs)  # the opportunity is flushed too
        raise RuntimeError("database went away")

    monkeypatch.setattr(opportunity_services, "create_opportunity", add_then_fail)
    body = {"opportunity": {"name": "Deal", "pipeline_id": pipeline.id}}
    response = convert(rep, lead.id, body)
    problem(response, 500)
    assert counts() == (0, 0, 0, 0)
    assert lead_row(lead.id).status == "qualified"


def test_invalid_bodies_change_nothing(login_as, make_lead, pipeline):
    rep = login_as("sales")
    lead = li_nas_lead(make_lead, rep.user.id)
    for body, field in (
        ({"opportunity": {"name": "Deal", "amount": "1.001"}}, "opportunity.amount"),
        ({"opportunity": {"name": "Deal", "amount": "NaN"}}, "opportunity.amount"),
        ({"opportunity": {"amount": "10"}}, "opportunity.name"),
        ({"opportunity": {"name": "Deal", "owner_id": rep.user.id}}, "opportunity.owner_id"),
        ({"company_id": "1"}, "company_id"),
        ({"status": "converted"}, "status"),
        ({"company_id": 2147483000}, "company_id"),
        ({"contact_id": 2147483000}, "contact_id"),
    ):
        field_errors(convert(rep, lead.id, body), field)
    assert counts() == (0, 0, 0, 0)
    assert lead_row(lead.id).status == "qualified"


def test_a_lead_without_a_company_name_needs_a_company(login_as, make_lead, pipeline):
    rep = login_as("sales")
    lead = li_nas_lead(make_lead, rep.user.id, company_name=None)
    field_errors(convert(rep, lead.id), "company_id")
    assert counts() == (0, 0, 0, 0)
    company = CompanyFactory(owner_id=rep.user.id)
    assert ok(convert(rep, lead.id, {"company_id": company.id}))["company"]["id"] == company.id


# --- ownership and scoping ----------------------------------------------------------------


def test_new_records_belong_to_the_leads_owner(login_as, team, make_lead, pipeline):
    users = two_teams(login_as, team)
    rep, manager, admin = users["a"], users["m"], users["admin"]
    lead = li_nas_lead(make_lead, rep.user.id)
    body = {"opportunity": {"name": "Deal", "pipeline_id": pipeline.id}}
    result = ok(convert(manager, lead.id, body))
    for record in ("company", "contact", "opportunity"):
        assert result[record]["owner_id"] == rep.user.id, record
    assert ok(rep.get(f"{OPPORTUNITIES}/{result['opportunity']['id']}"))

    unassigned = li_nas_lead(make_lead, None, company_name="Free Co")
    result = ok(convert(rep, unassigned.id, body))
    assert {result[r]["owner_id"] for r in ("company", "contact", "opportunity")} == {rep.user.id}
    west_lead = li_nas_lead(make_lead, users["b"].user.id, company_name="West Co")
    result = ok(convert(admin, west_lead.id, body))
    assert result["opportunity"]["owner_id"] == users["b"].user.id


def test_conversion_is_scoped_like_the_lead(login_as, team, make_lead, pipeline):
    users = two_teams(login_as, team)
    east_lead = li_nas_lead(make_lead, users["a"].user.id)
    west_company = CompanyFactory(owner_id=users["b"].user.id)
    for who in ("b", "mw", "a2"):
        problem(convert(users[who], east_lead.id), 404)
        problem(users[who].get(f"{LEADS}/{east_lead.id}/conversion-suggestions"), 404)
    problem(convert(users["service"], east_lead.id), 403)
    # Another team's company is no company at all for this rep.
    field_errors(convert(users["a"], east_lead.id, {"company_id": west_company.id}), "company_id")
    problem(convert(users["a"], 2147483000), 404)
    assert counts() == (1, 0, 0, 0)
    assert lead_row(east_lead.id).status == "qualified"


# --- suggestions --------------------------------------------------------------------------


def test_suggestions_match_company_name_email_and_phone_within_scope(
    login_as, team, make_lead, pipeline
):
    users = two_teams(login_as, team)
    rep = users["a"]
    same_name = CompanyFactory(name=" 无锡水务集团 ", owner_id=rep.user.id)
    same_phone = CompanyFactory(name="Wuxi Water", phone="+8613800138000", owner_id=None)
    CompanyFactory(name="Unrelated Ltd", owner_id=rep.user.id)
    hidden = CompanyFactory(name="无锡水务集团", owner_id=users["b"].user.id)
    by_email = ContactFactory(name="W", email="WANG.JG@wuxi-water.cn", owner_id=rep.user.id)
    by_phone = ContactFactory(name="W2", phone="+8613800138000", owner_id=rep.user.id)
    ContactFactory(name="W3", email="someone@else.cn", owner_id=rep.user.id)
    lead = li_nas_lead(make_lead, rep.user.id)

    suggestions = ok(rep.get(f"{LEADS}/{lead.id}/conversion-suggestions"))
    assert {c["id"] for c in suggestions["companies"]} == {same_name.id, same_phone.id}
    assert {c["id"] for c in suggestions["contacts"]} == {by_email.id, by_phone.id}
    admin_view = ok(users["admin"].get(f"{LEADS}/{lead.id}/conversion-suggestions"))
    assert hidden.id in {c["id"] for c in admin_view["companies"]}
    service_view = ok(users["service"].get(f"{LEADS}/{lead.id}/conversion-suggestions"))
    assert service_view == admin_view

    bare = make_lead(name="Nobody", owner_id=rep.user.id, company_name=None)
    assert ok(rep.get(f"{LEADS}/{bare.id}/conversion-suggestions")) == {
        "companies": [],
        "contacts": [],
    }
