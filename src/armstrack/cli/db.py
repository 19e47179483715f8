"""The store's schema: which revision it is at, the migrations this version knows, and upgrading to them
(Alembic, through the project's own migration environment)."""

from __future__ import annotations

from armstrack.cli.common import DbOption, db_app, fail, say
from armstrack.errors import ArmstrackError
from armstrack.settings import load_settings


def _url(db: str | None) -> str:
    return db or load_settings().db_url


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the store's schema revision, and whether it is the latest this armstrack knows."""
    from armstrack.store.db import store_revision

    url = _url(db)
    try:
        current, head = store_revision(url)
    except ArmstrackError as e:
        fail(str(e))
    if current == head:
        print(f"{current} (head: up to date)")
    elif current is None:
        print(f"none (not an armstrack store; head is {head})")
    else:
        print(f"{current} (behind {head}: run `armstrack db upgrade --db {url}`)")


@db_app.command("history")
def db_history(db: DbOption = None) -> None:
    """List the migrations, oldest first, marking the store's revision when the store exists."""
    from armstrack.store.db import schema_history, store_revision

    try:
        current = store_revision(_url(db))[0]
    except ArmstrackError:
        current = None  # no store (yet): the list alone
    for revision, before, doc in schema_history():
        mark = "  <- the store" if revision == current else ""
        print(f"{before or 'base'} -> {revision}  {' '.join(doc.split())}{mark}")


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Migrate an existing store to the latest schema revision (back it up first); a current store is left as it
    is."""
    from armstrack.store.db import upgrade_store

    url = _url(db)
    try:
        before, after = upgrade_store(url)
    except ArmstrackError as e:
        fail(str(e))
    if before == after:
        say(f"{url}: already at {after}")
    else:
        say(f"{url}: upgraded from {before or 'an empty schema'} to {after}")
