"""The product catalogue: CRUD for admins and managers, and the ERP's idempotent bulk upsert."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.core import audit
from crm.core.exceptions import Conflict, Forbidden, NotFound
from crm.core.i18n import N_
from crm.core.pagination import ListQuery, Page
from crm.core.permissions import ADMIN, MANAGER
from crm.core.records import get_or_404, records_by_key
from crm.core.search import search
from crm.core.unit_of_work import flush_and_expire
from crm.extensions import db
from crm.sales.products.models import PRODUCT_SORT_FIELDS, Product

if TYPE_CHECKING:
    from crm.auth.models import User

PRODUCT_FIELDS = ("sku", "name", "unit", "price", "currency", "stock_quantity", "active")
DEFAULTS = {"unit": "pcs", "currency": "CNY", "active": True}
NOT_FOUND = N_("No such product.")
SKU_TAKEN = N_("Another product has this SKU.")


def require_catalogue_writer(user: User) -> None:
    if user.role not in (ADMIN, MANAGER):
        raise Forbidden(N_("Only managers and admins change the product catalogue."))


def _sku_key(sku: str) -> str:
    return sku.lower()


def _find_by_skus(skus: Iterable[str]) -> dict[str, Product]:
    """Products by case-folded SKU, in one query."""
    keys = sorted({_sku_key(sku) for sku in skus})
    if not keys:
        return {}
    column = Product.sku
    if db.session.get_bind().dialect.name == "sqlite":
        # SQLite compares case-sensitively; MySQL's collation already folds case (and keeps
        # using the unique index).
        column = sa.func.lower(Product.sku)
    found = db.session.scalars(sa.select(Product).where(column.in_(keys)))
    return {_sku_key(product.sku): product for product in found}


def _check_sku_free(sku: str, product_id: int | None = None) -> None:
    other = _find_by_skus([sku]).get(_sku_key(sku))
    if other is not None and other.id != product_id:
        raise Conflict(SKU_TAKEN, code="duplicate", errors={"sku": [SKU_TAKEN]})


def _write_catalogue() -> None:
    """Flush (the request's unit of work commits); a SKU written concurrently by another
    request is a 409, not a 500."""
    try:
        db.session.flush()
    except sa.exc.IntegrityError:
        raise Conflict(
            N_("Another request wrote the same SKU at the same time; send it again."),
            errors={"sku": [SKU_TAKEN]},
        ) from None


# --- lookups (other domains use these) ------------------------------------------------------


def get_product(product_id: int) -> Product:
    return get_or_404(Product, product_id, not_found=NotFound(NOT_FOUND, code="product_not_found"))


def products_by_id(product_ids: Iterable[int]) -> dict[int, Product]:
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    return {p.id: p for p in db.session.scalars(sa.select(Product).where(Product.id.in_(ids)))}


# --- CRUD ---------------------------------------------------------------------------------


def products_query(args: dict) -> ListQuery:
    """The products the list shows for `args` (its filters; not its page): the catalogue is
    everyone's."""
    stmt = sa.select(Product)
    if args.get("active") is not None:
        stmt = stmt.where(Product.active.is_(args["active"]))
    if args.get("q"):
        stmt = stmt.where(search(args["q"].strip(), (Product.sku, Product.name)))
    return ListQuery(stmt, Product, PRODUCT_SORT_FIELDS)


def list_products(args: dict) -> Page:
    return products_query(args).page(args)


def create_product(user: User, data: dict) -> Product:
    require_catalogue_writer(user)
    _check_sku_free(data["sku"])
    product = Product(**{**DEFAULTS, **data})
    db.session.add(product)
    _write_catalogue()
    audit.record("create", "product", product.id, changes=audit.snapshot(product, PRODUCT_FIELDS))
    flush_and_expire()
    return product


def get_product_to_change(user: User, product_id: int) -> Product:
    product = get_product(product_id)
    require_catalogue_writer(user)
    return product


def update_product(user: User, product: Product, data: dict) -> Product:
    require_catalogue_writer(user)
    if "sku" in data and data["sku"] != product.sku:
        _check_sku_free(data["sku"], product.id)
    changes = audit.apply_changes(product, data)
    if changes:
        audit.record("update", "product", product.id, changes=changes)
    _write_catalogue()
    flush_and_expire()
    return product


# --- bulk upsert --------------------------------------------------------------------------


def bulk_upsert(user: User, items: list[dict]) -> list[dict]:
    """Create or update products by SKU in one transaction; answers one result per item.

    `items` come from `parse_upsert_items`: a valid item has `data`, a malformed one `errors`
    (it is answered as an error, and the others go through). A SKU repeated in the batch is an
    error for every repetition after the first. Fields an item leaves out keep their values, and
    an item that changes nothing is "unchanged" (no write, no audit event): replaying a batch
    changes nothing. Existing products are loaded with one query.
    """
    require_catalogue_writer(user)
    results: list[dict] = []
    first_index: dict[str, int] = {}
    for index, item in enumerate(items):
        if "errors" in item:
            results.append({"sku": item["sku"], "status": "error", "errors": item["errors"]})
            continue
        key = _sku_key(item["data"]["sku"])
        if key in first_index:
            message = f"Repeats the SKU of items[{first_index[key]}] in this batch."
            results.append({"sku": item["sku"], "status": "error", "errors": {"sku": [message]}})
            continue
        first_index[key] = index
        results.append({"sku": item["sku"], "status": None})

    existing = _find_by_skus(items[i]["data"]["sku"] for i in first_index.values())
    created: list[tuple[int, Product]] = []
    for key, index in first_index.items():
        data = dict(items[index]["data"])
        product = existing.get(key)
        if product is None:
            if data.get("name") is None:
                results[index].update(
                    status="error", errors={"name": [N_("Required to create a product.")]}
                )
                continue
            product = Product(**{**DEFAULTS, **data})
            db.session.add(product)
            created.append((index, product))
            results[index]["status"] = "created"
            continue
        data.pop("sku")  # the key; the stored spelling stays
        changes = audit.apply_changes(product, data)
        results[index]["id"] = product.id
        if changes:
            audit.record("update", "product", product.id, changes=changes)
            results[index]["status"] = "updated"
        else:
            results[index]["status"] = "unchanged"

    _write_catalogue()
    for index, product in created:
        results[index]["id"] = product.id
        audit.record(
            "create", "product", product.id, changes=audit.snapshot(product, PRODUCT_FIELDS)
        )
    flush_and_expire()
    return results


def products_by(kind: str, keys) -> dict[str, list[Product]]:
    """Products by `sku` or `name`, case-folded, grouped by key (imports look up a batch)."""
    column = Product.sku if kind == "sku" else Product.name
    return records_by_key(sa.select(Product), column, "name", keys)


def product_names() -> list[str]:
    """Every product's name (what an import compares a product name with)."""
    return list(db.session.scalars(sa.select(Product.name).order_by(Product.id)))
