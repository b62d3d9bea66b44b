"""From the database to the engine: evidence rows -> arrays -> ``TrustGraph``.

The built graph is kept in Django's cache (Redis when ``REDIS_URL`` is set, so every web
process and worker on every machine shares it), keyed by the trust state's
(version, dirty_at), so that a profile page only pays the personal-trust computation, not
the graph build; each process also remembers the graph it last read, checked against the
state on every call. After a change, while its recomputation waits in the queue
(debounced, ``queued_at`` set), readers keep the last built graph if it is younger than
``TRUST_GRAPH_MAX_AGE_SECONDS``: a burst of changes (every membership save marks the state
dirty) costs no request a rebuild. The recomputation builds the graph itself and shares
it. Rules that must hold at once (co-optation counts) read the database, not this.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TypeGuard

import numpy as np
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from passerelles.circles.models import ADMIN_ROLES, Membership
from passerelles.engine.graph import IdIndex
from passerelles.engine.trust import (
    DEFAULT_HALF_LIFE_DAYS,
    KIND_ENDORSEMENT,
    KIND_MEETING,
    KIND_REPORT,
    KIND_VOUCH,
    TrustGraph,
    evidence_weights,
)
from passerelles.trust import state as trust_state
from passerelles.trust.models import (
    Endorsement,
    MeetingAttestation,
    Report,
    ReportStatus,
    Vouch,
)

SECONDS_PER_DAY = 86400.0
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EvidenceGraph:
    """The engine graph with the map between user ids and node indices."""

    key: tuple
    index: IdIndex
    graph: TrustGraph
    built_at: float = field(default_factory=time.time)  # wall clock: compared across processes

    def node(self, user_id: int) -> int | None:
        return int(self.index.index_of(user_id)) if user_id in self.index else None

    def nodes(self, user_ids) -> np.ndarray:
        ids = [u for u in user_ids if u in self.index]
        return self.index.index_of(np.asarray(ids, dtype=np.int64))

    def user_id(self, node: int) -> int:
        return int(self.index.ids[node])


def has_counterpart(attester=None) -> Q:
    """Condition on a ``MeetingAttestation`` row: the other side attested the same meeting
    (same source and source id; meetings without an id pair on the source alone).
    ``attester`` restricts the counterpart's author (default: the row's ``other``)."""
    author = attester if attester is not None else OuterRef("other")
    same = MeetingAttestation.objects.filter(
        attester=author, other=OuterRef("attester"), source=OuterRef("source")
    )
    return (Q(source_id__isnull=False) & Exists(same.filter(source_id=OuterRef("source_id")))) | (
        Q(source_id__isnull=True) & Exists(same.filter(source_id__isnull=True))
    )


def mutual_attestations():
    """Attestations whose counterpart exists: the meetings that carry weight."""
    return MeetingAttestation.objects.filter(has_counterpart())


def _ages(stamps, now) -> np.ndarray:
    return np.array([max(0.0, (now - s).total_seconds() / SECONDS_PER_DAY) for s in stamps])


def collect_evidence(now=None) -> dict[str, np.ndarray]:
    """All evidence as parallel arrays: src/dst user ids, kind, strength in [0, 1],
    age in days and label (the evidence row's pk)."""
    now = now or timezone.now()
    parts = []
    vouches = list(
        Vouch.objects.filter(revoked_at__isnull=True).values_list(
            "voucher_id", "vouchee_id", "strength", "updated_at", "pk"
        )
    )
    if vouches:
        v = list(zip(*vouches, strict=True))
        parts.append((v[0], v[1], KIND_VOUCH, np.array(v[2]) / 3.0, _ages(v[3], now), v[4]))
    meetings = list(
        mutual_attestations().values_list(
            "attester_id", "other_id", "usefulness", "happened_on", "pk"
        )
    )
    if meetings:
        m = list(zip(*meetings, strict=True))
        today = timezone.localdate(now)
        ages = np.array([max(0, (today - d).days) for d in m[3]], dtype=np.float64)
        parts.append((m[0], m[1], KIND_MEETING, np.array(m[2]) / 5.0, ages, m[4]))
    endorsements = list(
        Endorsement.objects.values_list("endorser_id", "member_id", "created_at", "pk")
    )
    if endorsements:
        e = list(zip(*endorsements, strict=True))
        parts.append((e[0], e[1], KIND_ENDORSEMENT, np.ones(len(e[0])), _ages(e[2], now), e[3]))
    reports = list(
        Report.objects.filter(status=ReportStatus.UPHELD).values_list(
            "reporter_id", "reported_id", "reviewed_at", "pk"
        )
    )
    if reports:
        r = list(zip(*reports, strict=True))
        stamps = [s or now for s in r[2]]
        parts.append((r[0], r[1], KIND_REPORT, np.ones(len(r[0])), _ages(stamps, now), r[3]))
    if not parts:
        empty_i = np.zeros(0, dtype=np.int64)
        return {
            "src": empty_i,
            "dst": empty_i,
            "kind": empty_i,
            "strength": np.zeros(0),
            "age_days": np.zeros(0),
            "label": empty_i,
        }
    return {
        "src": np.concatenate([np.asarray(p[0], dtype=np.int64) for p in parts]),
        "dst": np.concatenate([np.asarray(p[1], dtype=np.int64) for p in parts]),
        "kind": np.concatenate([np.full(len(p[0]), p[2], dtype=np.int64) for p in parts]),
        "strength": np.concatenate([np.asarray(p[3], dtype=np.float64) for p in parts]),
        "age_days": np.concatenate([np.asarray(p[4], dtype=np.float64) for p in parts]),
        "label": np.concatenate([np.asarray(p[5], dtype=np.int64) for p in parts]),
    }


def build_graph(key: tuple = (0, None), now=None) -> EvidenceGraph:
    """Build the engine graph over all active members from the current evidence."""
    user_ids = np.fromiter(
        get_user_model().objects.filter(is_active=True).values_list("pk", flat=True),
        dtype=np.int64,
    )
    index = IdIndex(user_ids)
    ev = collect_evidence(now)
    known = np.isin(ev["src"], user_ids) & np.isin(ev["dst"], user_ids)
    ev = {name: values[known] for name, values in ev.items()}
    half_life = getattr(settings, "TRUST_HALF_LIFE_DAYS", DEFAULT_HALF_LIFE_DAYS)
    weights = evidence_weights(ev["kind"], ev["strength"], ev["age_days"], half_life)
    graph = TrustGraph.from_edges(
        index.index_of(ev["src"]),
        index.index_of(ev["dst"]),
        weights,
        num_nodes=len(index),
        kind=ev["kind"],
        label=ev["label"],
    )
    return EvidenceGraph(key, index, graph)


_lock = threading.Lock()
_cached: EvidenceGraph | None = None
SHARED_KEY = "trust:graph"


def max_age_seconds() -> float:
    return float(getattr(settings, "TRUST_GRAPH_MAX_AGE_SECONDS", 60))


def _usable(cached: EvidenceGraph | None, key: tuple, queued: bool) -> TypeGuard[EvidenceGraph]:
    """The cached graph serves if it is current, or, while the recomputation of a newer
    state is queued, if it is young enough."""
    if cached is None:
        return False
    if cached.key == key:
        return True
    return queued and time.time() - cached.built_at < max_age_seconds()


def _share(built: EvidenceGraph) -> None:
    timeout = getattr(settings, "TRUST_GRAPH_CACHE_SECONDS", 24 * 3600)
    try:
        cache.set(SHARED_KEY, built, timeout)
    except Exception:  # an unreachable cache costs a rebuild elsewhere, not this request
        logger.warning("could not share the trust graph through the cache", exc_info=True)


def _shared() -> EvidenceGraph | None:
    try:
        return cache.get(SHARED_KEY)
    except Exception:
        logger.warning("could not read the trust graph from the cache", exc_info=True)
        return None


def current_graph() -> EvidenceGraph:
    """The graph of the current evidence: this process's, else the shared one, rebuilt
    only when the trust state changed and no recomputation is queued to follow (then,
    only past the maximum age)."""
    global _cached
    key, queued = trust_state.cache_status()
    if _usable(_cached, key, queued):
        return _cached
    with _lock:
        if _usable(_cached, key, queued):
            return _cached
        shared = _shared()
        if _usable(shared, key, queued):
            _cached = shared
            return _cached
        _cached = build_graph(key)
        _share(_cached)
        return _cached


def remember(built: EvidenceGraph) -> None:
    """Keep ``built`` (e.g. the recomputation's graph) as the current graph, here and for
    every other process."""
    global _cached
    with _lock:
        _cached = built
    _share(built)


def clear_cache() -> None:
    global _cached
    with _lock:
        _cached = None
    cache.delete(SHARED_KEY)


def reputation_seeds() -> list[int]:
    """User ids seeding reputation: members verified by their circle, and circle admins,
    of the circles the platform recognises. Anyone may create a circle and so become its
    owner: an unrecognised circle's members still vouch, but it anchors nothing."""
    return list(
        Membership.objects.admitted()
        .filter(circle__recognised=True)
        .filter(Q(verified=True) | Q(role__in=ADMIN_ROLES))
        .values_list("user_id", flat=True)
        .distinct()
    )
