"""Russian and Ukrainian: lemmas and grammatical case from pymorphy3, the «бы» conditional and future tense.

Case is what carries direction in these languages ("поставки Ирана России": the genitive supplies, the
dative receives), but most country names are ambiguous out of context (России = gen/dat/loc). The
front-end therefore picks a token's case from its parses *and* its left context: the governing
preposition, a verb right before it, a delivery verb or noun earlier in the phrase.

The analyser loads once per process, lazily on the first `analyse()`; instances hold only plain data
(strings and sets), so a front-end pickles cheaply into worker processes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from armstrack.errors import UnsupportedLanguage
from armstrack.lang.base import BatchByOne, Sentence, Token, fold
from armstrack.lang.lexicon import Lexicon, PhraseIndex

CASES = {"nomn": "nom", "gent": "gen", "gen1": "gen", "gen2": "gen", "datv": "dat", "accs": "acc", "acc2": "acc",
         "ablt": "ins", "loct": "loc", "loc1": "loc", "loc2": "loc"}
NOMINAL = {"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"}
VERBAL = {"VERB", "INFN", "PRTS", "GRND"}
MODIFIERS = {"ADJF", "PRTF"}  # agree with the noun they precede: skipped when looking for the governor
UD_POS = {"NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB", "PRTF": "VERB",
          "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM", "NUMB": "NUM", "ADVB": "ADV", "NPRO": "PRON", "PRED": "ADV",
          "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ", "LATN": "X", "PNCT": "PUNCT",
          "UNKN": "X", "ROMN": "NUM"}
NAMES = {"Surn", "Name", "Patr"}

# The cases each preposition governs (Russian and Ukrainian, folded).
_GEN = ("gen",)
PREPOSITIONS: dict[str, tuple[str, ...]] = {
    # Russian
    "в": ("acc", "loc"), "во": ("acc", "loc"), "на": ("acc", "loc"), "о": ("loc", "acc"), "об": ("loc", "acc"),
    "обо": ("loc",), "при": ("loc",), "по": ("dat", "loc", "acc"), "к": ("dat",), "ко": ("dat",),
    "из": _GEN, "изо": _GEN, "от": _GEN, "ото": _GEN, "у": ("gen", "acc", "loc"), "до": _GEN, "без": _GEN,
    "для": _GEN, "около": _GEN, "вокруг": _GEN, "после": _GEN, "против": _GEN, "среди": _GEN, "кроме": _GEN,
    "вместо": _GEN, "ради": _GEN, "возле": _GEN, "из-за": _GEN, "из-под": _GEN, "со": ("ins", "gen"),
    "с": ("ins", "gen", "acc"), "за": ("ins", "acc", "gen"), "под": ("ins", "acc"), "подо": ("ins", "acc"),
    "над": ("ins",), "надо": ("ins",), "перед": ("ins",), "передо": ("ins",), "между": ("ins",),
    "через": ("acc",), "про": ("acc",), "сквозь": ("acc",), "благодаря": ("dat",), "согласно": ("dat",),
    "вопреки": ("dat",), "навстречу": ("dat",), "помимо": _GEN, "посредством": _GEN,
    # Ukrainian (в, у, на, по, при, за, під, над, перед, про, через, до, для, без: as above)
    "уві": ("acc", "loc"), "від": _GEN, "од": _GEN, "з": ("gen", "ins", "acc"), "із": ("gen", "ins", "acc"),
    "зі": ("gen", "ins", "acc"), "біля": _GEN, "після": _GEN, "серед": _GEN, "крім": _GEN, "замість": _GEN,
    "проти": _GEN, "щодо": _GEN, "коло": _GEN, "між": ("ins",), "під": ("ins", "acc"), "крізь": ("acc",),
    "завдяки": ("dat",), "згідно": ("ins",), "ку": ("dat",),
}
# Quantity words a delivery verb's object may start with ("передал около 2600 …", "передав понад 100 …").
QUANTITY_WORDS = {"около", "более", "свыше", "порядка", "почти", "до", "не", "менее", "примерно", "приблизительно",
                  "как", "минимум", "максимум", "по", "меньшей", "мере", "крайней", "близько", "понад", "більше",
                  "щонайменше", "приблизно", "майже", "менше", "тысяч", "тыс", "млн", "тисяч", "тис", "еще", "ещё",
                  "ще", "также", "також", "уже", "вже"}
COORDINATORS = {"и", "і", "й", "та", ","}
CONDITIONAL_PARTICLES = {"бы", "б", "би"}
FUTURE_AUX = {"быть", "бути", "стать", "стати"}
# A verb of obligation whose infinitive names a future event: Ukrainian «має отримати», «мають передати» (is to get)
OBLIGATION_AUX = {"мати"}
APOSTROPHES = "'’`"
MODIFIER_APOSTROPHE = "\u02bc"
QUOTES = set("«»\"“”„'’")


@dataclass(frozen=True)
class Reading:
    """One parse of a word, reduced to what extraction needs (hashable, picklable)."""

    lemma: str
    pos: str
    case: str
    tags: frozenset[str]


@lru_cache(maxsize=2)
def morph_analyzer(lang: str) -> Any:
    """The pymorphy3 analyser for 'ru' or 'uk', built once per process."""
    try:
        import pymorphy3
    except ImportError as e:  # pragma: no cover - a packaging error
        raise UnsupportedLanguage("pymorphy3 is not installed (pip install pymorphy3 pymorphy3-dicts-ru "
                                  "pymorphy3-dicts-uk)") from e
    try:
        return pymorphy3.MorphAnalyzer(lang=lang)
    except (ValueError, OSError, KeyError) as e:
        raise UnsupportedLanguage(f"no pymorphy3 dictionary for {lang!r} (pip install pymorphy3-dicts-{lang})") from e


@lru_cache(maxsize=300_000)
def readings(word: str, lang: str) -> tuple[Reading, ...]:
    """The parses of a word, most likely first; a lower-case word is not read as a surname or first name
    when a common-word parse exists (Ukrainian «надала» is a verb, not the surname Надал). A word with a letter
    Unicode gives no name (Tangut) has none: pymorphy3 tells a letter's script by its name and raises."""
    if any(ch.isalpha() and not unicodedata.name(ch, "") for ch in word):
        return ()
    parses = morph_analyzer(lang).parse(word.replace(MODIFIER_APOSTROPHE, "'").replace("’", "'"))
    out: list[Reading] = []
    for p in parses:
        tag = p.tag
        grammemes = frozenset(str(g) for g in tag.grammemes)
        pos = str(tag.POS or next(iter(grammemes & set(UD_POS)), "UNKN"))
        case = CASES.get(str(tag.case), "") if tag.case else ""
        out.append(Reading(str(p.normal_form), pos, case, grammemes))
    if word[:1].islower():
        common = [r for r in out if not r.tags & NAMES]
        out = common or out
    elif len(word) > 1 and word.isupper():
        # an acronym the dictionary does not list (БПЛА, РСЗО) is not a guessed verb or adjective
        out = [r for r in out if "Abbr" in r.tags]
    return tuple(out)


@lru_cache(maxsize=50_000)
def nominative(word: str, lang: str, case: str) -> str | None:
    """The nominative singular of a personal name's word read in `case` («Джона» gen: «джон», «Зеленского»:
    «зеленский», «Захаровой»: «захарова»), lower case; None when no parse in that case inflects."""
    want = {c for c, ours in CASES.items() if ours == case}
    for p in morph_analyzer(lang).parse(word):
        if str(p.tag.case) in want and p.tag.POS in ("NOUN", "ADJF") and p.tag.number != "plur":
            form = p.inflect({"nomn"})
            if form is not None:
                return str(form.word)
    return None


def _pos_set(rs: tuple[Reading, ...]) -> set[str]:
    return {r.pos for r in rs}


def _verbal(rs: tuple[Reading, ...]) -> bool:
    """A verb form, including passive participles (Ukrainian dictionaries file «передані» as an adjective)."""
    if not rs or any(r.pos == "NOUN" for r in rs):
        return False
    best = rs[0]
    return best.pos in VERBAL or (best.pos in ("ADJF", "ADJS", "PRTF") and "pssv" in best.tags)


def _agree_modifiers(toks: list[Token], rs: list[tuple[Reading, ...]]) -> None:
    """An adjective takes the case of the noun it modifies: «пакет немецкой помощи» — «немецкой» (gen, dat, ins or
    loc alone) is genitive with «помощи», a demonym of the aid's giver, not a dative receiver."""
    for i in range(len(toks) - 1, -1, -1):
        if not (rs[i] and rs[i][0].pos in MODIFIERS):
            continue
        k = i + 1
        while k < len(toks) and rs[k] and rs[k][0].pos in MODIFIERS:
            k += 1
        if k >= len(toks) or not rs[k] or rs[k][0].pos != "NOUN" or not toks[k].case:
            continue
        if toks[k].case in {r.case for r in rs[i] if r.pos in MODIFIERS}:
            toks[i].case = toks[k].case


def _same_case_noun(a: tuple[Reading, ...], b: tuple[Reading, ...]) -> bool:
    """Two nouns that can stand in one case: conjuncts of one phrase («восстановление и предоставление»)."""
    return bool(a) and a[0].pos == "NOUN" and bool({r.case for r in a if r.pos == "NOUN"} &
                                                   {r.case for r in b if r.pos == "NOUN"} - {""})


def _subject_before(toks: list[Token], j: int) -> bool:
    """A nominative noun or name earlier in the clause of the verb at j (no punctuation between)."""
    for t in reversed(toks[:j]):
        if not t.text[:1].isalnum():
            return False
        if t.case == "nom" and t.pos in ("NOUN", "PROPN"):
            return True
    return False


def _vocabulary(lexicon: Lexicon) -> set[str]:
    """Every word of every lexicon phrase (folded)."""
    words: set[str] = set()
    indexes: list[PhraseIndex[Any]] = [v for v in vars(lexicon).values() if isinstance(v, PhraseIndex)]
    indexes += list(lexicon.markers.values())
    for idx in indexes:
        for bucket in idx.by_first.values():
            for phrase, _payload in bucket:
                words.update(phrase)
    return words


class SlavicFrontend(BatchByOne):
    """Lemmas, case, conditional and future marks for Russian ('ru') and Ukrainian ('uk')."""

    def __init__(self, code: str, lexicon: Lexicon | None = None) -> None:
        self.code = code
        give_words: set[str] = set()
        if lexicon is not None:
            for first, bucket in lexicon.triggers.by_first.items():
                if any(len(words) == 1 and trig.role == "give" for words, trig in bucket):
                    give_words.add(first)
        self.give_words = frozenset(give_words)  # one-word supply triggers: verbs and nouns
        # one-word triggers of any role: an event noun among them takes the tense of the verb governing it
        self.trigger_words = frozenset(first for first, bucket in lexicon.triggers.by_first.items()
                                       if any(len(words) == 1 for words, _ in bucket)) if lexicon else frozenset()
        self.vocabulary = frozenset(_vocabulary(lexicon)) if lexicon is not None else frozenset()

    # -- analysis --------------------------------------------------------------------------------
    def analyse(self, sentence: Sentence) -> None:
        toks = sentence.tokens
        rs: list[tuple[Reading, ...]] = [()] * len(toks)
        for i, t in enumerate(toks):
            if t.text[:1].isalpha():
                rs[i] = readings(t.text, self.code)
                if "-" in t.text and rs[i] and fold(rs[i][0].lemma) == t.fold:
                    rs[i] = self._hyphenated(t, rs[i])
        joined = self._join_apostrophes(toks, rs)
        for i, t in enumerate(toks):
            if not rs[i]:
                continue
            best = rs[i][0]
            if i not in joined:
                t.lemma = fold(self._lemma(t, rs[i]))
            t.pos = UD_POS.get(best.pos, "X")
            if best.tags & NAMES or ("Geox" in best.tags or "Orgn" in best.tags) and t.text[:1].isupper():
                t.pos = "PROPN"
            # Ukrainian «поставить», «відправлять» read first as colloquial infinitives; beside a future reading (of the
            # same verb, or of its perfective: «відправлять» is also «відправити»'s 3rd plural) they are one
            t.future = best.pos in VERBAL and ("futr" in best.tags or "infn" in best.tags and any(
                "futr" in r.tags for r in rs[i]))
            t.past_participle = best.pos in ("PRTF", "PRTS") and "past" in best.tags
        for i, t in enumerate(toks):
            t.case = self._case(i, toks, rs)
        _agree_modifiers(toks, rs)
        self._mark_name_citations(toks, rs)
        self._mark_future_passives(toks, rs)
        self._mark_obligations(toks, rs)
        self._mark_future_events(toks, rs)
        self._mark_conditional(toks, rs)
        sentence.analysed = True

    def _lemma(self, t: Token, rs: tuple[Reading, ...]) -> str:
        """The best parse's lemma, unless another parse's lemma is a lexicon word: Ukrainian «танків» is
        read as «танок» (dance) first, «року» as «рок»; «танк» and «рік» are the words that matter here."""
        lemmas = [fold(r.lemma) for r in rs]
        lemma = next((x for x in lemmas if x in self.vocabulary), lemmas[0]) or t.fold
        if MODIFIER_APOSTROPHE in t.text:
            lemma = lemma.replace("'", MODIFIER_APOSTROPHE)
        return lemma

    def _hyphenated(self, t: Token, whole: tuple[Reading, ...]) -> tuple[Reading, ...]:
        """«дронов-камикадзе»: the dictionary does not know the compound, so its head (the first part)
        inflects and the rest is kept: lemma «дрон-камикадзе», case from «дронов»."""
        head, _, rest = t.text.partition("-")
        if not (head.isalpha() and rest[:1].isalpha()):
            return whole
        hr = readings(head, self.code)
        if not hr or hr[0].pos != "NOUN" or fold(hr[0].lemma) == fold(head):
            return whole
        return tuple(Reading(f"{r.lemma}-{rest.lower()}", r.pos, r.case, r.tags) for r in hr if r.pos == "NOUN")

    def _join_apostrophes(self, toks: list[Token], rs: list[tuple[Reading, ...]]) -> set[int]:
        """Ukrainian «зобов'язалася» is tokenised as зобов / ' / язалася: analyse the whole word and give
        each piece its share of the lemma (зобов / язатися), so lexicon phrases written with the apostrophe
        match by lemma. Returns the indices of the pieces whose lemma is set."""
        done: set[int] = set()
        for k in range(len(toks) - 2):
            a, ap, b = toks[k], toks[k + 1], toks[k + 2]
            if ap.text not in APOSTROPHES or a.end != ap.start or ap.end != b.start:
                continue
            if not (a.text[-1:].isalpha() and b.text[:1].isalpha()):
                continue
            whole = readings(f"{a.text}'{b.text}", self.code)
            if not whole or whole[0].pos == "UNKN":
                continue
            lemma = fold(whole[0].lemma)
            left, sep, right = lemma.partition("'")
            if sep:
                a.lemma, b.lemma = left, right
                done.update((k, k + 2))
            rs[k] = rs[k + 2] = whole
        return done

    # -- case --------------------------------------------------------------------------------------
    def _case(self, i: int, toks: list[Token], rs: list[tuple[Reading, ...]]) -> str:
        if not rs[i] or rs[i][0].pos not in NOMINAL:
            return ""
        cands = list(dict.fromkeys(r.case for r in rs[i] if r.case and r.pos in NOMINAL))
        if len(cands) <= 1:
            return cands[0] if cands else ""
        j = self._governor(i, toks, rs)
        if j is not None and toks[j].fold in COORDINATORS and toks[j].text.isalpha() and j > 0 and \
                toks[j - 1].case in cands:
            return toks[j - 1].case  # "Россия и Индия подписали": a conjunct takes the case of the one before it
        gov = _pos_set(rs[j]) if j is not None else set()
        if j is not None and toks[j].fold in PREPOSITIONS and ("PREP" in gov or len(toks[j].fold) <= 2):
            governed = PREPOSITIONS[toks[j].fold]
            return next((c for c in cands if c in governed), cands[0])
        cands = [c for c in cands if c != "loc"] or cands  # no locative without a preposition
        if "dat" in cands:
            if j is not None and _verbal(rs[j]):
                return "dat"  # "передал России", "поставляет Украине"
            if self._after_give_verb(i, toks, rs) or self._after_give_noun_phrase(i, toks, rs):
                return "dat"  # "передал беспилотники России", "поставки Ирана России"
        if "dat" in cands and "nom" not in cands and (j is None or not rs[j]) and self._before_give_verb(i, toks, rs):
            return "dat"  # "Греции будут переданы вертолёты", "Україні передадуть танки": the clause opens with it
        if "dat" in cands and j is not None and "NOUN" in gov and self._is_give(toks[j]) and \
                self._goods_follow(i, toks, rs):
            return "dat"  # "о поставке Турции (кому) новых систем (чего)": the goods take the genitive slot
        if "gen" in cands and gov & {"NOUN", "NUMR"}:
            return "gen"  # a noun's attribute: "поставки России", "армии Ирана"
        if "nom" in cands and (j is None or not rs[j]):
            return "nom"  # sentence-initial or after punctuation: the subject
        if "acc" in cands and j is not None and _verbal(rs[j]) and _subject_before(toks, j):
            return "acc"  # "Турция снабдила Азербайджан беспилотниками": the subject is named, this is the object
        if "dat" in cands and j is not None and "NOUN" in gov and self._is_give(toks[j]):
            return "dat"  # "поставки Украине", "помощь Киеву"
        return cands[0]

    @staticmethod
    def _governor(i: int, toks: list[Token], rs: list[tuple[Reading, ...]]) -> int | None:
        """The nearest token to the left that is not an agreeing modifier, a number or a quote mark."""
        j = i - 1
        while j >= 0:
            if toks[j].text in QUOTES or toks[j].is_number:
                j -= 1
                continue
            ps = _pos_set(rs[j])
            if ps and ps <= MODIFIERS | {"NPRO"} and toks[j].fold not in PREPOSITIONS:
                j -= 1
                continue
            return j
        return None

    def _is_give(self, tok: Token) -> bool:
        return tok.lemma in self.give_words or tok.fold in self.give_words

    def _after_give_verb(self, i: int, toks: list[Token], rs: list[tuple[Reading, ...]]) -> bool:
        """A delivery verb earlier in the phrase with only its object in between: the bare oblique party
        after the object receives ("Иран передал беспилотники России")."""
        for j in range(i - 1, max(-1, i - 12), -1):
            t = toks[j]
            ps = _pos_set(rs[j])
            if _verbal(rs[j]):
                return self._is_give(t)
            if t.fold in COORDINATORS or t.fold in QUANTITY_WORDS or t.is_number or t.text in QUOTES:
                continue
            if not t.text[:1].isalnum() or ps & {"PREP", "CONJ"}:
                return False
        return False

    def _before_give_verb(self, i: int, toks: list[Token], rs: list[tuple[Reading, ...]]) -> bool:
        """A delivery verb right after the party, past a future auxiliary or an adverb ("Греции будут переданы")."""
        for j in range(i + 1, min(len(toks), i + 4)):
            if _verbal(rs[j]) and self._is_give(toks[j]):
                return True
            if not rs[j] or not (rs[j][0].pos == "ADVB" or fold(rs[j][0].lemma) in FUTURE_AUX):
                return False
        return False

    def _after_give_noun_phrase(self, i: int, toks: list[Token], rs: list[tuple[Reading, ...]]) -> bool:
        """A genitive phrase right after a delivery noun, then the party: "поставки (иранских беспилотников)
        России" — the genitive is the supplier or the goods, the next oblique party receives (unless a
        plain dative follows: "поставки оружия США Украине")."""
        seen_gen = False
        start = i - 1
        while start >= 0 and _pos_set(rs[start]) and _pos_set(rs[start]) <= MODIFIERS:
            start -= 1  # «пакет (немецкой) помощи»: the word's own adjectives are no genitive phrase before it
        for j in range(start, max(-1, i - 7), -1):
            t = toks[j]
            ps = _pos_set(rs[j])
            if "NOUN" in ps and self._is_give(t) and not ps & VERBAL:
                return seen_gen and not self._dative_follows(i, toks, rs)
            if t.is_number or t.fold in QUANTITY_WORDS or t.text in QUOTES:
                continue
            if any(r.case == "gen" for r in rs[j]) or (rs[j] and rs[j][0].pos in ("UNKN", "LATN")) or \
                    (not rs[j] and t.text[:1].isalnum()):
                seen_gen = True
                continue
            return False
        return False

    @staticmethod
    def _goods_follow(i: int, toks: list[Token], rs: list[tuple[Reading, ...]]) -> bool:
        """A lower-case genitive noun phrase or a count right after the party: what is delivered."""
        k = i + 1
        if k >= len(toks):
            return False
        if toks[k].is_number:
            return True
        return toks[k].text[:1].islower() and any(r.pos in NOMINAL and r.case == "gen" for r in rs[k])

    @staticmethod
    def _dative_follows(i: int, toks: list[Token], rs: list[tuple[Reading, ...]]) -> bool:
        for j in range(i + 1, min(len(toks), i + 4)):
            cases = {r.case for r in rs[j] if r.pos in NOMINAL and r.case} - {"loc"}
            if cases == {"dat"} and toks[j].text[:1].isupper():
                return True
            if not toks[j].text[:1].isalnum():
                return False
        return False

    # -- mood and tense ------------------------------------------------------------------------------
    @staticmethod
    def _mark_future_passives(toks: list[Token], rs: list[tuple[Reading, ...]]) -> None:
        """«будут поставлены», «буде передано», «будет поставлять»: the participle or infinitive after a
        future auxiliary is future too."""
        for i, t in enumerate(toks):
            if not (t.future and rs[i] and fold(rs[i][0].lemma) in FUTURE_AUX):
                continue
            for j in range(i + 1, min(len(toks), i + 4)):
                ps = _pos_set(rs[j])
                if ps & {"PRTS", "INFN"} or any(r.pos in ("ADJF", "ADJS", "PRTF") and "pssv" in r.tags
                                                for r in rs[j]):
                    toks[j].future = True
                    break
                if not toks[j].text[:1].isalpha():
                    break

    def _mark_name_citations(self, toks: list[Token], rs: list[tuple[Reading, ...]]) -> None:
        """«по словам Джона Кирби», «за словами Олексія Резнікова»: each word of a personal name in an oblique case
        gets its nominative, so a source is named as it names itself. A name is a run of capitalised words with a
        first name, surname or patronymic first among some word's readings; its case is one all its words can be in
        («Резнікова» alone may be a woman's nominative, beside «Олексія» it is genitive); a place or a thing in the
        run («Росії Дмитро Шугаєв») keeps its form."""
        k = 1  # the sentence's first word is capitalised whatever it is
        while k < len(toks):
            run = []
            while k < len(toks) and self._name_word(toks[k], rs[k]):
                run.append(k)
                k += 1
            k += 1
            people = [j for j in run if any(r.tags & NAMES or r.pos == "ADJF" or "anim" in r.tags for r in rs[j])]
            if not any(rs[j][0].tags & NAMES for j in people):
                continue  # «Білому домі»: a surname reading that is not the word's first is no name
            shared = set.intersection(*({r.case for r in rs[j] if r.case and "plur" not in r.tags} for j in people))
            if not shared or "nom" in shared:
                continue
            case = next((toks[j].case for j in people if toks[j].case in shared), sorted(shared)[0])
            for j in people:
                form = nominative(toks[j].text, self.code, case)
                if form and form != toks[j].text.lower():
                    toks[j].citation = toks[j].text[:1] + form[1:]

    @staticmethod
    def _name_word(t: Token, rs: tuple[Reading, ...]) -> bool:
        return t.text[:1].isupper() and t.text.isalpha() and not t.text.isupper() and bool(rs) and \
            rs[0].pos in ("NOUN", "ADJF", "UNKN") and \
            not rs[0].tags & {"Geox", "Orgn", "Abbr"} and \
            (any(r.tags & NAMES for r in rs) or not any(r.tags & {"Geox", "Orgn", "Abbr"} for r in rs))

    @staticmethod
    def _mark_obligations(toks: list[Token], rs: list[tuple[Reading, ...]]) -> None:
        """«Україна має отримати», «мають передати»: the infinitive after a verb of obligation is a future event."""
        for i in range(len(toks)):
            if not (rs[i] and rs[i][0].pos == "VERB" and fold(rs[i][0].lemma) in OBLIGATION_AUX):
                continue
            for j in range(i + 1, min(len(toks), i + 3)):
                if rs[j] and (rs[j][0].pos == "INFN" or "infn" in rs[j][0].tags):  # uk: VERB with «infn»
                    toks[j].future = True
                    break
                if not (rs[j] and rs[j][0].pos in ("ADVB", "PRCL")):
                    break

    def _mark_future_events(self, toks: list[Token], rs: list[tuple[Reading, ...]]) -> None:
        """«начнет поставки», «відновить постачання», «будет осуществлять поставки»: an event noun that a future
        verb governs (its object right after it, or after nouns it is coordinated with: «профинансируют
        восстановление и предоставление») is a future event."""
        for i, t in enumerate(toks[1:], 1):
            if not (t.lemma in self.trigger_words and rs[i] and rs[i][0].pos == "NOUN"):
                continue
            j = i - 1
            while j > 0:
                if rs[j] and rs[j][0].pos in ("ADVB", "PRCL"):
                    j -= 1
                elif toks[j].fold in COORDINATORS and j > 1 and _same_case_noun(rs[j - 1], rs[i]):
                    j -= 2  # a noun coordinated with this one shares its verb
                else:
                    break
            if toks[j].future and rs[j] and rs[j][0].pos in ("VERB", "INFN") and \
                    toks[j].lemma not in self.trigger_words:
                t.future = True

    @staticmethod
    def _mark_conditional(toks: list[Token], rs: list[tuple[Reading, ...]]) -> None:
        """«передал бы», «могла бы получить»: the particle and the verbs around it in its clause."""
        for i, t in enumerate(toks):
            if t.fold not in CONDITIONAL_PARTICLES or not (rs[i] and rs[i][0].pos in ("PRCL", "CONJ", "UNKN")):
                continue
            t.conditional = True
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(toks) and abs(j - i) <= 3 and toks[j].text[:1].isalnum():
                    if _pos_set(rs[j]) & VERBAL:
                        toks[j].conditional = True
                    j += step
