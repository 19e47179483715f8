"""German: tokens + simplemma lemmas, with German word order and mood handled in `frontend.py`."""

from armstrack.lang import LanguageSpec
from armstrack.lang.de.frontend import GermanFrontend
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon


def make_frontend(lexicon: Lexicon) -> GermanFrontend:
    return GermanFrontend(lexicon)


LANGUAGE = LanguageSpec("de", "GERMAN", make_frontend, LEXICON_DIR / "de.yaml")
