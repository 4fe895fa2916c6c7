"""What the sales domain publishes for other domains' HTTP layers: the query parameters of its
lists (an export or a bulk action takes "the list's own filters") and the values of its enums.
Other domains import these from here, never from `schemas` or `models`."""

from __future__ import annotations

from crm.sales.models import FOLLOW_UP_KINDS, LEAD_STATUSES
from crm.sales.orders.schemas import OrderListArgsSchema
from crm.sales.pipeline.schemas import OpportunityListArgsSchema
from crm.sales.products.schemas import ProductListArgsSchema
from crm.sales.schemas import LeadListArgsSchema

__all__ = [
    "FOLLOW_UP_KINDS",
    "LEAD_STATUSES",
    "LeadListArgsSchema",
    "OpportunityListArgsSchema",
    "OrderListArgsSchema",
    "ProductListArgsSchema",
]
