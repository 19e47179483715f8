"""Compound nouns read by their head: 'Aufklärungsdrohnen' and 'verkenningsdrones' are drones, 'Taurus-Marschflugkörper'
cruise missiles, for every compound the lexicon does not list.

German and Dutch write noun compounds as one word, so a lexicon cannot list them all. A compound whose final part
(after its last hyphen, or a closed-compound suffix) is a generic item word of the lexicon gets that part as its
lemma, which the lexicon's `generic_items` then match; an umbrella head after a modifier that names a kind of
item ('Luftverteidigungswaffen') takes the modifier instead. The word data (civil modifiers such as 'Passagier-' or
'Rettungs-', heads such as 'Schuss' that end unrelated words like 'Ausschuss') is each language's `CompoundRules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from armstrack.lang.base import Token, tokenize
from armstrack.lang.lexicon import Lexicon, PhraseIndex


@dataclass(frozen=True)
class CompoundRules:
    nouns_capitalised: bool  # German capitalises nouns; Dutch does not
    excluded_heads: frozenset[str]  # never split off: 'schuss' ends 'Ausschuss', 'Zuschuss'
    civil_modifiers: tuple[str, ...]  # a modifier ending so makes the thing civil: 'passagier', 'rettungs'
    umbrella_heads: frozenset[str]  # umbrella words allowed as a head ('waffen': 'Angriffswaffen'), not 'material'
    guarded_heads: frozenset[str]  # heads that need a military modifier: 'technologie' ('Umwelttechnologie')
    military_modifiers: tuple[str, ...]  # such modifiers: 'raketen', 'satelliten', 'militar'
    min_head: int = 5
    min_modifier: int = 3


SUSPENDED_REACH = 4  # tokens from a suspended modifier's hyphen to the compound that completes it


def complete_suspended_compounds(tokens: list[Token], lex: Lexicon, rules: CompoundRules) -> None:
    """'Kampf- und Schützenpanzer', '24 Flak- und sechs Bergepanzer', 'gevechts- en transporthelikopters': a modifier
    whose hyphen stands for the head of the compound after the conjunction is that compound; its lemma becomes the
    whole word when the lexicon knows it as an item, else the shared head."""
    for i in range(len(tokens) - 2):
        t, dash = tokens[i], tokens[i + 1]
        if dash.text != "-" or dash.start != t.end or not t.text.isalpha() or \
                (i + 2 < len(tokens) and tokens[i + 2].start == dash.end):
            continue  # not a hyphen closing a word before a space ('Flak- und'), nor one inside a word
        if tokens[i + 2].fold not in lex.coordinators and tokens[i + 2].text != ",":
            continue
        final = next((tokens[k] for k in range(i + 3, min(len(tokens), i + 3 + SUSPENDED_REACH))
                      if tokens[k].text[:1].isalpha() and len(tokens[k].fold) >= rules.min_head + 2
                      and (tokens[k].text[:1].isupper() or not rules.nouns_capitalised)), None)
        if final is None:
            continue
        whole = (t.fold + final.fold[k:] for k in range(rules.min_modifier, len(final.fold) - rules.min_head + 1))
        t.lemma = next((w for w in whole if lex.generic_items.match_at(tokenize(w, 0), 0)), None) or \
            item_head(final.fold, lex, rules) or t.lemma


def mark_compound_heads(tokens: list[Token], lex: Lexicon, rules: CompoundRules) -> None:
    """Give each unlisted compound whose head is a generic item word the head as its lemma (folded)."""
    known = _known_lists(lex)
    for i, t in enumerate(tokens):
        if len(t.fold) < rules.min_head + rules.min_modifier or not t.text[:1].isalpha():
            continue
        if rules.nouns_capitalised and not t.text[:1].isupper():
            continue
        if any(idx.match_at(tokens, i) for idx in known):
            continue  # the lexicon knows the whole word ('Luftwaffe' is an institution, not a weapon)
        head = item_head(t.fold, lex, rules)
        if head:
            t.lemma = head


def item_head(word: str, lex: Lexicon, rules: CompoundRules) -> str | None:
    """The longest final part of a folded compound that is a generic item word and may stand for it, or None."""
    parts = word.split("-")
    last = parts[-1]
    offset = len(word) - len(last)
    starts = ([0] if len(parts) > 1 else []) + list(range(rules.min_modifier, len(last) - rules.min_head + 1))
    for k in starts:
        head = last[k:]
        modifier = word[:offset + k].rstrip("-")
        if len(head) < rules.min_head or head in rules.excluded_heads or not modifier:
            continue
        gen = _generic(head, lex.generic_items)
        if gen is None:
            continue
        if gen.umbrella and head not in rules.umbrella_heads:
            return None
        if modifier.endswith(rules.civil_modifiers):
            return None
        if head in rules.guarded_heads and not modifier.endswith(rules.military_modifiers):
            return None
        return (_item_modifier(modifier, lex) if gen.umbrella else None) or head
    return None


def _item_modifier(modifier: str, lex: Lexicon) -> str | None:
    """'Luftverteidigungswaffen', 'dronebestrijdingswapens': weapons of a kind the modifier names."""
    for cand in dict.fromkeys((modifier, modifier.removesuffix("s"))):
        gen = _generic(cand, lex.generic_items)
        if gen is not None and not gen.umbrella:
            return cand
    return None


def _generic(head: str, idx: PhraseIndex[Any]) -> Any:
    m = idx.match_at([Token(head, 0, len(head), head, head)], 0)
    return m[1] if m and m[0] == 1 else None


def _known_lists(lex: Lexicon) -> tuple[PhraseIndex[Any], ...]:
    return (lex.generic_items, lex.triggers, lex.stage_cues, lex.institution_heads, lex.source_nouns, lex.hedges,
            lex.denials, lex.measure_words, lex.non_transfer, lex.services, lex.technology, lex.possession,
            lex.org_heads)
