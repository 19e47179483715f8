"""Hedging, attribution, denial and 'not confirmed' cues of a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from armstrack.extract.frames import build_frames, find_triggers
from armstrack.extract.mentions import ItemMention, PartyMention
from armstrack.lang.base import QUOTE_MARKS, Token, fold
from armstrack.lang.lexicon import Lexicon

# punctuation that ends a speaker's noun phrase, in any language (the words that do are in the lexicon)
STOP = {",", ".", ";", ":", "!", "?", "\"", "«", "»", "“", "”", "(", ")", "—", "–", "-"}
UD_VERBS = ("VERB", "AUX")  # Universal Dependencies part-of-speech tags the front-ends set

@dataclass(frozen=True)
class Factuality:
    reported: bool
    attributed_to: tuple[str, ...]
    unnamed: bool = False  # a speaker named before speaks ("He added that …", "По его словам, …")


@dataclass(frozen=True)
class Denial:
    sentence: int
    party: str
    system_ids: frozenset[str]
    blanket: bool  # "Tehran denies supplying weapons" covers every claim of that party
    categories: frozenset[str] = frozenset()  # generic items it names: "denies supplying ballistic missiles"
    role: str | None = None  # "supplier" or "recipient": the side of the transfer the party denies being on


QUOTES_OPEN = {"«": "»", "“": "”", "„": "“", "\"": "\""}

SPEECH_ENDS = {",", "–", "—"}  # what ends quoted speech before its report verb ("…, said", "… – powiedział")


def _straight_quote_opens(tokens: list[Token], j: int) -> bool:
    """A '"' opens a quotation when an even number of them comes before it in the sentence."""
    return sum(1 for t in tokens[:j] if t.text == '"') % 2 == 0


def _quote_end(tokens: list[Token], j: int, reach: int = 6) -> int | None:
    """The index of the quote closing the one opening at j ('концерна "Ростех"'), if it comes soon."""
    close = QUOTES_OPEN.get(tokens[j].text)
    if close is None or tokens[j].text == '"' and not _straight_quote_opens(tokens, j):
        return None
    return next((e for e in range(j + 2, min(len(tokens), j + 2 + reach)) if tokens[e].text == close), None)


def _quote_start(tokens: list[Token], j: int, reach: int = 6) -> int | None:
    """The index of the quote opening the one closing at j ('Ізраїльський "12 канал"'), if it comes soon."""
    opens = [o for o, c in QUOTES_OPEN.items() if c == tokens[j].text]
    if not opens or tokens[j].text == '"' and _straight_quote_opens(tokens, j):
        return None
    return next((s for s in range(j - 2, max(-1, j - 2 - reach), -1) if tokens[s].text in opens), None)


def _stop(t: Token, lex: Lexicon) -> bool:
    return t.text in STOP or t.fold in lex.speech_openers


def _relative(t: Token, lex: Lexicon) -> bool:
    return t.fold in lex.relatives or t.lemma in lex.relatives


def _trim(span: list[Token], lex: Lexicon) -> list[Token]:
    """Drop a leading preposition: 'сообщили в пресс-службе' → 'пресс-службе', 'citando a fuentes' → 'fuentes'."""
    while len(span) > 1 and lex.attribution_prepositions.match_at(span, 0):
        span = span[1:]
    return span


def _cited(span: list[Token], text: str) -> str:
    """The span's text with each inflected personal name in its nominative ('по словам Джона Кирби': 'Джона Кирби'
    is 'Джон Кирби'): a source is named as it names itself."""
    out, at = [], span[0].start
    for t in span:
        if t.citation:
            out += [text[at:t.start], t.citation]
            at = t.end
    out.append(text[at:span[-1].end])
    return "".join(out)


def _as_written(span: list[Token], text: str) -> str:
    """The span's text; quotes around the whole span go, a quoted name inside it stays ('концерна "Ростех"')."""
    s = _cited(span, text)
    if len(span) > 2 and QUOTES_OPEN.get(span[0].text) == span[-1].text:
        return s[len(span[0].text):-len(span[-1].text)].strip()
    if sum(1 for t in span if t.text in QUOTE_MARKS) % 2:
        return s.strip(QUOTE_MARKS + " ")
    return s


def _conjunction(t: Token, lex: Lexicon) -> bool:
    """A clause opener that no relative is: 'but', 'although', 'mais', 'pero'."""
    return t.fold in lex.clause_openers and not _relative(t, lex) and t.fold not in lex.noun_relatives


def _initial_stop(tokens: list[Token], j: int) -> bool:
    """The full stop of an initial inside a name: before a capitalised word ('J. Smith') or closing a chain of
    initials ('U.S. officials', 'funcionarios de EE. UU.')."""
    prev = tokens[j - 1].text if j > 0 else ""
    nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
    chained = j >= 2 and tokens[j - 2].text == "."  # the last stop of 'U.S.', 'EE. UU.'
    return tokens[j].text == "." and 0 < len(prev) <= 2 and prev.isupper() and prev.isalpha() and \
        (nxt[:1].isupper() or chained)


def _np_before(tokens: list[Token], k: int, text: str, lex: Lexicon, limit: int = 8) -> str | None:
    j = k - 1
    while j >= 0 and tokens[j].fold in lex.auxiliaries:
        j -= 1
    end = j
    skipped = 0  # tokens of a bracketed abbreviation, which count against no limit
    while j >= 0 and end - j - skipped < limit:
        if j >= 3 and tokens[j].text == ")" and _abbreviation_in_brackets(tokens[:j + 2], j - 2):
            j -= 3  # 'the Defense Security Cooperation Agency (DSCA) announced'
            skipped += 3
            continue
        if tokens[j].text in ('"', "»", "”", "“"):
            s = _quote_start(tokens, j)
            if s is None:
                break
            j = s - 1  # a quoted name: 'Ізраїльський "12 канал" повідомив'
            continue
        if _stop(tokens[j], lex) and not _initial_stop(tokens, j):
            break
        if lex.denials.match_at(tokens, j):
            return None  # "Russia denied reports that …": what a denial rejects has no reporter before it
        if j < end and _conjunction(tokens[j], lex):
            break  # "…, but Ukraine said": the clause, and the speaker, start after it
        j -= 1
    if lex.continuation.match_at(tokens, j + 1):
        return None  # "Entre el contenido destacan diez obuses": what a list is among, nobody's words
    span = [t for t in tokens[j + 1:end + 1]]
    # "Teraz mówimy …" (now we say): a pronoun, an auxiliary or a time adverb opening the phrase names nobody
    while span and (span[0].fold in lex.pronouns or span[0].fold in lex.auxiliaries
                    or span[0].fold in lex.time_adverbs):
        span = span[1:]
    span = _trim(span, lex)
    if not span or all(t.fold in lex.pronouns or t.fold in lex.auxiliaries or t.pos in UD_VERBS or
                       not t.text[:1].isalnum() for t in span):
        return None  # "ми можемо" (we can): a verb with no noun names nobody
    return _as_written(span, text)


def _inflected_trigger(t: Token, tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """An inflected form opening a transfer trigger ('levert', 'liefert'): a verb where no tagger says so."""
    return t.lemma != t.fold and t.text[:1].islower() and lex.triggers.match_at(tokens, j) is not None


def np_after(tokens: list[Token], k: int, text: str, lex: Lexicon, limit: int = 8) -> str | None:
    k = _past_day_and_addressee(tokens, k, lex)
    j = start = k
    skipped = 0  # tokens of a bracketed abbreviation inside the phrase, which count against no limit
    while j < len(tokens) and j - start - skipped < limit:
        if tokens[j].text == '"':
            e = _quote_end(tokens, j)
            if e is None:
                break
            j = e + 1  # a quoted name: 'в пресс-службе "Рособоронэкспорта"'
            continue
        if j > start and tokens[j].text == "(" and _abbreviation_in_brackets(tokens, j):
            skipped += 3
            j += 3  # 'директор ФСВТС (…) России Дмитрий Шугаев': the phrase goes on past its abbreviation
            continue
        if _stop(tokens[j], lex) and tokens[j].text not in "«»“”" and not _initial_stop(tokens, j):
            break
        if j > start and (tokens[j].pos in UD_VERBS or tokens[j].fold in lex.finite_auxiliaries
                          or _inflected_trigger(tokens[j], tokens, j, lex) or lex.report_verbs.match_at(tokens, j)):
            break  # "Laut Reuters hat Iran …", "Volgens ingewijden levert Nederland …": the phrase ends at the verb
        if j > start and j + 1 < len(tokens) and lex.statements.match_at(tokens, j + 1):
            break  # "a annoncé l'industriel dans un communiqué", "said the ministry in a statement"
        if j > start and _addressee_after_name(tokens, j, lex):
            break
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        dated = nxt is not None and (nxt.is_number or nxt.fold in lex.weekdays)
        if j > start + 1 and (tokens[j].fold in lex.time_prepositions or tokens[j].fold in lex.date_articles and dated):
            break  # "said on Tuesday", "a rapporté le 12 février"
        j += 1
    if j - start - skipped >= limit:
        j = _past_long_title(tokens, j, lex)
    if j == start:
        return None
    span = tokens[start:j]
    if len(span) == 1 and span[0].fold in lex.pronouns:
        return None
    if any(_relative(t, lex) for t in span[:2]):
        return None  # "згідно з якою …", "según la cual …", "which": a relative clause, nobody's words
    span = _trim(span, lex)
    if _names_a_deal(span, lex):
        return None  # "згідно з угодою", "according to the contract": the terms of a deal, not a source
    return _as_written(span, text)


HEADLINE_SOURCE = 4  # words of a source's name heading a claim ('WSJ: …', '… — Reuters')


def _headline_source(tokens: list[Token], text: str, lex: Lexicon) -> str | None:
    """'WSJ: Иран передал России ракеты', 'СМИ: …', 'Іран передав Росії ракети — Reuters': a headline's source, a
    name or a source noun set off by a colon before the claim or a dash after it. A headline ends without a full stop
    ('WASHINGTON: The United States halted …, an official said.' opens an article on its dateline)."""
    if not tokens or tokens[-1].text in ".!?":
        return None
    head = next((k for k in range(1, HEADLINE_SOURCE + 1) if k < len(tokens) - 1 and tokens[k].text == ":"), None)
    start = head + 1 if head is not None else 0
    while head is not None and start < len(tokens) - 1 and lex.is_article(tokens[start]):
        start += 1  # "Médias : l'Iran a livré …", "Media: l'Iran ha consegnato …"
    if head is not None and tokens[start].text[:1].isupper() and _source_name(tokens[:head], lex):
        return _as_written(tokens[:head], text)
    end = len(tokens)
    dash = next((k for k in range(end - 1, max(0, end - HEADLINE_SOURCE - 1), -1) if _dash(tokens, k)), None)
    if dash is not None and dash > 2 and _source_name(tokens[dash + 1:end], lex):
        return _as_written(tokens[dash + 1:end], text)
    return None


def _dash(tokens: list[Token], k: int) -> bool:
    """A dash, or a hyphen written for one: spaced on both sides or after a comma ('…, - Байден', '… - Reuters')."""
    t = tokens[k]
    if t.text in SPEECH_DASHES:
        return True
    return t.text == "-" and 0 < k < len(tokens) - 1 and tokens[k + 1].start > t.end and \
        (tokens[k - 1].text == "," or tokens[k - 1].end < t.start)


def _source_name(span: list[Token], lex: Lexicon) -> bool:
    """Capitalised words or an acronym, or a source noun ('СМИ', 'ЗМІ', 'media'); one capitalised common noun is
    a heading ('Итог: …', 'Update: …')."""
    if len(span) == 1 and lex.source_nouns.match_at(span, 0) is not None:
        return True
    if len(span) == 1 and not span[0].text.isupper() and (span[0].pos == "NOUN" or not span[0].pos):
        return False  # one word the front-end does not know for a name
    return bool(span) and all(_name_word(t) or t.text.isupper() and t.text.isalnum() for t in span)


def _closing_credit(tokens: list[Token], text: str, lex: Lexicon) -> str | None:
    """'…, передает ТАСС.', '…, передає Укрінформ.': a sentence closing on a comma, a verb and a source's name credits
    that source, whatever the verb (in Russian and Ukrainian the wire's verb is also a delivery verb)."""
    end = len(tokens) - (bool(tokens) and tokens[-1].text in ".!?")
    for k in range(max(1, end - HEADLINE_SOURCE - 1), end - 1):
        if tokens[k - 1].text == "," and tokens[k].pos in UD_VERBS and tokens[k].text[:1].islower():
            name = tokens[k + 1:end]
            if name and tokens[k + 1].text in QUOTES_OPEN and _quote_end(tokens, k + 1) == end - 1:
                return _as_written(name, text)  # '…, передает «Интерфакс».'
            named = all(_name_word(t) or t.text.isupper() and t.text.isalnum() for t in name)
            return _as_written(name, text) if named or _source_name(name, lex) else None
    return None


def _opens_speech(tokens: list[Token], b: int, lex: Lexicon) -> bool:
    """Does reported speech open right after the report verb ending at b ('…, że', '…, что', '… that')?"""
    k = b + (b < len(tokens) and tokens[b].text == ",")
    return k < len(tokens) and tokens[k].fold in lex.speech_openers


def _statement_authors(tokens: list[Token], text: str, lex: Lexicon) -> list[str]:
    """'В заявлении Минобороны говорится …', 'У заяві Міноборони йдеться …', 'W oświadczeniu ministerstwa …': where a
    front-end gives case, the genitive right after a statement noun names who made the statement."""
    out = []
    for _a, b, _ in lex.statements.find_all(tokens):
        if b < len(tokens) and tokens[b].case == "gen":
            np = np_after(tokens, b, text, lex)
            if np and _contentful(np, lex):
                out.append(np)
    return out


def _abbreviation_in_brackets(tokens: list[Token], j: int) -> bool:
    """'(ФСВТС)', '(FSVTS)' at j, a word going on after it."""
    return j + 3 < len(tokens) and tokens[j + 2].text == ")" and tokens[j + 1].text.isupper() and \
        tokens[j + 3].text[:1].isalpha()


def _name_word(t: Token) -> bool:
    return t.text[:1].isupper() and t.text.replace("-", "").isalpha()


TITLE_REACH = 8  # tokens a speaker's title may run past the phrase limit before the speaker's name


def _past_long_title(tokens: list[Token], j: int, lex: Lexicon) -> int:
    """'сообщил заместитель министра иностранных дел … по вопросам разоружения Сергей Рябков': a phrase cut at its limit
    inside a long title runs on to the speaker's name (two capitalised words, neither oblique) when the phrase ends
    with it; otherwise it stays cut."""
    e = j
    while e < len(tokens) and e - j < TITLE_REACH and not _stop(tokens[e], lex) and tokens[e].pos not in UD_VERBS:
        if tokens[e].text == "(" and _abbreviation_in_brackets(tokens, e):
            e += 3
            continue
        e += 1
    ends = e == len(tokens) or _stop(tokens[e], lex)
    named = e > j and e - 3 >= 0 and _name_word(tokens[e - 1]) and _name_word(tokens[e - 2]) and \
        tokens[e - 3].pos != "ADP"  # 'в Южную Корею': a place
    return e if ends and named else j


ADDRESSEE_REACH = 5  # tokens of an addressee ("a la agencia AFP") before the speaker's phrase


def _past_day_and_addressee(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Where the speaker's phrase after a report verb starts: past the day ('a annoncé mardi', 'dijo el lunes') and
    an addressee that another phrase follows ('dijo a la AFP un portavoz', 'a déclaré à l'AFP un porte-parole')."""
    while k < len(tokens):
        t = tokens[k]
        if t.fold in lex.weekdays or t.fold in lex.time_adverbs:
            k += 1
        elif lex.is_article(t) and k + 1 < len(tokens) and tokens[k + 1].fold in lex.weekdays:
            k += 2
        else:
            break
    k = _past_oblique_phrase(tokens, k, lex)
    to = lex.markers.get("to")
    m = to.match_at(tokens, k) if to is not None and k < len(tokens) else None
    if m:
        j = k + m[0]
        while j < len(tokens) and lex.is_article(tokens[j]):
            j += 1
        named = j
        while j < len(tokens) and j - k <= ADDRESSEE_REACH and tokens[j].text[:1].isupper():
            j += 1
        if named < j < len(tokens) and (lex.is_article(tokens[j]) or _counted(tokens[j], lex)):
            return j  # 'ont indiqué à Reuters deux sources': the count opens the speaker's phrase, like an article
    return k


def _counted(t: Token, lex: Lexicon) -> bool:
    return t.is_number or t.fold in lex.numbers


def _addressee_after_name(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """'a déclaré Sébastien Lecornu au Parisien', 'said Lavrov to Reuters': a name, then who it was said to."""
    to = lex.markers.get("to")
    m = to.match_at(tokens, j) if to is not None else None
    if not m or not tokens[j - 1].text[:1].isupper():
        return False
    n = j + m[0]
    while n < len(tokens) and lex.is_article(tokens[n]):
        n += 1
    return n < len(tokens) and tokens[n].text[:1].isupper()


OBLIQUE_REACH = 8  # tokens of a phrase saying where or to whom words were said, before the speaker


def _past_oblique_phrase(tokens: list[Token], k: int, lex: Lexicon) -> int:
    """Where a front-end gives case, the speaker after a report verb is its first nominative: an oblique phrase before
    it says where or to whom the words were said ('заявил в интервью Reuters министр …', 'сообщил журналистам
    Рубен …', 'powiedział w rozmowie z PAP wiceminister …'). Without a nominative the phrase stays."""
    j = k
    m = lex.attribution_prepositions.match_at(tokens, j) if j < len(tokens) else None
    j += m[0] if m else 0
    if j >= len(tokens) or not tokens[j].case or tokens[j].case == "nom" or not tokens[j].text[:1].islower() or \
            tokens[j].pos in UD_VERBS or _relative(tokens[j], lex):
        return k  # "згідно з якою …": a relative clause, no place of speaking
    j += 1
    while j < len(tokens) and j - k <= OBLIQUE_REACH:
        t = tokens[j]
        if t.text in QUOTES_OPEN:
            e = _quote_end(tokens, j)
            if e is None:
                return k
            j = e + 1  # a quoted name of where it was said: 'в интервью газете «Известия»'
            continue
        if _stop(t, lex) or t.pos in UD_VERBS:
            return k
        if t.case == "nom" and t.text[:1].isalpha():
            return j
        j += 1
    return k


def _names_a_deal(span: list[Token], lex: Lexicon) -> bool:
    k = 0
    while k < len(span) - 1 and lex.is_article(span[k]):
        k += 1
    m = lex.triggers.match_at(span, k)
    return bool(m and m[1].role == "deal") or bool(lex.stage_cues.match_at(span, k))


def attribution(tokens: list[Token], text: str, lex: Lexicon) -> tuple[list[str], bool]:
    """Who the sentence says makes its claims, as written ('The Guardian', 'les médias ukrainiens'); and whether
    someone the sentence does not name speaks ('he told reporters', 'Il a ajouté que', '…, ha aggiunto')."""
    out: list[str] = [name for name in (_headline_source(tokens, text, lex),) if name]
    out += _statement_authors(tokens, text, lex)
    out += [name for name in (_closing_credit(tokens, text, lex),) if name]
    unnamed = False
    according = lex.unblocked(lex.according_to, tokens)
    for _a, b, _ in according:
        np = np_after(tokens, b, text, lex)
        if np:
            out.append(np)
        elif b < len(tokens) and tokens[b].text in SPEECH_ENDS:
            unnamed = True  # "По его словам, …", "За її словами, …": someone named before speaks
    spans = find_triggers(tokens, lex)
    triggers = sorted(a for a, _b, _t in spans)
    inside = {k for a, b, _t in spans if b - a > 1 for k in range(a, b)}  # "beschikbaar gesteld": no 'stellen' report
    # an accuser is a source too: "The United States accused North Korea of shipping shells"
    accused = {a for a, _b, _ in lex.accusations.find_all(tokens)}
    for a, b, _ in sorted(lex.report_verbs.find_all(tokens) + lex.accusations.find_all(tokens)):
        if a in inside or _name_part(tokens, a, lex):
            continue
        if a in accused and not any(k >= b for k in triggers) and not (a > 0 and tokens[a - 1].text in SPEECH_ENDS):
            continue  # "Qatar, a country accused of backing extremists": what it is accused of is no transfer
        if any(0 < a - k <= 2 for k in accused):
            continue  # "accusé de soutenir …": the verb of the accusation, not a report
        nxt = next((k for k in triggers if b <= k <= b + 8), None)
        if nxt is not None and _announces(tokens, a, lex) and \
                not any(t.text[:1].isupper() or _stop(t, lex) or t.fold in lex.speech_openers
                        or t.fold in lex.pronouns or t.fold in lex.possessives for t in tokens[b:nxt]):
            # "Washington announced a new aid package": the announcement is the event itself; a report or a
            # confirmation of one ("the ministry reported the arrival of …", "confirmed the shipment of …") has a
            # source, its speaker
            continue
        if _blocked_report(tokens, a, lex):
            continue  # "refused to say", "s'ajoute": another verb
        if _negated_report(tokens, a, lex):
            continue  # "официально не подтвердили", "has not confirmed": nobody makes the claim
        if b < len(tokens) and tokens[b].fold in lex.agent_prepositions:  # "reported by X"
            np = np_after(tokens, b + 1, text, lex)
            if np and not _self_reference(np, lex):
                out.append(np)
            continue
        if _agentless_passive(tokens, a, lex):
            # "the first jets are expected in 2030": nobody reports, the verb describes the jets; "Russia is accused
            # of supplying …": somebody unnamed accuses
            unnamed = unnamed or a in accused
            continue
        if _back_reference_before(tokens, a, lex):
            np = np_after(tokens, b, text, lex)  # "Об этом сообщили в пресс-службе …": the speaker follows
            if np and _contentful(np, lex):
                out.append(np)
            continue
        k = a - 1
        while k >= 0 and tokens[k].fold in lex.auxiliaries:
            k -= 1
        if k >= 0 and tokens[k].fold in lex.speech_openers and (k == 0 or tokens[k - 1].text in SPEECH_ENDS):
            # "Как отметил министр, …", "Jak zaznaczył minister, …": a clause opened by 'as' names its speaker after
            # the verb, or no one ("Як зазначили, …")
            np = np_after(tokens, b, text, lex)
            if np is not None and _contentful(np, lex):
                out.append(np)
            else:
                unnamed = unnamed or _unnamed_speaker_after(tokens, b, lex)
            continue
        cite = _citing_before(tokens, a, lex)
        if k >= 0 and tokens[k].text in SPEECH_ENDS:  # "…, заявил представитель Пентагона", "… – powiedział"
            np = np_after(tokens, b, text, lex)
            if np is not None and b < len(tokens) and lex.occasions.match_at(tokens, b):
                # "Josep Borrell, said during a visit to Niamey": the speaker is the apposition before the comma
                np = _np_before(tokens, k, text, lex)
            aside = _citing_before(tokens, k, lex)
            if np is None and aside is not None and tokens[aside - 1].text == ",":
                np = _np_before(tokens, aside - 1, text, lex)  # "Le Monde, citant des responsables …, affirme"
            if np is None or not _contentful(np, lex):
                unnamed = unnamed or _unnamed_speaker_after(tokens, b, lex)
                continue
        else:
            if k >= 0 and tokens[k].fold in lex.pronouns and tokens[k].fold not in lex.articles:
                unnamed = True  # "He added that …", "Він додав, що …": someone named before speaks
                continue
            if k < 0 and _opens_speech(tokens, b, lex):
                unnamed = True  # "Dodał, że …", "Добавил, что …": a subjectless report, its speaker named before
                continue
            # "Видання X із посиланням на розвідку повідомило": X speaks; the intelligence is its source
            aux = _finite_before(tokens, a, lex)
            if aux != a and aux > 0 and tokens[aux - 1].text in SPEECH_ENDS:
                np = np_after(tokens[:a], aux + 1, text, lex)  # "…, hat die Regierung bestätigt": inverted
            else:
                np = _np_before(tokens, aux if cite is None else cite, text, lex)
                if np is not None and any(" ".join(t.text for t in tokens[s:e]).lower().startswith(np.lower())
                                          for s, e, _ in according):
                    continue  # "Según informó el diario …", "zo meldt de NOS": no speaker before, the source after
        if np is None or np.lower() in lex.self_references:
            np2 = np_after(tokens, b, text, lex)
            if np2 and (tokens[b].text[:1].isupper() or tokens[b].fold in lex.articles):
                np = np2
            else:
                continue
        if _self_reference(np, lex):
            continue
        out.append(np)
    return list(dict.fromkeys(x for x in out if x and _contentful(x, lex))), unnamed


def _name_part(tokens: list[Token], a: int, lex: Lexicon) -> bool:
    """'the Secretary of State said', 'the U.S. State Department said': a report verb written with a capital inside
    a sentence, after 'of' or before another capitalised word, is a word of a name, not a verb."""
    t = tokens[a]
    if a == 0 or not t.text[:1].isupper() or tokens[a - 1].text in QUOTE_MARKS + ":" or _title_case(tokens):
        return False
    return tokens[a - 1].fold in lex.of_prepositions or a + 1 < len(tokens) and tokens[a + 1].text[:1].isupper()


def _title_case(tokens: list[Token]) -> bool:
    """'Peru Confirms Purchase of 24 Fighter Jets': a headline capitalising its words, verbs among them."""
    words = [t for t in tokens if t.text[:1].isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.7 * len(words)


SPEECH_DASHES = {"–", "—"}  # a paragraph opening on a dash is direct speech (Polish, Russian, Spanish …)
QUOTE_REACH = 6  # sentences one quotation may run over


@dataclass(frozen=True)
class Quotation:
    """Direct speech running over several sentences: the sentences it opens and closes in, and the offsets of its
    opening mark and of the end of its closing one (a speaker may stand before the one or after the other)."""

    first: int
    last: int
    open_at: int
    close_at: int


def quotations(sentences: list[tuple[str, int, int]]) -> list[Quotation]:
    """Quotations that run over more than one sentence, from (text, start, paragraph) of each sentence. A
    quotation never crosses a paragraph, and one left open at a paragraph's end is no quotation."""
    out: list[Quotation] = []
    opened: tuple[int, int, str] | None = None  # sentence, offset, the closing mark awaited
    for si, (sent, start, para) in enumerate(sentences):
        if opened is not None and (para != sentences[opened[0]][2] or si - opened[0] > QUOTE_REACH):
            opened = None
        lead = len(sent) - len(sent.lstrip())
        for k, ch in enumerate(sent):
            if opened is not None and ch == opened[2] and (ch not in SPEECH_DASHES or _dash_closes(sent, k)):
                if si > opened[0]:
                    out.append(Quotation(opened[0], si, opened[1], start + k + 1))
                opened = None
            elif opened is None and ch in QUOTES_OPEN and (ch != '"' or k + 1 < len(sent) and sent[k + 1] != " "):
                opened = (si, start + k, QUOTES_OPEN[ch])
            elif opened is None and ch in SPEECH_DASHES and k == lead:
                opened = (si, start + k, ch)
    return out


def _dash_closes(sent: str, k: int) -> bool:
    """'… podjęta – powiedział Zalewski': a dash with a space either side that a lower-case word follows."""
    after = sent[k + 1:].lstrip()
    return k > 0 and sent[k - 1] == " " and after[:1].islower()


def speaker_around(tokens: list[Token], text: str, lex: Lexicon) -> tuple[list[str], bool]:
    """Who speaks in the words just outside a quotation ('he told Tasnim', 'a déclaré le ministre', 'Il a
    dit :'): the names, and whether someone unnamed speaks. Words that name no report verb name no speaker."""
    if not tokens or not lex.report_verbs.find_all(tokens):
        return [], False
    return attribution(tokens, text, lex)


def _unnamed_speaker_after(tokens: list[Token], b: int, lex: Lexicon) -> bool:
    """After '…, <report verb>': a pronoun ('he told reporters', 'sagte er') or nothing at all ('…, ha aggiunto.')."""
    k = b
    while k < len(tokens) and tokens[k].fold in lex.auxiliaries:
        k += 1
    return k >= len(tokens) or not tokens[k].text[:1].isalnum() or tokens[k].fold in lex.pronouns


def _blocked_report(tokens: list[Token], a: int, lex: Lexicon) -> bool:
    """A word right before a report verb that makes it another verb: 'refused to say', 's'ajoute', 'si dice'."""
    k = a - 1
    if k > 0 and tokens[k].fold in ("'", "’"):
        k -= 1  # an elided clitic: "s'ajoute", "l'a dit"
    return k >= 0 and tokens[k].fold in lex.report_blockers


def _agentless_passive(tokens: list[Token], a: int, lex: Lexicon) -> bool:
    """A report verb in a passive with no agent ('are expected in 2030', 'fue anunciado el lunes'): its subject is what
    is reported on, not a speaker (an agent, 'confirmed by the ministry', is read before this). Verb-final languages put
    the participle far from its auxiliary, and are left alone."""
    return not lex.verb_final and _copula_before(tokens, a, lex, most=1)  # "is also expected"


def _announces(tokens: list[Token], a: int, lex: Lexicon) -> bool:
    m = lex.stage_cues.match_at(tokens, a)
    return m is not None and m[1] == "announced"


FINITE_REACH = 12  # tokens from a clause-final participle back to its finite auxiliary


def _finite_before(tokens: list[Token], a: int, lex: Lexicon) -> int:
    """Where the subject of a report verb ends: right before the verb, or in a verb-final clause before its finite
    auxiliary ('Das Ministerium hat die Lieferung … bestätigt': the ministry, not the delivery)."""
    if not lex.verb_final:
        return a
    for k in range(a - 1, max(-1, a - FINITE_REACH), -1):
        if tokens[k].text in SPEECH_ENDS:
            return a
        if tokens[k].fold in lex.finite_auxiliaries:
            return k
    return a


def _self_reference(np: str, lex: Lexicon) -> bool:
    """'this newspaper', 'notre journal': the publisher, not a source."""
    low = np.lower()
    return any(w in low for w in lex.self_references)


def _negated_report(tokens: list[Token], a: int, lex: Lexicon) -> bool:
    return any(lex.negations.match_at(tokens, k) for k in range(max(0, a - 3), a))


def _citing_before(tokens: list[Token], a: int, lex: Lexicon) -> int | None:
    """Where a citing phrase ('со ссылкой на', 'citing', 'unter Berufung auf') starts in the few tokens before
    token a (a report verb, or the comma closing an aside), its cited name running up to a."""
    for s in range(max(1, a - 10), a - 1):
        for idx in (lex.citing, lex.according_to):
            m = idx.match_at(tokens, s)
            if m and s + m[0] < a and not any(_stop(t, lex) for t in tokens[s + m[0]:a]):
                return s
    return None


def _back_reference_before(tokens: list[Token], a: int, lex: Lexicon) -> bool:
    """'Об этом сообщили …', 'Про це повідомив …': the words before the verb point back, the speaker follows."""
    for s in range(max(0, a - 3), a):
        m = lex.back_reference.match_at(tokens, s)
        if m and s + m[0] == a:
            return True
    return False


def _contentful(np: str, lex: Lexicon) -> bool:
    words = [fold(w) for w in re.findall(r"[^\W\d_]{2,}", np)]  # "a-t-il" is a pronoun, "пресс-службе" a noun
    return any(w not in lex.pronouns and w not in lex.auxiliaries and w not in lex.articles
               and w not in lex.of_prepositions for w in words)


def factuality(tokens: list[Token], text: str, lex: Lexicon, trigger_first: int | None) -> Factuality:
    names, unnamed = attribution(tokens, text, lex)
    # "according to the contract", "згідно з якою": the phrase quotes no one, so it hedges nothing
    void = {a for a, b, _ in lex.unblocked(lex.according_to, tokens) if _names_a_deal(tokens[b:b + 2], lex)
            or any(_relative(t, lex) for t in tokens[b:b + 2])}
    hedge = any(a not in void for a, _b, _ in lex.unblocked(lex.hedges, tokens))
    cond = False
    if trigger_first is not None:
        lo = max(0, trigger_first - 3)
        cond = any(t.conditional for t in tokens[lo:trigger_first + 2])
    else:
        cond = any(t.conditional for t in tokens)
    sentence = text[tokens[0].start:tokens[-1].end].lower() if tokens else ""
    self_ref = any(s in sentence for s in lex.self_references)
    # "не подтвердили", "non è stata confermata": the claim is somebody's report, though nobody is named
    doubted = any(_negated_report(tokens, a, lex) for a, _b, _ in lex.report_verbs.find_all(tokens))
    reported = bool(names) or unnamed or (hedge and not self_ref) or cond or doubted
    # "Il a été signalé que …", "It was reported that …": a passive report has no speaker to look back for
    passive = any(_passive_report(tokens, a, lex) for a, _b, _ in lex.report_verbs.find_all(tokens))
    return Factuality(reported, tuple(names), unnamed and not passive)


def _passive_report(tokens: list[Token], a: int, lex: Lexicon) -> bool:
    """'was also reported', 'a également été signalé': a copula before the report verb, past adverbs between."""
    return _copula_before(tokens, a, lex)


def _copula_before(tokens: list[Token], a: int, lex: Lexicon, most: int | None = None) -> bool:
    """A copula before token a, past auxiliaries and adverbs that are none (at most `most` of them)."""
    k, skipped = a - 1, 0
    while k >= 0 and (most is None or skipped < most) and tokens[k].fold in lex.auxiliaries and \
            tokens[k].text.lower() not in lex.copulas:
        k, skipped = k - 1, skipped + 1
    return k >= 0 and tokens[k].text.lower() in lex.copulas


def is_unconfirmed(tokens: list[Token], lex: Lexicon) -> bool:
    """'n'a pas encore été confirmé', 'Neither the US nor Ukraine have officially confirmed the reports'."""
    if lex.unconfirmed.find_all(tokens):
        return True
    for a, _b, _ in lex.confirm_verbs.find_all(tokens):
        if any(lex.negations.match_at(tokens, k) for k in range(max(0, a - 8), a)):
            return True
    return False


def find_denial(tokens: list[Token], lex: Lexicon, parties: list[PartyMention], items: list[ItemMention],
                sentence: int) -> Denial | None:
    """A party denying: 'Iran denies …', 'La Corée du Nord a nié …', 'Mais l'Iran réfute', '…, ce que dément
    Pékin'."""
    cues = [a for a, _b, _w in lex.denials.find_all(tokens) if not _negated_denial(tokens, a, lex)]
    if cues:
        # "ordered Apaches after rejecting the T129": the alternative turned down is no denial
        turned_down = {k for a, b, _w in lex.replacement.find_all(tokens) for k in range(a, b)}
        cues = [a for a in cues if a not in turned_down]
    if not cues:
        return None
    cue = cues[0]
    speaker = _inverted_speaker(tokens, cue, lex, parties)
    if speaker is None:
        before = [p for p in parties if p.last < cue and cue - p.last <= 6 and not p.source_like]
        if not before:
            return None
        speaker = before[-1]
    named = [i for i in items if not i.umbrella]
    # A blanket denial names a transfer of arms in general ("nie avoir fourni des armes") or nothing at all ("Mais
    # l'Iran réfute."); one naming items ("denies supplying ballistic missiles") only covers those items.
    blanket = not named and (bool(find_triggers(tokens, lex)) or any(i.umbrella for i in items)
                             or len(tokens) - cue <= 3)
    systems = frozenset(i.system_id for i in named if i.system_id)
    categories = frozenset(i.category for i in named if not i.system_id)
    return Denial(sentence, speaker.code, systems, blanket, categories, _denied_role(tokens, lex, parties, items,
                                                                                     speaker.code))


NEGATION_REACH = 3  # words from a negation to the denial it negates ("has not yet denied")


def _negated_denial(tokens: list[Token], cue: int, lex: Lexicon) -> bool:
    """'has neither confirmed nor denied', 'n'a ni confirmé ni démenti', 'did not deny': no denial (the claim is left
    unconfirmed, which the negated confirmation says)."""
    for k in range(cue - 1, max(-1, cue - 1 - NEGATION_REACH), -1):
        if not tokens[k].text[:1].isalnum():
            return False
        if lex.negations.match_at(tokens, k):
            return True
    return False


def _inverted_speaker(tokens: list[Token], cue: int, lex: Lexicon, parties: list[PartyMention]) -> PartyMention | None:
    """'…, ce que dément Pékin', '…, lo que niega Pekín': a denial verb opening its clause has its subject after it."""
    if cue == 0 or not _clause_opener_word(tokens[cue - 1], lex):
        return None
    k = cue + 1
    while k < len(tokens) and lex.is_article(tokens[k]):
        k += 1
    return next((p for p in parties if p.first == k and not p.source_like), None)


def _clause_opener_word(t: Token, lex: Lexicon) -> bool:
    return t.fold in lex.clause_openers or t.fold in lex.relatives


def _denied_role(tokens: list[Token], lex: Lexicon, parties: list[PartyMention], items: list[ItemMention],
                 code: str) -> str | None:
    """The side the denying party takes in the transfer it denies ('ce que Téhéran dément' after 'accusent Téhéran
    de fournir à Moscou des armes': the supplier), if the sentence says."""
    sides = set()
    for fr in build_frames(tokens, lex, parties, items):
        if code in fr.suppliers:
            sides.add("supplier")
        if code in fr.recipients and fr.role != "deal":
            sides.add("recipient")
    return next(iter(sides)) if len(sides) == 1 else None
