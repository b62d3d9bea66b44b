"""Values read once per page view: e.g. the circles of the member viewing it, which the
directory's filters, its visibility rule and the header each need.

Only while a GET or HEAD request is served (``RequestMemoMiddleware``): nothing is kept
between requests, in tests calling functions directly, in background tasks, or while a
form is posted (state changes then). ``forget()`` empties the memo of the request under
way; the circles app calls it whenever a membership or a bridge is written.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")

_memo: ContextVar[dict[Hashable, object] | None] = ContextVar("request_memo", default=None)

SAFE_METHODS = frozenset({"GET", "HEAD"})


def memoized(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per request for ``key`` while a page is read; else each time."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]  # type: ignore[return-value]


def in_page_view() -> bool:
    """Whether a GET or HEAD request is being served (values read now are kept for it)."""
    return _memo.get() is not None


def forget() -> None:
    """Drop what the request under way has memoised (its data just changed)."""
    memo = _memo.get()
    if memo is not None:
        memo.clear()


class RequestMemoMiddleware:
    """Opens a memo for each GET or HEAD request, closed when the response is ready."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS:
            return self.get_response(request)
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
