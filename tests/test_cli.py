"""`armstrack extract`: output formats and shape, stdin, --lang, and one stderr line per bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from armstrack.cli import app

FR = "Selon Reuters, l'Iran aurait livré 200 missiles Fath-360 à la Russie."
EN = "Germany delivered 18 Leopard 2A6 tanks to Ukraine, the defence ministry said."
FR_CAESAR = "La France a livré six canons Caesar à l'Ukraine, a annoncé le ministère des Armées."
EN_SHAHED = "Iran has supplied Shahed-136 drones to Russia, according to US officials."

DOC_KEYS = {"id", "url", "language", "published", "source_name", "claims"}
CLAIM_KEYS = {"id", "supplier", "recipient", "item", "item_mentions", "category", "quantity", "stage", "status",
              "when", "attributed_to", "evidence", "evidence_spans", "route", "carrier", "confidence"}
ARMSTRACK = Path(sys.executable).parent / "armstrack"

pytestmark = pytest.mark.usefixtures("mini_kb")


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, ["extract", *args], input=stdin)


def jsonl(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


def has_claim(doc: dict, supplier: str, recipient: str, item: str) -> bool:
    return any(c["supplier"] == supplier and c["recipient"] == recipient and item in c["item"] for c in doc["claims"])


def assert_shape(doc: dict) -> None:
    assert set(doc) == DOC_KEYS
    assert isinstance(doc["id"], str) and doc["id"]
    assert isinstance(doc["language"], str) and isinstance(doc["claims"], list)
    for claim in doc["claims"]:
        assert set(claim) == CLAIM_KEYS
        assert isinstance(claim["evidence"], str) and claim["evidence"]
        assert all(isinstance(s, list) and len(s) == 2 for s in claim["evidence_spans"])


# ---------------------------------------------------------------------------------------------- formats


def test_jsonl_one_line_per_document_with_the_promised_keys(tmp_path: Path) -> None:
    txt = write(tmp_path, "fr.txt", f"date 2023-02-20\n{FR}\n")
    rec = write(tmp_path, "en.json", json.dumps({"id": "dpa-1", "url": "https://example.org/1", "text": EN,
                                                  "source_name": "dpa", "published": "2023-03"}))
    result = run(txt, rec)
    assert result.exit_code == 0, result.output
    fr, en = jsonl(result)
    for doc in (fr, en):
        assert_shape(doc)
    assert fr["id"].startswith("sha1:") and fr["published"] == "2023-02-20" and fr["language"] == "fr"
    assert (fr["url"], fr["source_name"]) == (None, None)
    assert {k: en[k] for k in ("id", "url", "language", "published", "source_name")} == {
        "id": "dpa-1", "url": "https://example.org/1", "language": "en", "published": "2023-03", "source_name": "dpa"}


@pytest.mark.parametrize(
    ("text", "supplier", "recipient", "item"),
    [(FR, "IRN", "RUS", "Fath-360"), (FR_CAESAR, "FRA", "UKR", "Caesar"), (EN, "DEU", "UKR", "Leopard"),
     (EN_SHAHED, "IRN", "RUS", "Shahed-136")],
)
def test_clear_transfer_sentence_gives_a_claim(tmp_path: Path, text: str, supplier: str, recipient: str,
                                               item: str) -> None:
    (doc,) = jsonl(run(write(tmp_path, "a.txt", text)))
    assert has_claim(doc, supplier, recipient, item), doc["claims"]
    claim = next(c for c in doc["claims"] if c["supplier"] == supplier)
    assert all(text[a:b] in claim["evidence"] for a, b in claim["evidence_spans"])


def test_json_format_is_the_list_of_the_jsonl_documents(tmp_path: Path) -> None:
    paths = [write(tmp_path, "fr.txt", FR), write(tmp_path, "en.txt", EN)]
    as_json = run("--format", "json", *paths)
    assert as_json.exit_code == 0
    docs = json.loads(as_json.stdout)
    assert isinstance(docs, list) and len(docs) == 2
    assert docs == jsonl(run(*paths))


def test_table_format_lists_the_claims(tmp_path: Path) -> None:
    result = run("-f", "table", write(tmp_path, "fr.txt", FR), write(tmp_path, "en.txt", EN))
    assert result.exit_code == 0
    for cell in ("Arms-transfer claims", "supplier", "IRN", "RUS", "Fath-360", "DEU", "UKR", "200", "delivered"):
        assert cell in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


def test_bundled_examples_directory_with_the_bundled_kb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARMSTRACK_KB_DIR")
    examples = Path(__file__).parents[1] / "examples"
    result = run("--format", "json", str(examples))
    assert result.exit_code == 0 and result.stderr == ""
    docs = json.loads(result.stdout)
    assert len(docs) == len([p for p in examples.rglob("*") if p.suffix in (".txt", ".json", ".jsonl", ".html")])
    for doc in docs:
        assert_shape(doc)
    claims = [c for d in docs for c in d["claims"]]
    assert any(len(c["supplier"] or "") == 3 and len(c["recipient"] or "") == 3 for c in claims), claims


@pytest.mark.parametrize("fmt", ["xml", "JSON", ""])
def test_unknown_format_is_refused(tmp_path: Path, fmt: str) -> None:
    result = run("--format", fmt, write(tmp_path, "a.txt", FR))
    assert result.exit_code != 0
    assert result.stdout == ""
    assert f"unknown format {fmt!r}" in result.stderr and "jsonl" in result.stderr


def test_ids_are_stable_across_runs(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", FR)
    first, second = jsonl(run(path)), jsonl(run(path))
    assert first == second
    assert [c["id"] for c in first[0]["claims"]]


# ---------------------------------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_bad_inputs_give_one_stderr_line_each_and_exit_1(tmp_path: Path, fmt: str) -> None:
    bad = {
        "empty.txt": b"",
        "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1.txt": "l'Iran aurait livré des drones".encode("latin-1"),
        "truncated.json": b'{"text": "Germany deliv',
    }
    bad_paths = [write(tmp_path, name, data) for name, data in bad.items()]
    lines = json.dumps({"id": "ok-1", "text": EN}) + "\n{not json\n"
    mixed = write(tmp_path, "mixed.jsonl", lines)
    missing = str(tmp_path / "missing.txt")
    good = write(tmp_path, "good.txt", FR)

    result = run("--format", fmt, bad_paths[0], good, *bad_paths[1:], mixed, missing)

    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    err_lines = result.stderr.splitlines()
    assert len(err_lines) == 6, result.stderr
    for name, line in zip([*bad_paths, f"{mixed}:2", missing], err_lines, strict=True):
        assert line.startswith("error: ") and name in line
    docs = jsonl(result) if fmt == "jsonl" else json.loads(result.stdout)
    assert len(docs) == 2 and docs[1]["id"] == "ok-1"
    assert has_claim(docs[0], "IRN", "RUS", "Fath-360")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("controls.json", b'{"text": "L\'Iran\\u0000 a livr\\u00e9\\u2029 des drones \\u202e\\ufeff."}',
                     id="control-chars"),
        pytest.param("deep.json", b"[" * 100_000, id="deep-json"),
        pytest.param("surrogate.json", b'{"text": "Iran \\ud800 a livr\\u00e9 des drones."}', id="surrogate"),
        pytest.param("surrogate-id.json", b'{"id": "s", "text": "Iran has supplied Shahed-136 \\ud800 drones to '
                     b'Russia, according to US officials."}',
            id="surrogate-with-id"),
        pytest.param("x[/red].txt", None, id="markup-path"),
    ],
)
def test_hostile_inputs_never_crash(tmp_path: Path, name: str, data: bytes | None) -> None:
    path = write(tmp_path, name, data) if data is not None else str(tmp_path / name)
    result = run(path, write(tmp_path, "good.txt", FR))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    assert len(jsonl(result)) >= 1


def test_error_line_names_a_path_with_brackets_verbatim(tmp_path: Path) -> None:
    missing = str(tmp_path / "report[draft].txt")
    result = run(missing)
    assert result.exit_code == 1
    assert missing in result.stderr


def test_table_with_markup_like_document_id(tmp_path: Path) -> None:
    result = run("-f", "table", write(tmp_path, "a.json", json.dumps({"id": "[/b]", "text": EN_SHAHED})))
    assert result.exit_code == 0, repr(result.exception)
    assert "[/b]" in result.stdout


# ---------------------------------------------------------------------------------------------- stdin and --lang


def test_stdin_text() -> None:
    result = run("-", stdin=f"date 2023-02\n{FR}\n")
    assert result.exit_code == 0
    (doc,) = jsonl(result)
    assert doc["published"] == "2023-02" and has_claim(doc, "IRN", "RUS", "Fath-360")


def test_stdin_jsonl() -> None:
    lines = "\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in (("a", FR), ("b", EN)))
    result = run("-", stdin=lines)
    assert [d["id"] for d in jsonl(result)] == ["a", "b"]


def test_lang_fr_forces_french(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps({"id": "x", "text": FR, "language": "en"}))
    assert jsonl(run(path))[0]["language"] == "en"
    (doc,) = jsonl(run("--lang", "fr", path))
    assert doc["language"] == "fr" and has_claim(doc, "IRN", "RUS", "Fath-360")
    assert jsonl(run("--lang", "fr", write(tmp_path, "en.txt", EN)))[0]["language"] == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "ロシアはイランから200発の弾道ミサイルを受け取ったと、ロイター通信が報じた。",
        "Saksa toimitti Ukrainalle 18 Leopard 2A6 -panssarivaunua, puolustusministeriö kertoi tiistaina.",
    ],
)
def test_unsupported_language_gives_no_claims(tmp_path: Path, text: str) -> None:
    (doc,) = jsonl(run(write(tmp_path, "a.txt", text)))
    assert_shape(doc)
    assert doc["language"] == "und" or (len(doc["language"]) == 2 and doc["language"] not in ("fr", "en"))
    assert doc["claims"] == []


@pytest.mark.parametrize(("tag", "text", "lang"), [("en-US", EN, "en"), ("fr-FR", FR, "fr")], ids=["en-US", "fr-FR"])
def test_regional_language_tag_in_json(tmp_path: Path, tag: str, text: str, lang: str) -> None:
    (doc,) = jsonl(run(write(tmp_path, "a.json", json.dumps({"id": "x", "text": text, "language": tag}))))
    assert doc["language"] == lang and doc["claims"]


# ---------------------------------------------------------------------------------------------- real process


def armstrack(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    cmd = [str(ARMSTRACK)] if ARMSTRACK.exists() else [sys.executable, "-m", "armstrack.cli"]
    return subprocess.run([*cmd, "extract", *args], input=stdin, capture_output=True, text=True, encoding="utf-8",
                          env=os.environ.copy(), timeout=300, check=False)


def test_console_script_mixed_inputs(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    proc = armstrack(write(tmp_path, "fr.txt", FR), missing, write(tmp_path, "en.txt", EN))
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"error: {missing}: no such file"]
    fr, en = (json.loads(line) for line in proc.stdout.splitlines())
    assert_shape(fr)
    assert has_claim(fr, "IRN", "RUS", "Fath-360") and has_claim(en, "DEU", "UKR", "Leopard")


def test_console_script_stdin_json_format() -> None:
    proc = armstrack("--format", "json", "--lang", "fr", "-", stdin=json.dumps({"id": "stdin-1", "text": FR}))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    (doc,) = json.loads(proc.stdout)
    assert doc["id"] == "stdin-1" and doc["language"] == "fr" and has_claim(doc, "IRN", "RUS", "Fath-360")


# ---------------------------------------------------------------------------------------------- conventions


def cli(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    from armstrack import __version__

    result = cli(flag)
    assert result.exit_code == 0 and result.stdout == f"armstrack {__version__}\n"


def test_kb_lookup_and_stats_as_json() -> None:
    [entry] = json.loads(cli("kb", "lookup", "Geran 2", "--format", "json").stdout)
    assert entry == {"kind": "system", "id": "shahed-136", "canonical": "Shahed-136", "category": "loitering_munition",
                     "origin": "IRN", "matched_alias": "Geran-2", "needs_context": False}
    table = cli("kb", "lookup", "Geran 2")
    assert table.exit_code == 0 and "Shahed-136" in table.stdout and not table.stdout.lstrip().startswith("[")
    stats = json.loads(cli("kb", "stats", "-f", "json").stdout)
    assert stats["systems"] == sum(stats["systems_by_category"].values()) > 0
    assert cli("kb", "stats", "-f", "xml").exit_code == 2


def test_eval_metrics_as_json(tmp_path: Path) -> None:
    gold = {"id": "g1", "language": "en", "text": EN, "claims": [
        {"supplier": "DEU", "recipient": "UKR", "item": "Leopard 2A6", "category": "armoured_vehicle",
         "stage": "delivered", "status": "reported", "quantity": {"value": 18, "qualifier": "exact"}}]}
    (tmp_path / "g1.json").write_text(json.dumps(gold), encoding="utf-8")
    report = json.loads(cli("eval", str(tmp_path), "--format", "json").stdout)
    assert isinstance(report, dict) and report
    text = cli("eval", str(tmp_path))
    assert text.exit_code == 0 and not text.stdout.lstrip().startswith("{")
    bad = cli("eval", str(tmp_path), "-f", "yaml")
    assert bad.exit_code == 2 and "unknown format 'yaml'" in bad.stderr


def test_quiet_leaves_only_errors_on_stderr(tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    loud = cli("ingest", "--db", db, write(tmp_path, "a.txt", EN))
    assert "documents stored" in loud.stderr
    quiet = cli("-q", "ingest", "--db", db, write(tmp_path, "b.txt", FR), str(tmp_path / "missing.txt"))
    assert quiet.exit_code == 1 and quiet.stderr.splitlines() == [f"error: {tmp_path / 'missing.txt'}: no such file"]
    exported = cli("--quiet", "export", "--db", db, "--format", "jsonl")
    assert exported.exit_code == 0 and exported.stderr == "" and exported.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["transfers", "--limit", "0"], "Input should be greater than or equal to 1"),
    (["transfers", "--limit", "ten"], "Input should be a valid integer"),
    (["transfers", "undo", "first"], "Input should be a valid integer"),
    (["serve", "--port", "70000"], "Input should be less than or equal to 65535"),
], ids=["below-min", "int-as-word", "int-argument", "above-max"])
def test_parameter_values_are_checked_by_typer(args: list[str], message: str) -> None:
    """The start-up short cut for plain values (cli.common.PlainValues) leaves any other value to typer's checks."""
    result = cli(*args)
    assert result.exit_code == 2 and message in " ".join(result.stderr.replace("│", " ").split())


def test_parameter_values_pass_as_given(tmp_path: Path) -> None:
    """Strings, numbers within bounds, lists of paths and counted flags reach the commands as typed."""
    db = str(tmp_path / "p.db")
    assert cli("-vv", "ingest", "--db", db, "--batch", "3", write(tmp_path, "a.txt", EN), write(tmp_path, "b.txt", FR)
               ).exit_code == 0
    assert len(json.loads(cli("transfers", "--db", db, "--limit", "1", "-f", "json").stdout)) == 1
    assert len(json.loads(cli("transfers", "--db", db, "-f", "json").stdout)) == 2


# pydantic: typer would import it to check every parameter (cli.common.PlainValues)
LIGHT = ("fastapi", "uvicorn", "distributed", "pyarrow", "spacy", "trafilatura", "pydantic")


@pytest.mark.parametrize(("args", "absent"), [
    (["--help"], (*LIGHT, "sqlalchemy", "simplemma")),
    (["kb", "lookup", "Leopard 2A6"], (*LIGHT, "sqlalchemy", "yaml", "armstrack.lang.lexicon")),
    (["transfers", "--db", "{db}"], (*LIGHT, "sqlalchemy.dialects.postgresql", "alembic", "yaml",
                                     "armstrack.transfers.merge", "armstrack.kb.loader", "armstrack.sources.files")),
    (["extract", "{txt}"], (*LIGHT, "sqlalchemy")),
], ids=["help", "kb-lookup", "transfers", "extract-txt"])
def test_commands_import_only_what_they_use(tmp_path: Path, args: list[str], absent: tuple[str, ...]) -> None:
    """Start-up time: a command never imports the web stack, Dask, Parquet or models it does not use; a lookup of a
    KB name parses no YAML (the compiled names index answers it), a listing neither migrates nor rebuilds."""
    txt = write(tmp_path, "a.txt", EN)
    db = str(tmp_path / "s.db")
    assert cli("ingest", "--db", db, txt).exit_code == 0
    argv = [a.format(db=db, txt=txt) for a in args]
    assert cli(*argv).exit_code == 0  # a first run builds what the compiled-data cache keeps (the names index)
    probe = ("import sys\nfrom typer.testing import CliRunner\nfrom armstrack.cli import app\n"
             f"r = CliRunner().invoke(app, {argv!r})\nassert r.exit_code == 0, r.output\n"
             f"print(' '.join(m for m in {absent!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=os.environ.copy(),
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_a_document_the_extractor_fails_on_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An extractor bug on one document is that document's error line; the others are still extracted."""
    from armstrack.extract.document import Extractor

    real = Extractor.extract

    def failing(self: Extractor, doc: Any) -> Any:
        if "Brazil" in doc.text:
            raise IndexError("list index out of range")
        return real(self, doc)

    monkeypatch.setattr(Extractor, "extract", failing)
    bad = write(tmp_path, "bad.txt", b"Brazil delivered 20 tanks to Angola.")
    good = write(tmp_path, "good.txt", EN)
    result = run(bad, good)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ") and "bad.txt" in line and "IndexError" in line
    assert [d["claims"] != [] for d in jsonl(result)] == [True]
