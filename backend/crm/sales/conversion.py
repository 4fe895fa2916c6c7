"""Lead conversion: a qualified lead becomes a company, a contact and (optionally) an
opportunity, all in one transaction: either everything is written or nothing is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm.core import audit
from crm.core.exceptions import Conflict, Invalid, NotFound
from crm.core.i18n import N_
from crm.core.types import utcnow
from crm.core.unit_of_work import flush_and_expire
from crm.customers import services as customers
from crm.extensions import db
from crm.sales import services as leads
from crm.sales.models import Lead
from crm.sales.pipeline import opportunities

if TYPE_CHECKING:
    from crm.auth.models import User

INVALID = N_("The request has invalid fields.")
OPPORTUNITY_FIELDS = (
    "name",
    "amount",
    "currency",
    "expected_close_date",
    "pipeline_id",
    "stage_id",
    "description",
)


def conversion_suggestions(user: User, lead_id: int) -> dict:
    """Existing companies and contacts the lead may be: same company name, email or phone."""
    lead = leads.get_lead(user, lead_id)
    return customers.find_matches(user, name=lead.company_name, email=lead.email, phone=lead.phone)


def _existing(user: User, field: str, record_id: int, lookup):
    try:
        return lookup(user, record_id)
    except NotFound:
        raise Invalid(
            INVALID,
            errors={field: [N_("No such {thing}.").format(thing=field.removesuffix("_id"))]},
        ) from None


def _owner_of_new_records(user: User, lead: Lead) -> int:
    """New records belong to the lead's owner (the caller when the lead has no active owner)."""
    if lead.owner is not None and lead.owner.active:
        return lead.owner.id
    return user.id


def convert_lead(user: User, lead_id: int, data: dict, *, check=None) -> dict:
    """Link or create the company and contact, optionally create an opportunity, and mark the
    lead converted. `check(lead)` runs once the lead is locked (the route's If-Match check).

    It runs in the request's unit of work: a failure at any step (an unknown pipeline, a
    validation error of the opportunity after the company was added...) rolls everything back:
    no company, contact or opportunity is left behind and the lead stays as it was. Converting
    a converted lead is a 409.
    """
    lead = leads.get_lead_to_change(user, lead_id)
    # A locking read: a concurrent conversion of the same lead waits here, then sees it
    # converted (MySQL's plain reads would still show the snapshot from before).
    db.session.refresh(lead, with_for_update=True)
    if check is not None:
        check(lead)
    if lead.status == "converted":
        raise Conflict(
            N_("This lead was already converted."),
            code="already_converted",
            errors={"status": [N_("The lead is converted.")]},
        )
    return _convert(user, lead, data)


def _convert(user: User, lead: Lead, data: dict) -> dict:
    owner_id = _owner_of_new_records(user, lead)

    contact = None
    if data.get("contact_id") is not None:
        contact = _existing(user, "contact_id", data["contact_id"], customers.get_contact)

    if data.get("company_id") is not None:
        company = _existing(user, "company_id", data["company_id"], customers.get_company)
    elif contact is not None and contact.company_id is not None:
        company = _existing(user, "contact_id", contact.company_id, customers.get_company)
    elif lead.company_name:
        company = customers.create_company(
            user, {"name": lead.company_name, "phone": lead.phone, "owner_id": owner_id}
        )
    else:
        raise Invalid(
            INVALID,
            errors={"company_id": [N_("The lead has no company name: choose a company.")]},
        )

    if contact is None:
        contact = customers.create_contact(
            user,
            {
                "name": lead.name,
                "title": lead.title,
                "email": lead.email,
                "phone": lead.phone,
                "company_id": company.id,
                "owner_id": owner_id,
            },
        )

    opportunity = None
    if data.get("opportunity"):
        fields = {k: v for k, v in data["opportunity"].items() if k in OPPORTUNITY_FIELDS}
        fields.update(company_id=company.id, contact_id=contact.id, owner_id=owner_id)
        try:
            opportunity = opportunities.create_opportunity(user, fields, lead_id=lead.id)
        except Invalid as exc:
            # Field errors are reported where the client sent them: under `opportunity`.
            if exc.errors:
                exc.errors = {f"opportunity.{key}": value for key, value in exc.errors.items()}
            raise

    changes = audit.apply_changes(
        lead,
        {
            "status": "converted",
            "converted_at": utcnow(),
            "converted_company_id": company.id,
            "converted_contact_id": contact.id,
            "converted_opportunity_id": opportunity.id if opportunity else None,
        },
    )
    audit.record("convert", "lead", lead.id, changes=changes)
    flush_and_expire()
    return {"lead": lead, "company": company, "contact": contact, "opportunity": opportunity}
