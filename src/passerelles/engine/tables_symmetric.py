"""Cyclic designs with a second symmetry, found by an exact-cover search over block orbits.

A cyclic plan (:mod:`tables_cyclic`) is one base round on ``Z_m x {0..c-1}`` plus ``f``
fixed points, developed by translation; it has no repeats when the pairs of the base round
fall in distinct translation orbits (and none in a short orbit). Asking the base round to be
also invariant under a permutation ``phi`` of the people that commutes with translation or
normalises it shrinks the search further: the base round is then a union of ``phi``-orbits
of tables, and a depth-first exact-cover search (Knuth's algorithm X: every person seated
once, every pair orbit used at most once, always branching on the most constrained
column) over those orbits needs only a handful of choices. The permutations tried:

- ``rho``: ``(x, i) -> (x, i + 1 mod c)``, fixed points fixed, or cycled when ``f == c``.
  As ``Z_m x Z_c`` is ``Z_mc`` when ``gcd(m, c) == 1``, this is the classical 1-rotational
  construction of resolvable designs over ``Z_mc`` with a point at infinity, whose base
  parallel class is invariant under translation by ``m`` (RBIBD(40, 4, 1): 10 tables of 4
  for 13 rounds; 4-RGDD of type 3^12: 9 tables of 4 for 11 rounds);
- multipliers ``(x, i) -> (a x, i)`` for units ``a`` of ``Z_m`` of small order (they map
  translate ``t`` to translate ``a t``, so round 0 to itself), fixed points fixed or
  swapped, and the products of a multiplier with ``rho``.

It is a search, not a table of answers: the same code serves every instance it fits,
and it gives up quickly (a node budget per attempt) where no such design is found.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

import numpy as np

from passerelles.engine.tables_cyclic import Shape, _orbits, cyclic_shapes, develop

__all__ = ["symmetric_design", "symmetries"]

_MAX_BLOCKS = 120_000  # candidate tables (s-subsets) enumerated at most
_NODES = 4_000  # choices tried by one depth-first search


def symmetries(shape: Shape) -> Iterator[tuple[str, np.ndarray]]:
    """Permutations ``phi`` of the ``m * c + f`` people that map round 0 of the developed
    plan to itself, with a name: row rotations, multipliers and their products."""
    m, c, f = shape.m, shape.c, shape.f
    n = m * c + f
    idx = np.arange(n)
    moving = m * c
    x, row = idx[:moving] % m, idx[:moving] // m
    fixed_ways: list[tuple[str, np.ndarray]] = [("", idx[moving:])]
    if f >= 2:
        fixed_ways.append((" cycling the fixed points", moving + (np.arange(f) + 1) % f))
    rotations: list[tuple[str, np.ndarray]] = []
    for k in range(1, c):
        if c % k == 0:  # rotation by k rows: order c / k
            rotations.append((f"rows rotated by {k}", ((row + k) % c) * m + x))
    multipliers: list[tuple[str, np.ndarray]] = []
    seen: set[frozenset[int]] = set()
    for a in range(2, m):
        if math.gcd(a, m) != 1:
            continue
        group = frozenset(pow(a, k, m) for k in range(1, m))
        if group in seen or len(group) > 6:
            continue
        seen.add(group)
        multipliers.append((f"multiplier {a}", row * m + (a * x) % m))
    moves = rotations + multipliers
    moves += [
        (f"{rname}, {mname}", rot[mul]) for rname, rot in rotations for mname, mul in multipliers
    ]
    for name, move in moves:
        for fname, fmove in fixed_ways:
            yield name + fname, np.concatenate((move, fmove))


def _codes(blocks: np.ndarray) -> np.ndarray:
    """One integer per block (its people as bits; needs fewer than 63 people)."""
    codes: np.ndarray = np.bitwise_or.reduce(np.left_shift(np.int64(1), blocks), axis=-1)
    return codes


@lru_cache(maxsize=16)
def _tables(g: int, s: int, m: int, c: int, f: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Admissible tables of a shape (no pair in a short orbit, no pair orbit twice), their
    pair orbits, and their codes (sorted, with the order that sorts them)."""
    n = g * s
    orbit, _, mult = _orbits(m, c, f)
    ok = mult[orbit] == 1
    np.fill_diagonal(ok, False)
    blocks = np.array(list(itertools.combinations(range(n), s)), dtype=np.int64)
    ii, jj = np.triu_indices(s, 1)
    pair_orbits = orbit[blocks[:, ii], blocks[:, jj]]
    ordered = np.sort(pair_orbits, axis=1)
    good = ok[blocks[:, ii], blocks[:, jj]].all(1) & (ordered[:, 1:] != ordered[:, :-1]).all(1)
    blocks, pair_orbits = blocks[good], pair_orbits[good]
    codes = _codes(blocks)
    order = np.argsort(codes)
    return blocks, pair_orbits, np.stack((codes[order], order))


def _orbit_rows(
    g: int, s: int, shape: Shape, phi: np.ndarray
) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray] | None:
    """The ``phi``-orbits of admissible tables: for each, its people and its pair orbits
    (distinct images disjoint, no pair orbit twice), and the pair orbits any of them uses."""
    n = g * s
    blocks, pair_orbits, sorted_pair = _tables(g, s, shape.m, shape.c, shape.f)
    if not blocks.size:
        return None
    sorted_codes, order = sorted_pair
    period = 1
    power = phi.copy()
    while not np.array_equal(power, np.arange(n)):
        power = phi[power]
        period += 1
    images = [blocks]
    for _ in range(period - 1):
        images.append(phi[images[-1]])
    image_codes = np.stack([_codes(b) for b in images])  # (period, blocks)
    where = np.searchsorted(sorted_codes, image_codes).clip(0, sorted_codes.size - 1)
    present = (sorted_codes[where] == image_codes).all(0)
    first = image_codes.min(0) == image_codes[0]  # one representative per orbit
    ids = order[where]  # (period, blocks): index of each image among the tables
    # each table's own period under phi: its distinct images are the first ones
    back = image_codes[1:] == image_codes[0]
    own = np.where(back.any(0), back.argmax(0) + 1, period) if period > 1 else first * 1
    people: list[np.ndarray] = []
    pairs: list[np.ndarray] = []
    for p in np.unique(own[present & first]).tolist():
        keep = np.flatnonzero(present & first & (own == p))
        pts = blocks[ids[:p, keep]].transpose(1, 0, 2).reshape(keep.size, -1)
        ors = pair_orbits[ids[:p, keep]].transpose(1, 0, 2).reshape(keep.size, -1)
        spts, sors = np.sort(pts, axis=1), np.sort(ors, axis=1)
        fine = (spts[:, 1:] != spts[:, :-1]).all(1) & (sors[:, 1:] != sors[:, :-1]).all(1)
        people += list(pts[fine])
        pairs += list(ors[fine])
    if not people:
        return None
    return people, pairs, np.unique(np.concatenate(pairs))


def exact_cover(
    masks: Sequence[int],
    cols: Sequence[Sequence[int]],
    rows: int,
    primary: frozenset[int],
    options: Callable[[int], list[int]],
    rng: np.random.Generator,
    deadline: float,
    nodes: int,
) -> list[int] | None:
    """Rows covering every ``primary`` column exactly once and no other column twice
    (Knuth's algorithm X on bit masks: ``masks[c]`` holds the rows with column ``c``,
    ``cols[r]`` the columns of row ``r``; ``options(bits)`` lists the rows a mask holds),
    the column with the fewest rows first, its rows in random order; None after ``nodes``
    choices or past ``deadline``."""
    chosen: list[int] = []
    count = 0

    class Stop(Exception):
        pass

    def solve(alive: int, open_cols: frozenset[int]) -> bool:
        nonlocal count
        best, fewest = -1, rows + 1
        for col in open_cols:
            k = (alive & masks[col]).bit_count()
            if k < fewest:
                best, fewest = col, k
                if k == 0:
                    return False
        if best < 0:
            return True
        choices = options(alive & masks[best])
        rng.shuffle(choices)
        for r in choices:
            count += 1
            if count > nodes or (count % 256 == 0 and time.perf_counter() > deadline):
                raise Stop
            rest = alive
            for col in cols[r]:
                rest &= ~masks[col]
            chosen.append(r)
            if solve(rest, open_cols.difference(cols[r])):
                return True
            chosen.pop()
        return False

    try:
        if not solve((1 << rows) - 1, primary):
            return None
    except Stop:
        return None
    return chosen


def _bits(x: int, nbytes: int) -> np.ndarray:
    raw = np.frombuffer(x.to_bytes(nbytes, "little"), dtype=np.uint8)
    out: np.ndarray = np.flatnonzero(np.unpackbits(raw, bitorder="little"))
    return out


class _Cover:
    """Exact cover of one (shape, symmetry): rows are the ``phi``-orbits of tables;
    columns the people (each seated exactly once) and the pair orbits (each used at most
    once; exactly once when the design is tight). Sets of rows are Python integers used as
    bit sets; prepared once, searched again with new random orders."""

    def __init__(self, g: int, s: int, shape: Shape, phi: np.ndarray) -> None:
        self.g, self.s, self.shape = g, s, shape
        found = _orbit_rows(g, s, shape, phi)
        self.empty = found is None
        if found is None:
            return
        people, pairs, used = found
        n, bases = g * s, shape.bases
        size = int(_orbits(shape.m, shape.c, shape.f)[1].size)
        # several base rounds: one copy of every row per base round, people per base round
        self.people = people * bases
        self.base_of = np.repeat(np.arange(bases), len(people))
        self.rows = len(self.people)
        self.cols = [
            np.concatenate((b * n + p, bases * n + o)).tolist()
            for b in range(bases)
            for p, o in zip(people, pairs, strict=True)
        ]
        member = np.zeros((self.rows, bases * n + size), dtype=bool)
        for r, c in enumerate(self.cols):
            member[r, c] = True
        self.masks = [
            int.from_bytes(np.packbits(member[:, j], bitorder="little").tobytes(), "little")
            for j in range(bases * n + size)
        ]
        tight = used.size == bases * g * (s * (s - 1) // 2)
        self.primary = frozenset(range(bases * n)) | (
            frozenset((bases * n + used).tolist()) if tight else frozenset()
        )

    def search(self, rng: np.random.Generator, deadline: float, nodes: int) -> np.ndarray | None:
        """Base rounds ``(bases, n)`` (table of each person), or None after ``nodes``
        choices."""
        if self.empty:
            return None
        nbytes = (self.rows + 7) // 8
        chosen = exact_cover(
            self.masks,
            self.cols,
            self.rows,
            self.primary,
            lambda left: _bits(left, nbytes).tolist(),
            rng,
            deadline,
            nodes,
        )
        if chosen is None:
            return None
        base = np.empty((self.shape.bases, self.g * self.s), dtype=np.int64)
        table = np.zeros(self.shape.bases, dtype=np.int64)
        for r in chosen:
            b = self.base_of[r]
            for block in self.people[r].reshape(-1, self.s):
                base[b, block] = table[b]
                table[b] += 1
        return base


def symmetric_design(
    g: int,
    s: int,
    rounds: int,
    rng: np.random.Generator,
    deadline: float,
    up_to: int | None = None,
    nodes: int = _NODES,
    passes: int | None = None,
    several_bases: bool = False,
) -> np.ndarray | None:
    """A zero-repeat plan ``(rounds, g * s)``: a cyclic design (one base round) whose base
    round has a second symmetry, or None by ``deadline``.

    ``up_to``: also try designs of more rounds (most first), cut to ``rounds``.
    ``several_bases``: also shapes of several base rounds under a smaller group, each base
    round invariant (slower, and none of the grid's instances needed them). Each
    (shape, symmetry) gets one short depth-first search per pass; passes repeat with new
    random orders until the deadline, ``passes`` passes, or until every search was
    exhaustive."""
    n = g * s
    if rounds < 2 or s < 2 or g < 2 or n >= 63 or math.comb(n, s) > _MAX_BLOCKS:
        return None
    attempts = [
        (shape, phi)
        for more in range(max(rounds, up_to or 0), rounds - 1, -1)
        for shape in cyclic_shapes(g, s, more)
        if not shape.extra and not shape.rows and (several_bases or shape.bases == 1)
        for _, phi in symmetries(shape)
    ]
    covers: dict[int, _Cover] = {}
    done = 0
    while attempts and time.perf_counter() < deadline and (passes is None or done < passes):
        done += 1
        for k, (shape, phi) in enumerate(attempts):
            if time.perf_counter() > deadline:
                return None
            if k not in covers:
                covers[k] = _Cover(g, s, shape, phi)
            base = covers[k].search(rng, deadline, nodes)
            if base is not None:
                return develop(base, shape, rounds=rounds)
        attempts = [a for k, a in enumerate(attempts) if not covers[k].empty]
        covers = {j: covers[k] for j, k in enumerate(k for k in covers if not covers[k].empty)}
    return None
