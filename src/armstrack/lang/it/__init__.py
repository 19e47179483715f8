"""Italian: tokens + simplemma lemmas; conditional ("avrebbe consegnato", "fornirebbe") and future
("consegnerà") from verb endings (the suffix logic is shared with Spanish)."""

from armstrack.lang import LanguageSpec
from armstrack.lang.es.mood import SuffixMoodFrontend
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon

FUTURE_SUFFIXES = ("rà", "ranno", "rò", "remo", "rete", "rai")
REFLEXIVE_CLITICS = ("si",)  # "si doterà di": the pronominal verb's phrase starts here
INFINITIVE_ENDINGS = ("are", "ere", "ire", "rre")


def make_frontend(lexicon: Lexicon) -> SuffixMoodFrontend:
    return SuffixMoodFrontend("it", lexicon.conditional_suffixes, FUTURE_SUFFIXES, INFINITIVE_ENDINGS,
                             REFLEXIVE_CLITICS)


LANGUAGE = LanguageSpec("it", "ITALIAN", make_frontend, LEXICON_DIR / "it.yaml")
