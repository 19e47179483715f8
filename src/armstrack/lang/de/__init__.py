"""German: tokens + simplemma lemmas, with German word order and mood handled in `frontend.py`."""

from armstrack.lang.de.frontend import GermanFrontend
from armstrack.lang.lexicon import Lexicon


def make_frontend(lexicon: Lexicon) -> GermanFrontend:
    return GermanFrontend(lexicon)
