"""Pipelines and their stages: templates, stage management that never loses an opportunity,
and the board's column totals.

Archiving a stage keeps its opportunities where they are: they stay readable, listable and
movable (out of it; nothing new goes in), and the board shows an archived stage only while it
still holds opportunities the caller sees.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.auth import services as auth
from crm.core import audit
from crm.core.exceptions import Conflict, Invalid, NotFound
from crm.core.i18n import N_
from crm.core.money import cents
from crm.core.pagination import Page, paginate
from crm.core.records import get_or_404
from crm.core.search import owner_filter
from crm.core.types import utcnow
from crm.core.unit_of_work import flush_and_expire
from crm.extensions import db
from crm.sales.pipeline.models import Opportunity, Pipeline, Stage
from crm.sales.pipeline.schemas import PIPELINE_SORT_FIELDS

if TYPE_CHECKING:
    from crm.auth.models import User

INVALID = N_("The request has invalid fields.")
# (name, default probability, kind), in order. English names; the SPA translates them.
TEMPLATES = {
    "manufacturing": (
        "Manufacturing",
        (
            ("Inquiry", 10, "open"),
            ("Sample", 20, "open"),
            ("Quotation", 40, "open"),
            ("Negotiation", 70, "open"),
            ("Order", 100, "won"),
            ("Lost", 0, "lost"),
        ),
    ),
    "services": (
        "Services",
        (
            ("Discovery", 20, "open"),
            ("Proposal", 50, "open"),
            ("Contract", 100, "won"),
            ("Lost", 0, "lost"),
        ),
    ),
}
PIPELINE_FIELDS = ("name", "template", "is_default")
STAGE_FIELDS = ("name", "position", "probability", "kind")


# --- lookups (opportunities and conversion use these) ---------------------------------------


def get_pipeline(pipeline_id: int) -> Pipeline:
    not_found = NotFound(N_("No such pipeline."), code="pipeline_not_found")
    return get_or_404(Pipeline, pipeline_id, not_found=not_found)


def default_pipeline() -> Pipeline | None:
    return db.session.scalar(
        sa.select(Pipeline)
        .where(Pipeline.archived_at.is_(None))
        .order_by(Pipeline.is_default.desc(), Pipeline.id)
        .limit(1)
    )


def active_stages(pipeline: Pipeline) -> list[Stage]:
    return [stage for stage in pipeline.stages if stage.archived_at is None]


def first_open_stage(pipeline: Pipeline) -> Stage | None:
    return next((s for s in active_stages(pipeline) if s.kind == "open"), None)


def stage_of(pipeline: Pipeline, stage_id: int) -> Stage | None:
    return next((stage for stage in pipeline.stages if stage.id == stage_id), None)


# --- templates ----------------------------------------------------------------------------


def build_pipeline(template: str, name: str | None = None) -> Pipeline:
    """A new pipeline with the template's stages (added to the session, not committed)."""
    default_name, stages = TEMPLATES[template]
    pipeline = Pipeline(name=name or default_name, template=template, is_default=False)
    pipeline.stages = [
        Stage(name=stage_name, position=i, probability=probability, kind=kind)
        for i, (stage_name, probability, kind) in enumerate(stages)
    ]
    db.session.add(pipeline)
    return pipeline


# --- pipelines ----------------------------------------------------------------------------


def list_pipelines(args: dict) -> Page:
    stmt = sa.select(Pipeline)
    if args.get("archived"):
        stmt = stmt.where(Pipeline.archived_at.is_not(None))
    else:
        stmt = stmt.where(Pipeline.archived_at.is_(None))
    return paginate(
        db.session,
        stmt,
        Pipeline,
        fields=PIPELINE_SORT_FIELDS,
        sort=args["sort"],
        limit=args["limit"],
        cursor=args.get("cursor"),
    )


def _make_default(pipeline: Pipeline) -> None:
    if pipeline.archived_at is not None:
        raise Conflict(
            N_("An archived pipeline cannot be the default."),
            errors={"is_default": [N_("The pipeline is archived.")]},
        )
    others = db.session.scalars(
        sa.select(Pipeline).where(Pipeline.is_default.is_(True), Pipeline.id != pipeline.id)
    )
    for other in others:
        other.is_default = False
        audit.record(
            "update", "pipeline", other.id, changes={"is_default": {"old": True, "new": False}}
        )
    pipeline.is_default = True


def create_pipeline(user: User, data: dict) -> Pipeline:
    if data.get("template"):
        pipeline = build_pipeline(data["template"], data.get("name"))
    else:
        pipeline = Pipeline(name=data["name"], is_default=False)
        pipeline.stages = [
            Stage(
                name=stage["name"],
                position=i,
                probability=stage.get("probability", 0),
                kind=stage.get("kind", "open"),
            )
            for i, stage in enumerate(data["stages"])
        ]
        db.session.add(pipeline)
    _check_unique_stage_names(pipeline.stages)
    db.session.flush()
    if data.get("is_default") or default_pipeline() in (None, pipeline):
        _make_default(pipeline)
    changes = audit.snapshot(pipeline, PIPELINE_FIELDS)
    changes["stages"] = {"old": None, "new": [_stage_summary(s) for s in pipeline.stages]}
    audit.record("create", "pipeline", pipeline.id, changes=changes)
    flush_and_expire()
    return pipeline


def update_pipeline(user: User, pipeline: Pipeline, data: dict) -> Pipeline:
    data = dict(data)
    make_default = data.pop("is_default", None)
    changes = audit.apply_changes(pipeline, data)
    if make_default and not pipeline.is_default:
        _make_default(pipeline)
        changes["is_default"] = {"old": False, "new": True}
    elif make_default is False and pipeline.is_default:
        raise Conflict(
            N_("Make another pipeline the default instead."),
            errors={"is_default": [N_("There is always a default pipeline.")]},
        )
    if changes:
        audit.record("update", "pipeline", pipeline.id, changes=changes)
    flush_and_expire()
    return pipeline


def archive_pipeline(user: User, pipeline: Pipeline) -> None:
    """Hide it from the list and from new opportunities; its opportunities stay readable."""
    if pipeline.archived_at is not None:
        return
    pipeline.archived_at = utcnow()
    pipeline.is_default = False
    audit.record("archive", "pipeline", pipeline.id)
    db.session.flush()
    successor = default_pipeline()
    if successor is not None and not successor.is_default:
        _make_default(successor)
    flush_and_expire()


# --- stages -------------------------------------------------------------------------------


def _stage_summary(stage: Stage) -> dict:
    return {"name": stage.name, "probability": stage.probability, "kind": stage.kind}


def _check_unique_stage_names(stages: list[Stage]) -> None:
    seen = set()
    for stage in stages:
        if stage.archived_at is not None:
            continue
        key = stage.name.strip().lower()
        if key in seen:
            raise Invalid(
                INVALID,
                errors={"name": [N_("Two stages are named {name}.").format(name=repr(stage.name))]},
            )
        seen.add(key)


def _renumber(pipeline: Pipeline, ordered_active: list[Stage]) -> None:
    """Positions 0..n-1 for the active stages, archived ones after them in their old order."""
    archived = [stage for stage in pipeline.stages if stage.archived_at is not None]
    for position, stage in enumerate([*ordered_active, *archived]):
        stage.position = position


def _touch(pipeline: Pipeline) -> None:
    """A stage change is a change of its pipeline: a new version, so a new ETag."""
    pipeline.updated_at = utcnow()


def _get_stage(pipeline: Pipeline, stage_id: int) -> Stage:
    stage = stage_of(pipeline, stage_id)
    if stage is None:
        raise NotFound(N_("No such stage in this pipeline."), code="stage_not_found")
    return stage


def _holds_opportunities(stage: Stage) -> bool:
    return (
        db.session.scalar(
            sa.select(Opportunity.id)
            .where(Opportunity.stage_id == stage.id, Opportunity.deleted_at.is_(None))
            .limit(1)
        )
        is not None
    )


def _keeps_an_open_stage(pipeline: Pipeline, without: Stage) -> None:
    if not any(s.kind == "open" and s is not without for s in active_stages(pipeline)):
        raise Conflict(N_("A pipeline needs at least one open stage."), code="conflict")


def add_stage(user: User, pipeline: Pipeline, data: dict) -> Pipeline:
    active = active_stages(pipeline)
    stage = Stage(
        name=data["name"],
        probability=data.get("probability", 0),
        kind=data.get("kind", "open"),
        position=len(pipeline.stages),
    )
    if "position" in data:
        index = min(data["position"], len(active))
    elif stage.kind == "open":
        # Before the won and lost stages, after the other open ones.
        closed = [i for i, s in enumerate(active) if s.kind != "open"]
        index = closed[0] if closed else len(active)
    else:
        index = len(active)
    pipeline.stages.append(stage)
    _check_unique_stage_names(pipeline.stages)
    _renumber(pipeline, [*active[:index], stage, *active[index:]])
    _touch(pipeline)
    db.session.flush()
    audit.record("create", "stage", stage.id, changes=audit.snapshot(stage, STAGE_FIELDS))
    flush_and_expire()
    return pipeline


def update_stage(user: User, pipeline: Pipeline, stage_id: int, data: dict) -> Pipeline:
    stage = _get_stage(pipeline, stage_id)
    if "kind" in data and data["kind"] != stage.kind:
        if _holds_opportunities(stage):
            raise Conflict(
                N_("The stage holds opportunities: move them before changing its kind."),
                errors={"kind": [N_("The stage holds opportunities.")]},
            )
        if stage.kind == "open" and stage.archived_at is None:
            _keeps_an_open_stage(pipeline, stage)
    changes = audit.apply_changes(stage, data)
    _check_unique_stage_names(pipeline.stages)
    if changes:
        _touch(pipeline)
        audit.record("update", "stage", stage.id, changes=changes)
    flush_and_expire()
    return pipeline


def reorder_stages(user: User, pipeline: Pipeline, stage_ids: list[int]) -> Pipeline:
    active = active_stages(pipeline)
    if sorted(stage_ids) != sorted(stage.id for stage in active):
        raise Invalid(
            INVALID,
            errors={
                "stage_ids": [N_("List every stage of the pipeline that is not archived, once.")]
            },
        )
    by_id = {stage.id: stage for stage in active}
    old = [stage.id for stage in active]
    _renumber(pipeline, [by_id[stage_id] for stage_id in stage_ids])
    if old != stage_ids:
        _touch(pipeline)
        changes = {"stage_ids": {"old": old, "new": list(stage_ids)}}
        audit.record("reorder", "pipeline", pipeline.id, changes=changes)
    flush_and_expire()
    return pipeline


def archive_stage(user: User, pipeline: Pipeline, stage_id: int) -> Pipeline:
    """Archive a stage: nothing new goes in; opportunities in it stay there, untouched."""
    stage = _get_stage(pipeline, stage_id)
    if stage.archived_at is not None:
        return pipeline
    if stage.kind == "open":
        _keeps_an_open_stage(pipeline, stage)
    remaining = [s for s in active_stages(pipeline) if s is not stage]
    stage.archived_at = utcnow()
    _renumber(pipeline, remaining)
    _touch(pipeline)
    audit.record("archive", "stage", stage.id)
    flush_and_expire()
    return pipeline


# --- the board ----------------------------------------------------------------------------


def board(user: User, pipeline_id: int, args: dict) -> dict:
    """Per stage: how many opportunities the caller sees, their total and weighted amounts.

    Totals add up the opportunities in `currency`; the others are counted in `count` and in
    `other_currency_count`. The weighted amount uses each opportunity's own probability, or its
    stage's default.
    """
    pipeline = get_pipeline(pipeline_id)
    currency = args.get("currency") or "CNY"
    probability = sa.func.coalesce(Opportunity.probability, Stage.probability)
    stmt = (
        sa.select(
            Opportunity.stage_id,
            Opportunity.currency,
            probability,
            sa.func.count(Opportunity.id),
            sa.func.sum(Opportunity.amount),
        )
        .join(Stage, Stage.id == Opportunity.stage_id)
        .where(
            Opportunity.pipeline_id == pipeline.id,
            Opportunity.deleted_at.is_(None),
            auth.visible_records(user, Opportunity.owner_id),
        )
        .group_by(Opportunity.stage_id, Opportunity.currency, probability)
    )
    owner = owner_filter(Opportunity.owner_id, args.get("owner_id"), user.id)
    if owner is not None:
        stmt = stmt.where(owner)
    totals: dict[int, dict] = {}
    for stage_id, row_currency, percent, count, amount in db.session.execute(stmt):
        column = totals.setdefault(
            stage_id, {"count": 0, "total": Decimal(0), "weighted": Decimal(0), "other": 0}
        )
        column["count"] += count
        if row_currency != currency:
            column["other"] += count
            continue
        amount = cents(amount)
        column["total"] += amount
        column["weighted"] += amount * Decimal(percent or 0) / 100
    columns = []
    for stage in pipeline.stages:
        column = totals.get(stage.id)
        if stage.archived_at is not None and not column:
            continue
        column = column or {"count": 0, "total": Decimal(0), "weighted": Decimal(0), "other": 0}
        columns.append(
            {
                "stage": stage,
                "count": column["count"],
                "total_amount": cents(column["total"]),
                "weighted_amount": cents(column["weighted"]),
                "other_currency_count": column["other"],
            }
        )
    return {"pipeline_id": pipeline.id, "currency": currency, "columns": columns}
