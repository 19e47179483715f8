"""Words the pages show for stored codes: enum values as labels ("air_defence" → "Air defence"), party codes
with their names ("IRN" → "Iran"), counted nouns ("1 report"), and the NATO Admiralty grade's meanings. Pure
functions, registered as Jinja filters and globals by `install`, so every template says things one way."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

from jinja2 import Environment

from armstrack.kb.loader import Party

# NATO Admiralty code (AJP-2.1): source reliability and information credibility, graded apart
RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}
CREDIBILITY = {1: "confirmed by other sources", 2: "probably true", 3: "possibly true", 4: "doubtful",
               5: "improbable", 6: "truth cannot be judged"}
# nouns whose plural is not noun + "s"
PLURALS = {"transfer": "transfers", "claim": "claims", "report": "reports", "origin": "origins",
           "independent origin": "independent origins", "change": "changes", "judgement": "judgements",
           "country": "countries", "quantity": "quantities", "search": "searches"}


@lru_cache(maxsize=1024)  # a list page labels every row's stage and category: a few dozen values in all
def enum_label(value: object) -> str:
    """A stored enum value as words: "air_defence" → "Air defence", "licensed_production" → "Licensed production"."""
    text = str(getattr(value, "value", value) or "").replace("_", " ").strip()
    if text.lower() == "uav":
        return "UAV"
    return text[:1].upper() + text[1:]


def plural(count: int, noun: str) -> str:
    """"1 report", "3 reports", "1,200 transfers"."""
    word = noun if count == 1 else PLURALS.get(noun, noun + "s")
    return f"{count:,} {word}"


def grade_meaning(code: str) -> str:
    """"B3" → "reliability B: usually reliable; credibility 3: possibly true"."""
    letter, digit = code[:1].upper(), int(code[1:] or 0)
    return (f"reliability {letter}: {RELIABILITY.get(letter, 'unknown')}; "
            f"credibility {digit}: {CREDIBILITY.get(digit, 'unknown')}")


def party_names(parties: Mapping[str, Party]) -> dict[str, str]:
    """Party code → the name a reader knows it by: a state's first English name, an actor's own name."""
    out: dict[str, str] = {}
    for code, p in parties.items():
        english = p.names.get("en") or next(iter(p.names.values()), ())
        out[code] = code[4:] if code.startswith("ORG:") else (english[0] if english else code)
    return out


class PartyNames:
    """Party code → name, read from the KB on first use (a page that shows no party never loads it)."""

    def __init__(self, parties: Callable[[], Mapping[str, Party]]) -> None:
        self._parties = parties
        self._names: dict[str, str] = {}

    def __call__(self, code: str | None) -> str:
        """A party code's name; "" for an unknown party or none, so a page shows the code alone."""
        if not self._names:
            self._names = party_names(self._parties())
        return self._names.get(code, "") if code else ""


def install(env: Environment) -> None:
    """Register the filters and the legend's tables."""
    env.filters["label"] = enum_label
    env.filters["plural"] = plural
    env.globals["RELIABILITY"] = RELIABILITY
    env.globals["CREDIBILITY"] = CREDIBILITY
