"""Mood and tense from verb endings for Romance languages without a parser model (Spanish, Italian).

simplemma gives lemmas but no morphology, so a token is marked conditional ("habría", "entregaría",
"avrebbe", "fornirebbe") or future ("entregará", "consegnerà") when its lower-cased surface form ends in one
of the language's suffixes AND simplemma maps it to an infinitive. The lemma test keeps nouns such as
"artillería", "batería" or "arresti" out: they end like a conditional but are their own lemma.
A reflexive clitic right before a future verb ("se dotará de", "si doterà di") is marked future too: a pronominal
verb's phrase, and so its trigger, starts at the clitic.
"""

from __future__ import annotations

import unicodedata

from armstrack.lang.base import LemmaFrontend, Sentence


class SuffixMoodFrontend(LemmaFrontend):
    def __init__(self, code: str, conditional_suffixes: tuple[str, ...], future_suffixes: tuple[str, ...],
                 infinitive_endings: tuple[str, ...], reflexive_clitics: tuple[str, ...] = ()) -> None:
        # the base class would match suffixes on folded forms ("ría" → "ria", so "artillería"); this one keeps
        # the accents and checks the lemma, so the base class gets none
        super().__init__(code)
        self.verb_conditional_suffixes = tuple(_lower(s) for s in conditional_suffixes)
        self.verb_future_suffixes = tuple(_lower(s) for s in future_suffixes)
        self.infinitive_endings = infinitive_endings
        self.reflexive_clitics = reflexive_clitics

    def analyse(self, sentence: Sentence) -> None:
        super().analyse(sentence)
        for t in sentence.tokens:
            if not t.text[:1].isalpha() or len(t.fold) < 5:
                continue
            if t.lemma == t.fold or not t.lemma.endswith(self.infinitive_endings):
                continue  # not an inflected verb form
            surface = _lower(t.text)
            if self.verb_conditional_suffixes and surface.endswith(self.verb_conditional_suffixes):
                t.conditional = True
            elif self.verb_future_suffixes and surface.endswith(self.verb_future_suffixes):
                t.future = True
        for clitic, verb in zip(sentence.tokens, sentence.tokens[1:], strict=False):
            if verb.future and clitic.fold in self.reflexive_clitics:
                clitic.future = True


def _lower(s: str) -> str:
    return unicodedata.normalize("NFC", s.lower())
