"""Language identification restricted to the supported languages, by function-word counts."""

from __future__ import annotations

import re

FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "has", "was", "on", "by", "have", "from",
           "it", "are", "said", "will", "its", "which", "be", "this", "were", "would"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "est", "que", "pour", "dans", "qui", "sur", "par", "au",
           "aux", "avec", "ont", "été", "cette", "selon", "sont", "pas", "plus", "ses", "il"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "dem", "ein", "eine", "sich",
           "auch", "wird", "für", "auf", "hat", "werden", "sind", "nach", "bei"},
    "es": {"el", "los", "las", "del", "y", "que", "en", "por", "con", "para", "una", "es", "se", "su", "al", "como",
           "más", "este", "ha", "fue", "sus"},
    "it": {"il", "della", "di", "che", "e", "per", "con", "una", "sono", "gli", "dei", "delle", "nel", "alla", "è",
           "ha", "anche", "come", "più", "dal", "degli"},
    "nl": {"de", "het", "een", "en", "van", "dat", "is", "op", "te", "voor", "met", "zijn", "niet", "ook", "aan",
           "door", "wordt", "bij", "naar", "heeft", "worden", "deze", "hebben"},
    "ru": {"и", "в", "на", "не", "что", "по", "с", "из", "для", "как", "это", "от", "о", "его", "к", "был", "года",
           "также", "который", "россии", "было"},
    "uk": {"і", "в", "на", "не", "що", "з", "до", "для", "як", "це", "від", "про", "його", "та", "було", "також",
           "який", "україни", "році", "й", "є"},
}
WORD = re.compile(r"\w+", re.UNICODE)


def detect_language(text: str, supported: tuple[str, ...]) -> str:
    """The best supported language for `text`, or 'und' when no supported language fits."""
    words = [w.lower() for w in WORD.findall(text[:5000])]
    if not words:
        return "und"
    scores = {lang: sum(1 for w in words if w in FUNCTION_WORDS.get(lang, ())) for lang in FUNCTION_WORDS}
    ranked = sorted(scores, key=lambda k: (-scores[k], k != "en"))
    best = ranked[0]
    floor = 1 if len(words) < 20 else max(2, len(words) // 50)  # a headline-length text has few function words
    if scores[best] < floor or scores[best] == scores[ranked[1]] or best not in supported:
        return "und"
    return best
