"""The per-document extractor: a picklable, deterministic function of (document, resources)."""

from __future__ import annotations

from dataclasses import dataclass

from armstrack.errors import UnsupportedLanguage
from armstrack.extract.assemble import extract_claims
from armstrack.kb.loader import get_kb
from armstrack.kb.matcher import get_matcher
from armstrack.lang import LANGUAGES, get_language
from armstrack.lang.detect import detect_language
from armstrack.model import Document, Extraction
from armstrack.settings import load_settings


@dataclass(frozen=True)
class Extractor:
    """Extraction options; resources (KB, automaton, models) load once per process on first use."""

    language: str = "auto"  # "auto" or a language code that overrides detection
    prefilter: bool = True  # analyse only sentences the gazetteer flags (off only to benchmark it)

    def extract(self, doc: Document) -> Extraction:
        lang = self.language if self.language != "auto" else (doc.language or detect_language(doc.text, LANGUAGES))
        if lang not in LANGUAGES:
            note = "unsupported language" if lang != "und" else "language not recognised"
            return Extraction(doc, lang if lang in LANGUAGES or len(lang) == 2 else "und", [], note)
        try:
            language = get_language(lang)
        except UnsupportedLanguage as e:
            return Extraction(doc, lang, [], str(e))
        kb_dir = str(load_settings().kb_dir)
        names: list[tuple[int, str]] = []
        claims = extract_claims(doc.text, doc.published, language, get_matcher(kb_dir), get_kb(kb_dir),
                                self.prefilter, names)
        return Extraction(doc, lang, claims, None if claims else "no transfer claim found", tuple(names))
