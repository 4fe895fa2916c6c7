"""The columns of each list's export: the attribute (a dotted path through a loaded relation)
and its header, an English msgid translated into the caller's language when written."""

from __future__ import annotations

from crm.core.i18n import N_

ID = ("id", N_("ID"))
NAME = ("name", N_("Name"))
OWNER = ("owner_name", N_("Owner"))
PHONE = ("phone", N_("Phone"))
EMAIL = ("email", N_("Email"))
TITLE = ("title", N_("Job title"))
STATUS = ("status", N_("Status"))
CURRENCY = ("currency", N_("Currency"))
COMPANY = ("company_name", N_("Company"))
CONTACT = ("contact_name", N_("Contact"))
CREATED = ("created_at", N_("Created at"))
UPDATED = ("updated_at", N_("Updated at"))

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "leads": (
        ID,
        NAME,
        COMPANY,
        TITLE,
        EMAIL,
        PHONE,
        ("source", N_("Source")),
        STATUS,
        OWNER,
        ("last_contacted_at", N_("Last contacted at")),
        ("next_follow_up_at", N_("Next follow-up at")),
        CREATED,
        UPDATED,
    ),
    "companies": (
        ID,
        NAME,
        ("industry", N_("Industry")),
        ("size", N_("Size")),
        ("website", N_("Website")),
        PHONE,
        ("address", N_("Address")),
        ("parent_id", N_("Parent company ID")),
        OWNER,
        CREATED,
        UPDATED,
    ),
    "contacts": (
        ID,
        NAME,
        ("company_id", N_("Company ID")),
        TITLE,
        EMAIL,
        PHONE,
        OWNER,
        CREATED,
        UPDATED,
    ),
    "opportunities": (
        ID,
        NAME,
        COMPANY,
        CONTACT,
        ("stage.name", N_("Stage")),
        STATUS,
        ("amount", N_("Amount")),
        CURRENCY,
        ("probability", N_("Probability")),
        ("expected_close_date", N_("Expected close date")),
        OWNER,
        CREATED,
        UPDATED,
    ),
    "orders": (
        ID,
        ("number", N_("Order number")),
        COMPANY,
        CONTACT,
        STATUS,
        ("total", N_("Total")),
        CURRENCY,
        OWNER,
        CREATED,
        UPDATED,
    ),
    "tickets": (
        ID,
        ("subject", N_("Subject")),
        ("kind", N_("Kind")),
        ("priority", N_("Priority")),
        STATUS,
        ("channel", N_("Channel")),
        COMPANY,
        CONTACT,
        ("assignee_name", N_("Assignee")),
        ("first_response_due_at", N_("First response due at")),
        ("resolution_due_at", N_("Resolution due at")),
        CREATED,
        UPDATED,
    ),
    "products": (
        ID,
        ("sku", N_("SKU")),
        NAME,
        ("unit", N_("Unit")),
        ("price", N_("Price")),
        CURRENCY,
        ("stock_quantity", N_("Stock")),
        ("active", N_("Active")),
        CREATED,
        UPDATED,
    ),
}


def value_of(record, path: str):
    value = record
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value
