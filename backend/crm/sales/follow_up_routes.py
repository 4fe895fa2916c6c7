"""HTTP layer of follow-ups: each customer record's timeline, and one follow-up by id."""

from __future__ import annotations

from flask.views import MethodView

from crm.core.blueprint import Blueprint
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


def _register_timeline(parent: str, collection: str, timeline: str, record: str) -> None:
    """`GET/POST /{collection}/{id}/follow-ups` for one kind of customer record."""
    id_arg = f"{parent}_id"

    @login_required()
    @blp.arguments(FollowUpListArgsSchema, location="query")
    @blp.response(200, FollowUpPageSchema)
    def get(self, args, **ids):
        return services.list_follow_ups(me(), parent, ids[id_arg], args)

    @login_required()
    @blp.arguments(FollowUpSchema)
    @blp.response(201, FollowUpSchema, headers=ETAG_HEADERS)
    def post(self, body, **ids):
        follow_up = services.create_follow_up(me(), parent, ids[id_arg], body)
        return with_etag(follow_up, follow_up, 201)

    get.__doc__ = timeline
    post.__doc__ = f"Log a call, visit, meeting... {record}, or schedule one with `due_at`."
    view = type(f"{parent.title()}FollowUps", (MethodView,), {"get": get, "post": post})
    blp.route(f"/{collection}/<{ID}:{id_arg}>/follow-ups")(view)


_register_timeline("lead", "leads", "The lead's timeline, newest first.", "on the lead")
_register_timeline(
    "company",
    "companies",
    "The company's timeline, newest first: its own follow-ups and those of its contacts, its "
    "opportunities and the leads converted into it (the ones you can see).",
    "on the company",
)
_register_timeline(
    "contact",
    "contacts",
    "The contact's timeline, newest first: its own follow-ups and those of the leads converted "
    "into it.",
    "with the contact",
)
_register_timeline(
    "opportunity",
    "opportunities",
    "The opportunity's timeline, newest first: its own follow-ups and its source lead's.",
    "on the opportunity",
)


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
