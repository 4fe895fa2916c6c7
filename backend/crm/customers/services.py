"""Companies and contacts: scoping, ownership, the company tree, audit, and the lookups other
domains use (lead conversion creates both in its own transaction through `create_company` and
`create_contact`, and suggests existing ones through `find_matches`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

from crm.auth import services as auth
from crm.core import audit
from crm.core.dedupe import DuplicateSource, company_name_key, email_equals
from crm.core.exceptions import Invalid, NotFound
from crm.core.fields import normalise_phone
from crm.core.i18n import N_
from crm.core.pagination import ListQuery, Page
from crm.core.records import (
    get_or_404,
    mark_merged,
    merged_into,
    move_links,
    not_deleted,
    put_back_links,
    records_by_key,
    soft_delete,
    unmark_merged,
)
from crm.core.search import owner_filter, search
from crm.core.unit_of_work import flush_and_expire
from crm.customers.models import COMPANY_SORT_FIELDS, CONTACT_SORT_FIELDS, Company, Contact
from crm.extensions import db

if TYPE_CHECKING:
    from crm.auth.models import User

COMPANY_FIELDS = (
    "name",
    "industry",
    "size",
    "website",
    "phone",
    "address",
    "parent_id",
    "owner_id",
    "description",
)
CONTACT_FIELDS = ("name", "company_id", "title", "email", "phone", "owner_id", "description")
MAX_MATCHES = 20
INVALID = N_("The request has invalid fields.")


# --- scoping ------------------------------------------------------------------------------


def _visible(model: type[Company | Contact], user: User):
    """The companies (or contacts) a user sees: not deleted, and theirs by `visible_records`."""
    return sa.and_(not_deleted(model), auth.visible_records(user, model.owner_id))


def get_company(user: User, company_id: int) -> Company:
    """A company the user can see; 404 otherwise (deleted, another team's, or no such id)."""
    not_found = NotFound(N_("No such company."), code="company_not_found")
    return get_or_404(Company, company_id, _visible(Company, user), not_found=not_found)


def get_company_to_change(user: User, company_id: int) -> Company:
    """404 outside the user's scope, then 403 for readers (before any If-Match check)."""
    company = get_company(user, company_id)
    auth.require_writer(user)
    return company


def get_contact(user: User, contact_id: int) -> Contact:
    """A contact the user can see; 404 otherwise."""
    not_found = NotFound(N_("No such contact."), code="contact_not_found")
    return get_or_404(Contact, contact_id, _visible(Contact, user), not_found=not_found)


def get_contact_to_change(user: User, contact_id: int) -> Contact:
    contact = get_contact(user, contact_id)
    auth.require_writer(user)
    return contact


def check_references(user: User, data: dict) -> None:
    """The `company_id` and `contact_id` of another record (an opportunity, an order) must name
    a company and a contact the user sees; a 422 on the field otherwise."""
    for field, lookup in (("company_id", get_company), ("contact_id", get_contact)):
        if data.get(field) is None:
            continue
        try:
            lookup(user, data[field])
        except NotFound:
            thing = field.removesuffix("_id")
            raise Invalid(
                INVALID, errors={field: [N_("No such {thing}.").format(thing=thing)]}
            ) from None


def visible_contact_ids(user: User, company_id: int) -> sa.Select:
    """The ids of the company's contacts the user can see (a subquery for other domains)."""
    return sa.select(Contact.id).where(Contact.company_id == company_id, _visible(Contact, user))


def company_ids_named(q: str) -> sa.Select:
    """The ids of companies whose name matches the search `q` (a subquery for other domains).
    Not scoped to the user: it only narrows records the caller can already see and that show
    their company's name (a ticket found by its company's name)."""
    return sa.select(Company.id).where(search(q, (Company.name,)))


# --- rules --------------------------------------------------------------------------------


def _check_company_reference(user: User, field: str, company_id: int | None) -> None:
    if company_id is None:
        return
    found = db.session.scalar(
        sa.select(Company.id).where(Company.id == company_id, _visible(Company, user))
    )
    if found is None:
        raise Invalid(INVALID, errors={field: [N_("No such company.")]})


def _check_parent(user: User, parent_id: int | None, company_id: int | None = None) -> None:
    """The parent must be a company the user sees, and not the company or one of its
    subsidiaries (a company cannot be its own ancestor)."""
    if parent_id is None:
        return
    cycle = Invalid(
        INVALID, errors={"parent_id": [N_("A company cannot be its own parent or ancestor.")]}
    )
    if parent_id == company_id:
        raise cycle
    _check_company_reference(user, "parent_id", parent_id)
    if company_id is None:
        return
    # Walk up from the new parent (through every company, seen or not, deleted or not).
    seen: set[int] = set()
    current: int | None = parent_id
    while current is not None and current not in seen:
        if current == company_id:
            raise cycle
        seen.add(current)
        current = db.session.scalar(sa.select(Company.parent_id).where(Company.id == current))


def _check_name(data: dict) -> None:
    if "name" in data and data["name"] is None:
        raise Invalid(INVALID, errors={"name": [N_("Field may not be null.")]})


# --- companies ----------------------------------------------------------------------------


def companies_query(user: User, args: dict) -> ListQuery:
    """The companies the list shows for `args` (its filters; not its page), scoped."""
    stmt = sa.select(Company).where(_visible(Company, user))
    owner = owner_filter(Company.owner_id, args.get("owner_id"), user.id)
    if owner is not None:
        stmt = stmt.where(owner)
    if args.get("industry"):
        stmt = stmt.where(Company.industry == args["industry"].strip())
    if args.get("size"):
        stmt = stmt.where(Company.size.in_(args["size"]))
    if args.get("parent_id") is not None:
        stmt = stmt.where(Company.parent_id == args["parent_id"])
    if args.get("q"):
        q = args["q"].strip()
        stmt = stmt.where(search(q, (Company.name, Company.website, Company.phone), Company.phone))
    return ListQuery(stmt, Company, COMPANY_SORT_FIELDS)


def list_companies(user: User, args: dict) -> Page:
    return companies_query(user, args).page(args)


def create_company(user: User, data: dict) -> Company:
    """Validate and add a company, flushed and audited (lead conversion creates one within its
    own work). `data` is what `CompanySchema` loads (phone already in E.164); it is the user's
    own unless a manager or admin names another `owner_id`."""
    auth.require_writer(user)
    data = dict(data)
    owner_id = data.pop("owner_id", user.id)
    auth.check_owner_change(user, owner_id, user.id)
    _check_name({"name": data.get("name")})
    _check_parent(user, data.get("parent_id"))
    company = Company(**data, owner_id=owner_id, created_by_id=user.id)
    db.session.add(company)
    db.session.flush()
    audit.record("create", "company", company.id, changes=audit.snapshot(company, COMPANY_FIELDS))
    return company


def update_company(user: User, company: Company, data: dict) -> Company:
    auth.require_writer(user)
    if "owner_id" in data:
        auth.check_owner_change(user, data["owner_id"], company.owner_id)
    _check_name(data)
    if "parent_id" in data and data["parent_id"] != company.parent_id:
        _check_parent(user, data["parent_id"], company.id)
    changes = audit.apply_changes(company, data)
    if changes:
        audit.record("update", "company", company.id, changes=changes)
    flush_and_expire()
    return company


def delete_company(user: User, company: Company) -> None:
    """Soft delete: hidden everywhere, kept for the audit trail. Its contacts and subsidiaries
    stay; they still name it."""
    auth.require_writer(user)
    soft_delete(company, "company")


# --- contacts -----------------------------------------------------------------------------


def contacts_query(user: User, args: dict) -> ListQuery:
    """The contacts the list shows for `args` (its filters; not its page), scoped."""
    stmt = sa.select(Contact).where(_visible(Contact, user))
    owner = owner_filter(Contact.owner_id, args.get("owner_id"), user.id)
    if owner is not None:
        stmt = stmt.where(owner)
    if args.get("company_id") is not None:
        stmt = stmt.where(Contact.company_id == args["company_id"])
    if args.get("q"):
        q = args["q"].strip()
        stmt = stmt.where(search(q, (Contact.name, Contact.email, Contact.phone), Contact.phone))
    return ListQuery(stmt, Contact, CONTACT_SORT_FIELDS)


def list_contacts(user: User, args: dict) -> Page:
    return contacts_query(user, args).page(args)


def list_company_contacts(user: User, company_id: int, args: dict) -> Page:
    """The contacts of a company the user can see (404 when they cannot see the company)."""
    company = get_company(user, company_id)
    return list_contacts(user, {**args, "company_id": company.id})


def create_contact(user: User, data: dict) -> Contact:
    """Validate and add a contact, flushed and audited (see `create_company`). `company_id` may
    name a company added earlier in the same transaction."""
    auth.require_writer(user)
    data = dict(data)
    owner_id = data.pop("owner_id", user.id)
    auth.check_owner_change(user, owner_id, user.id)
    _check_name({"name": data.get("name")})
    _check_company_reference(user, "company_id", data.get("company_id"))
    contact = Contact(**data, owner_id=owner_id, created_by_id=user.id)
    db.session.add(contact)
    db.session.flush()
    audit.record("create", "contact", contact.id, changes=audit.snapshot(contact, CONTACT_FIELDS))
    return contact


def update_contact(user: User, contact: Contact, data: dict) -> Contact:
    auth.require_writer(user)
    if "owner_id" in data:
        auth.check_owner_change(user, data["owner_id"], contact.owner_id)
    _check_name(data)
    if "company_id" in data and data["company_id"] != contact.company_id:
        _check_company_reference(user, "company_id", data["company_id"])
    changes = audit.apply_changes(contact, data)
    if changes:
        audit.record("update", "contact", contact.id, changes=changes)
    flush_and_expire()
    return contact


def delete_contact(user: User, contact: Contact) -> None:
    auth.require_writer(user)
    soft_delete(contact, "contact")


# --- matching (lead conversion, duplicate hints) -------------------------------------------


def _visible_or_all(model: type[Company | Contact], user: User | None):
    """What `user` sees; every record that is not deleted when no user is given (the duplicate
    scan, whose groups are shown to each user only within their scope)."""
    return not_deleted(model) if user is None else _visible(model, user)


def company_duplicate_source(user: User | None) -> DuplicateSource:
    """Where duplicate rules look for companies the user sees: same phone, alike name."""
    return DuplicateSource(
        entity="companies",
        model=Company,
        visible=_visible_or_all(Company, user),
        label=lambda company: company.name,
        phone=Company.phone,
        name_key=Company.name_key,
    )


def contact_duplicate_source(user: User | None) -> DuplicateSource:
    """Where duplicate rules look for contacts the user sees: same email, same phone."""
    return DuplicateSource(
        entity="contacts",
        model=Contact,
        visible=_visible_or_all(Contact, user),
        label=lambda contact: contact.name,
        email=Contact.email,
        phone=Contact.phone,
    )


def find_matches(
    user: User, *, name: str | None = None, email: str | None = None, phone: str | None = None
) -> dict:
    """Existing records a new one may duplicate, among those the user can see:
    `{"companies": [...], "contacts": [...]}`. Companies match on the name as the duplicate
    rules key it (legal forms, case, width and punctuation removed: `无锡水务集团有限公司` is
    `无锡水务集团`) or the phone; contacts on the email (case insensitive) or the phone. A phone
    is compared in E.164 (typed any common way). At most 20 of each, oldest first. Indexed
    lookups only (the fuzzy name rule is `crm.imports.duplicate_rules`)."""
    phone_value = None
    if phone and phone.strip():
        phone_value = normalise_phone(phone.strip()) or phone.strip()
    name_value = company_name_key(name) if name else None
    email_value = email.strip().lower() if email and email.strip() else None

    company_terms = []
    if name_value:
        company_terms.append(Company.name_key == name_value)
    if phone_value:
        company_terms.append(Company.phone == phone_value)
    contact_terms = []
    if email_value:
        contact_terms.append(email_equals(Contact.email, email_value))
    if phone_value:
        contact_terms.append(Contact.phone == phone_value)

    companies: list[Company] = []
    contacts: list[Contact] = []
    if company_terms:
        companies = list(
            db.session.scalars(
                sa.select(Company)
                .where(_visible(Company, user), sa.or_(*company_terms))
                .order_by(Company.id)
                .limit(MAX_MATCHES)
            )
        )
    if contact_terms:
        contacts = list(
            db.session.scalars(
                sa.select(Contact)
                .where(_visible(Contact, user), sa.or_(*contact_terms))
                .order_by(Contact.id)
                .limit(MAX_MATCHES)
            )
        )
    return {"companies": companies, "contacts": contacts}


# --- bulk lookups (imports) ----------------------------------------------------------------


def companies_by(user: User, kind: str, keys) -> dict[str, list[Company]]:
    """Visible companies by `name` (trimmed, case-folded) or `phone` (E.164), grouped by key."""
    column = Company.name if kind == "name" else Company.phone
    stmt = sa.select(Company).where(_visible(Company, user))
    return records_by_key(stmt, column, kind, keys)


def contacts_by(user: User, kind: str, keys) -> dict[str, list[Contact]]:
    """Visible contacts by `email`, `phone` or `name`, grouped by key."""
    column = {"email": Contact.email, "phone": Contact.phone, "name": Contact.name}[kind]
    stmt = sa.select(Contact).where(_visible(Contact, user))
    return records_by_key(stmt, column, kind, keys)


def company_values_in_use(column_name: str, limit: int = 1000) -> list[str]:
    """The distinct values of a select-like company column (`industry`, `address`): what an
    import compares a new value with to flag spelling variants."""
    column = {"industry": Company.industry, "address": Company.address}[column_name]
    stmt = sa.select(column).where(not_deleted(Company), column.is_not(None)).distinct()
    return list(db.session.scalars(stmt.limit(limit)))


# --- merging duplicates (crm.imports) ----------------------------------------------------


def move_contacts(from_ids, to_id: int) -> dict[str, list[int]]:
    """Merge: the contacts of the companies `from_ids` now work for `to_id`; the ids moved,
    per former company (what undo puts back)."""
    return move_links(Contact, "company_id", from_ids, to_id)


def put_back_contacts(moved: dict[str, list[int]], current_id: int) -> int:
    return put_back_links(Contact, "company_id", moved, current_id)


def merge_company_into(company: Company, primary_id: int) -> None:
    """A duplicate company merged into `primary_id`: hidden, pointing at it, audited."""
    mark_merged(company, "company", primary_id)


def merge_contact_into(contact: Contact, primary_id: int) -> None:
    mark_merged(contact, "contact", primary_id)


def companies_merged_into(primary_id: int, ids) -> list[Company]:
    """The companies among `ids` merged into `primary_id` (for undoing that merge)."""
    return merged_into(Company, primary_id, ids)


def contacts_merged_into(primary_id: int, ids) -> list[Contact]:
    return merged_into(Contact, primary_id, ids)


def unmerge_company(company: Company) -> None:
    unmark_merged(company, "company")


def unmerge_contact(contact: Contact) -> None:
    unmark_merged(contact, "contact")
