"""English: tokens + dictionary lemmas (no official English model wheel exists on PyPI)."""

from armstrack.lang.base import LemmaFrontend
from armstrack.lang.lexicon import Lexicon


def make_frontend(lexicon: Lexicon) -> LemmaFrontend:
    return LemmaFrontend("en", lexicon.conditional_suffixes)
