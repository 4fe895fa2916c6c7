"""HTTP layer of the product catalogue."""

from __future__ import annotations

from flask.views import MethodView

from crm.core.blueprint import Blueprint
from crm.core.etag import check_if_match, with_etag
from crm.core.openapi import CONFLICTS, ETAG_HEADERS, ID, IF_MATCH
from crm.core.permissions import ADMIN, MANAGER, login_required, me
from crm.sales.products import services
from crm.sales.products.schemas import (
    BulkUpsertResultSchema,
    BulkUpsertSchema,
    ProductListArgsSchema,
    ProductPageSchema,
    ProductSchema,
    ProductUpdateSchema,
    parse_upsert_items,
)

blp = Blueprint("products", __name__, url_prefix="/api/v1", description="Product catalogue")


@blp.route("/products")
class Products(MethodView):
    @login_required()
    @blp.arguments(ProductListArgsSchema, location="query")
    @blp.response(200, ProductPageSchema)
    def get(self, args):
        """List products (everyone), searched by SKU or name."""
        return services.list_products(args)

    @login_required(ADMIN, MANAGER)
    @blp.arguments(ProductSchema)
    @blp.response(201, ProductSchema, headers=ETAG_HEADERS)
    def post(self, body):
        """Add a product (managers and admins). 409 when the SKU is taken."""
        product = services.create_product(me(), body)
        return with_etag(product, product, 201)


@blp.route(f"/products/<{ID}:product_id>")
class ProductById(MethodView):
    @login_required()
    @blp.response(200, ProductSchema, headers=ETAG_HEADERS)
    def get(self, product_id):
        """One product, with its ETag."""
        product = services.get_product(product_id)
        return with_etag(product, product)

    @login_required(ADMIN, MANAGER)
    @blp.arguments(ProductUpdateSchema(partial=True))
    @blp.response(200, ProductSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH], responses=CONFLICTS)
    def patch(self, body, product_id):
        """Change a product (managers and admins); `active: false` stops selling it.
        Needs If-Match."""
        product = services.get_product_to_change(me(), product_id)
        check_if_match(product)
        product = services.update_product(me(), product, body)
        return with_etag(product, product)


@blp.route("/products/bulk-upsert", methods=["POST"])
@login_required(ADMIN, MANAGER)
@blp.arguments(BulkUpsertSchema)
@blp.response(200, BulkUpsertResultSchema)
def bulk_upsert(body):
    """Create or update up to 1,000 products by SKU (the ERP's nightly push).

    Answers one result per item, in the order sent: `created`, `updated`, `unchanged` or
    `error` (with `errors` per field). A malformed item fails alone; a SKU repeated within the
    batch is an error after its first occurrence. Fields an item leaves out keep their values,
    so replaying a batch answers `unchanged` for every item and changes nothing.
    """
    return {"results": services.bulk_upsert(me(), parse_upsert_items(body["items"]))}
