"""`crm seed`: the demo data a new user logs in to."""

from __future__ import annotations

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

    again = runner.invoke(args=["seed", "--if-empty"])
    assert again.exit_code == 0 and "admin@example.com" in again.output
    refused = runner.invoke(args=["seed", "--password", "x" * 10])
    assert refused.exit_code != 0
