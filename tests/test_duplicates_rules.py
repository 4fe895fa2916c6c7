"""Duplicate rules, one test each, through `GET /api/v1/duplicates/check`: same email
(lowercased), same phone (E.164, typed any way), company names alike once legal forms are
removed (Chinese and English), leads by company and person name; only records you may see."""

from __future__ import annotations

import pytest

from crm.core.dedupe import company_name_key
from tests.factories import CompanyFactory, ContactFactory, LeadFactory
from tests.sales_helpers import ok

CHECK = "/api/v1/duplicates/check"


def check(api, **params) -> list[dict]:
    return ok(api.get(CHECK, query_string=params))["items"]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("上海华为技术有限公司", "上海华为技术"),
        ("上海华为技术股份有限公司", "上海华为技术"),
        ("华为技术有限责任公司", "华为技术"),
        ("无锡水务集团", "无锡水务"),
        ("无锡水务集团有限公司", "无锡水务"),
        ("Acme Co., Ltd.", "acme"),
        ("ACME  Inc", "acme"),
        ("Acme Corporation", "acme"),
        ("Müller GmbH", "müller"),
        ("Acme LLC", "acme"),
        ("Ａｃｍｅ　Ｌｉｍｉｔｅｄ", "acme"),
        ("Limited", "limited"),
        ("", ""),
    ],
)
def test_company_name_key_removes_legal_forms_case_width_and_punctuation(name, key):
    assert company_name_key(name) == key


def test_contacts_with_the_same_email_in_another_case(login_as):
    admin = login_as("admin")
    same = ContactFactory(name="Wang Jianguo", email="Wang.JG@Example.com")
    ContactFactory(name="Other", email="other@example.com")
    items = check(admin, entity="contacts", email=" wang.jg@example.COM ")
    assert items == [{"id": same.id, "label": "Wang Jianguo", "rule": "email", "score": 100}]


def test_leads_and_contacts_with_the_same_phone_typed_another_way(login_as):
    admin = login_as("admin")
    contact = ContactFactory(name="王建国", phone="+8613800138000")
    lead = LeadFactory(name="李雷", company_name=None, phone="+8613800138000")
    CompanyFactory(name="Other", phone="+8613900139000")
    assert check(admin, entity="contacts", phone="138 0013 8000") == [
        {"id": contact.id, "label": "王建国", "rule": "phone", "score": 100}
    ]
    assert check(admin, entity="leads", phone="+86 138-0013-8000") == [
        {"id": lead.id, "label": "李雷", "rule": "phone", "score": 100}
    ]


def test_companies_alike_once_chinese_legal_forms_are_removed(login_as):
    admin = login_as("admin")
    company = CompanyFactory(name="上海华为技术有限公司")
    CompanyFactory(name="北京华为技术有限公司")
    CompanyFactory(name="上海中兴通讯股份有限公司")
    items = check(admin, entity="companies", name="上海华为技术股份有限公司")
    assert items == [
        {"id": company.id, "label": "上海华为技术有限公司", "rule": "name", "score": 100}
    ]


def test_companies_alike_in_english_with_a_typo_above_the_threshold(login_as):
    admin = login_as("admin")
    acme = CompanyFactory(name="Acme Industrial Co., Ltd.")
    CompanyFactory(name="Acme Logistics Inc")
    CompanyFactory(name="Zenith Industrial Ltd")
    items = check(admin, entity="companies", name="ACME Industrail Limited")
    assert [(i["id"], i["rule"]) for i in items] == [(acme.id, "name")]
    assert 90 <= items[0]["score"] < 100


def test_the_name_threshold_is_a_setting(login_as, app):
    admin = login_as("admin")
    CompanyFactory(name="Acme Industrial Co., Ltd.")
    before = app.config["DUPLICATE_NAME_THRESHOLD"]
    app.config["DUPLICATE_NAME_THRESHOLD"] = 100
    try:
        assert check(admin, entity="companies", name="ACME Industrail Limited") == []
        assert len(check(admin, entity="companies", name="ACME Industrial Limited")) == 1
    finally:
        app.config["DUPLICATE_NAME_THRESHOLD"] = before


def test_companies_with_the_same_phone(login_as):
    admin = login_as("admin")
    company = CompanyFactory(name="Suzhou Valve Works", phone="+8651212345678")
    items = check(admin, entity="companies", name="Different name", phone="0512 1234 5678")
    assert items == [
        {"id": company.id, "label": "Suzhou Valve Works", "rule": "phone", "score": 100}
    ]


def test_leads_alike_need_both_company_and_person_names(login_as):
    admin = login_as("admin")
    lead = LeadFactory(name="Wang Jianguo", company_name="无锡水务集团有限公司")
    LeadFactory(name="Li Lei", company_name="无锡水务集团")
    items = check(admin, entity="leads", name="wang  jianguo", company_name="无锡水务集团")
    assert items == [
        {
            "id": lead.id,
            "label": "Wang Jianguo (无锡水务集团有限公司)",
            "rule": "name",
            "score": 100,
        }
    ]


def test_contacts_are_not_compared_by_name(login_as):
    admin = login_as("admin")
    ContactFactory(name="Wang Jianguo")
    assert check(admin, entity="contacts", name="Wang Jianguo") == []


def test_only_records_you_may_see_and_not_the_excluded_one(login_as):
    rep = login_as("sales")
    other = login_as("sales")
    mine = ContactFactory(name="Mine", email="same@example.com", owner_id=rep.user.id)
    ContactFactory(name="Theirs", email="same@example.com", owner_id=other.user.id)
    unowned = ContactFactory(name="Nobody's", email="SAME@example.com")
    deleted = ContactFactory(name="Gone", email="same@example.com", owner_id=rep.user.id)
    assert rep.delete(f"/api/v1/contacts/{deleted.id}").status_code == 204
    items = check(rep, entity="contacts", email="same@example.com")
    assert [i["id"] for i in items] == [mine.id, unowned.id]
    assert check(rep, entity="contacts", email="same@example.com", exclude_id=mine.id) == [
        {"id": unowned.id, "label": "Nobody's", "rule": "email", "score": 100}
    ]


def test_a_wrong_entity_is_refused(login_as):
    admin = login_as("admin")
    response = admin.get(CHECK, query_string={"entity": "tickets", "name": "x"})
    assert response.status_code == 422


def test_a_lead_among_many_of_the_same_company_is_found(login_as):
    admin = login_as("admin")
    for n in range(40):
        LeadFactory(name=f"Person {n:02d}", company_name="华为技术有限公司")
    for n in range(40):
        LeadFactory(name=f"Zhao {n:02d}", company_name="华为技术有限公司")
    wang = LeadFactory(name="Wang Jianguo", company_name="华为技术有限公司")
    items = check(admin, entity="leads", name="wang jianguo", company_name="华为技术")
    assert [(i["id"], i["rule"]) for i in items] == [(wang.id, "name")]
