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
        return bounded_count(self.object_list, self.cap + 1)

    @cached_property
    def count(self) -> int:
        return min(self._bounded_count, self.cap)

    @property
    def capped(self) -> bool:
        return self._bounded_count > self.cap


def bounded_count(object_list: Any, limit: int) -> int:
    """How many objects, counted no further than ``limit``: a queryset unordered and
    sliced (the scan stops there), a list of rows that counts itself (``count_upto``, as
    ``core.statements.StatementRows``), or any sliceable list."""
    count_upto = getattr(object_list, "count_upto", None)
    if count_upto is not None:
        return int(count_upto(limit))
    if isinstance(object_list, QuerySet):  # unordered: the scan stops at ``limit``
        return object_list.order_by()[:limit].count()
    return len(object_list[:limit])
