"""HTTP layer of companies and contacts."""

from __future__ import annotations

from flask.views import MethodView

from crm.core.blueprint import Blueprint
from crm.core.etag import check_if_match, with_etag
from crm.core.openapi import CONFLICTS, ETAG_HEADERS, ID, IF_MATCH
from crm.core.permissions import login_required, me
from crm.customers import services
from crm.customers.schemas import (
    CompanyContactListArgsSchema,
    CompanyListArgsSchema,
    CompanyPageSchema,
    CompanySchema,
    CompanyUpdateSchema,
    ContactListArgsSchema,
    ContactPageSchema,
    ContactSchema,
    ContactUpdateSchema,
)
from crm.imports.duplicates import services as duplicates

blp = Blueprint("customers", __name__, url_prefix="/api/v1", description="Companies and contacts")


# --- companies ----------------------------------------------------------------------------


@blp.route("/companies")
class Companies(MethodView):
    @login_required()
    @blp.arguments(CompanyListArgsSchema, location="query")
    @blp.response(200, CompanyPageSchema)
    def get(self, args):
        """List the companies you can see, filtered, searched and sorted, a page at a time."""
        return services.list_companies(me(), args)

    @login_required()
    @blp.arguments(CompanySchema)
    @blp.response(201, CompanySchema, headers=ETAG_HEADERS)
    def post(self, body):
        """Create a company; it is yours unless a manager or admin names another owner."""
        company = services.create_company(me(), body)
        company.duplicates = duplicates.hints("companies", me(), company)
        return with_etag(company, company, 201)


@blp.route(f"/companies/<{ID}:company_id>")
class CompanyById(MethodView):
    @login_required()
    @blp.response(200, CompanySchema, headers=ETAG_HEADERS)
    def get(self, company_id):
        """One company, with its ETag."""
        company = services.get_company(me(), company_id)
        return with_etag(company, company)

    @login_required()
    @blp.arguments(CompanyUpdateSchema(partial=True))
    @blp.response(200, CompanySchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH], responses=CONFLICTS)
    def patch(self, body, company_id):
        """Change some fields of a company. Needs If-Match: 428 without it, 412 when stale."""
        company = services.get_company_to_change(me(), company_id)
        check_if_match(company)
        company = services.update_company(me(), company, body)
        company.duplicates = duplicates.hints("companies", me(), company)
        return with_etag(company, company)

    @login_required()
    @blp.response(204)
    def delete(self, company_id):
        """Delete a company (it is kept, hidden, for the audit trail)."""
        company = services.get_company_to_change(me(), company_id)
        check_if_match(company, required=False)
        services.delete_company(me(), company)


@blp.route(f"/companies/<{ID}:company_id>/contacts")
class CompanyContacts(MethodView):
    @login_required()
    @blp.arguments(CompanyContactListArgsSchema, location="query")
    @blp.response(200, ContactPageSchema)
    def get(self, args, company_id):
        """The company's contacts you can see (the same as `GET /contacts?company_id=`)."""
        return services.list_company_contacts(me(), company_id, args)


# --- contacts -----------------------------------------------------------------------------


@blp.route("/contacts")
class Contacts(MethodView):
    @login_required()
    @blp.arguments(ContactListArgsSchema, location="query")
    @blp.response(200, ContactPageSchema)
    def get(self, args):
        """List the contacts you can see, filtered, searched and sorted, a page at a time."""
        return services.list_contacts(me(), args)

    @login_required()
    @blp.arguments(ContactSchema)
    @blp.response(201, ContactSchema, headers=ETAG_HEADERS)
    def post(self, body):
        """Create a contact; it is yours unless a manager or admin names another owner."""
        contact = services.create_contact(me(), body)
        contact.duplicates = duplicates.hints("contacts", me(), contact)
        return with_etag(contact, contact, 201)


@blp.route(f"/contacts/<{ID}:contact_id>")
class ContactById(MethodView):
    @login_required()
    @blp.response(200, ContactSchema, headers=ETAG_HEADERS)
    def get(self, contact_id):
        """One contact, with its ETag."""
        contact = services.get_contact(me(), contact_id)
        return with_etag(contact, contact)

    @login_required()
    @blp.arguments(ContactUpdateSchema(partial=True))
    @blp.response(200, ContactSchema, headers=ETAG_HEADERS)
    @blp.doc(parameters=[IF_MATCH], responses=CONFLICTS)
    def patch(self, body, contact_id):
        """Change some fields of a contact. Needs If-Match: 428 without it, 412 when stale."""
        contact = services.get_contact_to_change(me(), contact_id)
        check_if_match(contact)
        contact = services.update_contact(me(), contact, body)
        contact.duplicates = duplicates.hints("contacts", me(), contact)
        return with_etag(contact, contact)

    @login_required()
    @blp.response(204)
    def delete(self, contact_id):
        """Delete a contact (it is kept, hidden, for the audit trail)."""
        contact = services.get_contact_to_change(me(), contact_id)
        check_if_match(contact, required=False)
        services.delete_contact(me(), contact)
