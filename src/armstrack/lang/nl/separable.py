"""Dutch separable verbs: in a main clause the particle closes the clause, far from its verb.

"Nederland zegt Oekraïne twintig tanks toe" is toezeggen (promise), "Frankrijk biedt Polen fregatten aan" is aanbieden,
"Duitsland stelt Litouwen houwitsers ter beschikking" is terbeschikkingstellen. When a clause ends in a particle and
particle + the lemma of a verb form in the clause is a word the lexicon knows, that verb gets the joined lemma (as the
German front-end does), so that it is read as that verb and no longer as the bare one ("zegt": a report verb).
"""

from __future__ import annotations

from typing import Any

from armstrack.lang.base import Token
from armstrack.lang.lexicon import Lexicon, PhraseIndex

PARTICLES = {"aan", "af", "door", "in", "mee", "na", "om", "op", "over", "toe", "uit", "terug", "goed", "vrij", "bij",
             "weg", "voor", "beschikbaar", "ter beschikking"}
COMPLEMENT_PREPOSITIONS = {"aan", "naar", "voor"}  # the recipient after a final particle ("beschikbaar voor Oekraïne")
CLAUSE_END = {",", ";", ":", ".", "!", "?", "(", ")", "\"", "“", "”", "—", "–", "«", "»"}


def rejoin_separable(toks: list[Token], lex: Lexicon) -> None:
    """Give the verb of each clause closed by a particle the lemma particle + verb when the lexicon knows it."""
    known: tuple[PhraseIndex[Any], ...] = (lex.triggers, lex.stage_cues, lex.report_verbs, lex.denials, lex.refusals)
    lo = 0
    for end in [k for k, t in enumerate(toks) if t.fold in CLAUSE_END] + [len(toks)]:
        particle, first = _closing_particle(toks, lo, _before_named_complement(toks, lo, end, lex))
        if particle:
            for w in toks[lo:first]:
                # a verb form is a word its lemma differs from ("zegt" → zeggen)
                if w.text[:1].islower() and w.lemma != w.fold and any(particle + w.lemma in idx for idx in known):
                    w.lemma = particle + w.lemma
                    break
        lo = end + 1


def _before_named_complement(toks: list[Token], lo: int, end: int, lex: Lexicon) -> int:
    """Where the clause ends before a final 'aan/naar/voor' + name ("draagt twaalf F-16's over aan Oekraïne"): the
    particle may stand before that complement; else the clause's end."""
    for m in range(end - 1, lo, -1):
        t = toks[m]
        if t.fold in COMPLEMENT_PREPOSITIONS:
            rest = toks[m + 1:end]
            if rest and all(w.text[:1].isupper() or w.fold in lex.articles for w in rest):
                return m
            break
        if not (t.text[:1].isupper() or t.fold in lex.articles):
            break
    return end


def _closing_particle(toks: list[Token], lo: int, end: int) -> tuple[str, int]:
    """The particle closing toks[lo:end] (joined, "terbeschikking") and the index where it starts; ("", end) if none."""
    for n in (2, 1):
        if end - n > lo:
            words = toks[end - n:end]
            if " ".join(w.fold for w in words) in PARTICLES and all(w.text[:1].islower() for w in words):
                return "".join(w.fold for w in words), end - n
    return "", end
