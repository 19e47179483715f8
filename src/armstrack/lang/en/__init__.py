"""English: tokens + dictionary lemmas (no official English model wheel exists on PyPI)."""

from armstrack.lang import LanguageSpec
from armstrack.lang.base import LemmaFrontend
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon


def make_frontend(lexicon: Lexicon) -> LemmaFrontend:
    return LemmaFrontend("en", lexicon.conditional_suffixes)


LANGUAGE = LanguageSpec("en", "ENGLISH", make_frontend, LEXICON_DIR / "en.yaml")
