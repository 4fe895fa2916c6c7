"""One error shape for the whole API: RFC 9457 problem+json, with field errors for validation."""

from __future__ import annotations

import http
import logging

import marshmallow as ma
from flask import Flask, jsonify, request
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from crm.core.error_codes import (
    ERROR_CODES,
    FIELD_ERROR_CODES,
    PROBLEM_TYPE_BASE,
    field_error_code,
    status_code_name,
)
from crm.core.exceptions import DomainError
from crm.core.i18n import N_, current_language, translate

log = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"


class ProblemSchema(ma.Schema):
    """The error payload (documentation only; responses are built by `problem`)."""

    type = ma.fields.String(
        required=True, metadata={"description": "A URI reference identifying the problem"}
    )
    title = ma.fields.String(
        required=True, metadata={"description": "Short summary of the problem type"}
    )
    status = ma.fields.Integer(required=True, metadata={"description": "HTTP status code"})
    detail = ma.fields.String(
        required=True, metadata={"description": "What went wrong in this request"}
    )
    code = ma.fields.String(
        required=True,
        metadata={
            "description": "Stable machine-readable error code: branch on this, never on text",
            "enum": list(ERROR_CODES),
        },
    )
    errors = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.List(ma.fields.String()),
        metadata={"description": "Validation messages per field"},
    )
    error_codes = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.List(ma.fields.String(metadata={"enum": list(FIELD_ERROR_CODES)})),
        metadata={"description": "A stable code for each message in `errors`, in the same order"},
    )


def problem(
    status: int,
    detail: str | None = None,
    *,
    code: str | None = None,
    errors: dict | None = None,
    headers: dict | None = None,
):
    """A problem+json response; `detail` and field messages are English source text, answered
    in the caller's language, and their codes come from the English text."""
    phrase = http.HTTPStatus(status).phrase
    code = code or status_code_name(status)
    body = {
        "type": f"{PROBLEM_TYPE_BASE}{code}",
        "title": phrase,
        "status": status,
        "detail": translate(detail or phrase),
        "code": code,
    }
    if errors:
        body["errors"] = {
            field: [translate(message) for message in messages]
            for field, messages in errors.items()
        }
        body["error_codes"] = {
            field: [field_error_code(message) for message in messages]
            for field, messages in errors.items()
        }
    response = jsonify(body)
    response.status_code = status
    response.content_type = PROBLEM_CONTENT_TYPE
    response.headers["Content-Language"] = current_language()
    response.vary.add("Accept-Language")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def flatten_messages(messages) -> dict[str, list[str]]:
    """Turn webargs/marshmallow messages ({"json": {"email": [...]}}) into {"email": [...]}."""
    flat: dict[str, list[str]] = {}

    def walk(node, prefix: str):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{prefix}.{key}" if prefix else str(key))
        elif isinstance(node, list) and all(isinstance(item, str) for item in node):
            flat.setdefault(prefix or "_schema", []).extend(node)
        elif isinstance(node, list):
            for item in node:
                walk(item, prefix)
        else:
            flat.setdefault(prefix or "_schema", []).append(str(node))

    if isinstance(messages, dict):
        for location, fields in messages.items():
            # Location keys (json, query, headers...) are noise for clients.
            if location in ("json", "query", "form", "files", "headers", "view_args"):
                walk(fields, "")
            else:
                walk(fields, str(location))
    else:
        walk(messages, "")
    return flat


# Our words for werkzeug's stock descriptions (long English prose, addressed to a browser).
STATUS_DETAILS = {
    400: N_("The request cannot be read."),
    401: N_("Log in to continue."),
    403: N_("Your role does not allow this."),
    404: N_("There is nothing at this address."),
    405: N_("This address does not take this method."),
    406: N_("No representation in the accepted media types."),
    409: N_("The change conflicts with the current state."),
    410: N_("This is no longer available."),
    413: N_("The request is larger than allowed."),
    414: N_("The address is too long."),
    415: N_("Send the body in a media type this operation takes."),
    416: N_("The requested range is not within the file."),
    428: N_("Send the record's ETag in If-Match to update it."),
    500: N_("An unexpected error occurred. It has been logged."),
    503: N_("The service cannot answer right now. Try again in a minute."),
}


def _http_exception_problem(error: HTTPException):
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    errors = None
    if "messages" in data:
        errors = flatten_messages(data["messages"])
    detail = data.get("message") or error.description
    if detail == type(error).description:
        detail = STATUS_DETAILS.get(status, detail)
    if status == 422 and errors:
        detail = N_("The request has invalid fields.")
    headers = dict(data.get("headers") or {})
    if status == 405 and getattr(error, "valid_methods", None):
        headers["Allow"] = ", ".join(error.valid_methods)
    if status == 429:
        detail = N_("Too many attempts. Try again later.")
    return problem(status, detail, errors=errors, headers=headers)


class CrmApi(Api):
    """flask-smorest Api that answers and documents errors as problem+json."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error):
        return _http_exception_problem(error)

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_CONTENT_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Error (problem+json)", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_CONTENT_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        return problem(
            error.status, error.detail, code=error.code, errors=error.errors, headers=error.headers
        )

    @app.errorhandler(StaleDataError)
    def stale_row(_error):
        return problem(
            412,
            N_("The record was changed by someone else; reload it and try again."),
            code="etag_mismatch",
        )

    @app.errorhandler(Exception)
    def unexpected(error):
        if isinstance(error, HTTPException):
            return _http_exception_problem(error)
        log.exception("Unhandled error on %s %s", request.method, request.path)
        return problem(500, N_("An unexpected error occurred. It has been logged."))
