"""Dutch mood and tense from modal auxiliaries.

Dutch has no synthetic conditional or future: 'zou'/'zouden' + verb is the hedging conditional ("Iran zou
drones hebben geleverd" = Iran reportedly delivered drones) and 'zal'/'zullen' + verb the future. The main
verb sits at the end of the clause, often far from its auxiliary, so the marks are spread over the rest of
the clause (and over a participle right before the auxiliary, "dat Iran drones geleverd zou hebben"):

- after 'zou'/'zouden' every word is marked conditional; with the perfect auxiliaries 'hebben'/'zijn' in the
  clause they are also marked past participles, so the stage keeps the past ("zou hebben geleverd"), while
  without them the conditional reads as future-in-the-past ("zou leveren", "zou worden geleverd");
- after 'zal'/'zullen'/'zult' every word is marked future.

The auxiliaries themselves are not marked, and 'zou' gets its own lemma so that lexicon entries for
'zullen' (future) do not match it.
"""

from __future__ import annotations

import re

from armstrack.lang.base import LemmaFrontend, Sentence, Token
from armstrack.lang.compounds import mark_compound_heads
from armstrack.lang.lexicon import Lexicon
from armstrack.lang.nl.compounds import RULES as COMPOUNDS
from armstrack.lang.nl.order import mark_inverted_subjects
from armstrack.lang.nl.separable import rejoin_separable

CONDITIONAL = {"zou", "zouden", "zoudt"}
FUTURE = {"zal", "zullen", "zult"}
PERFECT = {"hebben", "zijn"}
AUXILIARIES = CONDITIONAL | FUTURE | PERFECT | {"worden", "kunnen", "moeten", "willen", "mogen"}
CLAUSE_END = {",", ";", ":", ".", "!", "?", "(", ")", "\"", "«", "»", "“", "”", "—", "–", "omdat", "terwijl", "maar",
              "want", "nadat", "hoewel", "zodat", "doordat", "waarna", "wanneer", "aldus", "volgens"}
MAX_SPAN = 15
PARTICIPLE = re.compile(r"^(aan|af|door|in|mee|na|om|op|over|toe|uit|ter|weg)?ge\w{2,}(d|t|n)$")


class DutchFrontend(LemmaFrontend):
    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__("nl", lexicon.conditional_suffixes)
        self.lex = lexicon

    def analyse(self, sentence: Sentence) -> None:
        super().analyse(sentence)
        toks = sentence.tokens
        mark_compound_heads(toks, self.lex, COMPOUNDS)  # "verkenningsdrones" → drones
        rejoin_separable(toks, self.lex)  # "zegt … toe" → toezeggen
        mark_inverted_subjects(toks, self.lex)
        for i, t in enumerate(toks):
            if t.fold in CONDITIONAL:
                t.lemma = "zou"
                self._spread(toks, i, conditional=True)
            elif t.fold in FUTURE:
                self._spread(toks, i, conditional=False)

    @staticmethod
    def _spread(toks: list[Token], i: int, conditional: bool) -> None:
        span: list[Token] = []
        perfect = False
        for t in toks[i + 1:i + 1 + MAX_SPAN]:
            if t.fold in CLAUSE_END or t.fold in CONDITIONAL or t.fold in FUTURE:
                break
            if t.fold in PERFECT:
                perfect = True
            if t.fold in AUXILIARIES or not t.text[:1].isalpha():
                continue
            span.append(t)
        if i > 0 and _participle(toks[i - 1]):
            span.insert(0, toks[i - 1])
        for t in span:
            if conditional:
                t.conditional = True
                t.past_participle = perfect
            else:
                t.future = True


def _participle(t: Token) -> bool:
    return t.lemma != t.fold and bool(PARTICIPLE.match(t.fold))
