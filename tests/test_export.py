"""Exports of every list with its filters, sort and selection, as CSV and XLSX: only the rows
the caller sees, headers in the caller's language, no cell a spreadsheet would run."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from crm.core.types import utcnow
from tests.export_helpers import (
    FORMULA_STARTS,
    csv_rows,
    events,
    export,
    ids_of,
    insert_leads,
    xlsx_cells,
    xlsx_rows,
)
from tests.factories import CompanyFactory, ContactFactory, LeadFactory
from tests.sales_helpers import (
    OpportunityFactory,
    OrderFactory,
    ProductFactory,
    all_ids,
    make_pipeline,
    one_record_each,
    problem,
    stage_named,
    two_teams,
)
from tests.service_helpers import make_ticket


def test_leads_export_as_csv_with_the_lists_filters_and_sort(login_as, team):
    users = two_teams(login_as, team)
    a, b = users["a"], users["b"]
    LeadFactory(name="Zhang Wei", status="new", owner_id=a.user.id)
    LeadFactory(name="Anna Li", status="new", owner_id=None)
    LeadFactory(name="Bo Chen", status="contacted", owner_id=a.user.id)
    LeadFactory(name="West lead", status="new", owner_id=b.user.id)

    response = export(a, "leads", format="csv", status="new", sort="name")
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=leads-")
    assert response.headers["Content-Disposition"].endswith(".csv")
    rows = csv_rows(response)
    assert rows[0][:3] == ["ID", "Name", "Company"]
    assert [row[1] for row in rows[1:]] == ["Anna Li", "Zhang Wei"]
    assert ids_of(rows) == all_ids(a, "/api/v1/leads", status="new", sort="name")


def test_the_header_is_in_the_callers_language(login_as):
    rep = login_as("sales")
    LeadFactory(name="王建国", company_name="无锡水务集团", owner_id=rep.user.id)
    rows = csv_rows(export(rep, "leads", headers={"Accept-Language": "zh-CN"}))
    assert rows[0][:3] == ["编号", "姓名", "公司"]
    assert rows[1][1:3] == ["王建国", "无锡水务集团"]


def test_a_selection_exports_only_those_rows_the_caller_sees(login_as, team):
    users = two_teams(login_as, team)
    a = users["a"]
    mine = [LeadFactory(owner_id=a.user.id).id for _ in range(3)]
    theirs = LeadFactory(owner_id=users["b"].user.id).id
    selection = f"{mine[0]},{mine[2]},{theirs}"
    rows = csv_rows(export(a, "leads", ids=selection, sort="created_at"))
    assert ids_of(rows) == [mine[0], mine[2]]


def test_the_export_takes_only_the_lists_parameters(login_as):
    rep = login_as("sales")
    body = problem(export(rep, "leads", 422, limit=5, statuz="new"), 422)
    assert set(body["errors"]) == {"limit", "statuz"}
    assert problem(export(rep, "leads", 422, format="pdf"), 422)["errors"]["format"]
    assert problem(export(rep, "leads", 422, status="won"), 422)["errors"]["status"]


def _one_of_each(users):
    """One record of every exportable list per owner (a, a2, b, nobody)."""
    pipeline = make_pipeline("manufacturing")
    stage = stage_named(pipeline, "Quotation")
    made = {
        "leads": one_record_each(users, LeadFactory),
        "companies": one_record_each(users, CompanyFactory),
        "contacts": one_record_each(users, ContactFactory),
        "opportunities": one_record_each(users, lambda **kw: OpportunityFactory(stage=stage, **kw)),
        "orders": one_record_each(users, OrderFactory),
        "tickets": one_record_each(users, lambda owner_id: make_ticket(assignee_id=owner_id)),
    }
    made["products"] = {"all": ProductFactory().id}
    return made


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_list_exports_exactly_what_its_list_shows(login_as, team, fmt):
    users = two_teams(login_as, team)
    made = _one_of_each(users)
    for who in ("a", "b", "m", "admin"):
        api = users[who]
        for resource in made:
            path = f"/api/v1/{resource}"
            response = export(api, resource, format=fmt, sort="-created_at")
            rows = csv_rows(response) if fmt == "csv" else xlsx_rows(response)
            assert ids_of(rows) == all_ids(api, path, sort="-created_at"), (who, resource)
    # A rep never gets another team's rows.
    b_rows = csv_rows(export(users["b"], "leads"))
    assert made["leads"]["a"] not in ids_of(b_rows)
    assert set(ids_of(b_rows)) == {made["leads"]["b"], made["leads"]["none"]}


def test_xlsx_keeps_numbers_as_numbers_and_text_as_text(login_as):
    admin = login_as("admin")
    pipeline = make_pipeline("manufacturing")
    OpportunityFactory(
        stage=stage_named(pipeline, "Lost"),
        name="-Refund for 无锡",
        amount=Decimal("-1200.50"),
        expected_close_date=(utcnow() + timedelta(days=3)).date(),
    )
    response = export(admin, "opportunities", format="xlsx")
    assert response.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    header, row = xlsx_rows(response)
    values = dict(zip(header, row, strict=True))
    assert values["Name"] == "'-Refund for 无锡"
    assert values["Amount"] == pytest.approx(-1200.5)
    assert values["Stage"] == "Lost"


def test_xlsx_leaves_out_control_characters_a_worksheet_cannot_hold(login_as):
    admin = login_as("admin")
    LeadFactory(name="Wang\x12 Wei\x00", owner_id=admin.user.id)
    response = export(admin, "leads", format="xlsx")
    assert response.status_code == 200
    header, row = xlsx_rows(response)
    assert dict(zip(header, row, strict=True))["Name"] == "Wang Wei"


DANGEROUS = ["=1+1", "+86 138", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")']


def test_ten_thousand_rows_hold_no_cell_a_spreadsheet_would_run(login_as, make_app):
    big = make_app(EXPORT_INLINE_MAX_ROWS=20000)
    admin = login_as("admin")
    client = big.test_client()
    insert_leads(
        10000,
        admin.user.id,
        name=lambda n: DANGEROUS[n % len(DANGEROUS)] + f" {n}",
        company_name="=cmd|' /C calc'!A0",
        title="@title",
    )
    response = client.get(
        "/api/v1/leads/export", query_string={"format": "csv"}, headers=admin.headers
    )
    rows = csv_rows(response)
    assert len(rows) == 10001
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), row

    response = client.get(
        "/api/v1/leads/export", query_string={"format": "xlsx"}, headers=admin.headers
    )
    count = 0
    for cell in xlsx_cells(response.get_data()):
        count += 1
        assert cell.data_type != "f", cell.value
        if isinstance(cell.value, str):
            assert not cell.value.startswith(FORMULA_STARTS), cell.value
    assert count == 10001 * 13


def test_exports_are_audited(login_as):
    admin = login_as("admin")
    rep = login_as("sales")
    LeadFactory(owner_id=rep.user.id, status="new")
    LeadFactory(owner_id=rep.user.id, status="contacted")
    export(rep, "leads", format="xlsx", status="new")
    (event,) = events(admin, "export", "lead")
    assert event["actor_id"] == rep.user.id
    assert event["changes"]["rows"]["new"] == 1
    assert event["changes"]["format"]["new"] == "xlsx"
    assert event["changes"]["filters"]["new"] == {"status": "new", "sort": "-created_at"}
