"""One transaction per request: the unit of work.

Every view of an API blueprint (`crm.core.blueprint.Blueprint`) runs inside `unit_of_work`: the
request's writes are committed once, after the view answered below 400, and rolled back when it
answered 400 or more or raised. Services never commit: they add, `flush()` to learn ids and
meet constraints, and end with `flush_and_expire()`, so the answer shows the rows as the commit
will store them (new versions for the ETag, server defaults) while the commit itself waits for
the boundary. A failure after the first of several writes therefore leaves nothing behind.

The exceptions, each on purpose:
- A domain error raised with `keeps_writes=True` (`crm.core.exceptions`) commits what the
  request wrote before it is answered: the audit event of a refused login, the revocation of a
  login whose refresh token was used twice. The 401 is the answer; the record of it must stay.
- The `Idempotency-Key` placeholder commits before the view runs, so a concurrent twin sees it;
  the answer to keep is written in the view's own transaction (`idempotency.keep_answer`).
- The attachment store's crash-safety steps (`crm.attachments.services`): a pending row commits
  before its bytes are stored, a deleted row before its bytes are deleted.
- Command-line tasks (create-admin, seed) have no request: they use `transaction()`.

The non-API views of `crm.web` are not wrapped: the SPA and Swagger assets touch no database,
and the health check rolls back its probe itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps

from flask import Blueprint as FlaskBlueprint
from flask import current_app

from crm.core.idempotency import keep_answer
from crm.extensions import db


def flush_and_expire() -> None:
    """End a service's writes: send them to the database (ids, versions, constraint errors
    surface here, inside the service) and reload what the answer reads, as a commit would
    (a time sent as +08:00 is answered as stored, in UTC)."""
    db.session.flush()
    db.session.expire_all()


def _commit(response) -> None:
    keep_answer(response)
    try:
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise


def unit_of_work(view: Callable) -> Callable:
    """Commit the view's writes once when it answers below 400; roll them back otherwise."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        try:
            response = current_app.make_response(view(*args, **kwargs))
        except BaseException as error:
            if getattr(error, "keeps_writes", False):
                db.session.commit()
            else:
                db.session.rollback()
            raise
        if response.status_code < 400:
            _commit(response)
        else:
            db.session.rollback()
        return response

    return wrapper


class UnitOfWorkBlueprint(FlaskBlueprint):
    """A blueprint whose every view (function or MethodView) runs in `unit_of_work`. It sits
    under flask-smorest's Blueprint, which registers each view through `add_url_rule`."""

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        if view_func is not None:
            view_func = unit_of_work(view_func)
        super().add_url_rule(rule, endpoint, view_func, **options)


@contextmanager
def transaction() -> Iterator[None]:
    """The unit of work outside a request (command-line tasks): commit, or roll back on error."""
    try:
        yield
    except BaseException:
        db.session.rollback()
        raise
    db.session.commit()
