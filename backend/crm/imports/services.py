"""Imports: who may import what, the upload, the mapping, starting the dry-run, commit and revert
jobs, and the row-by-row report (JSON pages and CSV)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask import current_app

from crm.core import audit
from crm.core.exceptions import Conflict, Forbidden, Invalid, NotFound
from crm.core.i18n import N_, translate
from crm.core.jobs import CANCELLED, FAILED, Job, enqueue
from crm.core.pagination import Page, paginate
from crm.core.permissions import ADMIN, MANAGER, SALES
from crm.extensions import db
from crm.imports import reading
from crm.imports.mapping import check_mapping, missing_required, propose_mapping
from crm.imports.models import (
    COUNT_KEYS,
    IMPORT_SORT_FIELDS,
    ROW_SORT_FIELDS,
    Import,
    ImportFile,
    ImportRow,
)

if TYPE_CHECKING:
    from crm.auth.models import User

SALES_ENTITIES = ("leads", "companies", "contacts")
BUSY = ("checking", "importing", "reverting")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# --- who may import -----------------------------------------------------------------------


def require_importer(user: User, entity: str) -> None:
    """Admins and managers import every entity; sales reps leads, companies and contacts
    (which they will own); nobody else imports."""
    if user.role in (ADMIN, MANAGER):
        return
    if user.role == SALES and entity in SALES_ENTITIES:
        return
    raise Forbidden(N_("Your role cannot import these records."), code="role_forbidden")


def _visible(user: User):
    if user.role == ADMIN:
        return sa.true()
    return Import.created_by_id == user.id


def get_import(user: User, import_id: int) -> Import:
    """An import of the user's own (admins see all); 404 otherwise."""
    found = db.session.scalar(sa.select(Import).where(Import.id == import_id, _visible(user)))
    if found is None:
        raise NotFound(N_("No such import."), code="import_not_found")
    _settle(found)
    return found


def _settle(imp: Import) -> None:
    """An import whose job ended without finishing it (cancelled while queued, its worker
    killed) is `failed`, so it can be run again (or its job retried: it resumes)."""
    if imp.status in BUSY and imp.job_id is not None:
        job = db.session.get(Job, imp.job_id)
        if job is not None and job.status in (FAILED, CANCELLED):
            imp.status = "failed"


def list_imports(user: User, args: dict) -> Page:
    return paginate(
        db.session,
        sa.select(Import).where(_visible(user)),
        Import,
        fields=IMPORT_SORT_FIELDS,
        sort="-created_at",
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


def _check_match_on(entity: str, match_on: str | None) -> None:
    if match_on == "external_id" and entity != "products":
        raise Invalid(
            N_("Only products have an external id (their SKU) to match on."),
            code="external_id_unsupported",
            errors={"match_on": [N_("Not available for this entity.")]},
        )


# --- upload and mapping -------------------------------------------------------------------


def create_import(user: User, form: dict, file_name: str, content: bytes) -> Import:
    """Read the uploaded file (it must be readable now, so a bad file is refused at once), keep
    its bytes for the jobs, and propose a mapping from its headers.

    The bytes are kept in the database (`import_files`), not in the attachment store: they
    belong to the import only (no record owns them, so the store's per-record ownership,
    scoping and type checks do not apply), the jobs read them in the same transaction as the
    import's state, and they go when the import goes."""
    entity = form["entity"]
    require_importer(user, entity)
    _check_match_on(entity, form.get("match_on"))
    info = reading.inspect(
        content,
        file_name,
        sheet=form.get("sheet"),
        max_rows=current_app.config["IMPORT_MAX_ROWS"],
    )
    imp = Import(
        entity=entity,
        mode=form.get("mode") or "create",
        match_on=form.get("match_on"),
        create_duplicates=False,
        file_name=file_name,
        file_kind=info.kind,
        encoding=info.encoding,
        delimiter=info.delimiter,
        sheet=info.sheet,
        sheets=info.sheets,
        row_count=info.row_count,
        columns=info.columns,
        mapping=propose_mapping(entity, info.columns),
        samples=info.samples,
        status="uploaded",
        counts=empty_counts(),
        created_by_id=user.id,
    )
    db.session.add(imp)
    db.session.flush()
    db.session.add(ImportFile(import_id=imp.id, content=content, size=len(content)))
    audit.record(
        "create",
        "import",
        imp.id,
        changes={
            "file_name": {"old": None, "new": file_name},
            "entity": {"old": None, "new": entity},
        },
    )
    db.session.flush()
    return imp


def empty_counts() -> dict:
    return dict.fromkeys(COUNT_KEYS, 0)


def _check_idle(imp: Import) -> None:
    if imp.status in BUSY:
        raise Conflict(N_("The import is busy with another job."), code="import_busy")


def update_mapping(user: User, imp: Import, data: dict) -> Import:
    require_importer(user, imp.entity)
    _check_idle(imp)
    if imp.status in ("imported", "reverted"):
        raise Conflict(N_("The import is committed already."), code="import_committed")
    imp.mapping = check_mapping(imp.entity, imp.columns, data["mapping"])
    for name in ("mode", "match_on", "create_duplicates"):
        if name in data:
            setattr(imp, name, data[name])
    _check_match_on(imp.entity, imp.match_on)
    if imp.status == "checked":
        imp.status = "uploaded"  # the dry-run's report no longer describes this mapping
    db.session.flush()
    return imp


# --- jobs ---------------------------------------------------------------------------------


def _start(user: User, imp: Import, kind: str, status: str):
    require_importer(user, imp.entity)
    imp.status = status
    db.session.flush()
    job = enqueue(kind, params={"import_id": imp.id}, user=user)
    imp.job_id = job.id
    db.session.flush()
    return job


def _check_runnable(imp: Import) -> None:
    _check_idle(imp)
    if imp.status in ("imported", "reverted"):
        raise Conflict(N_("The import is committed already."), code="import_committed")
    missing = missing_required(imp.entity, imp.mapping)
    if missing:
        raise Invalid(
            N_("Map a column to each required field."),
            code="mapping_incomplete",
            errors={"mapping": [N_("No column for {fields}.").format(fields=", ".join(missing))]},
        )
    _check_match_on(imp.entity, imp.match_on)


def start_dry_run(user: User, imp: Import):
    _check_runnable(imp)
    return _start(user, imp, "imports.dry_run", "checking")


def start_commit(user: User, imp: Import):
    _check_runnable(imp)
    return _start(user, imp, "imports.commit", "importing")


def start_revert(user: User, imp: Import):
    _check_idle(imp)
    if imp.status not in ("imported", "failed") or imp.committed_at is None:
        raise Conflict(N_("Only a committed import can be reverted."), code="import_not_committed")
    return _start(user, imp, "imports.revert", "reverting")


# --- the report ---------------------------------------------------------------------------


def _rows(imp: Import, outcome: str | None) -> sa.Select:
    stmt = sa.select(ImportRow).where(ImportRow.import_id == imp.id)
    if outcome == "normalised":
        return stmt.where(ImportRow.normalised.is_(True))
    if outcome:
        return stmt.where(ImportRow.outcome == outcome)
    return stmt


def list_rows(imp: Import, args: dict) -> Page:
    return paginate(
        db.session,
        _rows(imp, args.get("outcome")),
        ImportRow,
        fields=ROW_SORT_FIELDS,
        sort="row_number",
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


def _safe_cell(value) -> str:
    """A cell no spreadsheet runs as a formula (a leading apostrophe)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def reason(row: ImportRow) -> str:
    return "; ".join(translate(p["message"]) for p in row.problems or [])


def rows_csv(imp: Import, outcome: str | None) -> str:
    """The report as CSV (UTF-8 with BOM, which Excel opens correctly for Chinese): the
    original columns, then the outcome and the reason."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([_safe_cell(c) for c in (*imp.columns, "outcome", "reason")])
    stmt = _rows(imp, outcome).order_by(ImportRow.row_number)
    for row in db.session.scalars(stmt.execution_options(yield_per=1000)):
        cells = [row.original.get(column, "") for column in imp.columns]
        writer.writerow([_safe_cell(c) for c in (*cells, row.outcome, reason(row))])
    return out.getvalue()
