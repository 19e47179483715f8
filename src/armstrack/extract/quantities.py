"""Numbers before an item mention ("environ 2 600", "more than 100,000", "a dozen") as Quantities."""

from __future__ import annotations

import re

from armstrack.lang.base import Token
from armstrack.lang.lexicon import Lexicon
from armstrack.model import Quantity

QUOTES_AND_ELISION = {"'", "\"", "«", "»", "“", "”", "("}  # between a number and its item, in any language
GROUPED = re.compile(r"^\d{1,3}(?:([ \u00a0\u202f\u2009,.])\d{3})+$")


def parse_number(text: str, decimal_comma: bool) -> float | None:
    t = text.strip()
    if GROUPED.match(t):
        return float(re.sub(r"[ \u00a0\u202f\u2009,.]", "", t))
    t = t.replace(",", ".") if decimal_comma else t.replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def is_year(tok: Token, value: float) -> bool:
    """A bare four-digit number in the years range is a date, not a count."""
    return len(tok.text) == 4 and tok.text.isdigit() and 1900 <= value <= 2100


def quantity_before(tokens: list[Token], first: int, lex: Lexicon, max_gap: int = 2) -> tuple[Quantity, int] | None:
    """The quantity that ends right before token `first` (allowing a small gap of modifiers), with the
    index of its first token; None if there is no number or only a vague one ("dozens of")."""
    j = first - 1
    gap = 0
    # Skip "of"/"de"/"d'" and a couple of modifier words between the number and the item.
    while j >= 0 and gap <= max_gap:
        f = tokens[j].fold
        if f in lex.of_prepositions or f in QUOTES_AND_ELISION:
            j -= 1
            continue
        if f == "." and j > 0 and tokens[j - 1].fold in lex.multipliers:
            j -= 1  # "500 тыс. снарядов"
            continue
        if tokens[j].is_number or f in lex.numbers or f in lex.multipliers:
            break
        if not f.isalpha() or f in lex.coordinators or f in lex.disjunctions:
            return None
        if lex.vague_quantities.match_at(tokens, j) and gap == 0:
            return None
        if lex.measure_words.match_at(tokens, j):
            return None  # "1,000 containers of shells": the number counts containers
        j -= 1
        gap += 1
    if j < 0 or not (tokens[j].is_number or tokens[j].fold in lex.numbers or tokens[j].fold in lex.multipliers):
        return None
    if day_of_month(tokens, j, lex):
        return None  # "Германия 12 мая передала …", "on 12 May delivered …": a date, not a count
    end = j
    mult = 1.0
    if tokens[j].fold in lex.multipliers:
        mult = lex.multipliers[tokens[j].fold]
        j -= 1
        if j < 0 or not (tokens[j].is_number or tokens[j].fold in lex.numbers):
            # "un milione di proiettili", "más de mil drones" count; "des milliers de drones" does not
            if j >= 0 and tokens[j].fold in lex.one_words:
                return _finish(tokens, j, j + 1, mult, lex)
            if _qualifier_before(tokens, j + 1, lex):
                return _finish(tokens, j + 1, j + 1, mult, lex)
            return None
    tok = tokens[j]
    if tok.is_number:
        value = parse_number(tok.text, lex.decimal_comma)
    else:
        value = lex.numbers.get(tok.fold)
    if value is None:
        return None
    if mult == 1.0 and tok.is_number and is_year(tok, value) and not (
            end == first - 1 and (_qualifier_before(tokens, j, lex) or ("", 0))[0] == "at_least"):
        return None  # a year; but "mehr als 2000 Stinger-Raketen", "more than 2000 missiles" count
    return _finish(tokens, j, end, value * mult, lex)


def day_of_month(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """Is the number at j a day, a month name right after it ('12 мая', '12 maja', '12 May', '12. Mai')?"""
    k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].text == ".")
    if k >= len(tokens) or not tokens[j].is_number or lex.months_capitalised and not tokens[k].text[:1].isupper():
        return False  # "12 may be sent" is no date
    return tokens[k].fold in lex.months or tokens[k].fold in lex.day_months


def _finish(tokens: list[Token], j: int, end: int, value: float, lex: Lexicon) -> tuple[Quantity, int] | None:
    """The quantity whose number starts at token j: its qualifier, and the money check."""
    qualifier = "exact"
    start = j
    low = _range_low(tokens, j, lex)
    if low is not None and low[0] < value and not _is_money(tokens, j, end, lex):
        return Quantity(low[0], "range", value), low[1]
    q = _qualifier_before(tokens, j, lex)
    if not q and tokens[j].fold in lex.one_words:
        q = _qualifier_before(tokens, j + 1, lex)  # "oltre un milione": the qualifier takes the article in
    if q and q[0] != "range":  # "entre 30 blindados" with no lower bound: the count itself
        qualifier, start = q
    elif tokens[j].fold in lex.approximate_numbers:
        qualifier = "approx"
    if not 0 < value < 1e12 or _is_money(tokens, j, end, lex):  # no arms deal counts a trillion items
        return None
    return Quantity(value, qualifier), start


CURRENCY_SIGNS = "$€£¥₽"


def _is_money(tokens: list[Token], j: int, end: int, lex: Lexicon) -> bool:
    """'$450 million', '406 millions de dollars': values, not counts."""
    if j > 0 and tokens[j - 1].text in CURRENCY_SIGNS:
        return True
    for k in range(end + 1, min(end + 4, len(tokens))):
        t = tokens[k].text.lower()  # unfolded: "livres" (pounds) is not "livrés"
        if t in CURRENCY_SIGNS or t in lex.currency_words:
            return True
    return False


def _range_low(tokens: list[Token], j: int, lex: Lexicon) -> tuple[float, int] | None:
    """The lower bound of a range whose upper number starts at token j ('between 20 and 30', 'entre 20 y 30',
    'tussen de 20 en 30'), with the index where the range starts; None if j opens no range."""
    k = j - 2
    if k < 0 or tokens[j - 1].fold not in lex.coordinators:
        return None
    tok = tokens[k]
    low = parse_number(tok.text, lex.decimal_comma) if tok.is_number else lex.numbers.get(tok.fold)
    q = _qualifier_before(tokens, k, lex)
    if low is None or q is None or q[0] != "range":
        return None
    return low, q[1]


def _qualifier_before(tokens: list[Token], j: int, lex: Lexicon) -> tuple[str, int] | None:
    for back in (4, 3, 2, 1):
        s = j - back
        if s < 0:
            continue
        m = lex.qualifiers.match_at(tokens, s)
        if m and s + m[0] == j:
            return m[1], s
    return None
