"""Parties and items in a sentence: KB designations, generic nouns, calibres, origins, quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass

from armstrack.extract.quantities import quantity_before
from armstrack.kb.loader import KnowledgeBase
from armstrack.kb.matcher import Match, Matcher, compress
from armstrack.lang.base import Token, fold
from armstrack.lang.lexicon import GenericItem, Lexicon
from armstrack.model import Quantity

BOUND_MARKS = "-'’()\"«»“”„"  # punctuation inside or around a name: it does not separate two mentions


@dataclass
class PartyMention:
    first: int
    last: int
    start: int
    end: int
    code: str
    kind: str  # name | capital | institution | actor | demonym
    text: str
    source_like: bool = False  # "US officials", "médias ukrainiens": a source, not a party to the transfer
    company: bool = False  # an arms maker ("Fincantieri"), standing for its state


@dataclass
class ItemMention:
    first: int
    last: int
    start: int
    end: int
    item: str
    category: str
    system_id: str | None
    surfaces: list[str]
    origin: str | None = None  # supplier implied by a demonym or possessive on the item
    quantity: Quantity | None = None
    quantity_first: int | None = None
    umbrella: bool = False
    alone: bool = False  # an umbrella that is the item when a transfer names no other (GenericItem.alone)
    part: bool = False  # an umbrella that is the item as a part of the designation after "for" (GenericItem.part)
    calibre: str | None = None
    purpose_of: bool = False  # "ammunition for helicopters": names what another item is for
    heads: tuple[str, ...] = ()  # generic items read as this designation's head noun ("tanques Leopard": tanks)
    listed_with: frozenset[str] = frozenset()  # designations of another kind this generic is listed beside
    designation: bool = False  # a code the KB does not know, named beside a generic noun ("veicoli blindati WMA301")
    refers: bool = False  # "this weapon system": a word for weapons that points back to the one system just named
    pointed: bool = False  # "estas aeronaves", "these aircraft": a generic noun pointing back to a system named before

    @property
    def generic(self) -> bool:
        return self.system_id is None and not self.designation


def _partitive(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """'to buy 20 of the jets', '24 de los aviones', '20 des avions': a count taken out of a set the text has named,
    which the noun after the article points back to, like a demonstrative."""
    if k >= 3 and tokens[k - 2].fold in lex.of_prepositions and tokens[k - 1].fold in lex.articles:
        return tokens[k - 3].is_number or tokens[k - 3].fold in lex.numbers
    both = k >= 2 and tokens[k - 1].fold in lex.of_prepositions and tokens[k - 1].fold in lex.articles
    return both and (tokens[k - 2].is_number or tokens[k - 2].fold in lex.numbers)


def _inside_a_name(m: Match, tokens: list[Token], lex: Lexicon, taken: set[int]) -> bool:
    """An ambiguous designation ('Fattah') between two capitalised words that name nothing the KB knows and no kind
    of item, away from the sentence start: part of a person's name ('Abdel Fattah Al Sisi')."""
    if not all(e.needs_context for e in m.entries) or m.first < 2 or m.last + 1 >= len(tokens):
        return False
    before, after = tokens[m.first - 1], tokens[m.last + 1]
    return all(t.text[:1].isupper() and t.text.isalpha() for t in (before, after)) and \
        not ({m.first - 1, m.last + 1} & taken) and \
        not lex.generic_items.match_at(tokens, m.first - 1) and not lex.generic_items.match_at(tokens, m.last + 1)


def _beside_its_noun(m: Match, category: str, nouns: list[tuple[int, int, GenericItem]], tokens: list[Token]) -> bool:
    """A name that is both a party and a designation sits right beside a noun of the designation's kind (across
    a bracket): 'frégates FDI', 'FDI (frégates de défense et d'intervention)', 'Leopard tanks'."""
    for a, b, gen in nouns:
        if gen.category != category:
            continue
        gap = tokens[m.last + 1:a] if a > m.last else tokens[b:m.first]
        if len(gap) <= 1 and all(t.text in "()" for t in gap):
            return True
    return False


def _conjunction(t: Token, lex: Lexicon) -> bool:
    return t.fold in lex.coordinators or t.fold in lex.disjunctions


def _blocking(t: Token, lex: Lexicon) -> bool:
    return (not t.text[:1].isalnum() and t.text not in BOUND_MARKS) or _conjunction(t, lex) or t.is_number


DASHES = frozenset({"-", "–", "—"})
DATELINE_REACH = 6  # tokens of a date or an agency after the dateline's place ("MOSCOW, March 3 (Reuters) -")


def dateline_end(tokens: list[Token]) -> int:
    """Where the text after a dateline starts: a place in capitals opening the sentence, perhaps a date after a comma
    and an agency in brackets, then a dash ('KYIV (Reuters) -', 'PARIS, 3 mars (AFP) –'); 0 when there is none."""
    n = len(tokens)
    k = 0
    while k < n and len(tokens[k].text) > 1 and tokens[k].text.isalpha() and tokens[k].text.isupper():
        k += 1
    if k == 0 or k >= n:
        return 0
    if tokens[k].text == ",":  # the date: a few words up to the agency or the dash
        k = next((j for j in range(k + 1, min(n, k + DATELINE_REACH)) if tokens[j].text in DASHES | {"("}), n)
    if k < n and tokens[k].text == "(":
        k = next((j for j in range(k + 1, min(n, k + DATELINE_REACH)) if tokens[j].text == ")"), n) + 1
    return k + 1 if k < n and tokens[k].text in DASHES else 0


def find_mentions(tokens: list[Token], text: str, lex: Lexicon, matcher: Matcher, kb: KnowledgeBase,
                  scanned: list[Match] | None = None,
                  known: frozenset[str] = frozenset()) -> tuple[list[PartyMention], list[ItemMention]]:
    parties: list[PartyMention] = []
    items: list[ItemMention] = []
    covered: set[int] = set()
    nouns = lex.generic_items.find_all(tokens)
    # "NEU DELHI (dpa) -", "AMERSFOORT (ANP) -": the dateline says where and by whom the report was filed
    opening = dateline_end(tokens)
    found = [m for m in matcher.mentions(tokens, scanned, known) if m.first >= opening]
    scanned_spans = {k for m in found for k in range(m.first, m.last + 1)}
    for m in found:
        surface = text[m.start:m.end]
        systems = m.of_kind("system")
        party = m.of_kind("name", "capital", "institution", "actor", "demonym")
        if systems and not party and _inside_a_name(m, tokens, lex, scanned_spans):
            continue  # "Abdel Fattah Al Sisi": a person's name, not the Fattah missile
        if party and systems and _beside_its_noun(m, kb.systems[systems[0].ref].category, nouns, tokens):
            party = []  # "frégates FDI", "FDI (frégates de défense …)": the frigate, not Israel's forces
        if party and (systems == [] or not all(e.needs_context for e in party)):
            e = party[0]
            # "US-made", "Czech-designed", "Iran-backed": a name inside an adjective says whose, like a demonym
            kind = "demonym" if _adjective_compound(text, m.end, tokens[m.last]) else e.kind
            prefix = _item_compound(text, m.end, tokens, m.last, lex)
            kind = "demonym" if prefix else kind
            parties.append(PartyMention(m.first, m.last, m.start, m.end, e.ref, kind, surface, company=e.company))
            if prefix:
                continue  # "US-Kampfjets": the token is still the item word it ends in
        elif systems:
            s = kb.systems[systems[0].ref]
            name = variant_name(s.name, systems[0].surface) or s.name
            items.append(ItemMention(m.first, m.last, m.start, m.end, name, s.category, s.id, [surface]))
        else:
            continue
        covered.update(range(m.first, m.last + 1))
    generics: list[ItemMention] = []
    for a, b, gen in lex.generic_items.find_all(tokens):
        if any(i in covered for i in range(a, b)):
            continue
        generics.append(ItemMention(a, b - 1, tokens[a].start, tokens[b - 1].end, gen.item, gen.category, None,
                                    [text[tokens[a].start:tokens[b - 1].end]], umbrella=gen.umbrella,
                                    alone=gen.alone, part=gen.part))
    for g in generics:
        _add_calibre(g, tokens, text, lex)
        if g.first > 0 and tokens[g.first - 1].fold in lex.demonstratives:
            if g.umbrella:
                g.umbrella, g.refers = False, True
            else:
                g.pointed = True
        elif not g.umbrella and _partitive(tokens, g.first, lex):
            g.pointed = True  # "to buy 20 of the jets": some of the jets just named
    generics = _fold_elliptic(generics, tokens, text, lex)
    items += _code_designations(tokens, covered, generics, matcher, kb)
    items = _absorb_generics(items, generics, tokens, text, lex)
    items.sort(key=lambda i: i.first)
    items = _drop_appositions(items, tokens, kb)
    items = _drop_purpose_complements(items, tokens, lex)
    _mark_targets(items, tokens, lex)
    _mark_carriers(items, tokens, lex)
    _attach_origins(items, parties, tokens, lex, kb)
    parties = _join_same_party(parties, tokens, lex)
    _mark_sources(parties, tokens, lex)
    _mark_memberships(parties, tokens, lex)
    parties = [p for p in parties if not _belligerent(p, tokens, lex)]
    # "NATO countries", "varios países de la OTAN", "NATO-Staaten": member states the text does not name, not the
    # alliance
    groups = lex.collectives.find_all(tokens)
    parties = [p for p in parties if not any(a <= p.first and p.last < b for a, b, _ in groups)]
    for it in items:
        q = quantity_before(tokens, it.first, lex)
        if q:
            it.quantity, it.quantity_first = q
    _share_totals(items, tokens, lex)
    _mark_list_members(items, tokens, lex)
    for it in items:
        # nobody transfers 100,000 guns: counts that large of "artillery" are rounds
        if it.generic and it.category == "artillery" and it.quantity and it.quantity.value >= 5000:
            it.item, it.category = "artillery shells", "ammunition"
    return parties, items


# A designation's variant code: "E" (Gripen E), "A2" (M88A2), "MkIV" (CV90 MkIV), "PAC-3", "2A6", "F4", "FIN" (K9FIN)
VARIANT_CODE = re.compile(r"[A-Z]{1,3}-?\d+[A-Z]?|[A-Z]|\d+[A-Z]+\d*|Mk\.?[IVX\d]+|[IVX]{2,4}")
VARIANT_TAIL = re.compile(r"-?(?:[A-Z\d]+(?:/[A-Z\d]+)?|Mk\.?[IVX\d]+)")
# a code the KB may not know: a capital first, a digit somewhere ("WMA301", "CS/VP14", "KN-25")
CODE = re.compile(r"[A-Z][A-Z\d]*(?:[-/][A-Z\d]+)*")


def _latin(s: str) -> bool:
    return all(c.isascii() for c in s)


def variant_name(name: str, alias: str) -> str | None:
    """The KB form that matched, when it names a variant of the entry ('M88A2 Hercules' of 'M88 Hercules',
    'Gripen E' of 'JAS 39E/F Gripen', 'K9A1' of 'K9 Thunder'): SCHEMA names the variant the text names.
    Every word of the form is a word of the name, a word of the name plus a variant code, or a code;
    at least one is shared and one is a variant. A nickname ('Geran-2') or a form with other words
    ('K9 howitzer') is no variant."""
    if alias == name or not _latin(alias):
        return None
    words = [compress(w) for w in name.split()]
    choices = {compress(c) for w in name.split() for c in _alternatives(w)}
    shared = variant = False
    for w in alias.split():
        c = compress(w)
        if c in words:
            shared = True
        elif c in choices:
            shared = variant = True  # 'Block 70' of 'Block 70/72': one of the name's alternatives
        elif any(c.startswith(n) and VARIANT_TAIL.fullmatch(w[_prefix_len(w, n):]) for n in words if n):
            shared = variant = True
        elif VARIANT_CODE.fullmatch(w):
            variant = True
        else:
            return None
    return alias if shared and variant else None


def _alternatives(word: str) -> list[str]:
    """The variants a name word joins with slashes: '70/72' -> 70, 72; 'C/D' -> C, D; '39E/F' -> 39E, 39F (a shorter
    later part replaces the first one's end); a word with no slash has none."""
    parts = word.split("/")
    if len(parts) < 2 or not all(parts):
        return []
    first = parts[0]
    return [first] + [first[:max(0, len(first) - len(p))] + p for p in parts[1:]]


def _prefix_len(word: str, compressed: str) -> int:
    """How many characters of `word` spell `compressed` (compress drops hyphens, dots, slashes)."""
    k = n = 0
    while k < len(word) and n < len(compressed):
        if compress(word[k]) == compressed[n]:
            n += 1
        elif compress(word[k]):
            return len(word)
        k += 1
    return k


def _code_designations(tokens: list[Token], covered: set[int], generics: list[ItemMention], matcher: Matcher,
                       kb: KnowledgeBase) -> list[ItemMention]:
    """Designations the KB does not list as such: a known one with a variant code written into the same word
    ('K9FIN', 'K9VIDAR' of the K9), and an unknown code right beside a generic noun ('veicoli blindati WMA301',
    'WMA301 armoured vehicles'), which takes the noun's category."""
    out: list[ItemMention] = []
    beside = {k: g for g in generics if not g.umbrella for k in (g.first - 1, g.last + 1)}
    for k, t in enumerate(tokens):
        if k in covered or not CODE.fullmatch(t.text) or not any(c.isdigit() for c in t.text) or len(t.text) < 3:
            continue
        c = compress(t.text)
        known = None
        for n in range(len(c) - 1, 1, -1):
            entries = [e for e in matcher.index.get(c[:n], ()) if e.kind == "system"]
            tail = t.text[_prefix_len(t.text, c[:n]):]
            # "K9FIN", "F-16V", "K2PL" extend a designation; "M1110" is another number, not a variant of the M1
            if entries and VARIANT_TAIL.fullmatch(tail) and not (c[n - 1].isdigit() and tail[:1].isdigit()):
                known = kb.systems[entries[0].ref]
                break
        if known is not None:
            out.append(ItemMention(k, k, t.start, t.end, t.text, known.category, known.id, [t.text]))
        elif k in beside:
            g = beside[k]
            out.append(ItemMention(k, k, t.start, t.end, t.text, g.category, None, [t.text], designation=True))
    return out


def _drop_appositions(items: list[ItemMention], tokens: list[Token], kb: KnowledgeBase) -> list[ItemMention]:
    """'F/A-50 « Golden Eagle »', 'K2 (Black Panther)': a family name in quotes or brackets right after one of its
    designations names that designation, not a second item; the specific one stays."""
    out: list[ItemMention] = []
    for it in items:
        prev = out[-1] if out else None
        gap = tokens[prev.last + 1:it.first] if prev is not None else []
        if prev is not None and prev.system_id and it.system_id and gap and \
                all(not t.text[:1].isalnum() for t in gap) and kb.is_descendant(prev.system_id, it.system_id):
            prev.surfaces.extend(it.surfaces)
            continue
        out.append(it)
    return out


def _drop_purpose_complements(items: list[ItemMention], tokens: list[Token], lex: Lexicon) -> list[ItemMention]:
    """'ammunition for combat helicopters', 'cartouches de 122 mm pour obusiers D-30': the platform
    after 'for' says what the item is for; it is not transferred itself."""
    out: list[ItemMention] = []
    for it in items:
        prev = out[-1] if out else None
        if prev is not None:
            gap = tokens[prev.last + 1:it.first]
            conj_chain = out and all(_conjunction(t, lex) for t in gap)
            # "for machine guns, submachine guns or other firearms": the list after 'for' goes on
            listed = 1 <= len(gap) <= 3 and any(t.text == "," or _conjunction(t, lex) for t in gap) and \
                all(t.text == "," or t.text.isalpha() and t.text.islower() for t in gap)
            # "het steunpakket voor Oekraïne omvat houwitsers": a listing verb between, the list is no purpose
            listing = bool(lex.continuation.find_all(tokens, prev.last + 1, it.first))
            if gap and gap[0].fold in lex.purpose_prepositions and len(gap) <= 3 and not listing:
                it.umbrella = it.purpose_of = True  # kept for structure, never a claim
                if it.system_id and prev.generic and (not prev.umbrella or prev.part) and \
                        prev.category != it.category:
                    # "repuestos para los tanques Leopard 2", "onderdelen voor de F-35": Leopard 2 spare parts
                    prev.item = f"{it.item} {prev.item}"
                    prev.umbrella = False
            elif prev.generic and it.generic and not prev.umbrella and _of_complement(gap, tokens[it.first], lex):
                # "pièces de rechange de chars", "запчасти танков": the tanks' parts, not tanks
                it.umbrella = it.purpose_of = True
            elif (conj_chain or listed) and prev.purpose_of:
                it.umbrella = it.purpose_of = True
        out.append(it)
    return out


def _mark_targets(items: list[ItemMention], tokens: list[Token], lex: Lexicon) -> None:
    """'missiles for use against armoured vehicles', 'sistemi contro i mezzi corazzati', 'Raketen gegen Drohnen': what
    a weapon is against is its target, not transferred itself (kept for structure, never a claim)."""
    against = lex.markers.get("against")
    if against is None:
        return
    for it in items:
        k = word_before(tokens, it.first, lex)
        if any((m := against.match_at(tokens, s)) and s + m[0] == k + 1 for s in range(max(0, k - 4), k + 1)):
            it.umbrella = it.purpose_of = True


def _of_complement(gap: list[Token], head: Token, lex: Lexicon) -> bool:
    """Is the second of two item nouns the first's complement: after only a noun's preposition ('de', 'of', 'di')
    and an article ('moteurs d'hélicoptères', 'piezas de repuesto de los tanques'), or right after it in the
    genitive ('двигатели вертолётов', 'silniki śmigłowców')?"""
    if not gap:
        return head.case == "gen"
    return len(gap) <= 3 and gap[0].fold in lex.of_prepositions and \
        all(t.fold in lex.of_prepositions or lex.is_article(t) for t in gap)


def _mark_carriers(items: list[ItemMention], tokens: list[Token], lex: Lexicon) -> None:
    """'aboard an Il-76TD', 'à bord d'un Boeing 747', 'via nave': the vehicle carries the cargo, it is not the
    cargo (after the marker, or the marker's own noun)."""
    for a, b, _ in lex.carrier_markers.find_all(tokens):
        for it in items:
            if a <= it.first < b or 0 <= it.first - b <= 2:
                it.umbrella = True


def _fold_elliptic(generics: list[ItemMention], tokens: list[Token], text: str, lex: Lexicon) -> list[ItemMention]:
    """'pièces d'artillerie et de mortier', 'artillery and mortar rounds': one head noun, one item."""
    out: list[ItemMention] = []
    for g in generics:
        prev = out[-1] if out else None
        gap = tokens[prev.last + 1:g.first] if prev else []
        head_of = prev is not None and any(t.fold in lex.of_prepositions for t in tokens[prev.first:prev.last + 1])
        # "et de mortier", "and of", not "et des missiles" (French "des" is also the plural article)
        elliptic = len(gap) == 2 and _conjunction(gap[0], lex) and gap[1].fold in lex.of_prepositions and \
            not lex.is_article(gap[1])
        if prev and head_of and not prev.umbrella and elliptic:
            prev.last, prev.end = g.last, g.end
            prev.surfaces = [text[prev.start:prev.end]]
            continue
        out.append(g)
    return out


def _add_calibre(g: ItemMention, tokens: list[Token], text: str, lex: Lexicon) -> None:
    """'152 mm shells', 'obus de 152 mm', '2,000-lb bombs' → item '152 mm artillery shells'."""
    def unit_at(k: int) -> int | None:
        # NUM [-] UNIT starting at k; returns index of the unit token
        if k < 0 or k >= len(tokens) or not tokens[k].is_number:
            return None
        u = k + 1
        if u < len(tokens) and tokens[u].text in "-‑":
            u += 1
        if u < len(tokens) and tokens[u].fold in lex.calibre_units:
            return u
        return None

    # before: "152 mm shells" / "2,000-lb (907 kg) bombs"
    k = g.first - 1
    while k >= 0 and tokens[k].text in ")":
        # skip a parenthetical "(907 kg)"
        while k >= 0 and tokens[k].text != "(":
            k -= 1
        k -= 1
    for back in (2, 1):
        s = k - back
        u = unit_at(s)
        if u is not None and u == k:
            _set_calibre(g, tokens, text, s, lex.calibre_units[tokens[u].fold], extend_to=s)
            return
    # after: "obus d'artillerie de 152 mm"
    k = g.last + 1
    while k < len(tokens) and (tokens[k].fold in lex.of_prepositions or tokens[k].fold in lex.calibre_words
                               or tokens[k].fold == "'"):
        k += 1
    u = unit_at(k)
    if u is not None and k - g.last <= 3:
        _set_calibre(g, tokens, text, k, lex.calibre_units[tokens[u].fold], extend_to=None, last=u)


def _set_calibre(g: ItemMention, tokens: list[Token], text: str, s: int, unit: str, extend_to: int | None,
                 last: int | None = None) -> None:
    """`unit` is the unit's id from the lexicon's calibre_units: mm, cm, kg, lb or inch."""
    num = tokens[s].text
    g.calibre = f"{num}-{unit}" if unit == "lb" else f"{num} {unit}"
    if unit == "lb":
        g.item = f"{num}-lb {g.item}"
    elif unit in ("mm", "cm"):
        shells = g.item in ("artillery shells", "ammunition") and g.category == "ammunition"
        base = "artillery shells" if shells else g.item
        g.item = f"{num} {unit} {base}"
    if extend_to is not None:
        g.first = extend_to
        g.start = tokens[extend_to].start
    if last is not None:
        g.last = last
        g.end = tokens[last].end
    g.surfaces = [text[g.start:g.end]]


def _absorb_generics(items: list[ItemMention], generics: list[ItemMention], tokens: list[Token],
                     text: str, lex: Lexicon) -> list[ItemMention]:
    """A generic noun next to a designation is its head noun ('Storm Shadow missiles', 'chasseurs Su-35',
    'drones … appelés Shahed'), not a second item."""
    out_generics = []
    carried = {k for a, b, _ in lex.carrier_markers.find_all(tokens) for k in range(a, b)}
    for g in generics:
        host = None
        if g.first in carried:
            out_generics.append(g)  # "вертолетов Ми-17 самолетами C-17": the carrier, no head noun of the Mi-17
            continue
        for s in items:
            if s.first > g.last:
                gap = tokens[g.last + 1:s.first]
                if gap and gap[0].fold in lex.purpose_prepositions:
                    continue  # "spare parts for Leopard tanks": the parts, for the tanks
                if lex.carrier_markers.find_all(tokens, g.last + 1, s.first):
                    continue  # "беспилотники на борту Ил-76": the aircraft carries the drones, it does not name them
                naming = any(t.fold in lex.naming_words for t in gap)
                limit = 8 if naming else 3
                if len(gap) <= limit and not any(_blocking(t, lex) for t in gap if t.fold not in lex.naming_words):
                    host = s
                    break
            elif g.first > s.last:
                gap = tokens[s.last + 1:g.first]
                words = [t for t in gap if t.text not in BOUND_MARKS]  # '„Gepard“-Panzer': the quotes join
                if words and s.system_id and g.category != s.category and not _other_platform(s.category, g.category):
                    continue  # "K2 zusammen mit Munition", "K2, plus ammunition": a second item, not the K2's noun
                if len(gap) <= 2 and not any(_blocking(t, lex) for t in gap):
                    host = s
                    break
        if host is None:
            out_generics.append(g)
            continue
        if host.system_id and _other_platform(host.category, g.category):
            # "frégates Tiger", "Mistral ships": the noun says what the name is, and it is not the KB's
            # helicopter or missile of that name, but a designation of the noun's kind
            host.item, host.category, host.system_id, host.designation = host.surfaces[0], g.category, None, True
        host.surfaces.append(text[min(g.start, host.start):max(g.end, host.end)])
        host.heads = (*host.heads, g.item)
        if g.first < host.first:
            host.first, host.start = g.first, g.start
        else:
            host.last, host.end = g.last, g.end
    return items + out_generics


PLATFORMS = ("aircraft", "helicopter", "uav", "ship", "armoured_vehicle", "engine")


def _other_platform(named: str, noun: str) -> bool:
    """Two different kinds of platform, or a platform noun on a missile's name: a frigate is no helicopter,
    an engine no ship, a ship no missile (drones and loitering munitions are one kind)."""
    drones = ("uav", "loitering_munition")
    if named in ("missile", "air_defence") and noun in ("ship", "aircraft", "helicopter"):
        return True  # "Mistral ships": a ship class, not the missile
    return named in PLATFORMS and noun in PLATFORMS and named != noun and not (named in drones and noun in drones)


def _adjective_compound(text: str, end: int, last: Token) -> bool:
    """Does a lower-case word follow the name inside its hyphenated token ('US-made', 'Russian-built')?"""
    return end < last.end and text[end:end + 1] == "-" and text[end + 1:end + 2].islower()


def _item_compound(text: str, end: int, tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Does the name end at a hyphen inside token k, a compound the front-end reads as a generic item word
    ('US-Kampfjets', 'US-Flugabwehrsystem', 'VS-gevechtsvliegtuigen')? The name then says whose the item is."""
    last = tokens[k]
    return end < last.end and text[end:end + 1] == "-" and last.lemma != last.fold and \
        lex.generic_items.match_at(tokens, k) is not None


def _attach_origins(items: list[ItemMention], parties: list[PartyMention], tokens: list[Token],
                    lex: Lexicon, kb: KnowledgeBase) -> None:
    """'Iranian drones', 'drones iraniens', 'America's Abrams', 'chars britanniques Challenger 2' (between the
    head noun and the name): the party is the item's origin. A possessive is the origin only of a designation
    its state makes ('China's J-10'); 'Ukraine's F-16s' are the owner's."""
    used: set[int] = set()
    for it in items:
        for pi, p in enumerate(parties):
            if pi in used:
                continue
            before = p.last < it.first and it.first - p.last <= 2 and all(
                not _blocking(t, lex) for t in tokens[p.last + 1:it.first])
            after = p.first > it.last and p.first - it.last <= 2 and all(
                not _blocking(t, lex) for t in tokens[it.last + 1:p.first])
            possessive = (p.kind != "demonym" and it.first - p.last == 3 and tokens[p.last + 1].text in "'’"
                          and tokens[p.last + 2].fold in lex.possessive_clitics and it.system_id is not None
                          and kb.systems[it.system_id].origin == p.code)
            inside = it.first < p.first and p.last < it.last  # "chars britanniques Challenger 2"
            # "patrol vessels built in the Netherlands": where they are made; a designer's system made elsewhere
            # ("AK-203 made in India") is licensed production, its designer stays the origin
            designer = kb.systems[it.system_id].origin if it.system_id else None
            made = designer in (None, p.code) and _made_by(tokens, it, p, lex)
            # "36 Rafael jets", "des obus Rheinmetall": a maker right beside the item noun names where it comes from
            maker = p.company and (p.last + 1 == it.first or p.first == it.last + 1)
            prefixed = p.first <= it.first <= p.last  # "US-Kampfjets": the name prefixes the item's own token
            # "U.S. submarines", "UK Storm Shadow": an initialism right before the item noun qualifies it
            initial = p.kind == "name" and INITIALISM.fullmatch(p.text) is not None and (
                p.last + 1 == it.first or p.last + 2 == it.first and tokens[p.last + 1].text == ".")
            if p.kind == "demonym" and (before or after or inside or prefixed) or made or possessive or maker \
                    or initial:
                if p.kind == "demonym" and after and lex.institution_heads.match_at(tokens, it.last + 1):
                    continue
                if p.kind == "demonym" and after and _agrees_with_noun_after(tokens, p, lex):
                    continue  # "гаубиці Caesar українській армії": the adjective is the army's, not the item's
                if p.kind == "demonym" and before and _names_institution(tokens, p.first, lex):
                    continue  # "alle forze armate angolane dieci blindati": the army's nationality, not the item's
                it.origin = p.code
                used.add(pi)
                break
    for pi, p in enumerate(parties):
        if p.kind == "demonym" and _closes_list(items, p, tokens, lex, pi in used):
            used.add(pi)
    for pi in sorted(used, reverse=True):
        del parties[pi]


INITIALISM = re.compile(r"[A-Z](?:\.?[A-Z]){1,2}\.?")  # "U.S.", "UK", "UAE": a state's initials


AGREEING_REACH = 2  # adjectives between a case-marked demonym and the head it agrees with ("болгарским вооруженным")


def _agrees_with_noun_after(tokens: list[Token], p: PartyMention, lex: Lexicon) -> bool:
    """Does a case-marked demonym agree with an institution's head after it ('українській армії', 'сирийской армии',
    'болгарским вооруженным силам')? It then names that institution's state, not where the item before it comes
    from."""
    case = tokens[p.last].case
    if not case:
        return False
    for k in range(p.last + 1, min(len(tokens), p.last + 2 + AGREEING_REACH)):
        if tokens[k].case != case:
            return False
        if lex.institution_heads.match_at(tokens, k):
            return True
    return False


MADE_REACH = 2  # words between an item and the production phrase naming its maker ("helicópteros livianos de origen")


def _made_by(tokens: list[Token], it: ItemMention, p: PartyMention, lex: Lexicon) -> bool:
    """Does a production phrase join the item to the demonym after it ('helicópteros de fabricación rusa', 'caccia
    di produzione russa', 'gevechtsvliegtuigen van Russische makelij')?"""
    for a, b, _ in lex.local_production.find_all(tokens, it.last + 1, min(len(tokens), p.last + 2)):
        gap = tokens[it.last + 1:a]
        if len(gap) > MADE_REACH or any(_blocking(t, lex) or t.text[:1].isupper() for t in gap):
            continue
        if _articles_only(tokens, b, p.first, lex) or a == p.last + 1 and p.first - it.last <= MADE_REACH:
            return True
    return False


def _articles_only(tokens: list[Token], a: int, b: int, lex: Lexicon) -> bool:
    """Nothing but articles from a to b ('built in the Netherlands')."""
    return a <= b and all(lex.is_article(t) for t in tokens[a:b])


def _belligerent(p: PartyMention, tokens: list[Token], lex: Lexicon) -> bool:
    """'Russia's invasion', 'l'invasion russe', 'russische Invasion', 'the war in Afghanistan', 'un desafío a EEUU':
    a state named as a side of a conflict, or where it is fought, is no party to a transfer; unless the conflict
    is what the goods are for ('drones for Russia's war', 'armes pour la guerre de la Russie')."""
    k = word_before(tokens, p.first, lex)
    for s in range(max(0, k - 3), k + 1):
        m = lex.hostilities.match_at(tokens, s)
        if m and s + m[0] == k + 1 and (m[0] > 1 or k + 1 == p.first):
            return not for_purpose(tokens, s, lex)  # "the war in Ukraine", "l'invasion russe"
    nxt = p.last + 1
    if p.kind != "demonym":  # "Russia's invasion": a name needs its possessive
        if nxt + 1 >= len(tokens) or tokens[nxt].text not in "'’" or tokens[nxt + 1].fold not in lex.possessive_clitics:
            return False
        nxt += 2
    m = lex.hostilities.match_at(tokens, nxt) if nxt < len(tokens) else None
    return m is not None and m[0] == 1 and not for_purpose(tokens, p.first, lex)


def for_purpose(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """A purpose preposition right before token k (articles between): 'para Ucrania', 'drones for Russia's war'."""
    j = word_before(tokens, k, lex)
    return j >= 0 and tokens[j].fold in lex.purpose_prepositions


def word_before(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """The index of the word before token k and the articles before it (-1 at the sentence start)."""
    k -= 1
    while k >= 0 and lex.is_article(tokens[k]):
        k -= 1
    return k


def _closes_list(items: list[ItemMention], p: PartyMention, tokens: list[Token], lex: Lexicon,
                 attached: bool) -> bool:
    """'d'hélicoptères d'attaque, de radars et d'avions Yak-130 russes', 'veicoli blindati, armi, munizioni e
    camion cinesi': a demonym after the last member of a list, ending the phrase, is the origin of every
    member. The members are items or one plain noun each, joined by commas and conjunctions."""
    nxt = tokens[p.last + 1] if p.last + 1 < len(tokens) else None
    if nxt is not None and nxt.text[:1].isalnum() and not (
            _conjunction(nxt, lex) or nxt.fold in lex.purpose_prepositions or nxt.fold in lex.of_prepositions):
        return False  # "… russes livrés", "… cinesi consegnati": the demonym opens more than a list end
    by_last = {it.last: it for it in items}
    members: list[ItemMention] = []
    k, joined = p.first - 1, False
    while k >= 0:
        if k in by_last:
            it = by_last[k]
            members.append(it)
            k = (it.quantity_first if it.quantity_first is not None else it.first) - 1
        elif tokens[k].text.isalpha() and tokens[k].text.islower() and not lex.source_nouns.match_at(tokens, k):
            k -= 1  # a member that is no item: "… e camion cinesi"
        else:
            break
        while k >= 0 and (lex.is_article(tokens[k]) or tokens[k].fold in lex.of_prepositions):
            k -= 1
        if k < 0 or not (tokens[k].text == "," or _conjunction(tokens[k], lex)):
            break  # the list ends at its first member
        while k >= 0 and (tokens[k].text == "," or _conjunction(tokens[k], lex)):
            joined = joined or _conjunction(tokens[k], lex)
            k -= 1
    if not joined or len(members) < (2 if attached else 1) or any(m.origin not in (None, p.code) for m in members):
        return False
    for m in members:
        m.origin = p.code
    return True


def _names_institution(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Does an institution's head ('forze armate', 'Armada') end right before token k?"""
    return any((m := lex.institution_heads.match_at(tokens, s)) and s + m[0] == k for s in range(max(0, k - 3), k))


def _noun_before(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Where the noun phrase a post-nominal demonym qualifies begins: 'la empresa sueca', 'la compañía de
    defensa sueca', 'l'entreprise de défense suédoise' (lower-case nouns and 'of' words, up to an article)."""
    first = k
    j = k - 1
    while j >= 0 and k - j <= 4 and tokens[j].text.isalpha() and tokens[j].text.islower() and \
            not lex.is_article(tokens[j]):
        if tokens[j].fold not in lex.of_prepositions:
            if _function_word(tokens[j], lex):
                break
            first = j
        j -= 1
    return first


def _function_word(t: Token, lex: Lexicon) -> bool:
    f = t.fold
    return (f in lex.source_prepositions or f in lex.of_prepositions or f in lex.purpose_prepositions
            or f in lex.agent_prepositions or f in lex.infinitive_markers or f in lex.clause_openers
            or _conjunction(t, lex) or t.text.lower() in lex.copulas)


def _verb(t: Token, lex: Lexicon) -> bool:
    """A verb between two mentions of one state ('Laut Kiew soll die Ukraine …'): two noun phrases, not one."""
    return t.pos in ("AUX", "VERB") or t.fold in lex.finite_auxiliaries


def _join_same_party(parties: list[PartyMention], tokens: list[Token], lex: Lexicon) -> list[PartyMention]:
    """'la empresa sueca Saab', 'Sweden's Saab', 'dem schwedischen Konzern Saab': a demonym or name and the
    company or institution it qualifies, one party of one state, are one mention (the later, more specific
    one), so that the word before the first (a 'with', a 'from') marks the whole."""
    out: list[PartyMention] = []
    for q in parties:
        p = out[-1] if out else None
        gap = tokens[p.last + 1:q.first] if p is not None else []
        if p is not None and p.code == q.code and len(gap) <= 2 and not p.source_like and all(
                t.text in BOUND_MARKS or t.fold in lex.possessive_clitics or lex.is_article(t)
                or (t.text.isalpha() and not _function_word(t, lex) and not _verb(t, lex)) for t in gap):
            first = _noun_before(tokens, p.first, lex) if p.kind == "demonym" else p.first
            out[-1] = PartyMention(first, q.last, tokens[first].start, q.end, q.code, q.kind,
                                   f"{p.text} … {q.text}" if gap else f"{p.text} {q.text}", q.source_like,
                                   q.company)
            continue
        out.append(q)
    return out


def _mark_memberships(parties: list[PartyMention], tokens: list[Token], lex: Lexicon) -> None:
    """'the first NATO country to order', 'il primo Paese della Nato ad acquisire', 'het eerste NAVO-land': a party
    naming what a state is a member of is no party to the transfer (the member is)."""
    for p in parties:
        tok = tokens[p.last]
        if p.end < tok.end and tok.text[p.end - tok.start:p.end - tok.start + 1] in "-‑":
            rest = tok.text[p.end - tok.start + 1:]
            after = lex.member_nouns.match_at([Token(rest, 0, len(rest), fold(rest), fold(rest))], 0) is not None
        else:
            after = p.last + 1 < len(tokens) and lex.member_nouns.match_at(tokens, p.last + 1) is not None
        k = word_before(tokens, p.first, lex)
        while k >= 0 and lex.is_article(tokens[k]):
            k -= 1
        of = k >= 0 and tokens[k].fold in lex.of_prepositions
        before = of and any(m is not None and s + m[0] == k
                            for s in range(max(0, k - 3), k) for m in [lex.member_nouns.match_at(tokens, s)])
        if after or before:
            p.source_like = True


def _mark_sources(parties: list[PartyMention], tokens: list[Token], lex: Lexicon) -> None:
    """'US officials', 'Western media', 'les médias ukrainiens' name a source, not a transfer party."""
    for p in parties:
        k = p.first - 1
        ends = {k}  # where an according-to phrase may end: "nach Angaben des …" holds its article
        while k > 0 and (lex.is_article(tokens[k]) or tokens[k].fold in lex.source_prepositions):
            k -= 1
            ends.add(k)
        if any(s + n - 1 in ends for s in range(max(0, k - 3), k + 1)
               for n in [m[0] for m in [lex.according_to.match_at(tokens, s)] if m and not lex.blocked(tokens, s)]):
            p.source_like = True  # "Selon Kiev, …", "according to Washington": the source, not a party
            continue
        if p.last + 1 < len(tokens) and lex.according_to_after.match_at(tokens, p.last + 1):
            p.source_like = True  # "Kiew zufolge …": the source named before its postposition
            continue
        tok = tokens[p.last]
        if p.end < tok.end and tok.text[p.end - tok.start:p.end - tok.start + 1] in "-‑":
            rest = tok.text[p.end - tok.start + 1:]
            if lex.source_nouns.match_at([Token(rest, 0, len(rest), fold(rest), fold(rest))], 0):
                p.source_like = True  # "nach US-Angaben", "Kreml-Sprecher"
                continue
        if _after_closing_dash(p, tokens, lex):
            p.source_like = True  # "Russia and Iran sign a missile deal – White House": a headline's source
            continue
        if _org_head_follows(tokens, p.last + 1, lex):
            p.source_like = True  # "the Stockholm International Peace Research Institute": part of a name
            continue
        nxt = p.last + 1
        if nxt < len(tokens) and tokens[nxt].text == "." and tokens[nxt].start == tokens[p.last].end:
            nxt += 1  # the final dot of an initialism: "U.S. officials", "U.K. defence sources"
        while nxt < len(tokens) and tokens[nxt].fold in lex.source_modifiers:
            nxt += 1
        if nxt < len(tokens) and lex.source_nouns.match_at(tokens, nxt):
            p.source_like = True
        elif p.kind == "demonym" and p.first > 0 and lex.source_nouns.match_at(tokens, p.first - 1):
            p.source_like = True
        elif _speaker_of_another_clause(p, parties, tokens, lex) or _inverted_speaker(p, parties, tokens, lex):
            p.source_like = True


CLOSING_DASHES = ("–", "—")


def _after_closing_dash(p: PartyMention, tokens: list[Token], lex: Lexicon) -> bool:
    """Does the party close the sentence behind a dash, after a statement ('… sign a deal – White House', '…, –
    Kremlin'), not as an apposition to a descriptor ('to its neighbour – Poland')?"""
    k = p.first - 1
    while k > 0 and lex.is_article(tokens[k]):
        k -= 1
    if k < 2 or tokens[k].text not in CLOSING_DASHES or lex.descriptors.match_at(tokens, k - 1) or \
            tokens[k - 1].fold in lex.country_nouns or object_case(tokens[p.first]):
        return False  # "to its neighbour – Poland", "соседней стране – Польше": the state the phrase names
    return all(not t.text[:1].isalnum() for t in tokens[p.last + 1:])


def object_case(t: Token) -> bool:
    """Does the front-end mark the noun phrase at t as an object or an attribute (dative, accusative, genitive,
    locative), so no subject?"""
    return t.case == "dat" or t.case == "acc" or t.case == "gen" or t.case == "loc"


SPEAKER_REACH = 3  # words of a speaker's phrase after its party ('de Oekraïense minister van Defensie')


def _inverted_speaker(p: PartyMention, parties: list[PartyMention], tokens: list[Token], lex: Lexicon) -> bool:
    """'… zei de Oekraïense minister dat Duitsland …', '… sagte der ukrainische Minister, Deutschland …': the
    speaker after the report verb, whose speech names a party of its own, is not a party of what it says."""
    k = word_before(tokens, p.first, lex)
    if k < 0 or not any((m := lex.report_verbs.match_at(tokens, s)) and s + m[0] == k + 1
                        for s in range(max(0, k - 2), k + 1)):
        return False
    j = p.last + 1
    while j < len(tokens) and j - p.last <= SPEAKER_REACH and tokens[j].text[:1].isalpha() \
            and tokens[j].fold not in lex.speech_openers:
        j += 1
    if j >= len(tokens) or not (tokens[j].text == "," or tokens[j].fold in lex.speech_openers):
        return False
    return any(q.first > j and q.code != p.code for q in parties)


def _speaker_of_another_clause(p: PartyMention, parties: list[PartyMention], tokens: list[Token],
                               lex: Lexicon) -> bool:
    """'Oekraïne zegt dat Iran drones … heeft geleverd', 'Kyiv says Iran delivered …': the party saying it, right
    before a report verb whose speech names a party of its own, is not a party of what it says ('Iran says it
    delivered …' keeps Iran: the speech's subject is the speaker). A party the front-end marks as an object
    ('Polen bestätigte, der Ukraine MiG-29 geliefert zu haben': a dative) is no subject of the speech."""
    k = p.last + 1
    while k < len(tokens) and tokens[k].fold in lex.auxiliaries:
        k += 1
    m = lex.report_verbs.match_at(tokens, k) if k < len(tokens) else None
    if not m:
        return False
    j = k + m[0]
    while j < len(tokens) and (tokens[j].text == "," or tokens[j].fold in lex.speech_openers):
        j += 1
    while j < len(tokens) and lex.is_article(tokens[j]):
        j += 1
    return any(q.first == j and q.code != p.code and not object_case(tokens[q.first]) for q in parties)


def _share_totals(items: list[ItemMention], tokens: list[Token], lex: Lexicon) -> None:
    """'12 Shahed-129 et Shahed-191': a number before a coordinated pair is a shared total."""
    for a, b in zip(items, items[1:], strict=False):
        if a.quantity and not b.quantity and a.category == b.category:
            gap = tokens[a.last + 1:b.first]
            if gap and len(gap) <= 3 and all(_conjunction(t, lex) or t.text in ",;" for t in gap):
                a.quantity = None


def _list_runs(items: list[ItemMention], tokens: list[Token], lex: Lexicon) -> list[list[ItemMention]]:
    """Coordinated lists of items: 'AK-47, des mitraillettes et des lance-grenades'. Between two members stand
    only commas, conjunctions, articles, 'of' and the next member's number; a list has a conjunction."""
    runs: list[list[ItemMention]] = []
    run: list[ItemMention] = []
    joined = False
    for it in items:
        if run:
            end = it.quantity_first if it.quantity_first is not None else it.first
            gap = tokens[run[-1].last + 1:end]
            glue = all(t.text == "," or _conjunction(t, lex) or lex.is_article(t) or t.fold in lex.of_prepositions
                       for t in gap)
            if glue and run[-1].last < end:
                joined = joined or any(_conjunction(t, lex) for t in gap)
                run.append(it)
                continue
            if joined:
                runs.append(run)
        run, joined = [it], False
    if joined:
        runs.append(run)
    return runs


def _mark_list_members(items: list[ItemMention], tokens: list[Token], lex: Lexicon) -> None:
    """'AK-47 rifles, sniper rifles and grenade launchers', 'vehículos blindados y tanques Leopard': a generic
    listed beside a designation of another kind (not the designation's own head noun) is an item of its own."""
    for run in _list_runs(items, tokens, lex):
        for g in run:
            if not g.generic or g.umbrella:
                continue
            g.listed_with = frozenset(s.system_id for s in run if s.system_id and g.item not in s.heads)


ORG_NAME_REACH = 4  # capitalised words from a place in a name to the name's head ("Stockholm International Peace …")


def _org_head_follows(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Does an organisation's head noun end the run of capitalised words starting at k ('Stockholm International
    Peace Research Institute', 'the Kyiv Post')? A name does not run over punctuation: 'to Britain, the Times
    reported' names Britain and then a paper."""
    for j in range(k, min(k + ORG_NAME_REACH, len(tokens))):
        if not tokens[j].text[:1].isupper():
            return False
        if lex.org_heads.match_at(tokens, j):
            return True
    return False
