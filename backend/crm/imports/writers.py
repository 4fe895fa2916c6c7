"""Writing imported rows through the owning domains' services: per entity, how records are
found by a match key, created, updated, read back and removed (for revert). Each domain applies
its own rules, scoping and audit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from crm.customers import services as customers
from crm.sales import services as leads
from crm.sales.pipeline import opportunities
from crm.sales.products import services as products

if TYPE_CHECKING:
    from crm.auth.models import User

DATE_FIELDS = {"expected_close_date"}


def _jsonable(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


DECIMAL_FIELDS = {"amount", "price", "stock_quantity"}


@dataclass(frozen=True)
class Writer:
    entity: str  # the audit name of one record
    match_fields: dict[str, str]  # match_on -> the value field it compares
    find: Callable[[User, str, Any], dict[str, list]]
    create: Callable[[User, dict], Any]
    update: Callable[[User, Any, dict], Any]
    get: Callable[[User, int], Any]
    remove: Callable[[User, Any], None]
    # Optional: creates a batch at once, one answer (record or DomainError) per item.
    create_many: Callable[[User, list[dict]], list] | None = None


def _product_remove(user: User, product) -> None:
    """Products are never deleted (orders and opportunities quote them): reverting an import
    that created one takes it out of the catalogue (inactive)."""
    products.update_product(user, product, {"active": False})


WRITERS: dict[str, Writer] = {
    "leads": Writer(
        "lead",
        {"email": "email", "phone": "phone", "name": "name"},
        leads.leads_by,
        leads.create_lead,
        leads.update_lead,
        leads.get_lead,
        leads.delete_lead,
        leads.create_leads,
    ),
    "companies": Writer(
        "company",
        {"name": "name", "phone": "phone"},
        customers.companies_by,
        customers.create_company,
        customers.update_company,
        customers.get_company,
        customers.delete_company,
    ),
    "contacts": Writer(
        "contact",
        {"email": "email", "phone": "phone", "name": "name"},
        customers.contacts_by,
        customers.create_contact,
        customers.update_contact,
        customers.get_contact,
        customers.delete_contact,
    ),
    "opportunities": Writer(
        "opportunity",
        {"name": "name"},
        lambda user, kind, keys: opportunities.opportunities_by_name(user, keys),
        opportunities.create_opportunity,
        opportunities.update_opportunity,
        opportunities.get_opportunity,
        opportunities.delete_opportunity,
        opportunities.create_opportunities,
    ),
    "products": Writer(
        "product",
        {"external_id": "sku", "name": "name"},
        lambda user, kind, keys: products.products_by(
            "sku" if kind == "external_id" else kind, keys
        ),
        products.create_product,
        products.update_product,
        lambda user, product_id: products.get_product(product_id),
        _product_remove,
    ),
}
DEFAULT_MATCH_ON = {
    "leads": "email",
    "contacts": "email",
    "companies": "name",
    "opportunities": "name",
    "products": "external_id",
}
# Reference fields and the record column they set.
REF_COLUMNS = {"owner": "owner_id", "company": "company_id", "parent": "parent_id"}


def service_data(entity: str, values: dict) -> dict:
    """The service's data from a row's values (empty cells left out: an update keeps what the
    record has). References are already ids (`owner_id`, `company_id`, `stage_id` ...)."""
    data: dict[str, Any] = {}
    for name, value in values.items():
        if value is None or name.startswith("_"):
            continue
        if name in ("owner", "company", "parent", "stage", "product"):
            continue  # the names; their ids are in the values too
        if name in DATE_FIELDS:
            value = date.fromisoformat(value)
        elif name in DECIMAL_FIELDS:
            value = Decimal(str(value))
        data[name] = value
    if entity == "opportunities" and values.get("product_id") is not None:
        data.pop("product_id")
        line = {"product_id": values["product_id"], "quantity": Decimal("1")}
        if values.get("amount") is not None:
            line["unit_price"] = Decimal(str(values["amount"]))
        data["lines"] = [line]
    return data


def _current(record, name: str):
    if name == "lines":
        return [(line.product_id, line.quantity, line.unit_price) for line in record.lines]
    return getattr(record, name)


def _wanted(name: str, value):
    if name == "lines":
        return [(v["product_id"], v["quantity"], v.get("unit_price")) for v in value]
    return value


def differences(record, data: dict) -> dict:
    """The fields of `data` whose value differs from the record's: {field: (old, new)}."""
    changed = {}
    for name, value in data.items():
        old = _current(record, name)
        new = _wanted(name, value)
        if name == "lines":
            old_cmp = [(p, q) for p, q, _ in old]
            new_cmp = [(p, q) for p, q, _ in new]
            if old_cmp == new_cmp and all(
                u is None or u == o for (_, _, o), (_, _, u) in zip(old, new, strict=True)
            ):
                continue
        elif old == new:
            continue
        changed[name] = (old, value)
    return changed


def previous_values(record, names) -> dict:
    """What revert restores, as JSON: the record's values of `names` before the update."""
    out = {}
    for name in names:
        if name == "lines":
            out[name] = [
                {"product_id": p, "quantity": str(q), "unit_price": str(u)}
                for p, q, u in _current(record, name)
            ]
        else:
            out[name] = _jsonable(getattr(record, name))
    return out


def restore_data(previous: dict) -> dict:
    """`previous_values` read back into service data."""
    data: dict[str, Any] = {}
    for name, value in previous.items():
        if value is not None and name in DATE_FIELDS:
            value = date.fromisoformat(value)
        elif value is not None and name in DECIMAL_FIELDS:
            value = Decimal(value)
        elif name == "lines":
            value = [
                {
                    "product_id": v["product_id"],
                    "quantity": Decimal(v["quantity"]),
                    "unit_price": Decimal(v["unit_price"]),
                }
                for v in value
            ]
        data[name] = value
    return data
