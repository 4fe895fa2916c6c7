"""The duplicate scan (`duplicates.scan` job): groups of existing records alike by one rule,
stored for `GET /duplicates` (which shows each user only the records they may see).

Each rule reads the table once, in index order and in batches, each batch committed with the
job's checkpoint (a retried scan resumes where it stopped):

- `email` and `phone`: the values more than one record shares (GROUP BY on the indexed
  column), then the records of each such value;
- `name`: every record in `name_key` order (leads: then by person name), each compared with the
  first record of the run of alike keys before it (a sorted-neighbourhood pass), so a table of a
  million rows costs one ordered index scan and one comparison per row.
"""

from __future__ import annotations

import sqlalchemy as sa

from crm.core.dedupe import DuplicateSource, case_insensitive, email_equals
from crm.core.i18n import N_
from crm.core.jobs import JobContext, job_handler
from crm.extensions import db
from crm.imports import duplicate_rules as rules
from crm.imports.duplicates.models import DuplicateGroup, DuplicateGroupMember

BATCH = 1000
MAX_GROUP = 50
PHASES = ("email", "phone", "name")


def _store(entity: str, rule: str, key: str, score: int, ids) -> None:
    ids = sorted(set(ids))[:MAX_GROUP]
    if len(ids) < 2:
        return
    group = DuplicateGroup(entity=entity, rule=rule, key=key[:255], score=score)
    db.session.add(group)
    db.session.flush()
    db.session.add_all(DuplicateGroupMember(group_id=group.id, record_id=i) for i in ids)


def _value_expression(src: DuplicateSource, rule: str):
    column = src.email if rule == "email" else src.phone
    if rule == "email" and db.session.get_bind().dialect.name == "sqlite":
        return sa.func.lower(column)  # MariaDB's collation already ignores case
    return column


def _shared_values(ctx: JobContext, src: DuplicateSource, rule: str, state: dict) -> bool:
    """One batch of the values more than one record shares (after the checkpoint's); False
    when done."""
    after = state.get("after")
    value = _value_expression(src, rule)
    stmt = (
        sa.select(value)
        .where(src.visible, value.is_not(None), value != "")
        .group_by(value)
        .having(sa.func.count() > 1)
        .order_by(value)
        .limit(BATCH)
    )
    if after is not None:
        stmt = stmt.where(value > after)
    values = list(db.session.scalars(stmt))
    for shared in values:
        condition = email_equals(src.email, shared) if rule == "email" else src.phone == shared
        ids = db.session.scalars(
            sa.select(src.model.id).where(src.visible, condition).limit(MAX_GROUP)
        )
        _store(src.entity, rule, f"{rule}:{shared}", 100, ids)
    if not values:
        return False
    ctx.commit_batch(checkpoint={"phase": rule, "after": values[-1]})
    return True


def _name_batch(ctx: JobContext, src: DuplicateSource, _rule: str, checkpoint: dict) -> bool:
    """One batch of the sorted-neighbourhood pass; False when done. The run being built (its
    first record and members) is kept in the checkpoint."""
    model, key_column = src.model, src.name_key
    by_person = [case_insensitive(src.person)] if src.person is not None else []
    columns = [key_column, *by_person, model.id]
    stmt = sa.select(model.id, key_column, *([src.person] if src.person is not None else []))
    stmt = stmt.where(src.visible, key_column != "")
    after = checkpoint.get("after")
    if after is not None:
        stmt = stmt.where(sa.tuple_(*columns) > sa.tuple_(*after))
    rows = db.session.execute(stmt.order_by(*columns).limit(BATCH)).all()
    run = checkpoint.get("run")  # {"leader": [key, person], "ids": [...], "score": n}
    limit = rules.threshold()
    for row in rows:
        person = rules.person_name_key(row[2]) if src.person is not None else ""
        values = (row[1], person)
        score = 0
        if run is not None and rules.key_prefix(run["leader"][0]) == rules.key_prefix(row[1]):
            score = rules.pair_name_score(src, tuple(run["leader"]), values)
        if run is not None and score >= limit:
            run["ids"].append(row[0])
            run["score"] = min(run["score"], score)
            continue
        if run is not None:
            _store(src.entity, "name", f"name:{run['leader'][0]}", run["score"], run["ids"])
        run = {"leader": list(values), "ids": [row[0]], "score": 100}
    if not rows:
        if run is not None:
            _store(src.entity, "name", f"name:{run['leader'][0]}", run["score"], run["ids"])
        return False
    last = rows[-1]
    after = [last[1]] + ([last[2]] if src.person is not None else []) + [last[0]]
    ctx.commit_batch(checkpoint={"phase": "name", "after": after, "run": run})
    return True


def _rules_of(src: DuplicateSource) -> list[str]:
    present = {"email": src.email, "phone": src.phone, "name": src.name_key}
    return [rule for rule in PHASES if present[rule] is not None]


PROGRESS = {
    "email": N_("Looking for records with the same email."),
    "phone": N_("Looking for records with the same phone."),
    "name": N_("Looking for records with alike names."),
}


@job_handler("duplicates.scan")
def run_scan(ctx: JobContext) -> dict:
    """Replace the entity's groups with those found now (every record not deleted)."""
    entity = ctx.params["entity"]
    src = rules.source(entity, None)
    phases = _rules_of(src)
    if ctx.checkpoint is None:
        old = sa.select(DuplicateGroup.id).where(DuplicateGroup.entity == entity)
        db.session.execute(
            sa.delete(DuplicateGroupMember).where(DuplicateGroupMember.group_id.in_(old))
        )
        db.session.execute(sa.delete(DuplicateGroup).where(DuplicateGroup.entity == entity))
        ctx.commit_batch(checkpoint={"phase": phases[0], "after": None})
    start = phases.index(ctx.checkpoint["phase"])
    for index, rule in enumerate(phases[start:], start):
        ctx.progress(100 * index / len(phases), PROGRESS[rule])
        state = ctx.checkpoint if index == start else {"phase": rule, "after": None}
        step = _name_batch if rule == "name" else _shared_values
        while step(ctx, src, rule, state):
            state = ctx.checkpoint
    groups = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(DuplicateGroup)
        .where(DuplicateGroup.entity == entity)
    )
    return {"entity": entity, "groups": groups}
