"""The runner protocol the ingest loop extracts through, and the in-process runner."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from armstrack.extract.document import Extractor, extract_each
from armstrack.model import Document, Extraction
from armstrack.sources.files import ReadFailure

Outcomes = list[Extraction | ReadFailure]


class Runner(Protocol):
    def extract(self, extractor: Extractor, partitions: Iterable[list[Document]]) -> Iterator[Outcomes]:
        """The outcomes of every partition (one per document), in any order; pulls partitions only as it
        has room for them, so a long input is never read ahead of the extraction."""
        ...


class InProcess:
    """Extraction in this process, one partition after the other."""

    def extract(self, extractor: Extractor, partitions: Iterable[list[Document]]) -> Iterator[Outcomes]:
        for part in partitions:
            yield extract_each(extractor, part)
