"""Dutch verb-second order: after a fronted adverbial the subject follows the finite verb.

"Vorige maand stuurde Nederland Oekraïne zes houwitsers", "Volgens Reuters leverde Iran drones aan Rusland":
the name right after the finite transfer verb is its subject. The core reads roles from position, so the
subject is marked with the case "nom" here. Only prefields that cannot be the subject count: a preposition
("Volgens Reuters", "In maart") or a time or linking adverb ("Vorige maand", "Gisteren", "Daarnaast").
"""

from __future__ import annotations

from armstrack.lang.base import Token
from armstrack.lang.lexicon import Lexicon

PREPOSITIONS = {"volgens", "in", "op", "na", "sinds", "tijdens", "rond", "medio"}
ADVERBIALS = {
    "begin", "eind", "eerder", "later", "vorige", "vorig",
    "afgelopen", "gisteren", "vandaag", "eergisteren", "inmiddels", "daarnaast", "bovendien", "ook", "toen", "nu",
    "intussen", "ondertussen", "al", "daarna", "daarvoor", "onlangs", "recent", "deze", "dit",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "kort", "eveneens",
    "tegelijk", "tegelijkertijd", "desondanks", "toch", "wel", "sindsdien", "half",
}
CLAUSE_PUNCT = {",", ";", ":", "(", ")", "\"", "“", "”", "—", "–"}


def mark_inverted_subjects(toks: list[Token], lex: Lexicon) -> None:
    """Mark the bare name right after a finite transfer verb in second position as the subject ("nom")."""
    if not toks or toks[0].fold not in PREPOSITIONS | ADVERBIALS:
        return
    for a, b, _trig in lex.triggers.find_all(toks):
        if a == 0 or not toks[a].text[:1].islower() or b >= len(toks) - 1:
            continue
        if any(t.text in CLAUSE_PUNCT for t in toks[:a]) or a > 6:
            continue  # the verb is not in second position of the sentence's main clause
        if toks[0].fold in ADVERBIALS and any(t.text[:1].isupper() for t in toks[1:a]):
            return  # "Ook Nederland levert …": the name before the verb is the subject
        subj = toks[b]
        if subj.text[:1].isupper() and subj.text[:1].isalpha():
            subj.case = subj.case or "nom"
        return
