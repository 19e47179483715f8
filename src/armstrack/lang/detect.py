"""Language identification (lingua), restricted to the supported languages: text in another language
is told apart from them by also knowing a set of other common languages, and comes out as 'und'."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from armstrack.lang import registry

# Other languages common in news: knowing them keeps Polish or Finnish from being read as a supported language
# (a registered language among them counts as supported, not as other).
OTHERS = ("POLISH", "CZECH", "SLOVAK", "PORTUGUESE", "TURKISH", "ARABIC", "CHINESE", "JAPANESE", "KOREAN",
          "FINNISH", "SWEDISH", "DANISH", "BOKMAL", "BULGARIAN", "SERBIAN", "CROATIAN", "ROMANIAN", "HUNGARIAN",
          "GREEK", "PERSIAN", "HEBREW", "HINDI", "INDONESIAN", "VIETNAMESE", "BELARUSIAN", "CATALAN", "ESTONIAN",
          "LATVIAN", "LITHUANIAN", "SLOVENE", "AFRIKAANS")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    supported = {getattr(Language, spec.lingua) for spec in registry().values()}
    others = {getattr(Language, name) for name in OTHERS if hasattr(Language, name)} - supported
    # low-accuracy mode: trigram models only, ~35 MB, plenty for article-length text
    return LanguageDetectorBuilder.from_languages(*sorted(supported | others, key=str)).with_low_accuracy_mode().build()


def detect_language(text: str, supported: tuple[str, ...] | None = None) -> str:
    """The ISO 639-1 code of the text's language if it is a supported one (by default: a registered one),
    else 'und'."""
    supported = tuple(registry()) if supported is None else supported
    sample = text[:3000]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    found = _detector().detect_language_of(sample)
    if found is None:
        return "und"
    code = found.iso_code_639_1.name.lower()
    return code if code in supported else "und"
