"""The header's count of unread notices, kept in the cache per member.

Read on every page a member opens (one query, about 0.4 ms of server CPU), written far
less often. The count is dropped whenever a member's notices change, by whatever path:
a notice created, saved or deleted one by one, created in bulk (``bulk_create``), marked
read or changed through a queryset (``update``) or deleted through one (``delete``) all
go through ``NotificationQuerySet`` below. It is dropped at once and again when the
transaction commits, so that a page read in between cannot keep the old count. Only a
notice deleted by a cascade (an account removed by other means than closing it) is not
seen: the count then lasts ``UNREAD_SECONDS`` at most. Only with a cache shared by every
process (Redis): a cache of each process's own would keep an old count in the web
processes after the task worker, another process, wrote a notice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import models, transaction

from passerelles.core.background import shared_cache

UNREAD_SECONDS = 120


def unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def cached_unread(user_id: int, count: Callable[[], int]) -> int:
    """The member's unread count from the cache, else ``count()`` kept there."""
    if not shared_cache():
        return count()
    key = unread_key(user_id)
    value = cache.get(key)
    if value is None:
        value = count()
        cache.set(key, value, UNREAD_SECONDS)
    return int(value)


def forget_unread(user_ids: Iterable[int | None]) -> None:
    """Drop the counts of these members now and when the transaction commits."""
    keys = [unread_key(pk) for pk in set(user_ids) if pk is not None]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


class NotificationQuerySet(models.QuerySet[Any]):
    """Writes through a queryset drop the counts of the members whose notices change."""

    def _owners(self) -> list[int]:
        return list(self.order_by().values_list("user_id", flat=True).distinct())

    def update(self, **kwargs: Any) -> int:
        owners = self._owners()
        done: int = super().update(**kwargs)
        new_owner = kwargs.get("user_id", getattr(kwargs.get("user"), "pk", None))
        forget_unread([*owners, new_owner])
        return done

    def delete(self) -> tuple[int, dict[str, int]]:
        owners = self._owners()
        done: tuple[int, dict[str, int]] = super().delete()
        forget_unread(owners)
        return done

    delete.queryset_only = True  # type: ignore[attr-defined]

    def bulk_create(self, objs: Iterable[Any], *args: Any, **kwargs: Any) -> list[Any]:
        objs = list(objs)
        made: list[Any] = super().bulk_create(objs, *args, **kwargs)
        forget_unread(obj.user_id for obj in objs)
        return made
