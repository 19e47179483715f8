"""Bulk inputs: globs, Parquet files (a `text` column and optional metadata) and WARC archives; every bad row
or record is one failure naming the file and the row or record, and the rest is still read."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from armstrack.cli import app as cli
from armstrack.model import Document, ReadFailure
from armstrack.sources import files
from armstrack.sources.files import count_documents, read_inputs
from test_sources import EN, FR, HTML_PAGE

CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "iris_t.jsonl"


def split(items: list[Document | ReadFailure]) -> tuple[list[Document], list[ReadFailure]]:
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, ReadFailure)]


# ---------------------------------------------------------------------------------------------- globs


def test_a_glob_reads_its_matches_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "2024" / "03").mkdir(parents=True)
    (tmp_path / "corpus" / "b.json").write_text(f'{{"id": "b", "text": "{EN}"}}', encoding="utf-8")
    (tmp_path / "corpus" / "2024" / "03" / "a.json").write_text(f'{{"id": "a", "text": "{FR}"}}', encoding="utf-8")
    (tmp_path / "corpus" / "2024" / "c.txt").write_text(EN, encoding="utf-8")
    docs, failures = split(list(read_inputs([str(tmp_path / "corpus" / "**" / "*.json")])))
    assert [d.id for d in docs] == ["a", "b"] and not failures
    assert len(split(list(read_inputs([str(tmp_path / "corpus" / "*")])))[0]) == 3  # the directory 2024 recursed


def test_a_glob_that_matches_nothing_is_a_failure(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.parquet")
    assert list(read_inputs([pattern])) == [ReadFailure(pattern, f"{pattern}: no file matches")]


# ---------------------------------------------------------------------------------------------- Parquet


def write_parquet(path: Path, columns: dict[str, pa.Array | list[object]], row_group_size: int = 2) -> str:
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return str(path)


def test_parquet_rows_become_documents_with_their_metadata(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "news.parquet", {
        "text": [FR, EN, "Sans date ni identifiant, la Russie aurait reçu des drones."],
        "id": ["fr-1", "en-1", None],
        "url": ["https://example.org/fr", None, None],
        "published": ["2024-09-10T08:00:00Z", "2023-02", None],
        "source_name": ["Le Monde", "Reuters", None],
        "language": ["fr", "en-GB", None],
        "ignored": [1, 2, 3],
    })
    docs, failures = split(list(read_inputs([path])))
    assert not failures
    assert [(d.id, d.url, d.published, d.source_name, d.language) for d in docs[:2]] == [
        ("fr-1", "https://example.org/fr", "2024-09-10", "Le Monde", "fr"), ("en-1", None, "2023-02", "Reuters", "en")]
    assert docs[2].id == Document.content_id(docs[2].text) and docs[2].origin == f"{path}:row 2"
    assert count_documents([path]) == 3


def test_parquet_with_only_a_text_column_and_typed_dates(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "t.parquet", {"text": [EN, FR],
                                                  "published": pa.array([dt.date(2022, 3, 1), None], pa.date32())})
    docs, failures = split(list(read_inputs([path])))
    assert [d.published for d in docs] == ["2022-03-01", None] and not failures


def test_malformed_parquet_rows_are_failures_naming_file_and_row_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "bad.parquet", {
        "text": [EN, None, "   ", FR, EN + " (again)", FR + " (bis)"],
        "published": ["2024-01-01", "2024-01-02", None, "2023-13-45", "yesterday", "2024-02-30"],
    })
    docs, failures = split(list(read_inputs([path])))
    assert [d.origin for d in docs] == [f"{path}:row 0"]
    assert [f.reason for f in failures] == [
        f"{path}:row 1: text is null", f"{path}:row 2: empty text",
        f"{path}:row 3: bad published value (month must be in 1..12)",
        f"{path}:row 4: bad published value ('yesterday' is not a date)",
        f"{path}:row 5: bad published value (day is out of range for month)"]
    assert [f.kind for f in failures] == ["text is null", "empty text"] + ["bad published value"] * 3


def test_binary_text_column_is_decoded_row_by_row(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "bin.parquet", {"text": pa.array([EN.encode(), FR.encode("latin-1")],
                                                                      pa.binary())})
    docs, failures = split(list(read_inputs([path])))
    assert [d.text for d in docs] == [EN]
    assert [f.reason for f in failures] == [f"{path}:row 1: text is not valid UTF-8 (byte 33)"]


@pytest.mark.parametrize(("columns", "why"), [
    ({"body": [EN]}, "no 'text' column"),
    ({"text": [1, 2]}, "column 'text' is int64, not a string"),
])
def test_a_parquet_file_without_a_usable_text_column_is_one_failure(tmp_path: Path, columns: dict[str, list[object]],
                                                                    why: str) -> None:
    path = write_parquet(tmp_path / "x.parquet", columns)
    assert [f.reason for f in split(list(read_inputs([path])))[1]] == [f"{path}: {why}"]


def test_a_corrupt_parquet_file_is_a_failure_and_the_next_input_is_read(tmp_path: Path) -> None:
    good = write_parquet(tmp_path / "good.parquet", {"text": [EN]})
    bad = tmp_path / "corrupt.parquet"
    bad.write_bytes(b"PAR1" + b"\x00garbage" * 50 + b"PAR1")
    items = list(read_inputs([str(bad), good]))
    assert isinstance(items[0], ReadFailure) and "not a readable Parquet file" in items[0].reason
    assert isinstance(items[1], Document)


def test_a_directory_counts_parquet_rows_and_files_for_the_progress_bar(tmp_path: Path) -> None:
    write_parquet(tmp_path / "a.parquet", {"text": [EN] * 5})
    (tmp_path / "b.jsonl").write_text(f'{{"text": "{EN}"}}\n\n{{"text": "{FR}"}}\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text(EN, encoding="utf-8")
    assert count_documents([str(tmp_path)]) == 8 == len(list(read_inputs([str(tmp_path)])))


# ---------------------------------------------------------------------------------------------- WARC


def warc(path: Path, records: list[tuple[str, str, str, bytes]], compress: bool = True) -> str:
    """A WARC file of (type, URI, content type, body) records dated 2024-05-06."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    for rec_type, uri, content_type, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        if rec_type == "request":
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, rec_type, payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": "2024-05-06T10:00:00Z"}))
    path.write_bytes(buf.getvalue())
    return str(path)


UNDATED_PAGE = HTML_PAGE.replace('<meta property="article:published_time" content="2024-09-10T08:00:00+00:00">',
                                 "").replace("© 2024", "©")


def test_warc_html_responses_become_documents_and_other_records_are_skipped(tmp_path: Path) -> None:
    path = warc(tmp_path / "crawl.warc.gz", [
        ("request", "https://example.org/a", "", b""),
        ("response", "https://example.org/a", "text/html; charset=utf-8", HTML_PAGE.encode()),
        ("response", "https://example.org/logo.png", "image/png", b"\x89PNG\r\n"),
        ("response", "https://example.org/b", "text/html; charset=windows-1252", UNDATED_PAGE.encode("cp1252")),
    ])
    docs, failures = split(list(read_inputs([path])))
    assert not failures and len(docs) == 2
    assert (docs[0].url, docs[0].published, docs[0].origin) == ("https://example.org/a", "2024-09-10",
                                                                f"{path}#1 https://example.org/a")
    assert (docs[1].url, docs[1].published) == ("https://example.org/b", "2024-05-06")  # the record's date
    assert "aurait livré 200 missiles" in docs[1].text  # decoded with the declared charset


def test_bad_warc_records_are_failures_naming_the_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 5_000)
    path = warc(tmp_path / "crawl.warc", [
        ("response", "https://example.org/empty", "text/html", b"<html><body><div></div></body></html>"),
        ("response", "https://example.org/huge", "text/html", HTML_PAGE.encode() * 20),
        ("response", "https://example.org/ok", "text/html", HTML_PAGE.encode()),
        ("response", "https://example.org/mislabelled", "text/html; charset=utf-8", UNDATED_PAGE.encode("cp1252")),
    ], compress=False)
    docs, failures = split(list(read_inputs([path])))
    assert [f.kind for f in failures] == ["no article text found in the HTML", "page larger than 5,000 bytes"]
    assert failures[0].origin == f"{path}#1 https://example.org/empty"
    assert [d.url for d in docs] == ["https://example.org/ok", "https://example.org/mislabelled"]
    assert "aurait livré" in docs[1].text  # a wrong declared charset falls back rather than failing


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    whole = Path(warc(tmp_path / "whole.warc.gz", [("response", f"https://example.org/{i}", "text/html",
                                                    HTML_PAGE.encode()) for i in range(3)]))
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:-30])  # inside the last record
    docs, failures = split(list(read_inputs([str(cut)])))
    assert len(docs) == 2 and [f.reason for f in failures] == [f"{cut}#3 https://example.org/2: truncated record"]
    assert count_documents([str(cut)]) is None  # a WARC's size in documents is unknown before reading


def test_a_gzip_file_that_is_not_a_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    path.write_bytes(gzip.compress(b"hello, not a WARC"))
    [failure] = list(read_inputs([str(path)]))
    assert isinstance(failure, ReadFailure) and "not a readable WARC record" in failure.reason


# ---------------------------------------------------------------------------------------------- a salted corpus


def test_a_salted_corpus_ingests_everything_else_and_names_each_bad_item(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 50_000)
    corpus = tmp_path / "corpus"
    (corpus / "web").mkdir(parents=True)
    good = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    write_parquet(corpus / "feed.parquet", {
        "id": [r["id"] for r in good[:4]] + ["null", "empty", "bad-date"],
        "text": [r["text"] for r in good[:4]] + [None, "", good[4]["text"]],
        "published": [r["published"] for r in good[:4]] + [None, None, "2024-02-31"],
    }, row_group_size=3)
    (corpus / "rest.jsonl").write_text("\n".join(json.dumps(r) for r in good[4:]) + "\n{\"text\": \"trunc\n",
                                       encoding="utf-8")
    warc(corpus / "web" / "crawl.warc.gz", [
        ("response", "https://example.org/a", "text/html; charset=utf-8", HTML_PAGE.encode()),
        ("response", "https://example.org/huge", "text/html", b"<html><body>" + b"<p>x</p>" * 10_000 + b"</body>"),
        ("response", "https://example.org/broken", "text/html", b"<html><body><div><p></div><span></b></table>"),
    ])
    (corpus / "web" / "broken.html").write_text("<html><head><title>x</title></head><body><div></div>",
                                                encoding="utf-8")
    (corpus / "latin1.txt").write_bytes("l'Iran aurait livré des drones à la Russie".encode("latin-1"))
    url = str(tmp_path / "salted.db")
    result = CliRunner().invoke(cli, ["ingest", "--db", url, str(corpus)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "9 documents stored, 0 unchanged" in result.stderr and "8 failed" in result.stderr
    for bad in ("feed.parquet:row 4: text is null", "feed.parquet:row 5: empty text",
                "feed.parquet:row 6: bad published value", "rest.jsonl:5: invalid JSON",
                "crawl.warc.gz#2 https://example.org/huge: page larger than 50,000 bytes",
                "crawl.warc.gz#3 https://example.org/broken: no article text found",
                "broken.html: no article text found", "latin1.txt: not valid UTF-8"):
        assert bad in result.stderr, bad
    assert "2 × no article text found in the HTML" in result.stderr


# ---------------------------------------------------------------------------------------------- streams


def test_a_jsonl_file_larger_than_a_document_is_read_line_by_line(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 2_000)
    lines = [json.dumps({"id": f"d{i}", "text": FR}, ensure_ascii=False) for i in range(40)]  # 4 × the cap
    lines.insert(5, json.dumps({"id": "huge", "text": FR * 40}))
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    docs, failures = split(list(read_inputs([str(path)])))
    assert len(docs) == 40 and docs[-1].origin == f"{path}:41"
    assert [f.reason for f in failures] == [f"{path}:6: line larger than 2,000 bytes"]


class Pipe(io.BytesIO):
    """stdin as a pipe: how far into it the reader has gone."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.furthest = 0

    def read(self, size: int | None = -1) -> bytes:
        out = super().read(size)
        self.furthest = self.tell()
        return out


def test_stdin_is_read_one_json_line_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    line = (json.dumps({"text": FR}, ensure_ascii=False) + "\n").encode()
    pipe = Pipe(line * (30_000_000 // len(line)))  # 30 MB of JSON lines
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=pipe))
    items = read_inputs(["-"])
    assert [next(items).origin for _ in range(1000)][-1] == "stdin:1000"  # type: ignore[union-attr]
    assert pipe.furthest <= 2 * files.CHUNK  # what was read so far, not the whole stream


def test_stdin_text_over_the_document_cap_is_one_failure_read_no_further(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 10_000)
    pipe = Pipe(f"{EN}\n".encode() * 100_000)  # 8 MB of text
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=pipe))
    assert [f.reason for f in read_inputs(["-"])] == ["stdin: larger than 10,000 bytes"]  # type: ignore[union-attr]
    assert pipe.furthest <= 10_000 + files.CHUNK
