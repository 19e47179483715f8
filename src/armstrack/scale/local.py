"""The runner protocol the ingest loop extracts through, and the in-process runner."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from armstrack.extract.document import Extractor, extract_each
from armstrack.model import Document, Extraction, ReadFailure
from armstrack.transfers.origins import TextPrints, text_prints

Prepared = tuple[Extraction, TextPrints]
Outcomes = list[Prepared | ReadFailure]


def prepare_each(extractor: Extractor, docs: list[Document]) -> Outcomes:
    """extract_each over a partition, each extraction with its text prints: all the per-document work, done
    wherever the partition runs."""
    return [(o, text_prints(o)) if isinstance(o, Extraction) else o for o in extract_each(extractor, docs)]


class Runner(Protocol):
    def extract(self, extractor: Extractor, partitions: Iterable[list[Document]]) -> Iterator[Outcomes]:
        """The outcomes of every partition (one per document), in any order; pulls partitions only as it
        has room for them, so a long input is never read ahead of the extraction."""
        ...


class InProcess:
    """Extraction in this process, one partition after the other."""

    def extract(self, extractor: Extractor, partitions: Iterable[list[Document]]) -> Iterator[Outcomes]:
        for part in partitions:
            yield prepare_each(extractor, part)
