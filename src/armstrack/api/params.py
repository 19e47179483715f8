"""Query parameters shared by the API and the pages, validated once: a bad value is a 422 in the one error
shape on every route, never a crash further in. An empty form field ("?min_grade=") means no filter."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Query
from pydantic import BeforeValidator, StringConstraints

from armstrack.model import CATEGORIES, Stage
from armstrack.store.queries import TransferFilter

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


@dataclass(frozen=True)
class TransferQuery:
    """The transfer filters a request asks for, already valid."""

    supplier: str | None = None
    recipient: str | None = None
    item: str | None = None
    category: str | None = None
    stage: str | None = None
    since: str | None = None
    until: str | None = None
    min_grade: str | None = None
    q: str | None = None

    def filter(self, **extra: Any) -> TransferFilter:
        return TransferFilter(supplier=self.supplier, recipient=self.recipient, item=self.item,
                              category=self.category, stage=self.stage, since=self.since, until=self.until,
                              min_grade=self.min_grade, text=self.q, **extra)

    def values(self) -> dict[str, str]:
        """The filters as a form shows them (empty strings for none)."""
        return {k: v or "" for k, v in self.__dict__.items()}


def transfer_query(supplier: Text = None, recipient: Text = None, item: Text = None,
                   category: CategoryParam = None, stage: StageParam = None, since: DateParam = None,
                   until: DateParam = None, min_grade: GradeParam = None, q: Text = None) -> TransferQuery:
    """A FastAPI dependency: the filter parameters of the transfers list, the network and exports."""
    return TransferQuery(supplier, recipient, item, enum_value(category), enum_value(stage), since, until, min_grade, q)


def enum_value(e: StrEnum | None) -> str | None:
    return str(e.value) if e is not None else None
