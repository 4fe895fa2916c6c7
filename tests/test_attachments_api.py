"""Attachments through HTTP: upload (streamed, checked by content), list, download with Range,
delete, scoping, and the limits (413, 415, 422). GridFS where the bytes matter, the local
directory store (the session app) elsewhere."""

from __future__ import annotations

import io
import os
import urllib.parse

import pytest
import sqlalchemy as sa

from crm.attachments.models import Attachment
from crm.extensions import attachment_store
from crm.extensions import db as _db
from tests.attachment_helpers import (
    HEIC,
    HTML,
    JPEG,
    MP4,
    OLE2,
    PDF,
    PNG,
    XLSX,
    TicketFactory,
    login_on,
    multipart,
    png_of,
    post_chunked,
    post_files,
    sha256,
    xlsx_with_late_entries,
)
from tests.factories import CompanyFactory, UserFactory
from tests.helpers import problem
from tests.sales_helpers import two_teams

FIVE_MB = 5 * 1024 * 1024


def rows() -> list[Attachment]:
    _db.session.commit()
    return list(_db.session.scalars(sa.select(Attachment)))


@pytest.fixture
def ticket(db):
    return TicketFactory()


@pytest.fixture
def staff(login_as):
    return login_as("service")


def upload(api, ticket_id, files, **kwargs):
    return post_files(api, f"/api/v1/tickets/{ticket_id}/attachments", files, **kwargs)


# --- round trip on GridFS ----------------------------------------------------------------------


def without_content_url(attachment: dict) -> dict:
    return {key: value for key, value in attachment.items() if key != "content_url"}


@pytest.fixture
def gridfs_staff(gridfs_app, db):
    return login_on(gridfs_app, UserFactory(role="service"))


def test_multi_megabyte_round_trip_on_gridfs(gridfs_app, gridfs_staff, ticket):
    data = png_of(FIVE_MB)
    response = upload(gridfs_staff, ticket.id, [("现场照片.png", data)])

    assert response.status_code == 201, response.get_json()
    [item] = response.get_json()["items"]
    assert item["filename"] == "现场照片.png"
    assert item["content_type"] == "image/png"
    assert item["size"] == len(data)
    assert item["sha256"] == sha256(data)
    assert item["record_type"] == "ticket" and item["record_id"] == ticket.id
    assert item["uploaded_by_id"] == gridfs_staff.user.id
    assert item["uploaded_by_name"] == gridfs_staff.user.name
    assert item["uploaded_via"] == "user" and item["upload_link_id"] is None
    assert item["inline"] is True
    [row] = rows()
    assert (row.status, row.store_backend) == ("ready", "gridfs")

    content = gridfs_staff.get(f"/api/v1/attachments/{item['id']}/content")
    assert content.status_code == 200
    assert sha256(content.get_data()) == item["sha256"]
    assert content.headers["Content-Length"] == str(len(data))
    assert content.headers["Content-Type"] == "image/png"
    assert content.headers["Accept-Ranges"] == "bytes"
    assert content.headers["ETag"] == f'"{item["sha256"]}"'
    assert content.headers["X-Content-Type-Options"] == "nosniff"
    assert content.headers["Content-Security-Policy"] == "sandbox"
    disposition = content.headers["Content-Disposition"]
    assert disposition.startswith("inline;")
    assert "filename*=UTF-8''" + urllib.parse.quote("现场照片.png") in disposition
    # Clients without filename* get a usable name, not the hidden file ".png".
    assert "filename=attachment.png;" in disposition or "filename=attachment.png" in disposition

    listed = gridfs_staff.get(f"/api/v1/tickets/{ticket.id}/attachments").get_json()
    assert [a["id"] for a in listed["items"]] == [item["id"]]
    assert listed["next_cursor"] is None
    # content_url carries a signed, timestamped token: it differs between calls a second apart.
    fetched = gridfs_staff.get(f"/api/v1/attachments/{item['id']}").get_json()
    assert without_content_url(fetched) == without_content_url(item)
    assert fetched["content_url"].startswith(f"/api/v1/attachments/{item['id']}/content?token=")


def test_client_going_away_mid_upload_leaves_nothing_on_gridfs(gridfs_app, gridfs_staff, ticket):
    store = attachment_store.get(gridfs_app)
    before = set(store.ids())
    body = multipart([("a.png", png_of(FIVE_MB))])

    response = gridfs_staff.client.post(
        f"/api/v1/tickets/{ticket.id}/attachments",
        input_stream=io.BytesIO(body[: 2 * 1024 * 1024]),  # then the connection drops
        content_type="multipart/form-data; boundary=crm-test-boundary-7MA4YWxk",
        headers=gridfs_staff.headers,
        environ_overrides={"CONTENT_LENGTH": str(len(body))},
    )

    assert "interrupted" in problem(response, 400)["detail"]
    assert rows() == []
    assert set(store.ids()) == before


def test_head_of_content(staff, ticket):
    item = upload(staff, ticket.id, [("a.pdf", PDF)]).get_json()["items"][0]
    response = staff.client.head(f"/api/v1/attachments/{item['id']}/content", headers=staff.headers)
    assert response.status_code == 200
    assert response.headers["Content-Length"] == str(len(PDF))
    assert response.get_data() == b""


@pytest.mark.parametrize(
    ("range_header", "expected"),
    [
        ("bytes=0-99", (0, 100)),
        ("bytes=300000-300009", (300000, 300010)),  # across a GridFS chunk boundary
        ("bytes=-100", (-100, None)),
        ("bytes=1000-", (1000, None)),
    ],
)
def test_range_requests(gridfs_app, gridfs_staff, ticket, range_header, expected):
    data = MP4 + os.urandom(600 * 1024)
    item = upload(gridfs_staff, ticket.id, [("clip.mp4", data)]).get_json()["items"][0]

    response = gridfs_staff.get(
        f"/api/v1/attachments/{item['id']}/content", headers={"Range": range_header}
    )

    start, end = expected
    part = data[start:end]
    assert response.status_code == 206
    assert response.get_data() == part
    assert response.headers["Content-Length"] == str(len(part))
    first = start if start >= 0 else len(data) + start
    assert response.headers["Content-Range"] == (
        f"bytes {first}-{first + len(part) - 1}/{len(data)}"
    )
    assert response.headers["Content-Type"] == "video/mp4"


def test_unsatisfiable_range_is_416(staff, ticket):
    item = upload(staff, ticket.id, [("a.pdf", PDF)]).get_json()["items"][0]
    response = staff.get(
        f"/api/v1/attachments/{item['id']}/content", headers={"Range": "bytes=5000-6000"}
    )
    problem(response, 416)
    assert response.headers["Content-Range"] == f"bytes */{len(PDF)}"


@pytest.mark.parametrize(
    "range_header",
    ["items=0-5", "bytes=100-50", "bytes=0-1,5-6", "bytes=abc"],
    ids=["unknown-unit", "reversed", "several-ranges", "garbage"],
)
def test_range_we_do_not_serve_gets_the_whole_file(staff, ticket, range_header):
    item = upload(staff, ticket.id, [("a.pdf", PDF)]).get_json()["items"][0]
    response = staff.get(
        f"/api/v1/attachments/{item['id']}/content", headers={"Range": range_header}
    )
    assert response.status_code == 200
    assert response.get_data() == PDF
    assert "Content-Range" not in response.headers


def test_if_none_match_answers_304(staff, ticket):
    item = upload(staff, ticket.id, [("a.pdf", PDF)]).get_json()["items"][0]
    response = staff.get(
        f"/api/v1/attachments/{item['id']}/content",
        headers={"If-None-Match": f'"{item["sha256"]}"'},
    )
    assert response.status_code == 304


# --- what is accepted --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "data", "content_type", "inline"),
    [
        ("IMG_0001.HEIC", HEIC, "image/heic", False),
        ("IMG_0001", HEIC, "image/heic", False),  # no extension: the bytes decide
        ("photo.jpeg", JPEG, "image/jpeg", True),
        ("photo.jpg", JPEG, "image/jpeg", True),
        ("clip.mp4", MP4, "video/mp4", True),
        ("manual.pdf", PDF, "application/pdf", False),
        ("notes.txt", "现场记录：泵漏水。\n".encode(), "text/plain", False),
        ("export.csv", b"name,phone\nWang,138\n", "text/plain", False),
        ("v1.2", b"plain words", "text/plain", False),
        # Office files whose kind lies beyond the sniffed head: the container is proven by
        # the bytes, the extension picks the kind within it.
        ("report.xlsx", xlsx_with_late_entries(), XLSX, False),
        ("old.xls", OLE2 + b"\x00" * 600, "application/vnd.ms-excel", False),
    ],
)
def test_accepted_types(staff, ticket, filename, data, content_type, inline):
    response = upload(staff, ticket.id, [(filename, data)])
    assert response.status_code == 201, response.get_json()
    item = response.get_json()["items"][0]
    assert (item["content_type"], item["inline"]) == (content_type, inline)
    content = staff.get(f"/api/v1/attachments/{item['id']}/content")
    assert content.get_data() == data
    expected = "inline" if inline else "attachment"
    assert content.headers["Content-Disposition"].split(";")[0] == expected


def test_download_param_forces_attachment(staff, ticket):
    item = upload(staff, ticket.id, [("photo.png", PNG)]).get_json()["items"][0]
    content = staff.get(f"/api/v1/attachments/{item['id']}/content?download=1")
    assert content.headers["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("photo.png", HTML),  # HTML named as an image
        ("invoice.jpg", PDF),  # a PDF named as an image
        ("photo.png", JPEG),  # another image type
        ("page.html", HTML),
        ("notes.txt", b"  \xef\xbb\xbf<svg onload=alert(1)>"),
        ("notes.txt", b"<?xml version='1.0'?><x/>"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        ("tool.exe", b"MZ\x90\x00" + b"\x00" * 100),
        ("archive.zip", b"PK\x03\x04" + b"\x00" * 100),
        ("photo.png", xlsx_with_late_entries()),  # a ZIP container is no image
        ("notes.txt", OLE2 + b"\x00" * 600),
        ("data.bin", b"\x00\x01\x02binary"),
        ("notes.txt", b"caf\xe9 latin-1"),
    ],
)
def test_refused_types_are_415_and_leave_nothing(staff, ticket, filename, data):
    before = set(attachment_store.get().ids())
    response = upload(staff, ticket.id, [(filename, data)])
    body = problem(response, 415)
    assert filename in body["detail"]
    assert rows() == []
    assert set(attachment_store.get().ids()) == before


@pytest.mark.parametrize("part_name", ["files", "files[]", "upload"])
def test_a_file_under_another_part_name_is_refused_by_name(staff, ticket, part_name):
    body = multipart([("a.png", PNG)]).replace(b'name="file"', f'name="{part_name}"'.encode())
    response = staff.post(
        f"/api/v1/tickets/{ticket.id}/attachments",
        data=body,
        content_type="multipart/form-data; boundary=crm-test-boundary-7MA4YWxk",
    )
    assert part_name in problem(response, 422)["detail"]
    assert rows() == []


def test_an_empty_file_is_refused_and_leaves_nothing(staff, ticket):
    before = set(attachment_store.get().ids())
    response = upload(staff, ticket.id, [("a.png", PNG), ("IMG_0042.jpg", b"")])
    body = problem(response, 422)
    assert "IMG_0042.jpg" in body["detail"]
    assert rows() == []
    assert set(attachment_store.get().ids()) == before


def test_a_multi_byte_character_cut_by_the_sniffed_head_is_still_text(staff, ticket):
    data = ("一" * 10000).encode()  # 3 bytes each: the 8 KB head ends inside a character
    response = upload(staff, ticket.id, [("long.txt", data)])
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["items"][0]["size"] == len(data)


def test_many_files_in_one_request(staff, ticket):
    files = [("a.png", PNG), ("b.pdf", PDF), ("c.txt", b"hello")]
    response = upload(staff, ticket.id, files)
    assert response.status_code == 201
    assert [i["filename"] for i in response.get_json()["items"]] == ["a.png", "b.pdf", "c.txt"]
    listed = staff.get(f"/api/v1/tickets/{ticket.id}/attachments").get_json()["items"]
    assert sorted(i["filename"] for i in listed) == ["a.png", "b.pdf", "c.txt"]


def test_a_retried_upload_with_its_idempotency_key_stores_the_file_once(staff, ticket):
    """An integrator retries after a timeout: the answer is the first upload's, not a second
    copy. The body is not compared (it is streamed, never held whole)."""
    key = {"Idempotency-Key": "erp-photo-1"}
    first = upload(staff, ticket.id, [("a.png", png_of(2 * 1024 * 1024))], headers=key)
    assert first.status_code == 201, first.get_json()
    again = upload(staff, ticket.id, [("a.png", png_of(2 * 1024 * 1024))], headers=key)
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json() == first.get_json()
    assert len(staff.get(f"/api/v1/tickets/{ticket.id}/attachments").get_json()["items"]) == 1

    other_record = problem(upload(staff, ticket.id + 1, [("a.png", PNG)], headers=key), 422)
    assert other_record["errors"] == {"Idempotency-Key": ["Already used for another request."]}
    assert upload(staff, ticket.id, [("b.png", PNG)], headers={"Idempotency-Key": "erp-photo-2"})


def test_an_interrupted_or_refused_upload_leaves_its_idempotency_key_free(staff, ticket):
    key = {"Idempotency-Key": "erp-photo-9"}
    body = multipart([("a.png", png_of(FIVE_MB))])
    dropped = staff.client.post(
        f"/api/v1/tickets/{ticket.id}/attachments",
        input_stream=io.BytesIO(body[: 2 * 1024 * 1024]),  # then the connection drops
        content_type="multipart/form-data; boundary=crm-test-boundary-7MA4YWxk",
        headers=staff.headers | key,
        environ_overrides={"CONTENT_LENGTH": str(len(body))},
    )
    problem(dropped, 400)
    problem(upload(staff, ticket.id, [("a.png", HTML)], headers=key), 415)

    retried = upload(staff, ticket.id, [("a.png", png_of(FIVE_MB))], headers=key)
    assert retried.status_code == 201, retried.get_json()
    assert "Idempotent-Replayed" not in retried.headers
    assert [row.status for row in rows()] == ["ready"]


def test_one_bad_file_refuses_the_whole_request(staff, ticket):
    before = set(attachment_store.get().ids())
    response = upload(staff, ticket.id, [("a.png", png_of(600 * 1024)), ("b.png", HTML)])
    problem(response, 415)
    assert rows() == []
    assert set(attachment_store.get().ids()) == before


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\王\\报告.txt", "报告.txt"),
        ("bad\x00na\x1bme\u202e.txt", "badname.txt"),
        ("x" * 300 + ".txt", "x" * 251 + ".txt"),
    ],
)
def test_filenames_are_names_not_paths(staff, ticket, raw, kept):
    response = upload(staff, ticket.id, [(raw, b"text")])
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["items"][0]["filename"] == kept


def test_no_file_part_is_422(staff, ticket):
    body = multipart(fields={"note": "no files here"})
    response = staff.post(
        f"/api/v1/tickets/{ticket.id}/attachments",
        data=body,
        content_type="multipart/form-data; boundary=crm-test-boundary-7MA4YWxk",
    )
    assert "file" in problem(response, 422)["errors"]


def test_a_file_without_a_name_is_422(staff, ticket):
    response = upload(staff, ticket.id, [("", b"text")])
    assert "file" in problem(response, 422)["errors"]


def test_json_body_is_415(staff, ticket):
    response = staff.post(f"/api/v1/tickets/{ticket.id}/attachments", json={"file": "x"})
    assert "multipart/form-data" in problem(response, 415)["detail"]


def test_a_cut_off_body_is_400_and_leaves_nothing(staff, ticket):
    body = multipart([("a.png", png_of(300 * 1024))])[:-5000]
    response = staff.post(
        f"/api/v1/tickets/{ticket.id}/attachments",
        data=body,
        content_type="multipart/form-data; boundary=crm-test-boundary-7MA4YWxk",
    )
    problem(response, 400)
    assert rows() == []


# --- size limit --------------------------------------------------------------------------------


@pytest.fixture
def small_app(make_app):
    return make_app(MAX_UPLOAD_BYTES=256 * 1024)


def test_413_without_content_length_while_reading(small_app, db, ticket):
    api = login_on(small_app, UserFactory(role="service"))
    store_before = set(attachment_store.get(small_app).ids())
    body = multipart([("big.png", png_of(4 * 1024 * 1024))])

    response, stream = post_chunked(api, f"/api/v1/tickets/{ticket.id}/attachments", body)

    assert "limit of 256 KB" in problem(response, 413)["detail"]
    assert stream.consumed < 512 * 1024  # refused while reading, not after the whole body
    assert rows() == []
    assert set(attachment_store.get(small_app).ids()) == store_before


def test_413_with_content_length_before_reading(small_app, db, ticket):
    api = login_on(small_app, UserFactory(role="service"))
    response = upload(api, ticket.id, [("big.png", png_of(300 * 1024))])
    problem(response, 413)
    assert rows() == []


def test_chunked_body_under_the_limit_is_stored(small_app, db, ticket):
    api = login_on(small_app, UserFactory(role="service"))
    data = png_of(200 * 1024)
    response, _ = post_chunked(
        api, f"/api/v1/tickets/{ticket.id}/attachments", multipart([("ok.png", data)])
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["items"][0]["sha256"] == sha256(data)


# --- signed content URLs -----------------------------------------------------------------------


def test_content_url_works_without_authorization(client, staff, ticket):
    item = upload(staff, ticket.id, [("photo.png", PNG)]).get_json()["items"][0]
    url = item["content_url"]
    assert url.startswith(f"/api/v1/attachments/{item['id']}/content?token=")

    assert client.get(url).get_data() == PNG
    problem(client.get(f"/api/v1/attachments/{item['id']}/content"), 401)


def test_tampered_or_foreign_content_tokens_are_refused(client, staff, ticket):
    first, second = upload(staff, ticket.id, [("a.png", PNG), ("b.png", PNG)]).get_json()["items"]
    token = first["content_url"].split("token=")[1]
    problem(client.get(f"/api/v1/attachments/{first['id']}/content?token={token}x"), 401)
    problem(client.get(f"/api/v1/attachments/{second['id']}/content?token={token}"), 401)


def test_expired_content_token_is_refused(client, staff, ticket, monkeypatch):
    import time

    item = upload(staff, ticket.id, [("a.png", PNG)]).get_json()["items"][0]
    url = item["content_url"]
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 16 * 60)
    assert "expired" in problem(client.get(url), 401)["detail"]


# --- scoping -----------------------------------------------------------------------------------


def test_attachments_follow_the_scope_of_their_record(login_as, team, make_lead):
    world = two_teams(login_as, team)
    a, b, service = world["a"], world["b"], login_as("service")
    lead = make_lead(owner_id=a.user.id)
    path = f"/api/v1/leads/{lead.id}/attachments"

    created = post_files(a, path, [("offer.pdf", PDF)])
    assert created.status_code == 201, created.get_json()
    item = created.get_json()["items"][0]
    assert item["record_type"] == "lead"

    # Another team's rep: the lead does not exist for them, nor do its files.
    problem(b.get(path), 404)
    problem(post_files(b, path, [("x.pdf", PDF)]), 404)
    problem(b.get(f"/api/v1/attachments/{item['id']}"), 404)
    problem(b.get(f"/api/v1/attachments/{item['id']}/content"), 404)
    problem(b.delete(f"/api/v1/attachments/{item['id']}"), 404)
    # Service staff read sales records but do not change them.
    assert service.get(path).status_code == 200
    assert service.get(f"/api/v1/attachments/{item['id']}/content").status_code == 200
    problem(post_files(service, path, [("x.pdf", PDF)]), 403)
    problem(service.delete(f"/api/v1/attachments/{item['id']}"), 403)

    assert a.delete(f"/api/v1/attachments/{item['id']}").status_code == 204
    problem(a.get(f"/api/v1/attachments/{item['id']}"), 404)
    assert rows() == []


def test_companies_and_opportunities_take_attachments(login_as, db):
    from tests.sales_helpers import OpportunityFactory, make_pipeline

    rep = login_as("sales")
    company = CompanyFactory(owner_id=rep.user.id)
    stage = make_pipeline().stages[0]
    deal = OpportunityFactory(owner_id=rep.user.id, stage=stage)
    for path, kind in (
        (f"/api/v1/companies/{company.id}/attachments", "company"),
        (f"/api/v1/opportunities/{deal.id}/attachments", "opportunity"),
    ):
        item = post_files(rep, path, [("a.pdf", PDF)]).get_json()["items"][0]
        assert item["record_type"] == kind
        assert [i["id"] for i in rep.get(path).get_json()["items"]] == [item["id"]]


def test_ticket_attachments_follow_the_ticket_scope(login_as, team, db):
    world = two_teams(login_as, team)
    a, b = world["a"], world["b"]
    mine = TicketFactory(assignee_id=a.user.id)
    unassigned = TicketFactory()
    assert upload(a, mine.id, [("a.png", PNG)]).status_code == 201
    problem(upload(b, mine.id, [("a.png", PNG)]), 404)
    problem(b.get(f"/api/v1/tickets/{mine.id}/attachments"), 404)
    # Anyone who sees a ticket may add files to it, sales reps included.
    assert upload(b, unassigned.id, [("a.png", PNG)]).status_code == 201


def test_pages_of_attachments(staff, ticket):
    ids = [
        upload(staff, ticket.id, [(f"{n}.txt", b"x")]).get_json()["items"][0]["id"]
        for n in range(3)
    ]
    first = staff.get(f"/api/v1/tickets/{ticket.id}/attachments?limit=2").get_json()
    second = staff.get(
        f"/api/v1/tickets/{ticket.id}/attachments?limit=2&cursor={first['next_cursor']}"
    ).get_json()
    assert [i["id"] for i in first["items"] + second["items"]] == ids[::-1]
    assert second["next_cursor"] is None


def test_uploads_and_deletes_are_audited(login_as, staff, ticket):
    admin = login_as("admin")
    item = upload(staff, ticket.id, [("a.png", PNG)]).get_json()["items"][0]
    staff.delete(f"/api/v1/attachments/{item['id']}")
    events = admin.get(
        "/api/v1/audit-events", query_string={"entity": "attachment", "entity_id": item["id"]}
    ).get_json()["items"]
    assert sorted(e["action"] for e in events) == ["create", "delete"]
    assert all(e["actor_id"] == staff.user.id for e in events)


def test_pending_rows_are_invisible(staff, ticket, db):
    from crm.attachments.store import new_store_id

    row = Attachment(
        ticket_id=ticket.id,
        store_backend="local",
        store_id=new_store_id(),
        filename="half.png",
        content_type="image/png",
        status="pending",
    )
    db.session.add(row)
    db.session.commit()
    assert staff.get(f"/api/v1/tickets/{ticket.id}/attachments").get_json()["items"] == []
    problem(staff.get(f"/api/v1/attachments/{row.id}"), 404)
    problem(staff.get(f"/api/v1/attachments/{row.id}/content"), 404)


@pytest.mark.parametrize(
    ("filename", "data", "stand_in"),
    [
        ("漏油视频.mp4", MP4, "attachment.mp4"),
        ("报告", b"plain words", "attachment"),
        ("照片 v2.jpg", JPEG, "v2.jpg"),
        ("Café menu.pdf", PDF, "Cafe menu.pdf"),
    ],
)
def test_non_ascii_names_get_a_usable_ascii_stand_in(staff, ticket, filename, data, stand_in):
    item = upload(staff, ticket.id, [(filename, data)]).get_json()["items"][0]
    content = staff.get(f"/api/v1/attachments/{item['id']}/content")
    disposition = content.headers["Content-Disposition"]
    # werkzeug quotes the stand-in only when it has to (here: the space).
    assert f"filename={stand_in};" in disposition or f'filename="{stand_in}";' in disposition
    assert "filename*=UTF-8''" + urllib.parse.quote(filename) in disposition
