"""Table plans for networking evenings with rounds (speed meetings, tables rondes).

A plan is an int array ``(rounds, n)``: ``plan[r, i]`` is the table of participant ``i`` in
round ``r`` (``-1``: not seated, only in plans returned by :func:`replan`).

Objectives, in order of priority:
1. forbidden pairs never share a table (hard: ``ValueError`` if no plan is found);
2. nobody meets the same person twice (fewest repeated meetings when unavoidable);
3. tables mix groups (circles, sectors): most distinct groups per table;
4. themed tables get people interested in their theme (soft);
5. groups spread evenly: fewest encounters within one group.

Method: zero-repeat first rounds when every table has the same size: a construction of
:mod:`tables_design` (finite-field affine and transversal designs, affine spaces, Kirkman
triple systems, cyclic Latin squares, round robin), else a cyclic design found by search
(evenings up to 120 people): first an exact-cover search for a base round that also has a
second symmetry (:mod:`tables_symmetric`: rows rotated, multipliers; 1-rotational
resolvable designs such as 10 tables of 4 for 13 rounds), then a tabu search over one base
round (:mod:`tables_cyclic`); participants are
then relabelled to mix groups, which keeps zero repeats. Otherwise (and for the rounds
past the design) a greedy plan. Then a tabu search on swaps of two participants in one
round, evaluated for every swap at once with numpy from a pair-count matrix. While
repeats remain above the counting bound and time is left, a portfolio of two searches
shares the rest of the time by turns: the search above goes on and then restarts (from a
fresh start, then twice from the best plan with some rounds reshuffled), and a plain tabu
search from a greedy start runs beside it (one long run, perturbed after stalls), so that
where the constructions do not help (past the known maxima) the plan stays about as good
as a plain tabu search alone; the best plan of both is kept.

Table sizes: with an int ``table_size``, the fewest tables of at most ``table_size``
people, sizes as even as possible (31 people, tables of 4: 8 tables, 7 of 4 and 1 of 3).
With a sequence of capacities, the fewest tables (largest capacities first) that seat
everybody, filled as evenly as the capacities allow; unused tables stay empty.
Occupancy per table is fixed for the whole evening.

Deterministic for a given ``seed`` when the search stops on its own (all bounds reached,
``max_iterations``, or restarts that stopped improving); a stop by ``time_limit``
depends on machine speed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np
from numpy.typing import ArrayLike

from passerelles.engine.tables_cyclic import cyclic_design
from passerelles.engine.tables_design import max_design_rounds, resolvable_design
from passerelles.engine.tables_regular import regular_design
from passerelles.engine.tables_symmetric import symmetric_design

__all__ = [
    "PlanQuality",
    "circle_encounters",
    "greedy_plan",
    "mixing_bound",
    "plan_quality",
    "plan_tables",
    "random_plan",
    "replan",
    "table_sizes",
]

# Guidance weights of the local search. One more repeat (16) outweighs the largest mixing
# and theme gain of a single swap (4 * 2 + 2 * 1); a forbidden pair outweighs any repeats
# a swap can remove for usual table sizes. The best plan is kept lexicographically.
_W_FORBIDDEN = 1000.0
_W_REPEAT = 16.0
_W_MIX = 2.0
_W_THEME = 1.0
# Last: encounters within one circle (pairs of one circle at one table), so that circles
# spread evenly over the tables; small enough that a swap's change (at most about four
# times the table size) never outweighs one more distinct circle or themed seat.
_W_ENC = 0.01
_NOISE = 0.004  # random tie-breaking, below half of the smallest weight


# --------------------------------------------------------------------------- validation


def table_sizes(n: int, table_size: int | Sequence[int]) -> np.ndarray:
    """Occupancy of each table: int array ``(tables,)`` summing to ``n``.

    ``table_size`` int: the fewest tables of at most that size, sizes as even as possible;
    nobody sits alone: with tables of 2 and an odd number (3 or more), one table holds 3.
    Sequence of capacities: one entry per table; the fewest tables (largest first) are
    used and filled evenly within their capacities, the others get 0.
    """
    if isinstance(table_size, (int, np.integer)):
        size = int(table_size)
        if size < 2:
            raise ValueError(f"table_size must be at least 2, got {size}")
        k = max(1, -(-n // size))
        if n >= 3 and n < 2 * k:  # a table of one: only with tables of 2 and an odd n
            k = n // 2
        return np.full(k, n // k, dtype=np.int64) + (np.arange(k) < n % k)
    caps = np.asarray(table_size)
    if caps.ndim != 1 or caps.size == 0 or not np.issubdtype(caps.dtype, np.integer):
        raise ValueError("table_size must be an int or a non-empty sequence of ints")
    if caps.min() < 2:
        raise ValueError(f"every table capacity must be at least 2, got {caps.min()}")
    if caps.sum() < n:
        raise ValueError(f"more participants ({n}) than seats ({int(caps.sum())})")
    order = np.argsort(-caps, kind="stable")
    used = int(np.searchsorted(np.cumsum(caps[order]), n)) + 1 if n else 0
    sizes = np.zeros(caps.size, dtype=np.int64)
    chosen = order[:used]
    # water-filling: raise a common level until the seats reach n, then hand out the rest
    left, cap = n, caps[chosen].astype(np.int64)
    level = 0
    while left and used:
        room = cap > level
        if left >= room.sum():
            level += 1
            left -= int(room.sum())
        else:
            extra = np.flatnonzero(room)[:left]
            sizes[chosen[extra]] += 1
            left = 0
    sizes[chosen] += np.minimum(cap, level)
    return sizes


def _pairs(pairs: ArrayLike | None, n: int, name: str) -> np.ndarray:
    if pairs is None:
        return np.zeros((0, 2), dtype=np.int64)
    arr = np.asarray(pairs)
    if arr.size == 0:
        return np.zeros((0, 2), dtype=np.int64)
    if arr.ndim != 2 or arr.shape[1] != 2 or not np.issubdtype(arr.dtype, np.integer):
        raise ValueError(f"{name} must be an int array of pairs, shape (m, 2)")
    if arr.min() < 0 or arr.max() >= n:
        raise ValueError(f"{name} holds participant indices outside 0..{n - 1}")
    if np.any(arr[:, 0] == arr[:, 1]):
        raise ValueError(f"{name} holds a pair of a participant with itself")
    return arr.astype(np.int64)


def _labels(groups: ArrayLike | None, n: int) -> np.ndarray | None:
    if groups is None:
        return None
    arr = np.asarray(groups)
    if arr.shape != (n,) or not np.issubdtype(arr.dtype, np.integer):
        raise ValueError(f"groups must be an int array of shape ({n},), got shape {arr.shape}")
    return np.unique(arr, return_inverse=True)[1].astype(np.int64)


def _theme_match(
    table_themes: ArrayLike | None, interests: ArrayLike | None, n: int, k: int
) -> np.ndarray | None:
    """Bool ``(n, k)``: participant i is interested in the theme of table t."""
    if table_themes is None and interests is None:
        return None
    if table_themes is None or interests is None:
        raise ValueError("table_themes and interests go together")
    themes = np.asarray(table_themes)
    likes = np.asarray(interests, dtype=bool)
    if themes.shape != (k,) or not np.issubdtype(themes.dtype, np.integer):
        raise ValueError(f"table_themes must be an int array of shape ({k},) (-1: no theme)")
    if likes.ndim != 2 or likes.shape[0] != n:
        raise ValueError(f"interests must be a bool array of shape ({n}, themes)")
    if themes.min(initial=0) < -1 or themes.max(initial=-1) >= likes.shape[1]:
        raise ValueError(f"table_themes must be -1 or a theme index below {likes.shape[1]}")
    match = np.zeros((n, k), dtype=bool)
    themed = themes >= 0
    match[:, themed] = likes[:, themes[themed]]
    return match


# --------------------------------------------------------------------------- bounds


def mixing_bound(sizes: ArrayLike, group_counts: ArrayLike) -> int:
    """Most (table, group) incidences one round can reach: the best total of distinct
    groups over its tables.

    Max flow of a complete bipartite graph (table t takes at most ``sizes[t]`` groups, group
    g sits at most at ``counts[g]`` tables, once per table), by its min cut: exclude the i
    largest tables and j largest groups from the cut, pay i * j for the edges between them.
    Any such incidence pattern extends to a full seating, so the bound is attained.
    """
    a = np.sort(np.asarray(sizes, dtype=np.int64))
    b = np.sort(np.asarray(group_counts, dtype=np.int64))
    a, b = a[a > 0], b[b > 0]
    pa = np.concatenate(([0], np.cumsum(a)))  # pa[m]: sum of the m smallest
    pb = np.concatenate(([0], np.cumsum(b)))
    i = np.arange(a.size + 1)[:, None]
    j = np.arange(b.size + 1)[None, :]
    return int((pa[a.size - i] + pb[b.size - j] + i * j).min())


def _theme_bound(sizes: np.ndarray, match: np.ndarray) -> int:
    """Most seats per round that go to a participant interested in their table's theme."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_flow

    n, k = match.shape
    people, tables = np.nonzero(match)
    src, sink = n + k, n + k + 1
    rows = np.concatenate((np.full(n, src), people, n + np.arange(k)))
    cols = np.concatenate((np.arange(n), n + tables, np.full(k, sink)))
    caps = np.concatenate((np.ones(n + people.size), sizes)).astype(np.int32)
    graph = csr_matrix((caps, (rows, cols)), shape=(n + k + 2, n + k + 2))
    return int(maximum_flow(graph, src, sink).flow_value)


# --------------------------------------------------------------------------- quality


@dataclass(frozen=True)
class PlanQuality:
    """Figures of a plan (``-1`` entries ignored). ``mean_distinct_groups`` and its bound
    are per occupied table, averaged over rounds and tables; they are None without groups."""

    rounds: int
    participants: int
    repeats: int  # sum over pairs of (meetings - 1) when they met more than once
    repeated_pairs: int
    max_meetings: int
    pairs_met: int
    forbidden_violations: int
    mean_distinct_groups: float | None
    min_distinct_groups: int | None
    distinct_groups_bound: float | None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _pair_counts(plan: np.ndarray) -> np.ndarray:
    """Symmetric ``(n, n)`` count of the rounds each pair shared a table (zero diagonal)."""
    rounds, n = plan.shape
    counts = np.zeros((n, n), dtype=np.int64)
    for r in range(rounds):
        seated = np.flatnonzero(plan[r] >= 0)
        if seated.size == 0:
            continue
        onehot = np.zeros((seated.size, int(plan[r].max()) + 1), dtype=np.float64)
        onehot[np.arange(seated.size), plan[r, seated]] = 1.0
        counts[np.ix_(seated, seated)] += np.rint(onehot @ onehot.T).astype(np.int64)
    np.fill_diagonal(counts, 0)
    return counts


def plan_quality(
    plan: ArrayLike,
    groups: ArrayLike | None = None,
    forbidden: ArrayLike | None = None,
    history: ArrayLike | None = None,
) -> PlanQuality:
    """Repeats, mixing and forbidden violations of a plan ``(rounds, n)``.

    ``history``: pairs ``(m, 2)`` met before the plan; they count as meetings.
    """
    plan = np.asarray(plan, dtype=np.int64)
    if plan.ndim != 2:
        raise ValueError("plan must be an int array of shape (rounds, n)")
    rounds, n = plan.shape
    counts = _pair_counts(plan)
    for i, j in _pairs(history, n, "history"):
        counts[i, j] += 1
        counts[j, i] += 1
    upper = np.triu(counts, 1)
    forbid = _pairs(forbidden, n, "forbidden")
    violations = int(sum(np.sum((plan[:, i] == plan[:, j]) & (plan[:, i] >= 0)) for i, j in forbid))
    labels = _labels(groups, n)
    mean_d = min_d = bound = None
    if labels is not None and n:
        distinct, bounds = [], []
        for r in range(rounds):
            seated = plan[r] >= 0
            tables = plan[r, seated]
            if tables.size == 0:
                continue
            pairs = np.unique(np.stack((tables, labels[seated])), axis=1)
            per_table = np.bincount(pairs[0])
            occupied = np.bincount(tables)
            distinct.append(per_table[occupied > 0])
            bounds.append(
                mixing_bound(occupied, np.bincount(labels[seated])) / np.count_nonzero(occupied)
            )
        if distinct:
            flat = np.concatenate(distinct)
            mean_d, min_d = float(flat.mean()), int(flat.min())
            bound = float(np.mean(bounds))
    return PlanQuality(
        rounds=rounds,
        participants=n,
        repeats=int(np.maximum(upper - 1, 0).sum()),
        repeated_pairs=int(np.count_nonzero(upper > 1)),
        max_meetings=int(upper.max(initial=0)),
        pairs_met=int(np.count_nonzero(upper)),
        forbidden_violations=violations,
        mean_distinct_groups=mean_d,
        min_distinct_groups=min_d,
        distinct_groups_bound=bound,
    )


def circle_encounters(plan: ArrayLike, groups: ArrayLike) -> tuple[float, float]:
    """Share of encounters (two people at one table in one round) within one circle, and
    its lower bound: each circle spread as evenly as possible over the occupied tables.

    ``-1`` entries (not seated) are ignored; ``(0.0, 0.0)`` when nobody shares a table.
    """
    plan = np.asarray(plan, dtype=np.int64)
    labels = _labels(groups, plan.shape[1])
    if labels is None:
        raise ValueError("groups are required")
    within = total = floor = 0
    for row in plan:
        seated = row >= 0
        if not seated.any():
            continue
        tables, circles = row[seated], labels[seated]
        occupied = np.bincount(tables)
        total += int((occupied * (occupied - 1) // 2).sum())
        both = np.unique(np.stack((tables, circles)), axis=1, return_counts=True)[1]
        within += int((both * (both - 1) // 2).sum())
        k = int(np.count_nonzero(occupied))
        counts = np.bincount(circles)
        q, r = counts // k, counts % k  # r tables get q + 1, k - r get q
        floor += int((r * (q + 1) * q // 2 + (k - r) * q * (q - 1) // 2).sum())
    if total == 0:
        return 0.0, 0.0
    return within / total, floor / total


# --------------------------------------------------------------------------- baselines


def random_plan(n: int, table_size: int | Sequence[int], rounds: int, seed: int = 0) -> np.ndarray:
    """Baseline: each round, a uniformly random seating with the occupancy of ``table_sizes``."""
    sizes = table_sizes(n, table_size)
    rng = np.random.default_rng(seed)
    seats = np.repeat(np.arange(sizes.size), sizes)
    return np.array([rng.permutation(seats) for _ in range(rounds)], dtype=np.int64).reshape(
        rounds, n
    )


def _greedy(
    sizes: np.ndarray,
    rounds: int,
    met: np.ndarray,
    labels: np.ndarray | None,
    forbid: np.ndarray,
    match: np.ndarray | None,
    rng: np.random.Generator,
) -> np.ndarray:
    """Seat people one by one on the table that adds the fewest conflicts.

    Large groups go first, so that they spread over all tables before the free seats run
    out; ties go to the emptiest table. ``met`` is updated in place.
    """
    n, k = met.shape[0], sizes.size
    plan = np.zeros((rounds, n), dtype=np.int64)
    if labels is not None:
        big = np.bincount(labels)[labels]
    for r in range(rounds):
        order = rng.permutation(n)
        if labels is not None:
            order = order[np.argsort(-big[order], kind="stable")]
        free = sizes.astype(np.float64).copy()
        seen = np.zeros((n, k))  # seen[x, t]: people at t whom x already met
        banned = np.zeros((n, k))
        present = np.zeros((int(labels.max()) + 1 if labels is not None else 1, k))
        for p in order:
            score = _W_FORBIDDEN * banned[p] + _W_REPEAT * seen[p]
            if labels is not None:
                score -= _W_MIX * (present[labels[p]] == 0)
            if match is not None:
                score -= _W_THEME * match[p]
            score -= free / np.maximum(sizes, 1)  # below 1: only breaks ties
            score[free <= 0] = np.inf
            t = int(np.argmin(score))
            plan[r, p] = t
            free[t] -= 1
            seen[:, t] += met[:, p] > 0
            banned[forbid[:, p] > 0, t] += 1
            if labels is not None:
                present[labels[p], t] += 1
        onehot = np.eye(k)[plan[r]]
        met += np.rint(onehot @ onehot.T).astype(met.dtype)
        np.fill_diagonal(met, 0)
    return plan


def greedy_plan(
    n: int,
    table_size: int | Sequence[int],
    rounds: int,
    groups: ArrayLike | None = None,
    seed: int = 0,
) -> np.ndarray:
    """Baseline: round by round, seat each person where they add the fewest repeats and
    the most new groups (no search)."""
    sizes = table_sizes(n, table_size)
    met = np.zeros((n, n), dtype=np.int64)
    forbid = np.zeros((n, n), dtype=np.int64)
    labels = _labels(groups, n)
    return _greedy(sizes, rounds, met, labels, forbid, None, np.random.default_rng(seed))


# --------------------------------------------------------------------------- local search


class _Search:
    """State of the tabu search over swaps of two participants within one round.

    ``C`` counts the meetings of each pair (history included); M1 = (C >= 1) and
    M2 = (C >= 2) as float32 so that one matrix product gives, for every participant and
    every table of every round, how many people there they met once / twice. From those,
    the change of repeats of swapping a and b in round r is
    ``-M2·[a at ta] + M1·[a at tb] - M2·[b at tb] + M1·[b at ta] - 2 M1[a, b]``.
    """

    def __init__(
        self,
        plan: np.ndarray,
        sizes: np.ndarray,
        history: np.ndarray,
        labels: np.ndarray | None,
        forbid: np.ndarray,
        match: np.ndarray | None,
        rng: np.random.Generator,
    ) -> None:
        self.R, self.n = plan.shape
        self.k = sizes.size
        self.history = history
        self.labels = labels
        self.L = int(labels.max()) + 1 if labels is not None else 0
        self.F = forbid.astype(np.float32)
        self.has_forbidden = bool(forbid.any())
        self.match = match.astype(np.float32) if match is not None else None
        self.themed = np.asarray(match.any(axis=0)) if match is not None else None
        self.rng = rng
        self.load(plan)

    def load(self, plan: np.ndarray) -> None:
        R, n, k = self.R, self.n, self.k
        self.P = plan.copy()
        self.OH = np.zeros((n, R * k), dtype=np.float32)
        self.OH[np.arange(n)[None, :], np.arange(R)[:, None] * k + self.P] = 1.0
        self.C = self.history + _pair_counts(self.P)
        self.M1 = (self.C >= 1).astype(np.float32)
        self.M2 = (self.C >= 2).astype(np.float32)
        if self.labels is not None:
            self.cnt = np.zeros((R, k, self.L), dtype=np.int64)
            np.add.at(self.cnt, (np.arange(R)[:, None], self.P, self.labels[None, :]), 1)
        self.recount()

    # objective parts ------------------------------------------------------------------
    def recount(self) -> None:
        """Objective parts from scratch: forbidden, repeats, distinct groups, theme seats,
        encounters within one group."""
        forbidden = 0
        if self.has_forbidden:
            same = self.OH @ self.OH.T  # rounds each pair shares a table
            forbidden = int(np.rint((same * self.F).sum() / 2))
        repeats = int(np.maximum(np.triu(self.C, 1) - 1, 0).sum())
        distinct = int(np.count_nonzero(self.cnt)) if self.labels is not None else 0
        theme = 0
        if self.match is not None:
            theme = int(self.match[np.arange(self.n)[None, :], self.P].sum())
        enc = int((self.cnt * (self.cnt - 1) // 2).sum()) if self.labels is not None else 0
        self.parts = [forbidden, repeats, distinct, theme, enc]

    def key(self) -> tuple[int, int, int, int, int]:
        """Lexicographic key, lower is better."""
        f, rep, dist, theme, enc = self.parts
        return (f, rep, -dist, -theme, enc)

    def cost(self) -> float:
        f, rep, dist, theme, enc = self.parts
        return _W_FORBIDDEN * f + _W_REPEAT * rep - _W_MIX * dist - _W_THEME * theme + _W_ENC * enc

    # moves ------------------------------------------------------------------------------
    def deltas(self, rows: np.ndarray, repeats: bool = True) -> np.ndarray:
        """Weighted change of swapping a (in rows) with b (anyone) in each round:
        ``(R, rows, n)``, +inf where a and b share a table. ``repeats=False`` leaves the
        repeat term out (exchanging two people in every round keeps repeats)."""
        R, n, k = self.R, self.n, self.k
        r_idx = np.arange(R)[:, None, None]
        Pa = self.P[:, rows][:, :, None]  # (R, A, 1): table of a
        Pb = self.P[:, None, :]  # (R, 1, n): table of b
        a_idx = rows[None, :, None]
        b_idx = np.arange(n)[None, None, :]

        def swap_gain(at: np.ndarray, pair: np.ndarray, self_at: np.ndarray) -> np.ndarray:
            # change of sum over pairs sharing a table of a pair weight, at (n, R, k)
            gain: np.ndarray = (
                at[a_idx, r_idx, Pb]
                + at[b_idx, r_idx, Pa]
                - self_at[:, rows][:, :, None]
                - self_at[:, None, :]
                - 2.0 * pair[rows][None, :, :]
            )
            return gain

        def at_self(at: np.ndarray) -> np.ndarray:
            own: np.ndarray = at[np.arange(n)[None, :], np.arange(R)[:, None], self.P]  # (R, n)
            return own

        total = np.zeros((R, rows.size, n), dtype=np.float64)
        # trouble[r, p]: p is part of a defect in round r; moves must involve such people
        trouble = np.zeros((R, n), dtype=bool)
        if repeats:
            A1 = (self.M1 @ self.OH).reshape(n, R, k)
            A2 = (self.M2 @ self.OH).reshape(n, R, k)
            trouble |= at_self(A2) > 0
            # a leaving loses pairs met twice; a arriving adds pairs already met
            total += _W_REPEAT * (
                A1[a_idx, r_idx, Pb]
                + A1[b_idx, r_idx, Pa]
                - at_self(A2)[:, rows][:, :, None]
                - at_self(A2)[:, None, :]
                - 2.0 * self.M1[rows][None, :, :]
            )
        if self.has_forbidden:
            AF = (self.F @ self.OH).reshape(n, R, k)
            total += _W_FORBIDDEN * swap_gain(AF, self.F, at_self(AF))
            trouble |= at_self(AF) > 0
        if self.labels is not None:
            g = self.labels
            cnt_self = self.cnt[np.arange(R)[:, None], self.P, g[None, :]]  # (R, n)
            lose = (cnt_self == 1).astype(np.float32)
            trouble |= cnt_self >= 2
            absent = self.cnt[:, :, g] == 0  # (R, k, n): group of p absent from table t
            mix = (
                absent[r_idx, Pa, b_idx].astype(np.float32)
                + absent[r_idx, Pb, a_idx]
                - lose[:, rows][:, :, None]
                - lose[:, None, :]
            )
            enc = (
                self.cnt[r_idx, Pb, g[rows][None, :, None]]
                + self.cnt[r_idx, Pa, g[None, None, :]]
                - cnt_self[:, rows][:, :, None]
                - cnt_self[:, None, :]
                + 2.0
            )
            same = g[rows][:, None] == g[None, :]
            mix[:, same] = 0.0
            enc[:, same] = 0.0
            total -= _W_MIX * mix
            total += _W_ENC * enc
        if self.match is not None:
            m = self.match
            m_self = m[np.arange(n)[None, :], self.P]
            assert self.themed is not None  # set together with the match
            trouble |= (m_self == 0) & (self.themed[self.P] | np.asarray(m.any(axis=1))[None, :])
            th = m[a_idx, Pb] + m[b_idx, Pa] - m_self[:, rows][:, :, None] - m_self[:, None, :]
            total -= _W_THEME * th
        total[Pa == Pb] = np.inf
        self.trouble = trouble
        return total

    def swap(self, r: int, a: int, b: int) -> None:
        ta, tb = self.P[r, a], self.P[r, b]
        at_a = np.flatnonzero(self.P[r] == ta)
        at_b = np.flatnonzero(self.P[r] == tb)
        at_a, at_b = at_a[at_a != a], at_b[at_b != b]
        C, F = self.C, self.F
        self.parts[1] += int(
            np.count_nonzero(C[a, at_b] >= 1)
            + np.count_nonzero(C[b, at_a] >= 1)
            - np.count_nonzero(C[a, at_a] >= 2)
            - np.count_nonzero(C[b, at_b] >= 2)
        )
        if self.has_forbidden:
            self.parts[0] += int(
                F[a, at_b].sum() + F[b, at_a].sum() - F[a, at_a].sum() - F[b, at_b].sum()
            )
        if self.match is not None:
            m = self.match
            self.parts[3] += int(m[a, tb] + m[b, ta] - m[a, ta] - m[b, tb])
        for p, old, new in ((a, at_a, at_b), (b, at_b, at_a)):
            self.C[p, old] -= 1
            self.C[old, p] -= 1
            self.C[p, new] += 1
            self.C[new, p] += 1
        for p in (a, b):
            self.M1[p] = self.C[p] >= 1
            self.M2[p] = self.C[p] >= 2
            self.M1[:, p] = self.M1[p]
            self.M2[:, p] = self.M2[p]
        self.P[r, a], self.P[r, b] = tb, ta
        k = self.k
        self.OH[a, r * k + ta] = self.OH[b, r * k + tb] = 0.0
        self.OH[a, r * k + tb] = self.OH[b, r * k + ta] = 1.0
        if self.labels is not None:
            ga, gb = self.labels[a], self.labels[b]
            if ga != gb:
                cnt = self.cnt[r]
                gained = int(cnt[tb, ga] == 0) + int(cnt[ta, gb] == 0)
                self.parts[2] += gained - int(cnt[ta, ga] == 1) - int(cnt[tb, gb] == 1)
                self.parts[4] += int(cnt[tb, ga] - cnt[ta, ga] + 1 + cnt[ta, gb] - cnt[tb, gb] + 1)
                cnt[ta, ga] -= 1
                cnt[tb, gb] -= 1
                cnt[tb, ga] += 1
                cnt[ta, gb] += 1

    def bad_rows(self) -> np.ndarray:
        """Participants worth moving: in a repeat, a forbidden pair or a duplicated group."""
        bad = (self.C >= 2).any(axis=1)
        if self.has_forbidden:
            same = (self.OH @ self.OH.T) > 0
            bad |= (same & (self.F > 0)).any(axis=1)
        if self.labels is not None:
            cnt_self = self.cnt[np.arange(self.R)[:, None], self.P, self.labels[None, :]]
            bad |= (cnt_self >= 2).any(axis=0)
        return np.flatnonzero(bad)


def _relabel(search: _Search, deadline: float, max_steps: int) -> None:
    """Hill-climb on exchanging two participants in every round at once.

    Exchanging the whole schedules of two people keeps the multiset of pairs met, so a
    zero-repeat design stays zero-repeat while mixing, themes and forbidden pairs improve.
    Only used without history (history pairs would move with the labels).
    """
    n = search.n
    for _ in range(max_steps):
        if time.perf_counter() > deadline:
            return
        d = search.deltas(np.arange(n), repeats=False)
        d[~np.isfinite(d)] = 0.0  # same table in a round: that round is unchanged
        total = d.sum(axis=0)
        np.fill_diagonal(total, 0.0)
        total += _NOISE / (2 * search.R) * search.rng.random(total.shape)  # tie-breaking
        a, b = np.unravel_index(int(np.argmin(total)), total.shape)
        if total[a, b] >= -_W_ENC / 2:
            return
        for r in range(search.R):
            if search.P[r, a] != search.P[r, b]:
                search.swap(r, int(a), int(b))


class _TabuRun:
    """A tabu search over swaps that can be resumed: its tabu list, stall count and best
    plan persist between calls of :meth:`run`, so a run given its swaps in several slices
    moves exactly as one long run.

    After ``max(200, 20 n)`` swaps without improvement it perturbs around its best plan
    (random swaps); after ``patience`` swaps without improvement it stops."""

    def __init__(self, search: _Search, patience: int) -> None:
        self.search = search
        R, n, k = search.R, search.n, search.k
        self.patience = patience
        self.best_plan, self.best = search.P.copy(), search.key()
        self.best_cost = search.cost()
        self.tabu = np.zeros((R, n, k), dtype=np.int64)  # iteration until p may not return to t
        self.tenure = max(3, min(n // 4, 12))
        self.stall = 0
        self.it = 0

    def stalled(self) -> bool:
        return self.stall >= self.patience

    def run(
        self, target: tuple[int, int, int, int, int], deadline: float, max_iterations: int
    ) -> int:
        """Swaps until the target, ``max_iterations`` swaps in this call, the deadline or
        the patience; returns the swaps made."""
        search, rng, tabu = self.search, self.search.rng, self.tabu
        R, n = search.R, search.n
        all_rows = np.arange(n)
        r_idx = np.arange(R)[:, None, None]
        steps = 0
        while self.best > target and steps < max_iterations and self.stall < self.patience:
            if time.perf_counter() > deadline:
                break
            self.it += 1
            steps += 1
            self.stall += 1
            it = self.it
            if n <= 96:
                rows = all_rows
            else:
                # large evenings: only people in trouble (plus a few others) start a swap
                rows = search.bad_rows()
                rows = np.union1d(rows[rng.permutation(rows.size)[:48]], rng.choice(n, 16))
            d = search.deltas(rows)
            d += _NOISE * rng.random(d.shape)  # noise only breaks ties
            Pa = search.P[:, rows][:, :, None]
            Pb = search.P[:, None, :]
            is_tabu = (tabu[r_idx, rows[None, :, None], Pb] > it) | (
                tabu[r_idx, all_rows[None, None, :], Pa] > it
            )
            # aspiration: a tabu move is allowed when it beats the best plan
            blocked = is_tabu & (search.cost() + d >= self.best_cost - 0.5)
            trouble = search.trouble
            blocked |= ~(trouble[:, rows][:, :, None] | trouble[:, None, :])
            allowed = np.where(blocked, np.inf, d)
            flat = int(np.argmin(allowed))
            if not np.isfinite(allowed.flat[flat]):
                tabu[:] = 0
                continue
            r, ai, b = (int(x) for x in np.unravel_index(flat, allowed.shape))
            a = int(rows[ai])
            ta, tb = search.P[r, a], search.P[r, b]
            search.swap(r, a, b)
            tenure = self.tenure + int(rng.integers(0, self.tenure + 1))
            tabu[r, a, ta] = tabu[r, b, tb] = it + tenure
            key = search.key()
            if key < self.best:
                self.best, self.best_plan, self.stall = key, search.P.copy(), 0
                self.best_cost = search.cost()
            elif self.stall % max(200, 20 * n) == 0:
                # perturb around the best plan: random swaps push the search elsewhere
                search.load(self.best_plan)
                for _ in range(max(2, n // 8)):
                    r = int(rng.integers(R))
                    a, b = (int(x) for x in rng.choice(n, 2, replace=False))
                    if search.P[r, a] != search.P[r, b]:
                        search.swap(r, a, b)
                tabu[:] = 0
        return steps


def _tabu(
    search: _Search,
    target: tuple[int, int, int, int, int],
    deadline: float,
    max_iterations: int,
    patience: int,
) -> tuple[np.ndarray, int]:
    """Tabu search from the current state until ``patience`` swaps without improvement;
    returns the best plan seen (lexicographic) and the swaps made."""
    run = _TabuRun(search, patience)
    steps = run.run(target, deadline, max_iterations)
    return run.best_plan, steps


_STALE_RESTARTS = 10  # restarts without a better plan before giving up early


class _Restarts:
    """Restarts of the tabu search, resumable by slices of swaps: once from a fresh start,
    twice from the best plan with a quarter of its rounds reshuffled, and again; each
    restart runs until its patience. Done after ``_STALE_RESTARTS`` fruitless restarts."""

    def __init__(
        self,
        search: _Search,
        plan: np.ndarray,
        best: tuple[int, int, int, int, int],
        fresh: Callable[[], np.ndarray],
        patience: int,
    ) -> None:
        self.search, self.plan, self.best = search, plan, best
        self.fresh, self.patience = fresh, patience
        self.current: _TabuRun | None = None
        self.attempt = self.stale = 0
        self.done = False

    def step(self, target: tuple[int, int, int, int, int], deadline: float, swaps: int) -> int:
        """At most ``swaps`` swaps (fewer at the deadline, the target or when done)."""
        used = 0
        while used < swaps and not self.done and time.perf_counter() < deadline:
            run = self.current
            if run is None or run.stalled():
                if run is not None:
                    self.stale = 0 if run.best < self.best else self.stale + 1
                    self._keep(run)
                    if self.stale >= _STALE_RESTARTS:
                        self.done = True
                        break
                self.attempt += 1
                if self.attempt % 3 == 1:
                    restart = self.fresh()
                else:
                    rng, restart = self.search.rng, self.plan.copy()
                    rounds = restart.shape[0]
                    for r in rng.choice(rounds, max(1, rounds // 4), replace=False):
                        restart[r] = rng.permutation(restart[r])
                self.search.load(restart)
                run = self.current = _TabuRun(self.search, self.patience)
            used += run.run(target, deadline, swaps - used)
            self._keep(run)
            if self.best <= target:
                break
        return used

    def _keep(self, run: _TabuRun) -> None:
        if run.best < self.best:
            self.best, self.plan = run.best, run.best_plan


_SLICE = 200  # swaps per turn of the portfolio
_LEAD = 2  # turns of the search ahead for one turn of the other


def _portfolio(
    restarts: _Restarts,
    plain: _TabuRun,
    target: tuple[int, int, int, int, int],
    deadline: float,
    budget: int,
) -> np.ndarray:
    """Share the rest of the budget between the restarts of the engine's search and a
    plain tabu search from a greedy start (one long run, perturbed after stalls), by turns
    of ``_SLICE`` swaps: of every three turns the track ahead gets two (the plain search on
    a tie), the other one. Returns the best plan of both.

    Past the known maxima the constructions can leave the search in a narrow valley (one
    more round after a complete design) or spend the time on design searches that fail;
    the plain search keeps the result near what a plain tabu search alone would reach."""
    used = turn = 0
    while used < budget and time.perf_counter() < deadline:
        ahead = restarts.best < plain.best
        if min(restarts.best, plain.best)[:2] <= target[:2]:
            break
        plain_turn = (turn % (_LEAD + 1) != _LEAD) != ahead  # the leader first
        if restarts.done and plain.stalled():
            break
        if (plain_turn and not plain.stalled()) or restarts.done:
            steps = plain.run(target, deadline, min(_SLICE, budget - used))
        else:
            steps = restarts.step(target, deadline, min(_SLICE, budget - used))
        used += steps
        turn += 1
        if steps == 0 and time.perf_counter() >= deadline:
            break
    return restarts.plan if restarts.best <= plain.best else plain.best_plan


def _encounter_floor(sizes: np.ndarray, labels: np.ndarray) -> int:
    """Fewest encounters within one group per round: each group spread evenly."""
    k = int(np.count_nonzero(sizes))
    counts = np.bincount(labels)
    q, r = counts // k, counts % k
    return int((r * (q + 1) * q // 2 + (k - r) * q * (q - 1) // 2).sum())


def _repeat_lower_bound(
    sizes: np.ndarray, rounds: int, history: np.ndarray, forbid: np.ndarray
) -> int:
    """Repeats forced by counting: someone with more seats-beside than new partners."""
    n = int(sizes.sum())
    if n == 0:
        return 0
    smallest = int(sizes[sizes > 0].min())
    known = np.count_nonzero(history | forbid, axis=1)
    excess = np.maximum(rounds * (smallest - 1) - (n - 1 - known), 0)
    return int(-(-excess.sum() // 2))


# Cyclic designs are searched for evenings of golfer size; larger evenings get zero
# repeats from the greedy start and the tabu search (with circles: no design at all).
_CYCLIC_MAX_N = 120
_FIRST_SHARE = 0.15  # share of the time limit for a first search before a cyclic design
# Past the known maxima the search for a design of all the rounds fails and its time is
# lost; the swaps from a design of one round fewer then do better with more time (50
# people at tables of 5 for 9 rounds: 10-12 repeats after 4 s of them, 10-11 after 8 s).
# The cyclic search solves the cells it solves within half a second of its start (the
# grid's hard cells, seed 0), so it ends at 35 % of the time limit (was 50 %), the search
# for one round fewer at 45 % (was 60 %); the exact-cover searches keep theirs (the
# regular-group search of 8 tables of 4 for 10 rounds takes up to 3.1 s).
_CYCLIC_SHARE = 0.35  # the cyclic search ends by this share of the time limit
_SYMMETRIC_SHARE = 0.4  # the exact-cover searches for designs end by this share
_FEWER_SHARE = 0.45  # the searches for a design of one round fewer end by this share
_FEWER_TRY = 0.04  # share of the time limit for one try of that search
_BOUND_SHARE = 0.2  # share of the time limit for a cyclic plan at the counting bound


def _uniform(sizes: np.ndarray) -> tuple[np.ndarray, int, int] | None:
    """(used tables, seats, rounds before repeats are forced) when every used table has
    the same size, else None."""
    used = np.flatnonzero(sizes > 0)
    s = int(sizes[used[0]])
    if np.any(sizes[used] != s) or s < 2 or used.size < 2:
        return None
    return used, s, (int(sizes.sum()) - 1) // (s - 1)


def _design_head(sizes: np.ndarray, rounds: int, rng: np.random.Generator) -> np.ndarray | None:
    """Zero-repeat first rounds from a construction (:mod:`tables_design`) when all used
    tables have the same size, at most ``min(rounds, (n - 1) // (s - 1))`` (past that,
    repeats are forced); participants relabelled at random. None when nothing fits."""
    shape = _uniform(sizes)
    if shape is None:
        return None
    used, s, most = shape
    have = min(max_design_rounds(used.size, s), rounds, most)
    if have < 2:
        return None
    return used[resolvable_design(used.size, s, have)][:, rng.permutation(int(sizes.sum()))]


def _cyclic_head(
    sizes: np.ndarray,
    rounds: int,
    rng: np.random.Generator,
    seed: int,
    deadline: float,
    max_iterations: int | None,
    symmetric_deadline: float | None = None,
    fewer_deadline: float | None = None,
    fewer_try: float = 0.4,
) -> np.ndarray | None:
    """Zero-repeat first rounds from a cyclic design found by search, as many as the
    constructions cannot give, or None: first an exact-cover search for a design invariant
    under a group acting regularly on the people (:mod:`tables_regular`), then one pass of
    exact-cover searches for a cyclic design with a second symmetry
    (:mod:`tables_symmetric`; both until ``symmetric_deadline``),
    then a tabu search over base rounds (:mod:`tables_cyclic`, until ``deadline``).

    When neither finds a design of that many rounds (none may exist: one round past the
    known maxima), the same two searches look for a design of one round fewer, until
    ``fewer_deadline`` (the tabu search in tries of ``fewer_try`` seconds), when that is
    still more rounds than the constructions give; the search over the whole plan then
    starts from it."""
    shape = _uniform(sizes)
    n = int(sizes.sum())
    if shape is None or n > _CYCLIC_MAX_N:
        return None
    used, s, most = shape
    want = min(rounds, most)
    if want <= max_design_rounds(used.size, s):
        return None
    # the cyclic searches draw from their own generators: the rest of the plan does not
    # depend on how far they got before their deadlines
    # a design invariant under a group acting regularly on the people (8-4-10), when the
    # people number 2 a^2; else it returns at once
    found = regular_design(
        used.size,
        s,
        want,
        np.random.default_rng([seed, 6]),
        symmetric_deadline or deadline,
    )
    if found is None:
        found = symmetric_design(
            used.size,
            s,
            want,
            np.random.default_rng([seed, 2]),
            symmetric_deadline or deadline,
            most,
            passes=1,
        )
    if found is None:
        found = cyclic_design(
            used.size, s, want, np.random.default_rng([seed, 1]), deadline, max_iterations, most
        )
    fewer = want - 1
    if found is None and fewer_deadline is not None and fewer > max_design_rounds(used.size, s):
        found = symmetric_design(
            used.size, s, fewer, np.random.default_rng([seed, 3]), fewer_deadline, passes=1
        )
        # short tries from new random starts: a try finds it within a few tenths of a
        # second or, in about a third of the seeds, only after seconds
        tries = 0
        while found is None and time.perf_counter() < fewer_deadline:
            tries += 1
            fewer_rng = np.random.default_rng([seed, 4, tries])
            until = min(fewer_deadline, time.perf_counter() + fewer_try)
            found = cyclic_design(used.size, s, fewer, fewer_rng, until, max_iterations)
    return None if found is None else used[found][:, rng.permutation(n)]


def _cyclic_at_bound(
    sizes: np.ndarray,
    rounds: int,
    floor: int,
    rng: np.random.Generator,
    seed: int,
    deadline: float,
    max_iterations: int | None,
) -> np.ndarray | None:
    """Past the most rounds without repeats: a cyclic plan of all the rounds with no more
    repeats than the counting bound (:func:`tables_cyclic.cyclic_design` with that goal),
    or None by ``deadline``. Such a plan has the fewest repeats possible; the pairs of the
    short translation orbits (``(x, i), (x + m/2, i)``) meet twice, each person once, where
    a design of fewer rounds plus a greedy round leaves more (a nearly Kirkman triple
    system of 24 people and one more round: at least 16 repeats, against 12)."""
    shape = _uniform(sizes)
    n = int(sizes.sum())
    if shape is None or n > _CYCLIC_MAX_N or rounds <= shape[2]:
        return None
    used = shape[0]
    found = cyclic_design(
        used.size,
        shape[1],
        rounds,
        np.random.default_rng([seed, 5]),
        deadline,
        max_iterations,
        goal=floor,
    )
    return None if found is None else used[found][:, rng.permutation(n)]


def _with_tail(
    head: np.ndarray | None,
    sizes: np.ndarray,
    rounds: int,
    hist: np.ndarray,
    labels: np.ndarray | None,
    forbid: np.ndarray,
    match: np.ndarray | None,
    rng: np.random.Generator,
) -> np.ndarray:
    """The head's rounds then greedy rounds; a plain greedy plan when it has fewer repeats."""
    greedy = _greedy(sizes, rounds, hist.copy(), labels, forbid, match, rng)
    if head is None:
        return greedy
    if head.shape[0] >= rounds:
        return head[:rounds]
    tail = _greedy(sizes, rounds - head.shape[0], _pair_counts(head), labels, forbid, match, rng)
    start = np.vstack((head, tail))

    def repeats(plan: np.ndarray) -> int:
        return int(np.maximum(np.triu(_pair_counts(plan), 1) - 1, 0).sum())

    return start if repeats(start) < repeats(greedy) else greedy


def plan_tables(
    n: int,
    table_size: int | Sequence[int],
    rounds: int,
    groups: ArrayLike | None = None,
    forbidden: ArrayLike | None = None,
    seed: int = 0,
    time_limit: float = 10.0,
    *,
    history: ArrayLike | None = None,
    table_themes: ArrayLike | None = None,
    interests: ArrayLike | None = None,
    max_iterations: int | None = None,
    patience: int | None = None,
) -> np.ndarray:
    """Seat ``n`` participants at tables for ``rounds`` rounds.

    Parameters
    ----------
    n : participants, indexed 0..n-1.
    table_size : int (at most that many per table) or capacities, one per table.
    rounds : rounds of the evening (>= 1).
    groups : int ``(n,)``, circle or sector label to mix at each table.
    forbidden : int ``(m, 2)``, pairs that must never share a table.
    seed : seed of every random choice.
    time_limit : seconds; the best plan found by then is returned.
    history : int ``(m, 2)``, pairs who already met (a pair listed twice met twice);
        meeting them again counts as a repeat.
    table_themes : int ``(tables,)``, theme index of each table or -1.
    interests : bool ``(n, themes)``, themes each participant chose (soft preference).
    max_iterations : stop after that many swaps in all (restarts included).
    patience : swaps without improvement before the search restarts (default 2000, fewer
        for small evenings); it stops after 10 restarts without a better plan.

    Returns
    -------
    int ``(rounds, n)``: table of each participant in each round (tables numbered as in
    :func:`table_sizes`).
    """
    t0 = time.perf_counter()
    if not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"n must be a non-negative int, got {n!r}")
    if not isinstance(rounds, (int, np.integer)) or rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds!r}")
    if time_limit <= 0:
        raise ValueError(f"time_limit must be positive, got {time_limit}")
    n, rounds = int(n), int(rounds)
    sizes = table_sizes(n, table_size)
    k = sizes.size
    labels = _labels(groups, n)
    forbid_pairs = _pairs(forbidden, n, "forbidden")
    hist_pairs = _pairs(history, n, "history")
    match = _theme_match(table_themes, interests, n, k)
    if n == 0:
        return np.zeros((rounds, 0), dtype=np.int64)

    forbid = np.zeros((n, n), dtype=np.int64)
    forbid[forbid_pairs[:, 0], forbid_pairs[:, 1]] = 1
    forbid[forbid_pairs[:, 1], forbid_pairs[:, 0]] = 1
    hist = np.zeros((n, n), dtype=np.int64)
    np.add.at(hist, (hist_pairs[:, 0], hist_pairs[:, 1]), 1)
    np.add.at(hist, (hist_pairs[:, 1], hist_pairs[:, 0]), 1)
    rng = np.random.default_rng(seed)

    deadline = t0 + time_limit
    # large evenings with circles start greedy: a relabelled design mixes them less well
    designable = not hist.any() and (labels is None or n <= _CYCLIC_MAX_N)
    head = _design_head(sizes, rounds, rng) if designable else None
    start = _with_tail(head, sizes, rounds, hist, labels, forbid, match, rng)

    search = _Search(start, sizes, hist, labels, forbid, match, rng)
    floor = _repeat_lower_bound(sizes, rounds, hist, forbid)
    target = (
        0,
        floor,
        -rounds * mixing_bound(sizes, np.bincount(labels)) if labels is not None else 0,
        -rounds * _theme_bound(sizes, match) if match is not None else 0,
        rounds * _encounter_floor(sizes, labels) if labels is not None else 0,
    )
    if not hist.any() and search.parts[1] == 0 and search.key() > target:
        _relabel(search, deadline, max_steps=20 * n)
    budget = max_iterations if max_iterations is not None else np.iinfo(np.int64).max
    # small evenings stall (and restart) sooner: their search space is small
    patience = patience or min(2000, max(200, 10 * n * rounds))
    # a short first search ends the easy instances; then a cyclic design when one may help
    cyclic = designable and n <= _CYCLIC_MAX_N
    first = t0 + _FIRST_SHARE * time_limit if cyclic else deadline
    first_run = _TabuRun(search, patience)
    used = first_run.run(target, first, budget)
    plan, best = first_run.best_plan, first_run.best
    # the run that the portfolio below goes on with: this one, or one from a design
    ongoing = first_run
    if cyclic and best[:2] > target[:2]:
        found = _cyclic_head(
            sizes,
            rounds,
            rng,
            seed,
            t0 + _CYCLIC_SHARE * time_limit,
            max_iterations,
            t0 + _SYMMETRIC_SHARE * time_limit,
            t0 + _FEWER_SHARE * time_limit,
            _FEWER_TRY * time_limit,
        )
        if found is not None:
            head = found
            search.load(_with_tail(head, sizes, rounds, hist, labels, forbid, match, rng))
            if search.parts[1] == 0 and search.key() > target:
                _relabel(search, deadline, max_steps=20 * n)
            # alone until it stalls, or while it has not reached the counting bound, until
            # half of the time left; then it goes on in the portfolio below
            ongoing = _TabuRun(search, patience)
            half = (time.perf_counter() + deadline) / 2
            while not ongoing.stalled() and ongoing.best > target:
                late = ongoing.best[:2] > target[:2] and time.perf_counter() > half
                steps = ongoing.run(target, deadline, min(_SLICE, budget - used))
                used += steps
                if late or steps == 0:
                    break
            if ongoing.best < best:
                plan, best = ongoing.best_plan, ongoing.best
    if cyclic and best[:2] > target[:2] and time.perf_counter() < deadline:
        # past the most rounds without repeats: a plan at the counting bound, when the
        # design of fewer rounds and the swaps did not reach it
        until = min(deadline, time.perf_counter() + _BOUND_SHARE * time_limit)
        found = _cyclic_at_bound(sizes, rounds, floor, rng, seed, until, max_iterations)
        if found is not None:
            head = found
            search.load(found)
            ongoing = _TabuRun(search, patience)
            if ongoing.best < best:
                plan, best = ongoing.best_plan, ongoing.best
    # Spend the budget while forbidden pairs or repeats remain above the counting bound:
    # restarts of the search above, and beside them a plain tabu search from a greedy
    # start (see _portfolio), until the time limit, the iterations or both stall.
    if best[:2] > target[:2] and used < budget and time.perf_counter() < deadline:
        # seeded as a plain tabu search alone would be: its moves are that search's
        plain_rng = np.random.default_rng(seed)
        greedy = _greedy(sizes, rounds, hist.copy(), labels, forbid, match, plain_rng)
        plain_search = _Search(greedy, sizes, hist, labels, forbid, match, plain_rng)
        plain = _TabuRun(plain_search, patience * _STALE_RESTARTS)

        def fresh() -> np.ndarray:
            return _with_tail(head, sizes, rounds, hist, labels, forbid, match, rng)

        restarts = _Restarts(search, plan, best, fresh, patience)
        restarts.current = ongoing  # goes on before any restart
        plan = _portfolio(restarts, plain, target, deadline, budget - used)
    if forbid_pairs.size and plan_quality(plan, forbidden=forbid_pairs).forbidden_violations:
        raise ValueError("no plan keeps every forbidden pair apart (too many for the tables?)")
    return plan


# --------------------------------------------------------------------------- replanning


def replan(
    previous: ArrayLike,
    played_rounds: int,
    table_size: int | Sequence[int],
    *,
    present: ArrayLike | None = None,
    n_new: int = 0,
    rounds: int | None = None,
    groups: ArrayLike | None = None,
    forbidden: ArrayLike | None = None,
    table_themes: ArrayLike | None = None,
    interests: ArrayLike | None = None,
    seed: int = 0,
    time_limit: float = 10.0,
    max_iterations: int | None = None,
) -> np.ndarray:
    """Re-plan the rounds not yet played after no-shows and late arrivals.

    previous : int ``(R, n_old)`` plan (``-1``: not seated).
    played_rounds : rounds already played; they are kept exactly.
    present : bool ``(n_old,)``, who is still there (default: everybody).
    n_new : late arrivals, given indices n_old..n_old + n_new - 1.
    rounds : total rounds (default R).
    groups, interests, forbidden : over all ``n_old + n_new`` participants.

    Returns int ``(rounds, n_old + n_new)``: played rows unchanged (newcomers ``-1``), later
    rows planned for the present people (absent ``-1``). Pairs who met in played rounds
    count as already met.
    """
    prev = np.asarray(previous)
    if prev.ndim != 2 or not np.issubdtype(prev.dtype, np.integer):
        raise ValueError("previous must be an int plan of shape (rounds, n)")
    total_rounds = prev.shape[0] if rounds is None else int(rounds)
    if not 0 <= played_rounds <= min(prev.shape[0], total_rounds):
        raise ValueError(f"played_rounds must be between 0 and {prev.shape[0]}")
    if n_new < 0:
        raise ValueError("n_new must be non-negative")
    n_old = prev.shape[1]
    here = np.ones(n_old, dtype=bool) if present is None else np.asarray(present, dtype=bool)
    if here.shape != (n_old,):
        raise ValueError(f"present must be a bool array of shape ({n_old},)")
    n_all = n_old + n_new
    out = np.full((total_rounds, n_all), -1, dtype=np.int64)
    out[:played_rounds, :n_old] = prev[:played_rounds]
    if played_rounds == total_rounds:
        return out
    who = np.concatenate((np.flatnonzero(here), np.arange(n_old, n_all)))
    index = np.full(n_all, -1)
    index[who] = np.arange(who.size)

    def sub_pairs(pairs: ArrayLike | None, name: str) -> np.ndarray:
        arr = _pairs(pairs, n_all, name)
        keep = (index[arr[:, 0]] >= 0) & (index[arr[:, 1]] >= 0)
        kept: np.ndarray = index[arr[keep]]
        return kept

    played = _pair_counts(out[:played_rounds])
    i, j = np.nonzero(np.triu(played, 1))
    met = np.repeat(np.stack((i, j), axis=1), played[i, j], axis=0)
    labels = _labels(groups, n_all)
    likes = None if interests is None else np.asarray(interests, dtype=bool)[who]
    if likes is not None and np.asarray(interests).shape[0] != n_all:
        raise ValueError(f"interests must have {n_all} rows")
    future = plan_tables(
        who.size,
        table_size,
        total_rounds - played_rounds,
        groups=None if labels is None else labels[who],
        forbidden=sub_pairs(forbidden, "forbidden"),
        seed=seed,
        time_limit=time_limit,
        history=sub_pairs(met, "history") if met.size else None,
        table_themes=table_themes,
        interests=likes,
        max_iterations=max_iterations,
    )
    out[played_rounds:, who] = future
    return out
