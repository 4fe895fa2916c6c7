"""Reading uploaded files: encodings, delimiters, workbooks, limits, and files that cannot be
read (a clear problem+json, never a 500)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from tests.import_helpers import IMPORTS, ok, problems_of, rows, run, upload

ROWS = "姓名,手机,邮箱\n张三,13800138000,zhang@example.com\n李四,13900139000,li@example.com\n"


def post(api, content: bytes, name: str = "f.csv", **form):
    data = {"entity": "leads", **form, "file": (io.BytesIO(content), name)}
    return api.post(IMPORTS, data=data, content_type="multipart/form-data")


@pytest.mark.parametrize(
    ("content", "encoding", "delimiter"),
    [
        (ROWS.encode("utf-8"), "utf-8", ","),
        (ROWS.encode("utf-8-sig"), "utf-8-sig", ","),
        (ROWS.encode("gbk"), "gb18030", ","),
        (ROWS.encode("gb18030"), "gb18030", ","),
        (ROWS.replace(",", ";").encode(), "utf-8", ";"),
        (ROWS.replace(",", "\t").encode(), "utf-8", "\t"),
    ],
)
def test_csv_encodings_and_delimiters_are_detected(login_as, content, encoding, delimiter):
    admin = login_as("admin")
    imp = upload(admin, content, "leads.csv", "leads")
    assert (imp["encoding"], imp["delimiter"]) == (encoding, delimiter)
    assert imp["columns"] == ["姓名", "手机", "邮箱"]
    assert imp["mapping"] == {"姓名": "name", "手机": "phone", "邮箱": "email"}
    assert imp["row_count"] == 2
    assert imp["samples"][1] == {"姓名": "李四", "手机": "13900139000", "邮箱": "li@example.com"}


def _book(*sheets: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title in sheets:
        sheet = book.create_sheet(title)
        sheet.append(["姓名", "电话"])
        sheet.append([f"{title} 1", "13800138000"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_lists_its_sheets_and_reads_the_chosen_one(login_as):
    admin = login_as("admin")
    content = _book("线索", "客户")
    first = upload(admin, content, "book.xlsx", "leads")
    assert (first["sheets"], first["sheet"]) == (["线索", "客户"], "线索")
    assert first["samples"] == [{"姓名": "线索 1", "电话": "13800138000"}]
    chosen = upload(admin, content, "book.xlsx", "leads", sheet="客户")
    assert chosen["sheet"] == "客户" and chosen["samples"][0]["姓名"] == "客户 1"
    body = ok(post(admin, content, "book.xlsx", sheet="Nope"), 422)
    assert body["code"] == "sheet_not_found"


@pytest.mark.parametrize(
    ("content", "name", "status", "code"),
    [
        (b"", "empty.csv", 400, "file_empty"),
        (b"\n\n", "blank.csv", 400, "file_empty"),
        (b"PK\x03\x04 not really a zip", "broken.xlsx", 400, "file_unreadable"),
        (bytes(range(256)) * 50, "noise.csv", 400, "file_encoding_unknown"),
    ],
)
def test_unreadable_files_are_refused_clearly(login_as, content, name, status, code):
    admin = login_as("admin")
    body = ok(post(admin, content, name), status)
    assert body["code"] == code


def test_a_file_needs_a_file_part_and_an_entity(login_as):
    admin = login_as("admin")
    response = admin.post(IMPORTS, data={"entity": "leads"}, content_type="multipart/form-data")
    assert ok(response, 422)["errors"] == {"file": ["Choose at least one file."]}
    body = ok(post(admin, ROWS.encode(), entity="orders"), 422)
    assert "entity" in body["errors"]
    assert (
        ok(admin.post(IMPORTS, json={"entity": "leads"}), 415)["code"] == "unsupported_media_type"
    )


def test_more_rows_than_the_limit_is_refused(make_app, login_as):
    small = make_app(IMPORT_MAX_ROWS=3)
    admin = login_as("admin")
    client = small.test_client()
    content = ("name\n" + "".join(f"lead {i}\n" for i in range(4))).encode()
    response = client.post(
        IMPORTS,
        headers=admin.headers,
        data={"entity": "leads", "file": (io.BytesIO(content), "many.csv")},
        content_type="multipart/form-data",
    )
    assert ok(response, 422)["code"] == "too_many_rows"


def test_cells_past_the_header_are_kept_and_reported(login_as):
    admin = login_as("admin")
    imp = upload(admin, b"name,email\nA,a@example.com,oops,\nB,b@example.com\n", "x.csv", "leads")
    run(admin, imp["id"], "dry-run")
    first, second = rows(admin, imp["id"])
    assert first["original"] == {"name": "A", "email": "a@example.com", "(extra 1)": "oops"}
    assert first["outcome"] == "created"
    assert (None, "extra_cells") in problems_of(first)
    assert second["problems"] == []


def test_a_file_over_the_byte_limit_is_refused(make_app, login_as):
    small = make_app(IMPORT_MAX_BYTES=1000)
    admin = login_as("admin")
    content = ("name\n" + "lead\n" * 400).encode()
    response = small.test_client().post(
        IMPORTS,
        headers=admin.headers,
        data={"entity": "leads", "file": (io.BytesIO(content), "big.csv")},
        content_type="multipart/form-data",
    )
    assert ok(response, 413)["code"] == "payload_too_large"
