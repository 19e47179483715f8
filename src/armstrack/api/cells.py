"""The HTML of the values table cells repeat — a party with its name, a grade badge, a quantity range — written in
Python rather than as template macros: a list page draws fifty rows of them, and a Jinja macro call costs ten times
the string it returns. Registered as template globals by `install`; parties and badges are kept per value."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from armstrack.api.labels import grade_meaning

KEPT = 4096  # distinct badges kept (a grade and its probability): a store has far fewer


@lru_cache(maxsize=KEPT)
def badge(code: str, why: str = "") -> Markup:
    """A grade code as a badge: reliability letter outlined, credibility digit filled; its meaning (and `why`) on
    hover."""
    title = escape(grade_meaning(code)) + (Markup("; ") + escape(why) if why else "")
    letter, digit = escape(code[:1]), escape(code[1:2])
    return Markup(f'<abbr class="grade" title="{title}"><span class="rel rel-{letter}">{letter}</span>'
                  f'<span class="cred cred-{digit}">{digit}</span></abbr>')


def grade(t: Mapping[str, Any]) -> Markup:
    """A transfer's grade badge: the grade it has (an analyst's, else the computed one); the computed grade is named
    beside an analyst's, and the probability only ever beside the computed grade it belongs to."""
    if t["regrade_judgement"] is None:
        return badge(t["grade"], f"computed grade, probability {t['probability']:.2f}")
    why = f"analyst grade (judgement {t['regrade_judgement']}); computed {t['computed_grade']}, " \
          f"probability {t['probability']:.2f}"
    return badge(t["grade"], why) + Markup(' <small class="computed">computed: {}</small>').format(t["computed_grade"])


def quantity(lo: float | None, hi: float | None) -> Markup:
    """A quantity range: "100", "100–150", "" for none."""
    if lo is None:
        return Markup("")
    return Markup(f"{lo:,.0f}" + (f"–{hi:,.0f}" if hi is not None and hi != lo else ""))


def party_cell(names: Callable[[str | None], str]) -> Callable[[str | None], Markup]:
    """A party code with its name beside it: "Iran IRN"; an unknown party is "?"."""
    @lru_cache(maxsize=KEPT)
    def party(code: str | None) -> Markup:
        if not code:
            return Markup("?")
        name = names(code)
        if name and name != code:
            return Markup('<span class="party">{} <span class="code">{}</span></span>').format(name, code)
        return Markup('<span class="party">{}</span>').format(code)
    return party


def install(env: Environment, names: Callable[[str | None], str]) -> None:
    """Register the cells as template globals; `names` gives a party code's name (labels.PartyNames)."""
    env.globals.update(badge=badge, grade=grade, quantity=quantity, party=party_cell(names))
