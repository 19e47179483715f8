"""The web app: serve it, and manage its accounts."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from armstrack.cli.common import (
    DbOption,
    app,
    fail,
    open_store,
    say,
    users_app,
)
from armstrack.errors import ArmstrackError

LOG_LEVELS = ("critical", "error", "warning", "info", "debug")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    secure_cookies: Annotated[bool, typer.Option("--secure-cookies", help="Mark cookies Secure (behind HTTPS)")]
    = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (one per core)")] = 1,
    create: Annotated[bool, typer.Option("--create", help="Make the store if it does not exist, and bring an "
                                                          "older one to the current schema")] = False,
    log_level: Annotated[str, typer.Option("--log-level", help="info: one line per request; warning: problems "
                                                               "only; or critical, error, debug")] = "info",
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json) and the web app."""
    import uvicorn  # the web stack is imported by this command only: start-up time of the others

    from armstrack.api import workers as workers_module
    from armstrack.api.server import create_app

    if log_level not in LOG_LEVELS:
        fail(f"unknown log level {log_level!r} (use {', '.join(LOG_LEVELS)})", 2)
    core = open_store(db, create)  # opened before listening, so a bad --db fails here with one line
    try:
        workers_module.listening_socket(host, port, listen=False).close()  # a taken port: one line, no URL
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}")
    shown = f"[{host}]" if ":" in host else host
    say(f"armstrack serving {core.db_url} on http://{shown}:{port} (OpenAPI at /openapi.json; Ctrl-C to stop)")
    if workers == 1:
        uvicorn.run(create_app(core, secure_cookies, warm=True), host=host, port=port, log_level=log_level)
        return
    # worker processes build their own app from the environment (settings.py reads it)
    os.environ["ARMSTRACK_DB"] = core.db_url
    os.environ["ARMSTRACK_SECURE_COOKIES"] = "1" if secure_cookies else ""
    try:
        workers_module.serve(host, port, workers, log_level)
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
        open_store(db).add_user(name, password, role)
    except ArmstrackError as e:
        fail(str(e))
    print(f"user {name} ({role}) saved")


@users_app.command("token")
def users_token(name: str, label: str = "api", db: DbOption = None) -> None:
    """Issue a read-only API token for a user (shown once; send it as 'Authorization: Bearer …')."""
    try:
        print(open_store(db).issue_token(name, label))
    except ArmstrackError as e:
        fail(str(e))

