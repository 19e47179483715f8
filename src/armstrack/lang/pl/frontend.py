"""Polish: simplemma lemmas, grammatical case from endings and the governing preposition, the «-by»
conditional and the future of perfective verbs.

Case carries direction in Polish as in Russian ("Niemcy przekazały Ukrainie": the dative receives; "do
Ukrainy", "z Korei" genitive; "w Polsce", "na Ukrainie" locative: a place, not a destination; "z Polską"
instrumental: together with). simplemma gives the lemma only, so a token's possible cases come from its
ending against its lemma ("Ukrainie" of "Ukraina": dative or locative) and the preposition before it picks one.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma

from armstrack.lang.base import BatchByOne, Sentence, Token, simple_lemma
from armstrack.lang.lexicon import Lexicon

GEN, DAT, ACC, INS, LOC, NOM = "gen", "dat", "acc", "ins", "loc", "nom"
# The cases each preposition governs, as written (unfolded: «ze» (from, with) is not «że» (that)).
PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "do": (GEN,), "od": (GEN,), "ode": (GEN,), "dla": (GEN,), "bez": (GEN,), "według": (GEN,), "u": (GEN,),
    "koło": (GEN,), "obok": (GEN,), "podczas": (GEN,), "wśród": (GEN,), "zamiast": (GEN,), "około": (GEN,),
    "spod": (GEN,), "zza": (GEN,), "sprzed": (GEN,), "wokół": (GEN,), "wobec": (GEN,), "z": (GEN, INS),
    "ze": (GEN, INS), "ku": (DAT,), "dzięki": (DAT,), "wbrew": (DAT,), "przeciw": (DAT,), "przeciwko": (DAT,),
    "przez": (ACC,), "na": (ACC, LOC), "w": (LOC, ACC), "we": (LOC, ACC), "o": (LOC, ACC), "po": (LOC, ACC),
    "przy": (LOC,), "za": (INS, ACC, GEN), "pod": (INS, ACC), "nad": (INS, ACC), "przed": (INS, ACC),
    "między": (INS, ACC), "pomiędzy": (INS,),
}
# Endings that name their case whatever the lemma says (the lemmatiser returns an unknown form as it is:
# "Stanów" → "Stanów"), longest first; then shorter ones that a lemma may end in too ("Rzym", "Kim", "Andrzej").
STRONG_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("owi", (DAT,)), ("ami", (INS,)), ("ymi", (INS,)), ("imi", (INS,)), ("emu", (DAT,)), ("ego", (GEN, ACC)),
    ("ach", (LOC,)), ("ech", (LOC,)), ("ych", (GEN, LOC)), ("ich", (GEN, LOC)), ("ów", (GEN,)),
)
# Place names whose nominative ends in the genitive plural's "-ów" (folded): Kyiv, Kharkiv, Lviv, Chișinău
NOMINATIVE_OW = frozenset({"kijow", "charkow", "lwow", "kiszyniow", "krakow", "rzeszow", "tarnow", "czernihow"})
WEAK_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ej", (GEN, DAT, LOC)), ("om", (DAT,)), ("ym", (INS, LOC)), ("im", (INS, LOC)), ("em", (INS,)),
)
# Perfective verbs: their non-past forms are future ("dostarczy", "przekaże", "kupią"), folded lemmas.
PERFECTIVE = frozenset({
    "dostarczyc", "przekazac", "wyslac", "przeslac", "sprzedac", "odsprzedac", "kupic", "zakupic", "nabyc",
    "pozyskac", "otrzymac", "dostac", "zamowic", "podpisac", "zawrzec", "wyeksportowac", "podarowac", "przerzucic",
    "wyposazyc", "zaopatrzyc", "dozbroic", "przydzielic", "zaoferowac", "zaproponowac", "obiecac", "odebrac",
    "sprowadzic", "zakontraktowac", "uzgodnic", "dotrzec", "trafic", "przybyc", "uzyczyc", "wypozyczyc",
    "przeznaczyc", "zaimportowac",
})
# Non-past endings of those verbs (3rd person, 1st plural); participles and verbal nouns end otherwise.
NON_PAST = ("y", "i", "a", "e", "ą", "my")
NOT_FINITE = ("ny", "na", "ne", "ty", "ta", "te", "cy", "ca", "ce", "nie", "cie", "ła", "ło", "ły", "li")


def case_candidates(text: str, lemma: str) -> tuple[str, ...]:
    """The cases a nominal form may be in, from its ending against its lemma (lemma folded)."""
    w = text.lower()
    f = w.translate(_FOLD)
    if w.endswith(("ę", "ą")) and len(w) > 2:
        return (ACC,) if w.endswith("ę") else (INS, ACC)  # Polskę; Polską (with: instrumental)
    if f in NOMINATIVE_OW:
        return (NOM, ACC)  # "Kijów czeka na dostawę": the capital, not a genitive plural
    for end, cases in STRONG_ENDINGS:
        if w.endswith(end) and len(w) > len(end) + 1:
            return cases
    if f == lemma:
        return (NOM,) if lemma.endswith("a") else (NOM, ACC)
    if f == lemma + "a" and text[:1].isupper():
        return (NOM, GEN, ACC)  # a name the lemmatiser does not know ("Łukaszenka" → "łukaszenk"): either reading
    for end, cases in WEAK_ENDINGS:
        if w.endswith(end) and len(w) > len(end) + 1:
            return cases
    if lemma.endswith("a"):  # Ukraina, Polska, Rosja, Korea
        if f.endswith("i") and lemma.endswith(("ia", "ja", "ea", "la")):
            return (GEN, DAT, LOC)  # Rosji, Korei, Brukseli
        if f.endswith("y") or f.endswith("i") and lemma.endswith(("ka", "ga")):
            return (GEN,)  # Ukrainy, Polski
        if f.endswith(("e", "i")):
            return (DAT, LOC)  # Ukrainie, Polsce
        return ()
    if f.endswith("u"):
        return (GEN, LOC)  # Iranu, Iraku
    if f.endswith("a") and not lemma.endswith(("y", "i")):
        return (GEN, ACC)  # Izraela, Kijowa
    if f.endswith("e") and not lemma.endswith(("y", "i")):
        return (LOC,)  # Iranie, Katarze
    if f.endswith(("y", "i")):
        return (NOM, ACC)  # Niemcy, Stany (plural)
    return (GEN,) if len(f) < len(lemma) else ()  # Chin, Węgier: a plural's bare genitive


_FOLD = str.maketrans("ąćęłńóśźż", "acelnoszz")


class PolishFrontend(BatchByOne):
    """Lemmas, case, conditional and future marks for Polish."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.code = "pl"
        self.conditional_suffixes = lexicon.conditional_suffixes
        give: set[str] = set()
        for first, bucket in lexicon.triggers.by_first.items():
            if any(len(words) == 1 and trig.role == "give" for words, trig in bucket):
                give.add(first)
        self.give_words = frozenset(give)
        self.copulas = lexicon.copulas  # "zostaną", "będą": between a clause-initial dative and its verb

    def analyse(self, sentence: Sentence) -> None:
        toks = sentence.tokens
        for t in toks:
            if t.text[:1].isalpha():
                t.lemma = simple_lemma(t.text, "pl")
                t.conditional = len(t.fold) > 5 and t.text.lower().endswith(self.conditional_suffixes)
                t.future = _perfective_non_past(t)
                if _verb(t):
                    t.pos = "VERB"  # an attribution ("według Reutersa") ends at the verb
        for i, t in enumerate(toks):
            if t.text[:1].isalpha() and t.text.lower() not in PREPOSITIONS and not _verb(t) and \
                    not (len(t.text) > 1 and t.text.isupper()):  # an acronym ("USA", "MON") does not inflect
                t.case = self._case(i, toks)
        sentence.analysed = True

    def _case(self, i: int, toks: list[Token]) -> str:
        t = toks[i]
        cands = case_candidates(t.text, t.lemma)
        if len(cands) <= 1:
            return cands[0] if cands else ""
        j = i - 1
        while j >= 0 and toks[j].text[:1].islower() and toks[j].text.lower() not in PREPOSITIONS and \
                toks[j].lemma.endswith(("y", "i")) and toks[j].lemma != toks[j].fold and i - j <= 2:
            j -= 1  # an agreeing adjective between: "do Republiki", "z samej Korei"
        prev = toks[j] if j >= 0 else None
        if prev is not None and prev.text.lower() in PREPOSITIONS:
            governed = PREPOSITIONS[prev.text.lower()]
            case = next((c for c in cands if c in governed), cands[0])
            # the core reads an instrumental party as "together with" (after "z") or as the passive agent; in
            # Polish the agent takes "przez", so an instrumental after another preposition ("przed Rosją") is neither
            return "" if case == INS and prev.text.lower() not in ("z", "ze") else case
        cands = tuple(c for c in cands if c not in (LOC, INS)) or ("",)  # no locative or agent without a preposition
        if NOM in cands and (prev is None or not prev.text[:1].isalnum()):
            return NOM  # a clause opens with its subject
        if ACC in cands and prev is not None and _verb(prev) and _named_subject_before(toks, j):
            return ACC  # "Turcja wyposażyła Azerbejdżan w drony": the subject is named, this is the object
        if DAT in cands and (prev is None or not prev.text[:1].isalnum()) and self._give_follows(i, toks):
            return DAT  # "Grecji zostaną przekazane śmigłowce": the clause opens with the recipient
        if DAT in cands and prev is not None and (prev.lemma in self.give_words or prev.fold in self.give_words
                                                  or prev.future or _verb(prev)):
            return DAT  # "przekazały Ukrainie", "sprzedała Korei"
        return cands[0]

    def _give_follows(self, i: int, toks: list[Token]) -> bool:
        """A delivery word right after the token, past a copula ("zostaną przekazane", "przekazano")."""
        for t in toks[i + 1:i + 4]:
            if t.lemma in self.give_words or t.fold in self.give_words:
                return True
            if t.text.lower() not in self.copulas:
                return False
        return False


def _named_subject_before(toks: list[Token], j: int) -> bool:
    """A nominative name earlier in the clause of the verb at j (no punctuation between)."""
    for t in reversed(toks[:j]):
        if not t.text[:1].isalnum():
            return False
        if t.case == NOM and t.text[:1].isupper():
            return True
    return False


@lru_cache(maxsize=100_000)
def _infinitive_lemma(word: str) -> bool:
    """Is the word's lemma an infinitive ("dostarczyć", "móc"), not a noun in -ec ("myśliwiec")?"""
    return simplemma.lemmatize(word, lang="pl").endswith(("ć", "c")) and not \
        simplemma.lemmatize(word, lang="pl").endswith("ec")


def _verb(t: Token) -> bool:
    """A finite or past verb form (its lemma an infinitive), not a noun or participle."""
    return t.lemma != t.fold and t.text[:1].islower() and not t.fold.endswith(NOT_FINITE) and _infinitive_lemma(t.text)


def _perfective_non_past(t: Token) -> bool:
    if t.lemma not in PERFECTIVE or t.lemma == t.fold:
        return False
    w = t.text.lower()
    return w.endswith(NON_PAST) and not w.endswith(NOT_FINITE)
