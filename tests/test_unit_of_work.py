"""One transaction per request (`crm.core.unit_of_work`): a request that answers below 400 commits
its writes once; a request that fails after its first write leaves nothing of it behind. The
failures are provoked inside the services (the second write raises after the first was flushed)
and everything is checked through HTTP and through another database connection, which sees
only what was committed."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from crm.attachments.models import Attachment, UploadLink
from crm.core import audit
from crm.core.idempotency import IdempotencyKey
from crm.customers.models import Company, Contact
from crm.extensions import attachment_store
from crm.extensions import db as _db
from crm.sales.models import Lead
from crm.sales.orders.models import OrderLine, SalesOrder
from crm.sales.pipeline.models import Opportunity
from crm.service import services as ticket_services
from crm.service.models import Ticket, TicketComment
from tests.attachment_helpers import PDF, PNG, TicketFactory, post_files, post_public
from tests.factories import CompanyFactory
from tests.helpers import problem
from tests.sales_helpers import EVENTS, LEADS, ORDERS, ProductFactory, make_pipeline, ok
from tests.service_helpers import TICKETS

FAILED = "the second write failed"


def committed(model, *where) -> int:
    """How many rows of `model` another connection sees: only committed ones count."""
    with _db.engine.connect() as connection:
        stmt = sa.select(sa.func.count()).select_from(model.__table__)
        return connection.scalar(stmt.where(*where))


def fail_audit_of(monkeypatch, entity: str, action: str = "create") -> None:
    """Make the audit event of `action` on `entity` fail after the record itself was flushed:
    the second of the request's writes."""
    real = audit.record

    def record_then_fail(act, ent, *args, **kwargs):
        event = real(act, ent, *args, **kwargs)
        if (act, ent) == (action, entity):
            _db.session.flush()
            raise RuntimeError(FAILED)
        return event

    monkeypatch.setattr(audit, "record", record_then_fail)


def stored_ids() -> set[str]:
    return set(attachment_store.get().ids())


def audit_events(api, entity: str) -> list[dict]:
    return ok(api.get(EVENTS, query_string={"entity": entity}))["items"]


# --- a successful request commits -----------------------------------------------------------


def test_a_successful_request_commits_and_a_later_request_sees_it(login_as):
    rep = login_as("sales")
    lead = ok(rep.post(LEADS, json={"name": "Wang Wei", "company_name": "Taihu Pumps"}), 201)
    assert committed(Lead, Lead.id == lead["id"]) == 1
    manager = login_as("admin")
    assert ok(manager.get(f"{LEADS}/{lead['id']}"))["name"] == "Wang Wei"
    assert [e["entity_id"] for e in audit_events(manager, "lead")] == [str(lead["id"])]


def test_an_error_answer_rolls_back_what_the_request_wrote(login_as, make_lead, monkeypatch):
    """A 4xx raised after a write (here: the lead's update, then a refusal) keeps nothing."""
    rep = login_as("sales")
    lead = make_lead(owner_id=rep.user.id, name="Before")
    from crm.core.exceptions import Conflict
    from crm.sales import services as leads

    real = leads.update_lead

    def update_then_refuse(*args, **kwargs):
        real(*args, **kwargs)
        raise Conflict("This lead was already converted.", code="already_converted")

    monkeypatch.setattr(leads, "update_lead", update_then_refuse)
    path = f"{LEADS}/{lead.id}"
    tag = rep.get(path).headers["ETag"]
    problem(rep.patch(path, json={"name": "After"}, headers={"If-Match": tag}), 409)
    assert ok(rep.get(path))["name"] == "Before"
    assert rep.get(path).headers["ETag"] == tag
    assert committed(audit.AuditEvent, audit.AuditEvent.entity == "lead") == 0


# --- lead conversion ----------------------------------------------------------------------------


def test_conversion_failing_at_its_last_write_leaves_nothing(login_as, make_lead, monkeypatch):
    """Company, contact and opportunity are written; the lead's own audit event fails."""
    rep = login_as("sales")
    pipeline = make_pipeline("manufacturing")
    lead = make_lead(owner_id=rep.user.id, status="qualified", company_name="Li Na Pumps")
    fail_audit_of(monkeypatch, "lead", "convert")
    body = {"opportunity": {"name": "Deal", "pipeline_id": pipeline.id}}
    problem(rep.post(f"{LEADS}/{lead.id}/convert", json=body), 500)
    assert (committed(Company), committed(Contact), committed(Opportunity)) == (0, 0, 0)
    assert committed(audit.AuditEvent, audit.AuditEvent.entity != "user") == 0
    assert ok(rep.get(f"{LEADS}/{lead.id}"))["status"] == "qualified"

    monkeypatch.undo()
    converted = ok(rep.post(f"{LEADS}/{lead.id}/convert", json=body))
    assert converted["lead"]["status"] == "converted"
    assert (committed(Company), committed(Contact), committed(Opportunity)) == (1, 1, 1)


# --- order creation ---------------------------------------------------------------------------


def test_order_creation_failing_after_its_first_write_leaves_nothing(login_as, monkeypatch):
    rep = login_as("sales")
    company = CompanyFactory(owner_id=rep.user.id)
    pump = ProductFactory(price=Decimal("100.00"), stock_quantity=Decimal("5"))
    body = {"company_id": company.id, "lines": [{"product_id": pump.id, "quantity": "2"}]}
    fail_audit_of(monkeypatch, "order")
    key = {"Idempotency-Key": "order-uow-1"}
    problem(rep.post(ORDERS, json=body, headers=key), 500)
    assert (committed(SalesOrder), committed(OrderLine)) == (0, 0)
    assert ok(rep.get(ORDERS))["items"] == []

    # The 500 freed the key: the retry does the work, once, and its answer is kept with it.
    monkeypatch.undo()
    order = ok(rep.post(ORDERS, json=body, headers=key), 201)
    replay = rep.post(ORDERS, json=body, headers=key)
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.get_json()["id"] == order["id"]
    assert (committed(SalesOrder), committed(OrderLine)) == (1, 1)


def test_a_failed_commit_keeps_neither_the_work_nor_its_idempotent_answer(login_as, monkeypatch):
    """The answer to an Idempotency-Key is stored in the request's transaction: when the commit
    fails, no 201 is kept for work that is not there, and the key is free again."""
    rep = login_as("sales")
    session = _db.session
    real_commit = session.commit
    failed = []

    def commit_of_the_lead_fails():
        """Fails the commit of the request's work (which carries its 201 answer to keep)."""
        answers = [row for row in session.dirty if isinstance(row, IdempotencyKey)]
        if not failed and any(row.status_code == 201 for row in answers):
            failed.append(True)
            session.rollback()
            raise sa.exc.OperationalError("COMMIT", {}, Exception("connection lost"))
        return real_commit()

    key = {"Idempotency-Key": "lead-uow-1"}
    body = {"name": "Zhao Lei", "company_name": "Zhao Valves"}
    monkeypatch.setattr(session, "commit", commit_of_the_lead_fails)
    problem(rep.post(LEADS, json=body, headers=key), 500)
    monkeypatch.undo()
    assert failed and committed(Lead) == 0
    lead = ok(rep.post(LEADS, json=body, headers=key), 201)
    replay = rep.post(LEADS, json=body, headers=key)
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.get_json()["id"] == lead["id"]
    assert committed(Lead) == 1


# --- tickets, their upload links and attachments ------------------------------------------------


def test_ticket_creation_failing_after_its_first_write_leaves_nothing(login_as, monkeypatch):
    agent = login_as("service")
    fail_audit_of(monkeypatch, "ticket")
    problem(agent.post(TICKETS, json={"kind": "complaint", "subject": "Noisy pump"}), 500)
    assert committed(Ticket) == 0
    assert ok(agent.get(TICKETS))["items"] == []


def test_upload_link_creation_failing_after_its_first_write_leaves_nothing(login_as, monkeypatch):
    agent = login_as("service")
    ticket = TicketFactory()
    fail_audit_of(monkeypatch, "upload_link")
    path = f"{TICKETS}/{ticket.id}/upload-links"
    problem(agent.post(path, json={}), 500)
    assert committed(UploadLink) == 0
    assert ok(agent.get(path))["items"] == []


def test_a_customer_upload_failing_after_its_first_writes_leaves_nothing(
    login_as, client, monkeypatch
):
    """Files stored and counted against the link, the message saved as a comment; then the
    ticket's update fails: no file, comment or usage stays, and the stored bytes are gone."""
    agent = login_as("service")
    ticket = TicketFactory()
    link = ok(agent.post(f"{TICKETS}/{ticket.id}/upload-links", json={}), 201)
    real = ticket_services.customer_replied

    def reply_then_fail(*args, **kwargs):
        real(*args, **kwargs)
        _db.session.flush()
        raise RuntimeError(FAILED)

    monkeypatch.setattr(ticket_services, "customer_replied", reply_then_fail)
    before = stored_ids()
    files = [("leak.png", PNG), ("invoice.pdf", PDF)]
    response = post_public(client, link["token"], files, {"message": "Still leaking"})
    problem(response, 500)
    assert committed(Attachment) == 0
    assert committed(TicketComment) == 0
    assert committed(UploadLink, UploadLink.files_used == 0, UploadLink.bytes_used == 0) == 1
    assert ok(agent.get(f"{TICKETS}/{ticket.id}"))["customer_replied_at"] is None
    assert stored_ids() == before

    monkeypatch.undo()
    assert (
        post_public(client, link["token"], files, {"message": "Still leaking"}).status_code == 201
    )
    assert (committed(Attachment, Attachment.status == "ready"), committed(TicketComment)) == (2, 1)
    assert ok(agent.get(f"{TICKETS}/{ticket.id}"))["customer_replied_at"] is not None


def test_a_staff_upload_failing_at_its_last_write_leaves_nothing(login_as, monkeypatch):
    """The files' rows were committed pending (crash safety) and their bytes stored; the
    request's own failure removes both."""
    agent = login_as("service")
    ticket = TicketFactory()
    fail_audit_of(monkeypatch, "attachment")
    before = stored_ids()
    path = f"{TICKETS}/{ticket.id}/attachments"
    problem(post_files(agent, path, [("leak.png", PNG)]), 500)
    assert committed(Attachment) == 0
    assert stored_ids() == before
    assert ok(agent.get(path))["items"] == []
