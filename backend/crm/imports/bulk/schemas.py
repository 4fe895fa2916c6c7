"""The body of `POST /{list}/bulk` per list (its actions and their fields), and its answer."""

from __future__ import annotations

import marshmallow as ma

from crm.core.fields import RequiredText
from crm.core.i18n import N_
from crm.core.schemas import StrictId, StrictSchema, UtcDateTime
from crm.imports.lists import ListSpec
from crm.sales.contracts import FOLLOW_UP_KINDS, LEAD_STATUSES
from crm.service.contracts import TICKET_STATUSES

# The actions each list offers. Opportunities "change status" by moving to a stage
# (`stage_id`): their status (open, won, lost) follows the stage. Tickets have no follow-ups.
ACTIONS = {
    "leads": ("assign", "set_status", "add_task", "delete"),
    "companies": ("assign", "add_task", "delete"),
    "contacts": ("assign", "add_task", "delete"),
    "opportunities": ("assign", "set_status", "add_task", "delete"),
    "tickets": ("assign", "set_status", "delete"),
}
STATUSES = {"leads": LEAD_STATUSES, "tickets": TICKET_STATUSES}
REQUIRED_FOR_ACTION = N_("Required for this action.")
ONE_SELECTION = N_("Send either ids or filters.")


class BulkTaskSchema(StrictSchema):
    subject = RequiredText(required=True, max=10000)
    due_at = UtcDateTime(required=True, allow_none=True)
    kind = ma.fields.String(load_default="task", validate=ma.validate.OneOf(FOLLOW_UP_KINDS))


def _checks(status_field: str):
    """The body's rules across fields (a new hook per schema: marshmallow tags the function)."""

    def check(self, data, **_kwargs):
        if ("ids" in data) == ("filters" in data):
            raise ma.ValidationError({"ids": [ONE_SELECTION]})
        needed = {"assign": "owner_id", "set_status": status_field, "add_task": "task"}
        field = needed.get(data["action"])
        if field is not None and field not in data:
            raise ma.ValidationError({field: [REQUIRED_FOR_ACTION]})

    return ma.validates_schema(check)


class Filters(ma.fields.Nested):
    """A list's query parameters in a JSON body: a filter of several values comes as an array
    (as documented) or comma separated (as in the query string)."""

    def _deserialize(self, value, attr, data, partial=None, **kwargs):
        if isinstance(value, dict):
            value = {key: _joined(item) for key, item in value.items()}
        return super()._deserialize(value, attr, data, partial=partial, **kwargs)


def _joined(item):
    return ",".join(str(part) for part in item) if isinstance(item, list) else item


def bulk_schema(spec: ListSpec) -> type[ma.Schema]:
    actions = ACTIONS[spec.name]
    fields: dict = {
        "action": ma.fields.String(required=True, validate=ma.validate.OneOf(actions)),
        "ids": ma.fields.List(
            StrictId(),
            validate=ma.validate.Length(min=1),
            metadata={"description": "The selected rows (or send `filters`)"},
        ),
        "filters": Filters(
            spec.args_schema,
            metadata={
                "description": "Every row the list shows for these query parameters (the "
                'list\'s filters and sort: `{"status": ["new", "contacted"]}`)'
            },
        ),
        "owner_id": StrictId(
            allow_none=True,
            metadata={
                "description": "assign: the new owner (assignee of a ticket); null unassigns"
            },
        ),
        "check": _checks("stage_id" if spec.name == "opportunities" else "status"),
    }
    if spec.name in STATUSES:
        fields["status"] = ma.fields.String(
            validate=ma.validate.OneOf(STATUSES[spec.name]),
            metadata={"description": "set_status: the new status"},
        )
    if spec.name == "opportunities":
        fields["stage_id"] = StrictId(
            metadata={"description": "set_status: the stage to move to (its pipeline's)"}
        )
    if "add_task" in actions:
        fields["task"] = ma.fields.Nested(
            BulkTaskSchema, metadata={"description": "add_task: the follow-up task on each row"}
        )
    name = spec.args_schema.__name__.replace("FiltersSchema", "BulkSchema")
    return type(name, (StrictSchema,), fields)


class BulkRowResultSchema(ma.Schema):
    id = ma.fields.Integer()
    ok = ma.fields.Boolean()
    code = ma.fields.String(allow_none=True, metadata={"description": "Why the row failed"})
    message = ma.fields.String(allow_none=True)


class BulkCountsSchema(ma.Schema):
    ok = ma.fields.Integer()
    failed = ma.fields.Integer()


class BulkResultSchema(ma.Schema):
    counts = ma.fields.Nested(BulkCountsSchema)
    results = ma.fields.List(ma.fields.Nested(BulkRowResultSchema))
