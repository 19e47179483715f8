"""Spanish: tokens + simplemma lemmas; conditional ("habría entregado") and future ("entregará") from endings."""

from armstrack.lang import LanguageSpec
from armstrack.lang.es.mood import SuffixMoodFrontend
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon

FUTURE_SUFFIXES = ("rá", "rán", "ré", "rás", "remos", "réis")
REFLEXIVE_CLITICS = ("se",)  # "se dotará de": the pronominal verb's phrase starts here
INFINITIVE_ENDINGS = ("ar", "er", "ir")  # lemmas are folded: "reír" → "reir"


def make_frontend(lexicon: Lexicon) -> SuffixMoodFrontend:
    return SuffixMoodFrontend("es", lexicon.conditional_suffixes, FUTURE_SUFFIXES, INFINITIVE_ENDINGS,
                             REFLEXIVE_CLITICS)


LANGUAGE = LanguageSpec("es", "SPANISH", make_frontend, LEXICON_DIR / "es.yaml")
