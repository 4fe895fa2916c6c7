"""The CRM application."""

from __future__ import annotations

from flask import Flask

from crm.config import load_settings


def create_app(config: dict | None = None) -> Flask:
    """Application factory: settings, extensions, blueprints, error handlers, commands."""
    from crm.app_setup import (
        register_blueprints,
        register_commands,
        register_error_handlers,
        register_extensions,
    )

    settings = load_settings(config)
    app = Flask(__name__, instance_path=settings["INSTANCE_PATH"], static_folder=None)
    app.config.update(settings)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_commands(app)
    return app
