"""The import jobs: dry-run, commit and revert, a batch (IMPORT_BATCH_SIZE rows) per
transaction with a checkpoint, so a job retried after a crash resumes after its last batch."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app

from crm.core import audit
from crm.core.exceptions import DomainError
from crm.core.i18n import N_
from crm.core.jobs import JobCancelled, JobContext, job_handler
from crm.core.records import key_of
from crm.core.types import utcnow
from crm.extensions import db
from crm.imports import reading
from crm.imports.models import COUNT_KEYS, Import, ImportFile, ImportRow
from crm.imports.rows import VALUE_FIELD, Row, Run
from crm.imports.writers import WRITERS, restore_data


def _info(imp: Import) -> reading.FileInfo:
    return reading.FileInfo(
        kind=imp.file_kind,
        encoding=imp.encoding,
        delimiter=imp.delimiter,
        sheet=imp.sheet,
        columns=list(imp.columns),
    )


def _file_names(imp: Import, content: bytes) -> set[str]:
    """The company names of the file (a parent named there may come after its subsidiary)."""
    if imp.entity != "companies" or "parent" not in imp.mapping.values():
        return set()
    column = next((c for c, f in imp.mapping.items() if f == "name"), None)
    names = set()
    for _, original in reading.iter_rows(content, _info(imp)):
        name = " ".join(str(original.get(column) or "").split())
        if name:
            names.add(key_of(name, "name"))
    return names


def _count(imp: Import) -> dict:
    counts = dict.fromkeys(COUNT_KEYS, 0)
    by_outcome = db.session.execute(
        sa.select(ImportRow.outcome, sa.func.count())
        .where(ImportRow.import_id == imp.id)
        .group_by(ImportRow.outcome)
    )
    for outcome, n in by_outcome:
        counts[outcome] = n
    counts["normalised"] = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(ImportRow)
        .where(ImportRow.import_id == imp.id, ImportRow.normalised.is_(True))
    )
    return counts


def _resume(run: Run, imp: Import, start: int) -> None:
    """Forget the rows of an interrupted batch; remember the keys of those done before it."""
    db.session.execute(
        sa.delete(ImportRow).where(ImportRow.import_id == imp.id, ImportRow.row_number >= start)
    )
    stored = db.session.execute(
        sa.select(ImportRow.row_number, ImportRow.values).where(
            ImportRow.import_id == imp.id, ImportRow.outcome.not_in(("error", "duplicate"))
        )
    )
    for number, values in stored:
        row = Row(number, {}, values=values or {})
        for kind in VALUE_FIELD:
            key = run.file_key(row, kind)
            if key is not None:
                run.seen.setdefault((kind, key), number)


def _store(imp: Import, rows: list[Row]) -> None:
    db.session.add_all(
        ImportRow(
            import_id=imp.id,
            row_number=row.number,
            outcome=row.outcome,
            normalised=bool(row.changes),
            original=row.original,
            values=row.values,
            changes=row.changes,
            problems=row.problems,
            candidates=row.candidates,
            record_id=row.record_id,
            previous=row.previous,
            reverted=False,
        )
        for row in rows
    )


def _run(ctx: JobContext, *, write: bool, done_status: str) -> dict:
    imp = db.session.get(Import, ctx.params["import_id"])
    imp.status = "importing" if write else "checking"  # also when a retry resumes
    content = db.session.get(ImportFile, imp.id).content
    batch_size = current_app.config["IMPORT_BATCH_SIZE"]
    run = Run(imp, ctx.user, write=write, file_names=_file_names(imp, content))
    start = (ctx.checkpoint or {}).get("next_row", 1)
    _resume(run, imp, start)
    batch: list[Row] = []
    done = start - 1

    def flush_batch() -> None:
        nonlocal done
        run.run_batch(batch)
        _store(imp, batch)
        done = batch[-1].number
        batch.clear()
        ctx.commit_batch(checkpoint={"next_row": done + 1})
        ctx.progress(
            int(done * 100 / max(imp.row_count, 1)) if done < imp.row_count else 99,
            N_("Checked {done} of {total} rows.").format(done=done, total=imp.row_count),
        )

    for number, original in reading.iter_rows(content, _info(imp), start=start):
        batch.append(run.prepare(number, original))
        if len(batch) >= batch_size:
            flush_batch()
    if batch:
        flush_batch()
    if write:
        run.finish_parents()
        imp.committed_at = utcnow()
    imp.counts = _count(imp)
    imp.status = done_status
    if write:
        audit.record(
            "commit", "import", imp.id, changes={"counts": {"old": None, "new": imp.counts}}
        )
    ctx.commit_batch(checkpoint={"next_row": done + 1, "finished": True})
    return {"import_id": imp.id, "counts": imp.counts}


def _guarded(ctx: JobContext, work):
    """Run `work`; on a failure or a cancel, the import says `failed` (its committed batches
    stay: a retry resumes after them, and revert undoes them)."""
    try:
        return work()
    except (DomainError, JobCancelled, Exception):
        db.session.rollback()
        imp = db.session.get(Import, ctx.params["import_id"])
        if imp is not None:
            imp.status = "failed"
            imp.counts = _count(imp)
            db.session.commit()
        raise


@job_handler("imports.dry_run")
def run_dry_run(ctx: JobContext) -> dict:
    return _guarded(ctx, lambda: _run(ctx, write=False, done_status="checked"))


@job_handler("imports.commit")
def run_commit(ctx: JobContext) -> dict:
    return _guarded(ctx, lambda: _run(ctx, write=True, done_status="imported"))


def _revert_row(writer, user, row: ImportRow) -> None:
    try:
        with db.session.begin_nested():
            record = writer.get(user, row.record_id)
            if row.outcome == "created":
                writer.remove(user, record)
            else:
                writer.update(user, record, restore_data(row.previous or {}))
        row.reverted = True
    except DomainError as error:
        row.problems = [
            *row.problems,
            {"field": None, "code": "revert_failed", "message": str(error.detail or error.code)},
        ]


def _revert(ctx: JobContext) -> dict:
    imp = db.session.get(Import, ctx.params["import_id"])
    imp.status = "reverting"
    writer = WRITERS[imp.entity]
    batch_size = current_app.config["IMPORT_BATCH_SIZE"]
    pending = sa.select(ImportRow).where(
        ImportRow.import_id == imp.id,
        ImportRow.outcome.in_(("created", "updated")),
        ImportRow.record_id.is_not(None),
        ImportRow.reverted.is_(False),
    )
    total = db.session.scalar(sa.select(sa.func.count()).select_from(pending.subquery()))
    done = 0
    while True:
        # Newest first: a subsidiary is undone before the parent it names.
        rows = list(
            db.session.scalars(pending.order_by(ImportRow.row_number.desc()).limit(batch_size))
        )
        if not rows:
            break
        for row in rows:
            _revert_row(writer, ctx.user, row)
            if not row.reverted:
                row.reverted = True  # reported in its problems; not tried again
        done += len(rows)
        ctx.commit_batch(checkpoint={"reverted": done})
        ctx.progress(
            min(99, int(done * 100 / max(total, 1))),
            N_("Reverted {done} of {total} rows.").format(done=done, total=total),
        )
    imp.status = "reverted"
    audit.record("revert", "import", imp.id, changes={"rows": {"old": None, "new": done}})
    ctx.commit_batch(checkpoint={"reverted": done, "finished": True})
    return {"import_id": imp.id, "counts": imp.counts}


@job_handler("imports.revert")
def run_revert(ctx: JobContext) -> dict:
    return _guarded(ctx, lambda: _revert(ctx))
