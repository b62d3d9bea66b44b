"""How many profiles every member may see, kept in the cache: a floor of each member's count.

Every signed-in member sees the active profiles whose visibility is "all" (and more:
their own, their circles', their bridged circles'). The directory's capped count
(``core.pagination``: how many profiles one may see, up to ``LIST_CAP + 1``) is therefore
at least the number of those; when they alone reach the cap, the count is the cap and
the query that counted it for each member (3-5 ms of PostgreSQL on three of the main
pages at 100,000 members, benchmarks/README.md) is not needed.

The number is kept in the shared cache, counted up to the largest cap asked, and dropped
(a new generation: see ``GENERATION_KEY``) whenever it may change, by whatever path: a
profile saved, deleted, or written through a queryset (``ProfileQuerySet`` below:
``update``, ``delete``, ``bulk_create``), an account saved with its ``is_active`` (or
without ``update_fields``) or deleted. It is dropped at once and again when the
transaction commits. The demo's loader and a restored snapshot drop it themselves; a
write past all of these (an account's ``is_active`` changed through a queryset, SQL by
hand) is seen after ``EVERYONE_SECONDS`` at most. Only with a cache shared by every
process (Redis); a cache that cannot be read or written costs the saving only: each
member's count is then read as before.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.db import connection, models, transaction

from passerelles.core.background import shared_cache

logger = logging.getLogger(__name__)

EVERYONE_SECONDS = 300
EVERYONE_KEY = "members:seen-by-everyone"
# The generation of the kept number: a new one at every write that may change it. A number
# is kept with the generation read before it was counted and used only under that same
# generation, so that a count begun before a write commits (it saw the old rows) and kept
# after the write dropped the number is never used.
GENERATION_KEY = "members:seen-by-everyone:generation"


def seen_by_everyone(limit: int) -> int | None:
    """Active profiles whose visibility is "all", counted no further than ``limit``;
    None without a shared cache, or when the cache cannot be read (the caller counts as
    before)."""
    if not shared_cache():
        return None
    try:
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
            generation = cache.get(GENERATION_KEY)
        kept = cache.get(EVERYONE_KEY)
    except Exception:
        logger.warning("could not read the number of profiles seen by all", exc_info=True)
        return None
    if generation is None:
        return None
    if kept is not None:
        kept_generation, count, upto = kept
        if kept_generation == generation and (count >= limit or count < upto):
            return min(count, limit)  # enough, or exact
    from passerelles.members.models import Profile, Visibility

    count = (
        Profile.objects.filter(user__is_active=True, visibility=Visibility.ALL)
        .order_by()[:limit]
        .count()
    )
    connection.everyone_counted = True  # type: ignore[attr-defined]  # see forget_everyone
    try:
        cache.set(EVERYONE_KEY, (generation, count, limit), EVERYONE_SECONDS)
    except Exception:
        logger.warning("could not keep the number of profiles seen by all", exc_info=True)
    return count


def _new_generation() -> None:
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:  # the number kept, if any, lasts EVERYONE_SECONDS at most
        logger.warning("could not drop the number of profiles seen by all", exc_info=True)


def forget_everyone() -> None:
    """Make the kept number unusable now and when the transaction commits. Within one
    transaction, once: again only after this connection counted in between (a number
    kept from its own uncommitted rows); deleting many accounts at once writes to the
    cache twice, not twice per account."""
    pending = connection.in_atomic_block and any(
        entry[1] is _new_generation for entry in connection.run_on_commit
    )
    if pending and not getattr(connection, "everyone_counted", False):
        return
    connection.everyone_counted = False  # type: ignore[attr-defined]
    _new_generation()
    if not pending:
        transaction.on_commit(_new_generation)


# The profile's fields the number depends on (its visibility, whose account it is).
COUNTED_FIELDS = frozenset({"visibility", "user", "user_id"})


def profile_changed(sender: Any, update_fields: Iterable[str] | None = None, **kwargs: Any) -> None:
    """A profile saved or deleted (one by one, or by a cascade); a save of other fields
    only (its language, its text) changes nothing here."""
    if update_fields is not None and not COUNTED_FIELDS & set(update_fields):
        return
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
        if done and COUNTED_FIELDS & set(kwargs):  # not a sign-in's language, say
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
