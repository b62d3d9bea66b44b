"""Zero-repeat table plans as cyclic designs: one base round, developed by translation.

The ``n = m * c + f`` participants are the points ``(x, i)`` of ``Z_m x {0..c-1}`` plus ``f``
fixed points. Round ``t`` (``0 <= t < m``) is the base round translated by ``t``: ``(x, i)``
sits where ``(x - t, i)`` sits in the base round, fixed points sit where they sit in the base
round. This is the classical way of building resolvable designs from a base parallel class
(1-rotational Kirkman and nearly-Kirkman triple systems, resolvable group divisible
designs): the whole ``m``-round plan is determined by one round, so a local search over a
single round (a few dozen people) replaces a search over the whole plan.

Two people meet in translate ``t`` when their translates by ``-t`` share a base table, so
pairs fall into orbits under translation, and every pair of an orbit meets as often as the
base round holds pairs of that orbit (times ``m / |orbit|`` for the short orbits: the pairs
``(x, i), (x + m/2, i)`` and pairs of fixed points). The search minimises the repeats of
the developed plan, computed exactly from the orbit counts. Past the most rounds without
repeats, it looks for a plan at the counting bound instead (a goal of repeats): the pairs
of the short orbits can then take the forced repeats, each person's once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

__all__ = ["Shape", "cyclic_design", "cyclic_options", "cyclic_shapes", "develop"]


@dataclass(frozen=True)
class Shape:
    """How a cyclic plan is built: ``m`` translates of a base round on ``Z_m x {0..c-1}``
    plus ``f`` fixed points; then ``extra`` rounds invariant under translation, each made of
    the ``m`` translates of one table ``{(o_i, i)}`` (one person per row: needs ``c == s``
    and ``m == g``); then, with ``rows``, one round where each row is a table (``c == g``,
    ``m == s``). The classical Kirkman and nearly-Kirkman constructions have this form."""

    m: int
    c: int
    f: int = 0
    extra: int = 0
    rows: bool = False
    bases: int = 1  # base rounds, each developed by its m translates

    @property
    def rounds(self) -> int:
        return self.bases * self.m + self.extra + int(self.rows)


def cyclic_options(g: int, s: int, rounds: int) -> list[tuple[int, int]]:
    """Shapes ``(c, f)`` with ``g * s = rounds * c + f`` and at most one fixed point per table."""
    n = g * s
    return [
        ((n - f) // rounds, f)
        for f in range(0, min(g, n) + 1)
        if (n - f) % rounds == 0 and (n - f) // rounds >= 1
    ]


def cyclic_shapes(g: int, s: int, rounds: int) -> list[Shape]:
    """Every shape giving exactly ``rounds`` rounds for g tables of s people."""
    # one base round under the largest group first: it solves most instances quickest
    shapes = [Shape(m=rounds, c=c, f=f) for c, f in cyclic_options(g, s, rounds)]
    if rounds > g >= 2 and rounds - g <= s + 1:
        shapes.append(Shape(m=g, c=s, extra=rounds - g))
    if rounds == s + 1:
        shapes.append(Shape(m=s, c=g, rows=True))
    # several base rounds under a smaller group (largest group first)
    for m in range(rounds // 2, 2, -1):
        if rounds % m == 0:
            shapes += [Shape(m=m, c=c, f=f, bases=rounds // m) for c, f in cyclic_options(g, s, m)]
    if rounds * (s - 1) == g * s - 1:
        # every pair must meet exactly once: two fixed points never can, nor the pairs
        # (x, i), (x + m/2, i) of an even group, unless a round of rows seats them
        shapes = [shape for shape in shapes if shape.f <= 1 and (shape.m % 2 or shape.rows)]
    return shapes


@lru_cache(maxsize=64)
def _orbits(m: int, c: int, f: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Orbit id of every pair ``(n, n)`` (diagonal: a dummy orbit), and per orbit its size
    and the meetings each of its pairs gets per base pair in it (``m / size``)."""
    n = m * c + f
    keys: dict[tuple[str | int, ...], int] = {}
    orbit = np.zeros((n, n), dtype=np.int64)
    sizes: list[int] = [0]  # orbit 0: the diagonal, never counted
    for u in range(n):
        for v in range(u + 1, n):
            if v >= m * c:
                key: tuple[str | int, ...] = ("FF", u, v) if u >= m * c else ("F", v, u // m)
                size = 1 if u >= m * c else m
            else:
                i, j = u // m, v // m
                d = (v % m - u % m) % m
                if i == j:
                    d = min(d, m - d)
                    size = m // 2 if 2 * d == m else m
                else:
                    size = m
                key = ("P", i, j, d)
            if key not in keys:
                keys[key] = len(sizes)
                sizes.append(size)
            orbit[u, v] = orbit[v, u] = keys[key]
    size_arr = np.array(sizes, dtype=np.int64)
    mult = np.where(size_arr > 0, m // np.maximum(size_arr, 1), 0)
    return orbit, size_arr, mult


def develop(
    base: np.ndarray,
    shape: Shape,
    offsets: np.ndarray | None = None,
    rounds: int | None = None,
) -> np.ndarray:
    """The plan ``(rounds, n)``: translates ``0..m-1`` of each base round (``base``:
    ``(n,)`` or ``(bases, n)``), then the invariant rounds of ``offsets`` (``(extra, c)``),
    then the rows round."""
    m, c = shape.m, shape.c
    bases = np.atleast_2d(base)
    n = bases.shape[1]
    idx = np.arange(n)
    moving = idx < m * c
    x, row = idx % m, idx // m
    out = []
    for one in bases:
        for t in range(m):
            src = idx.copy()
            src[moving] = row[moving] * m + (x[moving] - t) % m
            out.append(one[src])
    for o in offsets if offsets is not None else ():
        out.append((x - o[row]) % m)  # (x, i) sits at the table of (x - o_i, i)
    if shape.rows:
        out.append(row)
    plan = np.array(out, dtype=np.int64)
    return plan if rounds is None else plan[:rounds]


class _BaseSearch:
    """Tabu search state: the base round and the offsets of the invariant rounds.

    ``meet[o]``: meetings of each pair of orbit ``o`` in the developed plan (a base pair
    gives ``mult[o]``, an invariant table one, the rows round one per pure orbit); repeats
    = sum over orbits of ``size * max(meet - 1, 0)``.
    """

    def __init__(self, g: int, s: int, shape: Shape, rng: np.random.Generator) -> None:
        self.g, self.s, self.shape = g, s, shape
        m, c, f = shape.m, shape.c, shape.f
        self.n = g * s
        self.O, self.size, self.mult = _orbits(m, c, f)
        self.rng = rng
        # orbit of the pair (0, i), (d, j) for rows i < j, as used by invariant tables
        self.pair_orbit = np.zeros((c, c, m), dtype=np.int64)
        for i in range(c):
            for j in range(c):
                if i != j:
                    self.pair_orbit[i, j] = self.O[i * m, j * m + np.arange(m)] if i < j else 0
        for i in range(c):
            for j in range(i):
                # (0, i), (d, j) with j < i: the pair (0, j), (-d, i)
                self.pair_orbit[i, j] = self.pair_orbit[j, i][(-np.arange(m)) % m]
        self.const = np.zeros(self.size.size, dtype=np.int64)
        if shape.rows:
            for i in range(c):
                for d in range(1, m // 2 + 1):
                    self.const[self.O[i * m, i * m + d]] = 1
        bases = np.empty((shape.bases, self.n), dtype=np.int64)
        seats = np.repeat(np.arange(g), s)
        first = np.arange(f) * s  # fixed points one per table
        bases[:, m * c :] = seats[first]
        for one in bases:
            one[: m * c] = rng.permutation(np.delete(seats, first))
        offsets = np.zeros((shape.extra, c), dtype=np.int64)
        offsets[:, 1:] = rng.integers(0, m, (shape.extra, c - 1))
        self.j = 0  # the base round that moves act on
        self.load(bases, offsets)

    @property
    def base(self) -> np.ndarray:
        base: np.ndarray = self.bases[self.j]
        return base

    def load(self, bases: np.ndarray, offsets: np.ndarray) -> None:
        self.bases, self.offsets = np.atleast_2d(bases).copy(), offsets.copy()
        meet = self.const.copy()
        for base in self.bases:
            same = np.triu(base[:, None] == base[None, :], 1)
            np.add.at(meet, self.O[same], self.mult[self.O[same]])
        for o in self.offsets:
            np.add.at(meet, self._table_orbits(o), 1)
        self.meet = meet
        self.cost = self._cost()

    def _table_orbits(self, o: np.ndarray) -> np.ndarray:
        i, j = np.triu_indices(self.shape.c, 1)
        orbits: np.ndarray = self.pair_orbit[i, j, (o[j] - o[i]) % self.shape.m]
        return orbits

    def _f(self, meet: np.ndarray) -> np.ndarray:
        out: np.ndarray = self.size * np.maximum(meet - 1, 0)
        out[0] = 0
        return out

    def _cost(self) -> int:
        return int(self._f(self.meet).sum())

    def mates(self) -> np.ndarray:
        """``(n, s - 1)``: the others at each person's base table."""
        members = np.argsort(self.base, kind="stable").reshape(self.g, self.s)[self.base]
        keep = members != np.arange(self.n)[:, None]
        mates: np.ndarray = members[keep].reshape(self.n, self.s - 1)
        return mates

    def conflicted(self) -> np.ndarray:
        """People of the base round in a pair whose orbit meets more than once."""
        mates = self.mates()
        return np.flatnonzero((self.meet[self.O[np.arange(self.n)[:, None], mates]] > 1).any(1))

    def deltas(self, movers: np.ndarray) -> np.ndarray:
        """Exact change of repeats of swapping u (in movers) with v in the base round,
        ``(movers, n)``; +inf at the same table."""
        orbit, mult, meet = self.O, self.mult, self.meet
        mates = self.mates()
        U = movers[:, None, None]
        V = np.arange(self.n)[None, :, None]
        shape = (movers.size, self.n, self.s - 1)
        ids = np.concatenate(
            (
                np.broadcast_to(orbit[U, mates[movers][:, None, :]], shape),  # u leaves A
                orbit[U, mates[None, :, :]],  # u joins B
                np.broadcast_to(orbit[V, mates[None, :, :]], shape),  # v leaves B
                orbit[V, mates[movers][:, None, :]],  # v joins A
            ),
            axis=2,
        )
        k = self.s - 1
        sign = np.repeat(np.array([-1, 1, -1, 1]), k)
        w = mult[ids] * sign
        same = ids[..., :, None] == ids[..., None, :]
        change = (same * w[..., None, :]).sum(-1)  # net change of each entry's orbit
        copies = same.sum(-1)
        before = meet[ids]
        size = self.size[ids]
        gain = size * (np.maximum(before + change - 1, 0) - np.maximum(before - 1, 0))
        delta: np.ndarray = (gain / copies).sum(-1)
        delta[self.base[movers][:, None] == self.base[None, :]] = np.inf
        return delta

    def offset_deltas(self) -> np.ndarray:
        """Change of repeats of setting offset i of invariant round r to b: ``(extra, c, m)``
        (+inf for the current value and for row 0, which stays at 0). Exact."""
        m, c = self.shape.m, self.shape.c
        now = self._f(self.meet)
        plus = self._f(self.meet + 1) - now
        minus = self._f(np.maximum(self.meet - 1, 0)) - now
        out = np.full((self.shape.extra, c, m), np.inf)
        values = np.arange(m)
        for r, o in enumerate(self.offsets):
            for i in range(1, c):
                others = np.delete(np.arange(c), i)
                old = self.pair_orbit[i, others, (o[others] - o[i]) % m]
                new = self.pair_orbit[i, others[:, None], (o[others][:, None] - values) % m]
                out[r, i] = plus[new].sum(axis=0) + minus[old].sum()
                out[r, i, o[i]] = np.inf
        return out

    def swap(self, u: int, v: int) -> None:
        A, B = self.base[u], self.base[v]
        at_a = np.flatnonzero(self.base == A)
        at_b = np.flatnonzero(self.base == B)
        at_a, at_b = at_a[at_a != u], at_b[at_b != v]
        for p, gone, new in ((u, at_a, at_b), (v, at_b, at_a)):
            np.subtract.at(self.meet, self.O[p, gone], self.mult[self.O[p, gone]])
            np.add.at(self.meet, self.O[p, new], self.mult[self.O[p, new]])
        self.base[u], self.base[v] = B, A
        self.cost = self._cost()

    def shift(self, r: int, i: int, value: int) -> None:
        np.subtract.at(self.meet, self._table_orbits(self.offsets[r]), 1)
        self.offsets[r, i] = value
        np.add.at(self.meet, self._table_orbits(self.offsets[r]), 1)
        self.cost = self._cost()

    def plan(self, rounds: int | None = None) -> np.ndarray:
        return develop(self.bases, self.shape, self.offsets, rounds)


def _has(search: _BaseSearch, j: int) -> bool:
    """Base round j holds a pair whose orbit meets more than once."""
    search.j = j
    return search.conflicted().size > 0


def _search(
    search: _BaseSearch,
    rng: np.random.Generator,
    deadline: float,
    budget: int,
    stall_limit: int,
    goal: int = 0,
) -> int:
    """Tabu search until ``goal`` repeats or fewer, a stall, the deadline or the budget;
    returns the swaps made."""
    n, g = search.n, search.g
    shape = search.shape
    best = search.cost
    tabus = np.zeros((shape.bases, n, g), dtype=np.int64)
    tabu_off = np.zeros((shape.extra, shape.c, shape.m), dtype=np.int64)
    it = stall = 0
    cols = np.arange(n)[None, :]
    while search.cost > goal and stall < stall_limit and it < budget:
        if it % 64 == 0 and time.perf_counter() > deadline:
            break
        it += 1
        stall += 1
        if shape.bases > 1:
            busy = [j for j in range(shape.bases) if search.meet.max() > 1 and _has(search, j)]
            search.j = int(rng.choice(busy)) if busy else int(rng.integers(shape.bases))
        tabu = tabus[search.j]
        movers = search.conflicted()
        if movers.size > 12:
            movers = rng.choice(movers, 12, replace=False)
        elif movers.size == 0:
            movers = rng.choice(n, min(n, 6), replace=False)
        d = search.deltas(movers)
        d += 0.5 * rng.random(d.shape)
        base = search.base
        is_tabu = (tabu[movers[:, None], base[None, :]] > it) | (
            tabu[cols, base[movers][:, None]] > it
        )
        d[is_tabu & (search.cost + d >= best - 0.5)] = np.inf
        flat = int(np.argmin(d))
        move = d.flat[flat]
        if shape.extra:
            od = search.offset_deltas() + 0.5 * rng.random(tabu_off.shape)
            od[(tabu_off > it) & (search.cost + od >= best - 0.5)] = np.inf
            oflat = int(np.argmin(od))
            if od.flat[oflat] < move:
                r, i, value = np.unravel_index(oflat, od.shape)
                tabu_off[r, i, search.offsets[r, i]] = it + 2 + int(rng.integers(0, 4))
                search.shift(int(r), int(i), int(value))
                move = None
        if move is not None:
            if not np.isfinite(move):
                tabus[:] = 0
                tabu_off[:] = 0
                continue
            ui, v = divmod(flat, n)
            u = int(movers[ui])
            a, b = search.base[u], search.base[v]
            search.swap(u, v)
            tenure = 2 + int(rng.integers(0, max(3, n // 6)))
            tabu[u, a] = tabu[v, b] = it + tenure
        if search.cost < best:
            best, stall = search.cost, 0
    return it


def cyclic_design(
    g: int,
    s: int,
    rounds: int,
    rng: np.random.Generator,
    deadline: float,
    max_iterations: int | None = None,
    up_to: int | None = None,
    goal: int = 0,
) -> np.ndarray | None:
    """A zero-repeat plan ``(rounds, g * s)`` (at most ``goal`` repeats) built from one
    base round, or None.

    ``up_to``: also try designs of more rounds (up to that many), cut to ``rounds``: a
    tight design is sometimes found sooner than a design of fewer rounds.
    ``goal``: accept a plan of that many repeats or fewer (past the most rounds without
    repeats, the counting bound: short orbits then give the forced repeats evenly).

    Tries every shape of :func:`cyclic_shapes` in turn (a short tabu search from a random
    base round), then a depth-first search on the shapes with one base round, and again,
    until ``deadline`` or ``max_iterations`` moves in all (a depth-first search counts
    for 400). With a goal, the depth-first searches (zero repeats only) are left out, and
    a shape of b base rounds gets one attempt for b of a shape of one base round (its
    first after b - 1 of theirs): its moves cost about b times more, and one base round
    under the largest group reaches the bound soonest (10 tables of 3 for 15 rounds:
    within 0.22 s in 8 seeds of 8, against up to 4.9 s with every shape in turn).
    """
    if rounds < 2 or s < 2 or g < 2:
        return None
    shapes = [
        shape
        for more in range(rounds, max(rounds, up_to or 0) + 1)
        for shape in cyclic_shapes(g, s, more)
    ]
    if not shapes:
        return None
    strides = np.array([shape.bases if goal else 1 for shape in shapes], dtype=np.int64)
    budget = max_iterations if max_iterations is not None else np.iinfo(np.int64).max
    # solutions come within a few hundred moves or not at all: short attempts, all shapes
    # in turn (counted in moves, not seconds, so that a seed gives one answer)
    attempt_moves, stall_limit = 600, 250
    used = attempt = 0
    # the shape tried next: the fewest attempts weighted by its stride, the first on a
    # tie (without a goal, every shape in turn)
    passes = strides - 1
    while used < budget and time.perf_counter() < deadline:
        pick = int(np.argmin(passes))
        shape = shapes[pick]
        passes[pick] += strides[pick]
        attempt += 1
        search = _BaseSearch(g, s, shape, rng)
        moves = min(attempt_moves, budget - used)
        used += _search(search, rng, deadline, moves, stall_limit, goal)
        if search.cost <= goal:
            return search.plan(rounds)
        if attempt % len(shapes) == 0 and goal == 0:
            # after each turn of local searches, a depth-first search on the plain shapes
            for shape in shapes:
                if shape.bases == 1 and not shape.extra and not shape.rows:
                    base = _backtrack(g, s, shape, rng, deadline, _NODES)
                    used += _NODES // 50
                    if base is not None:
                        return develop(base, shape, rounds=rounds)
    return None


_NODES = 20_000  # tables tried by one depth-first search


def _backtrack(
    g: int,
    s: int,
    shape: Shape,
    rng: np.random.Generator,
    deadline: float,
    nodes: int,
) -> np.ndarray | None:
    """Depth-first search for a base round whose pairs use every orbit at most once
    (one base round, no invariant rounds): tables are filled one by one, each around the
    first person not yet seated, with the others tried in a random order. Gives up after
    ``nodes`` tables tried or at ``deadline``. Suits the tight instances (every orbit used
    exactly once) where local moves stall."""
    n = g * s
    orbit, _, mult = _orbits(shape.m, shape.c, shape.f)
    ok = mult[orbit] == 1  # pairs that may share a base table (else they meet twice)
    np.fill_diagonal(ok, False)
    order = np.concatenate((np.arange(shape.m * shape.c, n), rng.permutation(shape.m * shape.c)))
    pair_orbit = orbit.tolist()
    allowed = ok.tolist()
    base = np.full(n, -1, dtype=np.int64)
    used: set[int] = set()
    count = 0
    moving = shape.m * shape.c

    class Stop(Exception):
        pass

    def fill(table: int) -> bool:
        """Seat tables table..g-1; True when everybody is seated."""
        if table == g:
            return True
        free = [int(q) for q in order if base[q] < 0]
        return extend(table, [free[0]], free, 1, set())

    def extend(table: int, block: list[int], free: list[int], start: int, taken: set[int]) -> bool:
        nonlocal count
        if len(block) == s:
            count += 1
            if count > nodes or (count % 256 == 0 and time.perf_counter() > deadline):
                raise Stop
            base[block] = table
            used.update(taken)
            if fill(table + 1):
                return True
            used.difference_update(taken)
            base[block] = -1
            return False
        for k in range(start, len(free)):
            q = free[k]
            if (
                table == 0
                and q < moving
                and q % shape.m
                and not any(p < moving and p // shape.m == q // shape.m for p in block)
            ):
                continue  # translating a row gives an equivalent plan: its first at x = 0
            new = set()
            for p in block:
                o = pair_orbit[p][q]
                if not allowed[p][q] or o in used or o in taken or o in new:
                    break
                new.add(o)
            else:
                if extend(table, block + [q], free, k + 1, taken | new):
                    return True
        return False

    try:
        return base if fill(0) else None
    except Stop:
        return None
