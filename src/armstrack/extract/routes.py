"""How a transfer travelled, when the text says: the route ("via the Caspian Sea", "à travers la mer
Caspienne") and the carrier ("aboard an Il-76TD", "Saha Airlines")."""

from __future__ import annotations

import re
from functools import lru_cache

from armstrack.lang.base import Token
from armstrack.lang.lexicon import Lexicon

STOP = {",", ".", ";", ":", "!", "?", "(", ")", "\"", "«", "»", "“", "”"}


@lru_cache(maxsize=16)
def _carrier_name(heads: tuple[str, ...]) -> re.Pattern[str] | None:
    """A company name ending in one of the lexicon's carrier heads: 'Saha Airlines', 'Silk Way Airlines'."""
    if not heads:
        return None
    return re.compile(rf"\b((?:[A-Z][\w-]+\s){{0,3}}(?:{'|'.join(map(re.escape, heads))}))\b")


def _phrase_after(tokens: list[Token], k: int, text: str, lex: Lexicon, limit: int = 6) -> str | None:
    j = k
    while j < len(tokens) and j - k < limit and tokens[j].text not in STOP and tokens[j].fold not in lex.route_stops:
        j += 1
    if j == k:
        return None
    return text[tokens[k].start:tokens[j - 1].end]


def route_in(tokens: list[Token], text: str, lex: Lexicon) -> str | None:
    for a, b, _ in lex.route_markers.find_all(tokens):
        phrase = _phrase_after(tokens, b, text, lex)
        if phrase:
            return f"{text[tokens[a].start:tokens[b - 1].end]} {phrase}"
    return None


def carrier_in(tokens: list[Token], text: str, lex: Lexicon) -> str | None:
    for _a, b, _ in lex.carrier_markers.find_all(tokens):
        phrase = _phrase_after(tokens, b, text, lex, limit=4)
        if phrase:
            return phrase
    pattern = _carrier_name(lex.carrier_names)
    if tokens and pattern is not None:
        m = pattern.search(text, tokens[0].start, tokens[-1].end)
        if m:
            return m.group(1)
    return None
