"""Non-API routes: health check, offline Swagger UI assets, and the built SPA."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
import swagger_ui_bundle
from flask import Blueprint, Flask, current_app, jsonify, send_from_directory
from werkzeug.routing import PathConverter

from crm.attachments.store import StoreUnavailable
from crm.extensions import attachment_store, db

web = Blueprint("web", __name__)


@web.get("/api/health")
def health():
    """Database and attachment store status: 200 ok, 200 degraded (attachments down), 503 down."""
    database = {"status": "ok"}
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as exc:
        database = {"status": "down", "detail": type(exc).__name__}
    finally:
        db.session.rollback()
    attachments = {"status": "ok", "backend": attachment_store.backend}
    try:
        attachment_store.get().ping()
    except (StoreUnavailable, OSError) as exc:
        attachments.update(status="down", detail=str(exc)[:200])
    if database["status"] != "ok":
        status, code = "down", 503
    elif attachments["status"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return jsonify(status=status, database=database, attachments=attachments), code


@web.get("/api/docs/assets/<path:filename>")
def docs_assets(filename):
    """Swagger UI served from the installed package, so the docs work offline."""
    return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=86400)


class SpaPathConverter(PathConverter):
    """Any path outside /api, so unknown API paths stay 404 (or 405) problems."""

    regex = r"(?!api(?:/|$))[^/].*?"


@web.get("/")
@web.get("/<spa:path>")
def spa(path: str = ""):
    """The built SPA, with history fallback so a reload on /leads/42 works."""
    dist = Path(current_app.config["FRONTEND_DIST"])
    if not (dist / "index.html").is_file():
        return (
            "<!doctype html><title>CRM</title><p>The CRM API is running. "
            'Its documentation is at <a href="/api/docs">/api/docs</a>. '
            "The web app has not been built yet.</p>",
            200,
        )
    if path and (dist / path).is_file():
        return send_from_directory(dist, path, max_age=3600 if path.startswith("assets/") else 0)
    response = send_from_directory(dist, "index.html", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response


def register_web(app: Flask) -> None:
    app.url_map.converters["spa"] = SpaPathConverter
    app.register_blueprint(web)
