"""`GET /api/v1/assignees` and `owner_name`: what the SPA needs to show and pick owners."""

from __future__ import annotations

from tests.factories import UserFactory


def _ids(api):
    response = api.get("/api/v1/assignees")
    assert response.status_code == 200
    return {user["id"] for user in response.get_json()["items"]}


def test_each_role_gets_whom_it_may_assign_to(login_as, team):
    east, west = team(name="East"), team(name="West")
    manager = login_as("manager", team=east)
    rep = login_as("sales", team=east)
    other_rep = UserFactory(role="sales", team_id=west.id)
    retired = UserFactory(role="sales", team_id=east.id, active=False)
    service = login_as("service", team=east)
    admin = login_as("admin")

    assert _ids(manager) == {manager.user.id, rep.user.id}
    assert _ids(rep) == {rep.user.id}
    assert _ids(service) == set()
    everyone_selling = _ids(admin)
    assert {manager.user.id, rep.user.id, other_rep.id, admin.user.id} <= everyone_selling
    assert retired.id not in everyone_selling and service.user.id not in everyone_selling


def test_lead_answers_its_owner_name(login_as):
    rep = login_as("sales", name="李娜")
    lead = rep.post("/api/v1/leads", json={"name": "苏州泵业"}).get_json()
    assert lead["owner_name"] == "李娜"
    listed = rep.get("/api/v1/leads").get_json()["items"][0]
    assert listed["owner_name"] == "李娜"


def test_unassigned_lead_has_no_owner_name(login_as):
    admin = login_as("admin")
    lead = admin.post("/api/v1/leads", json={"name": "Nobody's", "owner_id": None}).get_json()
    assert lead["owner_id"] is None and lead["owner_name"] is None
