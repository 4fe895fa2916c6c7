"""Follow-ups through the HTTP API: the lead's timeline, completing, reopening, rescheduling,
the lead's derived times, If-Match, and scoping."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.helpers import created_just_now, field_errors, problem, reads_back

LEADS = "/api/v1/leads"
FOLLOW_UPS = "/api/v1/follow-ups"
FIELDS = {"id", "lead_id", "kind", "content", "due_at", "done_at", "author_id", "created_at"}


def at(value: str | None) -> datetime | None:
    """Parse an answered time, checking it is ISO 8601 in UTC."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0, value
    return parsed


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def new_lead(api, **body) -> int:
    response = api.post(LEADS, json={"name": "Zhao Lei", **body})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def add(api, lead_id: int, **body) -> dict:
    body.setdefault("kind", "call")
    body.setdefault("content", "Called about the quote")
    response = api.post(f"{LEADS}/{lead_id}/follow-ups", json=body)
    assert response.status_code == 201, response.get_json()
    assert response.headers["ETag"]
    return response.get_json()


def change(api, follow_up_id: int, body: dict, **headers):
    response = api.patch(f"{FOLLOW_UPS}/{follow_up_id}", json=body, headers=headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def lead_times(api, lead_id: int) -> tuple[datetime | None, datetime | None]:
    lead = api.get(f"{LEADS}/{lead_id}").get_json()
    return at(lead["last_contacted_at"]), at(lead["next_follow_up_at"])


def timeline(api, lead_id: int, **params) -> list[dict]:
    response = api.get(f"{LEADS}/{lead_id}/follow-ups", query_string={"limit": 200, **params})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"items", "next_cursor"}
    return body["items"]


# --- create and read ----------------------------------------------------------------------


def test_log_a_follow_up_and_read_it_back(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    response = rep.post(
        f"{LEADS}/{lead_id}/follow-ups",
        json={
            "kind": "visit",
            "content": "  Visited the Suzhou plant  ",
            "due_at": "2030-05-06T10:00:00+08:00",
        },
    )
    assert response.status_code == 201, response.get_json()
    follow_up = response.get_json()
    assert set(follow_up) >= FIELDS
    assert follow_up["lead_id"] == lead_id
    assert follow_up["kind"] == "visit"
    assert follow_up["content"] == "Visited the Suzhou plant"
    assert follow_up["author_id"] == rep.user.id
    assert at(follow_up["due_at"]) == utc("2030-05-06T02:00:00Z")
    assert follow_up["done_at"] is None
    created_just_now(follow_up)
    reads_back(rep, f"{FOLLOW_UPS}/{follow_up['id']}", follow_up, response)


def test_every_kind_is_accepted(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    for kind in ("call", "email", "meeting", "visit", "note", "task"):
        assert add(rep, lead_id, kind=kind)["kind"] == kind


def test_invalid_follow_ups_are_422_on_the_field(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    url = f"{LEADS}/{lead_id}/follow-ups"
    field_errors(rep.post(url, json={"content": "x"}), "kind")
    field_errors(rep.post(url, json={"kind": "call"}), "content")
    cases = [
        ("kind", "fax"),
        ("kind", None),
        ("kind", 1),
        ("content", ""),
        ("content", "   "),
        ("content", None),
        ("content", 42),
        ("content", "x" * 10001),
        ("due_at", "tomorrow"),
        ("due_at", "2030-02-30T10:00:00Z"),
        ("due_at", 1893456000),
        ("due_at", "3000-01-01T00:00:00Z"),
        ("done_at", "yesterday"),
        ("done_at", True),
    ]
    for field, value in cases:
        body = {"kind": "call", "content": "x", field: value}
        response = rep.post(url, json=body)
        assert response.status_code == 422, (field, value, response.get_json())
        field_errors(response, field)
    for field in (
        "id",
        "lead_id",
        "author_id",
        "created_at",
        "updated_at",
        "version",
        "deleted_at",
        "surprise",
    ):
        value = 1 if field in ("id", "lead_id", "author_id", "version") else "2024-01-01T00:00:00Z"
        field_errors(rep.post(url, json={"kind": "call", "content": "x", field: value}), field)
    problem(rep.post(url, data="kind=call", content_type="application/x-www-form-urlencoded"), 415)
    assert timeline(rep, lead_id) == []


def test_the_timeline_is_newest_first_and_paginated(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    other_lead = new_lead(rep, name="Other")
    created = [add(rep, lead_id, content=f"Step {i}")["id"] for i in range(7)]
    add(rep, other_lead, content="Not on this timeline")

    assert [f["id"] for f in timeline(rep, lead_id)] == created[::-1]

    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        response = rep.get(f"{LEADS}/{lead_id}/follow-ups", query_string=params)
        assert response.status_code == 200
        body = response.get_json()
        assert len(body["items"]) <= 3
        seen += [f["id"] for f in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
        # A follow-up logged meanwhile is newer than the page: neither repeated nor skipping.
        add(rep, lead_id, content="Logged while paging")
    assert seen == created[::-1]

    problem(rep.get(f"{LEADS}/{lead_id}/follow-ups", query_string={"cursor": "nope"}), 400)
    problem(rep.get(f"{LEADS}/{lead_id}/follow-ups", query_string={"limit": 201}), 422)


# --- the lead's derived times -------------------------------------------------------------


def test_lead_times_follow_completion_reopening_rescheduling_and_deletion(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    assert lead_times(rep, lead_id) == (None, None)

    # Two calls scheduled: the next follow-up is the earliest open one.
    later = add(rep, lead_id, due_at="2030-06-10T09:00:00Z")
    assert lead_times(rep, lead_id) == (None, utc("2030-06-10T09:00:00Z"))
    sooner = add(rep, lead_id, due_at="2030-06-01T09:00:00+08:00")
    assert lead_times(rep, lead_id) == (None, utc("2030-06-01T01:00:00Z"))
    # A note without a due date changes nothing.
    add(rep, lead_id, kind="note", content="Prefers WeChat")
    assert lead_times(rep, lead_id) == (None, utc("2030-06-01T01:00:00Z"))

    # Completing the sooner one: contacted then, next is the later one.
    done = change(rep, sooner["id"], {"done_at": "2030-06-01T02:30:00Z"})
    assert at(done["done_at"]) == utc("2030-06-01T02:30:00Z")
    assert lead_times(rep, lead_id) == (utc("2030-06-01T02:30:00Z"), utc("2030-06-10T09:00:00Z"))

    # Rescheduling the open one.
    change(rep, later["id"], {"due_at": "2030-07-01T09:00:00Z"})
    assert lead_times(rep, lead_id) == (utc("2030-06-01T02:30:00Z"), utc("2030-07-01T09:00:00Z"))

    # Reopening the done one brings its due date back and forgets the contact.
    reopened = change(rep, sooner["id"], {"done_at": None})
    assert reopened["done_at"] is None
    assert lead_times(rep, lead_id) == (None, utc("2030-06-01T01:00:00Z"))

    # Complete both; the last contact is the latest done_at, whatever the order of completion.
    change(rep, later["id"], {"done_at": "2030-07-01T10:00:00Z"})
    change(rep, sooner["id"], {"done_at": "2030-06-02T10:00:00Z"})
    assert lead_times(rep, lead_id) == (utc("2030-07-01T10:00:00Z"), None)

    # A logged (already done) visit counts as a contact.
    visit = add(rep, lead_id, kind="visit", done_at="2030-08-01T00:00:00Z")
    assert lead_times(rep, lead_id) == (utc("2030-08-01T00:00:00Z"), None)

    # Deleting it falls back to the previous contact; deleting an open one clears the next.
    assert rep.delete(f"{FOLLOW_UPS}/{visit['id']}").status_code == 204
    assert lead_times(rep, lead_id) == (utc("2030-07-01T10:00:00Z"), None)
    change(rep, later["id"], {"done_at": None})
    assert lead_times(rep, lead_id) == (utc("2030-06-02T10:00:00Z"), utc("2030-07-01T09:00:00Z"))
    assert rep.delete(f"{FOLLOW_UPS}/{later['id']}").status_code == 204
    assert lead_times(rep, lead_id) == (utc("2030-06-02T10:00:00Z"), None)


def test_the_leads_times_show_in_the_list_and_its_sort(login_as):
    rep = login_as("sales")
    first, second, idle = new_lead(rep, name="A"), new_lead(rep, name="B"), new_lead(rep, name="C")
    add(rep, first, due_at="2030-01-02T00:00:00Z")
    add(rep, second, due_at="2030-01-01T00:00:00Z")
    response = rep.get(LEADS, query_string={"sort": "next_follow_up_at"})
    items = response.get_json()["items"]
    assert [i["id"] for i in items] == [second, first, idle]
    assert at(items[0]["next_follow_up_at"]) == utc("2030-01-01T00:00:00Z")
    assert items[2]["next_follow_up_at"] is None


def test_a_failed_change_leaves_the_lead_times_alone(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    follow_up = add(rep, lead_id, due_at="2030-06-10T09:00:00Z")
    stale = rep.get(f"{FOLLOW_UPS}/{follow_up['id']}").headers["ETag"]
    change(rep, follow_up["id"], {"content": "Edited"})
    response = rep.patch(
        f"{FOLLOW_UPS}/{follow_up['id']}",
        json={"done_at": "2030-06-10T10:00:00Z"},
        headers={"If-Match": stale},
    )
    problem(response, 412)
    response = rep.patch(f"{FOLLOW_UPS}/{follow_up['id']}", json={"due_at": "soon"})
    field_errors(response, "due_at")
    assert lead_times(rep, lead_id) == (None, utc("2030-06-10T09:00:00Z"))
    assert rep.get(f"{FOLLOW_UPS}/{follow_up['id']}").get_json()["done_at"] is None


# --- update and delete --------------------------------------------------------------------


def test_patch_honours_if_match_when_sent(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    follow_up = add(rep, lead_id)
    url = f"{FOLLOW_UPS}/{follow_up['id']}"
    first_etag = rep.get(url).headers["ETag"]

    # Without If-Match: allowed.
    response = rep.patch(url, json={"content": "First edit"})
    assert response.status_code == 200
    assert response.headers["ETag"] != first_etag
    # With the current ETag: allowed.
    response = rep.patch(
        url, json={"content": "Second edit"}, headers={"If-Match": response.headers["ETag"]}
    )
    assert response.status_code == 200
    # With a stale one: 412, nothing changes.
    problem(rep.patch(url, json={"content": "Lost edit"}, headers={"If-Match": first_etag}), 412)
    assert rep.get(url).get_json()["content"] == "Second edit"
    problem(rep.delete(url, headers={"If-Match": first_etag}), 412)
    assert rep.get(url).status_code == 200


def test_patch_validates_like_create(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    follow_up = add(rep, lead_id)
    url = f"{FOLLOW_UPS}/{follow_up['id']}"
    other_lead = new_lead(rep, name="Elsewhere")
    for body, field in (
        ({"kind": "fax"}, "kind"),
        ({"kind": None}, "kind"),
        ({"content": None}, "content"),
        ({"content": "  "}, "content"),
        ({"due_at": "later"}, "due_at"),
        ({"lead_id": other_lead}, "lead_id"),
        ({"author_id": 1}, "author_id"),
        ({"created_at": "2024-01-01T00:00:00Z"}, "created_at"),
        ({"id": 5}, "id"),
    ):
        response = rep.patch(url, json=body)
        assert response.status_code == 422, (body, response.get_json())
        field_errors(response, field)
    assert rep.get(url).get_json() == follow_up
    assert timeline(rep, other_lead) == []


def test_delete_hides_the_follow_up(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    keep, drop = add(rep, lead_id, content="keep"), add(rep, lead_id, content="drop")
    url = f"{FOLLOW_UPS}/{drop['id']}"
    response = rep.delete(url)
    assert response.status_code == 204
    problem(rep.get(url), 404)
    problem(rep.patch(url, json={"content": "back"}), 404)
    problem(rep.delete(url), 404)
    assert [f["id"] for f in timeline(rep, lead_id)] == [keep["id"]]


def test_unknown_follow_up_ids_are_404(login_as):
    rep = login_as("sales")
    for path in ("999999", "2147483648", "0", "abc"):
        problem(rep.get(f"{FOLLOW_UPS}/{path}"), 404)
        problem(rep.patch(f"{FOLLOW_UPS}/{path}", json={"content": "x"}), 404)
        problem(rep.delete(f"{FOLLOW_UPS}/{path}"), 404)
        problem(rep.get(f"{LEADS}/{path}/follow-ups"), 404)
        problem(rep.post(f"{LEADS}/{path}/follow-ups", json={"kind": "call", "content": "x"}), 404)


def test_follow_ups_of_a_deleted_lead_are_gone(login_as):
    rep = login_as("sales")
    lead_id = new_lead(rep)
    follow_up = add(rep, lead_id)
    assert rep.delete(f"{LEADS}/{lead_id}").status_code == 204
    url = f"{FOLLOW_UPS}/{follow_up['id']}"
    problem(rep.get(url), 404)
    problem(rep.patch(url, json={"done_at": "2030-01-01T00:00:00Z"}), 404)
    problem(rep.delete(url), 404)
    problem(rep.get(f"{LEADS}/{lead_id}/follow-ups"), 404)


# --- scoping ------------------------------------------------------------------------------


def test_follow_ups_are_scoped_like_their_lead(login_as, team):
    east, west = team(name="East"), team(name="West")
    a = login_as("sales", team=east)
    manager = login_as("manager", team=east)
    b = login_as("sales", team=west)
    service = login_as("service")
    lead_a = new_lead(a)
    follow_up = add(a, lead_a, due_at="2030-01-01T00:00:00Z")
    url = f"{FOLLOW_UPS}/{follow_up['id']}"
    etag = a.get(url).headers["ETag"]

    # B (team West) cannot tell the lead or its follow-ups exist.
    problem(b.get(f"{LEADS}/{lead_a}/follow-ups"), 404)
    problem(b.post(f"{LEADS}/{lead_a}/follow-ups", json={"kind": "call", "content": "x"}), 404)
    problem(b.get(url), 404)
    problem(b.patch(url, json={"done_at": "2030-01-01T00:00:00Z"}, headers={"If-Match": etag}), 404)
    problem(b.patch(url, json={"content": "pwned"}), 404)
    problem(b.delete(url), 404)
    assert b.get(url).get_json() == b.get(f"{FOLLOW_UPS}/2147483000").get_json()

    # The East manager works the team's timeline.
    assert [f["id"] for f in timeline(manager, lead_a)] == [follow_up["id"]]
    note = add(manager, lead_a, kind="note", content="Manager's note")
    assert note["author_id"] == manager.user.id
    change(manager, follow_up["id"], {"content": "Checked by the manager"})

    # Service staff read, but cannot write.
    assert len(timeline(service, lead_a)) == 2
    assert service.get(url).status_code == 200
    problem(
        service.post(f"{LEADS}/{lead_a}/follow-ups", json={"kind": "call", "content": "x"}), 403
    )
    problem(service.patch(url, json={"done_at": "2030-01-01T00:00:00Z"}), 403)
    problem(service.delete(url), 403)

    after = a.get(url).get_json()
    assert after["content"] == "Checked by the manager"
    assert after["done_at"] is None
    assert lead_times(a, lead_a) == (None, utc("2030-01-01T00:00:00Z"))

    # Reassigned away from A, the lead's follow-ups leave A's reach too.
    lead_etag = manager.get(f"{LEADS}/{lead_a}").headers["ETag"]
    moved = manager.patch(
        f"{LEADS}/{lead_a}", json={"owner_id": manager.user.id}, headers={"If-Match": lead_etag}
    )
    assert moved.status_code == 200
    problem(a.get(url), 404)
    problem(a.get(f"{LEADS}/{lead_a}/follow-ups"), 404)


def test_follow_ups_on_unassigned_leads_are_open_to_reps(login_as, make_lead):
    rep = login_as("sales")
    lead = make_lead(owner_id=None)
    follow_up = add(rep, lead.id, due_at="2030-03-01T00:00:00Z")
    assert follow_up["author_id"] == rep.user.id
    change(rep, follow_up["id"], {"done_at": "2030-03-01T01:00:00Z"})
    assert lead_times(rep, lead.id) == (utc("2030-03-01T01:00:00Z"), None)
