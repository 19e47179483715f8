"""The language front-end interface: sentences, tokens, lemmas and mood/tense marks.

The extraction core only sees `Token`s and a `Lexicon`; everything language-specific lives in a
front-end (one folder per language) and its lexicon data file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

# Possessive quantifiers (++, *+) where nothing in the branch follows: the match is the same, and the
# engine keeps no backtracking state. The first branch checks "no digit before" after its first digit
# (rather than with a leading lookbehind) so that the pattern starts with a character class.
TOKEN_RE = re.compile(
    # 2 600, 100 000 (space-grouped); a last group before "mm" is a calibre: "180 155mm", "12 155 мм"
    r"\d(?<!\d\d)\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d|[ \u00a0\u202f]?(?:mm|мм)(?!\w))"
    r"|\d++(?:[.,]\d++)*+"  # 1,800  1.800  2.5
    r"|[\u0400-\u04ff]++(?:['’ʼ][\u0400-\u04ff]++)++(?:-[\u0400-\u04ff]++)*+"  # п'ять, з'явилися, Прем'єр-міністр
    r"|\w++(?:[-\u2011/]\w++)*+"  # Shahed-136, F-16A/B, Су-35
    r"|\S",
    re.UNICODE,
)
APOSTROPHES = "'’ʼ`"


FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "\u2011": "-",
                            "’": "'", "ʼ": "'", "`": "'"})


@lru_cache(maxsize=1 << 18)
def fold(s: str) -> str:
    """Lower-case and strip diacritics (é→e, ё→е, ı→i) so matching ignores them."""
    s = unicodedata.normalize("NFKD", s.lower().translate(FOLD_EXTRA))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    fold: str
    lemma: str = ""  # folded lemma; equals `fold` until a front-end analyses the sentence
    conditional: bool = False
    future: bool = False
    past_participle: bool = False
    pos: str = ""
    case: str = ""  # grammatical case where the front-end knows it: nom gen dat acc ins loc
    # the role a preposition marks where only the front-end can tell (German "von" after a receive verb is
    # "from", "nach Russland" is "to"): a key of the lexicon's `markers`, read before the marker lists
    role_marker: str = ""
    negated: bool = False  # a verb the front-end knows is negated later in its clause ("liefert keine Taurus")
    citation: str = ""  # an inflected personal name's nominative, where the front-end knows it ("Джона" -> "Джон")

    @property
    def is_upper_initial(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    paragraph: int = 0
    analysed: bool = False


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out: list[Token] = []
    append = out.append  # a local binding: this loop runs over every token of every document
    for m in TOKEN_RE.finditer(text):
        t = m.group()
        f = fold(t)
        start = m.start() + offset
        append(Token(t, start, start + len(t), f, f))
    return out


QUOTE_MARKS = "«»\"“”„"  # quotation marks of every language the project reads


# Abbreviations news in any language carries (Latin, company forms, "U.S."); each language adds its own
# from its lexicon's `abbreviations` (folded, without the final full stop).
ABBREV = frozenset({"dr", "prof", "mm", "nr", "vs", "etc", "u.s", "u.k", "inc", "corp", "co"})


# the characters where a sentence may end; the text between them is skipped by the regex engine, not in Python
BREAK_RE = re.compile(r"[\n.!?…]")
CLOSERS = ".!?…\"»”’')]"  # after a final mark: part of the sentence it ends


def split_sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) for every sentence; breaks on final punctuation and on newlines
    unless the next line starts in lower case (a line wrap, not a break). No break after an
    abbreviation: the common ones above or the language's `abbreviations` ("approx.", "tys.")."""
    spans: list[tuple[int, int, int]] = []
    para = 0
    start = 0
    n = len(text)
    m = BREAK_RE.search(text)
    while m is not None:
        i = m.start()
        cut = None
        blank = False
        after = i + 1  # where the search for the next break resumes
        if text[i] == "\n":
            j = i + 1
            while j < n and text[j] in " \t\r":
                j += 1
            blank = j < n and text[j] == "\n"
            if blank or (j < n and not text[j].islower()):
                cut = i
        else:
            j = i + 1
            while j < n and text[j] in CLOSERS:
                j += 1
            if j < n and text[j] in " \t\n\u00a0" and _next_starts_sentence(text, j) and \
                    not _is_abbrev(text, i, abbreviations):
                cut = j
            after = j
        if cut is not None:
            _push(spans, text, start, cut, para)
            para += blank
            start = cut
        m = BREAK_RE.search(text, after)
    _push(spans, text, start, n, para)
    return spans


def _next_starts_sentence(text: str, j: int) -> bool:
    while j < len(text) and text[j] in " \t\n\u00a0":
        j += 1
    if j >= len(text):
        return False
    c = text[j]
    return c.isupper() or c.isdigit() or c in "\"«“(['‘-–—"


ORDINAL_MONTHS = {"januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
                  "oktober", "november", "dezember", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept",
                  "okt", "nov", "dez"}


def _is_abbrev(text: str, i: int, abbreviations: frozenset[str]) -> bool:
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:i].lower().rstrip(".")
    if len(word) == 1 and word.isalpha() and (j == 0 or text[j - 1].isspace() or text[j - 1] in "(\"'«“"):
        return True  # an initial ("J. Smith"), not the last letter of "SAMP/T"
    k = i
    while k > 0 and text[k - 1].isdigit():
        k -= 1
    if 0 < i - k <= 2 and (k == 0 or text[k - 1].isspace()):
        nxt = text[i + 1:i + 16].split()
        if nxt and nxt[0].lower().rstrip(".,") in ORDINAL_MONTHS:
            return True  # a German ordinal date: "am 24. Februar"
    word = fold(word)
    return word in ABBREV or word in abbreviations


def _push(spans: list[tuple[int, int, int]], text: str, a: int, b: int, para: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b, para))


class Frontend(Protocol):
    """What a language gives the extraction core."""

    code: str

    def analyse(self, sentence: Sentence) -> None:
        """Fill lemmas and mood/tense marks of the sentence's tokens (the expensive step)."""

    def analyse_all(self, sentences: list[Sentence]) -> None:
        """The same for many sentences at once (a model may batch them)."""


@lru_cache(maxsize=200_000)
def simple_lemma(word: str, lang: str) -> str:
    import simplemma  # on the first lemma: commands that only match names (kb lookup) start without it

    try:
        return fold(simplemma.lemmatize(word, lang=lang))
    except ValueError:
        return fold(word)


class BatchByOne:
    """Front-ends without a batched model analyse sentences one by one."""

    def analyse(self, sentence: Sentence) -> None:
        raise NotImplementedError

    def analyse_all(self, sentences: list[Sentence]) -> None:
        for s in sentences:
            self.analyse(s)


class LemmaFrontend(BatchByOne):
    """A front-end from tokens and dictionary lemmas (simplemma); languages without a parser model."""

    def __init__(self, code: str, conditional_suffixes: tuple[str, ...] = (),
                 future_suffixes: tuple[str, ...] = ()) -> None:
        self.code = code
        self.conditional_suffixes = conditional_suffixes
        self.future_suffixes = future_suffixes

    def analyse(self, sentence: Sentence) -> None:
        for t in sentence.tokens:
            if t.text[:1].isalpha():
                t.lemma = simple_lemma(t.text, self.code)
                if self.conditional_suffixes and t.fold.endswith(self.conditional_suffixes) and len(t.fold) > 5:
                    t.conditional = True
        sentence.analysed = True
