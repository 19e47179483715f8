"""Items a sentence names beside its transfer, not as what is transferred: the goods paid with ("in exchange for
the ammunition, Russia provided …"), the capability a transfer strengthens ("to bolster its air defences"), the
threat it answers ("to shoot down Russian drones", "against Russian cruise missiles"), what an item is compared
with ("a lighter alternative to the F-16") and what information handed over is about ("intelligence on US ships")."""

from __future__ import annotations

from armstrack.extract.frames import find_triggers
from armstrack.extract.mentions import ItemMention, PartyMention
from armstrack.lang.base import Token
from armstrack.lang.lexicon import Lexicon

SCOPE_END = {",", ";", ":", ".", "(", ")", "!", "?"}
CAPABILITY_GAP = 4  # tokens between a strengthening verb and the capability it names ("strengthen Ukraine's own air")
PURPOSE_GAP = 3  # tokens from a purpose marker to its verb ("to help it intercept")
THREAT_REACH = 8  # tokens a threat's phrase runs to when nothing closes it first


def transferred_items(tokens: list[Token], lex: Lexicon, parties: list[PartyMention],
                      items: list[ItemMention]) -> list[ItemMention]:
    """The items of the sentence less those named as the payment or as the strengthened capability."""
    aside = _exchange_scope(tokens, lex) | _capabilities(tokens, lex, parties, items) | _threat_scope(tokens, lex)
    return [it for it in items if it.first not in aside]


def _exchange_scope(tokens: list[Token], lex: Lexicon) -> set[int]:
    """Tokens from 'in exchange for' / 'en échange de' / 'в обмен на' to the end of its phrase (punctuation, a
    clause opener or the next trigger): what is given back, which the transfer of the sentence is not."""
    starts = {a for a, _, _ in find_triggers(tokens, lex)}
    scope: set[int] = set()
    for a, b, _ in lex.exchange.find_all(tokens):
        k = b
        while k < len(tokens) and tokens[k].text not in SCOPE_END and k not in starts \
                and tokens[k].fold not in lex.clause_openers:
            k += 1
        scope.update(range(a, k))
    return scope


def _threat_scope(tokens: list[Token], lex: Lexicon) -> set[int]:
    """Tokens of the phrase after 'against' / 'contre' / 'contra', after a verb of defence in a purpose clause
    ('to shoot down', 'pour abattre', 'para derribar') or after a comparison ('an alternative to', 'similar to',
    'comparable à'), to punctuation, a clause opener or the next trigger: the threat a transfer answers or the item
    it is measured against, not what it transfers. Verb-final clauses put the transferred object before their verb,
    inside such a phrase, and are left alone."""
    if lex.verb_final:
        return set()
    starts = {a for a, _, _ in find_triggers(tokens, lex)}
    purpose = lex.infinitive_markers | lex.purpose_prepositions
    against = lex.markers.get("against")
    phrases = (against.find_all(tokens) if against else []) + lex.comparisons.find_all(tokens)
    phrases += [(a, b, w) for a, b, w in lex.threat_verbs.find_all(tokens)
                if any(t.fold in purpose for t in tokens[max(0, a - PURPOSE_GAP):a])]
    scope: set[int] = set()
    for _a, b, _ in phrases:
        k = b
        while k < len(tokens) and k - b < THREAT_REACH and tokens[k].text not in SCOPE_END and k not in starts \
                and tokens[k].fold not in lex.clause_openers:
            scope.add(k)
            k += 1
    return scope | _topic_scope(tokens, lex, starts)


def _topic_scope(tokens: list[Token], lex: Lexicon, starts: set[int]) -> set[int]:
    """Tokens after 'intelligence on' / 'розвіддані про' / 'renseignements sur' to the end of its phrase: what the
    information is about ('the location of US warships, aircraft and troops'), not what is handed over. A comma
    before a lower-case word continues a list there; one before anything else ends the phrase."""
    scope: set[int] = set()
    for _a, b, _ in lex.topics.find_all(tokens):
        k = b
        while k < len(tokens) and k not in starts and tokens[k].fold not in lex.clause_openers and (
                tokens[k].text not in SCOPE_END or tokens[k].text == "," and k + 1 < len(tokens)
                and tokens[k + 1].text.isalpha() and tokens[k + 1].text.islower()
                and tokens[k + 1].fold not in lex.clause_openers and k + 1 not in starts):
            scope.add(k)
            k += 1
    return scope


def _capabilities(tokens: list[Token], lex: Lexicon, parties: list[PartyMention],
                  items: list[ItemMention]) -> set[int]:
    """First tokens of uncounted generic items that a strengthening verb or noun takes as its object ('bolster
    Turkish air defences', 'renforcer la défense aérienne de l'Ukraine', 'die Luftverteidigung zu stärken'): a
    capability, not goods. Only articles, possessives, parties and 'of' may stand between, so 'strengthen Ukraine
    with tanks' keeps its tanks."""
    party_tokens = {k for p in parties for k in range(p.first, p.last + 1)}

    def linking(lo: int, hi: int) -> bool:
        between = range(lo, hi)
        return len(between) <= CAPABILITY_GAP and all(
            k in party_tokens or tokens[k].fold in lex.articles or tokens[k].fold in lex.possessives
            or tokens[k].fold in lex.possessive_clitics or tokens[k].fold in lex.of_prepositions
            or tokens[k].fold in lex.infinitive_markers or tokens[k].text in ("'", "’") for k in between)

    out: set[int] = set()
    for a, b, _ in lex.capability_verbs.find_all(tokens):
        for it in items:
            if not it.generic or it.quantity is not None:
                continue
            # the demonym a front reads as the item's origin ("Turkish air defences") links too
            first = it.first - 1 if it.origin and it.first > b else it.first
            if it.first >= b and linking(b, first) or lex.verb_final and it.last < a and linking(it.last + 1, a):
                out.add(it.first)
    return out
