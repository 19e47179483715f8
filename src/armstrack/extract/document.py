"""The per-document extractor: a picklable, deterministic function of (document, resources)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from armstrack.errors import UnsupportedLanguage
from armstrack.extract.assemble import extract_claims
from armstrack.kb.loader import get_kb
from armstrack.kb.matcher import get_matcher
from armstrack.lang import get_language, language_codes
from armstrack.lang.detect import detect_language
from armstrack.model import Document, Extraction, ReadFailure
from armstrack.settings import load_settings


@dataclass(frozen=True)
class Extractor:
    """Extraction options; resources (KB, automaton, models) load once per process on first use."""

    language: str = "auto"  # "auto" or a language code that overrides detection
    prefilter: bool = True  # analyse only sentences the gazetteer flags (off only to benchmark it)

    def extract(self, doc: Document) -> Extraction:
        lang = self.language if self.language != "auto" else (doc.language or detect_language(doc.text))
        if lang not in language_codes():
            note = "unsupported language" if lang != "und" else "language not recognised"
            return Extraction(doc, lang if len(lang) == 2 else "und", [], note)
        try:
            language = get_language(lang)
        except UnsupportedLanguage as e:
            return Extraction(doc, lang, [], str(e))
        kb_dir = str(load_settings().kb_dir)
        names: list[tuple[int, str]] = []
        claims = extract_claims(doc.text, doc.published, language, get_matcher(kb_dir), get_kb(kb_dir),
                                self.prefilter, names)
        return Extraction(doc, lang, claims, None if claims else "no transfer claim found", tuple(names))


def extract_each(extractor: Extractor, docs: Sequence[Document]) -> list[Extraction | ReadFailure]:
    """The extractor over one partition of documents, in order, in this process or on a Dask worker; a
    document whose extraction raises gives a ReadFailure naming it (an extractor bug never stops a run)."""
    out: list[Extraction | ReadFailure] = []
    for d in docs:
        try:
            out.append(extractor.extract(d))
        except Exception as e:  # one document's failure is recorded, never fatal
            where = d.origin or d.id
            out.append(ReadFailure(where, f"{where}: extraction failed ({e.__class__.__name__}: {e})"))
    return out
