"""Document-level claims: frames of every sentence, cross-sentence continuation, implicit parties,
one claim per (supplier, recipient, item), denial and 'not confirmed' scope."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from armstrack.extract.aside import transferred_items
from armstrack.extract.dates import find_dates
from armstrack.extract.factuality import (
    Denial,
    factuality,
    find_denial,
    is_unconfirmed,
    np_after,
    quotations,
    speaker_around,
)
from armstrack.extract.frames import (
    NEGOTIATED,
    Frame,
    build_frames,
    find_triggers,
    open_frame,
    purpose_scope,
    replacement_scope,
)
from armstrack.extract.mentions import ItemMention, PartyMention, find_mentions
from armstrack.extract.quantities import is_year, parse_number, quantity_before
from armstrack.extract.routes import carrier_in, route_in
from armstrack.kb.loader import KnowledgeBase
from armstrack.kb.matcher import Match, Matcher, compress
from armstrack.lang import Language
from armstrack.lang.base import QUOTE_MARKS, Sentence, Token, fold, split_sentences, tokenize
from armstrack.lang.lexicon import Lexicon
from armstrack.model import STAGE_ORDER, STATUS_ORDER, Claim, Quantity, Stage, Status

COMPATIBLE = {"uav": {"uav", "loitering_munition"}, "loitering_munition": {"uav", "loitering_munition"}}
# generics that name any aircraft, helicopters and drones too (SCHEMA's "aircraft"): a helicopter or drone designation
# for the same pair is what they stand in for ("five aircraft of the order for 24 AW149", "droni Bayraktar TB2, per
# ora 12 velivoli")
BROAD_GENERICS = {"aircraft": frozenset({"aircraft", "helicopter", "uav"})}
GAZETTEER_WINDOW = 2  # sentences a frame carries over to a following sentence


@dataclass
class Mention:
    """One (supplier, recipient, item) reading in one sentence."""

    sentence: int
    span: tuple[int, int]
    supplier: str | None
    recipient: str | None
    item: ItemMention
    stage: Stage
    reported: bool
    attributed_to: tuple[str, ...]
    when: str | None
    group: int  # sentence that opened the report this mention continues (for "not confirmed" scope)
    route: str | None = None
    carrier: str | None = None
    producers: frozenset[str] = frozenset()  # parties the sentence says make the item ("индийского производства")
    unnamed_supplier: bool = False  # "supplied by the West": no supplier to assume from the item's maker
    collective_supplier: bool = False  # "the West", "European armies": a claim with a null supplier
    inferred: set[str] = field(default_factory=set)
    speaker_before: bool = False  # "He added that …": the speaker a sentence before names
    deal_partner: bool = False  # the recipient is one side of a deal that names no supplier: either side may sell


@dataclass
class DocState:
    sentences: list[Sentence]
    matcher: Matcher | None = None
    hits: list[list[Match]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    denials: list[Denial] = field(default_factory=list)
    unconfirmed: list[int] = field(default_factory=list)
    party_codes: set[str] = field(default_factory=set)
    systems_by_sentence: dict[int, list[ItemMention]] = field(default_factory=dict)
    pronoun_led: set[int] = field(default_factory=set)  # sentences opening on a personal pronoun: the topic goes on
    named_systems: set[str] = field(default_factory=set)  # systems named so far: an ambiguous name of one has context
    last_frame: tuple[int, Frame] | None = None
    last_group: int = -1
    speakers: dict[int, tuple[str, ...]] = field(default_factory=dict)  # sentence -> the sources it names


def sentences_of(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Sentence]:
    """The text's sentences, tokenised; `abbreviations` are the language's (a full stop after them ends none)."""
    return [Sentence(a, b, text[a:b], tokenize(text[a:b], a), para)
            for a, b, para in split_sentences(text, abbreviations)]


def extract_claims(text: str, published: str | None, language: Language, matcher: Matcher,
                   kb: KnowledgeBase, prefilter: bool = True,
                   names: list[tuple[int, str]] | None = None) -> list[Claim]:
    """Claims of one document. With `prefilter` (the default) only sentences the gazetteer flags get
    the expensive analysis; without it every sentence does (for benchmarks). `names`, when given, receives
    every gazetteer hit as (offset, system id or party code)."""
    lex = language.lexicon
    state = DocState(sentences_of(text, lex.abbreviations), matcher)
    hits = state.hits = [_scan(matcher, s.tokens, lex) for s in state.sentences]
    if names is not None:
        names.extend((m.start, m.entries[0].ref) for h in hits for m in h)
    flagged = [_flagged(s, h, lex) for s, h in zip(state.sentences, hits, strict=True)]
    # the expensive analysis runs once, batched, on the sentences the gazetteer flags
    language.frontend.analyse_all([s for s, f in zip(state.sentences, flagged, strict=True) if f or not prefilter])
    for si, sent in enumerate(state.sentences):
        state.party_codes.update(e.ref for m in hits[si] for e in m.entries if e.kind != "system")
        if sent.tokens and sent.tokens[0].fold in lex.pronouns:
            state.pronoun_led.add(si)
        recent = state.last_frame is not None and si - state.last_frame[0] <= GAZETTEER_WINDOW
        if prefilter and not (flagged[si] or recent and (hits[si] or lex.anaphora.find_all(sent.tokens))):
            continue  # no weapon name or noun, no cue, no party or anaphor to continue a transfer just before
        if not sent.analysed:
            language.frontend.analyse(sent)
        parties, items = find_mentions(sent.tokens, text, lex, matcher, kb, hits[si], frozenset(state.named_systems))
        state.named_systems.update(i.system_id for i in items if i.system_id)
        parties += _pair_anaphora(state, si, sent, parties, lex) + _state_anaphora(state, si, sent, parties, lex) + \
            _own_country(sent, parties, lex) + \
            _quoted_speakers_country(sent, parties, lex)
        state.party_codes.update(p.code for p in parties)
        state.party_codes.update(i.origin for i in items if i.origin)
        # a photo caption names what the picture shows: no system a later generic noun could mean
        # ... nor one a replacement clause names: "… Wing Loong 2 pour remplacer les Wing Loong 1. … ces drones"
        named_systems = [] if _caption(sent.tokens, lex) else [i for i in items if i.system_id]
        replaced = replacement_scope(sent.tokens, lex) if named_systems else set()
        state.systems_by_sentence[si] = [i for i in named_systems if i.first not in replaced]
        if is_unconfirmed(sent.tokens, lex):
            state.unconfirmed.append(si)
        denial = find_denial(sent.tokens, lex, parties, items, si)
        if denial:
            state.denials.append(denial)
        listed = any(not i.umbrella for i in items)  # "Das Paket umfasst …" lists items; "Das sagte …" does not
        if sent.tokens and _back_reference_at(sent.tokens, lex) is not None and not find_triggers(sent.tokens, lex) \
                and not listed:
            _attribute_previous(state, si, sent, text, lex)
            continue
        items = transferred_items(sent.tokens, lex, parties, items)
        if not items:  # "Системы переданы", "the systems have been handed over": the parties carry over too
            items = _anaphoric_items(state, si, sent, language, parties)
        if items:
            _sentence_mentions(state, si, sent, text, published, language, parties, items, kb)
    _quoted_speech(state, text, language)
    return _document_claims(state, kb, lex)


def _scan(matcher: Matcher, tokens: list[Token], lex: Lexicon) -> list[Match]:
    found = matcher.scan(tokens)
    more = matcher.inflected(tokens, lex.name_endings, found)
    return sorted(found + more, key=lambda m: m.first) if more else found


def _quoted_speech(state: DocState, text: str, language: Language) -> None:
    """'"Russia has delivered the fighters. The process is ongoing," he told Tasnim.': every sentence of a
    quotation is the speaker's claim, whether the speaker is named after it or before it ('Il a dit : « … »')."""
    asserted = {m.sentence for m in state.mentions if not m.reported}
    if not asserted:
        return
    sents, lex = state.sentences, language.lexicon
    for q in quotations([(s.text, s.start, s.paragraph) for s in sents]):
        if not asserted & set(range(q.first, q.last + 1)):
            continue
        for si in {q.first, q.last}:
            if not sents[si].analysed:
                language.frontend.analyse(sents[si])
        names, unnamed = speaker_around([t for t in sents[q.last].tokens if t.end >= q.close_at], text, lex)
        if not names and not unnamed:
            names, unnamed = speaker_around([t for t in sents[q.first].tokens if t.end <= q.open_at], text, lex)
        if not names and not unnamed:
            continue
        for m in state.mentions:
            if q.first <= m.sentence <= q.last:
                m.reported = True
                m.attributed_to = tuple(dict.fromkeys((*m.attributed_to, *names)))


def _pair_anaphora(state: DocState, si: int, sent: Sentence, parties: list[PartyMention],
                   lex: Lexicon) -> list[PartyMention]:
    """'Peru and South Korea met on Monday. The two countries are in talks over …': the phrase stands for the
    two parties the nearest sentence before names, when it names exactly two; both take its place, as a
    coordinated pair."""
    for a, b, _ in lex.pair_anaphora.find_all(sent.tokens):
        if _taken(parties, a, b):
            continue
        for k in (si - 1, si - 2):
            codes = list(dict.fromkeys(e.ref for m in state.hits[k] for e in m.entries[:1] if e.kind != "system")) \
                if k >= 0 else []
            if codes:
                if len(codes) != 2:
                    break
                return [_stand_in(sent, a, b, c) for c in codes]
    return []


def _state_anaphora(state: DocState, si: int, sent: Sentence, parties: list[PartyMention],
                    lex: Lexicon) -> list[PartyMention]:
    """'Denmark has around 40 F-16s. The country has also committed to supplying …': the phrase opening the
    sentence stands for the one state the sentence just before names, when it names exactly one."""
    m = lex.state_anaphora.match_at(sent.tokens, 0) if sent.tokens and si > 0 else None
    if m is None or _taken(parties, 0, m[0]):
        return []
    codes = {e.ref for h in state.hits[si - 1] for e in h.entries[:1] if e.kind != "system"}
    return [_stand_in(sent, 0, m[0], codes.pop())] if len(codes) == 1 else []


def _own_country(sent: Sentence, parties: list[PartyMention], lex: Lexicon) -> list[PartyMention]:
    """'The Belgian foreign minister said her country would supply …': 'her country' is the state the sentence
    names before it (the speaker's), when it names exactly one."""
    out: list[PartyMention] = []
    for a, b, _ in lex.own_country.find_all(sent.tokens):
        before = {p.code for p in parties if p.last < a}
        if len(before) == 1 and not _taken(parties, a, b):
            out.append(_stand_in(sent, a, b, before.pop()))
    return out


def _quoted_speakers_country(sent: Sentence, parties: list[PartyMention], lex: Lexicon) -> list[PartyMention]:
    """'"We will buy 20 more K2 tanks," Polish Defence Minister … said': a first-person phrase inside the quotation is
    the state the words outside it name, when they name exactly one (the speaker's)."""
    toks = sent.tokens
    marks = [k for k, t in enumerate(toks) if t.text in QUOTE_MARKS]
    if len(marks) < 2:
        return []
    inside = range(marks[0] + 1, marks[-1])
    outside = {p.code for p in parties if p.first not in inside and p.last not in inside}
    if len(outside) != 1:
        return []
    code = outside.pop()
    return [_stand_in(sent, a, b, code) for a, b, _ in lex.first_person.find_all(toks)
            if a in inside and not _taken(parties, a, b)]


def _taken(parties: list[PartyMention], a: int, b: int) -> bool:
    """Does a party mention overlap tokens [a, b)?"""
    return any(p.first < b and a <= p.last for p in parties)


def _stand_in(sent: Sentence, a: int, b: int, code: str) -> PartyMention:
    """A phrase of tokens [a, b) standing for the party `code` ('the two countries', 'her country')."""
    toks = sent.tokens
    surface = sent.text[toks[a].start - sent.start:toks[b - 1].end - sent.start]
    return PartyMention(a, b - 1, toks[a].start, toks[b - 1].end, code, "name", surface)


CAPTION_COLON = 3  # tokens from a caption word to its colon ("Фото: …", "Photo: …", "На фото: …")


def _caption(tokens: list[Token], lex: Lexicon) -> bool:
    """Does the sentence open as a photo caption, a caption word then a colon ('Фото: иранские ракеты …')?"""
    m = lex.captions.match_at(tokens, 0) if tokens else None
    return m is not None and any(t.text == ":" for t in tokens[m[0]:m[0] + CAPTION_COLON])


def _flagged(sent: Sentence, hits: list[Match], lex: Lexicon) -> bool:
    """Does the sentence name a weapon (KB system or generic noun) or carry a denial / doubt / back-reference cue?"""
    if any(e.kind == "system" for m in hits for e in m.entries) or lex.generic_items.find_all(sent.tokens):
        return True
    if hits and lex.names_item_stem(sent.tokens):
        return True  # a party and an inflected item noun ("поставляла оружия"): lemmas decide after analysis
    toks = sent.tokens
    return bool(toks) and bool(lex.denials.find_all(toks) or lex.unconfirmed.find_all(toks)
                               or _back_reference_at(toks, lex) is not None)


def _sentence_mentions(state: DocState, si: int, sent: Sentence, text: str, published: str | None,
                       language: Language, parties: list[PartyMention], items: list[ItemMention],
                       kb: KnowledgeBase) -> None:
    lex = language.lexicon
    toks = sent.tokens
    frames = build_frames(toks, lex, parties, items)
    prev = state.last_frame if state.last_frame and si - state.last_frame[0] <= GAZETTEER_WINDOW else None
    first = toks[0].fold if toks else ""
    continues = bool(lex.continuation.find_all(toks)) or first in lex.pronoun_starts
    if continues and not any(fr.suppliers or fr.recipients for fr in frames) and \
            (prev is None or not (prev[1].suppliers and prev[1].recipients)):
        # a complete transfer no older than the incomplete one just before ('… will provide Latvia with aid')
        opened = _itemless_frame(state, si, text, language, kb)
        if opened is not None and (prev is None or opened[0] >= prev[0]):
            prev = opened
    if not frames and prev is not None:
        # "Ils comprendraient 12 Shahed-129 …": a list continuing the previous sentence's transfer; not one that
        # continues a sentence between them ("… programmes to replace its platforms. Among them, MiG-29M …")
        f = prev[1]
        # … nor one that names a state of its own ("It added that Romania will be the third user of the K10")
        stranger = any(not p.source_like and p.code not in f.suppliers + f.recipients for p in parties)
        # … nor an item the sentence says the goods replace or fight ("They will replace the Tornado jets")
        described = purpose_scope(toks, lex)
        carried = [it for it in items if it.first not in described]
        if continues and si - prev[0] == 1 and not stranger and carried:
            frames = [Frame(0, f.role, f.stage, list(f.suppliers), list(f.recipients), carried, False, f.when)]
    counts, bracketed = _parenthesised_counts(toks, parties, lex)
    if prev is None and any(fr.suppliers and not fr.recipients for fr in frames):
        prev = _same_supplier_just_before(state, si, text, language, kb, frames)
    for fr in frames:
        if prev is not None and (not fr.suppliers or not fr.recipients) and \
                (fr.role != "deal" or _deal_lists_items(fr, toks, lex)):
            p = prev[1]
            if fr.bundle and not fr.suppliers and not fr.recipients and not _new_bundle(toks, fr.trigger, lex):
                fr.stage, fr.when = p.stage, fr.when or p.when  # "Le paquet comprendrait …": the transfer before
            kb_origins = {kb.systems[i.system_id].origin for i in fr.items if i.system_id}
            # a frame with no party at all continues the previous one; one that names its recipient but
            # not its supplier takes the previous supplier only if the item's designer does not say otherwise
            partyless = not fr.recipients
            named_elsewhere = fr.suppliers or fr.unnamed_supplier or any(i.origin for i in fr.items)
            if not named_elsewhere and p.suppliers and \
                    not set(p.suppliers) & set(fr.recipients) and (partyless and _lists_goods(p) or not kb_origins or
                                                                  kb_origins & set(p.suppliers)
                                                                  or not kb_origins & state.party_codes):
                fr.suppliers = list(p.suppliers)
                fr.explicit_roles = False
            if not fr.recipients and p.recipients and not set(p.recipients) & set(fr.suppliers) and \
                    not _sides_of_deal(fr, kb):
                fr.recipients = list(p.recipients)
                fr.explicit_roles = False
        fact = factuality(toks, text, lex, fr.trigger if fr.explicit_roles or fr.trigger else None)
        if fact.attributed_to:
            state.speakers[si] = fact.attributed_to
        local = _locally_produced_for(toks, parties, items, lex)
        # item names ("PzH 2000") and counts ("mehr als 2000 Stinger") are no dates
        named = {k for it in items if it.system_id for k in range(it.first, it.last + 1)}
        counted = {k for it in items if it.quantity_first is not None for k in range(it.quantity_first, it.first)}
        dates = find_dates(toks, lex, published, frozenset(named | counted))
        when = min(dates, key=lambda d: abs(d.first - fr.trigger)).value if dates else fr.when
        fr.when = when
        # a share is of the one item the sentence transfers
        own = counts if len([i for i in fr.items if i.first not in bracketed and not i.umbrella]) == 1 else {}
        blanket = _blanket_item(fr)
        for it in fr.items:
            if it.umbrella and it is not blanket and not (it.alone and fr.explicit_roles and
                                                          _in_list(it, fr.items, toks, lex)):
                continue  # "armored vehicles, weapons, ammunition and trucks": weapons listed as one kind of goods
            pairs = _pairs(fr, it, kb)
            if it.quantity is not None and _shared_total(pairs, toks, fr, it, lex):
                it = replace(it, quantity=None, quantity_first=None)
            for sup, rec in pairs:
                share = own.get(rec or "") or own.get(sup or "") if len(pairs) > 1 else None
                pit = replace(it, quantity=share, quantity_first=None) if share else it
                group = state.last_group if not fr.explicit_roles and state.last_group >= 0 else si
                m = Mention(si, (sent.start, sent.end), sup, rec, pit, fr.stage_of(it), fact.reported,
                            fact.attributed_to, when, group, route_in(toks, text, lex), carrier_in(toks, text, lex),
                            frozenset(local), unnamed_supplier=fr.unnamed_supplier or fr.collective_supplier,
                            collective_supplier=fr.collective_supplier)
                if not fr.explicit_roles:
                    m.inferred.add("frame")
                m.speaker_before = fact.unnamed
                m.deal_partner = fr.role == "deal" and not fr.suppliers
                state.mentions.append(m)
        if fr.suppliers or fr.recipients:
            state.last_frame = (si, fr)
            state.last_group = state.last_group if not fr.explicit_roles and state.last_group >= 0 else si


DEAL_SUBJECT_SPAN = 3  # words between a deal noun and the listing verb it is the subject of, either way


NOVELTY_REACH = 2  # words from "new" to the package noun it qualifies ("the new military aid package")


def _new_bundle(tokens: list[Token], t: int, lex: Lexicon) -> bool:
    """'The new package includes …', 'Das neue Paket umfasst …': a package the text calls new is another transfer
    than the one before, and keeps its own stage."""
    return any(lex.novelty.match_at(tokens, j) for j in range(max(0, t - 1 - NOVELTY_REACH), t))


def _deal_lists_items(fr: Frame, tokens: list[Token], lex: Lexicon) -> bool:
    """'El acuerdo incluye también misiles AIM-9', 'Het akkoord omvat ook …': a deal naming no party that is the
    subject of a listing verb right after it is the transfer just before (not a deal whose goods a list far after
    it names, which may be another one)."""
    if fr.suppliers or fr.recipients or fr.partners:
        return False
    # the verb after its subject, or before it after a fronted phrase ('Volgens de regering omvat het akkoord …')
    return any(0 < abs(a - fr.trigger) <= DEAL_SUBJECT_SPAN for a, _, _ in lex.continuation.find_all(tokens))


def _blanket_item(fr: Frame) -> ItemMention | None:
    """'Bolivia comprará armamento a Rusia': a word for weapons in general is the item of a transfer between two
    parties the sentence names when it names no other item (SCHEMA: generic when nothing more specific is given)."""
    if any(not it.umbrella for it in fr.items) or not (fr.suppliers and fr.recipients and fr.explicit_roles):
        return None
    return next((it for it in fr.items if it.alone and not it.purpose_of), None)


def _without_covered_blankets(ms: list[Mention], state: DocState, lex: Lexicon) -> list[Mention]:
    """A pair's weapons in general are no claim beside any item the text names for that pair, unless the text lists
    them as one kind of goods among others ('blindati, armi, munizioni e camion')."""
    named = {(m.supplier, m.recipient) for m in ms if not m.item.umbrella}
    return [m for m in ms if not (m.item.umbrella and (m.supplier, m.recipient) in named
                                  and not _listed_among(m, ms, state, lex))]


def _listed_among(m: Mention, ms: list[Mention], state: DocState, lex: Lexicon) -> bool:
    """Is the mention's item a member of a list of other items of the same sentence?"""
    items = [o.item for o in ms if o.sentence == m.sentence and not o.item.umbrella]
    return _in_list(m.item, items, state.sentences[m.sentence].tokens, lex)


def _in_list(it: ItemMention, items: list[ItemMention], toks: list[Token], lex: Lexicon) -> bool:
    """Is the item next to another item of a list, with commas, conjunctions and articles only between them?"""
    for o in items:
        if o is it or o.umbrella:
            continue
        a, b = sorted(((o.first, o.last), (it.first, it.last)))
        gap = toks[a[1] + 1:b[0]]
        if gap and all(t.text == "," or t.fold in lex.coordinators or lex.is_article(t) for t in gap):
            return True
    return False


def _same_supplier_just_before(state: DocState, si: int, text: str, language: Language, kb: KnowledgeBase,
                               frames: list[Frame]) -> tuple[int, Frame] | None:
    """'Germany pledged a new package to Ukraine. Germany will also deliver three Gepard.': the sentence just before
    names the same supplier's transfer, with its recipient but no item; this one goes on with it."""
    opened = _itemless_frame(state, si, text, language, kb)
    if opened is None or si - opened[0] != 1 or not opened[1].recipients:
        return None
    same = any(fr.suppliers and set(fr.suppliers) == set(opened[1].suppliers) for fr in frames)
    return opened if same else None


def _itemless_frame(state: DocState, si: int, text: str, language: Language,
                    kb: KnowledgeBase) -> tuple[int, Frame] | None:
    """'Germany will provide Lithuania with new military aid. The package includes …': the transfer of a
    sentence just before that names its parties but no item, for a list that continues it."""
    for k in range(si - 1, max(-1, si - 1 - GAZETTEER_WINDOW), -1):
        sent = state.sentences[k]
        if not any(e.kind != "system" for m in state.hits[k] for e in m.entries):
            continue
        if not sent.analysed:
            language.frontend.analyse(sent)
        assert state.matcher is not None
        parties, _ = find_mentions(sent.tokens, text, language.lexicon, state.matcher, kb, state.hits[k])
        fr = open_frame(sent.tokens, language.lexicon, parties)
        if fr is not None:
            return k, fr
    return None


def _parenthesised_counts(tokens: list[Token], parties: list[PartyMention],
                          lex: Lexicon) -> tuple[dict[str, Quantity], set[int]]:
    """'to Qatar (36 aircraft), India (36) and Greece (24)': a count in brackets right after a party of a list
    is that party's share; also the tokens of those brackets."""
    out: dict[str, Quantity] = {}
    inside: set[int] = set()
    for p in parties:
        k = p.last + 1
        if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 1].is_number:
            value = parse_number(tokens[k + 1].text, lex.decimal_comma)
            if value is not None and not is_year(tokens[k + 1], value):
                out[p.code] = Quantity(value)
                end = next((j for j in range(k + 1, min(len(tokens), k + 8)) if tokens[j].text == ")"), k + 1)
                inside.update(range(k, end + 1))
    return out, inside


def _shared_total(pairs: list[tuple[str | None, str | None]], tokens: list[Token], fr: Frame, it: ItemMention,
                  lex: Lexicon) -> bool:
    """'Нідерланди й Данія зобов'язалися передати Україні 42 F-16', 'Russia will deliver 30 Su-35 to Iran and
    Algeria': a number for coordinated suppliers or recipients is their total, no one claim's quantity (as for
    coordinated items), unless the text says each gets it ('will each supply', 'jeweils')."""
    if len({s for s, _ in pairs}) < 2 and len({r for _, r in pairs}) < 2:
        return False
    lo = max(0, min(fr.trigger, it.first) - 8)
    return not lex.distributive.find_all(tokens, lo, min(len(tokens), it.last + 6))


def _locally_produced_for(tokens: list[Token], parties: list[PartyMention], items: list[ItemMention],
                          lex: Lexicon) -> set[str]:
    """Parties named as the producer: 'индийского производства', 'made in India', 'de fabrication indienne'
    (also when the demonym was read as the item's origin)."""
    out = set()
    for a, b, _ in lex.local_production.find_all(tokens):
        for p in parties:
            # "индийского производства", "made in India"; not "delivered to Ukraine howitzers built in …"
            between = any(p.last < it.first and it.last < a for it in items)
            if 0 <= a - p.last <= 2 and not between or 0 <= p.first - b <= 1:
                out.add(p.code)
        for it in items:
            if it.origin and 0 <= a - it.last <= 3:
                out.add(it.origin)
    return out


ACCORDING_REACH = 8  # tokens of a leading according-to clause before its comma ("Как передает ТАСС,")


def _back_reference_at(toks: list[Token], lex: Lexicon) -> int | None:
    """Where the sentence's back-reference opens: at its start ('Об этом сообщили …'), or right after a leading
    according-to clause and its comma ('Як передає Укрінформ, про це повідомляє агентство Bloomberg')."""
    if lex.back_reference.match_at(toks, 0):
        return 0
    if not lex.according_to.match_at(toks, 0):
        return None
    comma = next((k for k in range(1, min(len(toks), ACCORDING_REACH)) if toks[k].text == ","), None)
    return comma + 1 if comma is not None and lex.back_reference.match_at(toks, comma + 1) else None


def _attribute_previous(state: DocState, si: int, sent: Sentence, text: str, lex: Lexicon) -> None:
    """'Об этом сообщили в пресс-службе …', 'Das kündigte … Freuding an': who said the previous sentence."""
    toks = sent.tokens
    start = _back_reference_at(toks, lex) or 0
    opening = lex.back_reference.match_at(toks, start)
    verbs = [v for v in lex.report_verbs.find_all(toks) if v[0] >= start]
    if not verbs and not (opening and opening[0] > 1):
        return
    # "Об этом сообщили в пресс-службе …", "Poinformowało o tym ministerstwo", "Lo apprende l'ANSA": the speaker
    # follows the opening phrase and its verb, whatever its case ("by" goes)
    k = start + opening[0] if opening else start
    verb = next((b for a, b, _ in verbs if a <= k), None)
    k = max(k, verb or 0)
    k += k < len(toks) and toks[k].fold in lex.agent_prepositions
    k += k < len(toks) and toks[k].fold in lex.finite_auxiliaries  # "Dat heeft minister X laten weten"
    speaker = np_after(toks, k, text, lex=lex)
    names = [speaker] if speaker else []
    if names:
        state.speakers[si] = tuple(names)
    for m in state.mentions:
        if m.sentence == si - 1:
            m.reported = True
            m.attributed_to = tuple(dict.fromkeys((*m.attributed_to, *names)))


def _anaphoric_items(state: DocState, si: int, sent: Sentence, language: Language,
                     parties: list[PartyMention]) -> list[ItemMention]:
    """'celle-ci en a déjà reçu 49, dont 30 déjà livrés par la France': a pronoun standing for the one
    system of the previous sentence's transfer; the number before the trigger is its quantity."""
    lex = language.lexicon
    prev = state.last_frame
    if prev is None or si - prev[0] > GAZETTEER_WINDOW or not lex.anaphora.find_all(sent.tokens):
        return []
    specific: dict[str | None, ItemMention] = {i.system_id: i for i in prev[1].items if i.system_id and not i.umbrella}
    if not specific and len(prev[1].items) == 1 and not prev[1].items[0].umbrella:
        # "l'avion a été vendu à 114 exemplaires. Le Qatar en commandait 24 exemplaires": the one generic item,
        # which the generic anaphora then resolves to the system it stands for
        specific = {None: prev[1].items[0]}
    triggers = find_triggers(sent.tokens, lex)
    if len(specific) != 1 or not triggers:
        return []
    src = next(iter(specific.values()))
    for u, _v, _ in lex.anaphora.find_all(sent.tokens):
        counted = quantity_before(sent.tokens, u, lex, max_gap=0)
        if counted and u > triggers[0][1]:
            # "Qatar then ordered 24 units", "24 exemplaires": a counted unit of that system, the trigger's object
            tok = sent.tokens[u]
            return [replace(src, first=u, last=u, start=tok.start, end=tok.end, quantity=counted[0],
                            quantity_first=counted[1], origin=None, surfaces=[tok.text])]
    a = triggers[-1][0]
    q = quantity_before(sent.tokens, a, lex, max_gap=2)
    if not parties:
        # no party of its own: the anaphor is the item ("The systems have been handed over"), governed like one
        u = lex.anaphora.find_all(sent.tokens)[-1][1] - 1
        a, q = u, quantity_before(sent.tokens, u, lex, max_gap=0)
    tok = sent.tokens[a]
    return [replace(src, first=a, last=a, start=tok.start, end=tok.end, quantity=q[0] if q else None,
                    quantity_first=q[1] if q else None, origin=None, surfaces=[])]


def _item_origin(it: ItemMention, kb: KnowledgeBase) -> str | None:
    return it.origin or (kb.systems[it.system_id].origin if it.system_id else None)


def _deal_direction(fr: Frame, kb: KnowledgeBase) -> str | None:
    """The one party of a deal that its items with a known origin all come from ('a contract with South Korea for
    180 K2 tanks and ammunition': the ammunition comes the K2's way); None when they point several ways or nowhere,
    or when the deal has more than two parties."""
    if len(fr.recipients) != 2:
        return None
    origins = {o for i in fr.items if (o := _item_origin(i, kb)) is not None and o in fr.recipients}
    return next(iter(origins)) if len(origins) == 1 else None


def _supplying_side(fr: Frame, it: ItemMention, kb: KnowledgeBase) -> str | None:
    """Which of the frame's suppliers the item comes from: its maker if named there, else its origin or maker."""
    maker = kb.systems[it.system_id].origin if it.system_id else None
    return maker if maker in fr.suppliers else it.origin or maker


def _sides_of_deal(fr: Frame, kb: KnowledgeBase) -> bool:
    """'Vietnam and Russia signed an agreement on the supply of Su-30 jets': several suppliers of a negotiated step,
    one the item's maker, are the deal's two sides; the transfer runs between them."""
    return not fr.recipients and len(fr.suppliers) > 1 and fr.stage in NEGOTIATED and \
        any(_supplying_side(fr, it, kb) in fr.suppliers for it in fr.items)


def _pairs(fr: Frame, it: ItemMention, kb: KnowledgeBase) -> list[tuple[str | None, str | None]]:
    if fr.role == "deal" and not fr.suppliers:
        origin = _item_origin(it, kb) or _deal_direction(fr, kb)
        if origin and origin in fr.recipients:
            return [(origin, r) for r in fr.recipients if r != origin]
        if fr.talked_over:
            return []  # "talks with Ukraine on the transfer of MiG-29": their maker is no party to these talks
        if origin:
            return [(origin, r) for r in fr.recipients if r != origin] or [(origin, None)]
        return [(None, r) for r in fr.recipients] if len(fr.recipients) == 1 else []
    if fr.role == "give" and fr.noun and fr.stage in NEGOTIATED and fr.suppliers and not fr.recipients and \
            it.origin and it.origin not in fr.suppliers:
        # "Ukraine agreed on the supply of 150 Swedish Gripen": who agrees on a supply of another state's goods is
        # the side that receives them, as in a deal
        return [(it.origin, s) for s in fr.suppliers]
    maker = kb.systems[it.system_id].origin if it.system_id else None
    # "Russia and India signed a contract for Indian-built AK-203": the demonym says where it is built; the maker sells
    origin = _supplying_side(fr, it, kb)
    if origin in fr.suppliers and _sides_of_deal(fr, kb):
        # between the deal's two sides, the maker's supplies
        return [(origin, r) for r in fr.suppliers if r != origin]
    if maker in fr.suppliers and _each_supplier_makes_one(fr, kb):
        # "France, Germany and the US agreed to give AMX-10RC, Marder and Bradley": each its own make
        recipients: list[str | None] = list(fr.recipients) or [None]
        return [(maker, r) for r in recipients if r != maker]
    # "a contract for the delivery of 24 Su-35 to Iran": like a deal's, the maker supplies when no supplier is named
    contracted_maker = maker if fr.contracted and fr.role == "give" else None
    sups: list[str | None] = list(fr.suppliers) or [it.origin or contracted_maker]
    recs: list[str | None] = list(fr.recipients) or [None]
    return [(s, r) for s in sups for r in recs if s is None or s != r]


def _each_supplier_makes_one(fr: Frame, kb: KnowledgeBase) -> bool:
    """Several suppliers, each the maker of one of the frame's named systems: the list pairs them ('Germany and the
    US will send Leopard 2 and Abrams tanks'), it is no cross product."""
    makers = {kb.systems[i.system_id].origin for i in fr.items if i.system_id}
    return len(fr.suppliers) > 1 and set(fr.suppliers) <= makers


def _document_claims(state: DocState, kb: KnowledgeBase, lex: Lexicon) -> list[Claim]:
    ms = state.mentions
    if not ms:
        return []
    _fill_parties(ms, state, kb)
    _name_speakers_before(ms, state.speakers, lex.articles)
    _carry_attribution(ms)
    for m in ms:
        # made by the recipient from the supplier's design: "автоматов АК-203 индийского производства"
        if m.recipient in m.producers and m.supplier and m.supplier != m.recipient and \
                m.stage in (Stage.ORDERED, Stage.AGREED, Stage.DELIVERED):
            m.stage = Stage.LICENSED_PRODUCTION
    _resolve_generic_anaphora(ms, state, kb)
    # a group of states the text does not name ("supplied by the West") leaves the supplier null (SCHEMA)
    ms = [m for m in ms if (m.supplier or m.collective_supplier) and m.recipient and m.supplier != m.recipient
          and not m.item.refers and not _own_goods_filled_in(m)]
    ms = _fold_variants(_without_covered_blankets(ms, state, lex), kb)
    apart: dict[tuple[str | None, str | None, str], set[str]] = {}
    for m in ms:
        if m.item.listed_with:
            apart.setdefault((m.supplier, m.recipient, m.item.item), set()).update(m.item.listed_with)
    claims = _merge(ms, kb)
    claims = _drop_covered_generics(claims, kb, apart)
    _apply_doubt(claims, ms, state)
    return claims


def _own_goods_filled_in(m: Mention) -> bool:
    """'De Nederlandse fregatten krijgen radars van Thales': goods the text calls the recipient's own are not what the
    document's recipient, filled in, gets."""
    return m.item.origin == m.recipient and ("recipient" in m.inferred or "frame" in m.inferred)


SPEAKER_REACH = 3  # sentences back to the one naming who "he" or "the minister" is


def _name_speakers_before(ms: list[Mention], speakers: dict[int, tuple[str, ...]], articles: frozenset[str]) -> None:
    """'Minister X said … . He added that …', 'По его словам, …', 'Як зазначив міністр, …': a speaker the sentence
    does not name, or names by a bare noun its earlier name holds ('the officials' after 'U.S. officials'), is the
    one a sentence shortly before names."""
    for m in ms:
        earlier = next((speakers[k] for k in range(m.sentence - 1, m.sentence - 1 - SPEAKER_REACH, -1)
                        if k in speakers), ())
        if not earlier:
            continue
        if m.speaker_before and not m.attributed_to:
            m.attributed_to = earlier
        elif m.attributed_to:
            m.attributed_to = tuple(dict.fromkeys(_named_in(a, earlier, articles) for a in m.attributed_to))


STEM = 5  # letters of a word two inflected forms share ("министр", "министра")


def _named_in(source: str, earlier: tuple[str, ...], articles: frozenset[str]) -> str:
    """'министр' after 'Министр обороны Германии Борис Писториус', 'The officials' after 'U.S. officials': the bare
    noun, with or without its article, stands for that earlier name."""
    words = source.split()
    bare = words[1:] if len(words) == 2 and fold(words[0]) in articles else words
    if len(bare) != 1 or not bare[0][:1].islower():
        return source
    stem = fold(bare[0])[:STEM]
    return next((e for e in earlier if " " in e and any(fold(w).startswith(stem) for w in e.split()[:2])), source)


def _lists_goods(fr: Frame) -> bool:
    """Does a transfer name goods of its own, not only an umbrella ('the main arms suppliers of Sri Lanka')? A
    sentence with no party continues such a transfer; after an umbrella alone the item's maker decides."""
    return any(not i.umbrella for i in fr.items)


def _carry_attribution(ms: list[Mention]) -> None:
    """'Ukraine will receive a new package, the Pentagon said. It includes 20 Bradley vehicles …': a sentence that
    continues a report (no parties of its own) is the same source's words."""
    first: dict[int, Mention] = {}
    for m in sorted(ms, key=lambda m: m.sentence):
        lead = first.setdefault(m.group, m)
        if lead is not m and m.sentence > lead.sentence and "frame" in m.inferred and lead.reported \
                and not m.reported:
            m.reported, m.attributed_to = True, lead.attributed_to


def _fill_parties(ms: list[Mention], state: DocState, kb: KnowledgeBase) -> None:
    complete = [m for m in ms if m.supplier and m.recipient]
    by_rec: dict[str, Counter[str]] = {}
    by_sup: dict[str, Counter[str]] = {}
    for m in complete:
        assert m.supplier and m.recipient
        by_rec.setdefault(m.recipient, Counter())[m.supplier] += 1
        by_sup.setdefault(m.supplier, Counter())[m.recipient] += 1
    recipients = Counter(m.recipient for m in complete)
    same_item: dict[tuple[str, str], set[str]] = {}
    for m in complete:
        assert m.supplier and m.recipient
        same_item.setdefault((m.recipient, m.item.item), set()).add(m.supplier)
    for m in ms:
        if m.supplier is None and m.recipient and not m.unnamed_supplier:
            origin = kb.systems[m.item.system_id].origin if m.item.system_id else None
            known = same_item.get((m.recipient, m.item.item), set())
            if known:
                # "Ukraine will get 42 F-16s" after "the Netherlands and Denmark will give Ukraine F-16s":
                # the suppliers this text names for the item, not the designer (USA)
                if len(known) == 1:
                    m.supplier = next(iter(known))
                    m.inferred.add("supplier")
            elif origin and origin != m.recipient and origin in state.party_codes:
                m.supplier = origin
                m.inferred.add("supplier")
            elif len(by_rec.get(m.recipient, {})) == 1:
                m.supplier = next(iter(by_rec[m.recipient]))
                m.inferred.add("supplier")
        elif m.recipient is None and m.supplier:
            if (m.supplier, m.item.item) in same_item:
                continue  # the text has this item go to the supplier: a recipient filled in would reverse it
            if len(by_sup.get(m.supplier, {})) == 1:
                m.recipient = next(iter(by_sup[m.supplier]))
                m.inferred.add("recipient")
            elif recipients:
                top, n = recipients.most_common(1)[0]
                if n >= 0.6 * len(complete) and top != m.supplier:
                    m.recipient = top
                    m.inferred.add("recipient")


ANAPHORA_WINDOW = 2  # sentences back a generic noun may stand for a system named there


def _sentences_back(si: int, pronoun_led: set[int], window: int | None) -> list[int]:
    """The sentences before `si`, nearest first: `window` of them (all when None), not counting those that open on a
    personal pronoun ('Il est utilisé par la marine …'), which go on about the same topic."""
    out: list[int] = []
    counted = 0
    for k in range(si - 1, -1, -1):
        if window is not None and counted >= window:
            break
        out.append(k)
        counted += k not in pronoun_led
    return out


def _may_sell(supplier: str | None, it: ItemMention, kb: KnowledgeBase) -> bool:
    """Is a supplier unnamed, or the state that makes the system?"""
    return supplier is None or it.system_id is not None and kb.systems[it.system_id].origin == supplier


def _resolve_generic_anaphora(ms: list[Mention], state: DocState, kb: KnowledgeBase) -> None:
    """'Geran-2 … Shahed-136 … la Russie ait acheté environ 2 600 drones': a generic noun right after
    sentences naming exactly one system of its category means that system; 'this weapon system' means the one
    system of any kind (and nothing when there is none: the claims of unresolved ones are dropped later)."""
    for m in ms:
        it = m.item
        if not it.generic or it.calibre:
            continue
        if state.systems_by_sentence.get(m.sentence) and not it.refers and not it.pointed:
            continue
        cats = COMPATIBLE.get(it.category, {it.category})
        seen: dict[str, ItemMention] = {}
        # "… F-16 … las primeras entregas de estas aeronaves": a demonstrative points back past the window, to the
        # nearest sentence naming systems of the kind, this one first ("procuring Eurofighters … 20 of the jets")
        back = _sentences_back(m.sentence, state.pronoun_led, None if it.pointed else ANAPHORA_WINDOW)
        for s in [m.sentence, *back] if it.pointed else back:
            for sm in state.systems_by_sentence.get(s, []):
                if s == m.sentence and (sm.first >= it.first or not _may_sell(m.supplier, sm, kb)):
                    continue  # in its own sentence, only a system named before it, and by its maker's state
                if (it.refers or sm.category in cats) and sm.system_id:
                    seen[sm.system_id] = sm
            if seen and it.pointed:
                break
        roots = {kb.family_root(sid) for sid in seen}
        if len(roots) != 1 or not seen:
            continue
        # the most specific member named: a variant beats its family
        ids = sorted(seen, key=lambda sid: (any(kb.is_descendant(o, sid) and o != sid for o in seen), sid))
        target = seen[ids[0]]
        origin = kb.systems[target.system_id].origin if target.system_id else None
        if m.supplier is not None and origin is not None and m.supplier != origin and not it.pointed:
            continue  # "Biden promised advanced air defence systems" is not the German IRIS-T named before
        m.item = replace(it, item=target.item, category=target.category, system_id=target.system_id, refers=False,
                         surfaces=it.surfaces + target.surfaces)
        if m.supplier is None and (it.refers or not m.deal_partner) and origin in state.party_codes and \
                origin != m.recipient:
            # "Brazil builds the Astros II … Indonesia wants this weapon system", "L'avion s'est vendu au Qatar"
            m.supplier = origin
            m.inferred.add("supplier")


def _fold_variants(ms: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """'24 F-16 … 24 F-16A/B MLU' for one pair is one claim, under the variant's name (SCHEMA's designation); a family
    named beside several of its variants is those variants; a family member of another kind ('K9 howitzers and K10
    resupply vehicles') is an item of its own."""
    by_pair: dict[tuple[str | None, str | None], set[str]] = {}
    covered: set[int] = set()
    for m in ms:
        if m.item.system_id:
            by_pair.setdefault((m.supplier, m.recipient), set()).add(m.item.system_id)
    for m in ms:
        sid = m.item.system_id
        if not sid:
            continue
        kin = {o for o in by_pair.get((m.supplier, m.recipient), set())
               if _same_kind(kb.systems[o].category, kb.systems[sid].category)}
        lineage = {o for o in kin if o == sid or kb.is_descendant(o, sid) or kb.is_descendant(sid, o)}
        leaves = _leaves(lineage, kb)
        if len(leaves) == 1:
            # "Leopard 2A6 … the Leopard tanks": the one variant the text names for this pair (SCHEMA's designation);
            # a name the text coins for a variant ("M1110") stays its own
            leaf = kb.systems[next(iter(leaves))]
            if leaf.id != sid and m.item.item == kb.systems[sid].name:
                m.item = replace(m.item, item=leaf.name, system_id=leaf.id, category=leaf.category)
            continue
        if sid not in leaves and m.item.item == kb.systems[sid].name:
            covered.add(id(m))  # "Leopard 2A4 and 2A6 … the Leopard tanks": the family is the variants, each a claim
    return [m for m in ms if id(m) not in covered]


def _leaves(systems: set[str], kb: KnowledgeBase) -> set[str]:
    """Those of the systems no other of them descends from."""
    return {s for s in systems if not any(o != s and kb.is_descendant(o, s) for o in systems)}


# kinds that name one weapon from two sides: an air-defence system and the missile it fires ("IRIS-T", "IRIS-T SLM")
KINDRED = frozenset({frozenset({"air_defence", "missile"})})


def _same_kind(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in KINDRED


def _merge(ms: list[Mention], kb: KnowledgeBase) -> list[Claim]:
    groups: dict[tuple[str, str, str], list[Mention]] = {}
    for m in ms:
        # one claim per designation: 'K9 howitzers … the K9A1' name one system
        key = m.item.system_id or m.item.item
        groups.setdefault((m.supplier, m.recipient, key), []).append(m)  # type: ignore[arg-type]
    claims = []
    for (sup, rec, _), g in [(k, part) for k, whole in groups.items() for part in _by_variant(whole, kb)]:
        primary = max(g, key=lambda m: (STAGE_ORDER[m.stage], m.reported, -m.sentence))
        item = _most_specific_name(g, kb)
        quantity: Quantity | None = primary.item.quantity or next((m.item.quantity for m in g if m.item.quantity), None)
        # a date of an earlier stage ('pledged on 19 January') is not the date of the delivery the claim reports
        when = primary.when or next((m.when for m in g if m.when and m.stage == primary.stage), None)
        status = Status.REPORTED if primary.reported else Status.ASSERTED
        attributed = [a for m in g for a in m.attributed_to] if primary.reported else []
        inferred = set().union(*(m.inferred for m in g))
        reports = {m.group for m in g}
        if primary.reported:  # "Ils comprendraient …" is still The Guardian's report
            attributed += [a for m in ms if m.group in reports and m.reported for a in m.attributed_to]
        attributed = list(dict.fromkeys(attributed))
        route = next((m.route for m in ms if m.group in reports and m.route), None)
        carrier = next((m.carrier for m in ms if m.group in reports and m.carrier), None)
        claims.append(Claim(
            supplier=sup, recipient=rec, item=item, category=primary.item.category,
            item_mentions=[s for m in g for s in m.item.surfaces], quantity=quantity, stage=primary.stage,
            status=status, when=when, attributed_to=attributed,
            evidence_spans=sorted({m.span for m in g}), confidence=_confidence(primary, inferred),
            system_id=primary.item.system_id, sentences=sorted({m.sentence for m in g}), route=route,
            carrier=carrier,
        ))
    return claims


def _by_variant(g: list[Mention], kb: KnowledgeBase) -> list[list[Mention]]:
    """'15 Gripen E and two Gripen F': two variants of one KB entry the text names apart are two designations
    (SCHEMA: one claim per designation); the entry's own name and a joint form ('Gripen E/F') go with the first."""
    sid = g[0].item.system_id
    if sid is None:
        return [g]
    parts: dict[str, list[Mention]] = {}
    for m in sorted(g, key=lambda m: m.sentence):
        if m.item.item != kb.systems[sid].name and "/" not in m.item.item:
            parts.setdefault(compress(m.item.item), [])
    if len(parts) < 2:
        return [g]
    first = next(iter(parts))
    for m in g:
        key = compress(m.item.item)
        parts[key if key in parts else first].append(m)
    return list(parts.values())


def _most_specific_name(g: list[Mention], kb: KnowledgeBase) -> str:
    """The name of a claim's designation: the first variant the text names ('K9A1'), else the KB's name."""
    ordered = sorted(g, key=lambda m: m.sentence)
    sid = ordered[0].item.system_id
    variants = [m.item.item for m in ordered if sid and m.item.item != kb.systems[sid].name]
    return variants[0] if variants else ordered[0].item.item


def _confidence(m: Mention, inferred: set[str]) -> float:
    c = 0.55
    c += 0.15 if m.item.system_id else 0.0
    c += 0.05 if m.item.quantity else 0.0
    c -= 0.1 * len(inferred)
    return max(0.05, min(0.95, c))


def _drop_covered_generics(claims: list[Claim], kb: KnowledgeBase,
                           apart: dict[tuple[str | None, str | None, str], set[str]]) -> list[Claim]:
    """SCHEMA: never both 'drones' and 'Shahed-136' for the same pair; a bare 'bombs' next to
    '2,000-lb bombs' is the same shipment. A generic listed beside a designation of another kind
    ('AK-47, sniper rifles and grenade launchers') is no stand-in for it (`apart`)."""
    out = []
    for c in claims:
        if c.system_id is None and c.item == c.item.lower():  # SCHEMA: generic nouns are lower case, codes are not
            cats = BROAD_GENERICS.get(c.item) or COMPATIBLE.get(c.category, {c.category})
            same_pair = [o for o in claims if o is not c and o.supplier == c.supplier and o.recipient == c.recipient]
            calibred = c.item[:1].isdigit()  # "152 mm artillery shells", "2,000-lb bombs" name a type
            listed = apart.get((c.supplier, c.recipient, c.item), set())
            # "tweehonderd luchtdoelraketten … tweehonderd Stinger-luchtdoelraketten": a kindred designation counted
            # the same is the same shipment
            covering = [o for o in same_pair if o.system_id and o.system_id not in listed and (
                o.category in cats or _same_kind(o.category, c.category) and _same_count(o, c))]
            if not calibred and covering:
                _take_contract_stage(c, covering)
                continue
            if c.category == "technology" and any(o.stage == Stage.TECHNOLOGY_TRANSFER and o.category != "technology"
                                                  for o in same_pair):
                continue  # "les technologies russes … il s'agit d'hélicoptères": the list says which
            # "20 000 artillery shells … 20 000 155 mm artillery shells": the longer name says which
            if any(o.system_id is None and o.category == c.category and o.item.endswith(" " + c.item)
                   and (c.quantity is None or _same_count(o, c)) for o in same_pair):
                continue
        out.append(c)
    return out


def _same_count(a: Claim, b: Claim) -> bool:
    return a.quantity is not None and b.quantity is not None and a.quantity.value == b.quantity.value


CONTRACTED = (Stage.AGREED, Stage.ORDERED)
INTENDED = (Stage.OFFERED, Stage.NEGOTIATING, Stage.PLANNED)


def _take_contract_stage(generic: Claim, covering: list[Claim]) -> None:
    """'Poland signed a contract for 180 tanks … the first K2 are to be delivered this year': the generic the
    designation stands in for was ordered, so the designation was ordered (SCHEMA: the furthest stage the text
    asserts for the item). A delivery of the generic says nothing of the designation's: only an agreement or
    order carries over, and only onto an intention."""
    if generic.stage not in CONTRACTED:
        return
    for o in covering:
        if o.stage in INTENDED:
            o.stage = generic.stage


def _unconfirmed_sentences(ms: list[Mention], state: DocState) -> set[int]:
    """The sentences a 'not confirmed' remark covers: its own claims if it has any, else the report
    (a sentence and its continuations) just before it."""
    covered: set[int] = set()
    for u in state.unconfirmed:
        own = {m.sentence for m in ms if m.sentence == u}
        if own:
            covered |= own
            continue
        before = [m for m in ms if u - 3 <= m.sentence < u]
        if before:
            group = max(before, key=lambda m: m.sentence).group
            covered |= {m.sentence for m in ms if m.group == group}
    return covered


def _apply_doubt(claims: list[Claim], ms: list[Mention], state: DocState) -> None:
    unconfirmed = _unconfirmed_sentences(ms, state)
    for c in claims:
        sents = set(c.sentences)
        denials = [d for d in state.denials if _denies(d, c)]
        if denials:
            c.status = Status.DENIED
            first = state.sentences[min(d.sentence for d in denials)]
            c.denial = (tuple(sorted({d.party for d in denials})), (first.start, first.end))
        if c.status in (Status.REPORTED, Status.ASSERTED) and sents & unconfirmed:
            c.status = Status.UNCONFIRMED
        if STATUS_ORDER[c.status] >= STATUS_ORDER[Status.UNCONFIRMED]:
            c.confidence = max(0.05, c.confidence - 0.1)


POSSIBLE = {Stage.PLANNED, Stage.OFFERED, Stage.NEGOTIATING}


def _denies(d: Denial, c: Claim) -> bool:
    """Does a denial cover a claim? The denying party must be on the side of the transfer it denies ('Tehran denies
    supplying Moscow' says nothing of Russian jets for Iran); a denial naming items covers those items, a blanket one
    every transfer of the party, except a mere possibility reported sentences later ('Russia has repeatedly denied
    North Korean supplies' … 'North Korea may sell Russia missiles')."""
    side = {"supplier": c.supplier, "recipient": c.recipient}
    if d.party not in side.values() or d.role is not None and side[d.role] != d.party:
        return False
    if c.system_id and c.system_id in d.system_ids or c.category in d.categories:
        return True
    if not d.blanket:
        near = any(abs(s - d.sentence) <= 1 for s in c.sentences)
        return near and not d.system_ids and not d.categories
    return any(abs(s - d.sentence) <= 1 for s in c.sentences) or c.stage not in POSSIBLE
