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
the developed plan, computed exactly from the orbit counts.
"""

from __future__ import annotations

import time
from functools import lru_cache

import numpy as np

__all__ = ["cyclic_design", "cyclic_options", "develop"]


def cyclic_options(g: int, s: int, rounds: int) -> list[tuple[int, int]]:
    """Shapes ``(c, f)`` with ``g * s = rounds * c + f`` and at most one fixed point per table."""
    n = g * s
    return [
        ((n - f) // rounds, f)
        for f in range(0, min(g, n) + 1)
        if (n - f) % rounds == 0 and (n - f) // rounds >= 1
    ]


@lru_cache(maxsize=64)
def _orbits(m: int, c: int, f: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Orbit id of every pair ``(n, n)`` (diagonal: a dummy orbit), and per orbit its size
    and the meetings each of its pairs gets per base pair in it (``m / size``)."""
    n = m * c + f
    keys: dict[tuple, int] = {}
    orbit = np.zeros((n, n), dtype=np.int64)
    sizes: list[int] = [0]  # orbit 0: the diagonal, never counted
    for u in range(n):
        for v in range(u + 1, n):
            if v >= m * c:
                key = ("FF", u, v) if u >= m * c else ("F", v, u // m)
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


def develop(base: np.ndarray, m: int, c: int, rounds: int | None = None) -> np.ndarray:
    """The plan ``(rounds, n)`` of the translates ``0..rounds-1`` of a base round."""
    n = base.size
    idx = np.arange(n)
    moving = idx < m * c
    out = np.empty((m if rounds is None else rounds, n), dtype=np.int64)
    for t in range(out.shape[0]):
        src = idx.copy()
        src[moving] = (idx[moving] // m) * m + (idx[moving] % m - t) % m
        out[t] = base[src]
    return out


class _BaseSearch:
    """Tabu search over swaps of two people in the base round."""

    def __init__(self, g: int, s: int, m: int, c: int, f: int, rng: np.random.Generator) -> None:
        self.g, self.s, self.m, self.c, self.f = g, s, m, c, f
        self.n = g * s
        self.O, self.size, self.mult = _orbits(m, c, f)
        self.rng = rng
        # fixed points first, one per table; then the others at random
        base = np.empty(self.n, dtype=np.int64)
        seats = np.repeat(np.arange(g), s)
        fixed = np.arange(m * c, self.n)
        first = np.arange(f) * s  # seat of the first place of table t is t * s
        base[fixed] = seats[first]
        rest = np.delete(seats, first)
        base[: m * c] = rng.permutation(rest)
        self.load(base)

    def load(self, base: np.ndarray) -> None:
        self.base = base.copy()
        self.cnt = np.zeros(self.size.size, dtype=np.int64)
        same = base[:, None] == base[None, :]
        np.fill_diagonal(same, False)
        np.add.at(self.cnt, self.O[np.triu(same, 1)], 1)
        self.cost = self._cost()

    def _f(self, cnt: np.ndarray) -> np.ndarray:
        out = self.size * np.maximum(self.mult * cnt - 1, 0)
        out[0] = 0
        return out

    def _cost(self) -> int:
        return int(self._f(self.cnt).sum())

    def deltas(self) -> np.ndarray:
        """Change of repeats of swapping u and v, ``(n, n)`` (+inf at the same table).

        Exact except when both moves touch one orbit; the move is then re-scored exactly."""
        plus = self._f(self.cnt + 1) - self._f(self.cnt)
        minus = self._f(np.maximum(self.cnt - 1, 0)) - self._f(self.cnt)
        Dp = plus[self.O].astype(np.float64)
        Dm = minus[self.O].astype(np.float64)
        np.fill_diagonal(Dp, 0.0)
        np.fill_diagonal(Dm, 0.0)
        T = np.zeros((self.n, self.g))
        T[np.arange(self.n), self.base] = 1.0
        add = (Dp @ T)[:, self.base]  # add[u, v]: u joins v's table
        rem = (Dm @ T)[np.arange(self.n), self.base]  # u leaves its table
        delta = add + add.T - 2.0 * Dp + rem[:, None] + rem[None, :]
        delta[self.base[:, None] == self.base[None, :]] = np.inf
        return delta

    def swap(self, u: int, v: int) -> None:
        A, B = self.base[u], self.base[v]
        at_a = np.flatnonzero(self.base == A)
        at_b = np.flatnonzero(self.base == B)
        at_a, at_b = at_a[at_a != u], at_b[at_b != v]
        np.subtract.at(self.cnt, self.O[u, at_a], 1)
        np.subtract.at(self.cnt, self.O[v, at_b], 1)
        np.add.at(self.cnt, self.O[u, at_b], 1)
        np.add.at(self.cnt, self.O[v, at_a], 1)
        self.base[u], self.base[v] = B, A
        self.cost = self._cost()


def cyclic_design(
    g: int,
    s: int,
    rounds: int,
    rng: np.random.Generator,
    deadline: float,
    max_iterations: int | None = None,
) -> np.ndarray | None:
    """A zero-repeat plan ``(rounds, g * s)`` developed from one base round, or None.

    Tries every shape ``(c, f)`` of :func:`cyclic_options` in turn, restarting with a new
    random base round after a stall, until ``deadline`` or ``max_iterations`` swaps.
    """
    if rounds < 2 or s < 2 or g < 2:
        return None
    options = cyclic_options(g, s, rounds)
    if not options:
        return None
    n = g * s
    budget = max_iterations if max_iterations is not None else np.iinfo(np.int64).max
    used = 0
    attempt = 0
    stall_limit = max(300, 30 * n)
    while used < budget and time.perf_counter() < deadline:
        c, f = options[attempt % len(options)]
        attempt += 1
        search = _BaseSearch(g, s, rounds, c, f, rng)
        best = search.cost
        tabu = np.zeros((n, g), dtype=np.int64)
        it = stall = 0
        while search.cost > 0 and stall < stall_limit and used < budget:
            if it % 64 == 0 and time.perf_counter() > deadline:
                break
            it += 1
            used += 1
            stall += 1
            d = search.deltas()
            d += 0.5 * rng.random(d.shape)
            is_tabu = (tabu[np.arange(n)[:, None], search.base[None, :]] > it) | (
                tabu[np.arange(n)[None, :], search.base[:, None]] > it
            )
            d[is_tabu & (search.cost + d >= best - 0.5)] = np.inf
            flat = int(np.argmin(d))
            if not np.isfinite(d.flat[flat]):
                tabu[:] = 0
                continue
            u, v = divmod(flat, n)
            a, b = search.base[u], search.base[v]
            search.swap(u, v)
            tenure = 2 + int(rng.integers(0, max(3, n // 6)))
            tabu[u, a] = tabu[v, b] = it + tenure
            if search.cost < best:
                best, stall = search.cost, 0
        if search.cost == 0:
            return develop(search.base, rounds, c)
    return None
