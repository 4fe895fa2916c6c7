"""The API blueprint: flask-smorest's, with query strings checked as strictly as bodies, answers
documented with exact (required) fields, and every view in one unit of work (one transaction per
request, `crm.core.unit_of_work`)."""

from __future__ import annotations

from difflib import get_close_matches

from flask_smorest import Blueprint as SmorestBlueprint
from webargs.flaskparser import FlaskParser

from crm.core.response_schemas import response_variant
from crm.core.unit_of_work import UnitOfWorkBlueprint

UNKNOWN_FIELD = "Unknown field."


class StrictQueryParser(FlaskParser):
    """webargs drops unknown query parameters; we refuse them (422), so `?assignee=me` for
    `?assignee_id=me` or `?page=2` tells the integrator instead of silently matching everything."""

    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": None}

    def handle_error(self, error, req, schema, *, error_status_code, error_headers):
        query_errors = error.messages.get("query") if isinstance(error.messages, dict) else None
        if isinstance(query_errors, dict):
            fields = schema.fields.items()
            known = [field.data_key or name for name, field in fields if not field.dump_only]
            for param, messages in query_errors.items():
                if messages == [UNKNOWN_FIELD]:
                    query_errors[param] = [_unknown_field_message(param, known)]
        super().handle_error(
            error, req, schema, error_status_code=error_status_code, error_headers=error_headers
        )


def _unknown_field_message(param: str, known: list[str]) -> str:
    """Name the parameter the caller probably meant: `assignee` → `assignee_id`."""
    prefixed = [n for n in known if n.startswith(f"{param}_") or param.startswith(f"{n}_")]
    suggestions = prefixed or get_close_matches(param, known, n=1, cutoff=0.6)
    if not suggestions:
        return UNKNOWN_FIELD
    return f"{UNKNOWN_FIELD} Did you mean {suggestions[0]}?"


class Blueprint(SmorestBlueprint, UnitOfWorkBlueprint):
    ARGUMENTS_PARSER = StrictQueryParser()

    def response(self, status_code, schema=None, **kwargs):
        """Documents the answer with the schema's response variant, in which every field it
        always carries is `required` (crm.core.response_schemas)."""
        return super().response(status_code, response_variant(schema), **kwargs)
