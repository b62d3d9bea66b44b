"""How many profiles every member may see, kept in the cache: a floor of each member's count.

Every signed-in member sees the active profiles whose visibility is "all" (and more:
their own, their circles', their bridged circles'). The directory's capped count
(``core.pagination``: how many profiles one may see, up to ``LIST_CAP + 1``) is therefore
at least the number of those; when they alone reach the cap, the count is the cap and
the query that counted it for each member (3-5 ms of PostgreSQL on three of the main
pages at 100,000 members, benchmarks/README.md) is not needed.

The number is kept in the shared cache, counted up to the largest cap asked, and dropped
whenever it may change, by whatever path: a profile saved, deleted, or written through a
queryset (``ProfileQuerySet`` below: ``update``, ``delete``, ``bulk_create``), an account
saved with its ``is_active`` (or without ``update_fields``) or deleted. It is dropped at
once and again when the transaction commits, so that a page read in between cannot keep
the old number. A write that bypasses all of these (an account's ``is_active`` changed
through a queryset, SQL by hand) is seen after ``EVERYONE_SECONDS`` at most. Only with a
cache shared by every process (Redis); without one, each member's count is read as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import models, transaction

from passerelles.core.background import shared_cache

EVERYONE_SECONDS = 300
EVERYONE_KEY = "members:seen-by-everyone"


def seen_by_everyone(limit: int) -> int | None:
    """Active profiles whose visibility is "all", counted no further than ``limit``;
    None without a shared cache (the caller counts as before)."""
    if not shared_cache():
        return None
    kept = cache.get(EVERYONE_KEY)
    if kept is not None:
        count, upto = kept
        if count >= limit or count < upto:  # enough, or exact
            return min(count, limit)
    from passerelles.members.models import Profile, Visibility

    count = (
        Profile.objects.filter(user__is_active=True, visibility=Visibility.ALL)
        .order_by()[:limit]
        .count()
    )
    cache.set(EVERYONE_KEY, (count, limit), EVERYONE_SECONDS)
    return count


def forget_everyone() -> None:
    """Drop the kept number now and when the transaction commits."""
    cache.delete(EVERYONE_KEY)
    transaction.on_commit(lambda: cache.delete(EVERYONE_KEY))


def profile_changed(sender: Any, **kwargs: Any) -> None:
    """A profile saved or deleted (one by one, or by a cascade)."""
    forget_everyone()


def account_changed(sender: Any, update_fields: Iterable[str] | None = None, **kwargs: Any) -> None:
    """An account saved (its ``is_active`` perhaps changed) or deleted; a save of other
    fields only (the last sign-in's moment, a password) changes nothing here."""
    if update_fields is not None and "is_active" not in update_fields:
        return
    forget_everyone()


class ProfileQuerySet(models.QuerySet[Any]):
    """Writes through a queryset drop the kept number."""

    def update(self, **kwargs: Any) -> int:
        done: int = super().update(**kwargs)
        forget_everyone()
        return done

    def delete(self) -> tuple[int, dict[str, int]]:
        done: tuple[int, dict[str, int]] = super().delete()
        forget_everyone()
        return done

    delete.queryset_only = True  # type: ignore[attr-defined]

    def bulk_create(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> list[Any]:
        made: list[Any] = super().bulk_create(objs, *args, **kwargs)
        forget_everyone()
        return made
