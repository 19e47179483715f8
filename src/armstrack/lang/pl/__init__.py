"""Polish: tokens + simplemma lemmas, with case, the «-by» conditional and the perfective future from
`frontend.py`."""

from armstrack.lang import LanguageSpec
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon
from armstrack.lang.pl.frontend import PolishFrontend


def make_frontend(lexicon: Lexicon) -> PolishFrontend:
    return PolishFrontend(lexicon)


LANGUAGE = LanguageSpec("pl", "POLISH", make_frontend, LEXICON_DIR / "pl.yaml")
