"""Per-language lexicons (data files under armstrack/lexicons/) and phrase matching over tokens."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from armstrack.compiled import compiled, read_yaml
from armstrack.errors import InvalidKB
from armstrack.lang import base
from armstrack.lang.base import Token, fold, tokenize

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
P = TypeVar("P")


class PhraseIndex(Generic[P]):
    """Multi-word phrases matched against tokens by folded surface form or folded lemma.

    A phrase token ending in '*' matches any token starting with it ("livr*")."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], P]]] = {}
        self.prefixes: list[tuple[str, tuple[str, ...], P]] = []
        self.prefix_heads: tuple[str, ...] = ()  # the prefixes' first words, for one str.startswith per token

    def add(self, phrase: str, payload: P) -> None:
        words: list[str] = []
        for t in tokenize(phrase):
            if t.fold in ("'", "’"):
                continue
            if t.fold == "*" and words:
                words[-1] += "*"
            else:
                words.append(t.fold)
        if not words:
            return
        if words[0].endswith("*"):
            self.prefixes.append((words[0][:-1], tuple(words[1:]), payload))
            self.prefix_heads = tuple(dict.fromkeys(p for p, _, _ in self.prefixes))
            return
        bucket = self.by_first.setdefault(words[0], [])
        bucket.append((tuple(words), payload))
        bucket.sort(key=lambda x: -len(x[0]))

    def match_at(self, tokens: list[Token], i: int) -> tuple[int, P] | None:
        """The longest phrase starting at token i: (length in tokens, payload)."""
        t = tokens[i]
        best: tuple[int, P] | None = None
        by_first = self.by_first
        # the lemma first: verb "offre" is "offrir"
        for key in (t.lemma,) if t.lemma == t.fold else (t.lemma, t.fold):
            bucket = by_first.get(key)
            if bucket is None:
                continue
            for words, payload in bucket:
                n = _match_rest(tokens, i, words)
                if n and (best is None or n > best[0]):
                    best = (n, payload)
        if best is None and t.fold.startswith(self.prefix_heads):
            for pre, rest, payload in self.prefixes:
                if t.fold.startswith(pre):
                    n = _match_rest(tokens, i, (t.fold, *rest))
                    if n:
                        return (n, payload)
        return best

    def find_all(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, P]]:
        """Non-overlapping (start, end exclusive, payload) matches, scanning left to right."""
        hi = len(tokens) if hi is None else min(hi, len(tokens))
        out = []
        i = lo
        by_first, heads = self.by_first, self.prefix_heads
        while i < hi:
            t = tokens[i]
            if t.lemma not in by_first and t.fold not in by_first and not t.fold.startswith(heads):
                i += 1  # no phrase starts with this word: the common case, without a call
                continue
            m = self.match_at(tokens, i)
            if m:
                out.append((i, i + m[0], m[1]))
                i += m[0]
            else:
                i += 1
        return out

    def __contains__(self, word: str) -> bool:
        return fold(word) in self.by_first


# quote marks inside a phrase: «зимний пакет» военной помощи, el «paquete de invierno» de ayuda militar
INNER_QUOTES = frozenset("«»\"“”„")


def _match_rest(tokens: list[Token], i: int, words: tuple[str, ...]) -> int:
    j = i
    for n, w in enumerate(words):
        while j < len(tokens) and (tokens[j].fold in ("'", "’", "ʼ") or n and tokens[j].text in INNER_QUOTES):
            j += 1
        if j >= len(tokens):
            return 0
        t = tokens[j]
        if w.endswith("*"):
            if not (t.fold.startswith(w[:-1]) or t.lemma.startswith(w[:-1])):
                return 0
        elif w != t.fold and w != t.lemma:
            return 0
        j += 1
    return j - i


@dataclass(frozen=True)
class Trigger:
    role: str  # give (subject supplies) | get (subject receives) | deal (either way)
    stage: str
    buy: bool = False  # buy-type verbs take the seller with the language's buy_from markers
    arrival: bool = False  # "arrived in Ukraine from Portugal": the item arrives, the destination receives
    bundle: bool = False  # "the package includes …": a give trigger that, naming no party, is the transfer before
    instrumental: bool = False  # "supports Ukraine with tanks": a transfer only with its `with` phrase


@dataclass(frozen=True)
class GenericItem:
    item: str
    category: str
    umbrella: bool = False  # "weapons", "military aid": never a claim on its own …
    alone: bool = False  # … unless it is all a transfer between two named parties names ("compra armas a Rusia")
    part: bool = False  # … or a part of the designation after "for" ("componenti per gli F-35"): then the item


@dataclass
class Lexicon:
    code: str
    triggers: PhraseIndex[Trigger] = field(default_factory=PhraseIndex)
    stage_cues: PhraseIndex[str] = field(default_factory=PhraseIndex)
    future: PhraseIndex[str] = field(default_factory=PhraseIndex)
    future_before: PhraseIndex[str] = field(default_factory=PhraseIndex)  # right before the trigger only
    # a conjunction whose clause's verb is not realised, a few words before it ("чтобы Украина получила")
    irrealis_openers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    hedges: PhraseIndex[str] = field(default_factory=PhraseIndex)
    report_verbs: PhraseIndex[str] = field(default_factory=PhraseIndex)
    according_to: PhraseIndex[str] = field(default_factory=PhraseIndex)
    according_to_after: PhraseIndex[str] = field(default_factory=PhraseIndex)  # postposed: German "Kiew zufolge"
    citing: PhraseIndex[str] = field(default_factory=PhraseIndex)
    source_nouns: PhraseIndex[str] = field(default_factory=PhraseIndex)
    denials: PhraseIndex[str] = field(default_factory=PhraseIndex)
    unconfirmed: PhraseIndex[str] = field(default_factory=PhraseIndex)
    confirm_verbs: PhraseIndex[str] = field(default_factory=PhraseIndex)  # negated nearby: unconfirmed
    negations: PhraseIndex[str] = field(default_factory=PhraseIndex)
    continuation: PhraseIndex[str] = field(default_factory=PhraseIndex)
    anaphora: PhraseIndex[str] = field(default_factory=PhraseIndex)
    pair_anaphora: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "the two countries": the two just named
    own_country: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "her country": the speaker's state
    state_anaphora: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "The country …": the one state just named
    # '"We will buy …," the Polish minister said': a first-person phrase inside a quotation is the speaker's state
    first_person: PhraseIndex[str] = field(default_factory=PhraseIndex)
    descriptors: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "from its ally Russia": the marker is before
    member_nouns: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "NATO country", "país de la OTAN": members
    # "by allies such as Norway and Denmark": between a group and the states it names, part of the descriptor
    exemplifiers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    ordinals: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "the first country to buy": no plan
    phase_verbs: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "began to deliver": under way, no plan
    novelty: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "the new package": another transfer
    # "Об этом сообщили …", "Das kündigte … an": a sentence saying who said the previous one
    back_reference: PhraseIndex[str] = field(default_factory=PhraseIndex)
    local_production: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "made in", "индийского производства"
    technology: PhraseIndex[str] = field(default_factory=PhraseIndex)
    possession: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "is equipped with", "est dotée de", "оснащена": a stative participle names what a force has, not a transfer
    equipped_states: PhraseIndex[str] = field(default_factory=PhraseIndex)
    services: PhraseIndex[str] = field(default_factory=PhraseIndex)
    interdiction: PhraseIndex[str] = field(default_factory=PhraseIndex)  # seized, intercepted: not a party
    objections: PhraseIndex[str] = field(default_factory=PhraseIndex)  # condemned, protested against: not a party
    org_heads: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "… Research Institute": part of a name
    refusals: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "refused to sell": no transfer
    debates: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "the debate over delivering tanks": none either
    accusations: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "accused Tehran of supplying"
    # "approved the sale", "a approuvé la vente": one government's approval, no agreement between the parties
    approvals: PhraseIndex[str] = field(default_factory=PhraseIndex)
    completions: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "concluded the delivery": done, no deal
    requests: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "bat Berlin um die Lieferung": asker receives
    # "asked Switzerland for permission to send": who asks leave to hand something on supplies it, the one asked is
    # no party
    permissions: PhraseIndex[str] = field(default_factory=PhraseIndex)
    thanks: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "thanked Berlin for the delivery": Berlin supplied
    awaits: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "expects deliveries of": who awaits receives
    wins: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "received an order from": who wins an order sells
    frameworks: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "under the deal", "w ramach umowy"
    envoys: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "embassy to the UN": a posting, not a recipient
    # "supplied by the West", "from other European armies": a group of states the text does not name (null supplier)
    collectives: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "said … in a statement", "dans un communiqué": where the words were said ends the speaker's phrase
    statements: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "could order", "pourrait livrer": a modal of possibility right before the trigger puts it ahead (a plan)
    possibility: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "сообщили в пресс-службе", "citando a fuentes": a preposition before a source is not part of its name
    attribution_prepositions: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # a source or hedge marker right after one of these is another word: Italian "un secondo sistema" (second)
    marker_blockers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    distributive: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "each": a number per party, not a total
    # "to replace its ageing F-4 fleet", "um die alten Geschütze zu ersetzen": what is replaced is not transferred
    replacement: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "24 CV90 and 12 K9 from Sweden and South Korea respectively": items and parties pair in order
    respectively: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "in exchange for the ammunition", "im Austausch für": what is given back is not this transfer's item
    exchange: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "to bolster its air defences", "renforcer la défense aérienne": the object is a capability, not goods
    capability_verbs: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "to shoot down Russian drones", "pour abattre les drones": in a purpose clause, the object is the threat
    threat_verbs: PhraseIndex[str] = field(default_factory=PhraseIndex)
    comparisons: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "an alternative to the F-16": not transferred
    # "intelligence on the location of US warships", "розвіддані про переміщення кораблів": what it is about is no item
    topics: PhraseIndex[str] = field(default_factory=PhraseIndex)
    captions: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "Photo: …" opens a caption: what a picture shows
    route_markers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    carrier_markers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    non_transfer: PhraseIndex[str] = field(default_factory=PhraseIndex)
    # "Russia's invasion", "l'invasion russe", "the war in Afghanistan", "un desafío a EEUU": a conflict or a
    # challenge between states; the bare noun, and with the preposition that names the other side or the place
    hostilities: PhraseIndex[str] = field(default_factory=PhraseIndex)
    generic_items: PhraseIndex[GenericItem] = field(default_factory=PhraseIndex)
    institution_heads: PhraseIndex[str] = field(default_factory=PhraseIndex)
    markers: dict[str, PhraseIndex[str]] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    multipliers: dict[str, float] = field(default_factory=dict)
    qualifiers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    vague_quantities: PhraseIndex[str] = field(default_factory=PhraseIndex)
    measure_words: PhraseIndex[str] = field(default_factory=PhraseIndex)  # containers, tonnes: not item counts
    months: dict[str, int] = field(default_factory=dict)
    # month forms read only right after a day ("12 maja"): alone, Polish «maja» is «mają» (they have) once folded
    day_months: dict[str, int] = field(default_factory=dict)
    date_cues: PhraseIndex[str] = field(default_factory=PhraseIndex)
    conditional_suffixes: tuple[str, ...] = ()
    progressive_suffixes: tuple[str, ...] = ()  # en "-ing": "is sending" after a copula is active, not a passive
    name_endings: tuple[str, ...] = ()  # case endings a designation takes in running text ("10 Крабів": Краб)
    decimal_comma: bool = True
    verb_final: bool = False  # subordinate/perfect clauses put the verb last (de, nl): the first party is the subject
    # stems of the generic item entries' first words, by their first four letters: the gazetteer prefilter sees
    # surface forms, and "оружия", "Waffe", "systemów obrony powietrznej" must pass it before lemmas exist
    item_stems: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the one-word generic item nouns (five letters or more): a compound ending in one ("Mehrzweckdrohnen",
    # "marinehelikopters") must pass the prefilter too, before the front-end reads it by its head
    item_heads: frozenset[str] = frozenset()

    # -- function words the core reads (folded single words unless said otherwise) -------------------------------
    articles: frozenset[str] = frozenset()  # definite and indefinite: skipped before a party or a name
    possessives: frozenset[str] = frozenset()  # possessive determiners ("its", "sa"): skipped like articles
    copulas: frozenset[str] = frozenset()  # forms of "be"/passive auxiliaries, lower case NOT folded (it "è" ≠ "e")
    clause_openers: frozenset[str] = frozenset()  # conjunctions and relatives that open another clause
    relative_articles: frozenset[str] = frozenset()  # de "der", nl "dat": open a relative clause only after a comma
    relatives: frozenset[str] = frozenset()  # relative pronouns ("which", "dont", "который"), by form or lemma
    # words that, right after a noun (comma optional; relative_articles only after one), open a relative clause
    # about that noun: "tanks which/that Canada delivered", "les Rafale que", "czołgów, które"; by form or lemma
    noun_relatives: frozenset[str] = frozenset()
    negations_after: frozenset[str] = frozenset()  # determiners negating what follows the verb: "no", "keine"
    coordinators: frozenset[str] = frozenset()  # "and", "as well as": join a list of parties or items
    disjunctions: frozenset[str] = frozenset()  # "or": join alternatives
    source_prepositions: frozenset[str] = frozenset()  # "de", "von", "uit": a source after a delivery or an item
    of_prepositions: frozenset[str] = frozenset()  # "of", "di": a noun's complement ("the delivery of")
    agent_prepositions: frozenset[str] = frozenset()  # "reported by", "rapporté par"
    purpose_prepositions: frozenset[str] = frozenset()  # "ammunition for helicopters": what an item is for
    topic_prepositions: frozenset[str] = frozenset()  # "talks on the purchase", "Vertrag über die Lieferung"
    infinitive_markers: frozenset[str] = frozenset()  # "to", "à", "di" right before an infinitive
    pronouns: frozenset[str] = frozenset()  # personal and demonstrative pronouns: nobody's name as a source
    pronoun_starts: frozenset[str] = frozenset()  # "Ils …", "These …": a sentence continuing the previous one
    auxiliaries: frozenset[str] = frozenset()  # auxiliaries and adverbs between a speaker and its verb
    finite_auxiliaries: frozenset[str] = frozenset()  # finite auxiliaries: a speaker's name ends before them
    speech_openers: frozenset[str] = frozenset()  # "that", "que", "как": what follows is the speech, not a speaker
    report_blockers: frozenset[str] = frozenset()  # "refused to say", "s'ajoute": the report verb is another verb
    occasions: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "said during a visit": when, not who
    self_references: tuple[str, ...] = ()  # "this newspaper": lower-case phrases, the publisher speaking
    wire_nouns: frozenset[str] = frozenset()  # "agence Reuters", "Nachrichtenagentur dpa": a wire's name follows
    country_nouns: frozenset[str] = frozenset()  # "sold to seven countries: Qatar (36), India (36)…": a list follows
    source_modifiers: frozenset[str] = frozenset()  # "US military officials": between a party and a source noun
    naming_words: frozenset[str] = frozenset()  # "drones called Shahed", "du type": a name follows
    possessive_clitics: frozenset[str] = frozenset()  # English "'s": "America's Abrams"
    demonstratives: frozenset[str] = frozenset()  # "this", "ce", "этот": "this weapon system" points back
    weekdays: frozenset[str] = frozenset()
    time_adverbs: frozenset[str] = frozenset()  # "yesterday", "hier": a day word before a speaker
    time_prepositions: frozenset[str] = frozenset()  # "said on Tuesday", "lors de": a speaker's name ends there
    date_articles: frozenset[str] = frozenset()  # French "le 12 février": an article before a date ends a name
    one_words: frozenset[str] = frozenset()  # "a", "un", "один": one, before a multiplier ("un milione")
    approximate_numbers: frozenset[str] = frozenset()  # "a dozen", "une centaine": approximate counts
    currency_words: frozenset[str] = frozenset()  # lower case NOT folded (fr "livres" = pounds, "livrés" = delivered)
    calibre_units: dict[str, str] = field(default_factory=dict)  # unit word → unit id (mm, cm, kg, lb, inch)
    calibre_words: frozenset[str] = frozenset()  # "калибра": between an item and its calibre
    # a verb form the tagger reads as a noun or adjective ("La France livre des …": livre, not the book) → its verb;
    # read as the verb right after a proper name (the subject)
    verb_homographs: dict[str, str] = field(default_factory=dict)
    date_links: frozenset[str] = frozenset()  # "27 de marzo", "marzo de 2023": between day, month and year
    months_capitalised: bool = False  # en, de: a month name is capitalised, so lower-case "may", "march" are words
    month_before_day: bool = False  # en "March 5"
    ordinal_suffixes: tuple[str, ...] = ()  # "1st", "1er", "3-го": a day number with its ordinal ending
    next_words: frozenset[str] = frozenset()  # after a month: "mars prochain", "next March"
    last_words: frozenset[str] = frozenset()  # after a month: "mars dernier"
    route_stops: frozenset[str] = frozenset()  # words that end a route or carrier phrase ("where", "qui")
    carrier_names: tuple[str, ...] = ()  # heads of carrier company names: "Airlines", "Shipping", "Авиалинии"
    abbreviations: frozenset[str] = frozenset()  # a full stop after these ends no sentence ("approx.", "tys.", "z.B.")

    def is_article(self, t: Token) -> bool:
        """An article or possessive determiner, or the apostrophe of an elided article ("l'Ukraine")."""
        return t.fold == "'" or t.fold in self.articles or t.fold in self.possessives

    def names_item_stem(self, tokens: list[Token]) -> bool:
        """Does a token start like the first word of a generic item entry (any inflection), or end in a one-word
        item noun after a modifier of three letters or more (a compound)?"""
        stems, heads = self.item_stems, self.item_heads
        for t in tokens:
            f = t.fold
            if any(f.startswith(s) for s in stems.get(f[:4], ())) or any(f[k:] in heads for k in range(3, len(f) - 4)):
                return True
        return False

    def unblocked(self, idx: PhraseIndex[str], tokens: list[Token]) -> list[tuple[int, int, str]]:
        """The matches of a marker list (according_to, hedges), less those a blocker word right before makes
        into another word ("un secondo sistema")."""
        return [m for m in idx.find_all(tokens) if not self.blocked(tokens, m[0])]

    def blocked(self, tokens: list[Token], i: int) -> bool:
        return i > 0 and self.marker_blockers.match_at(tokens, i - 1) is not None


PHRASE_LISTS = (
    "future", "future_before", "irrealis_openers", "hedges", "report_verbs", "according_to", "according_to_after",
    "citing", "source_nouns", "denials",
    "unconfirmed", "confirm_verbs", "negations", "continuation", "anaphora", "back_reference", "local_production",
    "technology", "possession", "equipped_states", "services", "interdiction", "objections", "org_heads", "refusals",
    "accusations",
    "debates", "approvals", "completions", "requests", "permissions", "thanks", "awaits", "wins", "frameworks",
    "envoys",
    "collectives", "statements", "possibility",
    "attribution_prepositions", "marker_blockers", "distributive", "replacement", "respectively", "exchange",
    "capability_verbs", "threat_verbs", "comparisons", "topics", "captions", "route_markers", "pair_anaphora",
    "own_country", "state_anaphora",
    "first_person", "descriptors", "exemplifiers", "member_nouns", "ordinals", "phase_verbs", "novelty",
    "hostilities",
    "carrier_markers", "non_transfer", "institution_heads", "vague_quantities", "measure_words", "occasions",
)
WORD_SETS = (  # folded at load
    "articles", "possessives", "clause_openers", "relative_articles", "relatives", "noun_relatives",
    "negations_after", "coordinators",
    "disjunctions", "source_prepositions", "of_prepositions", "agent_prepositions", "purpose_prepositions",
    "topic_prepositions", "infinitive_markers", "pronouns", "pronoun_starts", "auxiliaries", "finite_auxiliaries",
    "speech_openers",
    "report_blockers", "source_modifiers", "naming_words", "possessive_clitics", "weekdays", "time_adverbs",
    "time_prepositions", "date_articles", "one_words", "approximate_numbers", "calibre_words", "date_links",
    "next_words", "last_words", "route_stops", "abbreviations", "demonstratives", "wire_nouns", "country_nouns",
)
CASED_WORD_SETS = ("copulas", "currency_words")  # lower-cased at load, accents kept
STRING_TUPLES = ("conditional_suffixes", "progressive_suffixes", "self_references", "ordinal_suffixes", "carrier_names",
                 "name_endings")
FLAGS = ("decimal_comma", "verb_final", "months_capitalised", "month_before_day")
MAPPINGS = ("triggers", "stage_cues", "generic_items", "markers", "numbers", "multipliers", "qualifiers", "months",
            "day_months", "date_cues", "calibre_units", "verb_homographs")
# trigger groups that share another's roles
ROLE_OF_GROUP = {"buy": "get", "arrive": "get", "bundle": "give", "support": "give"}
KEYS = frozenset(PHRASE_LISTS + WORD_SETS + CASED_WORD_SETS + STRING_TUPLES + FLAGS + MAPPINGS)
# a language may leave these out; every other key must be present (an empty list states "none in this language")
OPTIONAL = frozenset({"future_before", "irrealis_openers", "according_to_after", "marker_blockers", "services",
                      "verb_final", "name_endings", "envoys", "approvals", "completions", "threat_verbs", "comparisons",
                      "topics",
                      "captions", "country_nouns", "collectives", "statements", "possibility", "first_person",
                      "descriptors", "exemplifiers", "member_nouns", "ordinals", "phase_verbs", "novelty",
                      "permissions", "thanks", "verb_homographs", "day_months", "topic_prepositions"})


def _words(v: Any, where: str) -> list[str]:
    """A list of words or phrases; anything else (a YAML `no` read as false, a number, a mapping) is an error."""
    if v is None:
        return []
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise InvalidKB(f"{where}: expected a list of strings (quote YAML words such as 'no', 'on', 'yes')")
    return list(v)


def _mapping(v: Any, where: str) -> dict[str, Any]:
    if v is None:
        return {}
    if not isinstance(v, dict):
        raise InvalidKB(f"{where}: expected a mapping")
    return {str(k): x for k, x in v.items()}


def _item_stem(phrase: str) -> str | None:
    """The stem of a generic item entry's first word, which every inflected form of the entry starts with
    ("systemów obrony" of "system obrony", "запасных частей" of "запасный часть"); "haubitze*" is its own stem."""
    words = fold(phrase).split()
    f = words[0] if words else ""
    prefix = f.endswith("*")
    f = f.rstrip("*")
    if not f.isalpha() or len(f) < 4:
        return None
    return f if prefix else f[:max(4, len(f) - 2)]


def load_lexicon(code: str, path: Path | None = None) -> Lexicon:
    """A language's lexicon file, strictly: an unknown key, a missing required key or a value of the wrong
    shape is an InvalidKB naming the file and the key."""
    path = path or LEXICON_DIR / f"{code}.yaml"
    try:
        data = read_yaml(path)
    except FileNotFoundError as e:
        raise InvalidKB(f"no lexicon file for language {code!r} ({path})") from e
    if not isinstance(data, dict):
        raise InvalidKB(f"{path}: expected a mapping of lexicon keys")
    unknown = sorted(set(map(str, data)) - KEYS)
    if unknown:
        raise InvalidKB(f"{path}: unknown lexicon key {unknown[0]!r}")
    missing = sorted(KEYS - OPTIONAL - set(data))
    if missing:
        raise InvalidKB(f"{path}: missing lexicon key {missing[0]!r}")
    lex = Lexicon(code)
    for role, stages in _mapping(data.get("triggers"), f"{path}: triggers").items():
        for stage, words in _mapping(stages, f"{path}: triggers.{role}").items():
            for w in _words(words, f"{path}: triggers.{role}.{stage}"):
                lex.triggers.add(w, Trigger(ROLE_OF_GROUP.get(role, role), stage, buy=role == "buy",
                                            bundle=role == "bundle", arrival=role == "arrive",
                                            instrumental=role == "support"))
    for stage, words in _mapping(data.get("stage_cues"), f"{path}: stage_cues").items():
        for w in _words(words, f"{path}: stage_cues.{stage}"):
            lex.stage_cues.add(w, stage)
    for name in PHRASE_LISTS:
        idx: PhraseIndex[str] = getattr(lex, name)
        for w in _words(data.get(name), f"{path}: {name}"):
            idx.add(w, w)
    stems: dict[str, set[str]] = {}
    heads: set[str] = set()
    for g in data.get("generic_items") or []:
        payload = GenericItem(g["item"], g["category"], bool(g.get("umbrella")), bool(g.get("alone")),
                              bool(g.get("part")))
        for w in _words(g.get("words"), f"{path}: generic_items {g['item']!r}"):
            lex.generic_items.add(w, payload)
            stem = _item_stem(w)
            if stem:
                stems.setdefault(stem[:4], set()).add(stem)
            if (f := fold(w)).isalpha() and len(f) >= 5:
                heads.add(f)
    lex.item_stems = {k: tuple(sorted(v)) for k, v in stems.items()}
    lex.item_heads = frozenset(heads)
    for role, words in _mapping(data.get("markers"), f"{path}: markers").items():
        idx2: PhraseIndex[str] = PhraseIndex()
        for w in _words(words, f"{path}: markers.{role}"):
            idx2.add(w, role)
        lex.markers[role] = idx2
    lex.numbers = {fold(k): float(v) for k, v in _mapping(data.get("numbers"), f"{path}: numbers").items()}
    lex.multipliers = {fold(k): float(v) for k, v in _mapping(data.get("multipliers"), f"{path}: multipliers").items()}
    for q, words in _mapping(data.get("qualifiers"), f"{path}: qualifiers").items():
        for w in _words(words, f"{path}: qualifiers.{q}"):
            lex.qualifiers.add(w, q)
    lex.months = {fold(k): int(v) for k, v in _mapping(data.get("months"), f"{path}: months").items()}
    lex.day_months = {fold(k): int(v) for k, v in _mapping(data.get("day_months"), f"{path}: day_months").items()}
    for cue, words in _mapping(data.get("date_cues"), f"{path}: date_cues").items():
        for w in _words(words, f"{path}: date_cues.{cue}"):
            lex.date_cues.add(w, cue)
    for name in WORD_SETS:
        setattr(lex, name, frozenset(fold(w) for w in _words(data.get(name), f"{path}: {name}")))
    lex.abbreviations = frozenset(w.rstrip(".") for w in lex.abbreviations)  # "tys." is written as read
    for name in CASED_WORD_SETS:
        setattr(lex, name, frozenset(w.lower() for w in _words(data.get(name), f"{path}: {name}")))
    for name in STRING_TUPLES:
        setattr(lex, name, tuple(_words(data.get(name), f"{path}: {name}")))
    lex.calibre_units = {fold(k): str(v) for k, v in _mapping(data.get("calibre_units"),
                                                               f"{path}: calibre_units").items()}
    lex.verb_homographs = {fold(k): fold(str(v)) for k, v in _mapping(data.get("verb_homographs"),
                                                                    f"{path}: verb_homographs").items()}
    for name in FLAGS:
        v = data.get(name, getattr(lex, name))
        if not isinstance(v, bool):
            raise InvalidKB(f"{path}: {name}: expected true or false")
        setattr(lex, name, v)
    return lex


@lru_cache(maxsize=16)
def get_lexicon(code: str, path: Path | None = None) -> Lexicon:
    """A language's lexicon, loaded once per process and compiled once while its file (the language's own, or the
    one given) is unchanged: every language folder names its file, so a given path is the common case."""
    path = path or LEXICON_DIR / f"{code}.yaml"
    return compiled(f"lexicon-{code}", [path], (__file__, str(base.__file__)), lambda: load_lexicon(code, path))
