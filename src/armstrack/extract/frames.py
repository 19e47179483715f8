"""Transfer frames of a sentence: the trigger, its stage, who supplies, who receives, and which items.

Roles come from the trigger's type (give / get / buy / deal), the markers before each party
('to', 'from', 'by', French 'acheter … à'), its position (the subject before the trigger), passive
voice, and demonyms on the items ('drones iraniens')."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from armstrack.extract.mentions import ItemMention, PartyMention, for_purpose, object_case, word_before
from armstrack.extract.quantities import CURRENCY_SIGNS, day_of_month
from armstrack.lang.base import ABBREV, Token
from armstrack.lang.lexicon import Lexicon, Trigger
from armstrack.model import STAGE_ORDER, Stage

CLAUSE_BREAK = {";", ":", "?", "!"}
CLAUSE_PUNCT = {";", ":"}  # punctuation that opens another clause, in any language
KIND_STAGES = {Stage.LICENSED_PRODUCTION, Stage.TECHNOLOGY_TRANSFER}
NEGOTIATED = {Stage.NEGOTIATING, Stage.AGREED, Stage.ORDERED}
TALKS = {Stage.NEGOTIATING, Stage.AGREED}
# the order in which markers are tried before a party: the specific ones before the plain "to"/"from"/"by";
# a bystander ("protests from Moscow") and an enemy ("against") are no party; "together with" comes before "with"
# and "from", which its last word may be (Russian "вместе с"); the maker of the goods ("made by") is no party either
MARKER_ROLES = ("bystander", "against", "funder", "maker", "together", "between", "buy_from", "get_from", "with", "to",
                "from", "by")

@dataclass
class Frame:
    trigger: int  # token index of the role trigger
    role: str
    stage: Stage
    suppliers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    items: list[ItemMention] = field(default_factory=list)
    explicit_roles: bool = True
    when: str | None = None
    partners: list[str] = field(default_factory=list)  # "negotiates with France about the supply": either side
    group_partner: bool = False  # "negotiates with its allies about the supply": a partner the text does not name
    broker: bool = False  # talks between two sides about a delivery to a third: which side supplies is unsaid
    passed_on: bool = False  # "buys … for Ukraine": the buyers hand on what they buy, later
    passed_to: list[str] = field(default_factory=list)  # "buys … from France for Ukraine": who the buyers hand on to
    unnamed_supplier: bool = False  # "supplied by the West": a supplier the text names but no state
    collective_supplier: bool = False  # ... and it is a group of states ("the West", "European armies"): null supplier
    talked_over: bool = False  # a delivery negotiated with a partner: its two sides are the talks' parties
    plain_stage: Stage | None = None  # the stage before a know-how item made the frame a technology transfer
    plain_items: set[int] = field(default_factory=set)  # items listed beside that know-how: they keep it
    bundle: bool = False  # the trigger is a package noun ("the package includes …")
    contracted: bool = False  # a deal word governs the trigger ("a contract for the delivery of …")
    noun: bool = False  # the trigger is a noun ("the supply of"), not a verb

    def stage_of(self, it: ItemMention) -> Stage:
        return self.plain_stage if self.plain_stage is not None and it.first in self.plain_items else self.stage


# the triggers of the last sentences read: a sentence's triggers are asked for by a dozen readers; the token list
# is held so that its id stays its own, and the analysed tokens no longer change once triggers are read
_TRIGGER_MEMO: dict[int, tuple[list[Token], Lexicon, list[tuple[int, int, Trigger]]]] = {}
TRIGGER_MEMO_SIZE = 8


def find_triggers(tokens: list[Token], lex: Lexicon) -> list[tuple[int, int, Trigger]]:
    """Transfer triggers, except words inside an attribution phrase ("according to" is no "accord"), a sale or build
    word naming where the goods are made ("F-16s, built in the United States,"), verbs the front-end knows are
    negated ("liefert keine Taurus") and a support verb with no 'with' phrase of goods."""
    hit = _TRIGGER_MEMO.get(id(tokens))
    if hit is not None and hit[0] is tokens and hit[1] is lex:
        return list(hit[2])
    found = _find_triggers(tokens, lex)
    if len(_TRIGGER_MEMO) >= TRIGGER_MEMO_SIZE:
        _TRIGGER_MEMO.pop(next(iter(_TRIGGER_MEMO)))
    _TRIGGER_MEMO[id(tokens)] = (tokens, lex, found)
    return list(found)


def _find_triggers(tokens: list[Token], lex: Lexicon) -> list[tuple[int, int, Trigger]]:
    quoting = {k for a, b, _ in lex.unblocked(lex.according_to, tokens) for k in range(a, b)}
    made = {k for a, b, _ in lex.local_production.find_all(tokens) for k in range(a, b)}
    return [(a, b, trig) for a, b, trig in lex.triggers.find_all(tokens) if a not in quoting and not tokens[a].negated
            and not (a in made and trig.stage != "licensed_production")
            and (not trig.instrumental or _with_phrase(tokens, a, b, lex))]


WITH_REACH = 6  # words between a support verb and the 'with' of what it supports with, either way


def _with_phrase(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """'supports Ukraine with tanks', 'hat die Ukraine mit Panzern unterstützt': a support verb names a transfer
    only with a 'with' phrase in its clause (before it too, where the verb closes the clause)."""
    idx = lex.markers.get("with")
    if idx is None:
        return False
    after = range(b, min(len(tokens), b + WITH_REACH))
    before = range(a - 1, max(-1, a - 1 - WITH_REACH), -1) if lex.verb_final else range(0)
    for span in (after, before):
        for k in span:
            if tokens[k].text in SCOPE_END:
                break
            m = idx.match_at(tokens, k)
            if m:
                return _goods_after(tokens, k + m[0], lex)
    return False


def _goods_after(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Is the noun after a 'with' no money, information or service ('mit fünf Milliarden Euro', 'with intelligence',
    'mit der Ausbildung'), so possibly goods?"""
    while k < len(tokens) and (lex.is_article(tokens[k]) or tokens[k].is_number or tokens[k].fold in lex.numbers):
        k += 1
    if k >= len(tokens):
        return False
    t = tokens[k]
    return not (t.fold in lex.multipliers or t.text.lower() in lex.currency_words
                or any(idx.match_at(tokens, k) for idx in (lex.source_nouns, lex.services)))


def _goods_start(tokens: list[Token], k: int, items: list[ItemMention], lex: Lexicon) -> bool:
    """Does an object naming goods open at token k: an article, a number or an item?"""
    if k >= len(tokens):
        return False
    t = tokens[k]
    return lex.is_article(t) or t.is_number or t.fold in lex.numbers or any(it.first == k for it in items)


def _marker_before(tokens: list[Token], p: PartyMention, lex: Lexicon,
                   parties: list[PartyMention] | None = None) -> str | None:
    """The role marker before a party; 'by Britain and France': France shares Britain's marker, unless the
    front-end knows it is a subject ('… an Polen, Frankreich kauft …': a clause of its own); 'from NATO ally
    Turkey', 'to neighbouring Poland': the marker stands before the party's descriptor."""
    if parties and _describes_party(tokens, p, parties, lex):
        return "skip"  # "NATO" in "from NATO ally Turkey": a modifier of the party after it
    first = _descriptor_start(tokens, p.first, lex)
    j = first - 1
    k = word_before(tokens, first, lex)
    if parties and k >= 0 and _coordinator(tokens[k], lex) and not _joins_clause_after_verb(tokens, k, lex) and \
            tokens[p.first].case != "nom":
        comma = tokens[k].text == ","
        while k >= 0 and _coordinator(tokens[k], lex):
            k -= 1
        k = _before_parenthesis(tokens, k)  # "to Qatar (36 aircraft), India (36)"
        prev = next((q for q in parties if q.last == k), None)
        # "According to Washington, Iran …": no list of the two; "Together with the US and Czechia, the Netherlands
        # …": the list closed by its conjunction ends before the comma
        if prev is not None and not prev.source_like and not (comma and _ends_list(tokens, prev, lex)):
            return _marker_before(tokens, prev, lex, parties)
    # the marker ends right before the party or before its articles ("met de Verenigde Staten", "à la Russie");
    # not across an indefinite one: in "sold to a Russian company" the marker is the company's, not Russia's; but
    # it is a descriptor's ("par des alliés tels que la Norvège")
    while j >= 0 and lex.is_article(tokens[j]) and (tokens[j].fold not in lex.one_words or first != p.first):
        j -= 1
    ends = range(first - 1, max(j, 0) - 1, -1)
    for role in MARKER_ROLES:
        for end in ends:
            if tokens[end].role_marker == role:
                return role  # what the front-end knows: German "von" after a receive verb is "from"
    # the longest marker phrase wins ("procedentes de" is a source, its "de" alone a mere genitive), then the
    # order of MARKER_ROLES
    for end in ends:
        for back in (3, 2, 1, 0):
            s = end - back
            if s < 0:
                continue
            for role in MARKER_ROLES:
                idx = lex.markers.get(role)
                m = idx.match_at(tokens, s) if idx else None
                if m and s + m[0] - 1 == end:
                    return role
    return None


def _ends_list(tokens: list[Token], p: PartyMention, lex: Lexicon) -> bool:
    """Does a conjunction word join the party to the one before it ('the US and Czechia')?"""
    k = word_before(tokens, _descriptor_start(tokens, p.first, lex), lex)
    k -= k > 0 and _marker_before_word(tokens, k, lex)  # "e alla Repubblica Ceca": the marker repeated
    return k >= 0 and _coordinator(tokens[k], lex) and tokens[k].text != ","


DESCRIPTOR_REACH = 4  # words of a descriptor before a party ("its Gulf allies", "fellow NATO member")


def _descriptor_start(tokens: list[Token], first: int, lex: Lexicon) -> int:
    """Where a descriptor phrase ending right before a party starts ('Gulf allies Qatar', 'its ally Russia',
    'neighbouring Poland'): a run of descriptor words, articles, possessives and capitalised modifiers holding one
    descriptor word at least; the party's own start when none stands there."""
    k, found, reach = first - 1, False, DESCRIPTOR_REACH
    while k >= 0 and first - k <= reach:
        t = tokens[k]
        n = _exemplifier_ending_at(tokens, k, lex)
        if n:
            k, reach = k - n, reach + n  # "allies such as Norway": the group's descriptor is before "such as"
            continue
        if lex.descriptors.match_at(tokens, k):
            found = True
        elif not (lex.is_article(t) or t.fold in lex.possessives or t.text[:1].isupper() and t.text.isalpha()):
            break
        k -= 1
    return k + 1 if found else first


def _exemplifier_ending_at(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """The length of an exemplifier phrase ('such as', 'tels que', 'wie') ending at token k; 0 when none does."""
    for s in range(k, max(k - 3, -1), -1):
        m = lex.exemplifiers.match_at(tokens, s)
        if m and s + m[0] - 1 == k:
            return m[0]
    return 0


def _describes_party(tokens: list[Token], p: PartyMention, parties: list[PartyMention], lex: Lexicon) -> bool:
    """Is the party a modifier of a descriptor before another party ('NATO ally Turkey', 'EU member Poland')?"""
    k = p.last + 1
    if k >= len(tokens) or not lex.descriptors.match_at(tokens, k):
        return False
    return any(k < q.first <= k + 2 for q in parties)


def _subject_of_next_clause(tokens: list[Token], b: int, p: PartyMention, lex: Lexicon) -> bool:
    """A party after the trigger, behind a comma or a conjunction, that the front-end knows is a subject and that
    a verb follows: the subject of the next clause ('liefert Panzer an Polen, Frankreich kauft Haubitzen')."""
    nxt = p.last + 1
    return p.first >= b and tokens[p.first].case == "nom" and nxt < len(tokens) and \
        tokens[nxt].pos in ("VERB", "AUX") and any(_coordinator(t, lex) for t in tokens[b:p.first])


def _coordinator(t: Token, lex: Lexicon) -> bool:
    return t.text == "," or t.fold in lex.coordinators


def _negated(tokens: list[Token], t: int, lex: Lexicon) -> bool:
    """'n'avons jamais exporté', 'did not deliver': a negated trigger states no transfer; a negated confirmation
    before it ('has not confirmed the delivery', 'no ha confirmado la entrega') leaves it unconfirmed, not negated."""
    for k in range(max(0, t - 4), t):
        if lex.negations.match_at(tokens, k) and not any(
                idx.find_all(tokens, k + 1, t) for idx in (lex.confirm_verbs, lex.report_verbs, lex.denials)):
            return True
    # "levert geen F-16's", "liefert keine Taurus", "delivers no tanks"
    return any(tok.fold in lex.negations_after for tok in tokens[t + 1:t + 3])


REJECTED_REACH = 3  # articles, prepositions and a demonym between "and not" and the item it rejects


def _rejected_alternative(tokens: list[Token], it: ItemMention, lex: Lexicon) -> bool:
    """'chose an Israeli system, and not the American HIMARS', 'y no los HIMARS', 'en niet voor de Himars': an
    item after a comma or a conjunction and a negation is the alternative turned down, no one's item."""
    k = it.first - 1
    while k >= 0 and it.first - k <= REJECTED_REACH and (
            lex.is_article(tokens[k]) or tokens[k].fold in lex.of_prepositions
            or tokens[k].fold in lex.purpose_prepositions or tokens[k].text[:1].isupper()):
        k -= 1
    return k > 0 and bool(lex.negations.match_at(tokens, k)) and _coordinator(tokens[k - 1], lex)


def _clause(tokens: list[Token], a: int, b: int, lex: Lexicon, asides: tuple[Aside, ...] = ()) -> tuple[int, int]:
    """The token range of the clause around a trigger [a, b); back over an aside to the subject before it."""
    lo = a
    while lo > 0 and not _opens_clause(tokens, lo - 1, lex) and not _joins_clause_after_verb(tokens, lo - 1, lex):
        lo -= 1
        lo = next((s.comma for s in asides if s.close == lo), lo)
    hi = b
    while hi < len(tokens) and not _opens_clause(tokens, hi, lex) and not _report_follows(tokens, hi, lex) \
            and not _joins_clause(tokens, hi, lex):
        hi = next((s.close for s in asides if s.comma == hi and s.antecedent is None), hi) + 1
    return lo, hi


SUBJECT_REACH = 4  # capitalised words of a subject's name after a coordinator ("and the United States has …")


def _joins_clause_after_verb(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    return _joins_clause(tokens, k, lex) and bool(lex.triggers.find_all(tokens, 0, k))


def _joins_clause(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """'Ukraine has received tanks from Germany, and Russia has received drones from Iran': a coordinator followed by
    a subject's name and its finite verb joins another clause, once a verb stands before it (checked before a subject),
    not another party of a list ('from Germany and Norway'). Verb-final clauses end on the verb, and are left alone."""
    if lex.verb_final or tokens[k].fold not in lex.coordinators:
        return False
    j = k + 1
    while j < len(tokens) and lex.is_article(tokens[j]):
        j += 1
    n = 0
    while j < len(tokens) and n < SUBJECT_REACH and tokens[j].text[:1].isupper():
        j, n = j + 1, n + 1
    if n == 0 or j >= len(tokens):
        return False
    t = tokens[j]
    return t.fold in lex.auxiliaries or t.fold in lex.finite_auxiliaries or t.text.lower() in lex.copulas \
        or lex.triggers.match_at(tokens, j) is not None


REPORT_REACH = 8  # tokens from a comma to the report verb after its speaker (", Ukraine's defence intelligence said")


def _report_follows(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """', a annoncé le ministre à Madrid', ', ha dichiarato …', ', the minister said in Beijing': after a comma,
    a report verb (behind an auxiliary or a short subject) opens the clause of the report, not of the transfer."""
    if tokens[k].text != ",":
        return False
    for s in range(k + 1, min(len(tokens), k + REPORT_REACH)):
        if lex.report_verbs.match_at(tokens, s):
            return True
        if tokens[s].text in SCOPE_END or lex.triggers.match_at(tokens, s):
            return False  # the speaker's phrase ends at punctuation; a transfer verb is another clause's
    return False


def _opens_clause(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    f = tokens[k].fold
    if f in lex.relative_articles:  # German/Dutch "der", "die", "dat" open a relative clause only after a comma
        # unless the front-end knows it is an article ("beabsichtigt, der Ukraine … zu liefern")
        return k > 0 and tokens[k - 1].text == "," and tokens[k].pos != "DET"
    return _clause_opener(tokens[k], lex)


def _subordinator(t: Token, lex: Lexicon) -> bool:
    """A clause opener that is no relative ('after', 'while', 'because'): the clause before it is another event
    ('The deal comes after Egypt bought …'), whose stage words are not this one's."""
    return t.fold in lex.clause_openers and t.fold not in lex.relatives and t.fold not in lex.noun_relatives \
        and t.lemma not in lex.relatives and t.lemma not in lex.noun_relatives


def _clause_opener(t: Token, lex: Lexicon) -> bool:
    return t.text in CLAUSE_PUNCT or t.fold in lex.clause_openers


def _after_item_or_trigger(tokens: list[Token], p: PartyMention, a: int, b: int, items: list[ItemMention],
                           lex: Lexicon) -> bool:
    """Is the party right after the trigger or an item, allowing an institution ("de la Real Fuerza Aérea de
    Dinamarca", "de l'armée russe")?"""
    k = p.first - 1
    while k >= 0:
        if lex.is_article(tokens[k]) or tokens[k].fold in lex.source_prepositions or \
                not tokens[k].text[:1].isalnum():
            k -= 1
            continue
        head = _head_ending_at(tokens, k, lex, reach=4)
        if head is None:
            break
        k = head - 1
        if k >= 0 and tokens[k].text[:1].isupper() and not lex.is_article(tokens[k]):
            k -= 1  # "Real Fuerza Aérea", "Royal Air Force"
    return k == b - 1 or any(it.last == k for it in items)


def _marks_an_item(tokens: list[Token], p: PartyMention, items: list[ItemMention], lex: Lexicon) -> bool:
    """Does the party's marker follow an item ('howitzers from Germany', 'obici provenienti dalla Germania')?"""
    k = word_before(tokens, _descriptor_start(tokens, p.first, lex), lex)
    while k >= 0 and _marker_before_word(tokens, k, lex):
        k -= 1
    return any(it.last == k for it in items)


BETWEEN_REACH = 8  # words from a between-marker to a party it governs ("між турецьким лідером Ердоганом та РФ")


def _sides_of_other_noun(tokens: list[Token], p: PartyMention, b: int, items: list[ItemMention], lex: Lexicon) -> bool:
    """'загострення відносин між Туреччиною та Росією', 'tensions between Turkey and Russia': a between-phrase after
    a noun that is neither the trigger nor an item names the sides of that noun, not of the transfer."""
    idx = lex.markers.get("between")
    k = next((k for k in range(p.first - 1, max(b, p.first - BETWEEN_REACH) - 1, -1)
              if idx and idx.match_at(tokens, k)), None)
    if k is None or any(t.text in ",;:" or _verb(t) for t in tokens[k + 1:p.first]):
        return False
    j = word_before(tokens, k, lex)  # the noun the phrase hangs on; not "…, entre ellos Baréin": a list of members
    return j >= 0 and tokens[j].text.isalpha() and j != b - 1 and not any(it.last == j for it in items)


def _beyond_comma(tokens: list[Token], b: int, p: PartyMention, items: list[ItemMention]) -> bool:
    """Is there a comma between the trigger's end and the party (a by-agent there is another verb's), other than
    one between two listed items ('20 obuses, 10 blindados y 300 drones desde Portugal')?"""
    ends = {it.last + 1 for it in items}
    return any(t.text == "," and not (k in ends and any(0 < o.first - k <= 3 for o in items))
               for k, t in enumerate(tokens[b:p.first], b))


def _list_head(tokens: list[Token], p: PartyMention, parties: list[PartyMention], lex: Lexicon) -> PartyMention:
    """The first party of a coordinated list a party ends ('de la Suède et de la Corée du Sud')."""
    while True:
        k = p.first - 1
        while k >= 0 and (lex.is_article(tokens[k]) or tokens[k].fold in lex.source_prepositions):
            k -= 1
        if k < 0 or not _coordinator(tokens[k], lex):
            return p
        while k >= 0 and _coordinator(tokens[k], lex):
            k -= 1
        prev = next((q for q in parties if q.last == k), None)
        if prev is None:
            return p
        p = prev


def _after_institution(tokens: list[Token], p: PartyMention, lex: Lexicon) -> bool:
    """'Представництво Ірану', 'Министерство обороны России': the genitive names the institution's state."""
    return _head_ending_at(tokens, p.first - 1, lex) is not None


def _institution_of(tokens: list[Token], p: PartyMention, lex: Lexicon) -> PartyMention:
    """The party as the institution that names it, when one does: 'a la Armada Nacional de Uruguay', 'aux forces
    armées maliennes', 'Вооруженным силам Мали' start at the institution's head, whose marker and case are the
    party's."""
    k = p.first - 1
    while k >= 0 and (lex.is_article(tokens[k]) or tokens[k].fold in lex.of_prepositions):
        k -= 1
    if k >= 0 and tokens[k].text[:1].isupper() and not lex.institution_heads.match_at(tokens, k) and \
            _head_ending_at(tokens, k, lex) is None:
        k -= 1  # "Armada Nacional de Uruguay"; not "Ministero della Difesa rumeno", a head that ends there
    s = _head_ending_at(tokens, k, lex) if k >= 0 else None
    if s is not None:
        if s > 0 and tokens[s - 1].text[:1].isupper() and not lex.is_article(tokens[s - 1]) and \
                not _opens_clause(tokens, s - 1, lex):
            s -= 1  # "Real Fuerza Aérea", "Royal Navy"
        return replace(p, first=s, start=tokens[s].start)
    return p


def _head_ending_at(tokens: list[Token], k: int, lex: Lexicon, reach: int = 3) -> int | None:
    """Where an institution head that ends at token k starts ('Ministero della Difesa', 'forces armées'), if one
    does."""
    return next((s for s in range(max(0, k - reach), k + 1) if (m := lex.institution_heads.match_at(tokens, s))
                 and s + m[0] - 1 == k), None)


def _before_parenthesis(tokens: list[Token], k: int) -> int:
    """The token before a short parenthesis that ends at k ('Qatar (36 aircraft)'), else k."""
    if k < 0 or tokens[k].text != ")":
        return k
    for j in range(k - 1, max(-1, k - 8), -1):
        if tokens[j].text == "(":
            return j - 1
        if tokens[j].text == ")":
            break
    return k


def _same_phrase(p: PartyMention, q: PartyMention) -> bool:
    """Two parties one phrase stands for ('the two countries')."""
    return (p.first, p.last) == (q.first, q.last)


def _coordinated(tokens: list[Token], p: PartyMention, q: PartyMention, lex: Lexicon) -> bool:
    """'Britain and France', 'le Royaume-Uni, l'Italie et la Norvège': only commas and conjunctions between,
    and a short parenthesis after a member ('Qatar (36 aircraft), India (36) and Greece')."""
    if _same_phrase(p, q):
        return True  # "the two countries": one phrase for two parties
    lo, hi = sorted((p, q), key=lambda x: x.first)
    # the later one from the institution that names it: "Fincantieri e il Ministero della Difesa dell'Indonesia"
    gap = tokens[lo.last + 1:_institution_of(tokens, hi, lex).first]  # none: "heeft Nederland Oekraïne … gestuurd"
    if gap and gap[0].text == "(" and ")" in (t.text for t in gap[:8]):
        gap = gap[[t.text for t in gap].index(")") + 1:]
    return bool(gap) and all(_coordinator(t, lex) or lex.is_article(t) for t in gap)


def _with_coordinated(subject: PartyMention, bare: list[PartyMention], tokens: list[Token],
                      lex: Lexicon) -> list[PartyMention]:
    out = [subject]
    for q in reversed(bare):
        if q is not subject and (q.first < out[0].first or _same_phrase(q, subject)) and \
                _coordinated(tokens, q, out[0], lex):
            out.insert(0, q)
    for q in sorted(bare, key=lambda x: x.first):
        # "Noorwegen en België zullen … leveren": a verb-final subject is the first of its list
        if q.first > out[-1].last and _coordinated(tokens, out[-1], q, lex):
            out.append(q)
    # a list needs a conjunction somewhere ("A, B and C"); "Selon Kiev, la Russie" is no list
    if len(out) > 1 and not any(t.fold in lex.coordinators for t in tokens[out[0].last:out[-1].first]) and \
            not _same_phrase(out[0], out[-1]):
        return [subject]
    return out


def _case(tokens: list[Token], p: PartyMention) -> str:
    # the head comes first in "Республике Беларусь", "Министерству обороны России"
    return tokens[p.first].case


def _stipulated_by(tokens: list[Token], j: int, lex: Lexicon, trigger_starts: set[int]) -> str | None:
    """'El contrato prevé la entrega de …', 'un contratto che prevede la fornitura di …': what a signed contract or
    agreement provides for is contracted, not merely planned; the stage of the deal noun that is the cue's subject."""
    k = j - 1
    if k >= 0 and tokens[k].fold in lex.noun_relatives:
        k -= 1
    for s in sorted((s for s in trigger_starts if s <= k), reverse=True)[:3]:
        m = lex.triggers.match_at(tokens, s)
        if m and s + m[0] - 1 == k and m[1].role == "deal" and m[1].stage in ("agreed", "ordered"):
            return m[1].stage
    return None


def _passive(tokens: list[Token], t: int, lex: Lexicon, lo: int = 0) -> bool:
    if t > 0 and tokens[t - 1].fold in lex.infinitive_markers:
        return False  # "s'est engagée à livrer", "si è impegnata a consegnare": an active infinitive
    if lex.progressive_suffixes and tokens[t].fold.endswith(lex.progressive_suffixes):
        return False  # "France is sending": the progressive is active
    # unfolded: Italian "e" (and) is not "è" (is)
    if any(tok.text.lower() in lex.copulas for tok in tokens[max(0, t - 3):t]):
        return True
    return lex.verb_final and _verb_final_passive(tokens, t, lex, lo)


def _verb_final_passive(tokens: list[Token], t: int, lex: Lexicon, lo: int) -> bool:
    """'Das U-Boot wurde am Montag der Marine übergeben', 'dass die Panzer der Ukraine übergeben worden sind': a
    verb-final clause puts its participle far from the passive auxiliary before it, or right before the one after."""
    if not tokens[t].past_participle or tokens[t].conditional or not tokens[t].text[:1].islower():
        return False
    after = t + 1 < len(tokens) and tokens[t + 1].text.lower() in lex.copulas
    return after or any(tok.text.lower() in lex.copulas for tok in tokens[lo:t])


def _complement_gap(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """Only articles and 'of'/'for' between two nouns: the second is the first's complement ('negotiations for a
    contract', 'negoziazione per un contratto')."""
    return all(lex.is_article(tokens[k]) or tokens[k].fold in lex.of_prepositions
               or tokens[k].fold in lex.purpose_prepositions for k in range(a, b))


def stage_of(tokens: list[Token], t: int, trig: Trigger, lex: Lexicon, trigger_starts: set[int],
             framed: frozenset[int] = frozenset()) -> Stage:
    """The leftmost stage cue chained before the trigger ('accord pour acheter' → agreed), else the
    trigger's own stage, moved to planned by future marks ('will deliver', 'seraient livrés'). Cues inside a
    framework phrase ('under a deal signed in 2022, …') name the deal, not this event."""
    j = t - 1
    cue: str | None = None
    cue_at = t
    announced = False
    kinds: set[str] = set()
    handed = False  # a past delivery verb governs this aid noun ("provided military aid including …")
    inner = _inside_longer_cue(tokens, t, lex) | _attribution_words(tokens, t, lex)
    while j >= 0 and t - j <= 7:
        tok = tokens[j]
        if tok.text in CLAUSE_BREAK or tok.text == "," and t - j > 3 or _subordinator(tok, lex):
            break
        if j in framed or j in inner:
            j -= 1
            continue
        # the cue nearest the trigger governs it: "announced the signing of a contract for the purchase"
        m = lex.stage_cues.match_at(tokens, j)
        found: str | None = None
        found_end = j + 1
        if m and lex.permissions.match_at(tokens, j) and lex.requests.find_all(tokens, max(0, j - 6), j):
            m = None  # "vroeg toestemming om … te leveren": the permission asked for is no agreement yet
        if m and j + m[0] <= t and not (m[1] == "planned" and _perfect_follows(tokens, j + m[0], t, lex)):
            found, found_end = _approval(tokens, j, m[1], trig, lex), j + m[0]
            if m[1] == "planned":
                found = _stipulated_by(tokens, j, lex, trigger_starts) or found
        elif lex.requests.match_at(tokens, j):
            found = "negotiating"  # "pidió a Alemania la entrega de …": asked for, not delivered
        elif lex.awaits.match_at(tokens, j):
            found = "planned"  # "Ukraine expects further deliveries of …": awaited, not delivered
        elif j in trigger_starts:
            tm = lex.triggers.match_at(tokens, j)
            # "deal to buy", and "promised to deliver", "зобов'язалися передати": the earlier one sets the stage
            if tm and (tm[1].role == "deal" or tm[1].stage in ("planned", "offered", "negotiating", "agreed")):
                found, found_end = tm[1].stage, j + tm[0]
            elif tm and cue is None and _hands_over(tokens, j, tm[1], trig):
                handed = True
        if found in KIND_STAGES:
            kinds.add(found)
        if found == "announced":
            # "announced the delivery of": planned; "announced it had delivered", "a annoncé avoir livré",
            # "объявил, что передал": a reported clause keeps its own tense
            announced = not _reports_clause(tokens, j + 1, t, lex)
            found = None
        if cue is None:
            cue, cue_at = found, j
        elif found == "planned" and cue in ("agreed", "ordered"):
            cue = "planned"  # "expects Riyadh to sign a deal", "will sign a contract": not signed yet
        elif found == "negotiating" and cue in ("agreed", "ordered") and m and \
                _complement_gap(tokens, j + m[0], cue_at, lex):
            cue = "negotiating"  # "negotiations for a contract to buy": the contract is still being negotiated
        elif found == "ordered" and cue == "agreed":
            cue = "ordered"  # "een contract getekend voor de aanschaf": a signed purchase contract is an order
        elif found == "offered" and cue in ("agreed", "ordered") and _offers_deal(tokens, found_end, cue_at, lex):
            cue = "offered"  # "a proposé à la Grèce un accord pour la fourniture": the deal is only on offer
        j -= 1
    if cue is None:
        hit0 = lex.triggers.match_at(tokens, t)
        cue = _matrix_cue(tokens, t, t + (hit0[0] if hit0 else 1), lex, trigger_starts)
    # "licensed production" / "technology transfer" name the kind of transfer and beat progress cues
    for k in (0, 1, 2, 3):
        m = lex.stage_cues.match_at(tokens, t + k) if t + k < len(tokens) else None
        if m and m[1] in KIND_STAGES:
            kinds.add(m[1])
    if kinds:
        return Stage(sorted(kinds)[0])
    if cue is None and lex.verb_final and not _verb(tokens[t]) and \
            not (t + 1 < len(tokens) and _coordinator(tokens[t + 1], lex)):
        # "hat den Kauf von 36 F-35 vereinbart": the stage verb closes the clause (a verb trigger closes its own:
        # "hat … geliefert und plant weitere Lieferungen")
        k = t + 1
        while k < len(tokens) and tokens[k].text not in ",;:" and k - t <= 12:
            m = lex.stage_cues.match_at(tokens, k)
            if m and _cue_of_next_trigger(k + m[0], trigger_starts):
                m = None  # "Nach der Lieferung von … plant Polen den Kauf von …": the cue's object is the later noun
            if m and m[1] != "announced":
                cue = _approval(tokens, k, m[1], trig, lex)
            elif m:
                announced = True
            k += 1
    nominal = _noun_trigger(tokens, t, lex)
    if cue is None and not lex.verb_final and nominal:
        cue = _passive_cue(tokens, t, trig, lex)
        if cue == "announced":  # "El envío de 40 Marder a Ucrania fue anunciado por Alemania": a plan
            announced, cue = True, None
    opening = all(lex.is_article(tokens[k]) for k in range(t))  # "Przybycie … zaplanowano": opens the sentence
    if cue is None and not lex.verb_final and (opening or nominal and _opens_as_subject(tokens, t, lex)):
        cue = _predicate_cue(tokens, t, trig, lex, trigger_starts)
        if cue == "announced":
            announced, cue = True, None
    if cue == "agreed" and trig.role == "deal" and trig.stage in (Stage.ORDERED, Stage.NEGOTIATING):
        # "signed a contract for 12 helicopters", "hat einen Vertrag unterzeichnet": an order; "signed a letter of
        # intent": still a negotiation
        cue = trig.stage
    if cue is None:
        # the trigger itself may be a stage cue word ("accord", "négociations", "offre")
        m = lex.stage_cues.match_at(tokens, t)
        if m and trig.role == "deal" and m[1] != "announced":
            cue = m[1]
    if cue in ("agreed", "ordered") and _possible(tokens, t, lex):
        return Stage.PLANNED  # "approved the possible sale of", "одобрил возможную продажу": no deal yet
    if cue is not None and cue != "planned":
        return Stage(cue)
    # a trigger opened by a clitic carries its tense on its verb: "s'équipera", "se doterà"
    hit = lex.triggers.match_at(tokens, t)
    end = t + (hit[0] if hit else 1)
    marked = any(tokens[k].future for k in range(t, end)) and \
        not (lex.verb_final and _phase_matrix(tokens, t, end, lex))
    future = cue == "planned" or bool(lex.future.find_all(tokens, max(0, t - 4), t)) or marked
    if t > 0 and lex.future_before.match_at(tokens, t - 1) and not _ordinal_before(tokens, t - 1, lex) and \
            not _phase_before(tokens, t - 1, lex) and not (t > 1 and day_of_month(tokens, t - 2, lex)):
        future = True  # headline infinitive: "US to give Kyiv ATACMS"; not a date ("12 maja przekazały": of May)
    future = future or _possible(tokens, t, lex) or _irrealis_before(tokens, t, lex)
    if not future and trig.stage == Stage.DELIVERED and not tokens[t].past_participle:
        future = _future_later_in_clause(tokens, end, trigger_starts, lex)
    # French conditional present ('livreraient', 'seraient livrés') reads as future-in-the-past; a
    # conditional perfect ('aurait livré') keeps the past.
    aux = _copula_before(tokens, t, lex)
    if tokens[t].conditional and not tokens[t].past_participle:
        future = True
    elif aux is not None and aux.conditional and trig.stage == Stage.DELIVERED:
        future = True
    if any(a.future and a.text.lower() in lex.copulas for a in tokens[max(0, t - 3):t]):
        future = True  # a future passive: "seront livrés", "будут поставлены"
    base = Stage(trig.stage)
    future = future or announced and base == Stage.DELIVERED  # "anunció el envío de 40 Marder"
    # "seized a shipment of missiles bound for the Houthis": sent, never delivered
    future = future or bool(lex.interdiction.find_all(tokens, max(0, t - 6), t))
    if future and base in (Stage.DELIVERED, Stage.ORDERED) or cue == "planned" and base == Stage.AGREED:
        return Stage.PLANNED
    if handed and cue is None and not future and base == Stage.PLANNED:
        return Stage.DELIVERED  # "a fourni une aide militaire", "надала військову допомогу": the aid was given
    return base


FUTURE_REACH = 10  # tokens after a delivery verb to a time mark of its clause ("recibe el próximo año 50 K2")


def _future_later_in_clause(tokens: list[Token], b: int, trigger_starts: set[int], lex: Lexicon) -> bool:
    """'Polonia recibe el próximo año 50 tanques K2', 'Poland receives 50 K2 tanks next year': a present delivery
    verb with a future time mark later in its own clause is ahead ('Duitsland levert dit jaar nog 18 tanks'). The
    clause ends at a comma, a clause opener, a coordinator, another trigger or another verb ('Les canons cédés à
    l'Ukraine seraient remplacés d'ici mars': the participle's phrase ends at the clause's verb)."""
    for k in range(b, min(len(tokens), b + FUTURE_REACH)):
        tok = tokens[k]
        if tok.text in SCOPE_END or k in trigger_starts or _opens_clause(tokens, k, lex) or _coordinator(tok, lex) \
                or tok.text.lower() in lex.copulas or tok.text.lower() in lex.auxiliaries \
                or tok.fold in lex.finite_auxiliaries:
            return False
        if lex.future.match_at(tokens, k) and not _verb(tok):
            return True
        if _verb(tok):
            return False
    return False


ADVERB_GAP = 2  # words between a copula and its participle ("seraient de nouveau livrés", "sarebbero presto …")


def _offers_deal(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """Is the deal word at b the object of the offer ending at a ('proposed to Greece a contract for', 'bot
    Griechenland einen Vertrag über')? No stage word of its own and no coordinator between: in 'won the tender and
    signed a contract for' the contract is no offer."""
    return not any(lex.stage_cues.match_at(tokens, k) or _coordinator(tokens[k], lex) for k in range(a, b))


def _copula_before(tokens: list[Token], t: int, lex: Lexicon) -> Token | None:
    """The copula of a participle at t, right before it or over an adverb or two ('seraient de nouveau livrés',
    'serían finalmente entregados'); None if a word that is no adverb comes first (an inflected word, whose lemma is
    not itself: 'sarebbero stati consegnati' is a perfect)."""
    for j in range(t - 1, max(-1, t - 2 - ADVERB_GAP), -1):
        tok = tokens[j]
        if tok.text.lower() in lex.copulas or tok.fold in lex.copulas:
            return tok
        if not (tok.text.isalpha() and tok.text.islower()) or _verb(tok) or tok.lemma != tok.fold:
            return None
    return None


def _hands_over(tokens: list[Token], j: int, verb: Trigger, aid: Trigger) -> bool:
    """Is the trigger at j a delivery verb, in no future or conditional, whose object is an aid noun that alone would
    read as a promise ('Germany has provided military aid, including …', 'Niemcy przekazały pomoc wojskową')?"""
    return verb.role == "give" and verb.stage == Stage.DELIVERED and aid.role == "give" and \
        aid.stage == Stage.PLANNED and not aid.bundle and _verb(tokens[j]) and \
        not (tokens[j].future or tokens[j].conditional)


def _approval(tokens: list[Token], k: int, cue: str, trig: Trigger, lex: Lexicon) -> str:
    """An agreement cue that is one government's approval ('approved', 'a approuvé', 'aprobó'): what it approves
    decides the stage (_approved_stage); one that concludes a delivery ('completed the delivery', 'hat die Lieferung
    abgeschlossen', 'concluyó la entrega') rather than a deal has it done."""
    if cue == "agreed" and trig.role == "give" and trig.stage == Stage.DELIVERED and \
            lex.completions.match_at(tokens, k):
        return "delivered"
    return _approved_stage(trig) if cue == "agreed" and lex.approvals.match_at(tokens, k) else cue


def _approved_stage(trig: Trigger) -> str:
    """An approved sale or purchase ('approved the possible sale of 12 F-16 to Jordan') is not concluded yet, nor is
    approved aid ('approved $60 billion in military aid'): planned; an approved export or delivery is the exporter's
    licence, and an approved contract a signed one: agreed."""
    return "planned" if trig.stage in (Stage.ORDERED, Stage.PLANNED) and trig.role != "deal" else "agreed"


ORDINAL_REACH = 5  # words from an ordinal to the infinitive it governs ("the tenth European country to buy")


def _ordinal_before(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """'Romania became the tenth country to buy K9 howitzers', 'the first to receive': an infinitive after an
    ordinal says who did it, in order, not what lies ahead."""
    for j in range(k - 1, max(-1, k - 1 - ORDINAL_REACH), -1):
        tok = tokens[j]
        if not tok.text[:1].isalnum():
            return False
        if lex.ordinals.match_at(tokens, j) or \
                tok.fold in lex.ordinal_suffixes and j > 0 and tokens[j - 1].text.isdigit():
            return True  # "tenth", "10th" (written as two tokens)
    return False


IRREALIS_REACH = 4  # words from a purpose conjunction to its verb ("аби Україна якнайшвидше отримала")
PHASE_REACH = 2  # words from a phase verb to the infinitive marker it governs ("started again to")


def _irrealis_before(tokens: list[Token], t: int, lex: Lexicon) -> bool:
    """'работа, чтобы Украина получила Gripen', 'щоб Україна отримала': a purpose or wish clause's past form
    names what is sought, not what happened; the opener lies in the trigger's clause, a few words before it."""
    for j in range(t - 1, max(-1, t - 1 - IRREALIS_REACH), -1):
        if not tokens[j].text[:1].isalnum():
            return False
        if lex.irrealis_openers.match_at(tokens, j):
            return True
    return False


def _phase_before(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """'Iran has started to deliver drones', 'continues to supply': an infinitive after a phase verb is under way, not
    ahead."""
    return any(lex.phase_verbs.match_at(tokens, j) for j in range(max(0, k - PHASE_REACH), k))


def _phase_matrix(tokens: list[Token], t: int, b: int, lex: Lexicon) -> bool:
    """'Iran hat begonnen, Russland Drohnen zu liefern': in a verb-final language the clause before the comma holds the
    phase verb that governs the infinitive, with no future mark of its own."""
    matrix = infinitive_matrix(tokens, t, b, lex)
    return matrix is not None and bool(lex.phase_verbs.find_all(tokens, *matrix)) and \
        not lex.future.find_all(tokens, *matrix) and not any(tokens[k].future for k in range(*matrix))


CUE_OBJECT_REACH = 4  # tokens from a stage word to the trigger it takes as object ("plant Polen den Kauf")


def _cue_of_next_trigger(after: int, trigger_starts: set[int]) -> bool:
    """Does another trigger follow the stage word ending before `after` closely, as its object?"""
    return any(k in trigger_starts for k in range(after, after + CUE_OBJECT_REACH))


def infinitive_matrix(tokens: list[Token], a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """'Deutschland hat der Ukraine zugesagt, weitere Patriot zu liefern', 'Brasilien erwägt, Leopard zu kaufen': in
    a verb-final language an infinitive clause after a comma closes with its trigger [a, b); the clause before the
    comma, [start, comma), holds the verb that governs it (its stage, its subject). None for any other trigger."""
    if not lex.verb_final:
        return None
    marked = a > 0 and tokens[a - 1].fold in lex.infinitive_markers or \
        b < len(tokens) and tokens[b].fold in lex.infinitive_markers  # "zur Verfügung zu stellen"
    if not marked:
        return None
    comma = next((k for k in range(a - 1, -1, -1) if tokens[k].text in SCOPE_END or _opens_clause(tokens, k, lex)),
                 None)
    if comma is None or tokens[comma].text != ",":
        return None
    start = comma
    while start > 0 and tokens[start - 1].text not in SCOPE_END and not _opens_clause(tokens, start - 1, lex):
        start -= 1
    return (start, comma) if start < comma else None


def _matrix_cue(tokens: list[Token], t: int, b: int, lex: Lexicon, trigger_starts: set[int]) -> str | None:
    """The stage the verb governing an infinitive clause lends it ('hat zugestimmt, … zu verkaufen' → agreed,
    'erwägt, … zu kaufen' → negotiating, 'hat angeboten, … zu liefern' → offered): the stage verb nearest the comma
    (one the front-end knows is a verb, or a trigger: a promise, an offer, a deal)."""
    matrix = infinitive_matrix(tokens, t, b, lex)
    if matrix is None:
        return None
    for j in range(matrix[1] - 1, matrix[0] - 1, -1):
        m = lex.stage_cues.match_at(tokens, j)
        if m and m[1] != "announced" and _verb(tokens[j]):
            return m[1]
        tm = lex.triggers.match_at(tokens, j) if j in trigger_starts else None
        if tm and (tm[1].role == "deal" or tm[1].stage in ("planned", "offered", "negotiating", "agreed")):
            return tm[1].stage  # "zugesagt, … zu liefern"; "eine Vereinbarung, … zu liefern": the deal's stage
    return None


POSSIBILITY_GAP = 1  # words between a modal of possibility and its trigger ("could soon order", "could be sold")


def _possible(tokens: list[Token], t: int, lex: Lexicon) -> bool:
    """'Brazil could order 36 Gripen', 'pourrait commander': the modal governs the trigger right after it, not a
    verb of its own ('I can confirm the delivery', 'could impact the deal'); 'may have delivered' is past."""
    for j in range(max(0, t - 2 - POSSIBILITY_GAP), t):
        m = lex.possibility.match_at(tokens, j)
        if m and 0 <= t - (j + m[0]) <= POSSIBILITY_GAP and not _perfect_follows(tokens, j + m[0], t, lex):
            return True
    return False


def _perfect_follows(tokens: list[Token], k: int, t: int, lex: Lexicon) -> bool:
    """'may have delivered', 'would have sold', 'pourrait avoir livré': a modal of a past event, no plan."""
    # the perfect's auxiliary infinitive ("have", "avoir", "haber", "aver") opens a claimed past event
    return k < t and tokens[k].fold in lex.speech_openers and tokens[k].text.lower() not in lex.copulas


def _reports_clause(tokens: list[Token], lo: int, hi: int, lex: Lexicon) -> bool:
    """Does a clause of its own open between a report verb and the trigger ('that', 'avoir', a subject pronoun, an
    auxiliary)?"""
    return any(t.fold in lex.speech_openers or t.fold in lex.pronouns or t.fold in lex.auxiliaries
               or t.fold in lex.finite_auxiliaries for t in tokens[lo:hi])


def _inside_longer_cue(tokens: list[Token], t: int, lex: Lexicon) -> set[int]:
    """Tokens before t inside a multiword stage cue that starts further left: 'lettre d'intention' is a
    negotiation, its 'intention' no plan of its own."""
    out: set[int] = set()
    for s in range(max(0, t - 7), t):  # the window stage_of reads: a longer cue starting beyond it is not seen
        m = lex.stage_cues.match_at(tokens, s)
        if m and m[0] > 1:
            out.update(range(s + 1, min(s + m[0], t)))
    return out


def _attribution_words(tokens: list[Token], t: int, lex: Lexicon) -> set[int]:
    """Tokens before t inside an attribution phrase: 'according to', 'de acuerdo con' name a source, no agreement."""
    return {k for s, e, _ in lex.according_to.find_all(tokens, max(0, t - 8), t) for k in range(s, min(e, t))}


PASSIVE_REACH = 15  # tokens from a delivery noun to the copula of its clause's passive


PREDICATE_REACH = 15  # tokens from a delivery noun to its clause's predicate


def _opens_as_subject(tokens: list[Token], t: int, lex: Lexicon) -> bool:
    """Does the delivery noun open its clause, as its subject ('La entrega de …', 'Поставка …'; not 'за постачання')?"""
    if tokens[t].case and tokens[t].case != "nom":
        return False
    k = t - 1
    while k >= 0 and (lex.is_article(tokens[k]) or tokens[k].fold in lex.possessives):
        k -= 1
    return k < 0 or tokens[k].text in ",;:" or _clause_opener(tokens[k], lex)


def _past_closing_comma(tokens: list[Token], b: int, p: PartyMention, parties: list[PartyMention],
                        lex: Lexicon, items: list[ItemMention]) -> bool:
    """Does a comma after the verb stand before the party's phrase (its list, if it is in one: 'an Katar (36),
    Indien (36) und Griechenland' is one phrase), with no colon opening a list? A comma between two items ('liefert
    Panzer, Haubitzen und Munition an die Ukraine') lists the verb's objects and closes nothing."""
    first = p.first
    while True:
        k = first - 1
        while k >= 0 and (lex.is_article(tokens[k]) or tokens[k].text == "," or _coordinator(tokens[k], lex)):
            k -= 1
        if k >= 0 and tokens[k].text == ")":  # a count in brackets after the member before: "Katar (36),"
            while k >= 0 and tokens[k].text != "(":
                k -= 1
            k -= 1
        prev = next((q for q in parties if q.last == k and k < first - 1), None)
        if prev is None or prev.first <= b:
            break
        first = prev.first
    ends = {it.last for it in items}
    starts = {it.quantity_first if it.quantity_first is not None else it.first for it in items}
    gap = {t.text for k, t in enumerate(tokens[b:first], b)
           if not (t.text == "," and k - 1 in ends and _next_word(tokens, k + 1, lex) in starts)}
    return "," in gap and ":" not in gap


def _next_word(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """The first token from k on that is no article."""
    while k < len(tokens) and lex.is_article(tokens[k]):
        k += 1
    return k


def _passive_between(tokens: list[Token], b: int, p: int, lex: Lexicon) -> bool:
    """Does another passive verb stand between the trigger and a by-agent ('bought … was voiced by')? Only the
    trigger's own passive ('were delivered by') has the copula before the trigger."""
    return any(t.text.lower() in lex.copulas and not _progressive(tokens, k, lex) for k, t in enumerate(tokens[b:p], b))


PARTICIPLE_REACH = 6  # tokens from an attributive participle to the last party of its phrase


def _after_attributive_participle(tokens: list[Token], p: PartyMention, prev_end: int,
                                  heads: list[tuple[int, int, Trigger]], items: list[ItemMention]) -> bool:
    """'The Rafale jets ordered by Serbia from France were delivered', 'les Rafale commandés par la Serbie à la
    France ont été livrés': a marked party right after a participle that follows its item noun is that
    participle's; the later verb borrows the roles from it."""
    h = next((h for h in heads if h[1] == prev_end), None)
    if h is None or not 0 <= p.first - prev_end <= PARTICIPLE_REACH:
        return False
    return any(it.last + 1 == h[0] for it in items)


def _signed_between(tokens: list[Token], b: int, p: int, lex: Lexicon) -> bool:
    """'The deal for 36 F-15 jets was signed by Qatar and the United States': the passive verb after a deal concludes
    it (a stage word of an agreement or order, not one government's approval); its agents are the deal's parties."""
    for k in range(b, p):
        m = lex.stage_cues.match_at(tokens, k)
        if m and m[1] in (Stage.AGREED.value, Stage.ORDERED.value) and not lex.approvals.match_at(tokens, k):
            return True
    return False


def _progressive(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is not None and bool(lex.progressive_suffixes) and nxt.fold.endswith(lex.progressive_suffixes)


def _verb(t: Token) -> bool:
    """Does the front-end know the word is a verb form?"""
    return t.past_participle or t.pos in ("VERB", "AUX")


def _passive_cue(tokens: list[Token], t: int, trig: Trigger, lex: Lexicon) -> str | None:
    """The stage a passive verb after a delivery noun gives it ('The sale of 40 F-16 to Turkey was approved',
    'la cessione dei Leopard è stata approvata'): the noun is the subject, the verb its stage ("announced" too)."""
    for k in range(t + 1, min(len(tokens), t + PASSIVE_REACH)):
        if tokens[k].text in CLAUSE_BREAK or tokens[k].text == ",":
            return None
        if tokens[k].text.lower() in lex.copulas:
            for j in range(k + 1, min(len(tokens), k + 4)):
                m = lex.stage_cues.match_at(tokens, j)
                if m:
                    return _approval(tokens, j, m[1], trig, lex)
            return None
    return None


def _predicate_cue(tokens: list[Token], t: int, trig: Trigger, lex: Lexicon, trigger_starts: set[int]) -> str | None:
    """A delivery noun opening its clause is its subject: the stage word of its predicate sets its stage, a future
    mark makes it planned ('La llegada de los F-16 a Argentina está prevista para diciembre', 'Поставка С-400 …
    ожидается в 2027 году', '… will take place next year'). The search ends with the clause, at a coordinator or at
    another trigger."""
    for k in range(t + 1, min(len(tokens), t + PREDICATE_REACH)):
        tok = tokens[k]
        if tok.text in SCOPE_END or k in trigger_starts or _opens_clause(tokens, k, lex) or _coordinator(tok, lex):
            return None
        m = lex.stage_cues.match_at(tokens, k)
        if m:
            return _approval(tokens, k, m[1], trig, lex)
        if lex.future.match_at(tokens, k) or tok.future:
            return "planned"
    return None


def _refused(tokens: list[Token], head: tuple[int, int, Trigger], heads: list[tuple[int, int, Trigger]],
             lex: Lexicon) -> bool:
    """'a refusé de vendre': a refusal just before the trigger. In a verb-final clause the refusal is the
    clause's last verb: 'hat die Weitergabe von Munition an die Ukraine abgelehnt', '… naar Oekraïne geweigerd'
    (the clause ends at punctuation or at the next trigger: '… geliefert und die Lieferung von X abgelehnt')."""
    a, b, _ = head
    if lex.refusals.find_all(tokens, max(0, a - 4), a):
        return True
    if not lex.verb_final:
        return False
    end = min([len(tokens), b + 15, *(h[0] for h in heads if h[0] >= b)])
    end = next((k for k in range(b, end) if tokens[k].text in ",;:.!?()"), end)
    return bool(lex.refusals.find_all(tokens, max(b, end - 2), end))


def _opposed(tokens: list[Token], t: int, lex: Lexicon) -> bool:
    """'warned China against supplying weapons', 'la mise en garde … contre une telle fourniture d'armes', 'advirtió
    contra el suministro de armas': a transfer argued against, right after 'against' (articles and one more word
    between), states none."""
    against = lex.markers.get("against")
    for s in range(max(0, t - 4), t):
        m = against.match_at(tokens, s) if against is not None else None
        if m and s + m[0] <= t:
            # one more word may be a modifier ("une telle"), not a noun ("im Austausch gegen Munition geliefert")
            rest = [k for k in range(s + m[0], t) if not lex.is_article(tokens[k])]
            if len(rest) <= 1 and not any(tokens[k].text[:1].isupper() or not tokens[k].text[:1].isalpha()
                                          or lex.generic_items.match_at(tokens, k) for k in rest):
                return True
    return False


DEBATE_REACH = 4  # tokens from a debate noun to the delivery it is about ("die Diskussion über eine Lieferung")


def _debated(tokens: list[Token], a: int, lex: Lexicon) -> bool:
    """'die Diskussion über eine Lieferung von Panzern', 'the debate over sending tanks', 'le débat sur la livraison':
    a delivery debated states no transfer (it still governs its items)."""
    for s in range(max(0, a - DEBATE_REACH), a):
        m = lex.debates.match_at(tokens, s)
        gap = tokens[s + m[0]:a] if m else []
        # only the debate's preposition and articles between: "Nach langer Debatte lieferte Norwegen" debates nothing
        if gap and all(t.text.isalpha() and t.text.islower() for t in gap):
            return True
    return False


def _equipped_state(tokens: list[Token], head: tuple[int, int, Trigger], lex: Lexicon) -> bool:
    """'l'armée de l'air est équipée d'avions chinois', 'армия оснащена китайскими самолетами': the trigger's
    stative participle says what a force has, not that anyone supplies it."""
    a, b, _ = head
    return any(s <= a < e for s, e, _ in lex.equipped_states.find_all(tokens, a, b + 1))


PACKAGE_REACH = 6  # tokens from a delivery verb to the package noun that is its object


def _package_given(tokens: list[Token], head: tuple[int, int, Trigger], a: int, trig: Trigger,
                   parties: list[PartyMention], lex: Lexicon) -> bool:
    """Is the package or aid noun at a the object of the delivery verb just before ('sent Ukraine a new aid package
    including …', 'envió a Ucrania un paquete de ayuda que incluye …')? Only its recipient, articles and two more
    words between, no clause boundary; not a delivery noun's complement ('the delivery of the package')."""
    _ha, hb, verb = head
    package = trig.bundle or trig.role == "give" and trig.stage == Stage.PLANNED
    if not package or verb.role != "give" or verb.bundle or a - hb > PACKAGE_REACH or _nominal(tokens, hb, lex):
        return False
    named = {k for p in parties for k in range(p.first, p.last + 1)}
    gap = [(k, tokens[k]) for k in range(hb, a)]
    if any(t.text in CLAUSE_BREAK or t.text in ",." or _subordinator(t, lex) for _, t in gap):
        return False
    return len([t for k, t in gap if k not in named and not lex.is_article(t)]) <= 2


FINAL_VERB_REACH = 12  # tokens from a package noun to the verb closing its clause ("ein Paket von 40 … geliefert")


def _package_of_final_verb(tokens: list[Token], head: tuple[int, int, Trigger], nxt: tuple[int, int, Trigger],
                           lex: Lexicon) -> bool:
    """In a verb-final clause, is the package or aid noun `head` the object of the delivery verb that closes the
    clause ('hat der Ukraine ein Paket von 40 Panzern geliefert', 'heeft Oekraïne een pakket … geleverd')? Not a
    promise participle ('de toegezegde houwitsers … gestuurd'), which the verb's stage walk reads."""
    a, b, trig = head
    na, nb, verb = nxt
    package = trig.bundle or trig.role == "give" and trig.stage == Stage.PLANNED and _noun_trigger(tokens, a, lex)
    # a verb, as the front-end knows or as the lower-case word that closes the clause ("… geleverd.")
    closing = _verb(tokens[na]) or tokens[na].text[:1].islower() and (nb >= len(tokens) or tokens[nb].text in ",.;:")
    if not lex.verb_final or not package or verb.role != "give" or verb.bundle or verb.stage != Stage.DELIVERED or \
            na - b > FINAL_VERB_REACH or not closing:
        return False
    return not any(t.text in CLAUSE_BREAK or t.text in ",." or _subordinator(t, lex) for t in tokens[b:na])


def build_frames(tokens: list[Token], lex: Lexicon, parties: list[PartyMention],
                 items: list[ItemMention]) -> list[Frame]:
    # a trigger word inside an item's name is part of the name ('K10 Ammunition Resupply Vehicles')
    triggers = [t for t in find_triggers(tokens, lex) if not any(
        not it.umbrella and it.first <= t[0] and t[1] - 1 <= it.last and it.last > it.first for it in items)]
    # a word that is both an item noun and a one-word trigger ('ships'): the verb when goods follow it
    # ('Russia ships drones to Iran'), else the noun ('Indian ships Shivalik and Kadmatt'); German and Dutch write
    # an item and its transfer noun as one compound instead ('Raketenlieferungen', 'Gripen-Lieferungen')
    both = set() if lex.verb_final else {t[0] for t in triggers if t[1] == t[0] + 1 and any(
        not it.umbrella and it.first == it.last == t[0] for it in items)}
    verbs = {k for k in both if _goods_start(tokens, k + 1, items, lex)}
    triggers = [t for t in triggers if t[0] not in both or t[0] in verbs]
    items = [it for it in items if it.first not in verbs]
    framed = _framework_scope(tokens, lex, {a for a, _, t in triggers if t.role != "deal"},
                              {a for a, _, t in triggers if t.bundle or t.role == "give" and t.stage == Stage.PLANNED})
    triggers = [t for t in triggers if t[0] not in framed]
    # "hat der Ukraine ein Paket von 40 Panzern geliefert": the verb closing the clause gives the package it holds
    triggers = [t for n, t in enumerate(triggers)
                if not (n + 1 < len(triggers) and _package_of_final_verb(tokens, t, triggers[n + 1], lex))]
    if not triggers:
        return []
    starts = {a for a, _, _ in triggers}
    # A trigger right after another one ("accord pour acheter", "plans to give") governs the role;
    # the earlier one only lends its stage.
    heads: list[tuple[int, int, Trigger]] = []
    lent: dict[int, tuple[int, int, Trigger]] = {}  # a role trigger -> the deal too far back for its stage walk
    contracted: set[int] = set()  # role triggers a deal word governs
    for a, b, trig in triggers:
        if heads and _package_given(tokens, heads[-1], a, trig, parties, lex):
            continue  # "sent Ukraine a new aid package including …": what the package holds, the verb gives
        # "accord pour acheter", "deal to buy", "accord portant sur l'achat de": the verb's role, the deal's stage
        if heads and heads[-1][2].role == "deal" and _deal_governs(tokens, heads[-1][1], a, parties, lex):
            contracted.add(a)
            if a - heads[-1][1] > DEAL_REACH:
                lent[a] = heads[-1]
            heads[-1] = (a, b, trig)
            continue
        heads.append((a, b, trig))
    # what a replacement clause names ("to replace its ageing F-4 fleet") is no party or item of this transfer
    replaced = _replacement_scope(tokens, lex, starts)
    if replaced:
        parties = [p for p in parties if p.first not in replaced]
    # a refused trigger states no transfer, but still governs its items, so none falls to another trigger
    refused = {h[0] for h in heads if _refused(tokens, h, heads, lex) or _equipped_state(tokens, h, lex)
               or _debated(tokens, h[0], lex) or _opposed(tokens, h[0], lex)}
    heads = [h for h in heads if not _negated(tokens, h[0], lex) and not _describes_item(h, heads, items)]
    frames: dict[int, Frame] = {}
    roles: dict[int, Frame] = {}
    asides = _asides(tokens, lex, parties, starts) + _item_asides(tokens, lex, parties, items)
    for a, b, trig in heads:
        fr0 = Frame(a, trig.role, Stage.DELIVERED)
        own = next((s for s in asides if s.comma < a < s.close), None)
        if own is None:
            # the main verb: what its subject's asides name takes no part, nor do their verbs border its clause
            outside = [h for h in heads if not any(s.comma < h[0] < s.close for s in asides)]
            _assign_roles(fr0, trig, a, b, tokens, lex, [p for p in parties if not any(s.holds(p) for s in asides)],
                          outside, items, _clause(tokens, a, b, lex, tuple(asides)))
        else:
            _assign_roles(fr0, trig, a, b, tokens, lex, own.parties(parties, a, tokens, lex),
                          [h for h in heads if own.comma < h[0] < own.close], items, (own.comma + 1, own.close))
        roles[a] = fr0
    links: list[tuple[int, int]] = []  # (a clause's verb, a participle describing its item)

    def frame_of(h: tuple[int, int, Trigger]) -> Frame:
        a, _b, trig = h
        fr = frames.get(a)
        if fr is None:
            deal = lent.get(a)
            stage = stage_of(tokens, a, trig, lex, starts, framed)
            if deal is not None and stage not in KIND_STAGES:
                # "signed a contract with the Romanian Ministry of National Defence to supply …": the contract's
                # stage; a kind of transfer ("pour produire sous licence") keeps its own
                stage = stage_of(tokens, deal[0], deal[2], lex, starts)
            if stage == Stage.PLANNED and trig.role == "give" and trig.stage == Stage.DELIVERED and \
                    any(p.company and p.code in roles[a].suppliers and p.last < a for p in parties):
                # "Krauss-Maffei Wegmann wird 62 Leopard 2 an Katar liefern": a maker delivers what was ordered
                stage = Stage.ORDERED
            fr = Frame(a, trig.role, stage, bundle=trig.bundle, contracted=a in contracted,
                       noun=_noun_trigger(tokens, a, lex))
            fr.suppliers, fr.recipients = list(roles[a].suppliers), list(roles[a].recipients)
            if stage == Stage.LICENSED_PRODUCTION and trig.role == "give" and not fr.recipients:
                # "Polonia construirá tanques K2 bajo licencia": who builds under licence receives it, from the maker
                fr.suppliers, fr.recipients, fr.contracted = [], fr.suppliers, True
            fr.unnamed_supplier = roles[a].unnamed_supplier
            fr.collective_supplier = roles[a].collective_supplier
            fr.passed_to = roles[a].passed_to
            if roles[a].passed_on and fr.stage == Stage.ORDERED:
                fr.stage = Stage.PLANNED  # bought for Ukraine: the purchase is ordered, the handing on planned
            _negotiated_between(fr, roles[a].partners, roles[a].group_partner)
            frames[a] = fr
        return fr

    kept = [it for it in items if it.first not in replaced and it.first not in framed
            and not _rejected_alternative(tokens, it, lex)]
    # what is replaced, and what the framework deal is about ("umowy o wymianie technologii") is no one's item
    governors = {id(it): _outside_aside(it, _governing_trigger(it, heads, tokens, lex), asides) for it in kept}
    # (the clause's verb, a participle describing one of its items): the item is the verb's, the participle lends
    # the roles the verb leaves open and no stage ('die bei Südkorea bestellten K9 erhalten')
    described: dict[int, tuple[int, int, Trigger]] = {}
    for it in kept:
        part = governors[id(it)]
        verb = _main_beside_participle(it, part, heads, tokens, lex, items) if part and part[0] not in refused else None
        if part is not None and verb is not None and verb[0] not in refused:
            described[id(it)] = verb
            links.append((verb[0], part[0]))
    if links:
        framed = framed | {p for _, p in links}
    relative_links: list[tuple[int, int]] = []
    for it in kept:
        best = governors[id(it)]
        rel = _relative_trigger(it, heads, tokens, lex, items)
        if rel is not None and rel[0] not in refused and rel != best:
            # "250 Abrams tanks, which Poland ordered from the USA": the antecedent is the relative clause's object
            frame_of(rel).items.append(it)
            if best is not None and best[0] not in refused:
                relative_links.append((best[0], rel[0]))
        if best is None or best[0] in refused:
            continue
        best = described.get(id(it), best)
        a, b, trig = best
        if b <= it.first and _in_clause_of_its_own(it, b, roles[a], parties, tokens, lex):
            continue
        fr = frame_of(best)
        if it.generic and it.first > b and _know_how_of(tokens, b, it.first, lex):
            # "accès au développement d'analogues des drones": the transfer is know-how, not drones
            it.item, it.category = "technology", "technology"
        fr.items.append(it)
        if it.category == "technology" and it.generic and fr.stage in (Stage.DELIVERED, Stage.ORDERED, Stage.PLANNED):
            # "a reçu les technologies russes", "transférera à l'Inde la technologie": the kind beats the progress
            fr.plain_stage, fr.stage = fr.stage, Stage.TECHNOLOGY_TRANSFER
    for fr in frames.values():
        _list_beside_know_how(fr, next(h for h in heads if h[0] == fr.trigger), tokens, lex)
    governing = set(frames)
    for fr in frames.values():
        _borrow_roles(fr, {k: v for k, v in roles.items() if k not in governing or k == fr.trigger}, tokens, lex)
    ends = {h[0]: h[1] for h in heads}
    for fr in frames.values():
        fr.items = [it for it in fr.items if not _other_make_beyond(it, ends[fr.trigger], fr, items, tokens, lex)]
    for main, rel_a in relative_links:
        _share_roles(frames[main], frames[rel_a])
        _share_roles(frames[rel_a], frames[main])
    participles = {h[0]: h[2] for h in heads}
    for verb_at, participle in links:
        _share_roles(frames[verb_at], roles[participle])
        _done_step(frames[verb_at], roles[participle], participles[participle])
    out = sorted(frames.values(), key=lambda f: f.trigger)
    out += [_handed_on(fr) for fr in out if fr.passed_to and fr.recipients]
    if lex.respectively.find_all(tokens):
        out = [part for fr in out for part in _respectively(fr)]
    for fr in out:
        _supplier_of_own_noun(fr)
    return [part for fr in out for part in _each_from_its_own(fr, parties, tokens, lex)]


def _supplier_of_own_noun(fr: Frame) -> None:
    """'Het Duitse steunpakket voor Oekraïne omvat …', 'la ayuda militar estadounidense a Ucrania incluye …': a
    delivery noun that is itself an umbrella item carries its giver as a demonym; with no supplier named, it gives."""
    if fr.suppliers or fr.role != "give":
        return
    origin = next((it.origin for it in fr.items if it.umbrella and it.origin and it.first <= fr.trigger <= it.last),
                  None)
    if origin is not None and origin not in fr.recipients:
        fr.suppliers = [origin]


ASIDE_REACH = 25  # tokens from a subject's comma to the comma closing its aside
VERB_REACH = 3  # tokens from the closing comma to the main verb ("…, is now buying", "…, a déjà reçu")
ASIDE_END = {",", ";", ":", ".", "!", "?"}


@dataclass(frozen=True)
class Aside:
    """A relative clause or apposition in commas between a party and its verb: 'Poland, which has sent 300 tanks to
    Ukraine, is buying K2 tanks', 'L'Algérie, grand client de l'industrie russe, a reçu …'. What it names takes no
    part in the main verb's transfer; a verb inside it has the party it describes as its subject. After an item
    ('export artillery shells, made under a British licence, to Britain') the aside has no party antecedent, and the
    main verb's phrase goes on after it."""

    comma: int
    close: int
    antecedent: PartyMention | None

    def holds(self, p: PartyMention) -> bool:
        return self.comma < p.first and p.last < self.close

    def parties(self, parties: list[PartyMention], a: int, tokens: list[Token], lex: Lexicon) -> list[PartyMention]:
        """The parties of a verb at `a` inside the aside: its own, and the antecedent standing at the aside's first
        word (the relative pronoun) unless a bare party before the verb is its subject ('…, which Germany sent')."""
        inner = [p for p in parties if self.holds(p)]
        if self.antecedent is None or any(p.first < a and _case(tokens, p) == _case(tokens, self.antecedent) and
               _marker_before(tokens, p, lex) is None for p in inner):
            return inner
        k = self.comma + 1
        return [replace(self.antecedent, first=k, last=k, start=tokens[k].start, end=tokens[k].end), *inner]


def _item_asides(tokens: list[Token], lex: Lexicon, parties: list[PartyMention],
                 items: list[ItemMention]) -> list[Aside]:
    """Asides in commas right after an item, opened by a lower-case word (a participle or a relative pronoun) and
    followed by a role marker and its party: 'exporting 155mm shells, manufactured under licence, to Britain'."""
    out: list[Aside] = []
    starts = {p.first for p in parties}
    item_starts = {it.first for it in items}
    for it in items:
        c = it.last + 1
        if c + 2 >= len(tokens) or tokens[c].text != "," or not tokens[c + 1].text[:1].islower() \
                or _coordinator(tokens[c + 1], lex) or c + 1 in item_starts:
            continue
        d = next((j for j in range(c + 1, min(len(tokens), c + ASIDE_REACH)) if tokens[j].text in ASIDE_END), None)
        if d is None or tokens[d].text != "," or d + 1 >= len(tokens):
            continue
        m = next((idx.match_at(tokens, d + 1) for idx in lex.markers.values() if idx.match_at(tokens, d + 1)), None)
        if m is not None and any(d + 1 + m[0] <= q <= d + 3 + m[0] for q in starts):
            out.append(Aside(c, d, None))
    return out


def _asides(tokens: list[Token], lex: Lexicon, parties: list[PartyMention], trigger_starts: set[int]) -> list[Aside]:
    """The asides after the parties of a sentence: a comma right after the party, not a list of parties ('Poland,
    the Czech Republic and …') nor a role marker's phrase ('Germany, together with Norway, …'), closed by a comma
    within reach that the main verb (or its auxiliary) follows."""
    starts = {p.first for p in parties}
    out: list[Aside] = []
    for p in parties:
        c = p.last + 1
        if p.source_like or c + 2 >= len(tokens) or tokens[c].text != ",":
            continue
        k = c + 1
        while k < len(tokens) and lex.is_article(tokens[k]):
            k += 1
        if k in starts and not _party_as_modifier(tokens, c + 1, k, parties, lex) or _coordinator(tokens[c + 1], lex):
            continue
        if any(idx.match_at(tokens, c + 1) for idx in lex.markers.values()):
            continue  # "Germany, together with Norway, will buy …": an adjunct of the main verb
        d = next((j for j in range(c + 1, min(len(tokens), c + ASIDE_REACH)) if tokens[j].text in ASIDE_END), None)
        if d is None or tokens[d].text != "," or d + 1 >= len(tokens) or d + 1 in starts \
                or _coordinator(tokens[d + 1], lex) or _report_follows(tokens, d, lex):
            continue
        nxt = tokens[d + 1]
        verb = any(d < s <= d + VERB_REACH for s in trigger_starts) or nxt.fold in lex.auxiliaries \
            or nxt.fold in lex.finite_auxiliaries or nxt.text in lex.copulas
        if verb:
            out.append(Aside(c, d, p))
    return out


def _outside_aside(it: ItemMention, trig: tuple[int, int, Trigger] | None,
                   asides: list[Aside]) -> tuple[int, int, Trigger] | None:
    """The trigger governing an item, unless the item stands in an aside the trigger is not in: 'Poland, which also
    flies F-16 jets, ordered K2 tanks' orders no F-16."""
    if trig is None:
        return None
    own = next((s for s in asides if s.comma < it.first < s.close), None)
    return trig if own is None or own.comma < trig[0] < own.close else None


def _party_as_modifier(tokens: list[Token], lo: int, k: int, parties: list[PartyMention], lex: Lexicon) -> bool:
    """After an article, a party followed by a lower-case word of its phrase modifies a noun ('Poland, a NATO
    member, …', 'la Pologne, un allié de l'OTAN, …' reads the same): an apposition, not the next party of a list."""
    p = next((q for q in parties if q.first == k), None)
    if p is None or k == lo or p.last + 1 >= len(tokens):
        return False
    nxt = tokens[p.last + 1]
    return nxt.text[:1].isalpha() and nxt.text[:1].islower() and not _coordinator(nxt, lex) \
        and nxt.fold not in lex.auxiliaries and nxt.text.lower() not in lex.copulas \
        and not lex.report_verbs.match_at(tokens, p.last + 1) and not lex.triggers.match_at(tokens, p.last + 1)


FRAMEWORK_REACH = 8  # tokens a framework phrase runs to when no comma closes it first
HEAD_REACH = 3  # tokens after a framework phrase's words where its head noun may stand ("… eines neuen Hilfspakets")


def _framework_scope(tokens: list[Token], lex: Lexicon, role_starts: set[int],
                     package_starts: set[int]) -> frozenset[int]:
    """'W ramach umowy podpisanej w 2022 r., do Polski trafiają czołgi K2', 'under a deal signed last year',
    'im Rahmen des Vertrags', 'im Rahmen eines neuen Hilfspakets': the deal or package a transfer happens under, from
    the phrase (with its head noun) to the next comma or the verb of the transfer; its words are neither a transfer
    of their own nor this transfer's stage."""
    out: set[int] = set()
    for a, b, _ in lex.frameworks.find_all(tokens):
        # a package or aid noun within HEAD_REACH of the phrase is its own head ('im Rahmen eines neuen Hilfspakets')
        head = next((k for k in range(b, min(len(tokens), b + HEAD_REACH)) if k in role_starts), None)
        head = head if head in package_starts else None
        k = a
        while k < len(tokens) and k - a < FRAMEWORK_REACH and tokens[k].text not in SCOPE_END and \
                not (k > a and k in role_starts and k != head):
            out.add(k)
            k += 1
    return frozenset(out)


DEAL_REACH = 4  # tokens between a deal and the role trigger it governs, beyond the deal's own partner


def _deal_governs(tokens: list[Token], deal_end: int, a: int, parties: list[PartyMention], lex: Lexicon) -> bool:
    """Does a deal word govern the role trigger at `a` ('deal to buy', 'accord pour acheter', 'a contract with the
    Romanian Ministry of National Defence to supply', 'negotiating with Gulf allies Qatar and Oman to buy')? Nothing
    but a few words, or the deal's partners and their descriptors, between."""
    gap = range(deal_end, a)
    # a relative article opens a clause only after a comma: 'Vertrag über die Lieferung' is one phrase
    if any(_opens_clause(tokens, k, lex) or tokens[k].text == "," for k in gap):
        return False
    if a - deal_end <= DEAL_REACH or _price_gap(tokens, gap, lex):
        return True
    named = {k for p in parties for k in range(p.first, p.last + 1)}
    return any(k in named for k in gap) and all(
        k in named or tokens[k].text[:1].isupper() or lex.is_article(tokens[k])
        or tokens[k].fold in lex.infinitive_markers or tokens[k].fold in lex.purpose_prepositions
        or tokens[k].fold in lex.topic_prepositions or tokens[k].fold in lex.of_prepositions
        or _marker_before_word(tokens, k, lex)
        or lex.descriptors.match_at(tokens, k) is not None or tokens[k].fold in lex.coordinators for k in gap)


PRICE_WORDS = 4  # words of a price phrase beside its number, multiplier and currency ('por valor de', 'worth')


def _price_gap(tokens: list[Token], gap: range, lex: Lexicon) -> bool:
    """'un contrato por valor de 6.500 millones de dólares para la compra', 'un contratto da 6,5 miliardi di dollari
    per l'acquisto': a price between a deal and its trigger keeps the deal governing it."""
    money = {k for k in gap if tokens[k].text in CURRENCY_SIGNS or tokens[k].text.lower() in lex.currency_words}
    if not money or not any(tokens[k].is_number for k in gap):
        return False
    rest = [k for k in gap if k not in money and not tokens[k].is_number and tokens[k].fold not in lex.multipliers
            and not lex.is_article(tokens[k]) and tokens[k].fold not in lex.of_prepositions
            and tokens[k].fold not in lex.purpose_prepositions and tokens[k].fold not in lex.infinitive_markers]
    return len(rest) <= PRICE_WORDS


def _marker_before_word(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Is token k (part of) a role marker ('with', 'mit', 'avec')?"""
    return any(idx.match_at(tokens, s) for idx in lex.markers.values() for s in range(max(0, k - 2), k + 1))


def open_frame(tokens: list[Token], lex: Lexicon, parties: list[PartyMention]) -> Frame | None:
    """'Germany will provide Lithuania with new military aid this year.': a transfer whose supplier and
    recipient are named but whose items a following sentence lists ('The package includes …')."""
    triggers = find_triggers(tokens, lex)
    starts = {a for a, _, _ in triggers}
    heads = [h for h in triggers if not _negated(tokens, h[0], lex)]
    # "Germany will send a new package to Ukraine": the package the verb gives is no trigger between its parties
    heads = [h for n, h in enumerate(heads)
             if not (n and _package_given(tokens, heads[n - 1], h[0], h[2], parties, lex))]
    for a, b, trig in heads:
        fr = Frame(a, trig.role, stage_of(tokens, a, trig, lex, starts))
        _assign_roles(fr, trig, a, b, tokens, lex, parties, heads, [])
        if fr.suppliers and fr.recipients and fr.role != "deal":
            return fr
    return None


SCOPE_END = {",", ";", ":", ".", "(", ")", "!", "?"}


def _replacement_scope(tokens: list[Token], lex: Lexicon, trigger_starts: set[int]) -> set[int]:
    """Tokens of the replacement clauses: from the replacement word to the end of its clause; in a verb-final
    language the clause before the word too ('um die alten F-4 zu ersetzen'). A clause that runs into a transfer of
    its own ('instead of the JF-17 offered by China', 'Geschütze ersetzen, die Polen … weitergegeben hat') says what
    happened to the replaced item, and is left to that transfer."""
    return _clause_scope(tokens, lex, trigger_starts, lex.replacement.find_all(tokens))


def replacement_scope(tokens: list[Token], lex: Lexicon) -> set[int]:
    """Tokens of the replacement clauses ('pour remplacer les Wing Loong 1'), as `build_frames` reads them."""
    return _replacement_scope(tokens, lex, {a for a, _, _ in find_triggers(tokens, lex)})


def purpose_scope(tokens: list[Token], lex: Lexicon) -> set[int]:
    """Tokens naming what an item replaces or fights ('They will replace the Tornado jets', 'Es kann anfliegende
    Raketen abwehren'): the clauses of the replacement and threat words, as `_replacement_scope` reads them."""
    starts = {a for a, _, _ in find_triggers(tokens, lex)}
    hits = lex.replacement.find_all(tokens) + lex.threat_verbs.find_all(tokens)
    return _clause_scope(tokens, lex, starts, hits)


def _clause_scope(tokens: list[Token], lex: Lexicon, trigger_starts: set[int],
                  hits: Sequence[tuple[int, int, object]]) -> set[int]:
    scope: set[int] = set()
    for a, b, _ in hits:
        k = b
        while k < len(tokens) and (tokens[k].text not in SCOPE_END or _abbreviation_stop(tokens, k, lex)) \
                and k not in trigger_starts and not _opens_clause(tokens, k, lex):
            k += 1
        if k < len(tokens) and tokens[k].text == "," and k + 1 < len(tokens) and _opens_clause(tokens, k + 1, lex) \
                or k < len(tokens) and (k in trigger_starts or _opens_clause(tokens, k, lex)):
            continue
        scope.update(range(a, k))
        if lex.verb_final:
            j = a - 1
            while j >= 0 and tokens[j].text not in SCOPE_END and j not in trigger_starts:
                j -= 1
            scope.update(range(j + 1, a))
    return scope


def _abbreviation_stop(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """The full stop of an abbreviation ('Boeing Co.', 'approx.'): it ends no clause."""
    prev = tokens[k - 1] if k > 0 else None
    return tokens[k].text == "." and prev is not None and prev.end == tokens[k].start and \
        (prev.fold in ABBREV or prev.fold in lex.abbreviations)


def _respectively(fr: Frame) -> list[Frame]:
    """'24 CV90 and 12 K9 from Sweden and South Korea respectively': as many parties on one side as items, paired in
    order; otherwise the frame stays whole."""
    items = [it for it in fr.items if not it.umbrella]
    for side in ("suppliers", "recipients"):
        parties = getattr(fr, side)
        if len(parties) > 1 and len(parties) == len(items):
            out = []
            for code, it in zip(parties, items, strict=True):
                part = replace(fr, items=[it])
                setattr(part, side, [code])
                out.append(part)
            return out
    return [fr]


SOURCE_GAP = 3  # words between an item and the party after it that is that item's own source or destination


def _each_from_its_own(fr: Frame, parties: list[PartyMention], tokens: list[Token], lex: Lexicon) -> list[Frame]:
    """'K2 tanks from South Korea and Abrams tanks from the United States', 'des chars K2 à la Corée du Sud et des
    Abrams aux États-Unis': when every party on one side follows items of its own, each has those items (the items
    since the party before), not all of them."""
    items = sorted((it for it in fr.items if not it.umbrella), key=lambda it: it.first)
    for side in ("suppliers", "recipients"):
        codes = getattr(fr, side)
        if len(codes) < 2 or len(items) < 2:
            continue
        ps = sorted((p for p in parties if p.code in codes and p.first > fr.trigger), key=lambda p: p.first)
        opposite = fr.recipients if side == "suppliers" else fr.suppliers
        other = {k for q in parties if q.code in opposite for k in range(q.first, q.last + 1)}
        if len({p.code for p in ps}) != len(codes) or len(ps) != len(codes):
            continue
        out, since = [], -1
        for p in ps:
            own = [it for it in items if since < it.first and it.last < p.first]
            # the trigger between an item and its party is no gap ('A fighter jet goes to Pakistan'), nor the item's
            # own party of the other side ('72 Raketen von Diehl Defence an die Philippinen')
            gap = [t for k, t in enumerate(tokens[:p.first]) if k > max(own[-1].last, fr.trigger)
                   and k not in other] if own else []
            if not own or len(gap) > SOURCE_GAP or any(_coordinator(t, lex) for t in gap):
                break
            part = replace(fr, items=own)
            setattr(part, side, [p.code])
            out.append(part)
            since = p.last
        else:
            rest = [it for it in fr.items if it.first > since or it.umbrella]
            if rest:
                out.append(replace(fr, items=rest))
            return out
    return [fr]


def _handed_on(fr: Frame) -> Frame:
    """The planned handing on of what the buyers of a frame buy for another state."""
    return Frame(fr.trigger, "give", Stage.PLANNED, list(fr.recipients), list(fr.passed_to), list(fr.items),
                 when=fr.when)


def _list_beside_know_how(fr: Frame, head: tuple[int, int, Trigger], tokens: list[Token], lex: Lexicon) -> None:
    """'provided technology as well as tanks and aircraft': what is listed beside the know-how keeps the
    trigger's own stage; what the know-how is of ('technology to build drones') stays a technology transfer."""
    trig = head[2]
    if fr.stage != Stage.TECHNOLOGY_TRANSFER or not any(it.category == "technology" for it in fr.items):
        return
    plain = fr.plain_stage or Stage(trig.stage)
    if plain in KIND_STAGES:
        return
    lo = min(it.first for it in fr.items if it.category == "technology")
    after = sorted(it.first for it in fr.items if it.first > lo)
    governed = bool(after) and _know_how_of(tokens, lo, after[0], lex)  # "to produce drones and missiles": all
    fr.plain_stage = plain
    fr.plain_items = {it.first for it in fr.items if it.category != "technology" and not (governed and it.first > lo)}


def _know_how_of(tokens: list[Token], b: int, first: int, lex: Lexicon) -> bool:
    """'access to the development of drones': a technology word between the trigger and the item at `first`
    governs it, unless a list joins them ('technology as well as tanks and aircraft': the tanks are tanks)."""
    found = lex.technology.find_all(tokens, b, first)
    return bool(found) and not any(_coordinator(t, lex) for t in tokens[found[-1][1]:first])


def _negotiated_between(fr: Frame, partners: list[str], group_partner: bool = False) -> None:
    """'Україна веде переговори з Францією про постачання Mirage', 'Индия подписала с Россией контракт на
    поставку': a delivery talked over or contracted *with* a partner may run either way; like a deal, the
    item's origin decides (and without one the frame gives no claim); one to a third state has no known supplier.
    A contract still ahead is one too ('Индия планирует заключить с Францией соглашение на поставку')."""
    if fr.role != "give" or not (partners or group_partner) or \
            fr.stage not in NEGOTIATED and not (fr.contracted and fr.stage == Stage.PLANNED):
        return
    if partners and set(fr.suppliers) & set(fr.recipients):
        # "L'Indonesia ha firmato con l'Italia un contratto per la fornitura di fregate all'Indonesia": the
        # signer receives, so its partner supplies
        fr.suppliers = [c for c in partners if c not in fr.recipients]
        return
    if fr.recipients or not partners:
        # (talks, not a sale: "Сербия продала Украине снаряды, несмотря на протесты со стороны Москвы")
        if fr.recipients and fr.stage in TALKS and not set(fr.recipients) & {*fr.suppliers, *partners}:
            # "Die USA verhandeln mit Polen über die Lieferung von Panzern an Moldau": talks between two states about
            # a delivery to a third; which of the two hands it over, the text does not say
            fr.suppliers, fr.broker = [], True
        return
    fr.role = "deal"
    fr.recipients = list(dict.fromkeys([*fr.suppliers, *partners]))
    fr.suppliers = []
    fr.talked_over = True


def _describes_item(h: tuple[int, int, Trigger], heads: list[tuple[int, int, Trigger]],
                    items: list[ItemMention]) -> bool:
    """'exporter des missiles Patriot fabriqués sous licence vers …': a licence phrase right after an item, under
    another transfer verb, says how the item was made, not what this sentence transfers."""
    a, _b, trig = h
    return (trig.role == "deal" and trig.stage in KIND_STAGES and any(0 <= a - it.last <= 2 for it in items)
            and any(o[0] < a and o[2].role != "deal" for o in heads))


def _unnamed_agent(tokens: list[Token], b: int, hi: int, parties: list[PartyMention], items: list[ItemMention],
                   lex: Lexicon) -> bool:
    """'air defence units supplied by the West', 'armes fournies à Kiev par les pays occidentaux': right after the
    verb, an agent that is no state the text names; the item's maker is then no supplier to assume."""
    by = lex.markers.get("by")
    if by is None:
        return False
    for k in range(b, min(b + 4, hi)):
        m = by.match_at(tokens, k)
        if m:
            j = k + m[0]
            while j < hi and lex.is_article(tokens[j]):
                j += 1
            named = [(p.first, p.last) for p in parties] + [(i.first, i.last) for i in items]
            # "Lieferung von Eurofighter-Kampfjets": 'von' before an item is 'of', not an agent
            return j < hi and tokens[j].text[:1].isalpha() and not any(x <= j <= y for x, y in named) and \
                not lex.generic_items.match_at(tokens, j)
    return False


COLLECTIVE_REACH = 8  # tokens after a trigger where its unnamed group of supplying states may stand


def _talks_with_group(tokens: list[Token], lo: int, a: int, lex: Lexicon) -> bool:
    """'США договариваются с союзниками о передаче …', 'negotiates with its allies on the transfer of …': before the
    trigger, behind 'with', a group of states the text does not name."""
    with_ = lex.markers.get("with")
    for k in range(lo, a):
        m = with_.match_at(tokens, k) if with_ is not None else None
        if m is None:
            continue
        j = k + m[0]
        while j < a:  # "avec les alliés", "with its allies"
            if lex.collectives.match_at(tokens, j):
                return True
            if not lex.is_article(tokens[j]):
                break
            j += 1
    return False


def _collective_agent(tokens: list[Token], b: int, hi: int, lex: Lexicon) -> bool:
    """'supplied by the West', 'receive Leopard 2 tanks from other European armies', 'fournies à Kiev par les pays
    occidentaux': after the verb, behind a role marker, a group of states the text does not name."""
    for k in range(b, min(b + COLLECTIVE_REACH, hi)):
        if lex.collectives.match_at(tokens, k) and _marker_before_word(tokens, k - 1, lex):
            return True
    return False


def _party_marker_follows(h: tuple[int, int, Trigger], tokens: list[Token], lex: Lexicon) -> bool:
    """A participle's agent or source right after it ('promised by Canada', 'comprados a Dinamarca',
    'acquistati dalla Danimarca', 'vendute dall'Italia', 'shipped from Poland'): a participle phrase, not the clause's
    verb."""
    if h[2].arrival:
        return False  # "The drones arrive in Chile by sea": an arrival is the clause's own verb
    roles = ("by", "from", "buy_from") if h[2].buy or h[2].role == "get" else ("by", "from")
    idxs = [idx for r in roles if (idx := lex.markers.get(r)) is not None]
    return any(idx.match_at(tokens, k) for idx in idxs for k in range(h[1], min(h[1] + 3, len(tokens))))


def _agent_follows(h: tuple[int, int, Trigger], tokens: list[Token], lex: Lexicon) -> bool:
    by = lex.markers.get("by")
    return by is not None and any(by.match_at(tokens, k) for k in range(h[1], min(h[1] + 3, len(tokens))))


def _borrow_roles(fr: Frame, roles: dict[int, Frame], tokens: list[Token], lex: Lexicon) -> None:
    """'Niger received weapons provided by Egypt': a role missing here may be filled by another
    trigger of the same clause."""
    if fr.role == "deal":
        # "l'Inde a signé un accord avec la Russie pour produire sous licence des AK-203": one deal, its parties
        near = [o for k, o in roles.items() if k != fr.trigger and o.role == "deal" and o.recipients
                and abs(k - fr.trigger) <= 12]
        if near:
            other = min(near, key=lambda o: abs(o.trigger - fr.trigger))
            fr.recipients = list(dict.fromkeys([*other.recipients, *fr.recipients]))
        return
    if fr.broker:
        return  # the talks' sides are known and neither is said to supply
    _roles_from_deal(fr, roles, tokens, lex)
    for a, other in sorted(roles.items(), key=lambda kv: abs(kv[0] - fr.trigger)):
        if a == fr.trigger or other.role == "deal":
            continue
        lo, hi = sorted((a, fr.trigger))
        if any(_clause_opener(t, lex) for t in tokens[lo:hi]) or hi - lo > 15:
            continue
        if not fr.suppliers and other.suppliers and not set(other.suppliers) & set(fr.recipients):
            fr.suppliers = list(other.suppliers)
        if not fr.recipients and other.recipients and not set(other.recipients) & set(fr.suppliers):
            fr.recipients = list(other.recipients)


def _roles_from_deal(fr: Frame, roles: dict[int, Frame], tokens: list[Token], lex: Lexicon) -> None:
    """'La Polonia ha firmato un contratto con la Corea del Sud per l'acquisto di 96 K9': the purchase names the
    seller, the contract before it both parties; the one left over fills the missing role."""
    if bool(fr.suppliers) == bool(fr.recipients):
        return
    deals = [o for k, o in roles.items() if o.role == "deal" and 0 < fr.trigger - k <= 12
             and not any(_clause_opener(t, lex) or t.text in CLAUSE_BREAK for t in tokens[k:fr.trigger])]
    if not deals:
        return
    deal = max(deals, key=lambda o: o.trigger)
    rest = [c for c in deal.recipients if c not in fr.suppliers and c not in fr.recipients]
    if len(rest) == 1:
        (fr.recipients if fr.suppliers else fr.suppliers).append(rest[0])


def _relative_trigger(it: ItemMention, heads: list[tuple[int, int, Trigger]], tokens: list[Token], lex: Lexicon,
                      items: list[ItemMention]) -> tuple[int, int, Trigger] | None:
    """The trigger of a relative clause about the item ('18 Leopard tanks, which Canada delivered', 'les 26 Rafale
    que l'Inde a commandés', '250 czołgów, które Polska zakontraktowała'), if the clause has one before any other
    item and before its end. In a verb-final clause the relative follows the clause's verb: 'hat 18 Leopard-Panzer
    erhalten, die Kanada geliefert hat'."""
    k = it.last + 1
    verb = next((h for h in heads if h[0] == k), None) if lex.verb_final else None
    if verb is not None:
        k = verb[1] + (verb[1] < len(tokens) and tokens[verb[1]].fold in lex.finite_auxiliaries)
    comma = k < len(tokens) and tokens[k].text == ","
    k += comma
    if k >= len(tokens):
        return None
    t = tokens[k]
    if not (t.fold in lex.noun_relatives or t.lemma in lex.noun_relatives):
        return None
    if t.fold in lex.relative_articles and not comma:
        return None  # German "die", "der": a relative pronoun only after a comma
    end = k + 1
    while end < len(tokens) and end - k <= 12 and tokens[end].text not in SCOPE_END \
            and not _clause_opener(tokens[end], lex) and not any(o.first == end for o in items):
        end += 1
    return next((h for h in heads if k < h[0] < end), None)


def _share_roles(fr: Frame, other: Frame) -> None:
    """Two frames about one item (a main clause and the relative clause about its item): a role missing in one is
    the other's, unless the other names a different party on the role this one has."""
    if fr.role == "deal" or other.role == "deal":
        return
    if not fr.suppliers and other.suppliers and _agree(fr.recipients, other.recipients) \
            and not set(other.suppliers) & set(fr.recipients):
        fr.suppliers = list(other.suppliers)
    if not fr.recipients and other.recipients and _agree(fr.suppliers, other.suppliers) \
            and not set(other.recipients) & set(fr.suppliers):
        fr.recipients = list(other.recipients)


DONE_STEPS = {Stage.AGREED, Stage.ORDERED, Stage.DELIVERED}


def _done_step(fr: Frame, other: Frame, participle: Trigger) -> None:
    """'The 35 F-35 already ordered from the USA will arrive in 2026': a participle describing the verb's item
    reports a step already done, in its own word's stage; the claim keeps the furthest stage. A promise ('promised
    to Ukraine') adds nothing, a later step the verb reports ('received the K9 ordered from Korea') wins, and a step
    between other parties is another transfer ('the tanks delivered to Poland will be sent to Ukraine')."""
    done = Stage(participle.stage)
    if fr.role != "deal" and done in DONE_STEPS and fr.stage not in KIND_STAGES \
            and STAGE_ORDER[done] > STAGE_ORDER[fr.stage] \
            and _agree(fr.suppliers, other.suppliers) and _agree(fr.recipients, other.recipients):
        fr.stage = done


def _agree(side: list[str], other: list[str]) -> bool:
    """One side of two frames names no different party ('received tanks, which Canada bought from Germany': the
    recipients differ, so Germany supplies Canada, not Ukraine)."""
    return not side or not other or set(other) <= set(side)


def _acts_in_own_clause(it: ItemMention, after: int, tokens: list[Token], lex: Lexicon) -> bool:
    """'… in Istanbul while Russian Su-34 bombers struck Kharkiv': an item in a clause of its own, right before a verb
    of use or combat, is what that verb is about, not what a trigger before the clause transfers."""
    if not any(_opens_clause(tokens, k, lex) for k in range(after, it.first)):
        return False
    for k in range(it.last + 1, min(it.last + 5, len(tokens))):
        if _opens_clause(tokens, k, lex):
            return False
        if lex.non_transfer.match_at(tokens, k):
            return True
    return False


def _governing_trigger(it: ItemMention, heads: list[tuple[int, int, Trigger]], tokens: list[Token],
                       lex: Lexicon) -> tuple[int, int, Trigger] | None:
    # one word is both: "Raketenlieferungen", "Drohnenlieferungen" (an anaphoric stand-in placed on its trigger
    # has no surface of its own and keeps needing a second trigger)
    inside = [h for h in heads if h[0] <= it.first and it.last < h[1] and it.surfaces]
    if inside:
        return inside[0]
    before = [h for h in heads if h[1] <= it.first]
    after = [h for h in heads if h[0] > it.last]
    nominal_deal = after and after[0][2].role == "deal" and after[0][2].stage not in KIND_STAGES
    if after and after[0][0] - it.last <= 2 and (nominal_deal or _agent_follows(after[0], tokens, lex)):
        return after[0]  # "BrahMos deal", "the Su-35 contract", "los JF-17 ofrecidos por China"
    inf = _infinitive_clause_verb(it, before, after, tokens, lex)
    if inf is not None:
        return inf
    pre = _preceding(it, before, tokens, lex)
    if pre is not None and _clause_break(tokens, pre[1], it.first, lex):
        # "Frankreich will … stellen, die USA erwägen … Bradley zu liefern": the item's own clause has its verb
        own = _following(it, after, tokens, lex)
        # ("…, KN-24 e la possibile fornitura di KN-15": a delivery noun's object follows it)
        if own is not None and not _clause_break(tokens, it.last + 1, own[0], lex) and \
                not _nominal(tokens, own[1], lex):
            return own
    return pre or _following(it, after, tokens, lex)


def _in_clause_of_its_own(it: ItemMention, b: int, fr: Frame, parties: list[PartyMention], tokens: list[Token],
                          lex: Lexicon) -> bool:
    """'Il Belgio ha inviato 200 armi anticarro, mentre la Danimarca ha mobilitato 300 Stinger': past a clause break,
    an item whose clause opens with a state of its own is not the verb's object."""
    for k in range(b, it.first):
        if not _breaks_at(tokens, k, lex):
            continue
        if any(p.last == k - 1 for p in parties) or tokens[k].text == "," and _report_follows(tokens, k, lex):
            continue  # "to Poland, Ukraine and Lithuania": the list of parties goes on; ", the minister said"
        j = k + 1
        while j < it.first and (_coordinator(tokens[j], lex) or _opens_clause(tokens, j, lex)
                                or lex.is_article(tokens[j])):
            j += 1
        subject = next((p for p in parties if p.first == j and not p.source_like), None)
        if subject is not None and subject.code not in fr.suppliers + fr.recipients:
            return True
    return False


def _other_make_beyond(it: ItemMention, b: int, fr: Frame, items: list[ItemMention], tokens: list[Token],
                       lex: Lexicon) -> bool:
    """'Deutschland hat die Marder geliefert, die amerikanischen Bradleys sind unterwegs': past a clause break, an
    item of another state's make than the verb's supplier is in a clause of its own."""
    if it.first < b or not it.origin or not fr.suppliers or it.origin in fr.suppliers:
        return False
    breaks = [k for k in range(b, it.first) if _breaks_at(tokens, k, lex)]
    # "… 200 Panzerfaust, 500 American Stingers": a list of items goes on
    return bool(breaks) and not any(o.last == breaks[-1] - 1 or breaks[-1] < o.first < it.first for o in items)


def _clause_break(tokens: list[Token], lo: int, hi: int, lex: Lexicon) -> bool:
    """A comma or a word opening another clause between tokens lo and hi."""
    return any(_breaks_at(tokens, k, lex) for k in range(lo, hi))


def _breaks_at(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """A comma or a word opening another clause at token k."""
    return tokens[k].text == "," or _opens_clause(tokens, k, lex)


def _infinitive_clause_verb(it: ItemMention, before: list[tuple[int, int, Trigger]],
                            after: list[tuple[int, int, Trigger]], tokens: list[Token],
                            lex: Lexicon) -> tuple[int, int, Trigger] | None:
    """'Deutschland hat zugesagt, der Ukraine Patriot-Systeme zu liefern': in a verb-final language an infinitive
    clause after a comma closes with its own verb; the item inside it is that verb's object, not the object of the
    verb before the comma (which lends its stage)."""
    if not lex.verb_final or not before or not after:
        return None
    h = after[0]
    if not any(t.text == "," for t in tokens[before[-1][1]:it.first]) or \
            any(t.text in SCOPE_END for t in tokens[it.last + 1:h[0]]):
        return None
    marked = tokens[h[0] - 1].fold in lex.infinitive_markers or \
        h[1] < len(tokens) and tokens[h[1]].fold in lex.infinitive_markers  # "zur Verfügung zu stellen"
    return h if marked else None


def _preceding(it: ItemMention, before: list[tuple[int, int, Trigger]], tokens: list[Token],
               lex: Lexicon) -> tuple[int, int, Trigger] | None:
    """The nearest trigger before the item, if the item is its object."""
    if not before:
        return None
    h = before[-1]
    gap = tokens[h[1]:it.first]
    if _closes_its_clause(tokens, h, lex):
        return None  # "Weil Russland Drohnen aus dem Iran bezieht, will die Ukraine mehr Flugabwehr …"
    # items inside a possession clause ("qui dispose de stocks de …") or a service ("a contract to
    # maintain Kyiv's HAWK systems") are not transferred
    # "…, que incluye misiles AIM-9", "… en citant différents types d'armes : des fusils …": a list goes on
    reach = len(tokens) if any(t.text == ":" for t in gap) else 60 if lex.continuation.find_all(gap) else 35
    if not lex.possession.find_all(gap) and not lex.services.find_all(gap) and it.first - h[1] <= reach \
            and not _acts_in_own_clause(it, h[1], tokens, lex):
        return h
    return None


def _closes_its_clause(tokens: list[Token], h: tuple[int, int, Trigger], lex: Lexicon) -> bool:
    """In a verb-final language, a trigger right before a comma (or before the auxiliaries there) that closes a
    subordinate clause ('weil Russland Drohnen aus dem Iran bezieht,', 'nachdem Polen … geliefert hatte,'), or a
    participle or infinitive closing its clause ('hat … geliefert,', '… zu liefern,'), has its objects before it: an
    item after the comma is another clause's."""
    a, b, _ = h
    if not lex.verb_final:
        return False
    while b < len(tokens) and (tokens[b].fold in lex.finite_auxiliaries or tokens[b].text.lower() in lex.copulas):
        b += 1  # "geliefert hatte,", "geliefert worden war,"
    if b >= len(tokens) or tokens[b].text != "," or lex.continuation.match_at(tokens, b + 1):
        return False  # "hat … Waffen geliefert, darunter IRIS-T": the list of its objects goes on
    if _verb(tokens[a]) and (tokens[a].past_participle or a > 0 and tokens[a - 1].fold in lex.infinitive_markers):
        return True
    k = a - 1
    while k >= 0 and tokens[k].text not in SCOPE_END and not _opens_clause(tokens, k, lex):
        k -= 1
    return k >= 0 and tokens[k].text not in SCOPE_END and _opens_clause(tokens, k, lex)


def _following(it: ItemMention, after: list[tuple[int, int, Trigger]], tokens: list[Token],
               lex: Lexicon) -> tuple[int, int, Trigger] | None:
    """The nearest trigger after the item in its clause (a fronted object, a verb-final clause)."""
    if not after:
        return None
    h = after[0]
    if h[0] - it.last <= 15 and not any(t.text in CLAUSE_BREAK for t in tokens[it.last + 1:h[0]]) \
            and not _in_clause_before(it, h[0], tokens, lex):
        return h
    return None


MAIN_REACH = 12  # tokens between a clause's verb and the item a participle describes


def _main_beside_participle(it: ItemMention, best: tuple[int, int, Trigger], heads: list[tuple[int, int, Trigger]],
                            tokens: list[Token], lex: Lexicon,
                            items: list[ItemMention]) -> tuple[int, int, Trigger] | None:
    """'Ukraine has received the 18 Leopard tanks promised by Canada', 'Polen hat die bei Südkorea bestellten K9
    erhalten', 'Польша получила … заказанных у Южной Кореи гаубиц': a participle describing the item tells its
    history; the clause's own verb, close by, transfers it."""
    if best[2].role == "deal":
        return None
    others = [h for h in heads if h != best and h[2].role != "deal"]
    close = _participle_aside_close(tokens, it, best)
    if best[0] > it.last:
        if not close and (best[0] - it.last > 2 or not _party_marker_follows(best, tokens, lex)):
            return None
        # "Los seis F-16 comprados a Dinamarca llegaron a Argentina": the subject's own verb follows the participle
        main = _preceding(it, [h for h in others if h[1] <= it.first], tokens, lex) or \
            _following(it, [h for h in others if h[0] >= best[1]], tokens, lex)
    elif _attributive(tokens, best, it, lex):
        main = _preceding(it, [h for h in others if h[1] <= best[0]], tokens, lex) or \
            _following(it, [h for h in others if h[0] > it.last], tokens, lex)
    else:
        return None
    if main is None:
        return None
    lo, hi = (main[1], it.first) if main[0] < it.first else (it.last + 1, main[0])
    # "opta por adquirir aviones F-16 en lugar de los JF-17 ofrecidos por China": the verb's object is another item
    if hi - lo > MAIN_REACH or any(lo <= o.first < hi and not _listed_together(tokens, o, it, lex) for o in items):
        return None
    if main[0] > close > 0:
        lo = close + 1  # the aside's commas close the participle's phrase, not the clause
    if _clause_break(tokens, lo, hi, lex):
        return None
    return main


ASIDE_MODIFIERS = 2  # lower-case words between an item and the comma opening a participle's aside


def _participle_aside_close(tokens: list[Token], it: ItemMention, part: tuple[int, int, Trigger]) -> int:
    """'The howitzers, promised to Ukraine in March, arrived last week': a participle opening a comma aside right
    after the item tells the item's history; the comma closing the aside (0 for no such aside), past which the
    item's own verb follows."""
    c = part[0] - 1  # the opening comma, after the item and at most a modifier ('los obuses noruegos, …')
    if not 0 < c - it.last <= ASIDE_MODIFIERS + 1 or tokens[c].text != "," or \
            any(not t.text[:1].islower() for t in tokens[it.last + 1:c]):
        return 0
    return next((k for k in range(part[1], min(len(tokens), c + ASIDE_REACH)) if tokens[k].text == ","), 0)


def _listed_together(tokens: list[Token], o: ItemMention, it: ItemMention, lex: Lexicon) -> bool:
    """Only commas, coordinators and articles between two items: one list ('des armes et munitions')."""
    return all(t.text == "," or _coordinator(t, lex) or lex.is_article(t) for t in tokens[o.last + 1:it.first])


def _attributive(tokens: list[Token], h: tuple[int, int, Trigger], it: ItemMention, lex: Lexicon) -> bool:
    """A participle right before the item, not after an auxiliary: 'die bestellten Panzer', 'заказанных гаубиц'; a
    trigger word between an article and the item is one too where no tagger marks it ('the promised tanks',
    'de beloofde tanks')."""
    a, b, _ = h
    t = tokens[a]
    if it.first - b > 4 or a == 0:
        return False
    prev = tokens[a - 1]
    if not (t.past_participle or t.pos == "ADJ" or lex.is_article(prev) and b == it.first):
        return False
    if prev.fold in lex.auxiliaries or prev.fold in lex.finite_auxiliaries or prev.text.lower() in lex.copulas:
        return False
    return not any(x.text == "," or lex.is_article(x) for x in tokens[b:it.first])


def _in_clause_before(it: ItemMention, a: int, tokens: list[Token], lex: Lexicon) -> bool:
    """'Aunque se consideraron los JF-17 chinos, Argentina optó por los F-16', 'Although Peru looked at the Rafale,
    it chose the Gripen': an item in a subordinate clause that opens the sentence and that a comma closes before the
    verb is not the verb's object."""
    return bool(tokens) and _opens_clause(tokens, 0, lex) and any(t.text == "," for t in tokens[it.last + 1:a])


def _governs(tokens: list[Token], subject: PartyMention, a: int, b: int, lex: Lexicon) -> bool:
    """Is the trigger the subject's own verb: only auxiliaries between them ('Lithuania has delivered', 'Litauen
    liefert'), or, in a verb-final clause, an auxiliary right after the subject and the trigger closing the clause
    ('Litauen hat der Ukraine Mörser aus Deutschland geliefert')? Not 'Ukraine uses missiles supplied by France'."""
    between = tokens[subject.last + 1:a]
    if all(t.fold in lex.auxiliaries for t in between):
        return True
    closes = b >= len(tokens) or tokens[b].text in CLAUSE_BREAK or tokens[b].text in (",", ".")
    return lex.verb_final and closes and between[0].fold in lex.auxiliaries


def _names_institution_after(tokens: list[Token], p: PartyMention, lex: Lexicon) -> bool:
    """'die brasilianische Armee', 'de Braziliaanse luchtmacht': a demonym naming the institution after it."""
    return p.kind == "demonym" and p.last + 1 < len(tokens) and lex.institution_heads.match_at(tokens, p.last + 1) \
        is not None


def _assign_roles(fr: Frame, trig: Trigger, a: int, b: int, tokens: list[Token], lex: Lexicon,
                  parties: list[PartyMention], heads: list[tuple[int, int, Trigger]],
                  items: list[ItemMention], clause: tuple[int, int] | None = None) -> None:
    prev_end = max([h[1] for h in heads if h[1] <= a and h[0] != a] or [0])
    next_start = min([h[0] for h in heads if h[0] > a] or [len(tokens)])
    lo, hi = clause or _clause(tokens, a, b, lex)
    listed = _countries_listed(tokens, b, hi, lex)
    if listed and tokens[listed].text == ":":
        hi = next((k for k in range(hi + 1, len(tokens)) if tokens[k].text == ";"), len(tokens))
    elif listed:
        hi = max(hi, _list_end(tokens, listed, lex))  # "à plusieurs pays, dont …": a relative word closed the clause
    passive = _passive(tokens, a, lex, lo)
    subject: PartyMention | None = None
    nominative: PartyMention | None = None
    bare_before: list[PartyMention] = []
    sup: list[PartyMention] = []
    rec: list[PartyMention] = []
    others: list[PartyMention] = []
    partners: list[PartyMention] = []
    companions: list[PartyMention] = []  # "buys … together with Germany": the subject's co-buyers
    beneficiaries: list[PartyMention] = []  # "buys … for Ukraine"
    destinations: list[PartyMention] = []  # "arrived in Ukraine"
    genitives: list[PartyMention] = []  # "the aid of Germany": joined to a delivery noun by "of"
    agents: list[PartyMention] = []  # "received … da parte dell'Italia": a receive verb's by-phrase
    between: list[PartyMention] = []  # "a deal between Moscow and Tehran": the deal's sides
    sources: list[PartyMention] = []  # "a technology transfer from Sweden to Brazil": a deal's own direction
    headed: list[PartyMention] = []
    for p in parties:
        if p.source_like:
            continue
        if p.last < prev_end or p.first >= next_start:
            continue  # it belongs to the neighbouring trigger; roles are borrowed across them below
        if p.last < lo or p.first >= hi:
            continue
        if p.first >= b and _sides_of_other_noun(tokens, p, b, items, lex):
            continue
        # "alle forze armate di Ouagadougou", "Вооруженным силам Мали": the institution's destination and case
        anchor = _institution_of(tokens, p, lex)
        marker = _marker_before(tokens, p, lex, parties)
        governing = _marker_before(tokens, anchor, lex, parties) if anchor is not p else None
        if governing in ("to", "buy_from", "with", "get_from"):
            marker = governing
        if listed and p.first > listed and marker is None:
            marker = "to" if trig.role == "give" else "from"  # a member of the list after "to seven countries:"
        if trig.arrival:
            if 0 < prev_end <= p.first < a and marker is not None and \
                    not any(t.text == "," for t in tokens[prev_end:p.first]):
                continue  # "los F-16 comprados (por Argentina) a Dinamarca llegarán": the earlier verb's party
            source = marker == "from" or marker == "get_from" and _after_item_or_trigger(
                tokens, _list_head(tokens, p, parties, lex), a, b, items, lex)  # "los F-16 de Dinamarca llegaron"
            _arrival_role(p, "from" if source else marker, p.first >= b, sup, destinations, bare_before)
            continue
        if marker in ("to", "buy_from", None) and _case(tokens, anchor) == "loc" and not trig.buy:
            if p.last >= a or not _speaks(tokens, p.last + 1, lex):
                continue  # "в Белом доме", "на Украине", "in der Ukraine": a place, not a destination
            marker = None  # "В Пекине опровергли …", "W Pekinie zaprzeczono": the institution there speaks, its subject
        if marker == "together":
            companions.append(p)
            continue
        if marker == "between":
            if trig.role == "deal":
                between.append(p)
                continue
            marker = None
        if marker == "from" and _case(tokens, anchor) == "ins":
            marker = "with"  # Ukrainian/Russian "з/с" + instrumental is "together with", not "from"
        if marker == "buy_from":  # "acheter des obus à la Corée": the seller follows the purchase
            marker = ("from" if p.first >= b or lex.verb_final else "skip") if trig.buy else "to"
        elif marker == "get_from":
            # French/Spanish "de" is a source only right after the trigger or an item ("reçu des Su-35 de
            # la Russie"), not in "le respaldo financiero de Estados Unidos"; after a delivery noun, right after
            # its item: "la entrega de los misiles Patriot de Alemania a Ucrania"
            head = _list_head(tokens, p, parties, lex)  # "de la Suède et de la Corée": the list's place decides
            source = trig.role == "get" and _after_item_or_trigger(tokens, head, a, b, items, lex)
            source = source or (trig.role == "give" and _nominal(tokens, b, lex) and p.first > b
                                and _after_item_or_trigger(tokens, head, -1, -1, items, lex))
            marker = "from" if source else None
        elif marker == "with":
            # "achat … avec Moscou", "a contract with France for the acquisition of …": the seller
            marker = "from" if trig.role == "get" else ("with" if trig.role == "deal" else "skip")
            if marker == "skip":
                partners.append(p)
        if (marker == "by" or marker == "from" and trig.role == "give") and p.first >= b and \
                _beyond_comma(tokens, b, _list_head(tokens, p, parties, lex), items):
            continue  # "…, strengthening ties between two states sanctioned by the US": another verb's agent
        if lex.verb_final and p.first > b and tokens[a].text[:1].islower() and \
                _past_closing_comma(tokens, b, p, parties, lex, items):
            continue  # "… an die Ukraine liefern, Deutschland muss …": the verb closed its clause
        if marker == "by" and p.first >= b and _passive_between(tokens, b, p.first, lex) and \
                not (trig.role == "deal" and _signed_between(tokens, b, p.first, lex)):
            continue  # "Concern that Russia bought drones from Iran was voiced by a US adviser": that verb's agent
        if marker in ("to", "from", "get_from") and _posted_to(tokens, p, lex):
            if marker == "to":
                continue  # "the Iranian embassy to the UN": where an envoy is posted is no recipient
            marker = None  # "a delegation from Thailand": the envoys' state, the subject of what they do
        if marker in ("skip", "bystander", "against", "funder", "maker"):
            continue
        if marker in ("by", "from", "to", "buy_from", "get_from") and p.last < a and \
                _after_attributive_participle(tokens, p, prev_end, heads, items):
            continue  # "les Rafale commandés par la Serbie à la France ont été livrés": the participle's parties
        if marker is None and _case(tokens, anchor) == "gen" and p.last < a and not _after_institution(tokens, p, lex):
            continue  # "Nach Angaben der Ukraine hat Iran …": a genitive before the verb is nobody's role
        if _subject_of_next_clause(tokens, b, p, lex):
            continue  # "Deutschland liefert Panzer an Polen, Frankreich kauft …": the next verb's subject
        after = p.first >= b
        if trig.role == "deal":
            if marker is None and not after:
                subject = p
                bare_before.append(p)
            else:
                others.append(p)
                if after and marker in ("from", "by", "to"):
                    (headed if marker == "to" else sources).append(p)
        elif marker == "by" and trig.role == "get" and after and not trig.buy:
            agents.append(p)
        elif marker == "by":
            (sup if trig.role == "give" else rec).append(p)
        elif marker == "from" and (after or trig.role == "get" or passive and trig.role == "give" and
                                   _marks_an_item(tokens, p, items, lex)):
            # "Twenty howitzers from Germany were delivered to Ukraine": the goods' source, the passive's supplier
            sup.append(p)
        elif marker == "to" and trig.role == "give":
            rec.append(p)
        elif marker == "to" and trig.buy and (after or _fronted(tokens, p, lex)) and \
                _purpose_before(tokens, anchor, lex):
            beneficiaries.append(p)
        elif marker is None and _case(tokens, anchor) == "ins" and trig.role == "give":
            sup.append(p)  # "были переданы Белоруссией": a bare instrumental party is the passive agent
        elif marker is None and _case(tokens, anchor) == "dat" and trig.role == "give":
            rec.append(p)  # "поставки Ирана России", "liefert der Ukraine": the dative receives
        elif marker is None and _case(tokens, anchor) == "gen" and after and p.first - b <= 1 and trig.role == "give":
            sup.append(p)  # "поставки Ирана": the genitive after a delivery noun supplies
        elif marker is None and _case(tokens, anchor) == "nom" and trig.role != "deal":
            subject = p  # the front-end knows the subject ("Seit Monaten liefert Iran Russland …")
            nominative = p
            bare_before.append(p)
        elif marker is None and not after:
            subject = p  # the nearest bare party before the trigger
            bare_before.append(p)
        elif marker is None and subject is None and trig.role == "get" and lex.verb_final and p.first > b and \
                _names_institution_after(tokens, p, lex) and all(lex.is_article(t) for t in tokens[b:p.first]):
            # "Im September erhielt die brasilianische Armee …": an institution right behind a verb-second receive
            # verb is its subject
            subject = p
        elif marker is None and p.first == b and p.kind == "demonym" and trig.role == "give" and anchor is p and \
                not (p.last + 1 < len(tokens) and lex.institution_heads.match_at(tokens, p.last + 1)):
            # "la ayuda alemana", "gli aiuti tedeschi": a demonym right after a delivery noun gives; not one naming
            # an institution's state ("arming Malian forces")
            sup.append(p)
        elif marker is None and after and trig.role == "give" and _of_complement(tokens, b, p, lex):
            genitives.append(p)
        elif marker is None and after and p.first - b <= 2 and trig.role == "give":
            rec.append(p)  # "give Ukraine", "supply Kyiv with"
    # "el paquete de ayuda de Alemania para Ucrania", "l'aiuto della Germania all'Ucraina": beside a recipient
    # the party joined to a delivery noun by "of" gives; alone it stays the noun's complement
    (sup if rec else rec).extend(genitives)
    # "L'Ucraina ha ricevuto … da parte dell'Italia", "Ucrania recibió … por parte de España": after an active receive
    # verb with its subject the by-phrase is the giver; after a passive one ("fueron recibidos por") the receiver
    (sup if bare_before and not passive else rec).extend(agents)
    if len(between) > 1:
        # "the US has information on a deal between Moscow and Tehran": its two sides, not who reports on it
        others, subject, nominative, bare_before = between, None, None, []
    else:
        others.extend(between)
    if trig.arrival:
        # the item is the subject; where it arrives receives it, else a party before ("Ukraine's first F-16s arrived")
        fr.suppliers, fr.recipients = _codes(sup), _codes(destinations or bare_before[-1:])
        return
    if nominative is not None:
        subject = nominative
        if trig.role == "give":
            rec.extend(q for q in bare_before if q is not nominative and q.first > nominative.first
                       and not _coordinated(tokens, nominative, q, lex))
    elif lex.verb_final and len(bare_before) > 1 and trig.role == "give":
        # "Nederland heeft Oekraïne 24 F-16's toegezegd": the first bare party is the subject
        subject = bare_before[0]
        rec.extend(q for q in bare_before[1:] if not _coordinated(tokens, bare_before[0], q, lex))
    accusation = lex.accusations.find_all(tokens, lo, a)
    if accusation:
        # "Washington acusó a Teherán de suministrar drones a Rusia": the accused supplies, the accuser is no party
        c = accusation[0][1]
        accused = next((p for p in parties if c <= p.first and p.last < a and not p.source_like), None)
        if accused is not None:
            sup = [q for q in sup if q is not accused and q.first >= c]
            rec = [q for q in rec if q is not accused and q.first >= c]
            subject, bare_before = accused, [accused]
        elif subject is not None and subject.last < c:
            subject, bare_before = None, []  # "sanctions on Iranian drone makers over supplies": the accuser sells none
    verb_first = a - lo <= 3 and (not _noun_trigger(tokens, a, lex) or _source_party_follows(tokens, b, parties, lex)) \
        and not any(lex.is_article(t) for t in tokens[lo:a])
    # "Iran sagt, es habe Russland … geliefert", "L'Iran dit qu'il a livré …": a pronoun subject stands for the speaker
    pronoun_first = any(t.fold in lex.pronouns for t in tokens[lo:min(a, lo + 2)])
    # "Kanada hat sich bereit erklärt, der Ukraine acht Leopard zu liefern": an infinitive's subject is the matrix's
    infinitive = lex.verb_final and a > lo and tokens[a - 1].fold in lex.infinitive_markers
    if subject is None and (verb_first or pronoun_first or infinitive) and not (sup if trig.role == "give" else rec) \
            and trig.role != "deal":
        subject = _matrix_subject(tokens, lo, parties, lex) or _controller(tokens, a, b, parties, lex)
        bare_before = [subject] if subject is not None else bare_before
    # a verb-final clause closes with its verb: "Die USA hatten Nordkorea vor solchen Lieferungen gewarnt"
    governing_end = hi if lex.verb_final else a
    if subject is not None and (lex.interdiction.find_all(tokens, subject.last + 1, a)
                                or lex.objections.find_all(tokens, subject.last + 1, governing_end)):
        # "The US Navy seized a shipment of Iranian-made missiles", "China protested against the sale of F-16 to
        # Taiwan": who seizes or condemns a transfer is no party to it
        subject, bare_before = None, [q for q in bare_before if q is not subject]
    permission = trig.role == "give" and bool(bare_before) and _asks_permission(tokens, lo, a, lex)
    if permission:
        # "Dänemark bat die Schweiz um die Erlaubnis, Piranha an Kiew zu übergeben", "Denmark asked Switzerland for
        # permission to send …": the asker supplies; the one asked only permits
        asked = bare_before[1:]
        subject, bare_before = bare_before[0], bare_before[:1]
        rec = [q for q in rec if q not in asked]
    subjects = _with_coordinated(subject, bare_before, tokens, lex) if subject is not None else []
    if subject is not None:
        if trig.role == "give" and sup and not passive and _governs(tokens, subject, a, b, lex):
            sup = subjects  # "Lithuania delivered mortars from Germany": the subject gives
        elif trig.role == "give" and sup and not passive:
            if tokens[a].pos != "NOUN" and not _nominal(tokens, b, lex):
                # "Ukraine uses missiles supplied by France": the agent supplies the subject; the clause's first
                # subject, not the object of its verb ("Ukraine struck Russia with missiles supplied by the US")
                rec.append(bare_before[0] if bare_before and bare_before[0].last < subject.first else subject)
        elif trig.role == "give":
            (rec if passive else sup).extend(subjects)
        elif trig.role == "get":
            # "France was selected": the one chosen (a buy trigger's negotiating stage is a choice) sells
            chosen = passive and trig.buy and trig.stage == Stage.NEGOTIATING
            (sup if chosen else rec).extend(subjects)
        else:
            others[:0] = subjects
    if permission or trig.role == "give" and _thanked_for(tokens, a, lo, lex, parties, bare_before, sup, rec):
        pass
    elif trig.role == "give" and subject is not None and not any(p in rec for p in parties if p.first > b) and (
            _nominal(tokens, b, lex) and _requested(tokens, subject.last + 1, a, b, hi, lex)
            or _awaited(tokens, subject.last + 1, a, lex)):
        # "Kiew bat Berlin um die Lieferung von Taurus", "Ukraine expects deliveries of jets from Sweden": who asks
        # for or awaits a delivery receives it; the one asked and the source named after the noun supply it
        sup, rec = [p for p in sup + rec if p not in subjects], subjects
    elif trig.role == "give" and subject is not None and not passive:
        _asked_to_supply(tokens, a, lo, lex, parties, bare_before, sup, rec)
        _allowed_to_supply(tokens, a, lo, lex, parties, subject, sup, rec)
    if trig.role == "give" and not rec and len(subjects) > 1 and (makers := _maker_of(subjects)):
        # "Fincantieri e il Ministero della Difesa dell'Indonesia hanno firmato un contratto per la fornitura di …"
        sup, rec = [p for p in sup if p.code in makers], [p for p in subjects if p.code not in makers]
    # keep the to-party nearest after the trigger when several compete ("destinés à l'Égypte … livrés à l'Iran")
    if len(rec) > 1:
        rec = [p for p in rec if p.first >= b] or rec
    won = _won(tokens, a, b, lo, hi, lex) if trig.buy else None
    if won is not None:
        # "Saab received an order from Colombia", "Navantia recibió un pedido de Arabia Saudí": who wins an order
        # (the subject of the winning verb) sells to who places it
        winner = next((p for p in reversed(parties) if lo <= p.first and p.last < won and not p.source_like
                       and _marker_before(tokens, p, lex, parties) is None), None)
        sup, rec = ([winner] if winner is not None else rec), sup
    for side in (sup, rec, others):
        if companions and any(q in side for q in subjects):
            side.extend(companions)  # "Nederland koopt samen met Duitsland …": Germany buys too, it sells nothing
    if trig.buy and beneficiaries and not rec and not subjects:
        # "la adquisición de helicópteros para la Armada Argentina": bought for whom, by no one named, it receives
        rec = beneficiaries
    elif trig.buy and beneficiaries and rec and not sup:
        # "koopt … tanks voor Oekraïne", "compra obuses para Ucrania": the buyers pass on what they buy
        sup, rec = rec, [q for q in beneficiaries if q.code not in _codes(rec)]
        fr.passed_on = True
    elif trig.buy and beneficiaries and rec and sup:
        # "Denmark bought 19 Caesar from France for Ukraine": bought from the seller, to be handed on
        fr.passed_to = [c for c in _codes(beneficiaries) if c not in _codes(rec) + _codes(sup)]
    if trig.role == "give" and partners and sup and not rec and all(p.company for p in sup):
        rec, partners = partners, []  # "Leonardo … un contratto con il Giappone per la fornitura": the maker sells
    fr.suppliers = _codes(sup)
    fr.recipients = _codes(rec)
    fr.unnamed_supplier = trig.role == "give" and not sup and _unnamed_agent(tokens, b, hi, parties, items, lex)
    fr.collective_supplier = not sup and (fr.unnamed_supplier or trig.role == "get") and \
        _collective_agent(tokens, b, hi, lex)
    fr.partners = [c for c in _codes(partners) if c not in fr.suppliers]
    fr.group_partner = trig.role == "give" and _talks_with_group(tokens, lo, a, lex)
    if trig.role == "deal":
        # direction decided per item (origin), unless the deal is with an arms maker: its state sells
        sellers = _maker_of(others)
        fr.suppliers, fr.recipients = sellers, [c for c in _codes(others) if c not in sellers]
        if not sellers and len(sources) == 1 and headed:
            # "a technology transfer from Sweden to Brazil": the deal names who gives and who gets
            fr.suppliers, fr.recipients = _codes(sources), [c for c in _codes(headed) if c not in _codes(sources)]


def _asks_permission(tokens: list[Token], lo: int, hi: int, lex: Lexicon) -> bool:
    """A request for permission in [lo, hi): 'bat um die Erlaubnis', 'asked for permission', 'pidió permiso'."""
    return bool(lex.requests.find_all(tokens, lo, hi)) and bool(lex.permissions.find_all(tokens, lo, hi))


def _asked_before_request(tokens: list[Token], r0: int, lex: Lexicon, bare_before: list[PartyMention]
                          ) -> tuple[PartyMention | None, PartyMention | None]:
    """'Kiew hat Berlin (erneut) aufgefordert, … zu liefern', 'Kiev heeft Berlijn verzocht …': a request verb right
    after its object (an adverb or two between), which follows the asker and a finite auxiliary (an institution
    noun may end the asker's phrase: 'die litauische Regierung hat …'). Returns (asker, addressee); else (the asker
    before the verb, None)."""
    before = [p for p in bare_before if p.last < r0]
    if len(before) < 2 or not _adverbs_only(tokens[before[-1].last + 1:r0]):
        return (before[-1] if before else None), None
    asker, addressee = before[-2], before[-1]
    between = range(asker.last + 1, addressee.first)
    auxiliaries = [i for i in between if tokens[i].fold in lex.finite_auxiliaries]
    if len(auxiliaries) != 1 or not all(i in auxiliaries or lex.institution_heads.match_at(tokens, i)
                                        for i in between):
        return addressee, None
    return asker, addressee


def _adverbs_only(gap: list[Token]) -> bool:
    """Nothing, or at most two lower-case words ('vielfach', 'erneut', 'nogmaals'): an object still next to its verb."""
    return len(gap) <= 2 and all(t.text.isalpha() and t.text.islower() for t in gap)


def _asked_to_supply(tokens: list[Token], a: int, lo: int, lex: Lexicon, parties: list[PartyMention],
                     bare_before: list[PartyMention], sup: list[PartyMention], rec: list[PartyMention]) -> None:
    """'La Germania ha chiesto agli Stati Uniti di fornire Patriot all'Ucraina', 'Ukraine asked Germany to supply
    Taurus': the one asked supplies; the asker receives unless the text names another recipient."""
    asked = lex.requests.find_all(tokens, lo, a)
    if not asked:
        return
    r0, r1 = asked[-1][0], asked[-1][1]
    asker, addressee = _asked_before_request(tokens, r0, lex, bare_before)
    if addressee is None:
        addressee = next((p for p in parties if r1 <= p.first and p.last < a and not p.source_like), None)
    if addressee is None or asker is None:
        return
    others = [p for p in rec if p is not asker and p is not addressee and p.first >= r1]
    sup[:] = [addressee]
    rec[:] = others or [asker]


ALLOWED_REACH = 3  # tokens from a permission verb to the party it allows ("autorizó a Polonia", "erlaubt Polen")


def _allowed_to_supply(tokens: list[Token], a: int, lo: int, lex: Lexicon, parties: list[PartyMention],
                       subject: PartyMention, sup: list[PartyMention], rec: list[PartyMention]) -> None:
    """'Alemania autorizó a Polonia a enviar Leopard a Ucrania', 'Deutschland erlaubt Polen, Leopard an die Ukraine
    zu liefern': the one a government allows to hand goods on supplies them; who allows it supplies nothing."""
    allowed = lex.approvals.find_all(tokens, lo, a)
    if not allowed or not any(p is subject for p in sup):
        return
    end = allowed[-1][1]
    k = end
    to = lex.markers.get("to")
    while k < a:  # "a Polonia", "la Polonia", "Polen"
        m = to.match_at(tokens, k) if to is not None else None
        if not lex.is_article(tokens[k]) and m is None:
            break
        k += m[0] if m is not None else 1
    party = next((p for p in parties if p.first == k and p.last < a and p is not subject and not p.source_like
                  and k - end <= ALLOWED_REACH), None)
    if party is None:
        return
    sup[:] = [party]
    rec[:] = [p for p in rec if p is not party]


def _thanked_for(tokens: list[Token], a: int, lo: int, lex: Lexicon, parties: list[PartyMention],
                 bare_before: list[PartyMention], sup: list[PartyMention], rec: list[PartyMention]) -> bool:
    """'Zelensky thanked the Netherlands for the delivery of F-16s', 'agradeció a España el envío de …': the one
    thanked supplied; the one who thanks received, unless the text names another recipient after the trigger.
    Whether the roles were decided so."""
    thanks = lex.thanks.find_all(tokens, lo, a)
    if not thanks:
        return False
    t0, t1 = thanks[-1][0], thanks[-1][1]
    addressee = next((p for p in parties if t1 <= p.first and p.last < a and not p.source_like), None)
    if addressee is None:
        return False
    thanker = next((p for p in reversed(bare_before) if p.last < t0), None)
    others = [p for p in rec if p is not thanker and p is not addressee and p.first > a]
    sup[:] = [addressee]
    rec[:] = others or ([thanker] if thanker is not None else [])
    return True


def _countries_listed(tokens: list[Token], b: int, hi: int, lex: Lexicon) -> int:
    """'sold to seven countries: Qatar (36), India (36) …', 'vendu à sept pays : au Qatar …': the clause ends at a
    colon that a word for countries comes right before; the list after it names them. The colon's index, else 0."""
    if hi >= len(tokens) or tokens[hi].text != ":":
        return _countries_included(tokens, b, hi, lex)
    # the word may stand before a verb-final trigger: "an sieben Länder verkauft:"
    return hi if any(t.fold in lex.country_nouns for t in tokens[max(0, hi - 5):hi]) else 0


def _countries_included(tokens: list[Token], b: int, hi: int, lex: Lexicon) -> int:
    """'sold to several countries, including Bahrain and Slovakia', 'vendu à plusieurs pays, dont Bahreïn …': a word
    for countries after the trigger that a listing word follows (a comma between at most); the parties after it
    are those countries. The listing word's index, else 0."""
    for k in range(b, min(hi, len(tokens) - 1)):
        if tokens[k].fold not in lex.country_nouns:
            continue
        c = k + 2 if tokens[k + 1].text == "," else k + 1
        if c < len(tokens) and lex.continuation.match_at(tokens, c) is not None:
            return c
    return 0


def _list_end(tokens: list[Token], c: int, lex: Lexicon) -> int:
    """Where the list of countries opened at `c` ends: at a semicolon, a full stop or a clause opener after it."""
    match = lex.continuation.match_at(tokens, c)
    start = c + (match[0] if match else 1)
    return next((k for k in range(start, len(tokens)) if tokens[k].text in ";." or _opens_clause(tokens, k, lex)),
                len(tokens))


def _arrival_role(p: PartyMention, marker: str | None, after: bool, sup: list[PartyMention],
                  destinations: list[PartyMention], before: list[PartyMention]) -> None:
    """'Three Leopard tanks from Portugal arrived in Ukraine', 'В Україну прибули три Leopard від Португалії': the
    source supplies, the destination (after the verb, or marked as one) receives."""
    if marker == "from":
        sup.append(p)
    elif marker in ("to", "buy_from") or marker is None and after:
        destinations.append(p)
    elif marker is None:
        before.append(p)


def _won(tokens: list[Token], a: int, b: int, lo: int, hi: int, lex: Lexicon) -> int | None:
    """Where the verb starts of which the order noun at `a` is the object: 'received an order', 'a remporté une
    commande', 'otrzymał zamówienie'; in a verb-final clause the verb closes it ('een order … binnengehaald'), and
    the winner comes before the noun."""
    if tokens[a].pos == "VERB":
        return None
    before = lex.wins.find_all(tokens, max(lo, a - 4), a)
    if before:
        return before[-1][0]
    return a if lex.verb_final and lex.wins.find_all(tokens, b, hi) else None


def _requested(tokens: list[Token], lo: int, a: int, b: int, hi: int, lex: Lexicon) -> bool:
    """Does a request verb govern the delivery noun at a..b: between its subject and the noun ('Kiew bat Berlin um
    die Lieferung'), or, in a verb-final language, at the clause end after it ('Kiew hat Berlin um die Lieferung
    von Panzern gebeten', 'Kiev heeft Berlijn om de levering van tanks gevraagd')?"""
    return bool(lex.requests.find_all(tokens, lo, a)) or lex.verb_final and bool(lex.requests.find_all(tokens, b, hi))


def _awaited(tokens: list[Token], lo: int, a: int, lex: Lexicon) -> bool:
    """'Ukraine expects further deliveries of …', 'Україна очікує на постачання …': a delivery the subject awaits,
    a noun (what one awaits is no infinitive: 'expects to deliver' keeps its subject the supplier)."""
    return bool(lex.awaits.find_all(tokens, lo, a)) and tokens[a].pos != "VERB" and \
        not (a > 0 and tokens[a - 1].fold in lex.infinitive_markers)


def _posted_to(tokens: list[Token], p: PartyMention, lex: Lexicon) -> bool:
    """Does the party's marker follow an envoy ('the Iranian embassy to the UN', 'l'ambassadeur d'Iran à l'ONU', 'a
    delegation from Thailand')?"""
    k = word_before(tokens, p.first, lex)
    return k > 0 and any((m := lex.envoys.match_at(tokens, s)) and s + m[0] == k for s in range(max(0, k - 3), k))


def _fronted(tokens: list[Token], p: PartyMention, lex: Lexicon) -> bool:
    """Does the party's phrase open the sentence ('Für die Ukraine hat Deutschland … bestellt')?"""
    return word_before(tokens, p.first, lex) == 0


def _purpose_before(tokens: list[Token], p: PartyMention, lex: Lexicon) -> bool:
    """'voor (de) Oekraïne', 'para Ucrania', 'per l'Ucraina': the party is what something is meant for."""
    return for_purpose(tokens, p.first, lex)


def _of_complement(tokens: list[Token], b: int, p: PartyMention, lex: Lexicon) -> bool:
    """Is the party the complement of the delivery noun ending at `b`, joined by "of" and articles only ('la ayuda
    de Alemania', 'gli aiuti dell'Italia')?"""
    if b >= len(tokens) or tokens[b].fold not in lex.of_prepositions:
        return False
    return all(lex.is_article(t) or not t.text[:1].isalnum() for t in tokens[b + 1:p.first])


def _noun_trigger(tokens: list[Token], t: int, lex: Lexicon) -> bool:
    """Is the trigger at t a noun ('the supply of', 'поставка', 'die Lieferung')? A case: a noun."""
    return _nominal(tokens, t + 1, lex) or tokens[t].pos == "NOUN" or bool(tokens[t].case)


def _nominal(tokens: list[Token], b: int, lex: Lexicon) -> bool:
    """A delivery noun: 'la entrega de', 'la fornitura di', 'the delivery of'."""
    return b < len(tokens) and (tokens[b].fold in lex.source_prepositions or tokens[b].fold in lex.of_prepositions)


def _source_party_follows(tokens: list[Token], b: int, parties: list[PartyMention], lex: Lexicon) -> bool:
    """'recibirá de Suecia', 'riceverà dalla Svezia', 'otrzyma od Szwecji': a source preposition right after the
    trigger that a party follows is the verb's 'from', not a delivery noun's complement."""
    k = b + 1
    while k < len(tokens) and lex.is_article(tokens[k]):
        k += 1
    return any(p.first == k for p in parties)


MATRIX_REACH = 20  # tokens of adjuncts between a report verb and its clause ("said on Friday in an interview, that")


def _matrix_subject(tokens: list[Token], lo: int, parties: list[PartyMention], lex: Lexicon) -> PartyMention | None:
    """A clause with no subject of its own after a denial or report verb ('Китай заперечує, що постачав …', 'Irán
    negó que hubiera entregado …', 'Kolumbia przyznała w piątek w wywiadzie, że chciałaby otrzymać …'): pro-drop
    languages leave out the subject the main clause names. Adjuncts of the verb may stand between."""
    k = lo - 2
    while k >= 0 and tokens[k].text == ",":
        k -= 1
    if k < 0 or lo - 1 - k > 2:
        return None
    verb = None
    j = k
    while verb is None and j >= 0 and k - j <= MATRIX_REACH:
        if tokens[j].text in SCOPE_END or _clause_opener(tokens[j], lex):
            return None
        verb = next((s for s in range(max(0, j - 2), j + 1) for idx in (lex.denials, lex.report_verbs)
                     if (m := idx.match_at(tokens, s)) and s + m[0] - 1 == j), None)
        j -= 1
    if verb is None:
        return None
    before = [p for p in parties if p.last < verb and verb - p.last <= 6 and not p.source_like
              and _marker_before(tokens, p, lex, parties) is None]
    return before[-1] if before else None


def _controller(tokens: list[Token], a: int, b: int, parties: list[PartyMention],
                lex: Lexicon) -> PartyMention | None:
    """'Deutschland hat der Ukraine zugesagt, weitere Patriot zu liefern': the subject of the verb governing an
    infinitive clause is the infinitive's. Not where the verb hands the task to its object ('Berlin erlaubt Polen,
    Leopard zu liefern', 'Kiew bat Berlin, …'): with a request, or an object and no transfer verb of its own."""
    matrix = infinitive_matrix(tokens, a, b, lex)
    if matrix is None or lex.requests.find_all(tokens, *matrix) and not _asks_permission(tokens, *matrix, lex):
        return None
    start, comma = matrix
    inside = [p for p in parties if start <= p.first and p.last < comma and not p.source_like
              and _marker_before(tokens, p, lex, parties) is None]
    subjects = [p for p in inside if not object_case(tokens[p.first])]
    objects = [p for p in inside if tokens[p.first].case == "dat" or tokens[p.first].case == "acc"]
    if objects and not any(trig.role == "give" for _s, _e, trig in lex.triggers.find_all(tokens, start, comma)):
        return None
    return subjects[0] if subjects else None


def _speaks(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Does a report or denial verb with no subject after it start at token k, behind at most one auxiliary or
    adverb ('В Пекине опровергли …'; not 'in Kiew sagte der Minister')?"""
    k += k < len(tokens) and tokens[k].fold in lex.auxiliaries
    m = next((m for idx in (lex.denials, lex.report_verbs) if (m := idx.match_at(tokens, k))), None)
    if m is None:
        return False
    after = k + m[0]
    return not (after < len(tokens) and (lex.is_article(tokens[after]) or tokens[after].text[:1].isupper()))


def _maker_of(parties: list[PartyMention]) -> list[str]:
    """'Fincantieri and Indonesia's defence ministry signed a contract', 'Naval Group a signé un contrat avec la
    Grèce': in a contract between one state's arms maker and other states' buyers, the maker's state sells."""
    makers = {p.code for p in parties if p.company}
    buyers = {p.code for p in parties if not p.company} - makers
    return list(makers) if len(makers) == 1 and buyers else []


def _codes(ps: list[PartyMention]) -> list[str]:
    return list(dict.fromkeys(p.code for p in ps))
