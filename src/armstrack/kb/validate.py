"""Consistency checks of the knowledge base (run by `armstrack kb validate` and in CI)."""

from __future__ import annotations

import re
from collections import defaultdict

from armstrack.errors import InvalidKB
from armstrack.kb.loader import KnowledgeBase, System
from armstrack.kb.matcher import compress
from armstrack.lang import registry
from armstrack.lang.base import tokenize
from armstrack.lang.lexicon import LEXICON_DIR, GenericItem, Lexicon, load_lexicon
from armstrack.model import CATEGORIES

ISO3 = re.compile(r"^[A-Z]{3}$")
USER_ASSIGNED = {"XKX"}  # Kosovo has no official ISO 3166-1 code

# The category rule, one for the systems files and the lexicons' generic items (it follows SCHEMA's examples and
# how the gold claims label such items):
# - air_defence: a surface-to-air weapon named as a system: SAM systems, MANPADS (Stinger, Igla, Piorun, Mistral,
#   Starstreak, RBS 70), anti-aircraft guns and CIWS, anti-drone guns and lasers (Skyranger, Iron Beam, Zadira),
#   and a missile family named after the systems it arms (IRIS-T); anti-drone jammers are electronic_warfare;
# - missile: a guided missile: ballistic, cruise, anti-ship, air-to-air, air-to-surface, anti-tank (Javelin, NLAW,
#   Spike, Kornet, TOW) and an interceptor named apart from its system (48N6 of the S-400, Aster 30, ESSM);
# - small_arms: unguided man-portable weapons, anti-tank launchers among them (RPG-7, AT4, Carl Gustaf, M72 LAW,
#   Panzerfaust 3), grenade launchers, machine guns;
# - ammunition: shells, unguided rockets (Qassam, 9M22U), bombs guided or not (JDAM, KAB-500), mines, grenades,
#   fuzes, propellant;
# - artillery: guns, howitzers, mortars, rocket launchers, and naval and aircraft guns (Mk 45, M61 Vulcan);
# - sensor: radars, sonars, sights and fire control systems (SMASH);
# - armoured_vehicle: armoured combat and support vehicles (tanks, IFVs, APCs, armoured recovery and engineering
#   vehicles); unarmoured trucks, cars and carriers (Ural-4320, Bv 206) and torpedoes are `other`.
# A system's English name may end in a generic item noun of another category when they fit: (system, noun)
NOUN_FITS = frozenset({
    ("uav", "loitering_munition"), ("loitering_munition", "uav"),
    ("air_defence", "missile"),  # 'Sayyad missile': a surface-to-air system named by its missile
    ("missile", "air_defence"),  # 'Aster surface-to-air missile'
    ("missile", "ammunition"),  # 'FZ275 laser-guided rocket': a guided rocket is a missile
    ("air_defence", "artillery"),  # 'Oerlikon 35 mm twin cannon': an anti-aircraft gun is a gun
})
# Names whose last noun says another kind of item, rightly
HEAD_NOUN_EXCEPTIONS = frozenset({
    "type-69-rpg",  # 'Type 69 rocket launcher': a shoulder-fired launcher, not rocket artillery
    "fatah-i",  # 'Fatah-I rocket': the guided rocket names its launcher system
    "kn-25",  # '600 mm super-large multiple rocket launcher' fires ballistic missiles
    "nlaw",  # 'Light Anti-tank Weapon': a guided one
    "fmtv",  # 'Family of Medium Tactical Vehicles': trucks
})
# Systems whose maker's name is part of the designation, though it looks like a maker's name in front
MAKER_IN_DESIGNATION = frozenset({
    "shahid-soleimani-class",  # 'Shahid' (martyr) is the ship's name, and a word of its yard's name
    "primoco-one-150",  # 'One 150' is no name on its own
    "hirtenberger-m6",  # 'M6' alone names many systems
    "kawasaki-c-2",  # "C-2" alone reads as C2, command and control, in military news
})
# A family's member shares its category, unless it is a part or a derivative of the family's system of one of these
# (member, family) kinds:
PART_CATEGORIES = frozenset({
    ("missile", "air_defence"),  # a system's interceptor: 48N6 of the S-400
    ("sensor", "air_defence"),  # a system's radar: 92N6 of the S-400
    ("ammunition", "artillery"),  # a launcher's rocket: 9M22U of the BM-21
    ("missile", "artillery"),  # a launcher's guided missile: AV-TM 300 of the Astros II
    ("air_defence", "missile"),  # a surface-to-air system built on an air-to-air missile: VL MICA
    ("air_defence", "armoured_vehicle"),  # an anti-aircraft system on a vehicle's hull: Lvkv 90 on the CV90
    ("armoured_vehicle", "artillery"),  # a support vehicle on a gun's hull: K10 of the K9
    ("armoured_vehicle", "missile"),  # a missile carrier: NAMICA of the Nag
    ("uav", "loitering_munition"), ("loitering_munition", "uav"),  # drones and loitering munitions are one kind
})


def validate(kb: KnowledgeBase) -> list[str]:
    """Every problem found, one line each; empty when the KB is consistent."""
    errors = [f"{d} is given twice (only its first entry is loaded)" for d in kb.duplicates]
    countries = {p.code for p in kb.parties if p.kind == "country"}
    errors += _systems(kb, countries)
    errors += _parties(kb, countries)
    errors += _sources(kb, countries)
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        if path.stem not in registry():
            errors.append(f"lexicon {path.name}: {path.stem!r} is not a registered language")
    lexicons: dict[str, Lexicon] = {}
    for code, spec in registry().items():
        try:
            lexicons[code] = load_lexicon(code, spec.lexicon)
        except InvalidKB as e:
            errors.append(str(e))
    if "en" in lexicons:
        errors += head_noun_problems(kb, lexicons["en"])
    return errors + generic_item_problems(lexicons)


def head_noun_problems(kb: KnowledgeBase, lex: Lexicon) -> list[str]:
    """Names that end in a generic item noun of another category than the system's ('ST1 tank destroyer' read as
    a ship, 'Mk 48 torpedo' filed as ammunition): the category, the name or the lexicon's noun is wrong."""
    errors = []
    for s in kb.systems.values():
        if s.id in HEAD_NOUN_EXCEPTIONS:
            continue
        for n in (s.name, *s.aliases):
            tokens = tokenize(n)
            found = lex.generic_items.find_all(tokens)
            if not found or found[-1][1] != len(tokens) or found[-1][2].umbrella:
                continue
            noun = found[-1][2]
            if noun.category != s.category and (s.category, noun.category) not in NOUN_FITS:
                errors.append(f"system {s.id}: name {n!r} ends in {noun.item!r} ({noun.category}), but the system "
                              f"is {s.category}")
    return errors


def generic_item_problems(lexicons: dict[str, Lexicon]) -> list[str]:
    """Generic items with an unknown category, or with another category in another language: one item, one
    category, so a claim's category does not depend on the language it was read in."""
    errors = []
    item_categories: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for code, lex in lexicons.items():
        for g in _generic_items(lex):
            if g.category not in CATEGORIES:
                errors.append(f"lexicon {code}: generic item {g.item!r} has unknown category {g.category!r}")
            item_categories[g.item][g.category].add(code)
    for item, by_category in sorted(item_categories.items()):
        if len(by_category) > 1:
            where = "; ".join(f"{c} in {', '.join(sorted(codes))}" for c, codes in sorted(by_category.items()))
            errors.append(f"lexicons: generic item {item!r} has several categories ({where})")
    return errors


def _generic_items(lex: Lexicon) -> set[GenericItem]:
    """Every generic item of a lexicon, those of its prefix patterns ("зенитн* комплекс*") too."""
    found = {g for words in lex.generic_items.by_first.values() for _, g in words}
    return found | {g for _, _, g in lex.generic_items.prefixes}


def _systems(kb: KnowledgeBase, countries: set[str]) -> list[str]:
    errors = []
    owners: dict[str, set[str]] = defaultdict(set)
    # names a system's name without its maker may not take: other systems' names and the designations they start
    # with ('M88' of 'M88 Hercules'), and parties' names
    taken: dict[str, set[str]] = defaultdict(set)
    for s in kb.systems.values():
        for n in (s.name, *s.aliases):
            taken[compress(n)].add(s.id)
            if any(c.isdigit() for c in n.split()[0]):
                taken[compress(n.split()[0])].add(s.id)
    for p in kb.parties:
        for n in (n for f in (p.names, p.capitals, p.demonyms) for ns in f.values() for n in ns):
            taken[compress(n)].add(p.code)
    for s in kb.systems.values():
        if s.category not in CATEGORIES:
            errors.append(f"system {s.id}: unknown category {s.category!r}")
        if not ISO3.match(s.origin) or (countries and s.origin not in countries and s.origin not in USER_ASSIGNED):
            errors.append(f"system {s.id}: origin {s.origin!r} is not a known ISO 3166-1 alpha-3 code")
        if s.family and s.family not in kb.systems:
            errors.append(f"system {s.id}: family {s.family!r} is not an entry")
        elif s.family and not _category_fits_family(s.category, kb.systems[s.family].category):
            errors.append(f"system {s.id}: category {s.category!r} differs from its family {s.family!r}'s "
                          f"{kb.systems[s.family].category!r}, and a {s.category} is no part of a "
                          f"{kb.systems[s.family].category}")
        seen = {s.id}
        fam = s.family
        while fam and fam in kb.systems:
            if fam in seen:
                errors.append(f"system {s.id}: family cycle through {fam!r}")
                break
            seen.add(fam)
            fam = kb.systems[fam].family
        for n in s.needs_context:
            if n not in (s.name, *s.aliases):
                errors.append(f"system {s.id}: needs_context name {n!r} is not one of its names")
        bare = _without_maker(s, taken)
        if bare is not None:
            errors.append(f"system {s.id}: name {s.name!r} starts with its maker's name; name it {bare!r} "
                          "(the full form an alias)")
        for n in (s.name, *s.aliases):
            key = compress(n)
            if len(key) >= 2 and any(c.isalpha() for c in key):
                owners[key].add(s.id)
    for key, ids in sorted(owners.items()):
        if len(ids) > 1:
            declared = all(any(compress(n) == key for n in kb.systems[i].needs_context) for i in ids)
            if not declared:
                errors.append(f"alias {key!r} resolves to several systems: {', '.join(sorted(ids))}")
    return errors


def _category_fits_family(member: str, family: str) -> bool:
    return member == family or (member, family) in PART_CATEGORIES


def _without_maker(s: System, taken: dict[str, set[str]]) -> str | None:
    """The name a system takes without its maker's name in front ('GE F110' -> 'F110', 'Otokar Arma' -> 'Arma',
    'Mowag Eagle' by 'GDELS–Mowag' -> 'Eagle', 'Kronshtadt Orion' by 'Kronstadt Group' -> 'Orion',
    'KamAZ-63968 Typhoon-K' -> 'Typhoon-K'): a claim names the designation (SCHEMA), which the maker's name is
    no part of. Kept as they are: a maker's name that is itself one of the system's names ('Eurofighter
    Typhoon', 'Taurus KEPD 350'); small arms, named by brand and model ('FN SCAR', 'Glock 17', 'Zastava M70');
    a model number or a class word after the maker ('Bell 412', 'Shahed-136', 'Horizon class'); and a rest that
    is another system's or a party's name ('Daewoo K2' is no 'K2' tank, 'BAE Systems Hawk' no MIM-23 Hawk)."""
    if s.category == "small_arms" or s.id in MAKER_IN_DESIGNATION:
        return None
    makers = _maker_words(s.maker)
    own = {compress(a): a for a in s.aliases}
    words = s.name.split()
    for k in range(len(words) - 1, 0, -1):  # the longest maker's name in front: 'BAE Systems Hawk'
        prefix, rest = words[:k], " ".join(words[k:])
        numbered = re.fullmatch(r"(.+)-\d+", prefix[-1])  # 'KamAZ-63968': the maker's model number
        maker_part = [*prefix[:-1], numbered.group(1)] if numbered else prefix
        if not all(_names_a_maker(w, makers) for w in maker_part):
            continue
        if compress(" ".join(maker_part)) in own:
            return None
        if compress(rest) in own:
            return own[compress(rest)]
        others = (taken.get(compress(rest), set()) | taken.get(compress(rest.split()[0]), set())) - {s.id}
        if numbered or not rest[:1].isalpha() or rest == rest.lower() or others:
            return None  # 'Shahed-171 Simorgh' names a model by its number; 'Bell 412'; 'Horizon class'
        return rest
    return None


def _maker_words(maker: str) -> set[str]:
    """The maker's words, and each pair written as one ('DOK-ING' as 'doking')."""
    words = [compress(w) for w in re.split(r"[\W_]+", maker) if w]
    return set(words) | {a + b for a, b in zip(words, words[1:], strict=False)}


def _names_a_maker(word: str, makers: set[str]) -> bool:
    """A word of a system's name is its maker's name, or spells it another way ('Kronshtadt', 'Kronstadt')."""
    w = compress(word)
    if not w.isalpha():
        return False
    return w in makers or (len(w) >= 6 and any(_one_edit_apart(w, m) for m in makers))


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]



def _parties(kb: KnowledgeBase, countries: set[str]) -> list[str]:
    errors = []
    owners: dict[str, set[str]] = defaultdict(set)
    for p in kb.parties:
        if p.kind == "actor":
            if not p.code.startswith("ORG:"):
                errors.append(f"actor {p.code}: code must start with 'ORG:'")
        elif not ISO3.match(p.code) or (p.kind == "institution" and p.code not in countries):
            errors.append(f"{p.kind} {p.code}: not a known ISO 3166-1 alpha-3 code")
        for field in (p.names, p.capitals, p.demonyms):  # their languages are checked on loading
            for names in field.values():
                for n in names:
                    if p.kind != "institution":
                        owners[compress(n)].add(p.code)
    for key, codes in sorted(owners.items()):
        if len(codes) > 1:
            errors.append(f"party name {key!r} resolves to several parties: {', '.join(sorted(codes))}")
    return errors


def _sources(kb: KnowledgeBase, countries: set[str]) -> list[str]:
    errors = []
    owners: dict[str, set[str]] = defaultdict(set)
    for s in kb.sources.values():
        if s.reliability not in "ABCDEF" or len(s.reliability) != 1:
            errors.append(f"source {s.id}: reliability {s.reliability!r} is not A-F")
        if s.country and countries and s.country not in countries and s.country not in USER_ASSIGNED:
            errors.append(f"source {s.id}: country {s.country!r} is not a known code")
        for n in (s.name, *s.aliases, *s.domains):
            owners[n.lower()].add(s.id)
    for key, ids in sorted(owners.items()):
        if len(ids) > 1:
            errors.append(f"source name/domain {key!r} is shared by: {', '.join(sorted(ids))}")
    return errors
