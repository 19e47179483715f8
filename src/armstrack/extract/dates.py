"""Date expressions in a sentence, resolved against the publication date into ISO-8601 prefixes or
intervals ("2022-11/..", "../2023-06")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from armstrack.lang.base import Token
from armstrack.lang.lexicon import Lexicon

DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class DateExpr:
    first: int
    last: int
    value: str  # ISO prefix, or an interval "A/..", "../B"


def _year(tok: Token) -> int | None:
    if len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100:
        return int(tok.text)
    return None


def _counts(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """'2000 Raketen', '1500 drones': a weapon noun right after a year-like number makes it a count, unless a
    date word comes first ('sinds 2022 houwitsers', 'in 2023 drones')."""
    for s in range(max(0, k - 4), k - 1):
        m = lex.date_cues.match_at(tokens, s)
        if m and s + m[0] == k - 1:
            return False
    return bool(lex.generic_items.match_at(tokens, k) or lex.measure_words.match_at(tokens, k))


def _day(tok: Token, lex: Lexicon) -> int | None:
    """A day of the month: '5', '24.' (German), '1st', '1er', '3-го' (the lexicon's ordinal endings)."""
    t = tok.text.rstrip(".")
    if t.isdigit() and 1 <= int(t) <= 31 and len(t) <= 2:
        return int(t)
    m = re.fullmatch(r"(\d{1,2})(.+)", t.lower())
    if m and m.group(2) in lex.ordinal_suffixes and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1))
    return None


def _pub(published: str | None) -> tuple[int, int, int] | None:
    if not published:
        return None
    m = ISO.match(published) or re.match(r"^(\d{4})()()$", published[:4])
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)


def find_dates(tokens: list[Token], lex: Lexicon, published: str | None,
               exclude: frozenset[int] = frozenset()) -> list[DateExpr]:
    """Date expressions, skipping tokens of item names (the "2000" of "PzH 2000")."""
    pub = _pub(published)
    out: list[DateExpr] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        value = None
        if i in exclude:
            i += 1
            continue
        first, last = i, i
        m = DOTTED.match(t.text) or None
        iso = ISO.match(t.text)
        if m:
            value = f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
        elif iso and 1900 <= int(iso.group(1)) <= 2100:
            value = t.text
        elif t.fold in lex.months and (t.text[:1].isupper() or not lex.months_capitalised) or \
                t.fold in lex.day_months and i > 0 and _day(tokens[i - 1], lex) is not None:
            month = lex.months.get(t.fold) or lex.day_months[t.fold]
            day = _day(tokens[i - 1], lex) if i > 0 else None
            if day is not None:
                first = i - 1
            elif i > 1 and tokens[i - 1].text == "." and _day(tokens[i - 2], lex) is not None:
                day, first = _day(tokens[i - 2], lex), i - 2  # "am 24. Februar"
            elif i > 1 and tokens[i - 1].fold in lex.date_links and _day(tokens[i - 2], lex) is not None:
                day, first = _day(tokens[i - 2], lex), i - 2  # "el 27 de marzo"
            elif i + 1 < n and _day(tokens[i + 1], lex) is not None and lex.month_before_day:
                day = _day(tokens[i + 1], lex)
                last = i + 1
            year = None
            j = last + 1
            if j < n and tokens[j].text == "," or j < n and tokens[j].fold in lex.date_links:
                j += 1  # "marzo de 2023"
            if j < n and _year(tokens[j]):
                year = _year(tokens[j])
                last = j
            relative = _relative_year(tokens, last + 1, lex, pub) if year is None and pub else None
            if relative is not None:
                year, last = relative
            if year is None and pub:
                nxt = tokens[last + 1].fold if last + 1 < n else ""
                year = pub[0]
                # "by June", "entro giugno", "will arrive in December": a month after the report's lies ahead
                ahead = _interval_cue(tokens, first, lex)[0] == "until" or _future(tokens, lex)
                if pub[1] and month > pub[1] and nxt not in lex.next_words and not ahead:
                    year -= 1  # "in April" in a January article is last April
                if nxt in lex.last_words:
                    last += 1
            if year is not None:
                value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
        elif _year(t) and not (i + 1 < n and (tokens[i + 1].fold in lex.calibre_units or _counts(tokens, i + 1, lex))):
            value = str(_year(t))
        else:
            m2 = lex.date_cues.match_at(tokens, i)
            if m2 and m2[1] in ("last_year", "this_year", "next_year") and pub:
                value = str(pub[0] + YEAR_OFFSETS[m2[1]])
                last = i + m2[0] - 1
            elif m2 and m2[1] in ("last_month", "this_month", "next_month") and pub and pub[1]:
                y, mo = pub[0], pub[1] + {"last_month": -1, "this_month": 0, "next_month": 1}[m2[1]]
                y, mo = (y - 1, 12) if mo == 0 else ((y + 1, 1) if mo == 13 else (y, mo))
                value = f"{y:04d}-{mo:02d}"
                last = i + m2[0] - 1
        if value is None:
            i += 1
            continue
        # an interval cue just before: "depuis novembre 2022", "since September", "until 2024"
        cue, s = _interval_cue(tokens, first, lex)
        if cue is not None:
            value = f"{value}/.." if cue == "since" else f"../{value}"
            first = s
        out.append(DateExpr(first, last, value))
        i = last + 1
    return out


YEAR_OFFSETS = {"last_year": -1, "this_year": 0, "next_year": 1}


def _relative_year(tokens: list[Token], k: int, lex: Lexicon, pub: tuple[int, int, int]) -> tuple[int, int] | None:
    """'in April last year', 'у квітні минулого року': the year a cue right after a month names, and the cue's last
    token; None when no such cue follows."""
    m = lex.date_cues.match_at(tokens, k) if k < len(tokens) else None
    if m is None or m[1] not in YEAR_OFFSETS:
        return None
    return pub[0] + YEAR_OFFSETS[m[1]], k + m[0] - 1


def _interval_cue(tokens: list[Token], first: int, lex: Lexicon) -> tuple[str | None, int]:
    """The interval cue ending right before a date ("since", "until"), and where it starts."""
    for back in (3, 2, 1):
        s = first - back
        if s < 0:
            continue
        c = lex.date_cues.match_at(tokens, s)
        if c and s + c[0] >= first - 1 and c[1] in ("since", "until"):
            return c[1], s
    return None, first


def _future(tokens: list[Token], lex: Lexicon) -> bool:
    """Does the sentence speak of the future ('will arrive', 'llegarán', 'arriveranno')?"""
    return any(t.future for t in tokens) or bool(lex.future.find_all(tokens))
