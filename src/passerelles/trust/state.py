"""The trust state row: mark evidence as changed and ask, once, for a recomputation."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from passerelles.trust.models import TrustState

STATE_PK = 1


def get_state() -> TrustState:
    state, _created = TrustState.objects.get_or_create(pk=STATE_PK)
    return state


def cache_key() -> tuple[int, object]:
    """(version, dirty_at): changes with every committed change, even after a rollback."""
    row = TrustState.objects.filter(pk=STATE_PK).values_list("version", "dirty_at").first()
    return row if row is not None else (0, None)


def cache_status() -> tuple[tuple[int, object], bool]:
    """(``cache_key()``, whether a recomputation is queued), in one query."""
    row = (
        TrustState.objects.filter(pk=STATE_PK)
        .values_list("version", "dirty_at", "queued_at")
        .first()
    )
    if row is None:
        return (0, None), False
    return (row[0], row[1]), row[2] is not None


def mark_dirty() -> None:
    """Record that evidence changed; a recomputation is requested once the change commits."""
    get_state()
    TrustState.objects.filter(pk=STATE_PK).update(version=F("version") + 1, dirty_at=timezone.now())
    transaction.on_commit(request_recompute)


def request_recompute() -> bool:
    """Enqueue the recomputation unless one already waits (debounce). True if enqueued."""
    from passerelles.trust.tasks import recompute_trust

    get_state()
    claimed = TrustState.objects.filter(pk=STATE_PK, queued_at__isnull=True).update(
        queued_at=timezone.now()
    )
    if not claimed:
        return False
    task = recompute_trust
    delay = getattr(settings, "TRUST_RECOMPUTE_DELAY_SECONDS", 5)
    if delay and task.get_backend().supports_defer:
        # Changes arriving in the next few seconds are folded into the same run.
        task = task.using(run_after=timezone.now() + timedelta(seconds=delay))
    try:
        task.enqueue()
    except Exception:
        TrustState.objects.filter(pk=STATE_PK).update(queued_at=None)
        raise
    return True
