"""Imports through the API: upload, mapping, dry-run, commit, the report, revert, who may."""

from __future__ import annotations

from tests.import_helpers import IMPORTS, ok, problems_of, put_mapping, rows, run, upload

LEADS_CSV = (
    "姓名,公司名称,手机,邮箱,状态,备注\n"
    "张三, 华为  技术 ,138 0013 8000,ZHANG@Example.com,新线索,=cmd()\n"
    "李四,阿里巴巴,13900139000,li@example.com,已联系,\n"
    "王五,腾讯,not a phone,wang@example.com,合格,\n"
    "张三二,华为,13800138000,zhang2@example.com,new,\n"
).encode()


def test_upload_proposes_a_mapping_and_samples(login_as):
    admin = login_as("admin")
    imp = upload(admin, LEADS_CSV, "leads.csv", "leads")
    assert imp["encoding"] == "utf-8" and imp["delimiter"] == ","
    assert imp["row_count"] == 4 and imp["status"] == "uploaded"
    assert imp["mapping"] == {
        "姓名": "name",
        "公司名称": "company_name",
        "手机": "phone",
        "邮箱": "email",
        "状态": "status",
        "备注": "description",
    }
    assert imp["samples"][0]["姓名"] == "张三"
    assert {"name": "name", "required": True} in imp["fields"]
    assert imp["created_by"] == {"id": admin.user.id, "name": admin.user.name}


def test_dry_run_then_commit_then_revert(login_as):
    admin = login_as("admin")
    imp = upload(admin, LEADS_CSV, "leads.csv", "leads")
    checked = run(admin, imp["id"], "dry-run")
    assert checked["status"] == "checked"
    assert checked["counts"]["created"] == 2
    assert checked["counts"]["error"] == 1, rows(admin, imp["id"], "error")
    assert checked["counts"]["duplicate"] == 1
    [error] = rows(admin, imp["id"], "error")
    assert ("phone", "invalid_phone") in problems_of(error)
    [dup] = rows(admin, imp["id"], "duplicate")
    assert dup["row_number"] == 4 and ("phone", "duplicate_in_file") in problems_of(dup)
    assert ok(admin.get("/api/v1/leads"))["items"] == []

    done = run(admin, imp["id"], "commit")
    assert done["status"] == "imported" and done["counts"]["created"] == 2
    first = rows(admin, imp["id"])[0]
    assert first["values"]["phone"] == "+8613800138000"
    assert {
        "field": "company_name",
        "rule": "trim",
        "before": " 华为  技术 ",
        "after": "华为 技术",
    } in first["changes"]
    lead = ok(admin.get(f"/api/v1/leads/{first['record_id']}"))
    assert lead["email"] == "zhang@example.com" and lead["status"] == "new"

    report = admin.get(f"{IMPORTS}/{imp['id']}/rows.csv")
    text = report.get_data().decode("utf-8")
    assert text.startswith("\ufeff")
    assert "'=cmd()" in text and "invalid" not in text.splitlines()[0]

    reverted = run(admin, imp["id"], "revert")
    assert reverted["status"] == "reverted"
    assert ok(admin.get("/api/v1/leads"))["items"] == []


def test_sales_reps_import_customers_only(login_as):
    rep = login_as("sales")
    response = rep.post(
        IMPORTS,
        data={"entity": "products", "file": (__import__("io").BytesIO(b"name\nx\n"), "p.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 403


def test_match_on_external_id_needs_an_entity_with_one(login_as):
    admin = login_as("admin")
    imp = upload(admin, LEADS_CSV, "leads.csv", "leads")
    body = put_mapping(
        admin, imp["id"], {"mapping": imp["mapping"], "match_on": "external_id"}, 422
    )
    assert body["code"] == "external_id_unsupported"
