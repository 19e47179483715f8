"""Ukrainian: pymorphy3 lemmas and case in context (see armstrack.lang.slavic)."""

from armstrack.lang import LanguageSpec
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon
from armstrack.lang.slavic import SlavicFrontend


def make_frontend(lexicon: Lexicon) -> SlavicFrontend:
    return SlavicFrontend("uk", lexicon)


LANGUAGE = LanguageSpec("uk", "UKRAINIAN", make_frontend, LEXICON_DIR / "uk.yaml")
