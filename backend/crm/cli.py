"""The `crm` command: Flask's commands (run, db ...) plus seed and create-admin."""

from __future__ import annotations

import secrets

import click
import sqlalchemy as sa
from flask import Flask
from flask.cli import FlaskGroup


def register(app: Flask) -> None:
    @app.cli.command("create-admin")
    @click.option("--email", prompt=True)
    @click.option("--name", prompt=True, default="Administrator")
    @click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
    def create_admin(email, name, password):
        """Create an administrator."""
        from crm.auth.services import create_user
        from crm.core.errors import ApiError

        if len(password) < 8:
            raise click.BadParameter("use at least 8 characters", param_hint="--password")
        try:
            user = create_user(
                {"email": email, "name": name, "role": "admin", "password": password}
            )
        except ApiError as exc:
            raise click.ClickException(exc.description) from exc
        click.echo(f"Created admin {user.email} (id {user.id}).")

    @app.cli.command("seed")
    @click.option(
        "--password",
        envvar="CRM_DEMO_PASSWORD",
        default=None,
        help="Password of every demo account (default: $CRM_DEMO_PASSWORD or random)",
    )
    @click.option("--leads", default=200, show_default=True)
    def seed(password, leads):
        """Fill an empty database with demo teams, users, leads and follow-ups."""
        from crm.auth.models import User
        from crm.extensions import db
        from crm.seed import DEMO_USERS, seed_demo

        if db.session.scalar(sa.select(sa.func.count()).select_from(User)):
            click.echo("The database already has users; not seeding demo data.")
            return
        generated = not password
        password = password or secrets.token_urlsafe(12)
        seed_demo(password, lead_count=leads)
        click.echo("Demo data created. Log in at http://127.0.0.1:8000 with any of:")
        for email, _name, role, team in DEMO_USERS:
            click.echo(f"  {email:<22} {role:<8} {team or ''}")
        if generated:
            click.echo(f"Password (generated; set CRM_DEMO_PASSWORD to choose one): {password}")
        else:
            click.echo("Password: the value of CRM_DEMO_PASSWORD.")


def _create_app():
    from crm import create_app

    return create_app()


main = FlaskGroup(create_app=_create_app, help="The CRM: serve, migrate (db upgrade), seed.")
