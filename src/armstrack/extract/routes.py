"""How a transfer travelled, when the text says: the route ("via the Caspian Sea", "à travers la mer
Caspienne") and the carrier ("aboard an Il-76TD", "Saha Airlines")."""

from __future__ import annotations

import re

from armstrack.lang.base import Token
from armstrack.lang.lexicon import Lexicon

STOP = {",", ".", ";", ":", "!", "?", "(", ")", "\"", "«", "»", "“", "”", "where", "où", "wo", "donde", "dove",
        "waar", "где", "де", "aboard", "on", "which", "qui", "que", "that", "and", "et", "und", "y", "e", "en", "to",
        "à", "vers"}
CARRIER_NAME = re.compile(r"\b((?:[A-Z][\w-]+\s){0,3}(?:Airlines|Airways|Air Cargo|Cargo Airlines|Aviation|"
                          r"Shipping|Lines|Maritime|Aero|Avia|Авиалинии|Авиа))\b")


def _phrase_after(tokens: list[Token], k: int, text: str, limit: int = 6) -> str | None:
    j = k
    while j < len(tokens) and j - k < limit and tokens[j].fold not in STOP:
        j += 1
    if j == k:
        return None
    return text[tokens[k].start:tokens[j - 1].end]


def route_in(tokens: list[Token], text: str, lex: Lexicon) -> str | None:
    for a, b, _ in lex.route_markers.find_all(tokens):
        phrase = _phrase_after(tokens, b, text)
        if phrase:
            return f"{text[tokens[a].start:tokens[b - 1].end]} {phrase}"
    return None


def carrier_in(tokens: list[Token], text: str, lex: Lexicon) -> str | None:
    for _a, b, _ in lex.carrier_markers.find_all(tokens):
        phrase = _phrase_after(tokens, b, text, limit=4)
        if phrase:
            return phrase
    if tokens:
        m = CARRIER_NAME.search(text, tokens[0].start, tokens[-1].end)
        if m:
            return m.group(1)
    return None
