"""German front-end: simplemma lemmas plus what German word order and mood need before the core sees tokens.

The extraction core is language-neutral: it reads lemmas, `conditional`/`future`/`past_participle` marks and
the grammatical `case` of party tokens. German differs from English and French in ways only a front-end can
see, so after lemmatising a sentence this one

1. repairs lemmas: attributive participles ("gelieferten" → liefern), separable verbs re-joined with the
   particle that closes their clause ("bietet … an" → anbieten, "wies … zurück" → zurückweisen), and the
   existential "es gibt" (not the give-verb "geben");
2. resolves two ambiguous prepositions by their governing verb and says so in `Token.role_marker`: "von" is
   the passive agent ("von Deutschland geliefert", the lexicon's `by` marker) but the source after a
   receive/buy verb ("erhält von Deutschland", marked `from`); "nach" before a name ("nach Russland") and "in" +
   accusative article ("in die Ukraine") are directional (marked `to`), while "nach US-Angaben" (according to)
   and "in der Ukraine" (a place) stay unmarked; "bei"/"in" + a name after a buy-verb ("hat in Südkorea Panzer
   bestellt") name the seller (marked `from`);
3. marks case on party-like tokens: "dem Iran", "der Ukraine" after a verb, "den USA" are datives; "der
   Ukraine" after a noun ("Präsident der Ukraine", "Lieferungen der USA") is a genitive; and with a give-verb
   a bare name in the middle field after the subject ("Iran hat Russland Drohnen geliefert", "Teheran
   bestreitet, Russland Drohnen geliefert zu haben") is the dative recipient, while a bare name right after
   the finite verb of an inverted clause ("Seit Monaten liefert Iran Russland Drohnen") is marked "nom";
   the noun phrase after "an" ("an die Ukraine") is marked "dat" too, as the recipient (with the `to`
   marker "an" the core reads, it says the same);
4. marks mood and tense on triggers: Konjunktiv I/II in the trigger's clause ("Iran habe … geliefert",
   "seien geliefert worden", "würde liefern") and hearsay "soll … geliefert haben" set `conditional` (the
   core reads it as hedged, status "reported"); a perfect keeps `past_participle` so the stage stays
   delivered; "wird/werden/will/soll … liefern", "soll … geliefert werden", "bereitzustellen" and future
   adverbs ("im kommenden Jahr") set `future` (stage planned);
5. marks a finite trigger negated later in its clause `negated` ("Deutschland liefert keine Taurus"): the core
   only looks for negation words before a trigger, and German puts them after the verb;
6. sets `pos` "AUX"/"VERB" on the verbs it recognises.
"""

from __future__ import annotations

import re
from typing import Any

from armstrack.lang.base import QUOTE_MARKS, LemmaFrontend, Sentence, Token, fold, simple_lemma, tokenize
from armstrack.lang.compounds import complete_suspended_compounds, mark_compound_heads
from armstrack.lang.de.compounds import RULES as COMPOUNDS
from armstrack.lang.lexicon import Lexicon, PhraseIndex, Trigger

# Tokens that end a clause (commas included); subordinators open a new one.
CLAUSE_PUNCT = {",", ";", ":", "(", ")", "–", "—", "\"", "„", "“", "”", "«", "»", "?", "!", "."}
NAME_QUOTE_WORDS = 4  # at most this many words between the quotes around a name
SUBORDINATORS = {"dass", "weil", "ob", "wenn", "nachdem", "obwohl", "obgleich", "sodass", "bevor", "falls",
                 "sobald", "solange", "seitdem", "indem", "wie", "wonach", "ehe", "sofern", "soweit"}
# "die Regierung in Kiew", "die Führung in Peking": the name after "in" is the state whose government it is
GOVERNMENT_HEADS = {"regierung", "fuhrung", "staatsfuhrung", "administration", "regime", "machthaber",
                    "ministerium", "verteidigungsministerium", "aussenministerium"}
# the head of a compound naming a site: "US-Stützpunkt", "Nato-Luftwaffenbasis", "Russland-Hafen" are places
SITE_HEADS = ("stutzpunkt", "stutzpunkte", "stutzpunkten", "basis", "basen", "flughafen", "flugplatz", "hafen",
              "werft", "ubungsplatz", "militarlager", "kaserne", "gelande")
# participles of attack whose "von" agent is a side of the conflict: "der von Russland angegriffenen Ukraine"
ATTACK_PARTICIPLES = {"angegriff", "uberfall", "besetzt", "bombardiert", "annektiert", "bedroht"}
# Prepositions that make the name after them a place ("in der Ukraine", "im Iran", "bei Kiew"), not a party.
PLACE_PREPOSITIONS = {"in", "im", "bei", "beim"}
RELATIVES = {"der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches", "welchen",
             "welchem", "wo", "was"}
COORD = {"und", "sowie", "oder", "bzw"}
ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
            "kein", "keine", "keinen", "keinem", "keiner", "seine", "seinen", "seinem", "seiner", "ihre", "ihren",
            "ihrem", "ihrer", "dieser", "diese", "diesem", "diesen", "dieses", "jene", "jenem", "jenen"}
PREPOSITIONS = {"laut", "nach", "von", "vom", "aus", "an", "am", "in", "im", "ins", "mit", "fur", "bei", "beim",
                "seit", "bis", "uber", "unter", "durch", "gegen", "ohne", "um", "zu", "zum", "zur", "auf", "vor",
                "hinter", "neben", "zwischen", "wegen", "trotz", "wahrend", "gemass", "zufolge", "seitens",
                "vonseiten", "angesichts", "innerhalb", "ausserhalb", "anstelle", "statt", "dank", "gegenuber",
                "zugunsten", "ab", "samt", "nahe", "entlang", "jenseits", "mittels"}
# Capitalised words that open a sentence without being a party name (adverbs, pronouns, time nouns).
NON_NAMES = {
    "gemeinsam", "zusammen",  # "Gemeinsam mit den USA liefern die Niederlande …": a phrase, no subject
    "zudem", "ausserdem", "auch", "bereits", "schon", "gestern", "heute", "morgen", "vorgestern", "nun", "jetzt",
    "damit", "dabei", "daher", "deshalb", "deswegen", "somit", "allerdings", "jedoch", "doch", "bisher", "bislang",
    "zuvor", "danach", "spater", "inzwischen", "mittlerweile", "erst", "kurzlich", "zuletzt", "demnach", "offenbar",
    "angeblich", "mutmasslich", "vermutlich", "dennoch", "trotzdem", "ebenfalls", "zugleich", "gleichzeitig",
    "insgesamt", "unterdessen", "derweil", "indes", "vorerst", "weiterhin", "ferner", "anschliessend", "dann", "da",
    "hier", "dort", "so", "nicht", "noch", "immer", "wieder", "erneut", "seither", "seitdem", "zunachst",
    "schliesslich", "letztlich", "tatsachlich", "namlich", "etwa", "rund", "mehr", "weitere", "weiteren",
    "offiziell", "ebenso", "zusatzlich", "uberdies", "daruber", "hinaus", "wohl", "sogar", "nur",
    "lediglich", "erstmals", "jungst", "neulich", "unlangst", "eigentlich", "einst", "damals", "derzeit", "aktuell",
    "momentan", "gegenwartig", "kunftig", "bald", "demnachst", "zwar", "er", "sie", "es", "wir", "ihr", "man",
    "ich", "du", "dies", "das", "was", "wer", "wann", "warum", "wieso", "weshalb", "wie", "welche", "welcher",
    "alle", "viele", "einige", "mehrere", "beide", "anfang", "ende", "mitte", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "woche", "wochen", "monat", "monate", "monaten", "jahr",
    "jahre", "jahren", "tag", "tage", "tagen", "wochenende", "fruhjahr", "sommer", "herbst", "winter",
    "fruhling", "jahresbeginn", "jahresende", "letzte", "vergangene", "kommende", "nachste", "diese", "dieser",
    "laut", "zufolge", "berichten", "medienberichten", "angaben", "informationen", "insidern", "kreisen",
}
# The first word of a multi-word country name ("Vereinigte Staaten", "Zentralafrikanische Republik").
NAME_HEADS = {"vereinigte", "vereinigten", "arabische", "arabischen", "zentralafrikanische", "zentralafrikanischen",
              "demokratische", "demokratischen", "dominikanische", "dominikanischen", "tschechische",
              "tschechischen", "islamische", "islamischen", "russische", "russischen", "europaische", "europaischen",
              "sri", "burkina", "el", "costa", "san", "saudi", "neu", "volksrepublik", "republik", "konigreich",
              "bundesrepublik", "staat", "state"}
# Country names with a masculine article ("der Iran" is a nominative) and plural ones ("den USA" is a dative).
MASCULINE_NAMES = {"iran", "irak", "jemen", "libanon", "sudan", "sudsudan", "tschad", "niger", "kongo", "oman",
                   "kosovo", "senegal", "vatikan", "kreml"}
PLURAL_NAMES = {"usa", "vereinigten", "niederlanden", "niederlande", "philippinen", "emiraten", "emirate", "vae",
                "malediven", "seychellen", "komoren", "bahamas"}
# prepositions that may follow their noun: "Seoul zufolge", "Medienberichten zufolge", "dem Vertrag gemäß"
POSTPOSITIONS = {"zufolge", "gemass", "entsprechend", "nach", "gegenuber"}
GENITIVE_PREPS = {"wegen", "trotz", "seitens", "angesichts", "innerhalb", "ausserhalb", "anstelle", "statt",
                  "wahrend", "mittels", "zugunsten"}
# nouns that make "geben" a light verb ("den Startschuss geben"), besides the lexicon's permission words
LIGHT_OBJECTS = {"startschuss", "zusage", "bescheid", "antwort", "auskunft", "einblick", "einblicke", "hinweis",
                 "hinweise", "entwarnung", "signal", "befehl", "interview", "interviews", "erklarung", "garantie",
                 "garantien", "versprechen"}
# nouns and verbs of an allegation: the zu-infinitive after them is what someone is accused of doing now
ALLEGATIONS = {"vorwurf", "vorwurfe", "vorwurfen", "vorwerfen", "anschuldigung", "anschuldigungen", "beschuldigung",
               "beschuldigungen", "behauptung", "behauptungen", "beschuldigen", "bezichtigen"}
SUBJECT_PRONOUNS = {"er", "es", "wir", "ich", "man"}  # "sie" may be an object or plural: not counted
SEPARABLE_PARTICLES = {"an", "ab", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "hinzu", "los", "mit",
                       "nach", "vor", "weg", "weiter", "zu", "zuruck", "zusammen", "bereit", "bekannt", "dar",
                       "entgegen", "frei", "vorbei", "heraus", "zur", "ubers"}

# "nach US-Angaben", "nach Kreml-Informationen": "nach" is "according to", not a direction
SOURCE_HEADS = ("angaben", "informationen", "berichten", "ansicht", "auffassung", "einschatzung", "schatzungen",
                "darstellung", "erkenntnissen", "meinung", "worten", "aussagen", "recherchen")
TYPE_WORDS = {"typ", "typs", "modell", "modells", "version", "variante", "baureihe", "namens", "genannt"}
# Verb forms, by unfolded lower-case surface: folding would merge "würde" with "wurde", "hätte" with "hatte".
# strong participles simplemma takes for adjectives ("entschieden": decided, also "resolute")
STRONG_PARTICIPLES = {"entschieden": "entscheiden"}
HABEN = {"hat", "haben", "habe", "hatte", "hatten", "hätte", "hätten", "habest", "hast", "habt"}
SEIN = {"ist", "sind", "sei", "seien", "war", "waren", "wäre", "wären", "gewesen"}
PASSIVE_PAST = {"wurde", "wurden", "worden"}
FUTURE_FINITE = {"wird", "werden", "werde", "wirst", "will", "wollen", "wolle", "wollte", "wollten", "soll",
                 "sollen", "solle", "sollte", "sollten", "möchte", "möchten", "plant", "planen", "plante",
                 "planten", "beabsichtigt", "beabsichtigen", "würde", "würden"}
KONJUNKTIV = {"sei", "seist", "seien", "wäre", "wären", "wärst", "hätte", "hätten", "hättest", "würde", "würden",
              "würdest", "könne", "müsse", "dürfe", "wolle", "solle", "möge", "habe", "habest", "werde", "gebe",
              "verfüge", "liefere", "erhalte"}
FIRST_PERSON_FORMS = {"habe", "werde", "gebe", "verfüge", "liefere", "erhalte"}  # "ich habe" is no Konjunktiv
HEARSAY = {"soll", "sollen", "solle"}
CUE_OBJECT_REACH = 4  # tokens from a stage word to a trigger it takes as its object ("plant Polen den Kauf")
MODALS = {"kann", "können", "könne", "konnte", "konnten", "könnte", "könnten", "muss", "müssen", "müsse",
          "musste", "mussten", "darf", "dürfen", "dürfe", "durfte", "mag", "möchte", "möchten"}
POSSIBLE = {"kann", "können", "könnte", "könnten", "dürfte", "dürften"}  # "könnte … bestellen": a possible order ahead
FINITE_AUX = (HABEN | SEIN | FUTURE_FINITE | MODALS | {"wurde", "wurden"}) - {"gewesen"}
NEGATIONS = {"nicht", "nie", "niemals", "kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei"}
NEGATION_EXCEPTIONS = {"nur", "lediglich", "bloss", "allein", "zuletzt", "ausgeschlossen"}  # "nicht nur Panzer"
Hits = list[tuple[int, int, Trigger]]  # (first token, end token, trigger) as PhraseIndex.find_all returns them
ZU_INFIX = re.compile(r"^(?:an|ab|auf|aus|bei|ein|mit|nach|vor|weiter|zuruck|bereit)zu\w+en$")
PARTICIPLE = re.compile(r"^(?:an|ab|auf|aus|bei|ein|mit|nach|vor|weg|weiter|zu|zuruck|bereit|zur)?ge\w+(?:t|en)$")


def _low(t: Token) -> str:
    return t.text.lower()


def _is_word(t: Token) -> bool:
    return t.text[:1].isalpha()


def _is_lower_word(t: Token) -> bool:
    return t.text[:1].isalpha() and t.text[:1].islower()


def _verb_like(t: Token) -> bool:
    """A finite full verb by its form: lower case, a lemma ending like an infinitive, a finite ending."""
    if not _is_lower_word(t) or t.lemma == t.fold or t.fold.startswith("ge"):
        return False
    if t.lemma.endswith(("en", "rn", "ln")) and t.fold.endswith(("t", "te", "ten", "st")):
        return True
    # Konjunktiv I of reported speech, the stem and "e": "liefere" (liefern), "schicke" (schicken)
    return t.lemma.endswith(("ern", "eln")) and t.fold == t.lemma[:-1] + "e" or \
        t.lemma.endswith("en") and t.fold == t.lemma[:-2] + "e"


class GermanFrontend(LemmaFrontend):
    """simplemma lemmas plus separable verbs, case, Konjunktiv and future marks (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__("de", lexicon.conditional_suffixes)
        self.lex = lexicon
        self._known: tuple[PhraseIndex[Any], ...] = (
            lexicon.triggers, lexicon.stage_cues, lexicon.report_verbs, lexicon.denials, lexicon.hedges,
            lexicon.non_transfer, lexicon.possession, lexicon.unconfirmed, lexicon.citing)

    def analyse(self, sentence: Sentence) -> None:
        super().analyse(sentence)
        toks = sentence.tokens
        if not toks:
            return
        self._repair_lemmas(toks)
        complete_suspended_compounds(toks, self.lex, COMPOUNDS)  # 'Kampf- und Schützenpanzer'
        mark_compound_heads(toks, self.lex, COMPOUNDS)  # 'Aufklärungsdrohnen' → drohnen
        self._hyphenated_triggers(toks)  # 'Taurus-Lieferung' → lieferung
        clauses = _clauses(toks)
        for lo, hi in clauses:
            self._rejoin_separable(toks, lo, hi)
            self._rejoin_reflexive(toks, lo, hi)
        triggers = self.lex.triggers.find_all(toks)
        self._negated_triggers(toks, triggers, clauses)
        triggers = [tr for tr in triggers if not toks[tr[0]].negated]
        self._prepositions(toks, triggers, clauses)
        self._joined_main_clauses(toks)
        self._article_cases(toks)
        self._recipient_pp(toks)
        self._place_cases(toks)
        self._bare_name_cases(toks, triggers, clauses)
        self._inverted_subjects(toks, triggers, clauses)
        _zu_clause_articles(toks, triggers, clauses)
        self._mood_and_tense(toks, triggers, clauses)
        if not triggers:
            _mark_reported_speech(toks)
        for t in toks:  # verbs, so a noun phrase read after "laut X" can stop at the finite verb
            if _is_lower_word(t) and _low(t) in FINITE_AUX:
                t.pos = "AUX"
            elif _verb_like(t) or _participle_form(t):
                t.pos = "VERB"

    # 1. lemmas -----------------------------------------------------------------------------------------
    def _repair_lemmas(self, toks: list[Token]) -> None:
        for i, t in enumerate(toks):
            if not _is_lower_word(t):
                continue
            if t.lemma == t.fold or t.lemma == t.fold.rstrip("n"):
                # attributive participle: "gelieferten", "bestellte", "zugesagten" → the participle's verb
                for cut in (1, 2):
                    stem = t.text[:-cut]
                    if len(stem) > 4 and stem.lower().endswith(("t", "en")):
                        lem = simple_lemma(stem, "de")
                        if lem != stem.lower() and lem.endswith(("en", "rn", "ln")):
                            t.lemma = lem
                            break
            if t.lemma == "geben" and any(0 <= k < len(toks) and _low(toks[k]) == "es" for k in (i - 1, i + 1)):
                t.lemma = t.fold  # "es gibt", "gibt es": existential, not a transfer
            elif t.lemma == "geben" and self._light_object(toks, i):
                t.lemma = t.fold  # "gibt grünes Licht für …", "gab ihre Zustimmung": a light verb, no transfer

    def _light_object(self, toks: list[Token], i: int) -> bool:
        """Does 'geben' at i take a noun that makes it a light verb ('grünes Licht geben', 'die Zustimmung geben',
        'den Startschuss geben'), in its clause?"""
        lo, hi = i, i + 1
        while lo > 0 and toks[lo - 1].text not in CLAUSE_PUNCT and i - lo < 6:
            lo -= 1
        while hi < len(toks) and toks[hi].text not in CLAUSE_PUNCT and hi - i < 6:
            hi += 1
        return bool(self.lex.permissions.find_all(toks, lo, hi)) or any(toks[k].fold in LIGHT_OBJECTS
                                                                       for k in range(lo, hi))

    def _hyphenated_triggers(self, toks: list[Token]) -> None:
        """'Taurus-Lieferung', 'F-16-Lieferungen', 'Eurofighter-Verkauf': a hyphenated noun whose last part is a
        transfer noun of the lexicon is that noun (its lemma), with the designation before the hyphen as its item
        (the core reads a trigger word holding its item: 'Raketenlieferungen')."""
        for t in toks:
            if "-" not in t.text or not t.text[:1].isalnum() or self.lex.triggers.match_at([t], 0):
                continue
            last = t.text.rsplit("-", 1)[1]
            if not last[:1].isupper() or len(last) < 4:
                continue  # a noun: 'Taurus-Lieferung', not 'F-16' or 'Iris-T'
            part = Token(last, t.start, t.end, fold(last))
            part.lemma = simple_lemma(last, "de")
            m = self.lex.triggers.match_at([part], 0)
            if m is not None and m[0] == 1:
                t.lemma = part.lemma if part.lemma in self.lex.triggers else part.fold

    def _knows(self, word: str) -> bool:
        return any(word in idx for idx in self._known)

    def _rejoin_separable(self, toks: list[Token], lo: int, hi: int) -> None:
        """'Russland bietet Indien Su-57 an' → the lemma of 'bietet' becomes 'anbieten'."""
        last = hi - 1
        if last <= lo or not _is_lower_word(toks[last]) or toks[last].fold not in SEPARABLE_PARTICLES:
            return
        particle = toks[last].fold
        for k in range(lo, last):
            t = toks[k]
            if not _is_lower_word(t) or t.fold in ARTICLES or t.fold in PREPOSITIONS:
                continue
            joined = particle + t.lemma
            if self._knows(joined):
                t.lemma = joined
                toks[last].pos = "VERB"  # the verb's closing part: "teilte das Unternehmen mit" names no "mit"
                return

    def _rejoin_reflexive(self, toks: list[Token], lo: int, hi: int) -> None:
        """'hat sich für den F-35A entschieden', 'dass Polen sich für Abrams entscheidet': a reflexive verb whose
        'sich' + preposition stand before it in its clause is read where they stand, as the lexicon's phrase of the
        verb and preposition ('entscheiden für', the order of 'entschied sich für'; the stage cue 'aussprechen für' of
        'hat sich für die Lieferung … ausgesprochen'): 'sich' takes the verb's lemma."""
        for k in range(lo, hi - 2):
            if toks[k].fold != "sich" or toks[k + 1].fold not in PREPOSITIONS:
                continue
            for v in range(hi - 1, k + 1, -1):
                if not _is_lower_word(toks[v]):
                    continue
                sich, toks[k].lemma = toks[k].lemma, STRONG_PARTICIPLES.get(toks[v].fold, toks[v].lemma)
                if any((m := idx.match_at(toks, k)) is not None and m[0] >= 2
                       for idx in (self.lex.triggers, self.lex.stage_cues)):
                    return
                toks[k].lemma = sich
            return

    # 5. negation ---------------------------------------------------------------------------------------
    def _negated_triggers(self, toks: list[Token], triggers: Hits, clauses: list[tuple[int, int]]) -> None:
        for a, b, _trig in triggers:
            t = toks[a]
            if _is_lower_word(t) and self._negated_governor(toks, clauses, a, b):
                t.negated = True  # "weigert sich, … zu liefern", "ist nicht bereit, … zu liefern"
                continue
            if not _is_lower_word(t):
                continue
            lo, hi = _clause_of(clauses, a)
            # V2: "liefert keine Taurus", "erhielt bisher keine Kampfjets" (not an infinitive: "keine … liefern")
            after = None if t.lemma == t.fold else next((k for k in range(b, hi) if _negation(toks, k, hi)), None)
            # verb-final: "hat der Ukraine bisher keine Kampfjets geliefert", "darf keine Leopard-Panzer an die
            # Ukraine liefern" (the core looks 4 tokens back only)
            finite = _finite_index(toks, lo, a)
            before = finite is not None and any(_negation(toks, k, hi) for k in range(finite + 1, a))
            if after is not None or before:
                t.negated = True  # no transfer is stated

    # 2. prepositions -----------------------------------------------------------------------------------
    def _prepositions(self, toks: list[Token], triggers: Hits,
                      clauses: list[tuple[int, int]]) -> None:
        for i, t in enumerate(toks):
            if t.fold == "von" and self._attribute_agent(toks, i):
                t.role_marker = "bystander"  # "der von Russland angegriffenen Ukraine": the attribute's agent
            elif t.fold in ("von", "vom", "aus") and triggers:
                lo, hi = _clause_of(clauses, i)
                local = [tr for tr in triggers if lo <= tr[0] < hi] or triggers
                a, _b, trig = min(local, key=lambda tr: abs(tr[0] - i))
                if trig.role == "get":
                    t.role_marker = "from"  # "erhält von Deutschland": the source, not the agent (`by`)
            elif t.fold in ("bei", "beim") and triggers:
                lo, hi = _clause_of(clauses, i)
                if any(tr[2].buy for tr in triggers if lo <= tr[0] < hi):
                    t.role_marker = "from"  # "hat bei Lockheed Martin bestellt": the seller
            elif t.fold == "nach" and i + 1 < len(toks):
                nxt_tok = toks[i + 1]
                if nxt_tok.text[:1].isupper() and _is_word(nxt_tok) and nxt_tok.fold not in ARTICLES and \
                        not nxt_tok.fold.endswith(SOURCE_HEADS):
                    t.role_marker = "to"  # "nach Russland": direction; not "nach US-Angaben", "nach dem Krieg"
            elif t.fold in ("in", "im") and i + 1 < len(toks):
                nxt = toks[i + 1].fold
                after = toks[i + 2].fold if i + 2 < len(toks) else ""
                if t.fold == "in" and (nxt in ("die", "das") or (nxt == "den" and after not in PLURAL_NAMES)):
                    t.role_marker = "to"  # "in die Ukraine": direction (accusative), not place
                elif triggers and self._seller_country(toks, i):
                    lo, hi = _clause_of(clauses, i)
                    local = [tr for tr in triggers if lo <= tr[0] < hi]
                    if any(tr[2].buy for tr in local):
                        # "hat in Südkorea Panzer bestellt", "kauft 500 HIMARS in den USA", "kauft im Iran":
                        # the seller's country
                        t.role_marker = "from"

    def _attribute_agent(self, toks: list[Token], i: int) -> bool:
        """Does the 'von' at i open the agent of an attribute of hostility ('der von Russland angegriffenen Ukraine',
        'die von Russland besetzten Gebiete')? An article before it, a name, then an inflected attack participle: the
        agent attacks, it supplies nothing ('die von Deutschland gelieferten Panzer' keeps its supplier)."""
        if i == 0 or toks[i - 1].fold not in ARTICLES:
            return False
        k = i + 1
        while k < len(toks) and toks[k].text[:1].isupper() and _is_word(toks[k]):
            k += 1
        return i + 1 < k < len(toks) and _is_lower_word(toks[k]) and \
            toks[k].fold.rstrip("enrms") in ATTACK_PARTICIPLES

    def _seller_country(self, toks: list[Token], i: int) -> bool:
        """Does the 'in'/'im' at i open a bare place name ('in Südkorea', 'in den USA', 'in der Türkei', 'im Iran')
        that no noun before it owns ('für den Krieg in der Ukraine': where the war is)?"""
        k = i + 1
        if toks[i].fold == "in" and k < len(toks) and toks[k].fold in ("der", "den", "dem"):
            k += 1
        if k >= len(toks) or not toks[k].text[:1].isupper() or not _is_word(toks[k]) or toks[k].fold in ARTICLES \
                or self._common_noun(toks, k):
            return False
        prev = toks[i - 1] if i > 0 else None
        owned = prev is not None and prev.text[:1].isupper() and _is_word(prev) and not self._common_noun(toks, i - 1) \
            and i > 1 and (toks[i - 2].fold in ARTICLES or toks[i - 2].fold in PREPOSITIONS)
        return not owned

    # 3. case -------------------------------------------------------------------------------------------
    def _article_cases(self, toks: list[Token]) -> None:
        for i, t in enumerate(toks[:-1]):
            art = t.fold
            if art not in ("der", "dem", "den") or not _is_lower_word(t):
                continue
            if i > 0 and toks[i - 1].fold in PREPOSITIONS and toks[i - 1].fold not in GENITIVE_PREPS:
                continue  # "laut dem Pentagon", "in der Ukraine": the preposition governs the case
            head = i + 1
            if toks[head].role_marker == "bystander":  # "der von Russland angegriffenen Ukraine"
                head += 1
                while head < len(toks) and toks[head].text[:1].isupper():
                    head += 1
            while head < len(toks) and head - i <= 3 and _is_lower_word(toks[head]) and \
                    toks[head].fold not in ARTICLES and toks[head].fold not in PREPOSITIONS:
                head += 1  # adjectives: "der angegriffenen Ukraine"
            if head >= len(toks) or not toks[head].text[:1].isupper():
                continue
            name = toks[head].fold
            case = ""
            if art == "dem":
                case = "dat"
            elif art == "den":
                case = "dat" if name in PLURAL_NAMES else ""
            elif name in MASCULINE_NAMES:
                case = ""  # "der Iran": nominative
            elif name in PLURAL_NAMES:
                case = "gen"  # "der USA"
            else:
                case = "gen" if self._genitive_context(toks, i) else "dat"
            if case:
                for k in _np_tokens(toks, head):
                    toks[k].case = case

    def _recipient_pp(self, toks: list[Token]) -> None:
        """'an die Ukraine', 'an Israel': the recipient, marked with the recipient case."""
        for i, t in enumerate(toks[:-1]):
            if t.fold != "an" or not _is_lower_word(t):
                continue
            head = i + 1
            while head < len(toks) and head - i <= 4 and _is_lower_word(toks[head]) and \
                    (toks[head].fold in ARTICLES or _adjective_like(toks[head])):
                head += 1
            if head < len(toks) and toks[head].text[:1].isupper() and _is_word(toks[head]):
                for k in _np_tokens(toks, head):
                    toks[k].case = toks[k].case or "dat"

    def _place_cases(self, toks: list[Token]) -> None:
        """'in der Ukraine', 'bei Kiew': a place, marked locative (unless `_prepositions` read the preposition as a
        direction or a seller); so is a compound naming a site ('US-Stützpunkt', 'Nato-Luftwaffenbasis')."""
        for t in toks:
            if "-" in t.text and t.text[:1].isupper() and fold(t.text.rsplit("-", 1)[1]).endswith(SITE_HEADS):
                t.case = t.case or "loc"
        for i, t in enumerate(toks[:-1]):
            if t.fold not in PLACE_PREPOSITIONS or t.role_marker or not _is_lower_word(t):
                continue
            if t.fold == "bei" and self.lex.thanks.find_all(toks, max(0, i - 3), i):
                continue  # "bedankte sich bei Rumänien": the one thanked, not a place
            if t.fold == "in" and i > 0 and toks[i - 1].fold in GOVERNMENT_HEADS and toks[i + 1].text[:1].isupper():
                # "der Regierung in Kiew": the state whose government it is, in the government's case
                for k in _np_tokens(toks, i + 1):
                    toks[k].case = toks[k].case or toks[i - 1].case
                continue
            head = i + 1
            while head < len(toks) and head - i <= 3 and _is_lower_word(toks[head]) and \
                    (toks[head].fold in ARTICLES or _adjective_like(toks[head])):
                head += 1
            if head < len(toks) and toks[head].text[:1].isupper() and _is_word(toks[head]):
                for k in _np_tokens(toks, head):
                    toks[k].case = toks[k].case or "loc"

    def _genitive_context(self, toks: list[Token], i: int) -> bool:
        """'der' at i after a noun is a genitive ('Präsident der Ukraine', 'Lieferungen der Türkei'); after a
        verb ('liefert der Ukraine') or after the subject right behind the verb ('hat Deutschland der
        Ukraine') or after the subject opening a subordinate clause ('dass Deutschland der Ukraine') it is a dative."""
        prev = toks[i - 1] if i > 0 else None
        if prev is None:
            return False
        if prev.fold in GENITIVE_PREPS:
            return True
        if not prev.text[:1].isupper() or not _is_word(prev):
            return False
        if self._common_noun(toks, i - 1):
            return True
        before = toks[i - 2] if i > 1 else None
        subject_after_verb = before is not None and (_low(before) in FINITE_AUX and _is_lower_word(before)
                                                     or _verb_like(before))
        # "…, dass Deutschland der Ukraine Panzer geliefert hat": the subject that opens a subordinate clause
        k = i - 2
        while k > 0 and toks[k].fold in ARTICLES:
            k -= 1  # "dass die Niederlande der Ukraine"
        # "…, dass Deutschland der Ukraine", "sagte, Deutschland werde der Ukraine": the subject opening a clause
        subject_of_clause = k >= 0 and (_low(toks[k]) in SUBORDINATORS or toks[k].text == ",")
        return not (subject_after_verb or subject_of_clause)

    def _bare_name_cases(self, toks: list[Token], triggers: Hits,
                         clauses: list[tuple[int, int]]) -> None:
        """With a give-verb, a bare name after the subject is the dative recipient."""
        done: set[tuple[int, int]] = set()
        for a, b, trig in triggers:
            if trig.role != "give":
                continue  # nouns too: "hat Taiwan den Verkauf … genehmigt"
            lo, hi = _clause_of(clauses, a)
            zu_clause = _zu_infinitive(toks, a, b, hi)
            if not zu_clause:
                lo, hi = _verb_scope(toks, clauses, a)  # "Iran hat Russland nicht nur X, sondern auch Y geliefert"
            if (lo, hi) in done:
                continue
            done.add((lo, hi))
            subordinate = toks[lo].fold in SUBORDINATORS or (lo > 0 and toks[lo - 1].text == ","
                                                             and toks[lo].fold in RELATIVES)
            finite = None if (zu_clause or subordinate) else _finite_index(toks, lo, hi)
            if finite is None and not (zu_clause or subordinate) and _is_lower_word(toks[a]) and a > lo:
                finite = a  # "Die USA liefern Rumänien …": a plural present has the infinitive's form
            if zu_clause:
                subject_seen = True  # "bestreitet, Russland Drohnen geliefert zu haben": no subject inside
            elif finite is not None:
                subject_seen = _subject_in_prefield(toks[lo:finite]) and \
                    not self._object_prefield(toks, lo, finite, hi, a)
            else:
                subject_seen = False
            named = self._subject_with_article(toks, finite + 1, hi) if finite is not None and not subject_seen \
                else None
            if named is not None and not toks[named].case:
                # "Gemeinsam mit den USA liefern die Niederlande …": the article phrase behind the verb is the subject
                for j in _np_tokens(toks, named):
                    toks[j].case = toks[j].case or "nom"
            names = self._bare_names(toks, lo, hi)
            if not names:
                continue
            prev_case = ""
            for k, coordinated in names:
                if finite is not None and k < finite:
                    continue
                if not subject_seen and any(toks[j].fold in SUBJECT_PRONOUNS for j in range(lo, k)):
                    subject_seen = True  # "es habe Russland … geliefert": the pronoun is the subject
                if finite is not None and not subject_seen and any(
                        toks[j].fold in ("der", "die", "das") and toks[j + 1].text[:1].isupper()
                        for j in range(finite + 1, k - 1)):
                    subject_seen = True  # "soll der Iran Russland … geliefert haben": the article phrase is the subject
                if coordinated and prev_case:
                    case = prev_case
                elif subject_seen:
                    case = "dat"
                else:
                    case = "nom"
                    subject_seen = True
                for j in _np_tokens(toks, k):
                    if not toks[j].case:
                        toks[j].case = case
                prev_case = case

    def _inverted_subjects(self, toks: list[Token], triggers: Hits, clauses: list[tuple[int, int]]) -> None:
        """'Außerdem kauft Polen in Südkorea …', 'Zudem erhält die Ukraine …': after an adverb or a phrase in
        the prefield, the first name behind a receive or buy verb (bare or behind a nominative article) is its
        subject."""
        for a, _b, trig in triggers:
            if trig.role == "give":
                continue  # `_bare_name_cases` reads subject and dative of give-verbs
            lo, hi = _clause_of(clauses, a)
            finite = _finite_index(toks, lo, hi)
            if finite is None or finite > a or toks[lo].fold in SUBORDINATORS or \
                    _subject_in_prefield(toks[lo:finite]) and not self._object_prefield(toks, lo, finite, hi, a):
                continue
            names = [k for k, _c in self._bare_names(toks, finite + 1, hi)]
            named = self._subject_with_article(toks, finite + 1, hi)
            if named is not None and (not names or named < names[0]):
                names = [named]  # "Zudem erhält die Ukraine von den USA …", "kauft der Iran …"
            if names and not toks[names[0]].case and names[0] - finite <= 2:
                for j in _np_tokens(toks, names[0]):
                    toks[j].case = toks[j].case or "nom"

    def _joined_main_clauses(self, toks: list[Token]) -> None:
        """'Deutschland liefert Panzer an Polen, Frankreich kauft Haubitzen …', '… und Italien bestellt …': a bare
        name after a comma or a conjunction, right before a finite verb that does not close the clause, is the
        subject of a main clause of its own (marked "nom"), not the next member of a list ('an Polen und Ungarn
        verkauft': the verb closes the clause)."""
        for k in range(1, len(toks) - 2):
            prev = toks[k - 1]
            if not (prev.text == "," or prev.fold in COORD) or toks[k].case or not toks[k].text[:1].isupper() or \
                    not _is_word(toks[k]) or toks[k].fold in NON_NAMES or self._common_noun(toks, k):
                continue
            v = _np_tokens(toks, k)[-1] + 1
            if v + 1 >= len(toks) or toks[v + 1].text in CLAUSE_PUNCT or not _is_lower_word(toks[v]):
                continue
            if _low(toks[v]) in FINITE_AUX or _verb_like(toks[v]):
                for j in _np_tokens(toks, k):
                    toks[j].case = "nom"

    def _object_prefield(self, toks: list[Token], lo: int, finite: int, hi: int, a: int) -> bool:
        """'Zehn Leopard-Panzer hat Deutschland …', 'Fünf Patriot-Systeme hat die Schweiz … bestellt': goods
        opening an active main clause are its object, and the subject follows the finite verb (in a passive,
        'Panzer wurden Polen geliefert', the goods are the subject)."""
        if not any(self._goods_noun(toks, k) for k in range(lo, finite)):
            return False
        passive = toks[finite].fold in PASSIVE_PAST or any(t.fold == "worden" for t in toks[finite:hi]) or \
            toks[finite].fold in ("wird", "werden") and _participle_form(toks[a])
        return not passive

    def _goods_noun(self, toks: list[Token], k: int) -> bool:
        """A generic item noun at k, alone or as the head of a compound ('Panzer', 'Leopard-Panzer')."""
        if self.lex.generic_items.match_at(toks, k):
            return True
        head = toks[k].text.rsplit("-", 1)[-1]
        return "-" in toks[k].text and head[:1].isupper() and \
            bool(self.lex.generic_items.match_at(tokenize(head, 0), 0))

    def _subject_with_article(self, toks: list[Token], k: int, hi: int) -> int | None:
        """A name right behind a nominative article at k ('die Ukraine', 'die USA', 'der Iran', 'das
        Emirat'): the subject of the inverted clause. 'der' is a nominative only before a masculine name."""
        if k + 1 >= hi or not _is_lower_word(toks[k]) or toks[k].fold not in ("die", "das", "der"):
            return None
        name = toks[k + 1]
        if not name.text[:1].isupper() or not _is_word(name) or name.fold in NON_NAMES or \
                self._common_noun(toks, k + 1):
            return None
        if toks[k].fold == "der" and name.fold not in MASCULINE_NAMES:
            return None  # "liefert der Ukraine": a dative
        return k + 1

    def _bare_names(self, toks: list[Token], lo: int, hi: int) -> list[tuple[int, bool]]:
        """Capitalised words in [lo, hi) that start a bare noun phrase (no article or preposition before
        them) and are not known common nouns; with whether they follow a coordinating conjunction."""
        out: list[tuple[int, bool]] = []
        k = lo
        while k < hi:
            t = toks[k]
            if not t.text[:1].isupper() or not _is_word(t) or t.fold in NON_NAMES or t.fold in ARTICLES \
                    or t.fold in PREPOSITIONS or t.fold in SUBORDINATORS or self._common_noun(toks, k):
                k += 1
                continue
            prev = toks[k - 1] if k > lo else None
            coordinated = prev is not None and prev.fold in COORD
            function_word = prev is not None and (prev.fold in ARTICLES or prev.fold in PREPOSITIONS) and \
                prev.fold not in SUBORDINATORS  # "dass Nordkorea …" opens a bare noun phrase
            bare = prev is None or coordinated or not function_word and (
                prev.text[:1].isupper() or _is_lower_word(prev) and not _adjective_like(prev))
            if bare and prev is not None and prev.text[:1].isupper() and out and out[-1][0] == k - 1 and \
                    toks[k - 1].fold in NAME_HEADS:
                bare = False  # "Vereinigte Staaten": one name
            if bare and prev is not None and (prev.is_number or prev.fold in TYPE_WORDS):
                bare = False  # "18 Leopard", "vom Typ Rafale": an item, not a party
            if bare:
                out.append((k, coordinated))
            k = _np_tokens(toks, k)[-1] + 1
        return out

    def _negated_governor(self, toks: list[Token], clauses: list[tuple[int, int]], a: int, b: int) -> bool:
        """Is the trigger at a a zu-infinitive whose governing clause, before its comma, refuses it or is negated
        ('Berlin weigert sich, … zu liefern', 'hat es abgelehnt, … weiterzugeben', 'ist nicht bereit, … zu
        liefern'; not a denial: 'bestreitet nicht, …' is no refusal)?"""
        idx = next((n for n, (lo, hi) in enumerate(clauses) if lo <= a < hi), 0)
        lo, hi = clauses[idx]
        if idx == 0 or toks[lo - 1].text != "," or not _zu_infinitive_of(toks, a, b, hi):
            return False
        plo, phi = clauses[idx - 1]
        if self.lex.refusals.find_all(toks, plo, phi):
            return True
        if self.lex.denials.find_all(toks, plo, phi):
            return False
        return any(_negation(toks, k, phi) for k in range(plo, phi))

    def _denied_or_alleged(self, toks: list[Token], clauses: list[tuple[int, int]], a: int) -> bool:
        """Is the clause of the trigger at a the complement of a denial or an accusation in the clause before it
        ('Der Iran bestreitet, …', 'Peking weist Vorwürfe zurück, …', 'Washington wirft Peking vor, …')?"""
        idx = next((n for n, (lo, hi) in enumerate(clauses) if lo <= a < hi), 0)
        if idx == 0 or toks[clauses[idx][0] - 1].text != ",":
            return False
        lo, hi = clauses[idx - 1]
        if self.lex.denials.find_all(toks, lo, hi) or self.lex.accusations.find_all(toks, lo, hi):
            return True
        return any(toks[k].fold in ALLEGATIONS or toks[k].lemma in ALLEGATIONS for k in range(lo, hi))

    def _common_noun(self, toks: list[Token], k: int) -> bool:
        lex = self.lex
        return any(idx.match_at(toks, k) for idx in (lex.generic_items, lex.triggers, lex.stage_cues,
                                                     lex.source_nouns, lex.institution_heads, lex.hedges))

    # 4. mood and tense ---------------------------------------------------------------------------------
    def _mood_and_tense(self, toks: list[Token], triggers: Hits,
                        clauses: list[tuple[int, int]]) -> None:
        starts = {tr[0] for tr in triggers}
        for a, b, _trig in triggers:
            t = toks[a]
            lo, hi = _verb_scope(toks, clauses, a)
            v, b = _phrase_verb(toks, a, b, hi)  # "zur Verfügung stellen": the verb after the phrase has the form
            form = toks[v]
            scope = range(lo, hi)
            lows = {k: _low(toks[k]) for k in scope}
            verbal = _is_lower_word(t)
            tail = [lows[k] for k in range(b, min(hi, b + 3))]
            # a participle with its auxiliary: perfect ("hat … geliefert") or passive ("wurden … geliefert")
            perfect = any(w in HABEN or w in SEIN or w in PASSIVE_PAST for k, w in lows.items() if k != v)
            if verbal:
                perfect = perfect and not _infinitive_after_modal(toks, lows, v)
                passive_inf = bool(tail) and tail[0] == "werden" and v + 1 < hi  # "soll geliefert werden"
                t.past_participle = (_participle_form(form) or perfect) and not passive_inf
            else:
                passive_inf = False
            hearsay = any(w in HEARSAY for w in lows.values()) and (
                (len(tail) >= 1 and tail[0] in ("haben", "sein")) or tail[:2] == ["worden", "sein"]
                or any(lows[k] in ("haben", "sein") and k > a for k in scope if k + 1 == hi or k + 2 == hi))
            if hearsay and verbal and tail[:1] == ["sein"] and any(w == "bis" for w in lows.values()):
                # "sollen bis Ende 2025 geliefert sein": a deadline ahead, not hearsay
                hearsay, passive_inf, t.past_participle = False, True, False
            konj = any(w in KONJUNKTIV and not (w in FIRST_PERSON_FORMS and k > 0 and _low(toks[k - 1]) == "ich")
                       for k, w in lows.items())
            konj_i = verbal and _konjunktiv_i(form) and not (v > 0 and _low(toks[v - 1]) == "ich")
            if hearsay or konj or konj_i:
                t.conditional = True
                if hearsay or konj_i:
                    # reported speech of a past or present fact ("soll geliefert haben", "liefere"), not the
                    # future-in-the-past the core reads into a bare conditional
                    t.past_participle = True
                elif not verbal:
                    t.past_participle = any(w in HABEN or w in SEIN for w in lows.values()) and \
                        not any(w in ("würde", "würden", "werde") for w in lows.values())
                continue
            future = False
            others = {w for k, w in lows.items() if k != a and (k != b or w != "werden")}
            if verbal:
                # "schicken": the dictionary may give another word's lemma ('schick'); the form decides
                infinitive = (form.lemma == form.fold or form.fold.endswith("en")) and form.fold.endswith("n") \
                    and not perfect and not _participle_form(form)
                if (infinitive or passive_inf) and others & (FUTURE_FINITE | POSSIBLE):
                    future = True  # "wird … liefern", "soll … geliefert werden"
                elif _zu_infinitive_of(toks, a, b, hi):
                    # "plant, … zu liefern", "bereitzustellen", "zur Verfügung zu stellen": an intention, unless the
                    # clause is what a denial or an accusation is about ("bestreitet, Russland Drohnen zu
                    # liefern": denies supplying them, now)
                    future = not self._denied_or_alleged(toks, clauses, a)
                elif infinitive and tail[:1] == ["werden"] and not _participle_form(form):
                    future = True  # "…, dass die Niederlande der Ukraine F-16 liefern werden"
            elif others & FUTURE_FINITE and any(
                    _is_lower_word(toks[k]) and toks[k].lemma == toks[k].fold and toks[k].fold.endswith("en")
                    and k > a and toks[k].fold not in ("werden",) for k in scope):
                future = True  # "Die Lieferung soll im Herbst beginnen"
            if not verbal and not future and any(
                    (m := self.lex.stage_cues.match_at(toks, k)) and m[1] == "planned"
                    and not any(s in starts for s in range(k + m[0], k + m[0] + CUE_OBJECT_REACH))
                    for k in range(b, hi)):
                # "hat die Lieferung … zugesagt": the verb closing the clause sets the stage (not one whose object
                # is a later noun: "Nach der Lieferung von … plant Polen den Kauf von …")
                future = True
            if not future and not (verbal and perfect) and self.lex.future.find_all(toks, lo, hi):
                future = True  # "liefert im kommenden Jahr", "bis Jahresende"
            if future:
                t.future = True


def _phrase_verb(toks: list[Token], a: int, b: int, hi: int) -> tuple[int, int]:
    """The token with the verb's form for the trigger [a, b), and the trigger's end including it: the trigger itself,
    or for a phrase opened by a preposition the verb closing it ('in Auftrag gegeben') or right after it ('zur
    Verfügung stellen', 'zur Verfügung gestellt')."""
    if toks[a].fold not in PREPOSITIONS or b - a < 2:
        return a, b
    if b - 1 > a and _is_lower_word(toks[b - 1]):
        return b - 1, b
    if b < hi and _is_lower_word(toks[b]) and toks[b].fold != "zu" and toks[b].fold not in ARTICLES:
        return b, b + 1
    return a, b


def _mark_reported_speech(toks: list[Token]) -> None:
    """'Darunter seien auch Raketen vom Typ KN-23 gewesen': a sentence with no transfer verb of its own that
    continues a report in Konjunktiv I is reported speech too."""
    for k, t in enumerate(toks):
        w = _low(t)
        if w in ("sei", "seien", "habe", "hätten", "wäre", "wären") and _is_lower_word(t) and not (
                w == "habe" and k > 0 and _low(toks[k - 1]) == "ich"):
            t.conditional = True
            t.past_participle = True  # reported past or present, not a future-in-the-past


def _subject_in_prefield(prefield: list[Token]) -> bool:
    """Whether the words before the finite verb of a main clause are a noun phrase, the subject ('Iran hat',
    'Der Iran hat', 'Die Bundesregierung hat'), rather than a prepositional phrase or an adverb ('Laut Reuters
    hat', 'Im Gegenzug soll', 'Zudem hat'), after which the subject follows the verb."""
    if not prefield or prefield[0].fold in PREPOSITIONS:
        return False
    if prefield[0].fold in NON_NAMES and not (prefield[0].fold in ARTICLES and len(prefield) > 1):
        return False  # "Zudem hat", "Das teilte": no subject; "Das israelische Unternehmen hat": one
    if prefield[-1].fold in POSTPOSITIONS:
        return False  # "Seoul zufolge hat Pjöngjang …", "Dem Bericht zufolge hat Iran …": a source, not the subject
    return any(t.text[:1].isupper() and _is_word(t) and t.fold not in NON_NAMES and t.fold not in ARTICLES
               for t in prefield)


def _participle_form(t: Token) -> bool:
    """'geliefert', 'ausgeliefert', 'zugesagt' (not 'geben', whose lemma is itself)."""
    return t.lemma != t.fold and bool(PARTICIPLE.match(t.fold))


def _negation(toks: list[Token], k: int, hi: int) -> bool:
    """'nicht', 'kein …', but not 'nicht nur' / 'nicht mehr nur' (not only)."""
    if toks[k].fold not in NEGATIONS:
        return False
    nxt = [toks[j].fold for j in range(k + 1, min(hi, k + 3))]
    return not (nxt[:1] and nxt[0] in NEGATION_EXCEPTIONS or nxt[:2] == ["mehr", "nur"])


def _adjective_like(t: Token) -> bool:
    return t.fold.endswith(("e", "en", "er", "es", "em")) and not _verb_like(t) and t.fold not in FINITE_AUX


def _konjunktiv_i(t: Token) -> bool:
    """'liefere', 'erhalte', 'verkaufe' with a third-person subject: Konjunktiv I of a full verb."""
    f, lem = t.fold, t.lemma
    if not f.endswith("e") or lem == f:
        return False
    return lem.endswith("en") and f == lem[:-1] or lem.endswith(("rn", "ln")) and f == lem[:-1] + "e"


def _infinitive_after_modal(toks: list[Token], lows: dict[int, str], a: int) -> bool:
    """'wird … erhalten', 'will … bekommen': the ambiguous form is an infinitive, not a participle."""
    t = toks[a]
    if t.lemma != t.fold:
        return False
    before = [w for k, w in lows.items() if k < a]
    return any(w in FUTURE_FINITE or w in MODALS for w in before) and not any(w in HABEN or w in SEIN
                                                                              for w in before)


def _zu_infinitive(toks: list[Token], a: int, b: int, hi: int) -> bool:
    if a > 0 and toks[a - 1].fold == "zu":
        return True
    if b + 1 < hi and toks[b].fold == "zu":
        return True  # "geliefert zu haben" (not the particle closing "sagte … zu")
    return _zu_infix(toks[a])


def _zu_clause_articles(toks: list[Token], triggers: Hits, clauses: list[tuple[int, int]]) -> None:
    """'beabsichtigt, der Ukraine F-16 zu liefern': an article opening a zu-infinitive clause after its comma is a
    determiner (pos "DET"), not the relative pronoun a comma + 'der' usually is."""
    for a, b, _trig in triggers:
        lo, hi = _clause_of(clauses, a)
        if lo > 0 and toks[lo - 1].text == "," and toks[lo].fold in ("der", "die", "das") and \
                _zu_infinitive(toks, a, b, hi):
            toks[lo].pos = "DET"


def _zu_infinitive_of(toks: list[Token], a: int, b: int, hi: int) -> bool:
    """Is the verbal trigger [a, b) a present zu-infinitive: 'zu liefern', 'bereitzustellen', 'zur Verfügung zu
    stellen' (not the perfect 'geliefert zu haben' nor a bare 'liefern')?"""
    t = toks[a]
    if _zu_infix(t):
        return True
    if a > 0 and toks[a - 1].fold == "zu" and t.fold.endswith("n") and not _participle_form(t):
        return True
    rest = [_low(toks[k]) for k in range(b, min(hi, b + 2))]
    return len(rest) == 2 and rest[0] == "zu" and rest[1] not in ("haben", "sein") and rest[1].endswith("en")


def _zu_infix(t: Token) -> bool:
    """'bereitzustellen', 'anzubieten', 'auszuliefern': the zu-infinitive of a separable verb."""
    return bool(ZU_INFIX.match(t.fold)) and t.lemma != t.fold


def _np_tokens(toks: list[Token], k: int) -> list[int]:
    """The token indices of a (possibly multi-word) capitalised name starting at k."""
    out = [k]
    while out[-1] + 1 < len(toks) and toks[out[-1]].fold in NAME_HEADS and toks[out[-1] + 1].text[:1].isupper():
        out.append(out[-1] + 1)  # "Vereinigte Arabische Emirate": each head word takes the next one
    return out


def _clauses(toks: list[Token]) -> list[tuple[int, int]]:
    """Token ranges split at punctuation and before subordinating conjunctions (not at the quotes around a
    name: 'wird der Ukraine Kampfpanzer vom Typ „Leopard 2“ liefern' is one clause)."""
    out: list[tuple[int, int]] = []
    lo = 0
    name_quotes = _name_quotes(toks)
    for k, t in enumerate(toks):
        if t.text in CLAUSE_PUNCT and k not in name_quotes:
            if k > lo:
                out.append((lo, k))
            lo = k + 1
        elif t.fold in SUBORDINATORS and k > lo and _is_lower_word(t) and t.fold != "wie":
            out.append((lo, k))
            lo = k
    if lo < len(toks):
        out.append((lo, len(toks)))
    return out or [(0, len(toks))]


def _name_quotes(toks: list[Token]) -> set[int]:
    """Indices of quote marks around a short name ('„Leopard 2“', '„Gepard“'): a few capitalised words or numbers
    with no punctuation between the marks."""
    out: set[int] = set()
    k = 0
    while k < len(toks):
        if toks[k].text in QUOTE_MARKS and k + 1 < len(toks) and (toks[k + 1].text[:1].isupper()
                                                                    or toks[k + 1].is_number):
            end = next((j for j in range(k + 1, min(len(toks), k + 2 + NAME_QUOTE_WORDS))
                        if toks[j].text in QUOTE_MARKS), None)
            if end is not None and end > k + 1 and all(toks[j].text[:1].isalnum() or toks[j].text == "-"
                                                       for j in range(k + 1, end)):
                out.update((k, end))
                k = end
        k += 1
    return out


def _clause_of(clauses: list[tuple[int, int]], i: int) -> tuple[int, int]:
    for lo, hi in clauses:
        if lo <= i < hi:
            return lo, hi
    return 0, 0


def _finite_index(toks: list[Token], lo: int, hi: int) -> int | None:
    for k in range(lo, hi):
        t = toks[k]
        if _low(t) in FINITE_AUX and _is_lower_word(t) or _verb_like(t):
            return k
    return None


def _verb_scope(toks: list[Token], clauses: list[tuple[int, int]], a: int) -> tuple[int, int]:
    """The trigger's clause, widened left over comma-separated parts until it holds a finite verb
    ('Iran habe, so Kiew, Russland Drohnen geliefert')."""
    idx = next((n for n, (lo, hi) in enumerate(clauses) if lo <= a < hi), 0)
    lo, hi = clauses[idx]
    n = idx
    while _finite_index(toks, lo, hi) is None and n > 0:
        n -= 1
        if toks[clauses[n][1]].text != ",":
            break
        lo = clauses[n][0]
    return lo, hi
