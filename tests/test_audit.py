"""The audit trail: every create, update and delete of leads and follow-ups is an event that
admins read at `GET /api/v1/audit-events`."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.helpers import PROBLEM, problem, utc_time

LEADS = "/api/v1/leads"
FOLLOW_UPS = "/api/v1/follow-ups"
EVENTS = "/api/v1/audit-events"


def events(admin, **params) -> list[dict]:
    response = admin.get(EVENTS, query_string={"limit": 200, **params})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"items", "next_cursor"}
    return body["items"]


def writes(admin, **params) -> list[dict]:
    """Events about data (logins are audited too, and left out here)."""
    return [e for e in events(admin, **params) if e["action"] in ("create", "update", "delete")]


def new_lead(api, **body) -> dict:
    response = api.post(LEADS, json={"name": "Sun Li", **body})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def patch_lead(api, lead_id: int, body: dict):
    current = api.get(f"{LEADS}/{lead_id}").headers["ETag"]
    return api.patch(f"{LEADS}/{lead_id}", json=body, headers={"If-Match": current})


def test_a_lead_create_update_delete_leaves_three_events(login_as):
    admin = login_as("admin")
    rep = login_as("sales")
    lead = new_lead(
        rep,
        company_name="Hangzhou Tea Co.",
        email="sun.li@tea.cn",
        phone="138 0013 8000",
        source="event",
    )
    entity_id = str(lead["id"])

    [created] = writes(admin, entity="lead", entity_id=entity_id)
    assert created["action"] == "create"
    assert created["entity"] == "lead"
    assert created["entity_id"] == entity_id
    assert created["actor_id"] == rep.user.id
    assert created["ip_address"] == "127.0.0.1"
    assert abs((datetime.now(UTC) - utc_time(created["occurred_at"])).total_seconds()) < 60
    changes = created["changes"]
    assert changes["name"] == {"old": None, "new": "Sun Li"}
    assert changes["phone"] == {"old": None, "new": "+8613800138000"}
    assert changes["email"] == {"old": None, "new": "sun.li@tea.cn"}
    assert changes["owner_id"] == {"old": None, "new": rep.user.id}
    assert changes["source"] == {"old": None, "new": "event"}

    response = patch_lead(
        rep,
        lead["id"],
        {"status": "qualified", "phone": "+1 415 555 2671", "email": "sun.li@tea.cn"},
    )
    assert response.status_code == 200
    updated = writes(admin, entity="lead", entity_id=entity_id)[0]
    assert updated["action"] == "update"
    assert updated["actor_id"] == rep.user.id
    # Only what changed, each with its old and new value.
    assert updated["changes"] == {
        "status": {"old": "new", "new": "qualified"},
        "phone": {"old": "+8613800138000", "new": "+14155552671"},
    }

    # A forged X-Forwarded-For does not launder the address (no trusted proxy is configured).
    response = rep.delete(f"{LEADS}/{lead['id']}", headers={"X-Forwarded-For": "203.0.113.9"})
    assert response.status_code == 204
    trail = writes(admin, entity="lead", entity_id=entity_id)
    assert trail[0]["ip_address"] == "127.0.0.1"
    assert [e["action"] for e in trail] == ["delete", "update", "create"]  # newest first
    assert trail[0]["actor_id"] == rep.user.id
    times = [utc_time(e["occurred_at"]) for e in trail]
    assert times == sorted(times, reverse=True)


def test_reassigning_a_lead_records_the_old_and_new_owner(login_as, team):
    east = team()
    admin = login_as("admin")
    manager = login_as("manager", team=east)
    rep = login_as("sales", team=east)
    lead = new_lead(rep)
    assert patch_lead(manager, lead["id"], {"owner_id": manager.user.id}).status_code == 200
    event = writes(admin, entity="lead", entity_id=str(lead["id"]), actor_id=manager.user.id)[0]
    assert event["changes"] == {"owner_id": {"old": rep.user.id, "new": manager.user.id}}


def test_clearing_a_field_records_null_as_the_new_value(login_as):
    admin = login_as("admin")
    rep = login_as("sales")
    lead = new_lead(rep, company_name="Acme", description="Long story")
    assert patch_lead(rep, lead["id"], {"company_name": None, "description": ""}).status_code == 200
    event = writes(admin, entity="lead", entity_id=str(lead["id"]))[0]
    assert event["changes"] == {
        "company_name": {"old": "Acme", "new": None},
        "description": {"old": "Long story", "new": None},
    }


def test_an_update_that_changes_nothing_and_refused_writes_leave_no_event(login_as, team):
    admin = login_as("admin")
    rep = login_as("sales")
    service = login_as("service")
    lead = new_lead(rep, status="contacted")
    before = writes(admin)

    assert patch_lead(rep, lead["id"], {"status": "contacted"}).status_code == 200
    stale = rep.get(f"{LEADS}/{lead['id']}").headers["ETag"]
    assert patch_lead(rep, lead["id"], {"status": "qualified"}).status_code == 200
    after_one_change = writes(admin)
    assert len(after_one_change) == len(before) + 1

    refused = [
        rep.patch(f"{LEADS}/{lead['id']}", json={"status": "new"}, headers={"If-Match": stale}),
        rep.patch(f"{LEADS}/{lead['id']}", json={"status": "new"}),
        patch_lead(rep, lead["id"], {"email": "not an email"}),
        rep.post(LEADS, json={"name": "x", "phone": "123"}),
        rep.post(LEADS, json={"name": "x", "owner_id": admin.user.id}),
        patch_lead(service, lead["id"], {"status": "new"}),
        service.delete(f"{LEADS}/{lead['id']}"),
        service.post(LEADS, json={"name": "x"}),
    ]
    assert [r.status_code for r in refused] == [412, 428, 422, 422, 403, 403, 403, 403]
    assert writes(admin) == after_one_change


def test_follow_up_changes_are_audited(login_as):
    admin = login_as("admin")
    rep = login_as("sales")
    lead = new_lead(rep)
    response = rep.post(
        f"{LEADS}/{lead['id']}/follow-ups",
        json={"kind": "call", "content": "Intro call", "due_at": "2030-01-02T03:04:05Z"},
    )
    follow_up = response.get_json()
    entity_id = str(follow_up["id"])
    [created] = writes(admin, entity="follow_up", entity_id=entity_id)
    assert created["action"] == "create"
    assert created["actor_id"] == rep.user.id
    assert created["changes"]["lead_id"] == {"old": None, "new": lead["id"]}
    assert created["changes"]["kind"] == {"old": None, "new": "call"}
    assert created["changes"]["content"] == {"old": None, "new": "Intro call"}
    assert utc_time(created["changes"]["due_at"]["new"]) == datetime(
        2030, 1, 2, 3, 4, 5, tzinfo=UTC
    )

    url = f"{FOLLOW_UPS}/{follow_up['id']}"
    assert rep.patch(url, json={"done_at": "2030-01-02T04:00:00+01:00"}).status_code == 200
    [completed] = writes(admin, entity="follow_up", entity_id=entity_id, action="update")
    assert set(completed["changes"]) == {"done_at"}
    assert completed["changes"]["done_at"]["old"] is None
    assert utc_time(completed["changes"]["done_at"]["new"]) == datetime(
        2030, 1, 2, 3, 0, tzinfo=UTC
    )

    assert rep.patch(url, json={"done_at": None}).status_code == 200
    reopened = writes(admin, entity="follow_up", entity_id=entity_id)[0]
    assert reopened["changes"]["done_at"]["new"] is None
    assert utc_time(reopened["changes"]["done_at"]["old"]) == datetime(2030, 1, 2, 3, 0, tzinfo=UTC)

    assert rep.delete(url).status_code == 204
    trail = writes(admin, entity="follow_up", entity_id=entity_id)
    assert [e["action"] for e in trail] == ["delete", "update", "update", "create"]
    assert {e["actor_id"] for e in trail} == {rep.user.id}


def test_filters_by_entity_entity_id_and_actor(login_as):
    admin = login_as("admin")
    rep = login_as("sales")
    other = login_as("sales")
    mine = new_lead(rep)
    theirs = new_lead(other)
    rep.post(f"{LEADS}/{mine['id']}/follow-ups", json={"kind": "note", "content": "n"})

    by_rep = writes(admin, actor_id=rep.user.id)
    assert {(e["entity"], e["action"]) for e in by_rep} == {
        ("lead", "create"),
        ("follow_up", "create"),
    }
    assert all(e["actor_id"] == rep.user.id for e in events(admin, actor_id=rep.user.id))
    assert [e["entity_id"] for e in writes(admin, entity="lead")] == [
        str(theirs["id"]),
        str(mine["id"]),
    ]
    assert [e["entity"] for e in writes(admin, entity="follow_up")] == ["follow_up"]
    only = writes(admin, entity="lead", entity_id=str(theirs["id"]))
    assert [e["actor_id"] for e in only] == [other.user.id]
    assert events(admin, entity="lead", entity_id="2147483000") == []
    assert events(admin, actor_id=2147483000) == []
    assert events(admin, entity="nothing") == []
    for params in ({"actor_id": "abc"}, {"actor_id": 0}, {"limit": 201}, {"sort": "actor_id"}):
        problem(admin.get(EVENTS, query_string=params), 422)
    problem(admin.get(EVENTS, query_string={"cursor": "garbage"}), 400)


def test_the_trail_pages_newest_first(login_as):
    admin = login_as("admin")
    rep = login_as("sales")
    lead = new_lead(rep)
    for status in ("contacted", "qualified", "unqualified", "contacted", "qualified"):
        assert patch_lead(rep, lead["id"], {"status": status}).status_code == 200
    everything = writes(admin, entity="lead")
    assert len(everything) == 6

    seen, cursor = [], None
    while True:
        params = {"entity": "lead", "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = admin.get(EVENTS, query_string=params).get_json()
        seen += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert [e["id"] for e in seen] == [e["id"] for e in everything]
    assert [e["changes"]["status"]["new"] for e in seen[:5]] == [
        "qualified",
        "contacted",
        "unqualified",
        "qualified",
        "contacted",
    ]


def test_only_admins_read_the_trail(client, login_as, team):
    east = team()
    for role in ("manager", "sales", "service"):
        api = login_as(role, team=east)
        problem(api.get(EVENTS), 403)
        problem(api.get(EVENTS, query_string={"actor_id": api.user.id}), 403)
    problem(client.get(EVENTS), 401)
    problem(client.get(EVENTS, headers={"Authorization": "Bearer x.y.z"}), 401)
    admin = login_as("admin")
    for method in ("post", "patch", "delete"):  # the trail cannot be rewritten
        response = getattr(admin, method)(EVENTS, json={})
        assert response.status_code == 405
        assert response.mimetype == PROBLEM
