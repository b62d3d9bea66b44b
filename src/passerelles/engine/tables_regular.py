"""Zero-repeat table plans invariant under a group acting on people and rounds together.

The people are ``A x {0..c-1}`` for an abelian group ``A = Z_a x Z_a`` (translations act on
every row at once). The rounds are the ``k = |A / K|`` translates of a base round (``K``
is the subgroup of translations that map the base round to itself), plus ``e`` rounds that
every translation maps to themselves (each is a union of ``A``-orbits of tables). With
``c == 2`` a second symmetry swaps the rows: ``phi(x, 0) = (M x, 1)``,
``phi(x, 1) = (M x + t, 0)`` for an involutive automorphism ``M`` of ``A`` (``M t = t``),
mapping translate ``u`` of the base round to translate ``M u + v`` and each invariant round
to itself. ``A`` and ``phi`` generate a group ``G`` of order ``2 |A|`` acting regularly on
the people.

A plan invariant under ``G`` is a union of ``G``-orbits of flags (a round and one of its
tables); the search is an exact cover over those orbits: every (round, person) once, every
pair at most once (pairs come in ``G``-orbits, and an orbit of flags either meets all the
pairs of an orbit once or is left out). Symmetry shrinks the search to a few thousand
candidate orbits and a few thousand choices: 8 tables of 4 for 10 rounds (the social golfer
instance 8-4-10, whose pairs but a perfect matching all meet once; the first schedule was
published by Aguado in 2004) is found under ``A = Z_4 x Z_4`` with ``K`` of order 2, two
invariant rounds and a row swap, usually within a second, where the same search under
``A`` alone needs up to 100 times more choices.

It is a search, not a table of answers: the parameters (``A``, ``K``, ``M``, ``t``, ``v``)
are drawn at random among those that fit ``n``, ``s`` and the rounds, each draw gets a
bounded exact-cover search, until one succeeds or the deadline passes.
"""

from __future__ import annotations

import itertools
import math
import time

import numpy as np

from passerelles.engine.tables_symmetric import exact_cover

__all__ = ["regular_design", "regular_options"]

_NODES = 20_000  # choices of one exact-cover search
_BATCH = 100  # parameter draws ranked together
_MAX_BLOCKS = 120_000  # candidate tables (s-subsets) enumerated at most
_MAX_N = 62  # people as bits of one int64
_BIG = np.iinfo(np.int64).max


def _subgroups(a: int, order: int) -> list[np.ndarray]:
    """Subgroups of ``Z_a x Z_a`` of the given order, each as its ``(order, 2)`` elements."""
    els = [(x, y) for x in range(a) for y in range(a)]
    seen: set[frozenset[tuple[int, int]]] = set()
    out = []
    for gens in itertools.combinations(els, 2):
        group = {(0, 0)}
        frontier = [(0, 0)]
        while frontier:
            nxt = []
            for p in frontier:
                for q in gens:
                    r = ((p[0] + q[0]) % a, (p[1] + q[1]) % a)
                    if r not in group:
                        group.add(r)
                        nxt.append(r)
            frontier = nxt
        key = frozenset(group)
        if len(group) == order and key not in seen:
            seen.add(key)
            out.append(np.array(sorted(group), dtype=np.int64))
    return out


def _involutions(a: int) -> list[np.ndarray]:
    """Automorphisms ``M`` of ``Z_a x Z_a`` (2x2 matrices, unit determinant) with ``M^2 = 1``."""
    out = []
    for m in itertools.product(range(a), repeat=4):
        mat = np.array(m, dtype=np.int64).reshape(2, 2)
        det = int(round(np.linalg.det(mat))) % a
        if math.gcd(det, a) != 1:
            continue
        if np.array_equal((mat @ mat) % a, np.eye(2, dtype=np.int64)):
            out.append(mat)
    return out


def regular_options(g: int, s: int, rounds: int) -> list[tuple[int, int, int]]:
    """``(a, k, e)``: ``A = Z_a x Z_a`` on two rows (``2 a^2 = g s``), ``k`` translates of a
    base round and ``e <= 2`` invariant rounds (``k + e = rounds``, ``k`` divides ``a^2``)."""
    n = g * s
    a = math.isqrt(n // 2)
    if a < 2 or 2 * a * a != n:
        return []
    return [
        (a, rounds - e, e)
        for e in range(0, 3)
        if rounds - e >= 2 and (a * a) % (rounds - e) == 0 and rounds - e <= a * a
    ]


class _Group:
    """The group ``G`` as permutations of the people ``(|G|, n)`` and of the rounds
    ``(|G|, rounds)``; people ``(x, y, row)`` are ``row * a^2 + x * a + y``."""

    def __init__(
        self,
        a: int,
        kernel: np.ndarray,
        e: int,
        mat: np.ndarray | None,
        t: np.ndarray,
        v: np.ndarray,
    ) -> None:
        self.a = a
        aa = a * a
        xy = np.array([(x, y) for x in range(a) for y in range(a)], dtype=np.int64)
        # cosets of the kernel: translate u of the base round is round coset_id[u]
        coset_of = np.full(aa, -1, dtype=np.int64)
        k = 0
        for i in range(aa):
            if coset_of[i] < 0:
                members = (xy[i] + kernel) % a
                coset_of[members[:, 0] * a + members[:, 1]] = k
                k += 1
        self.k, self.e = k, e
        n = 2 * aa
        people, rounds = [], []
        for u in xy:  # translations
            moved = (xy + u) % a
            idx = moved[:, 0] * a + moved[:, 1]
            people.append(np.concatenate((idx, aa + idx)))
            shift = (xy + u) % a
            rmap = coset_of[(shift[:, 0] * a + shift[:, 1])]
            # round coset_of[w] goes to coset_of[w + u]
            rperm = np.empty(k + e, dtype=np.int64)
            rperm[coset_of] = rmap
            rperm[k:] = np.arange(k, k + e)
            rounds.append(rperm)
        if mat is not None:
            m_xy = (xy @ mat.T) % a
            to1 = m_xy[:, 0] * a + m_xy[:, 1]
            m_t = (m_xy + t) % a
            to0 = m_t[:, 0] * a + m_t[:, 1]
            phi = np.concatenate((aa + to1, to0))
            mv = (xy @ mat.T + v) % a
            rphi = np.empty(k + e, dtype=np.int64)
            rphi[coset_of] = coset_of[mv[:, 0] * a + mv[:, 1]]
            rphi[k:] = np.arange(k, k + e)
            people += [phi[p] for p in people]
            rounds += [rphi[r] for r in rounds]
        self.people = np.array(people, dtype=np.int64)
        self.rounds = np.array(rounds, dtype=np.int64)
        self.n = n

    def closed(self) -> bool:
        """The elements form a group acting consistently on rounds (checks ``phi``)."""
        key = {(p.tobytes(), r.tobytes()) for p, r in zip(self.people, self.rounds, strict=True)}
        if len(key) != len(self.people):
            return False
        for p, r in zip(self.people, self.rounds, strict=True):
            for q, w in zip(self.people[:3], self.rounds[:3], strict=True):
                if (p[q].tobytes(), r[w].tobytes()) not in key:
                    return False
        return True


def _popcount(x: np.ndarray) -> np.ndarray:
    """Bits set in each int64."""
    out: np.ndarray = np.unpackbits(x.view(np.uint8).reshape(-1, 8), axis=1).sum(1)
    return out


def _codes(blocks: np.ndarray) -> np.ndarray:
    codes: np.ndarray = np.bitwise_or.reduce(np.left_shift(np.int64(1), blocks), axis=-1)
    return codes


class _Cover:
    """Exact cover over the ``G``-orbits of flags. Columns: the orbits of (round, person)
    (primary: each exactly once) and the orbits of pairs (secondary: at most once)."""

    def __init__(self, group: _Group, s: int, blocks: np.ndarray) -> None:
        n, size = group.n, len(group.people)
        rounds = group.k + group.e
        # orbits of pairs under G
        ii, jj = np.triu_indices(n, 1)
        lo = np.minimum(group.people[:, ii], group.people[:, jj])
        hi = np.maximum(group.people[:, ii], group.people[:, jj])
        canon = (lo * n + hi).min(0)
        pair_ids, pair_orbit = np.unique(canon, return_inverse=True)
        orbit = np.zeros((n, n), dtype=np.int64)
        orbit[ii, jj] = orbit[jj, ii] = pair_orbit
        pair_size = np.bincount(pair_orbit)
        self.rows: list[tuple[int, np.ndarray]] = []
        cols: list[list[int]] = []
        col_base = 0
        rep_rounds = [0, *range(group.k, rounds)]
        si, sj = np.triu_indices(s, 1)
        for r0 in rep_rounds:
            stab = np.flatnonzero(group.rounds[:, r0] == r0)
            perms = group.people[stab]  # (|S|, n)
            # orbits of people under the stabiliser: the (round, person) columns
            point_orbit = perms.min(0)
            _, point_col = np.unique(point_orbit, return_inverse=True)
            candidates = blocks
            if point_col.max() == 0:
                # transitive on the people: every orbit of tables has one through person 0
                candidates = blocks[blocks[:, 0] == 0]
            images = perms[:, candidates]  # (|S|, C, s)
            codes = _codes(images)  # (|S|, C)
            own = _codes(candidates)
            through = np.where(codes & 1 if candidates is not blocks else True, codes, _BIG)
            rep = through.min(0) == own
            distinct = len(stab) // (codes == own).sum(0)  # |S| / |stabiliser of the table|
            union = np.bitwise_or.reduce(codes, axis=0)
            fine = rep & (_popcount(union) == distinct * s)
            # pair coverage: flags in the G-orbit x pairs of the block in each pair orbit
            flags = size * distinct // len(stab)
            pair_ids_of = orbit[candidates[:, si], candidates[:, sj]]  # (C, pairs)
            same = (pair_ids_of[:, :, None] == pair_ids_of[:, None, :]).sum(-1)
            fine &= (flags[:, None] * same == pair_size[pair_ids_of]).all(1)
            for c in np.flatnonzero(fine).tolist():
                covered = np.unique(point_col[images[:, c].ravel()])
                ids = np.unique(pair_ids_of[c])
                self.rows.append((r0, candidates[c]))
                cols.append((col_base + covered).tolist() + (-1 - ids).tolist())
            col_base += int(point_col.max()) + 1
        primary = col_base
        # pair columns after the primary ones
        self.cols = [[c if c >= 0 else primary + (-1 - c) for c in row] for row in cols]
        total = primary + len(pair_size)
        member = [0] * total
        for r, row in enumerate(self.cols):
            for c in row:
                member[c] |= 1 << r
        self.masks = member
        self.primary = frozenset(range(primary))
        self.group = group
        self.s = s

    def search(self, rng: np.random.Generator, deadline: float, nodes: int) -> np.ndarray | None:
        rows = len(self.rows)
        if not rows:
            return None
        chosen = exact_cover(
            self.masks,
            self.cols,
            rows,
            self.primary,
            lambda left: [i for i in range(left.bit_length()) if left >> i & 1],
            rng,
            deadline,
            nodes,
        )
        if chosen is None:
            return None
        return self._plan(chosen)

    def _plan(self, chosen: list[int]) -> np.ndarray:
        group = self.group
        rounds = group.k + group.e
        plan = np.full((rounds, group.n), -1, dtype=np.int64)
        tables = np.zeros(rounds, dtype=np.int64)
        seen: set[tuple[int, int]] = set()
        for r in chosen:
            r0, block = self.rows[r]
            for perm, rperm in zip(group.people, group.rounds, strict=True):
                rnd = int(rperm[r0])
                image = perm[block]
                key = (rnd, int(_codes(np.sort(image))))
                if key in seen:
                    continue
                seen.add(key)
                plan[rnd, image] = tables[rnd]
                tables[rnd] += 1
        return plan


def _draws(
    a: int, k: int, e: int, rng: np.random.Generator
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Every parameter choice ``(kernel, M, t, v)`` for ``A = Z_a x Z_a``, shuffled."""
    aa = a * a
    kernels = _subgroups(a, aa // k) if aa // k > 1 else [np.zeros((1, 2), dtype=np.int64)]
    mats = _involutions(a)
    xy = np.array([(x, y) for x in range(a) for y in range(a)], dtype=np.int64)
    out: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for kernel in kernels:
        kset = {tuple(p) for p in kernel.tolist()}
        for mat in mats:
            if {tuple(p) for p in ((kernel @ mat.T) % a).tolist()} != kset:
                continue  # M must map the kernel to itself
            for t in xy:
                if not np.array_equal((mat @ t) % a, t):
                    continue
                for v in xy:
                    # phi^2 is translation by t: M v + v must equal t modulo the kernel
                    diff = ((mat @ v + v - t) % a).tolist()
                    if tuple(diff) in kset:
                        out.append((kernel, mat, t, v))
    order = rng.permutation(len(out))
    return [out[i] for i in order]


def _pair_orbits(group: _Group) -> int:
    """Orbits of pairs of people under the group."""
    n = group.n
    ii, jj = np.triu_indices(n, 1)
    lo = np.minimum(group.people[:, ii], group.people[:, jj])
    hi = np.maximum(group.people[:, ii], group.people[:, jj])
    return int(np.unique((lo * n + hi).min(0)).size)


def regular_design(
    g: int,
    s: int,
    rounds: int,
    rng: np.random.Generator,
    deadline: float,
    nodes: int = _NODES,
    batch: int = _BATCH,
) -> np.ndarray | None:
    """A zero-repeat plan ``(rounds, g * s)`` invariant under a group of order ``g * s``
    acting regularly on the people (module docstring), or None by ``deadline``.

    Parameters are drawn in random batches; within a batch the groups with the fewest
    orbits of pairs come first: fewer pairs lie in short orbits (pairs swapped by an
    involution of the group, which can meet only in a round that involution fixes), so
    more orbits of tables are admissible (8-4-10: 2,118 to 2,214 candidate orbits against
    86 to 1,054 for the others; a search succeeds on about half of these groups, against
    none of the 67 others of a sample of 80)."""
    n = g * s
    options = regular_options(g, s, rounds)
    if n > _MAX_N or s < 3 or not options or math.comb(n, s) > _MAX_BLOCKS:
        return None
    blocks = np.array(list(itertools.combinations(range(n), s)), dtype=np.int64)
    for a, k, e in options:
        draws = _draws(a, k, e, rng)
        for first in range(0, len(draws), batch):
            groups: list[tuple[int, int, _Group]] = []
            for kernel, mat, t, v in draws[first : first + batch]:
                if time.perf_counter() > deadline:
                    return None
                group = _Group(a, kernel, e, mat, t, v)
                if group.k == k and group.closed():
                    groups.append((_pair_orbits(group), len(groups), group))
            for _, _, group in sorted(groups, key=lambda item: item[:2]):
                if time.perf_counter() > deadline:
                    return None
                plan = _Cover(group, s, blocks).search(rng, deadline, nodes)
                if plan is not None:
                    return plan
    return None
