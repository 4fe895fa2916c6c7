"""Shared by the import tests: uploading a file, running its jobs, reading its report."""

from __future__ import annotations

import io
import os
from pathlib import Path

IMPORTS = "/api/v1/imports"


def maven_dir() -> Path:
    """The Maven CRM data set (read-only, never copied): `$CRM_SHARED_DATA/maven-crm` when set,
    else `shared/data/maven-crm` beside the checkout or above it (a worktree), else the team
    machine's /work/shared (a checkout elsewhere, e.g. CI's clean clone)."""
    here = Path(__file__).resolve()
    roots = [Path(os.environ["CRM_SHARED_DATA"])] if os.environ.get("CRM_SHARED_DATA") else []
    roots += [parent / "shared/data" for parent in here.parents]
    roots.append(Path("/work/shared/data"))
    for root in roots:
        if (root / "maven-crm").is_dir():
            return root / "maven-crm"
    raise AssertionError(f"The Maven CRM data set is missing (looked in {[str(r) for r in roots]})")


def ok(response, status: int = 200) -> dict:
    assert response.status_code == status, (response.status_code, response.get_json())
    return response.get_json()


def upload(api, content: bytes, name: str, entity: str, **form) -> dict:
    data = {"entity": entity, **form, "file": (io.BytesIO(content), name)}
    return ok(api.post(IMPORTS, data=data, content_type="multipart/form-data"), 201)


def put_mapping(api, import_id: int, body: dict, status: int = 200) -> dict:
    response = api._call("put", f"{IMPORTS}/{import_id}/mapping", json=body)
    return ok(response, status)


def run(api, import_id: int, action: str) -> dict:
    """Start a job (dry-run, commit, revert) and answer the import once it is done (tests run
    jobs inline)."""
    job = ok(api.post(f"{IMPORTS}/{import_id}/{action}"), 202)
    assert job["kind"] == "imports." + action.replace("-", "_")
    job = ok(api.get(f"/api/v1/jobs/{job['id']}"))
    assert job["status"] == "succeeded", job
    assert job["result"]["import_id"] == import_id
    imp = ok(api.get(f"{IMPORTS}/{import_id}"))
    assert job["result"]["counts"] == imp["counts"] and imp["job_id"] == job["id"]
    return imp


def rows(api, import_id: int, outcome: str | None = None) -> list[dict]:
    found, cursor = [], None
    while True:
        query = {"limit": 200}
        if outcome:
            query["outcome"] = outcome
        if cursor:
            query["cursor"] = cursor
        body = ok(api.get(f"{IMPORTS}/{import_id}/rows", query_string=query))
        found += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return found


def problems_of(row: dict) -> set[tuple]:
    return {(p["field"], p["code"]) for p in row["problems"]}
