"""A saved search's changes as an Atom feed (RFC 4287): one entry per transfer new or regraded, the latest change
first. Built with ElementTree, so hostile text from the news (items, outlets) is always escaped, never markup."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

from armstrack.api.labels import enum_label, grade_meaning, plural

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _stamp(t: datetime) -> str:
    """RFC 3339 in UTC, as Atom wants it ("2026-12-07T08:30:00.123456Z")."""
    return (t if t.tzinfo else t.replace(tzinfo=UTC)).astimezone(UTC).isoformat().replace("+00:00", "Z")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def change_title(row: dict[str, Any], name: Callable[[str | None], str]) -> str:
    """"New: Shahed-136, Iran → Russia, graded B2" or "Regraded B3: …"."""
    parties = f"{name(row['supplier']) or row['supplier'] or '?'} → {name(row['recipient']) or row['recipient'] or '?'}"
    what = "New" if row["new"] else f"Regraded {row['grade']}"
    return f"{what}: {row['item']}, {parties}" + (f", graded {row['grade']}" if row["new"] else "")


def search_feed(search: dict[str, Any], rows: Sequence[dict[str, Any]], base: str, generated: datetime,
                name: Callable[[str | None], str]) -> bytes:
    """The feed of one saved search: `rows` are its changes (searches.changed_since), `base` the site's URL."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", f"{base}/searches/{search['id']}")
    _add(feed, "title", f"armstrack: {search['name']}")
    _add(feed, "subtitle", "Transfers new or regraded that match this saved search")
    _add(feed, "updated", _stamp(rows[0]["changed"] if rows else generated))
    _add(feed, "link", rel="alternate", type="text/html", href=f"{base}/searches/{search['id']}")
    author = _add(feed, "author")
    _add(author, "name", "armstrack")
    _add(feed, "generator", "armstrack")
    for r in rows:
        entry = _add(feed, "entry")
        # a regrade is a new entry of its own: the id names the change, not only the transfer
        _add(entry, "id", f"{base}/transfers/{r['id']}#changed-{_stamp(r['changed'])}")
        _add(entry, "title", change_title(r, name))
        _add(entry, "updated", _stamp(r["changed"]))
        _add(entry, "published", _stamp(r["first_seen"]))
        _add(entry, "link", rel="alternate", type="text/html", href=f"{base}/transfers/{r['id']}")
        _add(entry, "category", term=r["category"], label=enum_label(r["category"]))
        _add(entry, "summary", f"{enum_label(r['stage'])}, {plural(r['reports'], 'report')}, "
                               f"{plural(r['independent_origins'], 'independent origin')}, reported "
                               f"{r['first_reported'] or '?'} … {r['last_reported'] or '?'}; "
                               f"grade {r['grade']} ({grade_meaning(r['grade'])})")
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))
