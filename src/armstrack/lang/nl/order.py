"""Dutch verb-second order: after a fronted adverbial the subject follows the finite verb.

"Vorige maand stuurde Nederland Oekraïne zes houwitsers", "Volgens Reuters leverde Iran drones aan Rusland",
"Voor Oekraïne koopt Nederland granaten in Zuid-Afrika": the name right after the finite transfer verb is its
subject. The core reads roles from position, so the subject is marked with the case "nom" here. Only prefields
that cannot be the subject count: a prepositional phrase ("Volgens Reuters", "In maart", "Aan Oekraïne", "Van de
VS") or a time or linking adverb ("Vorige maand", "Gisteren", "Daarnaast").

A subordinate clause is verb-final, and its subject comes first: "Het Kremlin ontkende dat Noord-Korea raketten
aan Rusland had geleverd" — the name right after the complementizer (or its article) is marked "nom" too, so the
main clause's subject before it is not read as the supplier.
"""

from __future__ import annotations

from armstrack.lang.base import Token
from armstrack.lang.lexicon import Lexicon

PREPOSITIONS = {"samen", "volgens", "in", "op", "na", "sinds", "tijdens", "rond", "medio", "voor", "aan", "van", "met",
                "bij", "via", "vanwege", "ondanks", "namens", "binnen", "tot", "vanaf", "door", "dankzij", "naast",
                "naar"}
NAME_PARTICLES = {"der", "den"}  # "Van der Burg", "Van den Brink": a surname, not a preposition
ADVERBIALS = {
    "begin", "eind", "eerder", "later", "vorige", "vorig",
    "afgelopen", "gisteren", "vandaag", "eergisteren", "inmiddels", "daarnaast", "bovendien", "ook", "toen", "nu",
    "intussen", "ondertussen", "al", "daarna", "daarvoor", "onlangs", "recent", "deze", "dit",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "kort", "eveneens",
    "tegelijk", "tegelijkertijd", "desondanks", "toch", "wel", "sindsdien", "half",
}
PREFIELD_REACH = 8  # tokens before the finite verb: "Samen met de Verenigde Staten en Tsjechië levert …"
CLAUSE_PUNCT = {",", ";", ":", "(", ")", "\"", "“", "”", "—", "–"}


def mark_inverted_subjects(toks: list[Token], lex: Lexicon) -> None:
    """Mark the bare name right after a finite transfer verb in second position as the subject ("nom")."""
    if not toks or toks[0].fold not in PREPOSITIONS | ADVERBIALS:
        return
    if len(toks) > 1 and toks[1].fold in NAME_PARTICLES:
        return
    for a, b, _trig in lex.triggers.find_all(toks):
        if a == 0 or not toks[a].text[:1].islower() or b >= len(toks) - 1:
            continue
        if any(t.text in CLAUSE_PUNCT for t in toks[:a]) or a > PREFIELD_REACH:
            continue  # the verb is not in second position of the sentence's main clause
        if toks[0].fold in ADVERBIALS and any(t.text[:1].isupper() for t in toks[1:a]):
            return  # "Ook Nederland levert …": the name before the verb is the subject
        subj = toks[b]
        if subj.text[:1].isupper() and subj.text[:1].isalpha():
            subj.case = subj.case or "nom"
        return


COMPLEMENTIZERS = {"dat", "of"}  # also a relative or demonstrative pronoun, and "or"
ARTICLES = {"de", "het", "een", "dit", "dat", "deze", "die"}
# finite auxiliaries: 'dat' after them is the demonstrative of their object ("zal dat materieel leveren")
AUXILIARY_FORMS = {"zal", "zullen", "zou", "zouden", "wil", "willen", "moet", "moeten", "gaat", "gaan", "kan",
                   "kunnen", "heeft", "hebben", "had", "hadden", "is", "zijn", "was", "waren", "wordt", "worden",
                   "werd", "werden"}
# not 'als' or 'sinds', also prepositions ("landen als Nederland", "sinds maart")
SUBORDINATORS = {"dat", "omdat", "nadat", "terwijl", "hoewel", "zodat", "doordat", "voordat", "of", "toen", "wanneer",
                 "indien", "tenzij"}


def mark_subordinate_subjects(toks: list[Token], articles: frozenset[str] | set[str]) -> None:
    """Mark the name opening a subordinate clause ("dat Noord-Korea …", "omdat de Verenigde Staten …") as its
    subject ("nom"). 'dat'/'of' count only after a verb form or a comma ("ontkende dat"): not the article in
    "dat materieel" or "of" as "or"."""
    for k, t in enumerate(toks[:-1]):
        if t.fold not in SUBORDINATORS or not t.text[:1].islower() or k == 0:
            continue
        if t.fold in COMPLEMENTIZERS and not complementizer(toks, k):
            continue
        j = k + 1
        if toks[j].fold in articles and j + 1 < len(toks):
            j += 1
        name = toks[j]
        if name.text[:1].isupper() and name.text[:1].isalpha() and not name.case:
            name.case = "nom"


def complementizer(toks: list[Token], k: int) -> bool:
    """Is 'dat'/'of' at k a complementizer, right after a comma or a verb ("ontkende dat", "bevestigen dat",
    "vraagt of")? Not after a noun ("het contract dat", "het wapen dat") nor before a noun ("dat materieel")."""
    if toks[k].fold not in COMPLEMENTIZERS or k == 0:
        return False
    prev = toks[k - 1]
    if prev.text == ",":
        return True
    verb_like = prev.lemma != prev.fold or prev.fold.endswith("en")
    # "het contract dat", "het nieuwe contract dat" (but "Het Kremlin ontkende dat")
    in_noun_phrase = k >= 2 and toks[k - 2].fold in ARTICLES or \
        k >= 3 and toks[k - 3].fold in ARTICLES and toks[k - 2].text[:1].islower()
    return prev.text[:1].islower() and verb_like and not in_noun_phrase and prev.fold not in AUXILIARY_FORMS
