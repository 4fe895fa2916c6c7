"""Opportunities: scoping by owner (as leads), stage moves with their history, won and lost,
product lines and the amount they add up to."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.auth import services as auth
from crm.core import audit
from crm.core.exceptions import DomainError, Invalid, NotFound
from crm.core.i18n import N_
from crm.core.money import fits_money, line_total
from crm.core.pagination import ListQuery, Page, SortField, paginate
from crm.core.records import (
    get_or_404,
    move_links,
    not_deleted,
    put_back_links,
    records_by_key,
    soft_delete,
)
from crm.core.search import owner_filter, search
from crm.core.types import utcnow
from crm.core.unit_of_work import flush_and_expire
from crm.customers import services as customers
from crm.extensions import db
from crm.sales.pipeline import services as pipelines
from crm.sales.pipeline.models import (
    OPPORTUNITY_SORT_FIELDS,
    Opportunity,
    OpportunityLine,
    Pipeline,
    Stage,
    StageChange,
)
from crm.sales.products import services as products

if TYPE_CHECKING:
    from crm.auth.models import User

NOT_FOUND = N_("No such opportunity.")
INVALID = N_("The request has invalid fields.")
OPPORTUNITY_FIELDS = (
    "name",
    "company_id",
    "contact_id",
    "lead_id",
    "pipeline_id",
    "stage_id",
    "amount",
    "currency",
    "expected_close_date",
    "probability",
    "owner_id",
    "status",
    "lost_reason",
    "description",
)
HISTORY_SORT_FIELDS = {"changed_at": SortField("changed_at")}


def _invalid(field: str, message: str) -> DomainError:
    return Invalid(INVALID, errors={field: [message]})


# --- lookups ------------------------------------------------------------------------------


def _visible(user: User):
    return sa.and_(not_deleted(Opportunity), auth.visible_records(user, Opportunity.owner_id))


def get_opportunity(user: User, opportunity_id: int, *, for_update: bool = False) -> Opportunity:
    return get_or_404(
        Opportunity,
        opportunity_id,
        _visible(user),
        not_found=NotFound(NOT_FOUND, code="opportunity_not_found"),
        for_update=for_update,
    )


def get_opportunity_to_change(user: User, opportunity_id: int) -> Opportunity:
    """404 outside the user's scope, then 403 for readers (before any If-Match check)."""
    opportunity = get_opportunity(user, opportunity_id)
    auth.require_writer(user)
    return opportunity


def opportunities_query(user: User, args: dict) -> ListQuery:
    """The opportunities the list shows for `args` (its filters; not its page), scoped."""
    stmt = sa.select(Opportunity).where(_visible(user))
    for name in ("pipeline_id", "stage_id", "company_id"):
        if args.get(name) is not None:
            stmt = stmt.where(getattr(Opportunity, name) == args[name])
    owner = owner_filter(Opportunity.owner_id, args.get("owner_id"), user.id)
    if owner is not None:
        stmt = stmt.where(owner)
    if args.get("close_after"):
        stmt = stmt.where(Opportunity.expected_close_date >= args["close_after"])
    if args.get("close_before"):
        stmt = stmt.where(Opportunity.expected_close_date <= args["close_before"])
    if args.get("status"):
        stmt = stmt.where(Opportunity.status.in_(args["status"]))
    if args.get("q"):
        stmt = stmt.where(search(args["q"].strip(), (Opportunity.name, Opportunity.description)))
    return ListQuery(stmt, Opportunity, OPPORTUNITY_SORT_FIELDS)


def list_opportunities(user: User, args: dict) -> Page:
    return opportunities_query(user, args).page(args)


# --- rules --------------------------------------------------------------------------------


def _resolve_stage(
    pipeline_id: int | None, stage_id: int | None, current: Stage | None = None
) -> tuple[Pipeline, Stage]:
    """The pipeline and stage an opportunity goes to: the given stage (of the given pipeline),
    or the first open stage of the given (or default) pipeline. Archived ones take nothing new
    (staying in the current stage is fine)."""
    if stage_id is not None:
        stage = db.session.get(Stage, stage_id)
        if stage is None:
            raise _invalid("stage_id", N_("No such stage."))
        if pipeline_id is not None and stage.pipeline_id != pipeline_id:
            raise _invalid("stage_id", N_("Not a stage of this pipeline."))
        pipeline = stage.pipeline
    else:
        if pipeline_id is not None:
            pipeline = db.session.get(Pipeline, pipeline_id)
            if pipeline is None:
                raise _invalid("pipeline_id", N_("No such pipeline."))
        else:
            pipeline = pipelines.default_pipeline()
            if pipeline is None:
                raise _invalid("pipeline_id", N_("There is no pipeline yet; an admin creates one."))
        stage = pipelines.first_open_stage(pipeline)
        if stage is None:
            raise _invalid("pipeline_id", N_("The pipeline has no open stage."))
    if stage is current:
        return pipeline, stage
    if pipeline.archived_at is not None:
        raise _invalid("pipeline_id", N_("The pipeline is archived."))
    if stage.archived_at is not None:
        raise _invalid("stage_id", N_("The stage is archived."))
    return pipeline, stage


def _build_lines(
    raw_lines: list[dict], currency: str, keep_product_ids: set[int]
) -> list[OpportunityLine]:
    """Lines for the products named; the unit price defaults to the product's own price (when
    priced in the opportunity's currency). A product no longer sold is refused unless the
    opportunity already quoted it."""
    catalogue = products.products_by_id(line["product_id"] for line in raw_lines)
    lines = []
    for i, raw in enumerate(raw_lines):
        product = catalogue.get(raw["product_id"])
        if product is None:
            raise _invalid(f"lines.{i}.product_id", N_("No such product."))
        if not product.active and product.id not in keep_product_ids:
            raise _invalid(f"lines.{i}.product_id", N_("This product is no longer sold."))
        unit_price = raw.get("unit_price")
        if unit_price is None:
            if product.currency != currency:
                raise _invalid(
                    f"lines.{i}.unit_price",
                    N_("Required: the product is priced in {currency}.").format(
                        currency=product.currency
                    ),
                )
            unit_price = product.price
        line = OpportunityLine(
            product_id=product.id,
            quantity=raw["quantity"],
            unit_price=unit_price,
            discount=raw.get("discount") or Decimal("0.00"),
            position=i,
        )
        if not fits_money(line_total(line.quantity, line.unit_price, line.discount)):
            raise _invalid(f"lines.{i}.quantity", N_("The line's total is too large."))
        lines.append(line)
    return lines


def _lines_total(lines: list[OpportunityLine]) -> Decimal:
    total = sum(
        (line_total(line.quantity, line.unit_price, line.discount) for line in lines),
        Decimal("0.00"),
    )
    if not fits_money(total):
        raise _invalid("lines", N_("The lines add up to more than an amount can hold."))
    return total


def _lines_summary(lines: list[OpportunityLine]) -> list[dict]:
    return [
        {
            "product_id": line.product_id,
            "quantity": str(line.quantity),
            "unit_price": str(line.unit_price),
            "discount": str(line.discount),
        }
        for line in lines
    ]


def _check_lost_reason(kind: str, lost_reason: str | None) -> None:
    if lost_reason is not None and kind != "lost":
        raise _invalid("lost_reason", N_("Only a lost opportunity has a lost reason."))


def _record_move(opportunity: Opportunity, from_stage_id: int | None, user: User) -> None:
    db.session.add(
        StageChange(
            opportunity_id=opportunity.id,
            from_stage_id=from_stage_id,
            to_stage_id=opportunity.stage_id,
            changed_by_id=user.id,
        )
    )


# --- create, update, delete ---------------------------------------------------------------


def _new_opportunity(user: User, data: dict, lead_id: int | None) -> Opportunity:
    """A valid new opportunity with its lines, added to the session (not flushed)."""
    data = dict(data)
    owner_id = data.pop("owner_id", user.id)
    auth.check_owner_change(user, owner_id, user.id)
    pipeline, stage = _resolve_stage(data.pop("pipeline_id", None), data.pop("stage_id", None))
    customers.check_references(user, data)
    _check_lost_reason(stage.kind, data.get("lost_reason"))
    currency = data.setdefault("currency", "CNY")
    raw_lines = data.pop("lines", None) or []
    lines = _build_lines(raw_lines, currency, set())
    if "amount" not in data:
        data["amount"] = _lines_total(lines)
    opportunity = Opportunity(
        **data,
        pipeline_id=pipeline.id,
        stage=stage,
        owner_id=owner_id,
        created_by_id=user.id,
        lead_id=lead_id,
        status=stage.kind,
        closed_at=None if stage.kind == "open" else utcnow(),
        lines=lines,
    )
    db.session.add(opportunity)
    return opportunity


def _created(user: User, opportunity: Opportunity) -> None:
    """Once flushed: the first stage move and the audit event of a new opportunity."""
    _record_move(opportunity, None, user)
    changes = audit.snapshot(opportunity, OPPORTUNITY_FIELDS)
    if opportunity.lines:
        changes["lines"] = {"old": None, "new": _lines_summary(opportunity.lines)}
    audit.record("create", "opportunity", opportunity.id, changes=changes)


def create_opportunity(user: User, data: dict, *, lead_id: int | None = None) -> Opportunity:
    """Validate and add an opportunity, flushed and audited (lead conversion creates one
    within its own work)."""
    auth.require_writer(user)
    opportunity = _new_opportunity(user, data, lead_id)
    db.session.flush()
    _created(user, opportunity)
    return opportunity


def create_opportunities(user: User, items: list[dict]) -> list[Opportunity | DomainError]:
    """Many opportunities at once (an import's batch), each checked as `create_opportunity`
    checks one: one answer per item, the opportunity or why it was refused; the valid ones
    are added in one flush, with their stage history and audit events."""
    auth.require_writer(user)
    answers: list[Opportunity | DomainError] = []
    for data in items:
        try:
            answers.append(_new_opportunity(user, data, None))
        except DomainError as error:
            answers.append(error)
    db.session.flush()
    for opportunity in answers:
        if isinstance(opportunity, Opportunity):
            _created(user, opportunity)
    db.session.flush()
    return answers


def update_opportunity(user: User, opportunity: Opportunity, data: dict) -> Opportunity:
    """Change fields; a new `stage_id` is a stage move (recorded with who and when), and moving
    to a won or lost stage closes the opportunity."""
    auth.require_writer(user)
    data = dict(data)
    if "owner_id" in data:
        auth.check_owner_change(user, data["owner_id"], opportunity.owner_id)
    changed_refs = {
        field: data[field]
        for field in ("company_id", "contact_id")
        if field in data and data[field] != getattr(opportunity, field)
    }
    customers.check_references(user, changed_refs)

    old_stage = opportunity.stage
    pipeline_id = data.pop("pipeline_id", opportunity.pipeline_id)
    stage_id = data.pop("stage_id", None)
    if stage_id is None and pipeline_id == opportunity.pipeline_id:
        stage_id = opportunity.stage_id
    pipeline, stage = _resolve_stage(pipeline_id, stage_id, current=old_stage)

    lost_reason = data.get("lost_reason", opportunity.lost_reason if stage.kind == "lost" else None)
    if "lost_reason" not in data and stage.kind != "lost":
        data["lost_reason"] = None  # leaving the lost stage forgets why it was lost
    _check_lost_reason(stage.kind, lost_reason)

    changes: dict = {}
    if "lines" in data:
        raw_lines = data.pop("lines") or []
        currency = data.get("currency", opportunity.currency)
        keep = {line.product_id for line in opportunity.lines}
        old_lines = _lines_summary(opportunity.lines)
        lines = _build_lines(raw_lines, currency, keep)
        if _lines_summary(lines) != old_lines:
            opportunity.lines = lines
            changes["lines"] = {"old": old_lines, "new": _lines_summary(lines)}
        if "amount" not in data:
            data["amount"] = _lines_total(lines)

    data.update(pipeline_id=pipeline.id, stage_id=stage.id, status=stage.kind)
    if stage.kind != opportunity.status:
        data["closed_at"] = None if stage.kind == "open" else utcnow()
    changes.update(audit.apply_changes(opportunity, data))
    if stage is not old_stage:
        opportunity.stage = stage
        _record_move(opportunity, old_stage.id, user)
    if changes:
        audit.record("update", "opportunity", opportunity.id, changes=changes)
    flush_and_expire()
    return opportunity


def delete_opportunity(user: User, opportunity: Opportunity) -> None:
    auth.require_writer(user)
    soft_delete(opportunity, "opportunity")


# --- stage history ------------------------------------------------------------------------


def stage_history(user: User, opportunity_id: int, args: dict) -> Page:
    """The opportunity's stage moves, oldest first, with stage and user names."""
    opportunity = get_opportunity(user, opportunity_id)
    page = paginate(
        db.session,
        sa.select(StageChange).where(StageChange.opportunity_id == opportunity.id),
        StageChange,
        fields=HISTORY_SORT_FIELDS,
        sort="changed_at",
        limit=args["limit"],
        cursor=args.get("cursor"),
    )
    stage_ids = {c.from_stage_id for c in page.items} | {c.to_stage_id for c in page.items}
    stage_names = dict(
        db.session.execute(sa.select(Stage.id, Stage.name).where(Stage.id.in_(stage_ids))).all()
    )
    user_ids = {c.changed_by_id for c in page.items if c.changed_by_id is not None}
    user_names = auth.user_names(user_ids)
    page.items = [
        {
            "id": change.id,
            "from_stage_id": change.from_stage_id,
            "from_stage_name": stage_names.get(change.from_stage_id),
            "to_stage_id": change.to_stage_id,
            "to_stage_name": stage_names.get(change.to_stage_id),
            "changed_by_id": change.changed_by_id,
            "changed_by_name": user_names.get(change.changed_by_id),
            "changed_at": change.changed_at,
        }
        for change in page.items
    ]
    return page


def opportunities_by_name(user: User, names) -> dict[str, list[Opportunity]]:
    """Visible opportunities by name (trimmed, case-folded), grouped by key (imports)."""
    stmt = sa.select(Opportunity).where(_visible(user))
    return records_by_key(stmt, Opportunity.name, "name", names)


# --- merging duplicates (crm.imports) ----------------------------------------------------


def move_opportunities(field: str, from_ids, to_id: int) -> dict[str, list[int]]:
    """Merge: the opportunities of the records `from_ids` now belong to `to_id` (`field`:
    lead_id, company_id or contact_id); the ids moved, per former record (what undo puts back)."""
    return move_links(Opportunity, field, from_ids, to_id)


def put_back_opportunities(field: str, moved: dict[str, list[int]], current_id: int) -> int:
    """Undo of a merge: the opportunities moved to `current_id` go back to their former records."""
    return put_back_links(Opportunity, field, moved, current_id)
