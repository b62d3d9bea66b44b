"""Exact resolvable designs used as zero-repeat starting points for table plans.

Every function returns an int array ``(rounds, n)`` giving each participant's table in
each round, with ``k`` tables of exactly ``s`` people, and no pair of participants
sharing a table twice. ``resolvable_design`` picks the first construction that fits.

Constructions:
- affine / transversal designs over GF(q), q a prime power: ``q`` tables of ``s <= q``
  people for ``q`` rounds, plus one more round when ``s`` divides ``q`` (the affine
  plane AG(2, q) when ``s == q``). Covers 3-3-4, 4-4-5, 5-4-5, 5-5-6 and 8-4-9.
- Kirkman triple system KTS(15) from a packing of the lines of PG(3, 2) into seven
  spreads: 5 tables of 3 for 7 rounds (Kirkman's schoolgirls).
- round-robin "circle method" for tables of two: n - 1 rounds for even n.
- affine spaces AG(dim, q): q^(dim-1) tables of q for (q^dim - 1) / (q - 1) rounds (9-3-13).
- cyclic Latin squares over Z_k for any k (6-6-3; 10-5-5, 10-3-5 where no field exists).

Instances past these get a cyclic design found by search (:mod:`tables_cyclic`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from functools import lru_cache

import numpy as np

__all__ = ["resolvable_design", "max_design_rounds"]


def _prime_power(q: int) -> tuple[int, int] | None:
    """Return (p, m) with q == p**m for a prime p, or None."""
    if q < 2:
        return None
    for p in range(2, q + 1):
        if q % p == 0:
            m, rest = 0, q
            while rest % p == 0:
                rest //= p
                m += 1
            return (p, m) if rest == 1 else None
    return None  # pragma: no cover


def _poly_mulmod(a: list[int], b: list[int], mod: list[int], p: int) -> list[int]:
    """Multiply two polynomials over GF(p) (little-endian coefficients) modulo ``mod``."""
    prod = [0] * (len(a) + len(b) - 1)
    for i, ai in enumerate(a):
        for j, bj in enumerate(b):
            prod[i + j] = (prod[i + j] + ai * bj) % p
    m = len(mod) - 1
    for i in range(len(prod) - 1, m - 1, -1):
        c = prod[i]
        if c:
            # mod is monic: subtract c * x^(i-m) * mod
            for j in range(m + 1):
                prod[i - m + j] = (prod[i - m + j] - c * mod[j]) % p
    return (prod + [0] * m)[:m]


def _is_irreducible(poly: list[int], p: int) -> bool:
    """Brute-force irreducibility of a monic polynomial of small degree over GF(p)."""
    m = len(poly) - 1
    for d in range(1, m // 2 + 1):
        for coeffs in itertools.product(range(p), repeat=d):
            divisor = list(coeffs) + [1]
            # polynomial remainder of poly by divisor
            rem = list(poly)
            for i in range(len(rem) - 1, d - 1, -1):
                c = rem[i]
                if c:
                    for j in range(d + 1):
                        rem[i - d + j] = (rem[i - d + j] - c * divisor[j]) % p
            if not any(rem[:d]):
                return False
    return True


@lru_cache(maxsize=32)
def _field(q: int) -> tuple[np.ndarray, np.ndarray]:
    """Addition and multiplication tables of GF(q); elements are ints 0..q-1 (base-p digits)."""
    pm = _prime_power(q)
    if pm is None:
        raise ValueError(f"{q} is not a prime power")
    p, m = pm
    digits = np.array([[(x // p**i) % p for i in range(m)] for x in range(q)], dtype=np.int64)
    weights = p ** np.arange(m)
    add = ((digits[:, None, :] + digits[None, :, :]) % p) @ weights
    if m == 1:
        mul = (np.arange(q)[:, None] * np.arange(q)[None, :]) % q
        return add, mul
    mod = next(
        list(c) + [1]
        for c in itertools.product(range(p), repeat=m)
        if c[0] != 0 and _is_irreducible(list(c) + [1], p)
    )
    mul = np.zeros((q, q), dtype=np.int64)
    for x in range(q):
        for y in range(x, q):
            v = int(np.dot(_poly_mulmod(list(digits[x]), list(digits[y]), mod, p), weights))
            mul[x, y] = mul[y, x] = v
    return add, mul


def _affine(q: int, s: int) -> np.ndarray:
    """Resolvable transversal design on s columns of AG(2, q): q tables of s people.

    Participant ``i`` is the point (x, y) = (i // q, i % q) with x among the first s field
    elements. Round ``m`` seats it at the line y = m x + c of slope m (table c): two points
    of different columns share exactly one slope, points of one column none. When s divides
    q, one extra round cuts each column into q / s tables, still without repeats.
    """
    add, mul = _field(q)
    neg = np.argmin(add, axis=1)  # additive inverse: add[x, neg[x]] == 0
    x = np.repeat(np.arange(s), q)
    y = np.tile(np.arange(q), s)
    rounds = [add[y, neg[mul[m, x]]] for m in range(q)]  # c = y - m x
    if q % s == 0:
        rounds.append(x * (q // s) + y // s)
    return np.array(rounds, dtype=np.int64)


@lru_cache(maxsize=1)
def _kirkman15() -> np.ndarray:
    """KTS(15): the 35 lines of PG(3, 2) packed into 7 spreads, found by backtracking."""
    points = list(range(1, 16))  # nonzero vectors of GF(2)^4
    lines = sorted({tuple(sorted((a, b, a ^ b))) for a in points for b in points if a < b})
    spreads: list[frozenset[tuple[int, ...]]] = []

    def extend(chosen: list[tuple[int, ...]], covered: int) -> None:
        if len(chosen) == 5:
            spreads.append(frozenset(chosen))
            return
        first = next(pt for pt in points if not covered >> pt & 1)
        for line in lines:
            if line[0] == first and not any(covered >> pt & 1 for pt in line):
                extend(chosen + [line], covered | sum(1 << pt for pt in line))

    extend([], 0)

    Line = tuple[int, ...]

    def pack(chosen: list[frozenset[Line]], used: frozenset[Line]) -> list[frozenset[Line]] | None:
        if len(chosen) == 7:
            return chosen
        for spread in spreads:
            if not spread & used and (not chosen or min(spread) > min(chosen[-1])):
                found = pack(chosen + [spread], used | spread)
                if found:
                    return found
        return None

    packing = pack([], frozenset())
    assert packing is not None
    plan = np.zeros((7, 15), dtype=np.int64)
    for r, spread in enumerate(packing):
        for t, line in enumerate(sorted(spread)):
            for pt in line:
                plan[r, pt - 1] = t
    return plan


def _round_robin(n: int) -> np.ndarray:
    """Circle method: n (even) people at n/2 tables of two for n - 1 rounds."""
    plan = np.zeros((n - 1, n), dtype=np.int64)
    others = np.arange(1, n)
    for r in range(n - 1):
        ring = np.concatenate(([0], np.roll(others, r)))
        for t in range(n // 2):
            plan[r, ring[t]] = plan[r, ring[n - 1 - t]] = t
    return plan


def _affine_space(q: int, dim: int) -> np.ndarray:
    """Parallel classes of lines of AG(dim, q): q^(dim-1) tables of q people, one round per
    direction ((q^dim - 1) / (q - 1) rounds; AG(3, 3) is a KTS(27), 9 tables of 3 for 13)."""
    add, mul = _field(q)
    n = q**dim
    coords = np.array([[(p // q**i) % q for i in range(dim)] for p in range(n)], dtype=np.int64)
    weights = q ** np.arange(dim)
    directions = [
        d
        for d in itertools.product(range(q), repeat=dim)
        if any(d) and d[next(i for i, x in enumerate(d) if x)] == 1
    ]
    rounds = []
    for d in directions:
        step = np.array(d, dtype=np.int64)
        # the points of a line through p: p + lam * d; the smallest index names the line
        line = np.stack([add[coords, mul[lam, step]] @ weights for lam in range(q)])
        rounds.append(np.unique(line.min(axis=0), return_inverse=True)[1])
    return np.array(rounds, dtype=np.int64)


def _latin_rounds(k: int, s: int) -> int:
    """Rounds of :func:`_cyclic_latin`: the multipliers 0..t-1, plus the rows when s == k."""
    t = 1
    while t < k and k // math.gcd(t, k) >= s:
        t += 1
    return t + (s == k)


def _cyclic_latin(k: int, s: int) -> np.ndarray:
    """Cyclic Latin squares over Z_k, for any k: person (r, c) (r < s, c < k) sits at table
    a * r + c in round a, for the multipliers a = 0..t-1 whose differences d keep
    d * (r - r') != 0 mod k (k / gcd(d, k) >= s); one more round by rows when s == k (6
    tables of 6 for 3 rounds: no pair of orthogonal Latin squares of order 6 exists)."""
    r = np.repeat(np.arange(s), k)
    c = np.tile(np.arange(k), s)
    t = _latin_rounds(k, s) - (s == k)
    rounds = [(a * r + c) % k for a in range(t)]
    if s == k:
        rounds.append(r)
    return np.array(rounds, dtype=np.int64)


def _space_dim(k: int, s: int) -> int:
    """dim >= 3 with k == s^(dim-1) and s a prime power, else 0."""
    if _prime_power(s) is None:
        return 0
    dim, size = 2, s
    while size < k:
        size *= s
        dim += 1
    return dim if size == k and dim >= 3 else 0


def _constructions(k: int, s: int) -> list[tuple[int, Callable[[], np.ndarray]]]:
    """(rounds, builder) of every construction for k tables of s people."""
    out: list[tuple[int, Callable[[], np.ndarray]]] = []
    if s == 2 and k >= 1:
        out.append((2 * k - 1, lambda: _round_robin(2 * k)))
    if (k, s) == (5, 3):
        out.append((7, _kirkman15))
    if _prime_power(k) is not None and 2 <= s <= k:
        out.append((k + (k % s == 0), lambda: _affine(k, s)))
    dim = _space_dim(k, s)
    if dim:
        out.append(((s**dim - 1) // (s - 1), lambda: _affine_space(s, dim)))
    if 2 <= s <= k:
        out.append((_latin_rounds(k, s), lambda: _cyclic_latin(k, s)))
    return out


def max_design_rounds(k: int, s: int) -> int:
    """Rounds available from a known construction for k tables of s people (0 if none)."""
    return max((rounds for rounds, _ in _constructions(k, s)), default=0)


def resolvable_design(k: int, s: int, rounds: int) -> np.ndarray | None:
    """A zero-repeat plan ``(rounds, k * s)`` for k tables of s people, or None if unknown."""
    for have, build in _constructions(k, s):
        if have >= rounds:
            return np.array(build()[:rounds], dtype=np.int64)
    return None
