"""English mood from modal auxiliaries.

English has no synthetic conditional: 'would'/'could'/'might'/'may' + verb is the hedged or conditional mood
("Egypt would buy Su-35 jets if …", "Iran may have sent drones"). The front-end marks the verb the modal governs
conditional, as a French "livrerait" is: the first word after the modal, past adverbs ("also", "soon") and the
auxiliaries of the perfect and the passive. With the perfect ('would have delivered') the verb is also marked a
past participle, so its stage keeps the past; without it the conditional reads as a plan ("would deliver").

The core reads the mark near a trigger only, so 'the tanks, which would arrive next year' hedges its own verb and
not a contract signed in the same sentence.
"""

from __future__ import annotations

from armstrack.lang.base import LemmaFrontend, Sentence, Token
from armstrack.lang.lexicon import Lexicon

MODALS = {"would", "could", "might", "may"}
PERFECT = {"have"}
PASSIVE = {"be", "been"}
NEGATION = {"not", "never", "n't"}
REACH = 4  # words between a modal and the verb it governs ("would not also have been")


class EnglishFrontend(LemmaFrontend):
    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__("en", lexicon.conditional_suffixes)
        self.adverbs = lexicon.auxiliaries

    def analyse(self, sentence: Sentence) -> None:
        super().analyse(sentence)
        toks = sentence.tokens
        for i, t in enumerate(toks):
            if t.text in MODALS:  # lower case: "May" is a month
                _mark_governed_verb(toks, i, self.adverbs)


def _mark_governed_verb(toks: list[Token], i: int, adverbs: frozenset[str]) -> None:
    perfect = False
    for k in range(i + 1, min(len(toks), i + 1 + REACH)):
        t = toks[k]
        if t.fold in PERFECT:
            perfect = True
            continue
        if t.fold in PASSIVE or t.fold in NEGATION or t.fold in adverbs and t.fold not in MODALS:
            continue
        if t.text[:1].isalpha() and t.text[:1].islower():
            t.conditional = True
            t.past_participle = t.past_participle or perfect
        return
