"""Typer commands: thin wrappers over the library, one module per area; importing them registers them."""

from armstrack.cli import db, documents, kb, transfers, web  # noqa: F401  (each module registers its commands)
from armstrack.cli.common import app


def main() -> None:
    app()
