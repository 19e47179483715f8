"""The input layer: files, directories and stdin become Documents, or ReadFailures that name the input."""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from armstrack.model import Document, ReadFailure
from armstrack.sources.files import documents_from_bytes, read_inputs, sniff_suffix

FR = "Selon Reuters, l'Iran aurait livré 200 missiles Fath-360 à la Russie."
EN = "Germany delivered 18 Leopard 2A6 tanks to Ukraine, the defence ministry said."

HTML_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>L'Iran aurait livré des missiles à la Russie</title>
<meta property="og:site_name" content="Le Monde">
<meta property="og:url" content="https://www.example.org/article/iran-missiles">
<meta property="article:published_time" content="2024-09-10T08:00:00+00:00">
</head><body>
<nav><a href="/">Accueil</a> <a href="/international">International</a></nav>
<article><h1>L'Iran aurait livré des missiles à la Russie</h1>
<p>Selon Reuters, l'Iran aurait livré 200 missiles Fath-360 à la Russie au cours de l'été, une information
que Téhéran dément.</p>
<p>Les missiles balistiques de courte portée ont été acheminés par la mer Caspienne, selon des responsables
européens cités par l'agence.</p>
</article>
<footer>© 2024 Tous droits réservés. Mentions légales.</footer>
</body></html>
"""


def read_file(tmp_path: Path, name: str, data: bytes) -> list[Document | ReadFailure]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return list(read_inputs([str(path)]))


def read_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> list[Document | ReadFailure]:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))
    return list(read_inputs(["-"]))


def only_document(items: list[Document | ReadFailure]) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_failure(items: list[Document | ReadFailure]) -> ReadFailure:
    assert len(items) == 1 and isinstance(items[0], ReadFailure), items
    return items[0]


# ---------------------------------------------------------------------------------------------- .txt


@pytest.mark.parametrize(
    ("first_line", "published"),
    [("date 2023-02", "2023-02"), ("date 2023-02-20", "2023-02-20"), ("Date 2022", "2022"),
     ("  date 2021-11\t", "2021-11")],
)
def test_txt_date_prefix_sets_published(tmp_path: Path, first_line: str, published: str) -> None:
    doc = only_document(read_file(tmp_path, "a.txt", f"{first_line}\n{FR}\n".encode()))
    assert doc.published == published
    assert FR in doc.text


@pytest.mark.parametrize("text", [FR, f"Publié le 2023-02-20.\n{FR}", f"{EN}\ndate 2023-02-20"])
def test_txt_without_leading_date_has_no_published(tmp_path: Path, text: str) -> None:
    assert only_document(read_file(tmp_path, "a.txt", text.encode())).published is None


def test_txt_fields(tmp_path: Path) -> None:
    text = f"date 2023-02\n{EN}\n"
    doc = only_document(read_file(tmp_path, "story.txt", text.encode()))
    assert doc.text == text
    assert doc.id == Document.content_id(text)
    assert doc.id.startswith("sha1:")
    assert doc.origin == str(tmp_path / "story.txt")
    assert (doc.url, doc.language, doc.source_name) == (None, None, None)


def test_txt_utf8_bom_is_stripped(tmp_path: Path) -> None:
    doc = only_document(read_file(tmp_path, "bom.txt", b"\xef\xbb\xbf" + f"date 2023-02-20\n{FR}".encode()))
    assert not doc.text.startswith("\ufeff")
    assert doc.published == "2023-02-20"


# ---------------------------------------------------------------------------------------------- ids


def test_content_ids_are_deterministic_and_independent_of_the_path(tmp_path: Path) -> None:
    a = only_document(read_file(tmp_path, "a.txt", FR.encode()))
    b = only_document(read_file(tmp_path, "sub/b.txt", FR.encode()))
    again = only_document(read_file(tmp_path, "a.txt", FR.encode()))
    other = only_document(read_file(tmp_path, "c.txt", EN.encode()))
    assert a.id == b.id == again.id == Document.content_id(FR)
    assert other.id != a.id
    assert Document.content_id(FR) == "sha1:" + hashlib.sha1(FR.encode()).hexdigest()[:16]


def test_json_without_id_or_url_gets_the_content_hash(tmp_path: Path) -> None:
    doc = only_document(read_file(tmp_path, "a.json", json.dumps({"text": EN}).encode()))
    assert doc.id == Document.content_id(EN)


# ---------------------------------------------------------------------------------------------- .json


def test_json_fields(tmp_path: Path) -> None:
    rec = {"id": "lemonde-42", "url": "https://www.lemonde.fr/a/42", "published": "2023-02-20T10:15:00Z",
           "source_name": "Le Monde", "language": "fr", "text": FR}
    doc = only_document(read_file(tmp_path, "a.json", json.dumps(rec, ensure_ascii=False).encode()))
    assert doc == Document(text=FR, id="lemonde-42", url="https://www.lemonde.fr/a/42", language="fr",
                           published="2023-02-20", source_name="Le Monde", origin=str(tmp_path / "a.json"))


def test_json_published_falls_back_to_the_date_prefix(tmp_path: Path) -> None:
    rec = {"id": "x", "text": f"date 2023-02\n{FR}"}
    assert only_document(read_file(tmp_path, "a.json", json.dumps(rec).encode())).published == "2023-02"


def test_json_ignores_ill_typed_optional_fields(tmp_path: Path) -> None:
    rec = {"id": "x", "text": EN, "url": 42, "language": "", "source_name": ["Reuters"], "published": "soon"}
    doc = only_document(read_file(tmp_path, "a.json", json.dumps(rec).encode()))
    assert (doc.url, doc.language, doc.source_name, doc.published) == (None, None, None, None)


def test_uppercase_suffix_is_recognised(tmp_path: Path) -> None:
    doc = only_document(read_file(tmp_path, "A.JSON", json.dumps({"id": "up", "text": EN}).encode()))
    assert (doc.id, doc.text) == ("up", EN)


# ---------------------------------------------------------------------------------------------- .jsonl


def test_jsonl_one_document_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "fr-1", "text": FR}, ensure_ascii=False), "", json.dumps({"id": "en-1", "text": EN})]
    docs = read_file(tmp_path, "batch.jsonl", "\n".join(lines).encode())
    assert [(d.id, d.text) for d in docs if isinstance(d, Document)] == [("fr-1", FR), ("en-1", EN)]
    assert all(isinstance(d, Document) for d in docs)
    assert docs[1].origin == f"{tmp_path / 'batch.jsonl'}:3"


@pytest.mark.parametrize(
    ("bad_line", "why"),
    [('{"id": "t", "text": "Germany deliv', "invalid JSON"), ('["not", "an", "object"]', "expected a JSON object"),
     ('{"id": "no-text"}', "no 'text'"), ('{"text": "   "}', "empty text"), ('{"text": 12}', "no 'text'")],
)
def test_jsonl_bad_line_names_its_line_and_keeps_the_others(tmp_path: Path, bad_line: str, why: str) -> None:
    lines = [json.dumps({"id": "a", "text": FR}), bad_line, json.dumps({"id": "b", "text": EN})]
    items = read_file(tmp_path, "batch.jsonl", "\n".join(lines).encode())
    assert [type(i) for i in items] == [Document, ReadFailure, Document]
    failure = items[1]
    where = f"{tmp_path / 'batch.jsonl'}:2"
    assert failure.origin == where
    assert failure.reason.startswith(where) and why in failure.reason


@pytest.mark.parametrize("sep", ["\u2028", "\x85"])
def test_jsonl_text_may_contain_unicode_line_separators(tmp_path: Path, sep: str) -> None:
    line = json.dumps({"id": "n1", "text": f"Selon Reuters,{sep}l'Iran aurait livré des drones."}, ensure_ascii=False)
    doc = only_document(read_file(tmp_path, "a.jsonl", (line + "\n").encode()))
    assert doc.id == "n1"


# ---------------------------------------------------------------------------------------------- .html


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    doc = only_document(read_file(tmp_path, "page.html", HTML_PAGE.encode()))
    assert "L'Iran aurait livré des missiles à la Russie" in doc.text  # the headline
    assert "200 missiles Fath-360" in doc.text and "mer Caspienne" in doc.text
    assert "Accueil" not in doc.text and "droits réservés" not in doc.text  # navigation and footer dropped
    assert doc.url == "https://www.example.org/article/iran-missiles"
    assert doc.id.startswith("sha1:")  # no id given: a content hash, whatever the URL
    assert doc.published == "2024-09-10"
    assert doc.source_name == "Le Monde"


def test_html_without_article_text_fails(tmp_path: Path) -> None:
    page = b"<html><head><title>x</title></head><body></body></html>"
    failure = only_failure(read_file(tmp_path, "empty.html", page))
    assert failure.reason == f"{tmp_path / 'empty.html'}: no article text found in the HTML"


# ---------------------------------------------------------------------------------------------- directories


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "b.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "corpus" / "sub" / "a.json").write_text(json.dumps({"id": "a", "text": FR}), encoding="utf-8")
    (tmp_path / "corpus" / "notes.csv").write_text("not,an,input\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    items = list(read_inputs([str(corpus)]))
    assert [i.origin for i in items] == [str(corpus / "b.txt"), str(corpus / "sub" / "a.json")]
    assert all(isinstance(i, Document) for i in items)


@pytest.mark.parametrize("content", [None, "notes.csv"])
def test_directory_without_inputs_fails(tmp_path: Path, content: str | None) -> None:
    if content:
        (tmp_path / content).write_text("x", encoding="utf-8")
    failure = only_failure(list(read_inputs([str(tmp_path)])))
    assert failure.origin == str(tmp_path) and "no .txt/.html/.json/.jsonl/.parquet/.warc file" in failure.reason


# ---------------------------------------------------------------------------------------------- failures


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        ("latin1.txt", "l'Iran aurait livré des drones".encode("latin-1"), "not valid UTF-8 (byte 18)"),
        ("truncated.json", b'{"id": "t", "text": "Germany deliv', "invalid JSON"),
        ("list.json", b'[{"text": "x"}]', "expected a JSON object"),
        ("notext.json", b'{"id": "x", "body": "Germany delivered tanks."}', "no 'text'"),
        ("empty.json", b'{"text": ""}', "empty text"),
    ],
)
def test_each_bad_input_gives_one_failure_naming_it(tmp_path: Path, name: str, data: bytes, why: str) -> None:
    failure = only_failure(read_file(tmp_path, name, data))
    path = str(tmp_path / name)
    assert failure.origin == path
    assert failure.reason.startswith(f"{path}: ") and why in failure.reason
    assert "\n" not in failure.reason


def test_missing_path_fails_and_the_others_are_still_read(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(FR, encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    items = list(read_inputs([missing, str(tmp_path / "ok.txt")]))
    assert items[0] == ReadFailure(missing, f"{missing}: no such file")
    assert isinstance(items[1], Document) and items[1].text == FR


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_deeply_nested_json_is_a_read_failure(suffix: str) -> None:
    items = list(documents_from_bytes(b"[" * 100_000, "deep" + suffix, suffix))
    assert len(items) == 1 and isinstance(items[0], ReadFailure)


def test_lone_surrogate_in_json_text_does_not_crash() -> None:
    items = list(documents_from_bytes(b'{"text": "Iran \\ud800 a livr\\u00e9 des drones."}', "s.json", ".json"))
    assert len(items) == 1


# ---------------------------------------------------------------------------------------------- stdin


@pytest.mark.parametrize(
    ("first_line", "suffix"),
    [(b'{"text": "x"}\n', ".jsonl"), (b'  {"text": "x"}', ".jsonl"), (b'{"text": "broken}\n', ".jsonl"),
     (b"{\n", ".json"), (b'{"id": "p", "meta":\n', ".json"), (b'\xef\xbb\xbf{"text": "x"}\n', ".jsonl"),
     (b"<!DOCTYPE html><html>", ".html"), (b"  <html>", ".html"), (b"date 2023-02\n", ".txt"), (b"", ".txt")],
)
def test_sniff_suffix(first_line: bytes, suffix: str) -> None:
    assert sniff_suffix(first_line) == suffix


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = only_document(read_stdin(monkeypatch, f"date 2023-02-20\n{FR}".encode()))
    assert (doc.origin, doc.published, doc.id) == ("stdin", "2023-02-20", Document.content_id(f"date 2023-02-20\n{FR}"))


def test_stdin_json_object(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = only_document(read_stdin(monkeypatch, json.dumps({"id": "in-1", "text": EN, "language": "en"}).encode()))
    assert (doc.id, doc.language, doc.text) == ("in-1", "en", EN)


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n".join(json.dumps({"id": i, "text": t}) for i, t in (("a", FR), ("b", EN))).encode()
    items = read_stdin(monkeypatch, data)
    assert [(i.id, i.origin) for i in items] == [("a", "stdin:1"), ("b", "stdin:2")]


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = only_document(read_stdin(monkeypatch, HTML_PAGE.encode()))
    assert doc.url == "https://www.example.org/article/iran-missiles" and "mer Caspienne" in doc.text


@pytest.mark.parametrize(("data", "why"), [(b"", "stdin: empty file"), (b" \n\n", "stdin: empty file"),
                                          (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "stdin: binary file")])
def test_stdin_failure_names_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, why: str) -> None:
    assert only_failure(read_stdin(monkeypatch, data)).reason.startswith(why)


def test_stdin_pretty_printed_json_object(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.dumps({"id": "p", "meta": {"a": 1}, "text": EN}, indent=2).replace('"meta": {', '"meta":\n{')
    assert json.loads(data)["id"] == "p"
    assert only_document(read_stdin(monkeypatch, data.encode())).id == "p"


# ---------------------------------------------------------------------------------------------- UTF-16 and UTF-32


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           encoding: str) -> None:
    def marked(text: str) -> bytes:
        return ("\ufeff" + text).encode(encoding)

    doc = only_document(read_file(tmp_path, "a.txt", marked(f"date 2023-02-20\n{FR}")))
    assert (doc.text, doc.published) == (f"date 2023-02-20\n{FR}", "2023-02-20")
    assert only_document(read_file(tmp_path, "b.json", marked(json.dumps({"id": "j", "text": EN})))).text == EN
    lines = "\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in (("x", FR), ("y", EN)))
    assert [(d.id, d.origin) for d in read_file(tmp_path, "c.jsonl", marked(lines))] == [
        ("x", f"{tmp_path / 'c.jsonl'}:1"), ("y", f"{tmp_path / 'c.jsonl'}:2")]
    assert [d.text for d in read_stdin(monkeypatch, marked(lines))] == [FR, EN]  # type: ignore[union-attr]


def test_a_byte_order_mark_the_bytes_belie_is_a_failure(tmp_path: Path) -> None:
    broken = codecs.BOM_UTF16_LE + "Iran".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate
    assert "not valid UTF-16" in only_failure(read_file(tmp_path, "a.txt", broken)).reason
    assert "not valid UTF-16" in only_failure(read_file(tmp_path, "a.jsonl", broken)).reason


@pytest.mark.parametrize("given", ["\x00", "   ", "\t"])
def test_a_blank_id_becomes_the_content_id(given: str) -> None:
    from armstrack.model import Document
    doc = Document(text="Iran delivered drones.", id=given)
    assert doc.id == Document.content_id("Iran delivered drones.")
