"""The lists an export or a bulk action works on: each one's query parameters (the list
endpoint's own schema, without its page), its scoped query (the list's own service), and how
the audit trail names its records.

Exports and bulk actions never query another domain's models: they take the statement each
domain's `*_query(user, args)` builds, so they see exactly the rows the list shows the user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import marshmallow as ma

from crm.customers import contracts as customer_contracts
from crm.customers import services as customers
from crm.sales import contracts as sales_contracts
from crm.sales import services as leads
from crm.sales.orders import services as orders
from crm.sales.pipeline import opportunities
from crm.sales.products import services as products
from crm.service import contracts as service_contracts
from crm.service import services as tickets

if TYPE_CHECKING:
    from crm.auth.models import User
    from crm.core.pagination import ListQuery


@dataclass(frozen=True)
class ListSpec:
    name: str  # the URL segment: leads
    entity: str  # the audit trail's name of one record: lead
    args_schema: type[ma.Schema]  # the list endpoint's query parameters
    query: Callable[[User, dict], ListQuery]


def _filters_schema(list_schema: type[ma.Schema]) -> type[ma.Schema]:
    """The list's query parameters without its page (`limit`, `cursor`): its filters and sort."""
    meta = type("Meta", (), {"exclude": ("limit", "cursor")})
    name = list_schema.__name__.replace("ListArgsSchema", "FiltersSchema")
    return type(name, (list_schema,), {"Meta": meta})


LISTS: dict[str, ListSpec] = {
    spec.name: spec
    for spec in (
        ListSpec(
            "leads", "lead", _filters_schema(sales_contracts.LeadListArgsSchema), leads.leads_query
        ),
        ListSpec(
            "companies",
            "company",
            _filters_schema(customer_contracts.CompanyListArgsSchema),
            customers.companies_query,
        ),
        ListSpec(
            "contacts",
            "contact",
            _filters_schema(customer_contracts.ContactListArgsSchema),
            customers.contacts_query,
        ),
        ListSpec(
            "opportunities",
            "opportunity",
            _filters_schema(sales_contracts.OpportunityListArgsSchema),
            opportunities.opportunities_query,
        ),
        ListSpec(
            "orders",
            "order",
            _filters_schema(sales_contracts.OrderListArgsSchema),
            orders.orders_query,
        ),
        ListSpec(
            "tickets",
            "ticket",
            _filters_schema(service_contracts.TicketListArgsSchema),
            tickets.tickets_query,
        ),
        ListSpec(
            "products",
            "product",
            _filters_schema(sales_contracts.ProductListArgsSchema),
            lambda _user, args: products.products_query(args),
        ),
    )
}


def filters_to_json(spec: ListSpec, args: dict) -> dict:
    """The filters as the list's query parameters (JSON-able: stored with an export, passed to
    a job, recorded in the audit trail); `load_filters` reads them back."""
    schema = spec.args_schema()
    return {k: v for k, v in schema.dump(args).items() if k in args and v is not None}


def load_filters(spec: ListSpec, data: dict) -> dict:
    return spec.args_schema().load(data)
