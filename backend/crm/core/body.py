"""Views that read their request body themselves (streamed uploads).

Everything else in the API takes JSON; the checks that read or judge a body before the view
runs (the JSON-only rule, Idempotency-Key fingerprints) leave these bodies unread, because a
body read up front is held whole in memory and cannot be streamed any more."""

from __future__ import annotations

from flask import current_app, request

_MARK = "streams_own_body"


def streams_own_body(view):
    """Mark a view (or a MethodView method) that reads `request.stream` itself."""
    setattr(view, _MARK, True)
    return view


def view_streams_own_body() -> bool:
    """Whether the view matched by this request was marked with `streams_own_body`."""
    view = current_app.view_functions.get(request.endpoint)
    view_class = getattr(view, "view_class", None)
    handler = getattr(view_class, request.method.lower(), None) if view_class else view
    return bool(getattr(handler, _MARK, False))
