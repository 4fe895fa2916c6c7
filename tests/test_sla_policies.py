"""SLA policies: everyone reads the hours of each priority (defaults filled in), the admin sets
them, and new tickets take their due times from them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crm.service.models import DEFAULT_SLA_HOURS, TICKET_PRIORITIES
from tests.helpers import problem
from tests.sales_helpers import audit_events, field_errors, ok
from tests.service_helpers import SLA_POLICIES, TICKETS, at, create_ticket, set_policy

POLICY_FIELDS = {"priority", "first_response_hours", "resolution_hours", "is_default", "updated_at"}


def put(api, priority: str, body):
    return api.client.put(f"{SLA_POLICIES}/{priority}", json=body, headers=api.headers)


def policies(api) -> dict[str, dict]:
    items = ok(api.get(SLA_POLICIES))["items"]
    assert [item["priority"] for item in items] == list(TICKET_PRIORITIES)
    return {item["priority"]: item for item in items}


@pytest.mark.parametrize("role", ["admin", "manager", "sales", "service"])
def test_everyone_reads_the_defaults_of_every_priority(login_as, role):
    found = policies(login_as(role))
    for priority, (first, resolution) in DEFAULT_SLA_HOURS.items():
        assert set(found[priority]) == POLICY_FIELDS
        assert found[priority]["first_response_hours"] == first
        assert found[priority]["resolution_hours"] == resolution
        assert found[priority]["is_default"] is True
        assert found[priority]["updated_at"] is None


def test_the_admin_sets_a_priority_and_everyone_sees_it_audited(login_as):
    admin, agent = login_as("admin"), login_as("service")
    policy = set_policy(admin, "high", 2, 12)
    assert set(policy) == POLICY_FIELDS
    assert (policy["priority"], policy["first_response_hours"], policy["resolution_hours"]) == (
        "high",
        2,
        12,
    )
    assert policy["is_default"] is False and policy["updated_at"]
    found = policies(agent)
    assert found["high"] == policy
    assert found["normal"]["is_default"] is True

    again = set_policy(admin, "high", 3, 12)
    assert again["first_response_hours"] == 3
    events = audit_events(admin, "sla_policy", "high")
    assert [event["changes"] for event in events] == [
        {"first_response_hours": {"old": "2.00", "new": "3.00"}},
        {
            "first_response_hours": {"old": None, "new": "2.00"},
            "resolution_hours": {"old": None, "new": "12.00"},
        },
    ]
    assert all(event["actor_id"] == admin.user.id for event in events)


@pytest.mark.parametrize("role", ["manager", "sales", "service"])
def test_only_the_admin_sets_policies(login_as, role):
    user = login_as(role)
    problem(put(user, "urgent", {"first_response_hours": 1, "resolution_hours": 2}), 403)
    assert policies(user)["urgent"]["is_default"] is True


@pytest.mark.parametrize(
    "body, field",
    [
        ({"first_response_hours": 0, "resolution_hours": 4}, "first_response_hours"),
        ({"first_response_hours": 1, "resolution_hours": 8761}, "resolution_hours"),
        ({"first_response_hours": -1, "resolution_hours": 4}, "first_response_hours"),
        ({"first_response_hours": "2", "resolution_hours": 4}, "first_response_hours"),
        ({"first_response_hours": 1.005, "resolution_hours": 4}, "first_response_hours"),
        ({"first_response_hours": 0.001, "resolution_hours": 4}, "first_response_hours"),
        ({"first_response_hours": True, "resolution_hours": 4}, "first_response_hours"),
        ({"first_response_hours": None, "resolution_hours": 4}, "first_response_hours"),
        ({"resolution_hours": 4}, "first_response_hours"),
        ({"first_response_hours": 1}, "resolution_hours"),
        ({"first_response_hours": 8, "resolution_hours": 4}, "resolution_hours"),
        ({"first_response_hours": 1, "resolution_hours": 4, "priority": "low"}, "priority"),
        ({"first_response_hours": 1, "resolution_hours": 4, "is_default": True}, "is_default"),
    ],
)
def test_invalid_hours_are_422_on_their_field(login_as, body, field):
    admin = login_as("admin")
    field_errors(put(admin, "normal", body), field)
    assert policies(admin)["normal"]["is_default"] is True


def test_equal_hours_and_the_longest_allowed_are_accepted(login_as):
    admin = login_as("admin")
    assert set_policy(admin, "low", 8760, 8760)["resolution_hours"] == 8760


def test_hours_take_two_decimals_and_due_times_follow_to_the_second(login_as):
    admin, agent = login_as("admin"), login_as("service")
    policy = set_policy(admin, "urgent", 0.25, 1.5)
    assert (policy["first_response_hours"], policy["resolution_hours"]) == (0.25, 1.5)
    assert policies(agent)["urgent"]["first_response_hours"] == 0.25

    ticket = create_ticket(agent, priority="urgent")
    created = at(ticket["created_at"])
    assert at(ticket["first_response_due_at"]) == created + timedelta(minutes=15)
    assert at(ticket["resolution_due_at"]) == created + timedelta(minutes=90)


def test_the_shortest_policy_is_36_seconds(login_as):
    """0.01 hours is 36 seconds: enough to see the flagging without editing the database."""
    admin, agent = login_as("admin"), login_as("service")
    set_policy(admin, "low", 0.01, 0.01)
    ticket = create_ticket(agent, priority="low")
    assert at(ticket["first_response_due_at"]) == at(ticket["created_at"]) + timedelta(seconds=36)


def test_an_unknown_priority_is_404(login_as):
    admin = login_as("admin")
    problem(put(admin, "critical", {"first_response_hours": 1, "resolution_hours": 2}), 404)


def test_new_tickets_use_the_policy_and_existing_ones_keep_their_due_times(login_as):
    admin, agent = login_as("admin"), login_as("service")
    before = create_ticket(agent, priority="normal")
    set_policy(admin, "normal", 2, 10)
    after = create_ticket(agent, priority="normal")
    created = at(after["created_at"])
    assert at(after["first_response_due_at"]) == created + timedelta(hours=2)
    assert at(after["resolution_due_at"]) == created + timedelta(hours=10)
    kept = ok(agent.get(f"{TICKETS}/{before['id']}"))
    assert kept["first_response_due_at"] == before["first_response_due_at"]
    assert kept["resolution_due_at"] == before["resolution_due_at"]
