"""Bulk actions on rows of a list: assign, change status, add a follow-up task, delete.

Each row goes through the service function its single-record endpoint uses (same scoping, same
rules, same audit events), so a bulk action can do nothing one record's change could not. A row
the user cannot see answers "not found" for that row, exactly as a guessed id would; a refused
row does not stop the others. Those services check before they write, so a refused row leaves
nothing behind. (The single-record PATCH asks for If-Match; a bulk action has no version to
send and takes the rows as they are.)

Up to BULK_INLINE_MAX_ROWS rows change in the request, in its one transaction; more run as a
job (`bulk.apply`) that commits a batch at a time with its progress.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from flask import current_app

from crm.auth import services as auth
from crm.core.exceptions import DomainError, Forbidden, Invalid
from crm.core.i18n import N_, translate
from crm.core.jobs import JobContext, enqueue, job_handler
from crm.core.permissions import ADMIN, MANAGER
from crm.customers import services as customers
from crm.imports.lists import LISTS, ListSpec
from crm.sales import follow_ups
from crm.sales import services as leads
from crm.sales.pipeline import opportunities
from crm.service import services as tickets

if TYPE_CHECKING:
    from crm.auth.models import User

BATCH_ROWS = 100


@dataclass(frozen=True)
class Operations:
    get: Callable  # (user, id) -> record to change: 404 outside scope, 403 for readers
    update: Callable  # (user, record, data) -> record
    delete: Callable  # (user, record) -> None
    owner_field: str = "owner_id"
    writers_only: bool = True


OPERATIONS = {
    "leads": Operations(leads.get_lead_to_change, leads.update_lead, leads.delete_lead),
    "companies": Operations(
        customers.get_company_to_change, customers.update_company, customers.delete_company
    ),
    "contacts": Operations(
        customers.get_contact_to_change, customers.update_contact, customers.delete_contact
    ),
    "opportunities": Operations(
        opportunities.get_opportunity_to_change,
        opportunities.update_opportunity,
        opportunities.delete_opportunity,
    ),
    # Any role works on the tickets it sees; the assignee rules are the ticket's own.
    "tickets": Operations(
        tickets.get_ticket,
        tickets.update_ticket,
        tickets.delete_ticket,
        owner_field="assignee_id",
        writers_only=False,
    ),
}


def _unique(ids) -> list[int]:
    return list(dict.fromkeys(ids))


def _check_caller(user: User, spec: ListSpec, body: dict) -> None:
    """What is refused for every row alike is refused once, for the whole request."""
    ops = OPERATIONS[spec.name]
    if ops.writers_only:
        auth.require_writer(user)
    if body["action"] != "assign":
        return
    if spec.name == "tickets":
        if user.role not in tickets.ASSIGNEE_ROLES:
            raise Forbidden(
                N_("Sales reps can take a ticket or leave it unassigned, not give it to others."),
                code="role_forbidden",
            )
        return
    if user.role not in (ADMIN, MANAGER):
        raise Forbidden(N_("Only managers and admins can assign records."), code="role_forbidden")
    auth.check_owner_change(user, body["owner_id"], None)


def _values(body: dict) -> dict:
    """The action's values, JSON-able (a job's parameters)."""
    action = body["action"]
    if action == "assign":
        return {"owner_id": body["owner_id"]}
    if action == "set_status":
        if "stage_id" in body:
            return {"stage_id": body["stage_id"]}
        return {"status": body["status"]}
    if action == "add_task":
        task = body["task"]
        due_at = task.get("due_at")
        return {
            "task": {
                "content": task["subject"],
                "kind": task["kind"],
                "due_at": due_at.isoformat() if due_at is not None else None,
            }
        }
    return {}


def _selected_ids(user: User, spec: ListSpec, body: dict) -> list[int]:
    limit = current_app.config["BULK_MAX_ROWS"]
    if "ids" in body:
        ids = _unique(body["ids"])
        if len(ids) > limit:
            raise Invalid(
                N_("A bulk action takes at most {max} rows.").format(max=limit),
                code="too_many_rows",
                errors={"ids": [N_("At most {max}.").format(max=limit)]},
            )
        return ids
    filters = body["filters"]
    query = spec.query(user, filters)
    if query.count(limit=limit) > limit:
        raise Invalid(
            N_("A bulk action takes at most {max} rows.").format(max=limit),
            code="too_many_rows",
            errors={
                "filters": [N_("More than {max} rows match; narrow the filters.").format(max=limit)]
            },
        )
    return list(query.ids(filters["sort"]))


def run_bulk(user: User, resource: str, body: dict):
    """The per-row results (inline), or the job that produces them (more rows than
    BULK_INLINE_MAX_ROWS)."""
    spec = LISTS[resource]
    _check_caller(user, spec, body)
    ids = _selected_ids(user, spec, body)
    values = _values(body)
    if len(ids) <= current_app.config["BULK_INLINE_MAX_ROWS"]:
        return summary(apply_rows(user, resource, body["action"], values, ids))
    params = {
        "resource": resource,
        "action": body["action"],
        "values": values,
        "ids": ids,
    }
    return enqueue("bulk.apply", params=params, user=user)


# --- one row --------------------------------------------------------------------------------


def _apply_one(user: User, resource: str, action: str, values: dict, record_id: int) -> None:
    ops = OPERATIONS[resource]
    record = ops.get(user, record_id)
    if action == "assign":
        ops.update(user, record, {ops.owner_field: values["owner_id"]})
    elif action == "set_status":
        ops.update(user, record, dict(values))
    elif action == "add_task":
        task = dict(values["task"])
        if task["due_at"] is not None:
            task["due_at"] = datetime.fromisoformat(task["due_at"])
        follow_ups.create_follow_up(user, LISTS[resource].entity, record.id, task)
    elif action == "delete":
        ops.delete(user, record)
    else:  # pragma: no cover (the schema offers only the actions above)
        raise ValueError(action)


def _failure(record_id: int, error: DomainError) -> dict:
    """The row's refusal in the caller's language (a job runs in its starter's language)."""
    message = error.detail or error.code
    if error.errors:
        message = next(iter(error.errors.values()))[0]
    return {
        "id": record_id,
        "ok": False,
        "code": error.code,
        "message": translate(message),
    }


def apply_rows(user: User, resource: str, action: str, values: dict, ids: list[int]) -> list[dict]:
    results = []
    for record_id in ids:
        try:
            _apply_one(user, resource, action, values, record_id)
        except DomainError as error:
            results.append(_failure(record_id, error))
        else:
            results.append({"id": record_id, "ok": True, "code": None, "message": None})
    return results


def summary(results: list[dict]) -> dict:
    ok = sum(1 for result in results if result["ok"])
    return {"counts": {"ok": ok, "failed": len(results) - ok}, "results": results}


@job_handler("bulk.apply")
def apply_bulk(ctx: JobContext) -> dict:
    """The rows in batches, each committed with the results so far (a retried job resumes
    after the last committed batch)."""
    params = ctx.params
    ids = params["ids"]
    state = ctx.checkpoint or {"next": 0, "results": []}
    results = list(state["results"])
    for start in range(state["next"], len(ids), BATCH_ROWS):
        batch = ids[start : start + BATCH_ROWS]
        results += apply_rows(
            ctx.user, params["resource"], params["action"], params["values"], batch
        )
        done = start + len(batch)
        ctx.commit_batch(checkpoint={"next": done, "results": results})
        ctx.progress(
            int(done * 100 / len(ids)),
            N_("Changed {done} of {total} rows.").format(done=done, total=len(ids)),
        )
    return summary(results)
