"""The web app: serve it, and manage its accounts."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
import uvicorn

from armstrack.api import workers as workers_module
from armstrack.api.server import create_app
from armstrack.app import Armstrack
from armstrack.cli.common import (
    DbOption,
    app,
    fail,
    users_app,
)
from armstrack.errors import ArmstrackError


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Mark cookies Secure (behind HTTPS)")]
    = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (one per core)")] = 1,
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json) and the web app."""
    core = Armstrack(db)
    try:
        _ = core.engine  # open and migrate before listening, so a bad --db fails here with one line
    except ArmstrackError as e:
        fail(str(e))
    if workers == 1:
        uvicorn.run(create_app(core, secure_cookies), host=host, port=port, log_level="warning")
        return
    # worker processes build their own app from the environment (settings.py reads it)
    os.environ["ARMSTRACK_DB"] = core.db_url
    os.environ["ARMSTRACK_SECURE_COOKIES"] = "1" if secure_cookies else ""
    try:
        workers_module.serve(host, port, workers)
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}")
    except workers_module.ServeError as e:
        fail(str(e))


@users_app.command("add")
def users_add(
    name: str,
    role: Annotated[str, typer.Option(help="viewer | analyst | admin")] = "viewer",
    db: DbOption = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin")] = False,
) -> None:
    """Add a user (or reset their password and role); the password is asked for, or read from stdin."""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else typer.prompt(
        "Password", hide_input=True, confirmation_prompt=True)
    try:
        Armstrack(db).add_user(name, password, role)
    except ArmstrackError as e:
        fail(str(e))
    print(f"user {name} ({role}) saved")


@users_app.command("token")
def users_token(name: str, label: str = "api", db: DbOption = None) -> None:
    """Issue a read-only API token for a user (shown once; send it as 'Authorization: Bearer …')."""
    try:
        print(Armstrack(db).issue_token(name, label))
    except ArmstrackError as e:
        fail(str(e))

