"""The API blueprint: flask-smorest's, with query strings checked as strictly as bodies."""

from __future__ import annotations

from flask_smorest import Blueprint as SmorestBlueprint
from webargs.flaskparser import FlaskParser


class StrictQueryParser(FlaskParser):
    """webargs drops unknown query parameters; we refuse them (422), so `?assignee=me` for
    `?assignee_id=me` or `?page=2` tells the integrator instead of silently matching everything."""

    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": None}


class Blueprint(SmorestBlueprint):
    ARGUMENTS_PARSER = StrictQueryParser()
