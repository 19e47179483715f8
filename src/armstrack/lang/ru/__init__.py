"""Russian: pymorphy3 lemmas and case in context (see armstrack.lang.slavic)."""

from armstrack.lang.lexicon import Lexicon
from armstrack.lang.slavic import SlavicFrontend


def make_frontend(lexicon: Lexicon) -> SlavicFrontend:
    return SlavicFrontend("ru", lexicon)
