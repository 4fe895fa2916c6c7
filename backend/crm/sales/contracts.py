"""What the sales domain publishes for other domains' HTTP layers: the query parameters of its
lists (an export or a bulk action takes "the list's own filters"), the values of its enums, and
the schema of a lead as the API shows and reads it (a merge of duplicate leads reads its chosen
values with it). Other domains import these from here, never from `schemas` or `models`."""

from __future__ import annotations

from crm.sales.models import FOLLOW_UP_KINDS, LEAD_STATUSES
from crm.sales.orders.schemas import OrderListArgsSchema
from crm.sales.pipeline.schemas import OpportunityListArgsSchema
from crm.sales.products.schemas import ProductListArgsSchema
from crm.sales.schemas import LeadListArgsSchema, LeadSchema

__all__ = [
    "FOLLOW_UP_KINDS",
    "LEAD_STATUSES",
    "LeadListArgsSchema",
    "LeadSchema",
    "OpportunityListArgsSchema",
    "OrderListArgsSchema",
    "ProductListArgsSchema",
]
