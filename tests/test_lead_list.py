"""`GET /api/v1/leads`: filters, search, sorting, limits, and cursors that stay stable while
leads are added between pages."""

from __future__ import annotations

import base64
import json
import random
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.helpers import problem

LEADS = "/api/v1/leads"
BASE = datetime(2024, 3, 1, 8, 0, 0, tzinfo=UTC)
FAR = datetime.max.replace(tzinfo=UTC)


def page(api, **params) -> dict:
    response = api.get(LEADS, query_string=params)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert set(body) == {"items", "next_cursor"}
    return body


def ids(api, **params) -> list[int]:
    body = page(api, limit=200, **params)
    assert body["next_cursor"] is None
    return [item["id"] for item in body["items"]]


def time_of(value: str | None) -> datetime:
    if value is None:
        return FAR
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert parsed.utcoffset().total_seconds() == 0, value
    return parsed


def insert_leads(db, rows: list[dict]) -> list[int]:
    """Bulk insert through the session (fast), returning the new ids in order."""
    full = []
    for row in rows:
        created = row.get("created_at", BASE)
        full.append(
            {
                "name": "Lead",
                "company_name": None,
                "email": None,
                "phone": None,
                "owner_id": None,
                "next_follow_up_at": None,
                "last_contacted_at": None,
                "source": "web",
                "status": "new",
                "version": 1,
                "created_at": created,
                "updated_at": row.get("updated_at", created),
                **row,
            }
        )
    leads = db.metadata.tables["leads"]  # the mapped table, with its column types and defaults
    before = db.session.scalar(sa.select(sa.func.max(leads.c.id))) or 0
    db.session.execute(sa.insert(leads), full)
    db.session.commit()
    new = list(
        db.session.scalars(sa.select(leads.c.id).where(leads.c.id > before).order_by(leads.c.id))
    )
    assert len(new) == len(rows)
    return new


def cursor_of(packed: dict) -> str:
    raw = json.dumps(packed).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# --- shape and limits ---------------------------------------------------------------------


def test_default_limit_is_50_and_the_cursor_reaches_the_rest(login_as, db):
    admin = login_as("admin")
    created = insert_leads(db, [{"name": f"L{i}", "created_at": BASE} for i in range(60)])
    first = page(admin)
    assert len(first["items"]) == 50
    assert isinstance(first["next_cursor"], str) and first["next_cursor"]
    second = page(admin, cursor=first["next_cursor"])
    assert len(second["items"]) == 10
    assert second["next_cursor"] is None
    seen = [item["id"] for item in first["items"] + second["items"]]
    assert sorted(seen) == created


def test_limit_bounds(login_as, db):
    admin = login_as("admin")
    insert_leads(db, [{"name": f"L{i}"} for i in range(205)])
    assert len(page(admin, limit=200)["items"]) == 200
    assert len(page(admin, limit=1)["items"]) == 1
    for bad in ("201", "0", "-1", "abc", "1.5", "1e2", "99999999999999999999"):
        body = problem(admin.get(LEADS, query_string={"limit": bad}), 422)
        assert "limit" in body["errors"], bad


def test_an_exact_last_page_has_no_next_cursor(login_as, db):
    admin = login_as("admin")
    insert_leads(db, [{"name": f"L{i}"} for i in range(4)])
    first = page(admin, limit=2)
    second = page(admin, limit=2, cursor=first["next_cursor"])
    assert len(second["items"]) == 2
    # Either no cursor, or one that leads to an empty last page: never a repeat.
    if second["next_cursor"] is not None:
        assert page(admin, limit=2, cursor=second["next_cursor"])["items"] == []
    assert page(admin, limit=4)["next_cursor"] is None


# --- filters ------------------------------------------------------------------------------


def test_status_and_source_filters_take_one_or_several_values(login_as, db):
    admin = login_as("admin")
    rows = [
        {"name": "a", "status": "new", "source": "web"},
        {"name": "b", "status": "contacted", "source": "referral"},
        {"name": "c", "status": "qualified", "source": "event"},
        {"name": "d", "status": "unqualified", "source": "cold_call"},
        {"name": "e", "status": "converted", "source": "partner"},
        {"name": "f", "status": "new", "source": "advertisement"},
    ]
    a, b, c, d, e, f = insert_leads(db, rows)
    assert set(ids(admin, status="new")) == {a, f}
    assert set(ids(admin, status="new,qualified")) == {a, c, f}
    assert set(ids(admin, status="contacted,unqualified,converted")) == {b, d, e}
    assert set(ids(admin, source="web")) == {a}
    assert set(ids(admin, source="referral,partner,advertisement")) == {b, e, f}
    assert set(ids(admin, status="new", source="advertisement")) == {f}
    assert ids(admin, status="qualified", source="web") == []
    for params in (
        {"status": "won"},
        {"status": "new,won"},
        {"status": "NEW"},
        {"source": "fax"},
        {"source": "web,"},
    ):
        body = problem(admin.get(LEADS, query_string=params), 422)
        assert set(body["errors"]) == set(params), body


def test_owner_filter_me_none_and_an_id(login_as, team, db):
    east = team()
    manager = login_as("manager", team=east)
    rep = login_as("sales", team=east)
    mine, reps, unassigned = insert_leads(
        db,
        [
            {"name": "m", "owner_id": manager.user.id},
            {"name": "r", "owner_id": rep.user.id},
            {"name": "u", "owner_id": None},
        ],
    )
    assert ids(manager, owner_id="me") == [mine]
    assert ids(rep, owner_id="me") == [reps]
    assert ids(manager, owner_id="none") == [unassigned]
    assert ids(rep, owner_id="none") == [unassigned]
    assert ids(manager, owner_id=str(rep.user.id)) == [reps]
    # The filter never widens the scope: the rep cannot list the manager's leads by id.
    assert ids(rep, owner_id=str(manager.user.id)) == []
    assert ids(rep, owner_id="2147483000") == []
    for bad in ("bob", "0", "-1", "1.0", "me,none", " 1", "99999999999"):
        body = problem(rep.get(LEADS, query_string={"owner_id": bad}), 422)
        assert "owner_id" in body["errors"], bad


def test_created_between_filters(login_as, db):
    admin = login_as("admin")
    jan, feb, mar = insert_leads(
        db,
        [
            {"name": "jan", "created_at": datetime(2024, 1, 15, tzinfo=UTC)},
            {"name": "feb", "created_at": datetime(2024, 2, 15, tzinfo=UTC)},
            {"name": "mar", "created_at": datetime(2024, 3, 15, tzinfo=UTC)},
        ],
    )
    assert set(ids(admin, created_after="2024-02-01T00:00:00Z")) == {feb, mar}
    assert set(ids(admin, created_before="2024-02-01T00:00:00Z")) == {jan}
    assert ids(admin, created_after="2024-02-01", created_before="2024-03-01") == [feb]
    # Offsets are honoured: 08:00 in Beijing on Feb 15 is midnight UTC.
    assert ids(admin, created_after="2024-02-15T08:00:01+08:00", created_before="2024-03-01") == []
    assert ids(admin, created_after="2024-02-15T07:59:59+08:00", created_before="2024-03-01") == [
        feb
    ]
    # A time without an offset is UTC.
    assert ids(admin, created_before="2024-01-15T00:00:01") == [jan]
    for params in (
        {"created_after": "yesterday"},
        {"created_before": "2024-13-01"},
        {"created_after": "3000-01-01T00:00:00Z"},
    ):
        problem(admin.get(LEADS, query_string=params), 422)


def test_next_follow_up_before_lists_leads_with_an_open_follow_up_due_by_then(login_as, db):
    rep = login_as("sales")
    soon, later, never = insert_leads(
        db,
        [
            {"name": "soon", "owner_id": rep.user.id},
            {"name": "later", "owner_id": rep.user.id},
            {"name": "never", "owner_id": rep.user.id},
        ],
    )
    for lead_id, due in ((soon, "2030-05-01T09:00:00Z"), (later, "2030-06-01T09:00:00Z")):
        response = rep.post(
            f"{LEADS}/{lead_id}/follow-ups", json={"kind": "call", "content": "x", "due_at": due}
        )
        assert response.status_code == 201
    done = rep.post(
        f"{LEADS}/{never}/follow-ups",
        json={
            "kind": "call",
            "content": "x",
            "due_at": "2030-04-01T00:00:00Z",
            "done_at": "2030-04-01T00:00:00Z",
        },
    )
    assert done.status_code == 201
    assert ids(rep, next_follow_up_before="2030-05-15T00:00:00Z") == [soon]
    assert set(ids(rep, next_follow_up_before="2031-01-01T00:00:00Z")) == {soon, later}
    assert ids(rep, next_follow_up_before="2030-01-01T00:00:00Z") == []
    problem(rep.get(LEADS, query_string={"next_follow_up_before": "soon"}), 422)


# --- search -------------------------------------------------------------------------------


def test_q_searches_name_company_email_and_phone(login_as, db):
    rep = login_as("sales")
    other = login_as("sales")
    zhang, wang, li, cotton, hidden = insert_leads(
        db,
        [
            {"name": "Zhang Wei", "company_name": "Acme", "owner_id": rep.user.id},
            {"name": "王芳", "company_name": "上海星辰贸易有限公司", "owner_id": rep.user.id},
            {
                "name": "Li Na",
                "email": "li.na@huawei-partner.cn",
                "phone": "+8613800138000",
                "owner_id": rep.user.id,
            },
            {
                "name": "Ma Yun",
                "company_name": "100% Cotton_Ltd",
                "phone": "+14155552671",
                "owner_id": rep.user.id,
            },
            {"name": "Zhang Hidden", "phone": "+8613800138000", "owner_id": other.user.id},
        ],
    )
    assert ids(rep, q="zhang") == [zhang]
    assert ids(rep, q="ZHANG WEI") == [zhang]
    assert ids(rep, q="acme") == [zhang]
    assert ids(rep, q="星辰") == [wang]
    assert ids(rep, q="王") == [wang]
    assert ids(rep, q="huawei-partner") == [li]
    assert ids(rep, q="LI.NA@") == [li]
    assert ids(rep, q="+8613800138000") == [li]
    assert ids(rep, q="13800138000") == [li]
    assert ids(rep, q="138 0013 8000") == [li]
    assert ids(rep, q="+86 138-0013-8000") == [li]
    assert ids(rep, q="0013") == [li]
    assert ids(rep, q="415 555 2671") == [cotton]
    assert ids(rep, q="+1 (415) 555-2671") == [cotton]
    # LIKE wildcards are literal characters.
    assert ids(rep, q="100%") == [cotton]
    assert ids(rep, q="%") == [cotton]
    assert ids(rep, q="_") == [cotton]
    assert ids(rep, q="n_Ltd") == [cotton]
    assert ids(rep, q="Z%g") == []
    assert ids(rep, q="\\") == []
    assert ids(rep, q="' OR 1=1 --") == []
    # Search stays inside the caller's scope.
    assert ids(other, q="zhang") == [hidden]
    assert ids(other, q="138 0013 8000") == [hidden]
    # Combined with filters.
    assert ids(rep, q="zhang", status="qualified") == []
    problem(rep.get(LEADS, query_string={"q": "x" * 101}), 422)


# --- sorting ------------------------------------------------------------------------------


def test_each_allowed_sort_orders_the_list(login_as, db):
    admin = login_as("admin")
    t = BASE
    rows = [
        {
            "name": "delta",
            "created_at": t + timedelta(minutes=3),
            "updated_at": t,
            "next_follow_up_at": t + timedelta(days=2),
            "last_contacted_at": None,
        },
        {
            "name": "alpha",
            "created_at": t + timedelta(minutes=1),
            "updated_at": t + timedelta(hours=5),
            "next_follow_up_at": None,
            "last_contacted_at": t - timedelta(days=1),
        },
        {
            "name": "charlie",
            "created_at": t + timedelta(minutes=4),
            "updated_at": t + timedelta(hours=1),
            "next_follow_up_at": t + timedelta(days=1),
            "last_contacted_at": t - timedelta(days=3),
        },
        {
            "name": "bravo",
            "created_at": t + timedelta(minutes=2),
            "updated_at": t + timedelta(hours=3),
            "next_follow_up_at": None,
            "last_contacted_at": t - timedelta(days=2),
        },
    ]
    d, a, c, b = insert_leads(db, rows)
    assert ids(admin) == [c, d, b, a]  # newest first by default
    assert ids(admin, sort="-created_at") == [c, d, b, a]
    assert ids(admin, sort="created_at") == [a, b, d, c]
    assert ids(admin, sort="name") == [a, b, c, d]
    assert ids(admin, sort="-name") == [d, c, b, a]
    assert ids(admin, sort="updated_at") == [d, c, b, a]
    assert ids(admin, sort="-updated_at") == [a, b, c, d]
    # Leads without a follow-up date come after the dated ones, oldest id first among them.
    assert ids(admin, sort="next_follow_up_at") == [c, d, a, b]
    assert ids(admin, sort="-next_follow_up_at")[-2:] == [d, c]
    assert ids(admin, sort="last_contacted_at") == [c, b, a, d]
    assert ids(admin, sort="-last_contacted_at")[1:] == [a, b, c]


def test_only_listed_sort_keys_are_accepted(login_as):
    rep = login_as("sales")
    for bad in (
        "id",
        "email",
        "owner_id",
        "password_hash",
        "deleted_at",
        "--name",
        "+name",
        "name desc",
        "name;DROP TABLE leads",
        "Name",
        "",
    ):
        body = problem(rep.get(LEADS, query_string={"sort": bad}), 422)
        assert "sort" in body["errors"], bad


# --- cursors ------------------------------------------------------------------------------


def test_garbage_cursors_are_400_problems(login_as, db):
    admin = login_as("admin")
    insert_leads(
        db, [{"name": f"L{i}", "created_at": BASE + timedelta(seconds=i)} for i in range(5)]
    )
    name_cursor = page(admin, sort="name", limit=2)["next_cursor"]
    garbage = [
        "garbage",
        "!!!!",
        "eyJ",
        "bnVsbA",  # null
        "W10",  # []
        "e30",  # {}
        "x" * 5000,
        "\u738b\u82b3",
        name_cursor,  # made for another sort
        cursor_of({"s": "-created_at", "v": "not a time", "id": 3, "t": "dt"}),
        cursor_of({"s": "-created_at", "v": "2024-03-01T08:00:00+00:00", "id": "3", "t": "dt"}),
        cursor_of({"s": "-created_at", "v": "2024-03-01T08:00:00+00:00", "id": 0, "t": "dt"}),
        cursor_of({"s": "-created_at", "v": "2024-03-01T08:00:00+00:00", "id": 2**70, "t": "dt"}),
        cursor_of({"s": "-created_at", "v": 12, "id": 3, "t": "dt"}),
        cursor_of({"s": "-created_at", "v": None, "id": 3, "t": "dt"}),  # created_at is never null
        cursor_of({"s": "-created_at", "v": "2024-03-01T08:00:00+00:00", "id": 3}),
        # Times a database cannot hold once turned into UTC.
        cursor_of({"s": "-created_at", "v": "9999-12-31T23:00:00-05:00", "id": 3, "t": "dt"}),
        cursor_of({"s": "-created_at", "v": "0001-01-01T00:00:00+05:00", "id": 3, "t": "dt"}),
    ]
    for cursor in garbage:
        response = admin.get(LEADS, query_string={"cursor": cursor})
        assert response.status_code == 400, (cursor, response.get_json())
        body = problem(response, 400)
        assert "cursor" in body.get("errors", {}), body
    for cursor in garbage[:4]:
        problem(admin.get(LEADS, query_string={"cursor": cursor, "sort": "name"}), 400)


def test_a_cursor_survives_the_deletion_of_the_row_it_points_at(login_as, db):
    admin = login_as("admin")
    created = insert_leads(
        db,
        [{"name": f"L{i:02d}", "created_at": BASE + timedelta(seconds=i // 2)} for i in range(10)],
    )
    first = page(admin, limit=4, sort="created_at")
    last = first["items"][-1]["id"]
    assert admin.delete(f"{LEADS}/{last}").status_code == 204
    rest = page(admin, limit=50, sort="created_at", cursor=first["next_cursor"])
    seen = [item["id"] for item in first["items"] + rest["items"]]
    assert sorted(seen) == created
    assert len(set(seen)) == len(seen)


def _walk(admin, db, sort: str, originals: set[int], rng: random.Random, spread) -> list[dict]:
    """Page through the list with `sort`, inserting new leads before each next page."""
    seen: list[dict] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 37, "sort": sort}
        if cursor:
            params["cursor"] = cursor
        body = page(admin, **params)
        seen.extend(body["items"])
        cursor = body["next_cursor"]
        pages += 1
        assert pages < 100, "the cursor does not make progress"
        if cursor is None:
            break
        # Newcomers land before, at and after the current position, with equal keys too.
        last = body["items"][-1]
        newcomers = [spread(rng) for _ in range(3)]
        newcomers.append(
            {
                "name": last["name"],
                "created_at": time_of(last["created_at"]),
                "next_follow_up_at": None
                if last["next_follow_up_at"] is None
                else time_of(last["next_follow_up_at"]),
            }
        )
        insert_leads(db, newcomers)
        response = admin.post(LEADS, json={"name": last["name"]})
        assert response.status_code == 201
    assert len(seen) >= len(originals)
    return seen


@pytest.mark.parametrize("sort", ["-created_at", "name", "-next_follow_up_at", "next_follow_up_at"])
def test_paging_500_leads_while_others_are_added_has_no_duplicate_and_no_gap(login_as, db, sort):
    admin = login_as("admin")
    rng = random.Random(f"paging-{sort}")

    def spread(rng):
        # Whole seconds on purpose (microseconds zero), in few distinct values so keys repeat.
        created = BASE + timedelta(minutes=rng.randrange(0, 120))
        follow = None if rng.random() < 0.3 else BASE + timedelta(hours=rng.randrange(0, 48))
        name = rng.choice(["lead", "Lead", "LEAD", "zhang", "Zhang", "王芳", "alpha"])
        return {
            "name": f"{name}{rng.randrange(0, 40):02d}",
            "created_at": created,
            "updated_at": created,
            "next_follow_up_at": follow,
        }

    rows = [spread(rng) for _ in range(500)]
    # Some keys with microseconds, some exactly equal runs.
    for i, row in enumerate(rows[:60]):
        row["created_at"] = BASE + timedelta(minutes=30, microseconds=(i // 6) * 250)
        row["next_follow_up_at"] = BASE + timedelta(hours=10, microseconds=(i // 6) * 250)
    originals = set(insert_leads(db, rows))

    seen = _walk(admin, db, sort, originals, rng, spread)
    seen_ids = [item["id"] for item in seen]
    duplicates = {i for i in seen_ids if seen_ids.count(i) > 1}
    assert not duplicates, f"{len(duplicates)} leads were answered twice"
    missing = originals - set(seen_ids)
    assert not missing, f"{len(missing)} of the 500 leads were never answered"

    # The pages, put together, are in order.
    if sort == "-created_at":
        keys = [(time_of(i["created_at"]), i["id"]) for i in seen]
        assert keys == sorted(keys, reverse=True)
    elif sort.endswith("next_follow_up_at"):
        keys = [(time_of(i["next_follow_up_at"]), i["id"]) for i in seen]
        assert keys == sorted(keys, reverse=sort.startswith("-"))


def test_status_and_source_filters_document_their_choices(client):
    """The SPA's generated types need the choices on each item of the comma-separated list."""
    spec = client.get("/api/openapi.json").get_json()
    parameters = {p["name"]: p for p in spec["paths"]["/api/v1/leads"]["get"]["parameters"]}
    assert "converted" in parameters["status"]["schema"]["items"]["enum"]
    assert "cold_call" in parameters["source"]["schema"]["items"]["enum"]
