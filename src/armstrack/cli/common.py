"""What every command shares: the app and its sub-apps, one-line errors, the database and filter options."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text
from typer._coercion import RuntimeParam, build_runtime_param  # typer is pinned: see PlainValues
from typer.core import TyperGroup

from armstrack import __version__

if TYPE_CHECKING:
    from armstrack.app import Armstrack
    from armstrack.store.queries import TransferFilter


@dataclass(frozen=True)
class PlainValues(RuntimeParam):
    """Typer's coercion of a str, int, bool or list[str] parameter, short-cut for a value that already is what typer
    would make of it: a default, a string from the command line for a str. Typer checks every value (None included:
    every command's --help) with a pydantic TypeAdapter, and importing pydantic and building the adapters costs a
    tenth of a second of every command's start; any other value (an int given as text, a number out of bounds) goes
    to typer's own coercion, built on first need, so its results and messages are typer's. (typer is pinned: this
    sets a private attribute of its parameters, and a test checks that no command imports pydantic.)"""

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        if type(value) is self.annotation and self._in_bounds(value):
            return value
        if self.annotation == list[str] and isinstance(value, list | tuple) and all(type(v) is str for v in value):
            return list(value)  # what typer's list adapter returns
        param._runtime_param = build_runtime_param(param.type_descriptor)
        return param._runtime_param._coerce_value(value, param=param, ctx=ctx)

    def _in_bounds(self, value: Any) -> bool:
        low, high = self.parameter_info.min, self.parameter_info.max
        return self.annotation is not int or ((low is None or value >= low) and (high is None or value <= high))

    @classmethod
    def install(cls, command: Any) -> None:
        """Give every such parameter of a command and of its subcommands, and their --help, this coercion."""
        help_option = command.get_help_option(typer.Context(command, **command.context_settings))
        for param in (*command.params, *([help_option] if help_option else [])):
            info = getattr(param, "type_descriptor", None)
            if info and info.parameter_info.parser is None and info.annotation in (str, int, bool, list[str]):
                param._runtime_param = cls(parameter_info=info.parameter_info, annotation=info.annotation)
        for sub in getattr(command, "commands", {}).values():
            cls.install(sub)


class ArmstrackGroup(TyperGroup):
    """The root command, built (by typer) from every command and group: it installs PlainValues throughout."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        PlainValues.install(self)


app = typer.Typer(add_completion=False, no_args_is_help=True, cls=ArmstrackGroup)
kb_app = typer.Typer(no_args_is_help=True, help="Inspect and check the knowledge base.")
app.add_typer(kb_app, name="kb")
users_app = typer.Typer(no_args_is_help=True, help="Accounts for the web app: viewer, analyst, admin.")
app.add_typer(users_app, name="users")
transfers_app = typer.Typer(help="List transfers, or judge them: merge, split, accept, reject, regrade, undo.")
app.add_typer(transfers_app, name="transfers")
db_app = typer.Typer(no_args_is_help=True, help="The store's schema: its revision, the migrations, upgrading it.")
app.add_typer(db_app, name="db")


@dataclass
class Verbosity:
    level: int = 0  # -1 quiet, 0 normal, 1 and more verbose


verbosity = Verbosity()  # set once per run by the global options


def _version(show: bool) -> None:
    if show:
        print(f"armstrack {__version__}")
        raise typer.Exit()


@app.callback()
def global_options(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Errors only on stderr: no progress, no "
                                                              "summaries")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More on stderr: each request "
                                                                             "and migration (-vv: debugging)")]
    = 0,
) -> None:
    """Arms-transfer claims from news reports."""
    verbosity.level = -1 if quiet else verbose
    logging.disable(logging.WARNING if quiet else logging.NOTSET)
    if verbose:  # the libraries' own lines: httpx's requests, Alembic's migrations, the web server's
        logging.basicConfig(level=logging.INFO if verbose == 1 else logging.DEBUG, format="%(name)s: %(message)s")


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


def say(message: str | Text) -> None:
    """A line for the user on stderr (a summary, a hint), left out with --quiet."""
    if verbosity.level >= 0:
        err.print(message, highlight=False, soft_wrap=True)


def check_format(format: str, choices: Sequence[str]) -> None:
    """Every command that prints data takes --format/-f; an unknown one exits with code 2."""
    if format not in choices:
        fail(f"unknown format {format!r} (use {', '.join(choices[:-1])} or {choices[-1]})", 2)


def open_store(db: str | None, create: bool = False) -> Armstrack:
    """The application object over a store that must exist at the schema this version reads (unless `create`:
    ingest, watch and `serve --create` make a store and migrate an old one); anything else exits with one line."""
    from armstrack.app import Armstrack
    from armstrack.errors import ArmstrackError

    armstrack = Armstrack(db, create=create)
    try:
        _ = armstrack.engine  # open it now, so a missing or out-of-date store fails here with one line
    except ArmstrackError as e:
        fail(str(e))
    return armstrack


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
    from armstrack.store.queries import TransferFilter

    if min_grade and not re.fullmatch(r"[A-Fa-f][1-6]", min_grade):
        fail(f"--min-grade {min_grade!r}: expected a letter A–F and a digit 1–6, e.g. C3", 2)
    if since and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
        fail(f"--since {since!r}: expected YYYY, YYYY-MM or YYYY-MM-DD", 2)
    return TransferFilter(supplier=supplier, recipient=recipient, item=item, category=category, stage=stage,
                          since=since, min_grade=min_grade, include_rejected=rejected, limit=limit)

