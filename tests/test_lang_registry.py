"""One language registry: each lang/<code>/ declares itself; lexicons load strictly."""

from __future__ import annotations

from pathlib import Path

import pytest
from lingua import Language as Lingua

from armstrack.errors import InvalidKB, UnsupportedLanguage
from armstrack.lang import get_language, language_codes, registry
from armstrack.lang.detect import detect_language
from armstrack.lang.lexicon import LEXICON_DIR, load_lexicon


def test_every_language_folder_declares_itself_and_has_a_lexicon() -> None:
    specs = registry()
    assert set(specs) >= {"de", "en", "es", "fr", "it", "nl", "ru", "uk"}
    assert {p.stem for p in LEXICON_DIR.glob("*.yaml")} == set(specs)
    for code, spec in specs.items():
        assert spec.code == code and spec.lexicon.is_file()
        assert getattr(Lingua, spec.lingua).iso_code_639_1.name.lower() == code


def test_detection_and_get_language_read_the_registry() -> None:
    assert detect_language("Deutschland liefert der Ukraine weitere Panzer, teilte das Ministerium mit.") == "de"
    with pytest.raises(UnsupportedLanguage, match=f"known: {', '.join(language_codes())}"):
        get_language("xx")


def _lexicon_with(tmp_path: Path, edit: str, drop: str | None = None) -> Path:
    lines = (LEXICON_DIR / "en.yaml").read_text(encoding="utf-8").splitlines()
    if drop is not None:
        lines = [line for line in lines if not line.startswith(f"{drop}:")]
    path = tmp_path / "en.yaml"
    path.write_text("\n".join([*lines, edit]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("edit", "drop", "message"), [
    ("articels: [the]", None, "unknown lexicon key 'articels'"),
    ("", "articles", "missing lexicon key 'articles'"),
    ("", "carrier_markers", "missing lexicon key 'carrier_markers'"),
    ("negations_after: [no]", "negations_after", "negations_after: expected a list of strings"),
    ("months_capitalised: yes please", "months_capitalised", "months_capitalised: expected true or false"),
])
def test_lexicons_load_strictly(tmp_path: Path, edit: str, drop: str | None, message: str) -> None:
    path = _lexicon_with(tmp_path, edit, drop)
    with pytest.raises(InvalidKB, match=f"en.yaml: {message}"):
        load_lexicon("en", path)


def test_optional_lexicon_keys_may_be_left_out(tmp_path: Path) -> None:
    lex = load_lexicon("en", _lexicon_with(tmp_path, "", "marker_blockers"))
    assert not lex.marker_blockers.by_first and "the" in lex.articles
