"""The steps of the application factory, one function each."""

from __future__ import annotations

from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

from crm.core.body import view_streams_own_body
from crm.core.errors import register_error_handlers as register_problem_handlers
from crm.core.exceptions import BadRequest, UnsupportedMediaType
from crm.core.i18n import N_, init_i18n
from crm.core.idempotency import register_idempotency
from crm.core.response_schemas import schema_name
from crm.extensions import api, attachment_store, db, jwt, limiter, migrate

JSON_BODY_METHODS = ("POST", "PUT", "PATCH")


def _import_models() -> None:
    """Every model module, so the metadata knows every table (foreign keys, migrations)."""
    import crm.attachments.models
    import crm.auth.models
    import crm.core.audit
    import crm.core.events
    import crm.core.idempotency
    import crm.core.jobs
    import crm.core.notifications
    import crm.customers.models
    import crm.imports.duplicates.models
    import crm.imports.export.models
    import crm.imports.models
    import crm.sales.models
    import crm.sales.orders.models
    import crm.sales.pipeline.models
    import crm.sales.products.models
    import crm.service.models  # noqa: F401


def register_extensions(app: Flask) -> None:
    _import_models()
    init_i18n(app)
    db.init_app(app)
    migrate.init_app(
        app, db, directory=app.config["MIGRATIONS_DIR"], render_as_batch=True, compare_type=True
    )
    jwt.init_app(app)
    limiter.init_app(app)
    attachment_store.init_app(app)
    api.init_app(
        app,
        spec_kwargs={
            "info": {
                "description": "REST API of the CRM. Log in at `/api/v1/auth/login` and send "
                "`Authorization: Bearer <access_token>`."
            },
            "security": [{"bearerAuth": []}],
            "marshmallow_plugin": MarshmallowPlugin(schema_name_resolver=schema_name),
        },
    )
    api.spec.components.security_scheme(
        "bearerAuth", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    )
    api.spec.components.security_scheme(
        "refreshToken",
        {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": "The refresh token (or the refresh cookie)",
        },
    )
    if app.config["TRUSTED_PROXIES"]:
        n = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    _register_jwt_callbacks()


def _register_jwt_callbacks() -> None:
    from crm.auth.services import is_token_revoked, load_active_user
    from crm.core.errors import problem

    @jwt.user_lookup_loader
    def _load_user(_header, payload):
        return load_active_user(payload["sub"])

    @jwt.token_in_blocklist_loader
    def _revoked(_header, payload):
        return is_token_revoked(payload)

    def unauthorized(detail, code):
        return problem(401, detail, code=code, headers={"WWW-Authenticate": "Bearer"})

    jwt.unauthorized_loader(lambda reason: unauthorized(N_("Log in to continue."), "token_missing"))
    jwt.invalid_token_loader(
        lambda reason: unauthorized(N_("The token is not valid."), "token_invalid")
    )
    jwt.expired_token_loader(
        lambda _h, _p: unauthorized(N_("The token has expired."), "token_expired")
    )
    jwt.revoked_token_loader(
        lambda _h, _p: unauthorized(N_("This login has ended. Log in again."), "token_revoked")
    )
    jwt.user_lookup_error_loader(
        lambda _h, _p: unauthorized(N_("This account is not active."), "account_inactive")
    )
    jwt.token_verification_failed_loader(
        lambda _h, _p: unauthorized(N_("The token is not valid."), "token_invalid")
    )
    jwt.needs_fresh_token_loader(
        lambda _h, _p: unauthorized(N_("Log in again to continue."), "fresh_login_required")
    )


def register_blueprints(app: Flask) -> None:
    from crm.attachments.public_routes import blp as public_uploads_blp
    from crm.attachments.routes import blp as attachments_blp
    from crm.auth.routes import blp as auth_blp
    from crm.core.audit_api import blp as audit_blp
    from crm.core.jobs_api import blp as jobs_blp
    from crm.customers.routes import blp as customers_blp
    from crm.imports.bulk.routes import blp as bulk_blp
    from crm.imports.duplicates.routes import blp as duplicates_blp
    from crm.imports.export.routes import blp as exports_blp
    from crm.imports.routes import blp as imports_blp
    from crm.sales.conversion_routes import blp as conversion_blp
    from crm.sales.follow_up_routes import blp as follow_ups_blp
    from crm.sales.orders.routes import blp as orders_blp
    from crm.sales.pipeline.routes import blp as pipelines_blp
    from crm.sales.products.routes import blp as products_blp
    from crm.sales.routes import blp as leads_blp
    from crm.service.routes import blp as tickets_blp
    from crm.web import register_web

    for blueprint in (
        auth_blp,
        leads_blp,
        customers_blp,
        follow_ups_blp,
        conversion_blp,
        pipelines_blp,
        products_blp,
        orders_blp,
        tickets_blp,
        attachments_blp,
        public_uploads_blp,
        imports_blp,
        audit_blp,
        jobs_blp,
        duplicates_blp,
        exports_blp,
        bulk_blp,
    ):
        api.register_blueprint(blueprint)
    register_web(app)


def register_error_handlers(app: Flask) -> None:
    register_problem_handlers(app)
    register_idempotency(app)

    @app.before_request
    def require_json_bodies():
        """415 for a write whose body is not JSON (uploads excepted: they check their own
        multipart body); 400 for a PATCH without changes."""
        if not request.path.startswith("/api/") or request.method not in JSON_BODY_METHODS:
            return
        if view_streams_own_body():
            return
        if request.content_length and not request.is_json:
            raise UnsupportedMediaType(N_("Send the body as application/json."))
        if request.method == "PATCH" and not request.content_length:
            raise BadRequest(N_("Send the changes as a JSON body."))


def register_commands(app: Flask) -> None:
    from crm.cli import register

    register(app)
