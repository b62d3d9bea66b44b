"""Pagination whose cost does not grow with the size of the list.

Counting every member one may see is a scan of the whole directory (0.3 s at 100,000
members, see benchmarks/web.py), paid on every page. `CappedPaginator` counts no further
than ``cap`` objects and lets one page through those only; past it, the page says there
are more and invites to narrow the filters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

LIST_CAP = 1000

if TYPE_CHECKING:  # Paginator is generic in the type stubs only
    _Paginator = Paginator[Any]
else:
    _Paginator = Paginator


class CappedPaginator(_Paginator):
    """A Paginator over the first ``cap`` objects; ``capped`` tells whether more exist."""

    def __init__(self, object_list: Any, per_page: int, cap: int = LIST_CAP, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def _bounded_count(self) -> int:
        """Objects up to ``cap + 1``: ``SELECT COUNT(*) FROM (... LIMIT cap + 1)``."""
        if isinstance(self.object_list, QuerySet):  # unordered: the scan stops at cap + 1
            return self.object_list.order_by()[: self.cap + 1].count()
        return len(self.object_list[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        return min(self._bounded_count, self.cap)

    @property
    def capped(self) -> bool:
        return self._bounded_count > self.cap
