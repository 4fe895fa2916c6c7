"""Sales orders: from a won opportunity or entered directly; numbering, totals, stock checks per
line, and the status transitions an order may make."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.auth import services as auth
from crm.core import audit
from crm.core.exceptions import Conflict, DomainError, Invalid, NotFound
from crm.core.i18n import N_
from crm.core.money import fits_money, line_total
from crm.core.pagination import ListQuery, Page
from crm.core.records import get_or_404, move_links, not_deleted, put_back_links
from crm.core.search import like_pattern, owner_filter
from crm.core.types import utcnow
from crm.core.unit_of_work import flush_and_expire
from crm.customers import services as customers
from crm.extensions import db
from crm.sales.orders.models import ORDER_SORT_FIELDS, OrderLine, SalesOrder
from crm.sales.pipeline import opportunities
from crm.sales.products import services as products

if TYPE_CHECKING:
    from crm.auth.models import User

NOT_FOUND = N_("No such order.")
INVALID = N_("The request has invalid fields.")
TRANSITIONS = {
    "draft": ("confirmed", "cancelled"),
    "confirmed": ("shipped", "cancelled"),
    "shipped": ("completed",),
    "completed": (),
    "cancelled": (),
}
DRAFT_ONLY = ("lines", "company_id", "contact_id", "currency")
ORDER_FIELDS = (
    "number",
    "company_id",
    "contact_id",
    "opportunity_id",
    "owner_id",
    "status",
    "currency",
    "total",
    "notes",
)


def _invalid(field: str, message: str) -> DomainError:
    return Invalid(INVALID, errors={field: [message]})


# --- lookups ------------------------------------------------------------------------------


def _visible(user: User):
    return sa.and_(not_deleted(SalesOrder), auth.visible_records(user, SalesOrder.owner_id))


def get_order(user: User, order_id: int) -> SalesOrder:
    """An order the user sees (service staff see every order, to answer customers)."""
    return get_or_404(
        SalesOrder, order_id, _visible(user), not_found=NotFound(NOT_FOUND, code="order_not_found")
    )


def get_order_to_change(user: User, order_id: int) -> SalesOrder:
    order = get_order(user, order_id)
    auth.require_writer(user)
    return order


def orders_query(user: User, args: dict) -> ListQuery:
    """The orders the list shows for `args` (its filters; not its page), scoped."""
    stmt = sa.select(SalesOrder).where(_visible(user))
    if args.get("status"):
        stmt = stmt.where(SalesOrder.status.in_(args["status"]))
    for name in ("company_id", "opportunity_id"):
        if args.get(name) is not None:
            stmt = stmt.where(getattr(SalesOrder, name) == args[name])
    owner = owner_filter(SalesOrder.owner_id, args.get("owner_id"), user.id)
    if owner is not None:
        stmt = stmt.where(owner)
    if args.get("q"):
        stmt = stmt.where(SalesOrder.number.ilike(like_pattern(args["q"].strip()), escape="\\"))
    return ListQuery(stmt, SalesOrder, ORDER_SORT_FIELDS)


def list_orders(user: User, args: dict) -> Page:
    return orders_query(user, args).page(args)


# --- lines, totals and stock --------------------------------------------------------------


def _build_lines(
    raw_lines: list[dict], currency: str, keep_product_ids: set[int]
) -> list[OrderLine]:
    """Lines with their totals; a product no longer sold is refused unless it comes from the
    opportunity or is already on the order."""
    catalogue = products.products_by_id(
        line["product_id"] for line in raw_lines if line.get("product_id") is not None
    )
    lines = []
    for i, raw in enumerate(raw_lines):
        product = None
        if raw.get("product_id") is not None:
            product = catalogue.get(raw["product_id"])
            if product is None:
                raise _invalid(f"lines.{i}.product_id", N_("No such product."))
            if not product.active and product.id not in keep_product_ids:
                raise _invalid(f"lines.{i}.product_id", N_("This product is no longer sold."))
        elif not raw.get("description"):
            raise _invalid(f"lines.{i}.description", N_("Name the product or describe the line."))
        unit_price = raw.get("unit_price")
        if unit_price is None:
            if product is None:
                raise _invalid(f"lines.{i}.unit_price", N_("Missing data for required field."))
            if product.currency != currency:
                raise _invalid(
                    f"lines.{i}.unit_price",
                    N_("Required: the product is priced in {currency}.").format(
                        currency=product.currency
                    ),
                )
            unit_price = product.price
        discount = raw.get("discount") or Decimal("0.00")
        total = line_total(raw["quantity"], unit_price, discount)
        if not fits_money(total):
            raise _invalid(f"lines.{i}.quantity", N_("The line's total is too large."))
        lines.append(
            OrderLine(
                product_id=product.id if product else None,
                description=raw.get("description") or (product.name[:200] if product else None),
                quantity=raw["quantity"],
                unit_price=unit_price,
                discount=discount,
                line_total=total,
                position=i,
            )
        )
    return lines


def _check_stock(lines: list[OrderLine]) -> None:
    """Record each product line's stock on hand, and flag every line of a product the order
    asks more of (over all its lines) than is in stock. Unknown stock is never short."""
    catalogue = products.products_by_id(
        line.product_id for line in lines if line.product_id is not None
    )
    requested: dict[int, Decimal] = defaultdict(Decimal)
    for line in lines:
        if line.product_id is not None:
            requested[line.product_id] += Decimal(line.quantity)
    for line in lines:
        product = catalogue.get(line.product_id) if line.product_id is not None else None
        stock = product.stock_quantity if product is not None else None
        line.stock_on_hand = stock
        line.stock_short = stock is not None and requested[line.product_id] > stock


def _total(lines: list[OrderLine]) -> Decimal:
    total = sum((line.line_total for line in lines), Decimal("0.00"))
    if not fits_money(total):
        raise _invalid("lines", N_("The lines add up to more than a total can hold."))
    return total


def _lines_summary(lines: list[OrderLine]) -> list[dict]:
    return [
        {
            "product_id": line.product_id,
            "description": line.description,
            "quantity": str(line.quantity),
            "unit_price": str(line.unit_price),
            "discount": str(line.discount),
        }
        for line in lines
    ]


# --- create -------------------------------------------------------------------------------


def _from_opportunity(user: User, data: dict) -> dict:
    """The order's fields copied from a won opportunity without another live order."""
    extra = sorted(set(data) & {"company_id", "contact_id", "lines", "currency", "owner_id"})
    if extra:
        raise Invalid(
            INVALID,
            errors={field: ["Comes from the opportunity."] for field in extra},
        )
    try:
        # Locked until the commit, so two requests cannot both order the same opportunity.
        opportunity = opportunities.get_opportunity(user, data["opportunity_id"], for_update=True)
    except NotFound:
        raise _invalid("opportunity_id", N_("No such opportunity.")) from None
    if opportunity.status != "won":
        raise Conflict(
            N_("Only a won opportunity becomes an order."),
            errors={
                "opportunity_id": [
                    N_("The opportunity is {status}, not won.").format(status=opportunity.status)
                ]
            },
        )
    existing = db.session.scalar(
        sa.select(SalesOrder.number).where(
            SalesOrder.opportunity_id == opportunity.id,
            SalesOrder.deleted_at.is_(None),
            SalesOrder.status != "cancelled",
        )
    )
    if existing is not None:
        raise Conflict(
            N_("The opportunity already has order {order}.").format(order=existing),
            errors={"opportunity_id": [N_("Already ordered: {order}.").format(order=existing)]},
        )
    if opportunity.lines:
        raw_lines = [
            {
                "product_id": line.product_id,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "discount": line.discount,
            }
            for line in opportunity.lines
        ]
    else:
        raw_lines = [
            {
                "description": opportunity.name[:200],
                "quantity": Decimal("1"),
                "unit_price": opportunity.amount,
            }
        ]
    return {
        "opportunity_id": opportunity.id,
        "company_id": opportunity.company_id,
        "contact_id": opportunity.contact_id,
        "owner_id": opportunity.owner_id,
        "currency": opportunity.currency,
        "notes": data.get("notes"),
        "lines": raw_lines,
    }


def create_order(user: User, data: dict) -> SalesOrder:
    """A draft order, numbered SO-<year>-<6 digits>, with totals and stock flags per line."""
    auth.require_writer(user)
    data = dict(data)
    if data.get("opportunity_id") is not None:
        data = _from_opportunity(user, data)
        owner_id = data.pop("owner_id")
    else:
        data.pop("opportunity_id", None)
        if not data.get("lines"):
            raise _invalid("lines", N_("An order needs at least one line."))
        owner_id = data.pop("owner_id", user.id)
        auth.check_owner_change(user, owner_id, user.id)
        customers.check_references(user, data)
    currency = data.setdefault("currency", "CNY")
    raw_lines = data.pop("lines")
    # What the opportunity quoted may be ordered even if it is no longer sold.
    quoted = {line.get("product_id") for line in raw_lines} if data.get("opportunity_id") else set()
    lines = _build_lines(raw_lines, currency, quoted)
    _check_stock(lines)
    order = SalesOrder(
        **data,
        owner_id=owner_id,
        created_by_id=user.id,
        status="draft",
        total=_total(lines),
        lines=lines,
    )
    db.session.add(order)
    db.session.flush()
    # The id makes the number unique without a counter that concurrent requests would race on.
    order.number = f"SO-{utcnow().year}-{order.id:06d}"
    changes = audit.snapshot(order, ORDER_FIELDS)
    changes["lines"] = {"old": None, "new": _lines_summary(lines)}
    audit.record("create", "order", order.id, changes=changes)
    flush_and_expire()
    return order


# --- update -------------------------------------------------------------------------------


def _check_transition(order: SalesOrder, status: str) -> None:
    if status == order.status:
        return
    allowed = TRANSITIONS[order.status]
    if status not in allowed:
        detail = (
            N_("A {status} order cannot become {new}: it can become {allowed}.")
            if allowed
            else N_("A {status} order cannot become {new}: it is final and does not change.")
        )
        raise Conflict(
            detail.format(status=order.status, new=status, allowed=" or ".join(allowed)),
            code="invalid_transition",
            errors={"status": [N_("Not allowed from {status}.").format(status=order.status)]},
        )


def update_order(user: User, order: SalesOrder, data: dict) -> SalesOrder:
    auth.require_writer(user)
    data = dict(data)
    if "owner_id" in data:
        auth.check_owner_change(user, data["owner_id"], order.owner_id)
    if order.status != "draft":
        frozen = [f for f in DRAFT_ONLY if f in data]
        if frozen:
            raise Conflict(
                N_("A {status} order's lines and customer no longer change.").format(
                    status=order.status
                ),
                errors={field: [N_("Only while the order is a draft.")] for field in frozen},
            )
    if "status" in data:
        if data["status"] is None:
            raise _invalid("status", N_("Field may not be null."))
        _check_transition(order, data["status"])
    changed_refs = {
        f: data[f]
        for f in ("company_id", "contact_id")
        if f in data and data[f] != getattr(order, f)
    }
    customers.check_references(user, changed_refs)

    changes: dict = {}
    lines = None
    if "lines" in data:
        raw_lines = data.pop("lines") or []
        if not raw_lines:
            raise _invalid("lines", N_("An order needs at least one line."))
        keep = {line.product_id for line in order.lines}
        lines = _build_lines(raw_lines, data.get("currency", order.currency), keep)
        changes["lines"] = {"old": _lines_summary(order.lines), "new": _lines_summary(lines)}
        order.lines = lines
        data["total"] = _total(lines)
    elif "currency" in data and data["currency"] != order.currency:
        raise _invalid("currency", N_("Send the lines again, priced in the new currency."))
    if lines is not None or (data.get("status") == "confirmed" and order.status == "draft"):
        # Stock is checked when lines are written, and again when the order is confirmed.
        _check_stock(order.lines)
    changes.update(audit.apply_changes(order, data))
    if changes:
        audit.record("update", "order", order.id, changes=changes)
    flush_and_expire()
    return order


# --- merging duplicates (crm.imports) ----------------------------------------------------


def move_orders(field: str, from_ids, to_id: int) -> dict[str, list[int]]:
    """Merge: the orders of the records `from_ids` now belong to `to_id` (`field`:
    company_id or contact_id); the ids moved, per former record (what undo puts back)."""
    return move_links(SalesOrder, field, from_ids, to_id)


def put_back_orders(field: str, moved: dict[str, list[int]], current_id: int) -> int:
    """Undo of a merge: the orders moved to `current_id` go back to their former records."""
    return put_back_links(SalesOrder, field, moved, current_id)
