"""Suggestions that answer different needs of the same member.

A round maximises the total score of its pairs, each pair on its own merits: a member who
seeks two things (exporting to Germany, a part-time finance director) may receive two
people answering the first one only. After the round is planned, for each member with
several suggestions made for what they seek, a suggestion answering the same part of
their need as a stronger one is replaced, when possible, by a candidate who answers
another part: one whose partner can take over the replaced suggestion instead (a swap:
nobody loses a suggestion), or one with room left this round when the replaced person
keeps another suggestion. A change is made when it gains score, counting the redundant
suggestion at half its worth.

"The part of a need a person answers" is the element-wise product of the need's and the
offer's vectors (words, phrases, concepts); two suggestions answer the same part when
those products point the same way.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from scipy import sparse

from passerelles.engine.reasons import REASON_RELEVANCE

SAME_PART = 0.8  # cosine of two answered parts from which they are the same part
NEW_PART = 0.5  # a replacement must answer a part below this cosine with those kept
# A second suggestion answering the same part of a need is worth this share of its score
# to the round: a change is made when it beats that.
REDUNDANT_WORTH = 0.5


def _row(matrix: sparse.csr_matrix, i: int) -> tuple[np.ndarray, np.ndarray]:
    start, end = matrix.indptr[i], matrix.indptr[i + 1]
    return matrix.indices[start:end], matrix.data[start:end]


def _part(needs: sparse.csr_matrix, offers: sparse.csr_matrix, i: int, j: int):
    """The part of ``i``'s need that ``j``'s offer answers, as a unit sparse vector
    (indices, values), or None. Rows must have sorted indices."""
    need_idx, need_val = _row(needs, i)
    offer_idx, offer_val = _row(offers, j)
    common, a, b = np.intersect1d(need_idx, offer_idx, assume_unique=True, return_indices=True)
    if common.size == 0:
        return None
    values = need_val[a] * offer_val[b]
    norm = float(np.sqrt(values @ values))
    return (common, values / norm) if norm > 0 else None


def _cos(p, q) -> float:
    if p is None or q is None:
        return 0.0
    _common, a, b = np.intersect1d(p[0], q[0], assume_unique=True, return_indices=True)
    return float(p[1][a] @ q[1][b])


def diversify(
    pairs: np.ndarray,
    comp: dict,
    capacity: np.ndarray,
    needs: sparse.spmatrix,
    offers: sparse.spmatrix,
) -> np.ndarray:
    """``pairs`` (m, 2) with redundant suggestions swapped where a better-spread one fits.

    ``comp`` holds the candidate pairs ("rows", "cols") and their components ("total",
    "relevance_ab": rows' need vs cols' offer, "relevance_ba", optionally "allowed").
    Capacities stay respected; only allowed candidate pairs with a positive score are used,
    so an excluded pair (met before, declined, blocked) never comes back.
    """
    if len(pairs) == 0:
        return pairs
    needs, offers = sparse.csr_matrix(needs, copy=True), sparse.csr_matrix(offers, copy=True)
    needs.sort_indices()
    offers.sort_indices()
    rows, cols = np.asarray(comp["rows"]), np.asarray(comp["cols"])
    total = np.asarray(comp["total"])
    seeks = {}  # (i, j) -> relevance of j's offer to i's need
    score = {}
    around = defaultdict(list)  # i -> candidate edges
    allowed = np.asarray(comp.get("allowed", total > 0)) & (total > 0)
    for e, (a, b) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        if not allowed[e]:  # excluded (met before, declined, blocked, colleagues): never used
            continue
        seeks[(a, b)] = float(comp["relevance_ab"][e])
        seeks[(b, a)] = float(comp["relevance_ba"][e])
        score[(a, b)] = score[(b, a)] = float(total[e])
        around[a].append(b)
        around[b].append(a)
    chosen = {tuple(p) for p in pairs.tolist()}
    partners = defaultdict(set)
    for a, b in chosen:
        partners[a].add(b)
        partners[b].add(a)
    used = np.bincount(pairs.ravel(), minlength=len(capacity))
    for i in sorted(partners):
        sought = [j for j in partners[i] if seeks.get((i, j), 0.0) >= REASON_RELEVANCE]
        if len(sought) < 2:
            continue
        sought.sort(key=lambda j: (-score[(i, j)], j))
        parts = {j: _part(needs, offers, i, j) for j in sought}
        kept, redundant = [sought[0]], None
        for j in sought[1:]:
            if redundant is None and any(_cos(parts[j], parts[k]) >= SAME_PART for k in kept):
                redundant = j
            else:
                kept.append(j)
        if redundant is None:
            continue
        move = _better_spread(
            i, redundant, kept, parts, partners, around, seeks, score, used, capacity, needs, offers
        )
        if move is None:
            continue
        removed, added = move
        for a, b in removed:
            chosen.discard((min(a, b), max(a, b)))  # pairs are (a < b)
            partners[a].discard(b)
            partners[b].discard(a)
            used[a] -= 1
            used[b] -= 1
        for a, b in added:
            chosen.add((min(a, b), max(a, b)))
            partners[a].add(b)
            partners[b].add(a)
            used[a] += 1
            used[b] += 1
    return np.array(sorted(chosen), dtype=np.int64).reshape(-1, 2)


def _better_spread(
    i, redundant, kept, parts, partners, around, seeks, score, used, capacity, needs, offers
):
    """The best way to give ``i`` someone answering another part of their need instead of
    ``redundant``: a candidate ``k`` with room this round, or, when ``k`` is full, a swap
    with one of ``k``'s partners ``p`` who may meet ``redundant`` instead (nobody loses a
    suggestion). Returns (pairs removed, pairs added), or None."""
    options = []
    worth = REDUNDANT_WORTH * score[(i, redundant)]
    for k in around[i]:
        if k in partners[i] or k == redundant or seeks.get((i, k), 0.0) < REASON_RELEVANCE:
            continue
        moves = []  # what could be done with k, checked before the (costlier) part vector
        if used[k] < capacity[k]:
            # Dropping the duplicate outright is only for someone who keeps another
            # suggestion: nobody is left with none so that another is better served.
            if used[redundant] > 1 and score[(i, k)] > worth:
                moves.append((score[(i, k)] - worth, [(i, redundant)], [(i, k)]))
        else:
            for p in partners[k]:
                if p in (i, redundant) or redundant in partners[p] or (p, redundant) not in score:
                    continue
                gain = score[(i, k)] + score[(p, redundant)] - worth - score[(k, p)]
                if gain > 0:
                    moves.append((gain, [(i, redundant), (k, p)], [(i, k), (p, redundant)]))
        if not moves:
            continue
        part = _part(needs, offers, i, k)
        if part is None or max(_cos(part, parts[j]) for j in kept) >= NEW_PART:
            continue
        options.extend(moves)
    if not options:
        return None
    _gain, removed, added = max(options, key=lambda o: o[0])
    return removed, added
