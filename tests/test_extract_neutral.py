"""The extraction core holds no word of any language: every word list it reads is a lexicon slot.

The test parses every module of extract/ and transfers/ and fails on a set, tuple, list or dict literal holding a
word (a string with a letter) that is not an identifier of the domain: stages, statuses, categories, quantity
qualifiers, the keys of the lexicons' mappings (marker roles, date cues), canonical generic item names and unit
ids (the English output vocabulary of SCHEMA.md), claim fields, and the short explicit list below."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import yaml

from armstrack.extract.frames import Frame
from armstrack.lang import lexicons, registry
from armstrack.model import ACTIONS, CATEGORIES, CLAIM_ACTIONS, ORIGIN_ACTIONS, QUALIFIERS, Claim, Stage, Status

SRC = Path(__file__).resolve().parent.parent / "src" / "armstrack"
LETTER = re.compile(r"[^\W\d_]")
EXPLICIT = {
    "VERB", "AUX",  # Universal Dependencies part-of-speech tags, set by the front-ends
    "skip",  # frames: the verdict for a party whose marker excludes it from the roles
    "merge", "split", "accept", "reject", "regrade", "accept_claim", "reject_claim", "edit_claim",  # judgements
    "join_origins", "split_origin", "documents",  # judgements on origins, and the documents they are about
    "A", "B", "C", "D", "E", "F",  # NATO Admiralty source-reliability letters
    "src", "party", "name", "doc", "src:", "party:", "name:",  # kinds of origin keys (transfers/origins.py)
    "same document",  # an origin reason shown to analysts
}


def _domain() -> set[str]:
    words = {*map(str, Stage), *map(str, Status), *CATEGORIES, *QUALIFIERS, *EXPLICIT}
    words |= {*ACTIONS, *CLAIM_ACTIONS, *ORIGIN_ACTIONS}  # judgement names, not words of a language
    words |= {f.name for cls in (Claim, Frame) for f in dataclasses.fields(cls)}  # attribute names
    for code, spec in registry().items():
        data = yaml.safe_load(spec.lexicon.read_text(encoding="utf-8"))
        for key in ("markers", "date_cues", "qualifiers", "stage_cues", "triggers"):
            words |= set(data[key])
        words |= {g["item"] for g in data["generic_items"]}
        words |= set(lexicons()[code].calibre_units.values())
    return words


def _word_literals(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Set | ast.Tuple | ast.List):
            elts = list(node.elts)
        elif isinstance(node, ast.Dict):
            elts = [k for k in node.keys if k is not None] + list(node.values)
        else:
            continue
        for e in elts:
            # a sentence (4+ words) is an explanation shown to analysts, not a word list
            if isinstance(e, ast.Constant) and isinstance(e.value, str) and LETTER.search(e.value) \
                    and len(e.value.split()) < 4:
                out.append((node.lineno, e.value))
    return out


def test_core_holds_no_word_of_any_language() -> None:
    allowed = _domain()
    found = [f"{path.relative_to(SRC)}:{line}: {word!r}"
             for folder in ("extract", "transfers") for path in sorted((SRC / folder).glob("*.py"))
             for line, word in _word_literals(path) if word not in allowed]
    assert not found, "word lists belong in lexicons/<lang>.yaml:\n" + "\n".join(found)


def test_the_scan_sees_a_word_list(tmp_path: Path) -> None:
    path = tmp_path / "bad.py"
    path.write_text('NEGATIONS = {"not", "pas", "mai"}\nSTAGES = ("planned",)\n', encoding="utf-8")
    assert sorted(w for _, w in _word_literals(path) if w not in _domain()) == ["mai", "not", "pas"]
