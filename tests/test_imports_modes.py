"""Import modes (create, update, upsert), duplicates in the file and in the database, revert,
who may import what and who owns what is imported, and the report's filters and pages."""

from __future__ import annotations

import csv
import io

from crm.core import jobs
from crm.extensions import db
from crm.imports.rows import Run
from tests.conftest import ApiClient
from tests.factories import UserFactory
from tests.helpers import patch
from tests.import_helpers import IMPORTS, ok, problems_of, put_mapping, rows, run, upload

CONTACTS = (
    b"name,email,phone,title\n"
    b"Li Lei,li@example.com,13800138000,Buyer\n"
    b"Han Meimei,han@example.com,13900139000,CEO\n"
)


def import_contacts(api, content=CONTACTS, **form) -> dict:
    imp = upload(api, content, "contacts.csv", "contacts", **form)
    return run(api, imp["id"], "commit")


def test_create_reports_database_duplicates_and_creates_them_only_when_ticked(login_as):
    admin = login_as("admin")
    existing = ok(
        admin.post("/api/v1/contacts", json={"name": "Li", "email": "LI@example.com"}), 201
    )
    imp = upload(admin, CONTACTS, "contacts.csv", "contacts")
    checked = run(admin, imp["id"], "dry-run")
    assert (checked["counts"]["duplicate"], checked["counts"]["created"]) == (1, 1)
    [dup] = rows(admin, imp["id"], "duplicate")
    assert dup["candidates"][0]["id"] == existing["id"]
    assert dup["candidates"][0]["rule"] == "email" and dup["candidates"][0]["score"] == 100

    put_mapping(admin, imp["id"], {"mapping": imp["mapping"], "create_duplicates": True})
    done = run(admin, imp["id"], "commit")
    assert done["create_duplicates"] is True and done["counts"]["created"] == 2


def test_upsert_updates_the_match_and_revert_restores_it(login_as):
    admin = login_as("admin")
    first = import_contacts(admin)
    assert first["counts"]["created"] == 2
    changed = CONTACTS.replace(b"Buyer", b"Head of Buying")
    again = import_contacts(admin, changed, mode="upsert", match_on="email")
    assert (again["counts"]["updated"], again["counts"]["unchanged"]) == (1, 1)
    [updated] = rows(admin, again["id"], "updated")
    contact = ok(admin.get(f"/api/v1/contacts/{updated['record_id']}"))
    assert contact["title"] == "Head of Buying"

    run(admin, again["id"], "revert")
    assert ok(admin.get(f"/api/v1/contacts/{updated['record_id']}"))["title"] == "Buyer"
    events = ok(admin.get("/api/v1/audit-events", query_string={"entity": "import"}))["items"]
    assert {"create", "commit", "revert"} <= {e["action"] for e in events}
    # The first import's revert soft-deletes what it created.
    run(admin, first["id"], "revert")
    assert ok(admin.get("/api/v1/contacts"))["items"] == []


def test_update_mode_skips_rows_without_a_match(login_as):
    admin = login_as("admin")
    done = import_contacts(admin, mode="update", match_on="phone")
    assert done["counts"]["skipped"] == 2
    assert all(("phone", "no_match") in problems_of(r) for r in rows(admin, done["id"]))
    assert ok(admin.get("/api/v1/contacts"))["items"] == []


def test_sales_reps_own_what_they_import_and_cannot_give_it_away(login_as, team):
    east = team()
    rep = login_as("sales", team=east)
    other = UserFactory(name="Other Rep", email="other@example.com", role="sales", team_id=east.id)
    db.session.commit()
    content = b"name,owner\nMine,\nTheirs,other@example.com\n"
    imp = upload(rep, content, "leads.csv", "leads")
    done = run(rep, imp["id"], "commit")
    assert (done["counts"]["created"], done["counts"]["error"]) == (1, 1)
    [error] = rows(rep, imp["id"], "error")
    assert ("owner", "owner_not_allowed") in problems_of(error)
    [lead] = ok(rep.get("/api/v1/leads"))["items"]
    assert lead["owner_id"] == rep.user.id
    assert other.id != rep.user.id


def test_managers_assign_imported_records_within_their_team(login_as, team):
    east = team()
    manager = login_as("manager", team=east)
    UserFactory(name="Rep East", email="east@example.com", role="sales", team_id=east.id)
    UserFactory(name="Rep West", email="west@example.com", role="sales")
    db.session.commit()
    content = b"name,owner\nA,Rep East\nB,west@example.com\n"
    imp = upload(manager, content, "leads.csv", "leads")
    done = run(manager, imp["id"], "commit")
    assert (done["counts"]["created"], done["counts"]["error"]) == (1, 1)


def test_only_the_importer_and_admins_see_an_import(login_as):
    rep = login_as("sales")
    other = login_as("sales")
    imp = upload(rep, CONTACTS, "contacts.csv", "contacts")
    assert ok(other.get(f"{IMPORTS}/{imp['id']}"), 404)["code"] == "import_not_found"
    assert ok(other.get(IMPORTS))["items"] == []
    assert [i["id"] for i in ok(rep.get(IMPORTS))["items"]] == [imp["id"]]
    assert (
        login_as("service")
        .post(
            IMPORTS,
            data={"entity": "leads", "file": (io.BytesIO(CONTACTS), "x.csv")},
            content_type="multipart/form-data",
        )
        .status_code
        == 403
    )


def test_the_mapping_is_checked_and_a_column_can_be_ignored(login_as):
    admin = login_as("admin")
    imp = upload(admin, CONTACTS, "contacts.csv", "contacts")
    body = put_mapping(admin, imp["id"], {"mapping": {"name": "name", "email": "name"}}, 422)
    assert set(body["errors"]) == {"name", "email"}
    body = put_mapping(admin, imp["id"], {"mapping": {"nope": "name"}}, 422)
    assert set(body["errors"]) == {"nope"}
    body = put_mapping(admin, imp["id"], {"mapping": {"email": "email"}}, 200)
    assert body["mapping"] == {"name": None, "email": "email", "phone": None, "title": None}
    response = admin.post(f"{IMPORTS}/{imp['id']}/dry-run")
    assert ok(response, 422)["code"] == "mapping_incomplete"
    put_mapping(admin, imp["id"], {"mapping": {"name": "name", "email": "email", "title": None}})
    run(admin, imp["id"], "commit")
    contacts = ok(admin.get("/api/v1/contacts"))["items"]
    assert {c["title"] for c in contacts} == {None} and {c["phone"] for c in contacts} == {None}
    assert ok(admin.post(f"{IMPORTS}/{imp['id']}/commit"), 409)["code"] == "import_committed"


def test_the_report_pages_filters_and_downloads(login_as):
    admin = login_as("admin")
    lines = (
        ["name,email"] + [f"Person {i},p{i}@example.com" for i in range(7)] + ["Bad,not-an-email"]
    )
    lines.append('=HYPERLINK("x"),p0@example.com')
    imp = upload(admin, "\n".join(lines).encode(), "people.csv", "contacts")
    run(admin, imp["id"], "dry-run")
    page = ok(admin.get(f"{IMPORTS}/{imp['id']}/rows", query_string={"limit": 3}))
    assert [r["row_number"] for r in page["items"]] == [1, 2, 3] and page["next_cursor"]
    assert len(rows(admin, imp["id"])) == 9
    assert [r["row_number"] for r in rows(admin, imp["id"], "error")] == [8]
    assert [r["row_number"] for r in rows(admin, imp["id"], "duplicate")] == [9]
    response = admin.get(f"{IMPORTS}/{imp['id']}/rows.csv", query_string={"outcome": "duplicate"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeff")
    records = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert records[0] == ["name", "email", "outcome", "reason"]
    assert records[1][0] == '\'=HYPERLINK("x")' and records[1][2] == "duplicate"
    assert "Row 1 has the same email." in records[1][3]
    assert ok(admin.get(f"{IMPORTS}/{imp['id']}/rows", query_string={"outcome": "x"}), 422)


def test_a_cancelled_job_leaves_the_import_failed_and_runnable(login_as, monkeypatch):
    admin = login_as("admin")
    imp = upload(admin, CONTACTS, "contacts.csv", "contacts")
    monkeypatch.setattr(jobs, "dispatch", lambda job_id: None)  # no worker takes the job
    job = ok(admin.post(f"{IMPORTS}/{imp['id']}/dry-run"), 202)
    assert ok(admin.get(f"{IMPORTS}/{imp['id']}"))["status"] == "checking"
    assert ok(admin.post(f"{IMPORTS}/{imp['id']}/commit"), 409)["code"] == "import_busy"
    ok(admin.post(f"/api/v1/jobs/{job['id']}/cancel"))
    assert ok(admin.get(f"{IMPORTS}/{imp['id']}"))["status"] == "failed"
    monkeypatch.undo()
    assert run(admin, imp["id"], "commit")["status"] == "imported"


def test_a_commit_that_fails_midway_resumes_after_its_last_batch(login_as, make_app, monkeypatch):
    small = make_app(IMPORT_BATCH_SIZE=2)
    logged_in = login_as("admin")
    admin = ApiClient(small.test_client(), logged_in.user, logged_in.tokens)
    content = "name,email\n" + "".join(f"P{i},p{i}@example.com\n" for i in range(5))
    imp = upload(admin, content.encode(), "people.csv", "contacts")
    batches = []
    original = Run.run_batch

    def crash_on_the_second_batch(self, rows_):
        batches.append([r.number for r in rows_])
        if len(batches) == 2:
            raise RuntimeError("worker killed")
        return original(self, rows_)

    monkeypatch.setattr(Run, "run_batch", crash_on_the_second_batch)
    job = ok(admin.post(f"{IMPORTS}/{imp['id']}/commit"), 202)
    failed = ok(admin.get(f"/api/v1/jobs/{job['id']}"))
    assert failed["status"] == "failed"
    stopped = ok(admin.get(f"{IMPORTS}/{imp['id']}"))
    assert stopped["status"] == "failed" and stopped["counts"]["created"] == 2
    assert len(ok(admin.get("/api/v1/contacts"))["items"]) == 2  # the first batch only

    ok(admin.post(f"/api/v1/jobs/{job['id']}/retry"), 202)
    assert ok(admin.get(f"/api/v1/jobs/{job['id']}"))["status"] == "succeeded"
    assert batches[2:] == [[3, 4], [5]]  # resumed after the committed batch
    done = ok(admin.get(f"{IMPORTS}/{imp['id']}"))
    assert done["status"] == "imported" and done["counts"]["created"] == 5
    assert [r["row_number"] for r in rows(admin, imp["id"])] == [1, 2, 3, 4, 5]
    assert len(ok(admin.get("/api/v1/contacts"))["items"]) == 5


def test_products_by_sku_and_opportunities_by_name_update_and_revert(login_as):
    admin = login_as("admin")
    ok(admin.post("/api/v1/pipelines", json={"template": "services"}), 201)
    products = b"sku,name,price\nP-1,Pump,100\nP-2,Valve,20\n"
    first = run(admin, upload(admin, products, "p.csv", "products")["id"], "commit")
    assert first["counts"]["created"] == 2
    changed = b"sku,name,price\np-1,Pump,120\nP-2,Valve,20\n"
    imp = upload(admin, changed, "p.csv", "products", mode="upsert", match_on="external_id")
    again = run(admin, imp["id"], "commit")
    assert (again["counts"]["updated"], again["counts"]["unchanged"]) == (1, 1)
    [row] = rows(admin, imp["id"], "updated")
    assert ok(admin.get(f"/api/v1/products/{row['record_id']}"))["price"] == "120.00"
    run(admin, imp["id"], "revert")
    assert ok(admin.get(f"/api/v1/products/{row['record_id']}"))["price"] == "100.00"

    deals = b"name,stage,amount,product\nD1,Discovery,1000,Pump\n"
    created = run(admin, upload(admin, deals, "d.csv", "opportunities")["id"], "commit")
    before = ok(admin.get(f"/api/v1/opportunities/{rows(admin, created['id'])[0]['record_id']}"))
    won = b"name,stage,amount,product\nD1,Contract,1500,Valve\n"
    imp = upload(admin, won, "d.csv", "opportunities", mode="update", match_on="name")
    done = run(admin, imp["id"], "commit")
    assert done["counts"]["updated"] == 1
    [row] = rows(admin, imp["id"])
    deal = ok(admin.get(f"/api/v1/opportunities/{row['record_id']}"))
    assert (deal["status"], deal["amount"]) == ("won", "1500.00")
    assert deal["stage_id"] != before["stage_id"]
    run(admin, imp["id"], "revert")
    deal = ok(admin.get(f"/api/v1/opportunities/{row['record_id']}"))
    assert (deal["status"], deal["amount"]) == ("open", "1000.00")
    assert deal["stage_id"] == before["stage_id"]
    assert [line["product_name"] for line in deal["lines"]] == ["Pump"]
    run(admin, first["id"], "revert")
    assert {p["active"] for p in ok(admin.get("/api/v1/products"))["items"]} == {False}


def test_the_dry_run_foretells_what_the_domain_refuses(login_as):
    admin = login_as("admin")
    ok(admin.post("/api/v1/pipelines", json={"template": "services"}), 201)
    product = ok(admin.post("/api/v1/products", json={"sku": "OLD", "name": "Old pump"}), 201)
    assert patch(admin, f"/api/v1/products/{product['id']}", {"active": False}).status_code == 200
    imp = upload(admin, b"name,product\nD1,Old pump\n", "d.csv", "opportunities")
    run(admin, imp["id"], "dry-run")
    [row] = rows(admin, imp["id"])
    assert row["outcome"] == "error" and row["record_id"] is None
    assert "This product is no longer sold." in [p["message"] for p in row["problems"]]
    assert ok(admin.get("/api/v1/opportunities"))["items"] == []
    assert run(admin, imp["id"], "commit")["counts"]["error"] == 1
