"""Read files, directories and globs (.txt, .html, .json, .jsonl, .parquet, .warc, .warc.gz) or stdin into
Documents.

Every input yields either a Document or a ReadFailure naming the input (file, line, row or record) and the
reason, so one bad file or row never stops the others. Parquet, WARC and JSON lines files and stdin are
streamed (record batches, one record or line at a time), so their size is not limited; every other file is read
whole. No one document may pass MAX_BYTES.
"""

from __future__ import annotations

import codecs
import datetime as dt
import glob
import io
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from armstrack.errors import UnreadableDocument
from armstrack.model import Document, ReadFailure, storable

# A leading "date 2023-02" or "date 2023-02-20" line (as in the seed corpus) sets the publication date.
DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\b", re.IGNORECASE)
ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
MAX_BYTES = 20_000_000


def published_from_text(text: str) -> str | None:
    m = DATE_PREFIX.match(text)
    return m.group(1) if m else None


def normalise_published(value: Any) -> str | None:
    """An ISO-8601 prefix (YYYY, YYYY-MM, YYYY-MM-DD) or None."""
    if value is None:
        return None
    m = ISO_PREFIX.match(str(value).strip())
    return m.group(0) if m else None


def _field(rec: dict[str, Any], key: str) -> str | None:
    v = rec.get(key)
    return v if isinstance(v, str) and v.strip() else None


def document_from_record(rec: Any, origin: str) -> Document:
    if not isinstance(rec, dict):
        raise UnreadableDocument(f"{origin}: expected a JSON object with a 'text' field")
    text = rec.get("text")
    if not isinstance(text, str):
        raise UnreadableDocument(f"{origin}: no 'text' string field")
    if not storable(text).strip():
        raise UnreadableDocument(f"{origin}: empty text")
    published = normalise_published(rec.get("published")) or published_from_text(text)
    lang = _field(rec, "language")
    given_id = rec.get("id")
    return Document(
        text=text,
        id="" if given_id is None else str(given_id),  # a blank id: the Document names itself by its content
        url=_field(rec, "url"),
        language=lang.split("-")[0].split("_")[0].lower() if lang else None,  # "en-US" → "en"
        published=published,
        source_name=_field(rec, "source_name"),
        origin=origin,
    )


def document_from_text(text: str, origin: str, doc_id: str | None = None) -> Document:
    text = storable(text)
    if not text.strip():
        raise UnreadableDocument(f"{origin}: empty document")
    return Document(
        text=text,
        id=doc_id or "",
        published=published_from_text(text),
        origin=origin,
    )


# trafilatura, pyarrow and warcio are imported by the readers that use them: a command reading a text file
# (or listing transfers, which imports this module through the store) starts without them
def document_from_html(html: str, origin: str) -> Document:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, favor_precision=True)
    if not text or not text.strip():
        raise UnreadableDocument(f"{origin}: no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    return Document(
        text=text,
        url=meta.url if meta else None,
        published=normalise_published(meta.date) if meta else None,
        source_name=(meta.sitename if meta else None) or None,
        origin=origin,
    )


# UTF-32's marks first: its little-endian one begins like UTF-16's
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}
CHUNK = 1 << 16  # bytes read from a stream at a time


def encoding_of(head: bytes) -> str:
    """UTF-32 or UTF-16 when the text opens with their byte-order mark, else UTF-8 (its own mark dropped)."""
    return next((encoding for bom, encoding in BOMS if head.startswith(bom)), "utf-8-sig")


def decode(data: bytes, origin: str) -> str:
    if not data.strip():
        raise UnreadableDocument(f"{origin}: empty file")
    encoding = encoding_of(data)
    if encoding == "utf-8-sig" and b"\x00" in data[:4096]:
        raise UnreadableDocument(f"{origin}: binary file, not text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise UnreadableDocument(f"{origin}: not valid {ENCODING_NAMES[encoding]} (byte {e.start})") from e


def documents_from_bytes(data: bytes, origin: str, suffix: str) -> Iterator[Document | ReadFailure]:
    """The documents of one file's bytes: every JSON line of a .jsonl, else the one document of its format."""
    if suffix == ".jsonl":
        yield from read_stream(io.BytesIO(data), origin, ".jsonl")
        return
    try:
        text = decode(data, origin)
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


def utf8_chunks(stream: BinaryIO, origin: str) -> Iterator[bytes]:
    """A stream's bytes as UTF-8, a chunk at a time: UTF-16 and UTF-32 (told by their byte-order mark) are
    re-encoded as they are read. Raises UnreadableDocument for a binary stream or one its mark belies."""
    first = stream.read(CHUNK)
    rest = iter(lambda: stream.read(CHUNK), b"")
    encoding = encoding_of(first)
    if encoding == "utf-8-sig":
        if b"\x00" in first[:4096]:
            raise UnreadableDocument(f"{origin}: binary file, not text")
        yield first
        yield from rest
        return
    try:
        for text in codecs.iterdecode(itertools.chain([first], rest), encoding):
            yield text.encode("utf-8")
    except UnicodeDecodeError as e:
        raise UnreadableDocument(f"{origin}: not valid {ENCODING_NAMES[encoding]} ({e.reason})") from e


def lines_of(chunks: Iterable[bytes]) -> Iterator[bytes | None]:
    """The lines of a byte stream, each with its b"\\n" (split there only: U+2028 and U+0085 may stand raw
    inside JSON strings); a line over MAX_BYTES is None, and is never held whole."""
    line = bytearray()
    over = False
    for chunk in chunks:
        start = 0
        while (end := chunk.find(b"\n", start)) != -1:
            if not over:
                line += chunk[start:end + 1]
            yield None if over or len(line) > MAX_BYTES else bytes(line)
            line.clear()
            over, start = False, end + 1
        if not over:
            line += chunk[start:]
            if len(line) > MAX_BYTES:
                over = True
                line.clear()
    if over or line:
        yield None if over else bytes(line)


def sniff_suffix(first_line: bytes) -> str:
    """The format of stdin from its first line that is not blank: JSON on one line (or a line that opens and
    closes braces) is JSON lines, a brace that opens a longer object one JSON document, '<' HTML, else text."""
    line = first_line.removeprefix(codecs.BOM_UTF8).strip()
    if line[:1] == b"{":
        try:
            json.loads(line)
            return ".jsonl"
        except (ValueError, RecursionError):
            return ".jsonl" if line.endswith(b"}") else ".json"
    return ".html" if line[:1] == b"<" else ".txt"


def read_stream(stream: BinaryIO, origin: str, suffix: str | None) -> Iterator[Document | ReadFailure]:
    """The documents of a stream as it is read — JSON lines one at a time, any other format whole — each up to
    MAX_BYTES, so memory stays flat whatever the stream's size; `suffix` None (stdin) sniffs the format from
    the first line. A bad line is one failure naming it; the lines after it are still read."""
    numbered = enumerate(lines_of(utf8_chunks(stream, origin)), 1)
    head = bytearray()  # blank lines before the first line with text
    first: tuple[int, bytes | None] | None = None
    try:
        for item in numbered:
            if item[1] is None or item[1].strip():
                first = item
                break
            head += item[1]
            if len(head) > MAX_BYTES:
                raise UnreadableDocument(f"{origin}: larger than {MAX_BYTES:,} bytes")
        if first is None:
            raise UnreadableDocument(f"{origin}: empty file")
        kind = suffix or (sniff_suffix(first[1]) if first[1] is not None else ".txt")
        if kind == ".jsonl":
            yield from json_lines(itertools.chain([first], numbered), origin)
            return
        whole = head
        for line in itertools.chain([first[1]], (line for _, line in numbered)):
            if line is None or len(whole) + len(line) > MAX_BYTES:
                raise UnreadableDocument(f"{origin}: larger than {MAX_BYTES:,} bytes")
            whole += line
    except UnreadableDocument as e:
        yield ReadFailure(origin, str(e))
        return
    yield from documents_from_bytes(bytes(whole), origin, kind)


def json_lines(lines: Iterable[tuple[int, bytes | None]], origin: str) -> Iterator[Document | ReadFailure]:
    """One document (or one failure naming the line) for every line of JSON lines that is not blank."""
    for n, line in lines:
        where = f"{origin}:{n}"
        try:
            if line is None:
                raise UnreadableDocument(f"{where}: line larger than {MAX_BYTES:,} bytes")
            if not line.strip():
                continue
            try:
                text = line.decode("utf-8-sig")
            except UnicodeDecodeError as e:
                raise UnreadableDocument(f"{where}: not valid UTF-8 (byte {e.start})") from e
            yield document_from_record(json.loads(text), where)
        except json.JSONDecodeError as e:
            yield ReadFailure(where, f"{where}: invalid JSON ({e.msg})")
        except RecursionError:
            yield ReadFailure(where, f"{where}: JSON nested too deeply")
        except UnreadableDocument as e:
            yield ReadFailure(where, str(e))


# ---------------------------------------------------------------------------------------------- Parquet

PARQUET_BATCH = 1000  # rows decoded at a time: memory stays flat on files of any size
PARQUET_FIELDS = ("id", "url", "published", "source_name", "language")


def parse_published(value: Any) -> str | None:
    """A publication date as an ISO-8601 prefix, from a string, date or timestamp; None for null; raises
    ValueError for anything that is not a real date (month 13, "yesterday", a number)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if not isinstance(value, str):
        raise ValueError(f"{type(value).__name__}, not a date")
    prefix = normalise_published(value)
    if not prefix:
        raise ValueError(f"{value[:40]!r} is not a date")
    parts = [int(x) for x in prefix.split("-")]
    dt.date(parts[0], *(parts[1:] + [1, 1])[:2])  # raises ValueError for month 13 or day 31 of June
    return prefix


def _parquet_text(value: Any, where: str) -> str:
    if isinstance(value, bytes):  # a binary column: UTF-8 or a failure for the row
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as e:
            raise UnreadableDocument(f"{where}: text is not valid UTF-8 (byte {e.start})") from e
    if value is None:
        raise UnreadableDocument(f"{where}: text is null")
    if not isinstance(value, str):
        raise UnreadableDocument(f"{where}: text is {type(value).__name__}, not a string")
    if not value.strip():
        raise UnreadableDocument(f"{where}: empty text")
    return value


def document_from_row(row: dict[str, Any], where: str) -> Document:
    """One Parquet row as a Document; a bad text or publication date raises UnreadableDocument."""
    text = _parquet_text(row.get("text"), where)
    try:
        published = parse_published(row.get("published"))
    except ValueError as e:
        raise UnreadableDocument(f"{where}: bad published value ({e})") from e
    rec = {k: row.get(k) for k in PARQUET_FIELDS if k != "published"}
    rec["text"] = text
    doc = document_from_record(rec, where)
    return Document(doc.text, doc.id, doc.url, doc.language, published or doc.published, doc.source_name, where)


def read_parquet(path: str) -> Iterator[Document | ReadFailure]:
    """Rows of a Parquet file with a `text` column (and optional id, url, published, source_name, language),
    decoded one row group and record batch at a time; a row group that cannot be decoded is one failure."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as e:
        yield ReadFailure(path, f"{path}: not a readable Parquet file ({str(e).splitlines()[0][:200]})")
        return
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        yield ReadFailure(path, f"{path}: no 'text' column")
        return
    text_type = pf.schema_arrow.field("text").type
    if not (pa.types.is_string(text_type) or pa.types.is_large_string(text_type) or pa.types.is_binary(text_type)
            or pa.types.is_large_binary(text_type)):
        yield ReadFailure(path, f"{path}: column 'text' is {text_type}, not a string")
        return
    columns = ["text", *(c for c in PARQUET_FIELDS if c in names)]
    row = 0
    for group in range(pf.num_row_groups):
        first = row
        rows_in_group = pf.metadata.row_group(group).num_rows
        try:
            for batch in pf.iter_batches(batch_size=PARQUET_BATCH, row_groups=[group], columns=columns):
                for rec in batch.to_pylist():
                    where = f"{path}:row {row}"
                    row += 1
                    try:
                        yield document_from_row(rec, where)
                    except UnreadableDocument as e:
                        yield ReadFailure(where, str(e))
        except (OSError, pa.ArrowException) as e:
            where = f"{path}:rows {row}-{first + rows_in_group - 1}"
            yield ReadFailure(where, f"{where}: cannot decode row group {group} ({str(e).splitlines()[0][:200]})")
            row = first + rows_in_group


# ---------------------------------------------------------------------------------------------- WARC

HTML_TYPES = ("text/html", "application/xhtml+xml")
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


def decode_html(data: bytes, declared: str | None) -> str:
    """HTML bytes as text: the HTTP charset, else UTF-8, else the page's <meta charset>, else Windows-1252."""
    meta = META_CHARSET.search(data[:4096])
    for charset in (declared, "utf-8", meta.group(1).decode("ascii") if meta else None):
        if charset:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("cp1252", errors="replace")


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset=[\"']?([\w-]+)", content_type, re.IGNORECASE)
    return m.group(1) if m else None


def open_bytes(path: str) -> BinaryIO | ReadFailure:
    """A file opened for reading bytes, or the failure that names why it cannot be."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        return ReadFailure(path, f"{path}: no such file")
    except OSError as e:
        return ReadFailure(path, f"{path}: cannot read ({e.strerror})")


def read_warc(path: str) -> Iterator[Document | ReadFailure]:
    """HTML response records of a WARC file (.warc or .warc.gz) through trafilatura, like .html files; the
    record's target URI is the URL and its date the publication date unless the page states one. Other
    records (requests, metadata, images, robots.txt) hold no article and are skipped."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream = open_bytes(path)  # closed by the `with` below: a missing file is one failure, not a raise
    if isinstance(stream, ReadFailure):
        yield stream
        return
    n = 0
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or not record.http_headers:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if not content_type.lower().startswith(HTML_TYPES):
                    continue
                n += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{n} {uri}" if uri else f"{path}#{n}"
                data = record.content_stream().read(MAX_BYTES + 1)
                if len(data) > MAX_BYTES:
                    yield ReadFailure(where, f"{where}: page larger than {MAX_BYTES:,} bytes")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended inside the record
                    yield ReadFailure(where, f"{where}: truncated record")
                    continue
                try:
                    doc = document_from_html(decode_html(data, _charset(content_type)), where)
                except UnreadableDocument as e:
                    yield ReadFailure(where, str(e))
                    continue
                date = normalise_published(record.rec_headers.get_header("WARC-Date"))
                yield Document(doc.text, doc.id, uri or doc.url, doc.language, doc.published or date,
                               doc.source_name, where)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
            where = f"{path}#{n + 1}"
            yield ReadFailure(where, f"{where}: not a readable WARC record ({str(e).splitlines()[0][:200]})")


# ---------------------------------------------------------------------------------------------- inputs

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".parquet", ".warc", ".warc.gz")
GLOB_CHARS = re.compile(r"[*?\[]")


def input_format(path: str | Path) -> str | None:
    """The format a file name says (".warc" for .warc.gz too), or None if it is not an input."""
    name = str(path).lower()
    suffix = next((s for s in SUFFIXES if name.endswith(s)), None)
    return ".warc" if suffix == ".warc.gz" else suffix


def expand_inputs(paths: Iterable[str]) -> Iterator[str | ReadFailure]:
    """Every input file the paths name, in order: a directory gives its input files recursively, a glob
    (`corpus/**/*.json`) its matches, sorted; '-' is stdin. A path or glob that names nothing is a failure."""
    for p in paths:
        if p == "-":
            yield p
            continue
        if GLOB_CHARS.search(p) and not Path(p).exists():
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield ReadFailure(p, f"{p}: no file matches")
            for m in matches:
                if Path(m).is_dir():
                    yield from expand_inputs([m])
                elif input_format(m):
                    yield m
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and input_format(f))
            if not files:
                yield ReadFailure(p, f"{p}: directory holds no .txt/.html/.json/.jsonl/.parquet/.warc file")
            yield from (str(f) for f in files)
            continue
        yield p


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents the inputs hold (Parquet row counts, JSON lines, one per other file), for a
    progress bar's total; None when that cannot be known before reading (stdin, WARC)."""
    total = 0
    for p in expand_inputs(paths):
        if isinstance(p, ReadFailure):
            total += 1
            continue
        kind = input_format(p) if p != "-" else None
        try:
            if kind in (None, ".warc"):
                if p == "-" or kind == ".warc":
                    return None
                total += 1
            elif kind == ".parquet":
                total += parquet_rows(p)
            elif kind == ".jsonl":
                with open(p, "rb") as f:
                    total += sum(1 for line in f if line.strip())
            else:
                total += 1
        except OSError:
            total += 1  # one failure, when it is read
    return total


def read_jsonl(path: str) -> Iterator[Document | ReadFailure]:
    """The lines of a JSON lines file, read one at a time: a file of any size."""
    stream = open_bytes(path)  # closed by the `with` below: a missing file is one failure, not a raise
    if isinstance(stream, ReadFailure):
        yield stream
        return
    with stream:
        yield from read_stream(stream, path, ".jsonl")


def parquet_rows(path: str) -> int:
    """The rows of a Parquet file; 1 (a failure, when it is read) for a file that is not one."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except (OSError, pa.ArrowException):
        return 1


def read_inputs(paths: Iterable[str]) -> Iterator[Document | ReadFailure]:
    """Yield a Document or a ReadFailure for every document the inputs hold ('-' is stdin)."""
    for p in expand_inputs(paths):
        if isinstance(p, ReadFailure):
            yield p
            continue
        if p == "-":
            yield from read_stream(sys.stdin.buffer, "stdin", None)
            continue
        kind = input_format(p) or Path(p).suffix.lower()
        if kind == ".parquet":
            yield from read_parquet(p)
            continue
        if kind in (".warc", ".jsonl"):
            yield from (read_warc if kind == ".warc" else read_jsonl)(p)
            continue
        path = Path(p)
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
        yield from documents_from_bytes(data, p, kind)
