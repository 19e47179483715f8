"""Query parameters shared by the API and the pages, validated once: a bad value is a 422 in the one error
shape on every route, never a crash further in. An empty form field ("?min_grade=") means no filter."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from armstrack.errors import ArmstrackError
from armstrack.model import CATEGORIES, Stage
from armstrack.store.fulltext import parse
from armstrack.store.queries import TRANSFER_SORTS, DocumentFilter, TransferFilter

GRADE = r"^[A-Fa-f][1-6]$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _blank_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Blank = BeforeValidator(_blank_is_none)
Category = StrEnum("Category", {c: c for c in CATEGORIES})  # type: ignore[misc]
# constraints sit on the inner type, so that they apply to a given value and not to the None a blank became
Text = Annotated[Annotated[str, StringConstraints(max_length=200)] | None, Blank, Query()]
DateParam = Annotated[Annotated[str, StringConstraints(pattern=DATE)] | None, Blank,
                      Query(description="YYYY, YYYY-MM or YYYY-MM-DD")]
GradeParam = Annotated[Annotated[str, StringConstraints(pattern=GRADE)] | None, Blank,
                       Query(description="e.g. C3: reliability C or better and credibility 3 or better")]
CategoryParam = Annotated[Category | None, Blank, Query()]
StageParam = Annotated[Stage | None, Blank, Query()]


# the same kinds of value inside a model of query parameters (where FastAPI's Query() has no place)
_Short = Annotated[Annotated[str, StringConstraints(max_length=200)] | None, Blank]
_Date = Annotated[Annotated[str, StringConstraints(pattern=DATE)] | None, Blank,
                  Field(description="YYYY, YYYY-MM or YYYY-MM-DD")]
_Grade = Annotated[Annotated[str, StringConstraints(pattern=GRADE)] | None, Blank,
                   Field(description="e.g. C3: reliability C or better and credibility 3 or better")]


class TransferQuery(BaseModel):
    """The transfer filters of the transfers list, the network and exports: a model of query parameters, which
    FastAPI validates with the endpoint itself (a dependency function would cost each request one more hop to the
    thread pool)."""

    model_config = ConfigDict(frozen=True)

    supplier: _Short = None
    recipient: _Short = None
    party: Annotated[_Short, Field(description="supplier or recipient")] = None
    item: _Short = None
    category: Annotated[Category | None, Blank] = None
    stage: Annotated[Stage | None, Blank] = None
    since: _Date = None
    until: _Date = None
    min_grade: _Grade = None
    grade: Annotated[Annotated[str, StringConstraints(pattern=GRADE)] | None, Blank,
                     Field(description="e.g. C3: exactly this grade")] = None
    q: _Short = None
    words: Annotated[_Short, Field(description='full text of the transfer\'s reports: words (all of them), '
                                               '"a phrase", prefix*')] = None

    def filter(self, **extra: Any) -> TransferFilter:
        return TransferFilter(supplier=self.supplier, recipient=self.recipient, party=self.party, item=self.item,
                              category=enum_value(self.category), stage=enum_value(self.stage), since=self.since,
                              until=self.until, min_grade=self.min_grade, grade=self.grade,
                              text=self.q, words=parse(self.words) if self.words else None, **extra)

    def values(self) -> dict[str, str]:
        """The filters as a form shows them (empty strings for none)."""
        return {k: str(v.value if isinstance(v, StrEnum) else v) if v else "" for k, v in self}


Filters = Annotated[TransferQuery, Query()]


class DocumentQuery(BaseModel):
    """The documents list's filters, for the API and the page: language, publisher, whether the document gave
    claims, and a full-text query (store.fulltext: words, "a phrase", prefix*; a bad one is a 400 saying why)."""

    model_config = ConfigDict(frozen=True)

    language: Annotated[Annotated[str, StringConstraints(max_length=8)] | None, Blank] = None
    source: Annotated[Annotated[str, StringConstraints(max_length=200)] | None, Blank] = Field(
        default=None, description="a source registry id, or a publisher's name as stored")
    has_claims: Annotated[bool | None, Blank] = None
    q: Annotated[_Short, Field(description='full text: words (all of them), "a phrase", prefix*')] = None

    def filter(self, **extra: Any) -> DocumentFilter:
        return DocumentFilter(language=self.language, publisher=self.source, has_claims=self.has_claims,
                              query=parse(self.q) if self.q else None, **extra)

    def values(self) -> dict[str, str]:
        """The filters as a form shows them (empty strings for none; has_claims as "true"/"false")."""
        return {k: "" if v is None else str(v).lower() if isinstance(v, bool) else str(v) for k, v in self}


DocumentFilters = Annotated[DocumentQuery, Query()]


def enum_value(e: StrEnum | None) -> str | None:
    return str(e.value) if e is not None else None


def check_sort(sort: str) -> str:
    """A transfers sort as a page gets it (`?sort=-reports`): a TRANSFER_SORTS key, '-' for descending; anything else
    is a 400 naming the keys."""
    if sort.lstrip("-") not in TRANSFER_SORTS or sort.count("-") > 1 or "-" in sort[1:]:
        raise ArmstrackError(f"unknown sort {sort[:40]!r}: use one of {', '.join(TRANSFER_SORTS)}, "
                             "with '-' before it for descending")
    return sort
