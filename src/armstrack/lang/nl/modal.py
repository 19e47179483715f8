"""Dutch mood and tense from modal auxiliaries.

Dutch has no synthetic conditional or future: 'zou'/'zouden' + verb is the hedging conditional ("Iran zou
drones hebben geleverd" = Iran reportedly delivered drones) and 'zal'/'zullen' + verb the future. The main
verb sits at the end of the clause, often far from its auxiliary, so the marks are spread over the rest of
the clause (and over a participle right before the auxiliary, "dat Iran drones geleverd zou hebben"):

- after 'zou'/'zouden' every word is marked conditional; with the perfect auxiliaries 'hebben'/'zijn' in the
  clause they are also marked past participles, so the stage keeps the past ("zou hebben geleverd"), while
  without them the conditional reads as future-in-the-past ("zou leveren", "zou worden geleverd");
- after 'zal'/'zullen'/'zult' every word is marked future, and so after the verbs that Dutch uses as a future
  with an infinitive: 'gaan' ("Nederland en Denemarken gaan F-16's leveren"), 'willen' and 'moeten' ("Roemenië
  moet volgend jaar F-35's ontvangen") — but not 'gaat om' (concerns) or 'gaat over' (is about).

The spread stops at the clause's end: punctuation, a subordinator, or 'dat' right after a verb ("Iran wil niet
bevestigen dat het drones heeft geleverd": the delivery is not what is wanted).

The auxiliaries themselves are not marked, and 'zou' gets its own lemma so that lexicon entries for
'zullen' (future) do not match it.
"""

from __future__ import annotations

import re

from armstrack.lang.base import LemmaFrontend, Sentence, Token
from armstrack.lang.compounds import complete_suspended_compounds, mark_compound_heads
from armstrack.lang.lexicon import Lexicon
from armstrack.lang.nl.compounds import RULES as COMPOUNDS
from armstrack.lang.nl.order import complementizer, mark_inverted_subjects, mark_subordinate_subjects
from armstrack.lang.nl.separable import rejoin_separable

CONDITIONAL = {"zou", "zouden", "zoudt"}
FUTURE = {"zal", "zullen", "zult"}
# verbs that read as a future with an infinitive; 'gaat om' (concerns) and 'gaat over' (is about) do not
INTENT = {"gaat", "gaan", "ging", "gingen", "wil", "willen", "wilde", "wilden", "moet", "moeten",
          "kan", "kunnen"}  # "kan … bestellen": a possible order lies ahead
NOT_INTENT_AFTER = {"om", "over", "door", "akkoord", "uit"}
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
        complete_suspended_compounds(toks, self.lex, COMPOUNDS)  # 'Kampf- und Schützenpanzer'
        mark_compound_heads(toks, self.lex, COMPOUNDS)  # "verkenningsdrones" → drones
        rejoin_separable(toks, self.lex)  # "zegt … toe" → toezeggen
        mark_inverted_subjects(toks, self.lex)
        mark_subordinate_subjects(toks, self.lex.articles)
        for i, t in enumerate(toks):
            if t.fold in CONDITIONAL:
                t.lemma = "zou"
                self._spread(toks, i, conditional=True)
            elif t.fold in FUTURE or t.fold in INTENT and not _intent_idiom(toks, i):
                self._spread(toks, i, conditional=False)

    @staticmethod
    def _spread(toks: list[Token], i: int, conditional: bool) -> None:
        span: list[Token] = []
        perfect = False
        for k in range(i + 1, min(len(toks), i + 1 + MAX_SPAN)):
            t = toks[k]
            if t.fold in CLAUSE_END or t.fold in CONDITIONAL or t.fold in FUTURE or complementizer(toks, k):
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


def _intent_idiom(toks: list[Token], i: int) -> bool:
    """'het gaat om 18 F-16's' (concerns), 'gaat akkoord' (agrees): 'gaan' with no infinitive to govern."""
    return toks[i].fold.startswith("g") and i + 1 < len(toks) and toks[i + 1].fold in NOT_INTENT_AFTER


def _participle(t: Token) -> bool:
    return t.lemma != t.fold and bool(PARTICIPLE.match(t.fold))
