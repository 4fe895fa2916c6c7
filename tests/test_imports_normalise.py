"""A test per normalisation rule, through the API: each change is reported on its row as
`{field, rule, before, after}`, and what cannot be read is a problem, never silently fixed."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from crm.extensions import db
from tests.factories import UserFactory
from tests.import_helpers import ok, problems_of, rows, run, upload


def check_one(api, entity: str, header: str, cell: str, **form) -> dict:
    """Dry-run a file of one `name` column plus `header` holding `cell`; answer its row."""
    name_column = "sku" if entity == "products" else "name"
    content = f"{name_column},{header}\nAcme,{cell}\n".encode()
    if entity == "products":
        content = f"name,{header}\nAcme,{cell}\n".encode()
    imp = upload(api, content, "one.csv", entity, **form)
    run(api, imp["id"], "dry-run")
    [row] = rows(api, imp["id"])
    return row


def change(row: dict, field: str) -> tuple:
    found = [(c["rule"], c["before"], c["after"]) for c in row["changes"] if c["field"] == field]
    return found[-1] if found else None


@pytest.mark.parametrize(
    ("entity", "header", "cell", "field", "rule", "after"),
    [
        ("leads", "title", '"  Sales   Manager "', "title", "trim", "Sales Manager"),
        ("leads", "phone", "１３８００１３８０００", "phone", "phone_e164", "+8613800138000"),
        ("leads", "phone", "138 0013 8000", "phone", "phone_e164", "+8613800138000"),
        ("leads", "phone", "+1 (650) 253-0000", "phone", "phone_e164", "+16502530000"),
        ("leads", "email", "Li.Lei@Example.COM", "email", "email_lowercase", "li.lei@example.com"),
        ("leads", "status", "新线索", "status", "enum_synonym", "new"),
        ("leads", "status", "Qualified", "status", "enum_synonym", "qualified"),
        ("leads", "source", "转介绍", "source", "enum_synonym", "referral"),
        ("leads", "source", "Cold Call", "source", "enum_synonym", "cold_call"),
        ("opportunities", "close_date", "2024/1/5", "expected_close_date", "date", "2024-01-05"),
        ("opportunities", "close_date", "05.01.2024", "expected_close_date", "date", "2024-01-05"),
        (
            "opportunities",
            "close_date",
            "2024年1月5日",
            "expected_close_date",
            "date",
            "2024-01-05",
        ),
        ("opportunities", "close_date", "45296", "expected_close_date", "date", "2024-01-05"),
        (
            "opportunities",
            "close_date",
            "2024-01-05 00:00:00",
            "expected_close_date",
            "date",
            "2024-01-05",
        ),
        ("opportunities", "amount", '"1,234.50"', "amount", "amount", "1234.50"),
        ("opportunities", "amount", '"¥1,200"', "amount", "amount", "1200"),
        ("opportunities", "amount", '"￥ 3,000"', "amount", "amount", "3000"),
        ("opportunities", "amount", "1.5万", "amount", "amount", "15000"),
        ("opportunities", "amount", "RMB 300", "amount", "amount", "300"),
        ("opportunities", "amount", "€99", "amount", "amount", "99"),
        ("companies", "employees", "2822", "size", "size_bucket", "1001+"),
        ("companies", "employees", "35", "size", "size_bucket", "11-50"),
        ("companies", "website", "acme.cn", "website", "website_scheme", "https://acme.cn"),
        ("products", "sales_price", "550", "sku", "sku_from_name", "ACME"),
    ],
)
def test_each_rule_reports_its_change(login_as, entity, header, cell, field, rule, after):
    admin = login_as("admin")
    row = check_one(admin, entity, header, cell)
    rule_found, _, after_found = change(row, field)
    assert (rule_found, after_found) == (rule, after), row["changes"]
    assert row["values"][field] == after
    assert row["outcome"] != "error" or ("stage" not in str(row["problems"])), row


def test_full_width_letters_and_digits_become_half_width(login_as):
    admin = login_as("admin")
    row = check_one(admin, "leads", "company", "ＡＣＭＥ　１号")
    assert {
        "field": "company_name",
        "rule": "full_width",
        "before": "ＡＣＭＥ　１号",
        "after": "ACME 1号",
    } in row["changes"]
    assert row["values"]["company_name"] == "ACME 1号"


def test_a_currency_sign_sets_the_currency_and_says_so(login_as):
    admin = login_as("admin")
    row = check_one(admin, "opportunities", "amount", "$1,000")
    assert change(row, "currency") == ("currency", None, "USD")
    assert row["values"]["currency"] == "USD"


@pytest.mark.parametrize(
    ("entity", "header", "cell", "field", "code"),
    [
        ("leads", "phone", "12345", "phone", "invalid_phone"),
        ("leads", "email", "not-an-email", "email", "invalid_email"),
        ("leads", "status", "maybe", "status", "invalid_choice"),
        ("opportunities", "close_date", "next week", "expected_close_date", "invalid_date"),
        ("opportunities", "amount", "a lot", "amount", "invalid_number"),
        ("companies", "website", "not a site", "website", "invalid_url"),
        ("leads", "owner", "nobody@example.com", "owner", "unknown_reference"),
        ("contacts", "company", "No Such Co", "company", "unknown_reference"),
        ("opportunities", "product", "Nothing", "product", "unknown_reference"),
    ],
)
def test_what_cannot_be_read_is_an_error_row(login_as, entity, header, cell, field, code):
    admin = login_as("admin")
    row = check_one(admin, entity, header, cell)
    assert row["outcome"] == "error"
    assert (field, code) in problems_of(row)
    assert row["original"][header] == cell


def test_references_by_name_email_and_sku(login_as):
    admin = login_as("admin")
    UserFactory(name="Anna Snelling", email="anna@example.com", role="sales")
    db.session.commit()
    ok(admin.post("/api/v1/companies", json={"name": "Cancity"}), 201)
    product = ok(
        admin.post(
            "/api/v1/products", json={"sku": "GTX-1", "name": "GTX Basic", "price": "550.00"}
        ),
        201,
    )
    content = (
        "name,owner,company,product,stage,amount\n"
        "A,Anna Snelling,cancity,GTX Basic,赢单,100\n"
        "B,ANNA@example.com,Cancity,gtx-1,输单,0\n"
    ).encode()
    ok(admin.post("/api/v1/pipelines", json={"template": "services"}), 201)
    imp = upload(admin, content, "deals.csv", "opportunities")
    run(admin, imp["id"], "commit")
    first, second = rows(admin, imp["id"])
    assert first["outcome"] == second["outcome"] == "created", (first, second)
    assert first["values"]["product_id"] == second["values"]["product_id"] == product["id"]
    won = ok(admin.get(f"/api/v1/opportunities/{first['record_id']}"))
    lost = ok(admin.get(f"/api/v1/opportunities/{second['record_id']}"))
    assert (won["status"], lost["status"]) == ("won", "lost")
    assert won["owner_name"] == lost["owner_name"] == "Anna Snelling"
    assert won["company_name"] == "Cancity"
    assert [line["product_id"] for line in won["lines"]] == [product["id"]]


def test_spelling_variants_are_flagged_and_kept(login_as):
    admin = login_as("admin")
    ok(
        admin.post(
            "/api/v1/products", json={"sku": "GTX-PRO", "name": "GTX Pro", "price": "4821.00"}
        ),
        201,
    )
    row = check_one(admin, "companies", "sector", "technolgy")
    assert row["outcome"] == "created" and row["values"]["industry"] == "technolgy"
    assert ("industry", "spelling_variant") in problems_of(row)
    assert "technology" in row["problems"][0]["message"]
    row = check_one(admin, "opportunities", "product", "GTXPro")
    assert {("product", "unknown_reference"), ("product", "spelling_variant")} <= problems_of(row)
    assert row["outcome"] == "error"


def test_excel_dates_and_numbers_read_as_the_same_values(login_as):
    admin = login_as("admin")
    from datetime import datetime

    book = Workbook()
    sheet = book.active
    sheet.title = "Deals"
    book.create_sheet("Other")
    sheet.append(["名称", "金额", "成交日期"])
    sheet.append(["A", 1234.5, datetime(2024, 1, 5)])
    out = io.BytesIO()
    book.save(out)
    imp = upload(admin, out.getvalue(), "deals.xlsx", "opportunities")
    assert imp["sheets"] == ["Deals", "Other"] and imp["sheet"] == "Deals"
    assert imp["encoding"] is None
    run(admin, imp["id"], "dry-run")
    [row] = rows(admin, imp["id"])
    assert row["values"]["amount"] == "1234.5"
    assert row["values"]["expected_close_date"] == "2024-01-05"


def test_row_problems_answer_in_the_callers_language(login_as):
    admin = login_as("admin")
    imp = upload(admin, "name,company\nA,无此公司\n".encode(), "c.csv", "contacts")
    run(admin, imp["id"], "dry-run")
    path = f"/api/v1/imports/{imp['id']}/rows"
    [row] = ok(admin.get(path, headers={"Accept-Language": "zh-CN"}))["items"]
    assert row["problems"][0]["message"] == "没有名为 无此公司 的公司。"
    [row] = ok(admin.get(path, headers={"Accept-Language": "en-US"}))["items"]
    assert row["problems"][0]["message"] == "No company named 无此公司."
