"""What every command shares: the app and its sub-apps, one-line errors, the database and filter options."""

from __future__ import annotations

import re
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from armstrack.store.queries import TransferFilter

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Arms-transfer claims from news reports.")
kb_app = typer.Typer(no_args_is_help=True, help="Inspect and check the knowledge base.")
app.add_typer(kb_app, name="kb")
users_app = typer.Typer(no_args_is_help=True, help="Accounts for the web app: viewer, analyst, admin.")
app.add_typer(users_app, name="users")
transfers_app = typer.Typer(help="List transfers, or judge them: merge, split, accept, reject, regrade, undo.")
app.add_typer(transfers_app, name="transfers")
AllowPrivate = Annotated[bool, typer.Option("--allow-private", help="Also fetch from loopback and private "
                                                                    "networks (a local server, an intranet)")]
IgnoreRobots = Annotated[bool, typer.Option("--ignore-robots", help="Fetch what robots.txt disallows (only "
                                                                    "where you have the site's permission)")]
DbOption = Annotated[str | None, typer.Option("--db", help="SQLite path or URL, postgresql://…; default "
                                                               "$ARMSTRACK_DB or ./armstrack.db")]
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    err.print(Text.assemble(("error:", "red"), " ", message), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


Supplier = Annotated[str | None, typer.Option(help="ISO3 code or ORG:Name")]
Recipient = Annotated[str | None, typer.Option(help="ISO3 code or ORG:Name")]
Item = Annotated[str | None, typer.Option(help="Part of the item name")]
Category = Annotated[str | None, typer.Option(help="A SCHEMA.md category")]
StageOption = Annotated[str | None, typer.Option("--stage", help="Furthest stage")]
Since = Annotated[str | None, typer.Option(help="Last reported on or after (2022, 2023-02)")]
MinGrade = Annotated[str | None, typer.Option("--min-grade", help="e.g. C3: reliability C or better, "
                                                                  "credibility 3 or better")]
Rejected = Annotated[bool, typer.Option("--rejected", help="Include rejected transfers")]


def transfer_filter(supplier: str | None, recipient: str | None, item: str | None, category: str | None,
                    stage: str | None, since: str | None, min_grade: str | None, rejected: bool,
                    limit: int | None = None) -> TransferFilter:
    """The filter the options ask for; a malformed grade or date exits with code 2."""
    if min_grade and not re.fullmatch(r"[A-Fa-f][1-6]", min_grade):
        fail(f"--min-grade {min_grade!r}: expected a letter A–F and a digit 1–6, e.g. C3", 2)
    if since and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
        fail(f"--since {since!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", 2)
    return TransferFilter(supplier=supplier, recipient=recipient, item=item, category=category, stage=stage,
                          since=since, min_grade=min_grade, include_rejected=rejected, limit=limit)

