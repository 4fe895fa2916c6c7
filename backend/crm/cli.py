"""The `crm` command: Flask's commands (run, db ...) plus seed, create-admin and
attachments sweep."""

from __future__ import annotations

import secrets
from pathlib import Path

import click
import sqlalchemy as sa
from flask import Flask
from flask.cli import AppGroup, FlaskGroup


def register(app: Flask) -> None:
    @app.cli.command("create-admin")
    @click.option("--email", prompt=True)
    @click.option("--name", prompt=True, default="Administrator")
    @click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
    def create_admin(email, name, password):
        """Create an administrator."""
        from marshmallow import ValidationError

        from crm.auth.schemas import UserSchema
        from crm.auth.services import create_user
        from crm.core.exceptions import DomainError
        from crm.core.unit_of_work import transaction

        try:
            data = UserSchema().load(
                {"email": email, "name": name, "role": "admin", "password": password}
            )
        except ValidationError as exc:
            problems = exc.normalized_messages()
            raise click.UsageError(
                "; ".join(f"--{field}: {' '.join(msgs)}" for field, msgs in problems.items())
            ) from exc
        try:
            with transaction():
                user = create_user(data)
        except DomainError as exc:
            raise click.ClickException(exc.detail or exc.code) from exc
        click.echo(f"Created admin {user.email} (id {user.id}).")

    @app.cli.command("seed")
    @click.option(
        "--password",
        envvar="CRM_DEMO_PASSWORD",
        default=None,
        help="Password of every demo account (default: $CRM_DEMO_PASSWORD or random)",
    )
    @click.option("--leads", default=200, show_default=True)
    @click.option(
        "--if-empty",
        is_flag=True,
        help="Do nothing (but say how to log in) when the database already has users.",
    )
    def seed(password, leads, if_empty):
        """Fill an empty database with demo teams, users, leads and follow-ups."""
        from crm.auth.models import User
        from crm.core.unit_of_work import transaction
        from crm.extensions import db
        from crm.seed import seed_demo

        password_file = Path(app.instance_path) / "demo-password"
        if db.session.scalar(sa.select(sa.func.count()).select_from(User)):
            if not if_empty:
                raise click.ClickException("The database already has users; not seeding.")
            _print_logins(password_file, from_env=bool(password) and not password_file.exists())
            return
        from_env = bool(password)
        if not password:
            password = secrets.token_urlsafe(12)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        with transaction():
            seed_demo(password, lead_count=leads)
        click.echo(
            f"Demo data created: {leads} leads with follow-ups, both pipelines, products and "
            "20 opportunities."
        )
        _print_logins(password_file, from_env=from_env)

    _register_worker(app)

    attachments = AppGroup("attachments", help="Attachment files and their metadata.")
    app.cli.add_command(attachments)

    @attachments.command("sweep")
    @click.option(
        "--older-than",
        type=click.IntRange(min=0),
        default=None,
        metavar="MINUTES",
        help="Pending uploads older than this are leftovers "
        "(default: ATTACHMENT_SWEEP_AFTER_MINUTES)",
    )
    @click.option("--dry-run", is_flag=True, help="Only say what would be removed.")
    def sweep(older_than, dry_run):
        """Remove what crashed uploads left: old pending rows (with their bytes) and stored
        files no attachment names."""
        from crm.attachments.store import StoreUnavailable
        from crm.attachments.sweep import sweep as run_sweep

        minutes = app.config["ATTACHMENT_SWEEP_AFTER_MINUTES"] if older_than is None else older_than
        try:
            result = run_sweep(minutes, dry_run=dry_run)
        except StoreUnavailable as exc:
            raise click.ClickException(f"The attachment store is not reachable: {exc}") from exc
        verb = "Would remove" if dry_run else "Removed"
        click.echo(
            f"{verb} {len(result.pending_rows)} pending upload(s) older than {minutes} minutes"
            + (f": ids {', '.join(map(str, result.pending_rows))}" if result.pending_rows else "")
        )
        click.echo(
            f"{verb} {len(result.orphan_files)} stored file(s) no attachment names"
            + (f": {', '.join(result.orphan_files)}" if result.orphan_files else "")
        )


def _register_worker(app: Flask) -> None:
    @app.cli.command("worker")
    @click.option("--burst", is_flag=True, help="Work the queued jobs, then stop.")
    @click.option(
        "--if-configured", is_flag=True, help="Without REDIS_URL, say so and stop (make run)."
    )
    def worker(burst, if_configured):
        """Work background jobs from the RQ queue on REDIS_URL (imports, scans, exports...)."""
        from rq import SimpleWorker

        from crm.core import jobs
        from crm.core.unit_of_work import transaction

        if not app.config.get("REDIS_URL"):
            if if_configured:
                click.echo("REDIS_URL is not set: background jobs run inside the web process.")
                return
            raise click.UsageError(
                "Set REDIS_URL: without it, jobs run in a thread of the web process."
            )
        with transaction():
            interrupted = jobs.recover_stale()
        if interrupted:
            click.echo(f"Marked {interrupted} interrupted job(s) failed; they can be retried.")
        queue = jobs.rq_queue(app)
        # SimpleWorker runs each job in this process, inside the app context the command pushed.
        SimpleWorker([queue], connection=queue.connection).work(burst=burst)


def _print_logins(password_file: Path, *, from_env: bool) -> None:
    from crm.seed import DEMO_USERS

    click.echo("Log in with any of these demo accounts:")
    for email, name, role, team in DEMO_USERS:
        click.echo(f"  {email:<22} {role:<8} {team or '':<8} {name}")
    if from_env:
        click.echo("  password: the value of CRM_DEMO_PASSWORD")
    elif password_file.exists():
        click.echo(
            f"  password: {password_file.read_text().strip()}  (generated; kept in "
            f"{password_file}; set CRM_DEMO_PASSWORD to choose one)"
        )
    else:
        click.echo("  password: the one set when the demo data was created")


def _create_app():
    from crm import create_app

    return create_app()


main = FlaskGroup(create_app=_create_app, help="The CRM: serve, migrate (db upgrade), seed.")
