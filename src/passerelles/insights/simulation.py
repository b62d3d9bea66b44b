"""What-if simulation on the platform's current data (``engine.simulate``).

The round's candidate pairs and scores come from the matching engine on today's members
(``intros.matching_data``); which pairs a scenario allows follows the rounds' own consent
and scope rules (``matching_data.allowed_pairs``) with the scenario's bridges. Ties are
today's vouches and mutual meetings (``queries.load_ties``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from django.utils import timezone
from scipy import sparse

from passerelles.circles.models import Bridge, BridgeState, Circle
from passerelles.engine.matching import candidate_pairs, pair_components
from passerelles.engine.simulate import Assumptions, Series, World, simulate
from passerelles.insights.queries import load_ties
from passerelles.intros import matching_data

CANDIDATES = 50


@dataclass
class Outcome:
    months: int
    seed: int
    circles: list[Circle]  # the circles of the chosen bridges
    circle_columns: list[int]  # their columns in ``Series.circle_ei``
    today: Series  # as things are
    changed: Series  # with the chosen bridges (and without introductions if asked)
    columns: dict[int, int]  # circle id -> its column in ``Series.circle_ei``


def _reach(pool, circle_ids: np.ndarray, pairs: list[tuple[int, int]]):
    column = {int(c): j for j, c in enumerate(circle_ids.tolist())}
    c = len(circle_ids)
    br = np.array([(column[a], column[b]) for a, b in pairs], dtype=np.int64).reshape(-1, 2)
    adjacency = sparse.csr_matrix(
        (np.ones(2 * len(br)), (np.r_[br[:, 0], br[:, 1]], np.r_[br[:, 1], br[:, 0]])),
        shape=(c, c),
    )
    circles = sparse.csr_matrix(pool.members.circles)
    reach = (circles + circles @ adjacency).tocsr()
    reach.data[:] = 1.0
    return reach, br


NEWCOMER_DAYS = 365
"""A member unrecommended this long after first asking to join is no longer a newcomer
waiting: the founders and old members of a circle nobody vouched for would otherwise
count as waiting for years, and the chart of waits (newcomers') read 400-800 days."""


def _vouch_state(pool, now):
    """(vouched, waited): who no longer waits for a first recommendation (recommended, or
    in for more than ``NEWCOMER_DAYS``), and the days each has waited since first asking
    to join (as the dashboard counts it: from the request)."""
    from passerelles.circles.models import Membership
    from passerelles.trust.models import Vouch

    index = {int(u): i for i, u in enumerate(pool.user_ids.tolist())}
    vouched = np.zeros(pool.n, dtype=bool)
    for user_id in Vouch.objects.filter(revoked_at=None).values_list("vouchee_id", flat=True):
        if user_id in index:
            vouched[index[user_id]] = True
    waited = np.zeros(pool.n)
    joined = Membership.objects.admitted().values_list("user_id", "requested_at", "admitted_at")
    for user_id, requested_at, admitted_at in joined:
        i = index.get(user_id)
        since = requested_at or admitted_at
        if i is not None and since is not None:
            waited[i] = max(waited[i], (now - since).total_seconds() / 86400)
    return vouched | (waited > NEWCOMER_DAYS), waited


def run(
    months: int = 12,
    *,
    seed: int = 0,
    with_bridges: Sequence[tuple[Circle, Circle]] = (),
    introductions: bool = True,
    assumptions: Assumptions | None = None,
    now=None,
) -> Outcome:
    """Simulate ``months`` months as things are and with the change, on today's data."""
    now = now or timezone.now()
    pool = matching_data.load_pool(now, force=True)
    circle_ids = pool.circle_ids
    assert circle_ids is not None  # a loaded pool names the circle of each column
    column = {int(c): j for j, c in enumerate(circle_ids.tolist())}
    chosen = [(a, b) for a, b in with_bridges if a.pk in column and b.pk in column]
    active = [
        (a, b)
        for a, b in Bridge.objects.filter(state=BridgeState.ACTIVE).values_list(
            "from_circle_id", "to_circle_id"
        )
        if a in column and b in column
    ]
    available = pool.capacity > 0
    if pool.model is not None and available.sum() >= 2:
        rows, cols = candidate_pairs(
            pool.members.needs, pool.members.offers, CANDIDATES, available=available
        )
        comp = pair_components(pool.members, rows, cols)
        score, ok = comp["total"], comp["allowed"]
    else:
        rows = cols = np.empty(0, dtype=np.int64)
        score, ok = np.empty(0), np.empty(0, dtype=bool)
    circles = sparse.coo_matrix(pool.members.circles)
    ties = load_ties()
    index = {int(u): i for i, u in enumerate(pool.user_ids.tolist())}
    pairs = [
        (index[a], index[b])
        for a, b in zip(ties.a.tolist(), ties.b.tolist(), strict=True)
        if a in index and b in index
    ]
    vouched, waited = _vouch_state(pool, now)

    def world(bridge_pairs) -> World:
        reach, br = _reach(pool, circle_ids, bridge_pairs)
        allowed = ok & matching_data.allowed_pairs(replace(pool, reach=reach), rows, cols)
        return World(
            n=pool.n,
            c=len(circle_ids),
            mem_member=circles.row.astype(np.int64),
            mem_circle=circles.col.astype(np.int64),
            ties=np.array(pairs, dtype=np.int64).reshape(-1, 2),
            rows=rows,
            cols=cols,
            score=score,
            allowed=allowed,
            capacity=pool.capacity,
            bridges=br,
            vouched=vouched,
            waited_days=waited,
        )

    extra = [(a.pk, b.pk) for a, b in chosen]
    today = simulate(world(active), months, seed=seed, assumptions=assumptions)
    changed = simulate(
        world(active + extra),
        months,
        seed=seed,
        introductions=introductions,
        assumptions=assumptions,
    )
    named = list(dict.fromkeys(c for pair in chosen for c in pair))
    return Outcome(months, seed, named, [column[c.pk] for c in named], today, changed, column)


def column_of(outcome: Outcome, circle: Circle) -> int | None:
    """The column of ``circle`` in the series (None for a circle without members)."""
    return outcome.columns.get(circle.pk)
