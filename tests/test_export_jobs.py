"""Exports of more than a page run as a job; the file they build is downloaded by whoever
asked for it, and nobody else."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from crm.core.types import utcnow
from crm.extensions import db
from crm.imports.export.models import Export
from tests.export_helpers import csv_rows, events, ids_of, insert_leads, xlsx_rows
from tests.factories import LeadFactory
from tests.sales_helpers import all_ids, ok, problem, two_teams


def _job(api, response) -> dict:
    assert response.status_code == 202, response.get_json()
    job = response.get_json()
    assert job["kind"] == "exports.build"
    return ok(api.get(f"/api/v1/jobs/{job['id']}"))


def test_a_large_export_is_built_by_a_job_and_downloaded_by_its_creator(login_as, team, make_app):
    users = two_teams(login_as, team)
    a = users["a"]
    insert_leads(7, a.user.id, status="new")
    insert_leads(2, a.user.id, status="contacted")
    insert_leads(3, users["b"].user.id, status="new")
    small = make_app(EXPORT_INLINE_MAX_ROWS=5).test_client()

    response = small.get(
        "/api/v1/leads/export",
        query_string={"format": "csv", "status": "new", "sort": "name"},
        headers={**a.headers, "Accept-Language": "zh-CN"},
    )
    job = _job(a, response)
    assert job["status"] == "succeeded", job
    result = job["result"]
    assert result["rows"] == 7
    assert result["file_name"].startswith("leads-") and result["file_name"].endswith(".csv")
    assert result["download_url"] == f"/api/v1/exports/{result['export_id']}/download"

    download = a.get(result["download_url"])
    assert download.status_code == 200
    assert download.mimetype == "text/csv"
    assert result["file_name"] in download.headers["Content-Disposition"]
    rows = csv_rows(download)
    assert rows[0][:2] == ["编号", "姓名"]
    assert ids_of(rows) == all_ids(a, "/api/v1/leads", status="new", sort="name")

    for other in ("a2", "m", "admin"):
        refused = problem(users[other].get(result["download_url"]), 404)
        assert refused["code"] == "export_not_found"
    (event,) = events(users["admin"], "export", "lead")
    assert event["actor_id"] == a.user.id
    assert event["changes"]["rows"]["new"] == 7


def test_a_large_xlsx_selection_as_a_job(login_as, make_app):
    rep = login_as("sales")
    leads = [LeadFactory(owner_id=rep.user.id).id for _ in range(4)]
    small = make_app(EXPORT_INLINE_MAX_ROWS=2).test_client()
    selection = ",".join(str(i) for i in leads[:3])
    response = small.get(
        "/api/v1/leads/export",
        query_string={"format": "xlsx", "ids": selection, "sort": "created_at"},
        headers=rep.headers,
    )
    job = _job(rep, response)
    assert job["result"]["rows"] == 3
    download = rep.get(job["result"]["download_url"])
    assert download.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert ids_of(xlsx_rows(download)) == leads[:3]


def test_no_such_export(login_as):
    rep = login_as("sales")
    assert problem(rep.get("/api/v1/exports/999999/download"), 404)["code"] == ("export_not_found")


def test_an_export_file_is_kept_for_export_keep_days(login_as, make_app):
    rep = login_as("sales")
    insert_leads(3, rep.user.id)
    small = make_app(EXPORT_INLINE_MAX_ROWS=1).test_client()

    def export_job() -> dict:
        response = small.get("/api/v1/leads/export", headers=rep.headers)
        return _job(rep, response)["result"]

    old = export_job()
    db.session.execute(
        sa.update(Export)
        .where(Export.id == old["export_id"])
        .values(created_at=utcnow() - timedelta(days=8))
    )
    db.session.commit()
    assert rep.get(old["download_url"]).status_code == 200
    new = export_job()
    assert problem(rep.get(old["download_url"]), 404)["code"] == "export_not_found"
    assert rep.get(new["download_url"]).status_code == 200
