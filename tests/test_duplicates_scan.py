"""The duplicate scan (a job) stores groups; `GET /duplicates` lists them with the records the
user may see; "not a duplicate" hides a pair for good."""

from __future__ import annotations

from tests.factories import CompanyFactory, ContactFactory, LeadFactory
from tests.helpers import field_errors, problem
from tests.sales_helpers import ok

DUPLICATES = "/api/v1/duplicates"


def scan(api, entity: str) -> dict:
    started = ok(api.post(f"{DUPLICATES}/scan", query_string={"entity": entity}), 202)
    job = ok(api.get(f"/api/v1/jobs/{started['id']}"))
    assert job["status"] == "succeeded", job
    return job


def groups(api, entity: str, **params) -> dict:
    return ok(api.get(DUPLICATES, query_string={"entity": entity, **params}))


def test_a_scan_groups_companies_by_name_and_phone(login_as):
    admin = login_as("admin")
    a = CompanyFactory(name="上海华为技术有限公司")
    b = CompanyFactory(name="上海华为技术股份有限公司")
    c = CompanyFactory(name="Acme Industrial Co., Ltd.", phone="+8651212345678")
    d = CompanyFactory(name="ACME Industrail Limited")
    e = CompanyFactory(name="Zenith", phone="+8651212345678")
    CompanyFactory(name="Unrelated Works")
    job = scan(admin, "companies")
    assert job["result"] == {"entity": "companies", "groups": 3}
    found = groups(admin, "companies")
    assert found["next_cursor"] is None
    by_members = {tuple(r["id"] for r in g["records"]): g for g in found["items"]}
    assert set(by_members) == {(c.id, e.id), (c.id, d.id), (a.id, b.id)}
    assert by_members[(a.id, b.id)]["rule"] == "name"
    assert by_members[(a.id, b.id)]["score"] == 100
    assert 90 <= by_members[(c.id, d.id)]["score"] < 100
    assert by_members[(c.id, e.id)]["rule"] == "phone"
    record = by_members[(c.id, e.id)]["records"][0]
    assert set(record) == {"id", "label", "email", "phone", "owner", "created_at"}
    assert (record["label"], record["email"], record["phone"]) == (
        "Acme Industrial Co., Ltd.",
        None,
        "+8651212345678",
    )


def test_a_scan_groups_contacts_by_email_whatever_the_case_and_leads_by_names(login_as):
    admin = login_as("admin")
    a = ContactFactory(name="Wang", email="Wang@Example.com")
    b = ContactFactory(name="Wang J.", email="wang@example.com")
    ContactFactory(name="Li", email="li@example.com")
    scan(admin, "contacts")
    [group] = groups(admin, "contacts")["items"]
    assert (group["rule"], [r["id"] for r in group["records"]]) == ("email", [a.id, b.id])

    x = LeadFactory(name="Wang Jianguo", company_name="无锡水务集团")
    y = LeadFactory(name="wang jianguo", company_name="无锡水务集团有限公司")
    LeadFactory(name="Li Lei", company_name="无锡水务集团")
    scan(admin, "leads")
    [group] = groups(admin, "leads")["items"]
    assert (group["rule"], [r["id"] for r in group["records"]]) == ("name", [x.id, y.id])


def test_groups_show_only_what_the_user_may_see_and_page(login_as):
    admin = login_as("admin")
    rep = login_as("sales")
    other = login_as("sales")
    for n in range(3):
        ContactFactory(name=f"A{n}", email=f"a{n}@example.com", owner_id=rep.user.id)
        ContactFactory(name=f"B{n}", email=f"A{n}@example.com", owner_id=rep.user.id)
    ContactFactory(name="Theirs 1", email="t@example.com", owner_id=other.user.id)
    ContactFactory(name="Theirs 2", email="t@example.com", owner_id=other.user.id)
    scan(rep, "contacts")
    assert len(groups(admin, "contacts")["items"]) == 4
    first = groups(rep, "contacts", limit=2)
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = groups(rep, "contacts", limit=2, cursor=first["next_cursor"])
    assert len(second["items"]) == 1 and second["next_cursor"] is None
    names = {r["label"] for g in first["items"] + second["items"] for r in g["records"]}
    assert "Theirs 1" not in names


def test_a_pair_marked_not_a_duplicate_is_not_shown_again(login_as):
    rep = login_as("sales")
    a = CompanyFactory(name="Acme Co., Ltd.", owner_id=rep.user.id)
    b = CompanyFactory(name="ACME Inc", owner_id=rep.user.id)
    scan(rep, "companies")
    assert len(groups(rep, "companies")["items"]) == 1
    response = rep.post(f"{DUPLICATES}/dismiss", json={"entity": "companies", "ids": [b.id, a.id]})
    assert response.status_code == 204
    assert groups(rep, "companies")["items"] == []
    scan(rep, "companies")
    assert groups(rep, "companies")["items"] == []
    again = rep.post(f"{DUPLICATES}/dismiss", json={"entity": "companies", "ids": [a.id, b.id]})
    assert again.status_code == 204


def test_dismiss_refuses_records_you_cannot_see_and_readers(login_as):
    rep = login_as("sales")
    other = login_as("sales")
    mine = CompanyFactory(name="Acme", owner_id=rep.user.id)
    theirs = CompanyFactory(name="Acme", owner_id=other.user.id)
    body = {"entity": "companies", "ids": [mine.id, theirs.id]}
    field_errors(rep.post(f"{DUPLICATES}/dismiss", json=body), "ids")
    field_errors(rep.post(f"{DUPLICATES}/dismiss", json={"entity": "companies", "ids": [1]}), "ids")
    agent = login_as("service")
    assert problem(agent.post(f"{DUPLICATES}/dismiss", json=body), 403)["code"] == "read_only_role"
    assert problem(agent.post(f"{DUPLICATES}/scan?entity=leads"), 403)["code"] == "read_only_role"


def test_a_scan_in_small_batches_finds_the_same_groups(login_as, monkeypatch):
    """Each batch is committed with its checkpoint and the next one resumes from it (the run of
    alike names being built is carried over)."""
    from crm.imports.duplicates import scan as scan_module

    admin = login_as("admin")
    names = ["Acme Co., Ltd.", "ACME Inc", "Acme GmbH", "Beta", "Gamma Ltd", "GAMMA Limited"]
    ids = [
        CompanyFactory(name=name, phone="+8651212345678" if n < 3 else None).id
        for n, name in enumerate(names)
    ]
    scan(admin, "companies")
    whole = sorted(
        (g["rule"], tuple(r["id"] for r in g["records"]))
        for g in groups(admin, "companies")["items"]
    )
    monkeypatch.setattr(scan_module, "BATCH", 1)
    job = scan(admin, "companies")
    assert job["result"]["groups"] == len(whole) == 3
    batched = sorted(
        (g["rule"], tuple(r["id"] for r in g["records"]))
        for g in groups(admin, "companies")["items"]
    )
    assert batched == whole
    assert ("name", tuple(ids[:3])) in whole and ("name", tuple(ids[4:])) in whole
