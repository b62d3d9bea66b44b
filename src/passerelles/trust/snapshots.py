"""Global reputation snapshots: computed in the background, swapped in one transaction.

A new snapshot's rows are all written before ``TrustState.current`` points at it, and
the previous snapshot is kept until the next swap, so a reader that looked up the
pointer just before a swap still reads a complete snapshot.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.db.models import Subquery
from django.utils import timezone

from passerelles.core.statements import Statement
from passerelles.engine.trust import reputation
from passerelles.trust import graph as trust_graph
from passerelles.trust import state as trust_state
from passerelles.trust.models import MemberTrust, TrustSnapshot, TrustState

BATCH = 2000


@dataclass(frozen=True)
class MemberStanding:
    reputation: float
    percentile: float


def current_snapshot_id() -> int | None:
    return (
        TrustState.objects.filter(pk=trust_state.STATE_PK)
        .values_list("current_id", flat=True)
        .first()
    )


def _standing_rows(user_id: int):
    current = TrustState.objects.filter(pk=trust_state.STATE_PK).values("current_id")
    return (
        MemberTrust.objects.filter(snapshot_id=Subquery(current[:1]), user_id=user_id)
        .order_by("pk")
        .values_list("reputation", "percentile")
    )


# Read on every passport: compiled once per process (benchmarks/README.md, web section).
_standing = Statement(_standing_rows)


def standing_of(user) -> MemberStanding | None:
    """The member's global reputation in the current snapshot (None before the first)."""
    rows = _standing.window(user.pk, offset=0, limit=1)
    return MemberStanding(*rows[0]) if rows else None


def recompute(force: bool = False) -> dict:
    """Recompute reputation if evidence changed since the current snapshot, then admit
    the pending applicants who now pass. Returns a summary for logs and the command."""
    from passerelles.trust.admission import review_pending

    # Clear the queue flag first: a change made during this run enqueues the next one.
    trust_state.get_state()
    TrustState.objects.filter(pk=trust_state.STATE_PK).update(queued_at=None)
    state = TrustState.objects.get(pk=trust_state.STATE_PK)
    if not force and state.current_id and state.computed_version == state.version:
        return {"skipped": True, "version": state.version}
    built = trust_graph.build_graph((state.version, state.dirty_at))
    snapshot = write_snapshot(state.version, built)
    swapped = swap_to(snapshot)
    if swapped:
        trust_graph.remember(built)  # readers in this process need not build it again
    admitted = review_pending(built=built)
    return {
        "skipped": False,
        "swapped": swapped,
        "version": snapshot.version,
        "snapshot": snapshot.pk,
        "members": snapshot.members,
        "edges": snapshot.edges,
        "duration_ms": snapshot.duration_ms,
        "admitted": len(admitted),
    }


def write_snapshot(version: int, built: trust_graph.EvidenceGraph | None = None) -> TrustSnapshot:
    """Compute reputation (on ``built``, default: a fresh graph) and write a complete,
    not yet current, snapshot."""
    started = time.perf_counter()
    built = built or trust_graph.build_graph((version, None))
    seeds = built.nodes(trust_graph.reputation_seeds())
    scores = reputation(built.graph, seeds)
    n = scores.size
    ranks = np.argsort(np.argsort(scores, kind="stable"), kind="stable")
    percentile = ranks / max(n - 1, 1)
    with transaction.atomic():
        snapshot = TrustSnapshot.objects.create(
            version=version,
            started_at=timezone.now(),
            members=n,
            edges=int(built.graph.trust.nnz + built.graph.distrust.nnz),
            seeds=int(seeds.size),
        )
        rows = [
            MemberTrust(
                snapshot=snapshot,
                user_id=int(built.index.ids[i]),
                reputation=float(scores[i]),
                percentile=float(percentile[i]),
            )
            for i in range(n)
        ]
        MemberTrust.objects.bulk_create(rows, batch_size=BATCH)
        snapshot.completed_at = timezone.now()
        snapshot.duration_ms = int((time.perf_counter() - started) * 1000)
        snapshot.save(update_fields=["completed_at", "duration_ms"])
    return snapshot


@transaction.atomic
def swap_to(snapshot: TrustSnapshot) -> bool:
    """Point readers at ``snapshot`` (unless a newer one is current) and drop the
    snapshots older than the one it replaces."""
    state = TrustState.objects.select_for_update().get(pk=trust_state.STATE_PK)
    if state.current_id and state.computed_version > snapshot.version:
        snapshot.delete()
        return False
    previous = state.current_id
    state.current = snapshot
    state.computed_version = snapshot.version
    state.computed_at = timezone.now()
    state.save(update_fields=["current", "computed_version", "computed_at"])
    keep = [snapshot.pk] + ([previous] if previous else [])
    TrustSnapshot.objects.exclude(pk__in=keep).filter(pk__lt=snapshot.pk).delete()
    return True
