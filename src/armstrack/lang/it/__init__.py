"""Italian: tokens + simplemma lemmas; conditional ("avrebbe consegnato", "fornirebbe") and future
("consegnerà") from verb endings (the suffix logic is shared with Spanish)."""

from armstrack.lang.es.mood import SuffixMoodFrontend
from armstrack.lang.lexicon import Lexicon

FUTURE_SUFFIXES = ("rà", "ranno", "rò", "remo", "rete", "rai")
INFINITIVE_ENDINGS = ("are", "ere", "ire", "rre")


def make_frontend(lexicon: Lexicon) -> SuffixMoodFrontend:
    return SuffixMoodFrontend("it", lexicon.conditional_suffixes, FUTURE_SUFFIXES, INFINITIVE_ENDINGS)
