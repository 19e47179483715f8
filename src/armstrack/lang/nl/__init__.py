"""Dutch: tokens + simplemma lemmas; 'zou'/'zouden' mark the clause's verbs conditional (hedged) and
'zal'/'zullen' mark them future (see modal.py); after a fronted adverbial the subject follows the verb (order.py)."""

from armstrack.lang import LanguageSpec
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon
from armstrack.lang.nl.modal import DutchFrontend


def make_frontend(lexicon: Lexicon) -> DutchFrontend:
    return DutchFrontend(lexicon)


LANGUAGE = LanguageSpec("nl", "DUTCH", make_frontend, LEXICON_DIR / "nl.yaml")
