"""`crm seed`: the demo data a new user logs in to."""

from __future__ import annotations

from crm.service.models import TICKET_STATUSES
from tests.conftest import login


def test_seed_creates_demo_accounts_and_leads(app, db, client):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed", "--password", "demo-password-1", "--leads", "60"])
    assert result.exit_code == 0, result.output
    assert "sales1@example.com" in result.output

    sales1 = login(client, "sales1@example.com", "demo-password-1")
    assert sales1["user"]["role"] == "sales"
    headers = {"Authorization": f"Bearer {sales1['access_token']}"}
    leads = client.get("/api/v1/leads?limit=200", headers=headers).get_json()["items"]
    assert leads and all(lead["owner_id"] in (None, sales1["user"]["id"]) for lead in leads)

    admin = login(client, "admin@example.com", "demo-password-1")
    all_leads = client.get(
        "/api/v1/leads?limit=200", headers={"Authorization": f"Bearer {admin['access_token']}"}
    )
    assert len(all_leads.get_json()["items"]) == 60

    service = login(client, "service@example.com", "demo-password-1")
    headers = {"Authorization": f"Bearer {service['access_token']}"}
    tickets = client.get("/api/v1/tickets?limit=200", headers=headers).get_json()["items"]
    assert {ticket["status"] for ticket in tickets} == set(TICKET_STATUSES)
    assert any(ticket["sla_breached"] for ticket in tickets)
    assert any(ticket["assignee_id"] == service["user"]["id"] for ticket in tickets)
    # One open ticket has news from the customer that nobody answered yet.
    [replied] = [ticket for ticket in tickets if ticket["customer_replied_at"]]
    assert replied["status"] == "open"
    # The agent sees who a complaint is from: demo tickets name their company and contact.
    from_customers = [ticket for ticket in tickets if ticket["company_id"]]
    assert from_customers and all(t["company_name"] and t["contact_name"] for t in from_customers)
    commented = next(ticket for ticket in tickets if ticket["status"] == "closed")
    comments = client.get(f"/api/v1/tickets/{commented['id']}/comments", headers=headers)
    assert {c["author_kind"] for c in comments.get_json()["items"]} == {"user", "customer"}
    own = client.get(
        "/api/v1/tickets?limit=200", headers={"Authorization": f"Bearer {sales1['access_token']}"}
    ).get_json()["items"]
    assert own and all(t["assignee_id"] in (None, sales1["user"]["id"]) for t in own)

    again = runner.invoke(args=["seed", "--if-empty"])
    assert again.exit_code == 0 and "admin@example.com" in again.output
    refused = runner.invoke(args=["seed", "--password", "x" * 10])
    assert refused.exit_code != 0
