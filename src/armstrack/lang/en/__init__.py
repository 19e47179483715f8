"""English: tokens + dictionary lemmas (no official English model wheel exists on PyPI); the verb a modal
('would', 'could', 'might', 'may') governs is marked conditional (see modal.py)."""

from armstrack.lang import LanguageSpec
from armstrack.lang.en.modal import EnglishFrontend
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon


def make_frontend(lexicon: Lexicon) -> EnglishFrontend:
    return EnglishFrontend(lexicon)


LANGUAGE = LanguageSpec("en", "ENGLISH", make_frontend, LEXICON_DIR / "en.yaml")
