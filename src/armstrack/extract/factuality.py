"""Hedging, attribution, denial and 'not confirmed' cues of a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from armstrack.extract.frames import find_triggers
from armstrack.extract.mentions import ItemMention, PartyMention
from armstrack.lang.base import Token
from armstrack.lang.lexicon import Lexicon

PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "il", "elle", "ils", "elles", "on", "nous", "je", "vous",
            "er", "sie", "es", "wir", "ich", "man", "él", "ella", "ellos", "lui", "lei", "loro", "hij", "zij", "ze",
            "wij", "он", "она", "они", "мы", "він", "вона", "вони", "ми", "who", "which", "that", "qui", "que",
            "this", "ce", "cela", "ceci"}
STOP = {",", ".", ";", ":", "!", "?", "\"", "«", "»", "“", "”", "(", ")", "—", "–", "-", "that", "que", "qu", "dass",
        "as", "saying", "comme", "как", "як",
        "che", "dat", "что", "що", "how"}
AUX = {"has", "have", "had", "is", "was", "were", "are", "been", "be", "a", "ont", "avait", "avaient", "est", "sont",
       "ete", "etait", "hat", "haben", "habe", "wurde", "ha", "han", "hanno", "heeft", "hebben", "also", "aussi",
       "egalement", "further", "earlier", "previously", "already", "deja", "will", "would"}
AUX_FINITE = {"has", "have", "had", "hat", "haben", "hatte", "heeft", "hebben", "ha", "han", "hanno", "ont",
              "avait", "is", "was", "ist", "war", "wurde", "wird", "werden", "zou", "zal", "soll", "sollen"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi",
            "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
SELF_REFERENCES = {"this newspaper", "ce journal", "notre journal", "this paper", "our newspaper", "cette publication"}


@dataclass(frozen=True)
class Factuality:
    reported: bool
    attributed_to: tuple[str, ...]


@dataclass(frozen=True)
class Denial:
    sentence: int
    party: str
    system_ids: frozenset[str]
    blanket: bool  # "Tehran denies supplying weapons" covers every claim of that party


def _np_before(tokens: list[Token], k: int, text: str, limit: int = 8) -> str | None:
    j = k - 1
    while j >= 0 and tokens[j].fold in AUX:
        j -= 1
    end = j
    while j >= 0 and end - j < limit and tokens[j].fold not in STOP:
        j -= 1
    span = [t for t in tokens[j + 1:end + 1]]
    while span and (span[0].fold in PRONOUNS or span[0].fold in AUX):
        span = span[1:]
    if not span or all(t.fold in PRONOUNS or t.fold in AUX or not t.text[:1].isalnum() for t in span):
        return None
    return text[span[0].start:span[-1].end]


def np_after(tokens: list[Token], k: int, text: str, limit: int = 8) -> str | None:
    while k < len(tokens) and (tokens[k].fold in WEEKDAYS or tokens[k].fold in ("hier", "yesterday", "today",
                                                                               "aujourd'hui", "ce", "mercredi")):
        k += 1  # "a annoncé mardi le ministère": the day is not the speaker
    j = start = k
    while j < len(tokens) and j - start < limit and (tokens[j].fold not in STOP or tokens[j].text in "«»“”"):
        if j > start and (tokens[j].pos in ("VERB", "AUX") or tokens[j].fold in AUX_FINITE):
            break  # "Laut Reuters hat Iran …": the phrase ends at the verb
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        dated = nxt is not None and (nxt.is_number or nxt.fold in WEEKDAYS)
        if j > start + 1 and (tokens[j].fold in ("on", "in", "at", "during", "lors", "ce", "cette") or
                              tokens[j].fold in ("le", "la") and dated):
            break  # "said on Tuesday", "a rapporté le 12 février"
        j += 1
    if j == start:
        return None
    span = tokens[start:j]
    if len(span) == 1 and span[0].fold in PRONOUNS or span[0].fold in ("dont", "which", "who", "qui", "whose"):
        return None
    return text[span[0].start:span[-1].end].strip("«» \"“”")


def attribution(tokens: list[Token], text: str, lex: Lexicon) -> list[str]:
    """Who the sentence says makes its claims, as written ('The Guardian', 'les médias ukrainiens')."""
    out: list[str] = []
    for _a, b, _ in lex.according_to.find_all(tokens):
        np = np_after(tokens, b, text)
        if np:
            out.append(np)
    triggers = sorted(a for a, _b, _t in find_triggers(tokens, lex))
    # an accuser is a source too: "The United States accused North Korea of shipping shells"
    for a, b, _ in sorted(lex.report_verbs.find_all(tokens) + lex.accusations.find_all(tokens)):
        nxt = next((k for k in triggers if b <= k <= b + 8), None)
        if nxt is not None and not any(t.text[:1].isupper() or t.fold in STOP for t in tokens[b:nxt]):
            continue  # "Washington announced a new aid package": the announcement is the event itself
        if a > 0 and tokens[a - 1].fold in ("to", "s", "se", "sich", "si", "zich"):  # "refused to say", "s'ajoute"
            continue
        if a > 1 and tokens[a - 1].fold in ("'", "’") and tokens[a - 2].fold in ("s", "l", "qu"):
            continue
        if b < len(tokens) and tokens[b].fold in ("by", "par", "von", "da", "por", "door"):  # "reported by X"
            np = np_after(tokens, b + 1, text)
            if np and np.lower() not in SELF_REFERENCES and not any(w in np.lower() for w in SELF_REFERENCES):
                out.append(np)
            continue
        k = a - 1
        while k >= 0 and tokens[k].fold in AUX:
            k -= 1
        if k >= 0 and tokens[k].text == ",":  # "…, заявил представитель Пентагона", "…, a déclaré un responsable"
            np = np_after(tokens, b, text)
            if np is None:
                continue
        else:
            np = _np_before(tokens, a, text)
        if np is None or np.lower() in SELF_REFERENCES:
            np2 = np_after(tokens, b, text)
            if np2 and (tokens[b].text[:1].isupper() or tokens[b].fold in ("the", "a", "an", "le", "la", "un", "une",
                                                                           "les", "des", "l")):
                np = np2
            else:
                continue
        if np.lower() in SELF_REFERENCES or any(w in np.lower() for w in SELF_REFERENCES):
            continue
        out.append(np)
    return list(dict.fromkeys(x for x in out if x and _contentful(x)))


def _contentful(np: str) -> bool:
    words = [w for w in np.replace("'", " ").replace("’", " ").split() if w.isalpha()]
    return any(w.lower() not in PRONOUNS and w.lower() not in AUX and w.lower() not in
               ("the", "a", "an", "le", "la", "les", "l", "un", "une", "des", "de", "du") for w in words)


def factuality(tokens: list[Token], text: str, lex: Lexicon, trigger_first: int | None) -> Factuality:
    names = attribution(tokens, text, lex)
    hedge = bool(lex.hedges.find_all(tokens))
    cond = False
    if trigger_first is not None:
        lo = max(0, trigger_first - 3)
        cond = any(t.conditional for t in tokens[lo:trigger_first + 2])
    else:
        cond = any(t.conditional for t in tokens)
    sentence = text[tokens[0].start:tokens[-1].end].lower() if tokens else ""
    self_ref = any(s in sentence for s in SELF_REFERENCES)
    reported = bool(names) or (hedge and not self_ref) or cond
    return Factuality(reported, tuple(names))


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
    """A party denying: 'Iran denies …', 'La Corée du Nord a nié …', 'Mais l'Iran réfute'."""
    cues = [a for a, _b, _w in lex.denials.find_all(tokens)]
    if not cues:
        return None
    cue = cues[0]
    before = [p for p in parties if p.last < cue and cue - p.last <= 6 and not p.source_like]
    if not before:
        return None
    speaker = before[-1]
    # A blanket denial names a transfer ("nie avoir fourni des armes") or nothing at all ("Mais l'Iran
    # réfute."); otherwise it only covers what it names and the sentences next to it.
    blanket = bool(find_triggers(tokens, lex)) or any(i.umbrella for i in items) or len(tokens) - cue <= 3
    systems = frozenset(i.system_id for i in items if i.system_id)
    return Denial(sentence, speaker.code, systems, blanket)
