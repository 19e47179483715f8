"""Helpers for extraction tests: run the product extractor on one text and look claims up."""

from __future__ import annotations

from typing import Any

from armstrack.extract.document import Extractor
from armstrack.lang import get_language
from armstrack.lang.base import Sentence, Token, tokenize
from armstrack.model import Document


def claims(text: str, lang: str, published: str | None = "2024-05-15") -> list[dict[str, Any]]:
    doc = Document(text=text, id="t", language=lang, published=published)
    return Extractor(lang).extract(doc).to_json()["claims"]


def triples(text: str, lang: str, published: str | None = "2024-05-15") -> set[tuple[str, str, str]]:
    return {(c["supplier"], c["recipient"], c["item"]) for c in claims(text, lang, published)}


def one(text: str, lang: str, published: str | None = "2024-05-15", **match: Any) -> dict[str, Any]:
    """The single claim matching the given fields (e.g. item="Su-35"); fails if none or several."""
    found = [c for c in claims(text, lang, published) if all(c.get(k) == v for k, v in match.items())]
    assert len(found) == 1, f"expected one claim matching {match}, got {found}"
    return found[0]


def analysed(text: str, lang: str) -> list[Token]:
    """The tokens of one sentence after the language's front-end has analysed them."""
    s = Sentence(0, len(text), text, tokenize(text))
    get_language(lang).frontend.analyse(s)
    return s.tokens


def tok(tokens: list[Token], text: str) -> Token:
    return next(t for t in tokens if t.text == text)


def core(c: dict[str, Any]) -> tuple[Any, ...]:
    """The fields a phenomenon test usually pins: parties, item, quantity, stage, status."""
    q = c["quantity"]
    return (c["supplier"], c["recipient"], c["item"], q and (q["value"], q["qualifier"]), c["stage"], c["status"])
