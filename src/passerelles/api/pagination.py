"""Pages of the API's lists, whose cost does not grow with the size of the list.

The page number is bounded: beyond ``MAX_PAGE`` (or below 1, or not a number) it is a 422
naming the field, never an offset the database cannot hold."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

from passerelles.core.pagination import LIST_CAP, bounded_count

MAX_PAGE = 100_000


class BoundedPagination(PageNumberPagination):
    """``?page=N`` within 1..MAX_PAGE and ``?page_size`` within 1..100."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=100)


class CappedPagination(BoundedPagination):
    """``?page=N`` pages of 50. ``count`` is exact up to 1,000 and stops there (counting
    all 100,000 members one may see cost 0.3 s a page); ``more`` says whether another
    page follows, at any depth.

    ``complete``, when given, is called with the page's rows once they are read, to add
    what their schema shows in one query for the page (e.g. ``with_skill_names``)."""

    def __init__(self, *, complete: Callable[[list], object] | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.complete = complete

    class Output(Schema):
        items: list[Any]
        count: int  # exact up to 1,000; 1,000 means "1,000 or more"
        more: bool  # another page follows

    def paginate_queryset(
        self,
        queryset: QuerySet,
        pagination: BoundedPagination.Input,  # type: ignore[override]  # ninja passes each class its own Input
        request: HttpRequest,
        **params: Any,
    ) -> dict:
        page_size = self._get_page_size(pagination.page_size)
        offset = (pagination.page - 1) * page_size
        rows = list(queryset[offset : offset + page_size + 1])
        if offset == 0 and len(rows) <= page_size:
            count = len(rows)  # one page holds them all: no second query
        else:
            count = min(bounded_count(queryset, LIST_CAP + 1), LIST_CAP)
        items = rows[:page_size]
        if self.complete is not None:
            self.complete(items)
        return {"items": items, "count": count, "more": len(rows) > page_size}
