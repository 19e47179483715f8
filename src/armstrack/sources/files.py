"""Read .txt, .html, .json and .jsonl files (or stdin) into Documents.

Every input yields either a Document or a ReadFailure naming the input and the reason, so one bad
file never stops the others.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from armstrack.errors import UnreadableDocument
from armstrack.model import Document

# A leading "date 2023-02" or "date 2023-02-20" line (as in the seed corpus) sets the publication date.
DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b", re.IGNORECASE)
ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class ReadFailure:
    origin: str
    reason: str


def published_from_text(text: str) -> str | None:
    m = DATE_PREFIX.match(text)
    return m.group(1) if m else None


def normalise_published(value: Any) -> str | None:
    """An ISO-8601 prefix (YYYY, YYYY-MM, YYYY-MM-DD) or None."""
    if value is None:
        return None
    m = ISO_PREFIX.match(str(value).strip())
    return m.group(0) if m else None


SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Lone UTF-16 surrogates (from JSON escapes) cannot be encoded: one U+FFFD each keeps offsets."""
    return SURROGATES.sub("\ufffd", text)


def _field(rec: dict[str, Any], key: str) -> str | None:
    v = rec.get(key)
    return clean_text(v) if isinstance(v, str) and v.strip() else None


def document_from_record(rec: Any, origin: str) -> Document:
    if not isinstance(rec, dict):
        raise UnreadableDocument(f"{origin}: expected a JSON object with a 'text' field")
    text = rec.get("text")
    if not isinstance(text, str):
        raise UnreadableDocument(f"{origin}: no 'text' string field")
    if not text.strip():
        raise UnreadableDocument(f"{origin}: empty text")
    text = clean_text(text)
    published = normalise_published(rec.get("published")) or published_from_text(text)
    lang = _field(rec, "language")
    given_id = rec.get("id")
    return Document(
        text=text,
        id=clean_text(str(given_id)) if given_id not in (None, "") else Document.content_id(text),
        url=_field(rec, "url"),
        language=lang.split("-")[0].split("_")[0].lower() if lang else None,  # "en-US" → "en"
        published=published,
        source_name=_field(rec, "source_name"),
        origin=origin,
    )


def document_from_text(text: str, origin: str, doc_id: str | None = None) -> Document:
    if not text.strip():
        raise UnreadableDocument(f"{origin}: empty document")
    text = clean_text(text)
    return Document(
        text=text,
        id=doc_id or Document.content_id(text),
        published=published_from_text(text),
        origin=origin,
    )


def document_from_html(html: str, origin: str) -> Document:
    text = trafilatura.extract(html, include_comments=False, favor_precision=True)
    if not text or not text.strip():
        raise UnreadableDocument(f"{origin}: no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    return Document(
        text=text,
        id=Document.content_id(text),
        url=meta.url if meta else None,
        published=normalise_published(meta.date) if meta else None,
        source_name=(meta.sitename if meta else None) or None,
        origin=origin,
    )


def decode(data: bytes, origin: str) -> str:
    if not data.strip():
        raise UnreadableDocument(f"{origin}: empty file")
    if b"\x00" in data[:4096]:
        raise UnreadableDocument(f"{origin}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UnreadableDocument(f"{origin}: not valid UTF-8 (byte {e.start})") from e


def documents_from_bytes(data: bytes, origin: str, suffix: str) -> Iterator[Document | ReadFailure]:
    try:
        text = decode(data, origin)
    except UnreadableDocument as e:
        yield ReadFailure(origin, str(e))
        return
    if suffix == ".jsonl":
        # split on newlines only: U+2028 and U+0085 may stand raw inside JSON strings
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            where = f"{origin}:{n}"
            try:
                yield document_from_record(json.loads(line), where)
            except json.JSONDecodeError as e:
                yield ReadFailure(where, f"{where}: invalid JSON ({e.msg})")
            except RecursionError:
                yield ReadFailure(where, f"{where}: JSON nested too deeply")
            except UnreadableDocument as e:
                yield ReadFailure(where, str(e))
        return
    try:
        if suffix == ".json":
            try:
                rec = json.loads(text)
            except json.JSONDecodeError as e:
                raise UnreadableDocument(f"{origin}: invalid JSON ({e.msg} at line {e.lineno})") from e
            except RecursionError as e:
                raise UnreadableDocument(f"{origin}: JSON nested too deeply") from e
            yield document_from_record(rec, origin)
        elif suffix in (".html", ".htm"):
            yield document_from_html(text, origin)
        else:
            yield document_from_text(text, origin)
    except UnreadableDocument as e:
        yield ReadFailure(origin, str(e))


def sniff_suffix(data: bytes) -> str:
    head = data.lstrip()[:1]
    if head == b"{":
        try:
            json.loads(data)
            return ".json"  # one object, even pretty-printed over many lines
        except (ValueError, RecursionError):
            return ".jsonl"
    if head == b"<":
        return ".html"
    return ".txt"


def read_inputs(paths: Iterable[str]) -> Iterator[Document | ReadFailure]:
    """Yield a Document or a ReadFailure for every input path ('-' is stdin)."""
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from documents_from_bytes(data, "stdin", sniff_suffix(data))
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not files:
                yield ReadFailure(p, f"{p}: directory holds no .txt/.html/.json/.jsonl file")
            yield from read_inputs(str(f) for f in files)
            continue
        try:
            if path.stat().st_size > MAX_BYTES:
                yield ReadFailure(p, f"{p}: larger than {MAX_BYTES // 1_000_000} MB")
                continue
            data = path.read_bytes()
        except FileNotFoundError:
            yield ReadFailure(p, f"{p}: no such file")
            continue
        except OSError as e:
            yield ReadFailure(p, f"{p}: cannot read ({e.strerror})")
            continue
        yield from documents_from_bytes(data, p, path.suffix.lower())


SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
