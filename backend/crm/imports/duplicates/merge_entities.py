"""How each entity is merged, through its owning domain's services: how to find, change, hide
and bring back a record, how to read the chosen values, and which linked records move (per
kind, through which field)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import marshmallow as ma

from crm.attachments import services as attachments
from crm.customers import contracts as customer_contracts
from crm.customers import services as customers
from crm.sales import contracts as sales_contracts
from crm.sales import follow_ups
from crm.sales import services as leads
from crm.sales.orders import services as orders
from crm.sales.pipeline import opportunities
from crm.service import services as tickets

MOVED_KINDS = ("follow_ups", "attachments", "contacts", "opportunities", "tickets", "orders")


@dataclass(frozen=True)
class Link:
    """Records of one kind linked to the merged entity through `field`."""

    kind: str
    move: Any  # (field, from_ids, to_id) -> {former id: [ids]}
    put_back: Any  # (field, moved, current_id) -> count
    field: str


def _contacts_move(_field, from_ids, to_id):
    return customers.move_contacts(from_ids, to_id)


def _contacts_put_back(_field, moved, current_id):
    return customers.put_back_contacts(moved, current_id)


def _links(*pairs) -> tuple[Link, ...]:
    table = {
        "follow_ups": (follow_ups.move_follow_ups, follow_ups.put_back_follow_ups),
        "attachments": (attachments.move_attachments, attachments.put_back_attachments),
        "contacts": (_contacts_move, _contacts_put_back),
        "opportunities": (opportunities.move_opportunities, opportunities.put_back_opportunities),
        "tickets": (tickets.move_tickets, tickets.put_back_tickets),
        "orders": (orders.move_orders, orders.put_back_orders),
    }
    return tuple(Link(kind, *table[kind], field) for kind, field in pairs)


@dataclass(frozen=True)
class Entity:
    """How one entity is merged, through its domain's services."""

    name: str  # companies | contacts | leads
    audit_name: str
    get: Any  # (user, id) -> record, 404 outside the user's scope
    update: Any  # (user, record, values) -> record, audited
    mark: Any  # (record, primary_id)
    merged: Any  # (primary_id, ids) -> records merged into it
    unmark: Any  # (record)
    schema: type[ma.Schema]
    links: tuple[Link, ...]


ENTITIES = {
    "companies": Entity(
        "companies",
        "company",
        customers.get_company,
        customers.update_company,
        customers.merge_company_into,
        customers.companies_merged_into,
        customers.unmerge_company,
        customer_contracts.CompanySchema,
        _links(
            ("follow_ups", "company_id"),
            ("attachments", "company_id"),
            ("contacts", "company_id"),
            ("opportunities", "company_id"),
            ("tickets", "company_id"),
            ("orders", "company_id"),
        ),
    ),
    "contacts": Entity(
        "contacts",
        "contact",
        customers.get_contact,
        customers.update_contact,
        customers.merge_contact_into,
        customers.contacts_merged_into,
        customers.unmerge_contact,
        customer_contracts.ContactSchema,
        _links(
            ("follow_ups", "contact_id"),
            ("opportunities", "contact_id"),
            ("tickets", "contact_id"),
            ("orders", "contact_id"),
        ),
    ),
    "leads": Entity(
        "leads",
        "lead",
        leads.get_lead,
        leads.update_lead,
        leads.merge_lead_into,
        leads.leads_merged_into,
        leads.unmerge_lead,
        sales_contracts.LeadSchema,
        _links(
            ("follow_ups", "lead_id"),
            ("attachments", "lead_id"),
            ("opportunities", "lead_id"),
        ),
    ),
}
