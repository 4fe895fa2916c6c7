"""HTTP layer of follow-ups: each customer record's timeline, and one follow-up by id."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from crm.core.etag import check_if_match, with_etag
from crm.core.openapi import CONFLICTS, ETAG_HEADERS, ID
from crm.core.permissions import login_required, me
from crm.sales import follow_ups as services
from crm.sales.schemas import (
    FollowUpListArgsSchema,
    FollowUpPageSchema,
    FollowUpSchema,
    FollowUpUpdateSchema,
)

blp = Blueprint(
    "follow_ups",
    __name__,
    url_prefix="/api/v1",
    description="Follow-ups (calls, visits, meetings, tasks) on leads, companies, contacts and "
    "opportunities",
)


@blp.route(f"/leads/<{ID}:lead_id>/follow-ups")
class LeadFollowUps(MethodView):
    @login_required()
    @blp.arguments(FollowUpListArgsSchema, location="query")
    @blp.response(200, FollowUpPageSchema)
    def get(self, args, lead_id):
        """The lead's timeline, newest first."""
        return services.list_follow_ups(me(), "lead", lead_id, args)

    @login_required()
    @blp.arguments(FollowUpSchema)
    @blp.response(201, FollowUpSchema, headers=ETAG_HEADERS)
    def post(self, body, lead_id):
        """Log a call, visit, meeting... on the lead, or schedule one with `due_at`."""
        follow_up = services.create_follow_up(me(), "lead", lead_id, body)
        return with_etag(follow_up, follow_up, 201)


@blp.route(f"/companies/<{ID}:company_id>/follow-ups")
class CompanyFollowUps(MethodView):
    @login_required()
    @blp.arguments(FollowUpListArgsSchema, location="query")
    @blp.response(200, FollowUpPageSchema)
    def get(self, args, company_id):
        """The company's timeline, newest first: its own follow-ups and those of its contacts,
        its opportunities and the leads converted into it (the ones you can see)."""
        return services.list_follow_ups(me(), "company", company_id, args)

    @login_required()
    @blp.arguments(FollowUpSchema)
    @blp.response(201, FollowUpSchema, headers=ETAG_HEADERS)
    def post(self, body, company_id):
        """Log a call, visit, meeting... on the company, or schedule one with `due_at`."""
        follow_up = services.create_follow_up(me(), "company", company_id, body)
        return with_etag(follow_up, follow_up, 201)


@blp.route(f"/contacts/<{ID}:contact_id>/follow-ups")
class ContactFollowUps(MethodView):
    @login_required()
    @blp.arguments(FollowUpListArgsSchema, location="query")
    @blp.response(200, FollowUpPageSchema)
    def get(self, args, contact_id):
        """The contact's timeline, newest first: its own follow-ups and those of the leads
        converted into it."""
        return services.list_follow_ups(me(), "contact", contact_id, args)

    @login_required()
    @blp.arguments(FollowUpSchema)
    @blp.response(201, FollowUpSchema, headers=ETAG_HEADERS)
    def post(self, body, contact_id):
        """Log a call, visit, meeting... with the contact, or schedule one with `due_at`."""
        follow_up = services.create_follow_up(me(), "contact", contact_id, body)
        return with_etag(follow_up, follow_up, 201)


@blp.route(f"/opportunities/<{ID}:opportunity_id>/follow-ups")
class OpportunityFollowUps(MethodView):
    @login_required()
    @blp.arguments(FollowUpListArgsSchema, location="query")
    @blp.response(200, FollowUpPageSchema)
    def get(self, args, opportunity_id):
        """The opportunity's timeline, newest first: its own follow-ups and its source lead's."""
        return services.list_follow_ups(me(), "opportunity", opportunity_id, args)

    @login_required()
    @blp.arguments(FollowUpSchema)
    @blp.response(201, FollowUpSchema, headers=ETAG_HEADERS)
    def post(self, body, opportunity_id):
        """Log a call, visit, meeting... on the opportunity, or schedule one with `due_at`."""
        follow_up = services.create_follow_up(me(), "opportunity", opportunity_id, body)
        return with_etag(follow_up, follow_up, 201)


@blp.route(f"/follow-ups/<{ID}:follow_up_id>")
class FollowUpById(MethodView):
    @login_required()
    @blp.response(200, FollowUpSchema, headers=ETAG_HEADERS)
    def get(self, follow_up_id):
        """One follow-up."""
        follow_up = services.get_follow_up(me(), follow_up_id)
        return with_etag(follow_up, follow_up)

    @login_required()
    @blp.arguments(FollowUpUpdateSchema(partial=True))
    @blp.response(200, FollowUpSchema, headers=ETAG_HEADERS)
    @blp.doc(responses={"412": CONFLICTS["412"]})
    def patch(self, body, follow_up_id):
        """Complete (`done_at`), reopen (`done_at: null`), reschedule (`due_at`) or edit.

        If-Match is honoured when sent.
        """
        follow_up = services.get_follow_up_to_change(me(), follow_up_id)
        check_if_match(follow_up, required=False)
        follow_up = services.update_follow_up(me(), follow_up, body)
        return with_etag(follow_up, follow_up)

    @login_required()
    @blp.response(204)
    def delete(self, follow_up_id):
        """Delete a follow-up."""
        follow_up = services.get_follow_up_to_change(me(), follow_up_id)
        check_if_match(follow_up, required=False)
        services.delete_follow_up(me(), follow_up)
