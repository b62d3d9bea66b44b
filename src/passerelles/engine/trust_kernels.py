"""Compiled loops of the reputation walk (numba), for large graphs.

:func:`passerelles.engine.trust.reputation` runs these on graphs with many ties and falls back
to scipy's sparse products (the reference path, same results to float32 rounding) when
numba is not importable or the graph is small. Importing this module imports numba (about
half a second) and compiles on first use (cached on disk afterwards), so the trust module
imports it lazily.

The merge of the evidence puts the edges in blocks of rows first, then sorts each block
into rows within the core's cache. The ties' weights pair each tie with its reverse by a
cursor in each row, and the loops that read members' values in random order ask the
processor for them a few dozen entries ahead (:func:`_prefetch`).

The walk reads the merged evidence matrix (CSR, row ``u``: the members ``u`` has evidence
about), split once into its near ties (both ends less than a window apart in the index
order) kept as a CSR whose rows are ordered by length within each chunk of the window's
size, and its far ties as (row, column) pairs sorted by block of columns, so that the
random reads and writes of a step mostly hit the core's cache. Each step makes one pass
over both that moves mass both ways along every tie, instead of a product with the matrix
and one with its transpose, with the per-member scaling in the same loops. Index arrays
are passed as unsigned views, which spares a sign check on every access.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba
import numpy as np
from llvmlite import binding, ir
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

__all__ = [
    "count_blocks",
    "count_near_far",
    "fill_near_far",
    "merge_blocks",
    "order_rows",
    "reach",
    "scatter_blocks",
    "walk",
    "walk_ties",
]

_F = TypeVar("_F", bound=Callable[..., object])


def _jit(fn: _F) -> _F:
    """Compile ``fn`` in nopython mode, cached on disk, releasing the GIL while it runs;
    numpy's error model (no checks for division by zero in the loops)."""
    # The dispatcher numba returns is called like ``fn``.
    return cast(_F, numba.njit(cache=True, nogil=True, error_model="numpy")(fn))


#: How many entries ahead the loops that read members' values in random order ask the
#: processor to fetch them, so that several of those reads wait on memory at once.
AHEAD = 64

_PREFETCH = "llvm.prefetch.p0" if binding.llvm_version_info >= (15,) else "llvm.prefetch.p0i8"


def _prefetch_intrinsic(typingctx: object, array: Any, index: Any) -> tuple[Any, Any]:
    """``_prefetch(array, i)``: ask the processor to bring ``array[i]`` into its cache, for
    a write, without waiting (LLVM's prefetch; ``i`` must be within ``array``)."""
    signature = types.void(array, index)

    def codegen(context: Any, builder: Any, sig: Any, args: Any) -> Any:
        array_type = sig.args[0]
        data = context.make_array(array_type)(context, builder, args[0])
        pointer = cgutils.get_item_pointer(  # type: ignore[no-untyped-call]
            context, builder, array_type, data, [args[1]], wraparound=False
        )
        byte_pointer = ir.IntType(8).as_pointer()
        i32 = ir.IntType(32)
        kind = ir.FunctionType(ir.VoidType(), [byte_pointer, i32, i32, i32])
        function = cgutils.get_or_insert_function(  # type: ignore[no-untyped-call]
            builder.module, kind, _PREFETCH
        )
        # Write, high locality, data cache.
        flags = [ir.Constant(i32, 1), ir.Constant(i32, 3), ir.Constant(i32, 1)]
        builder.call(function, [builder.bitcast(pointer, byte_pointer), *flags])
        return context.get_dummy_value()

    return signature, codegen


_prefetch = cast(Callable[[np.ndarray, Any], None], intrinsic(_prefetch_intrinsic))


@_jit
def count_blocks(src: np.ndarray, shift: int, count: np.ndarray) -> None:
    """Count the edges whose source is in each block of ``2**shift`` rows into ``count``
    (int64, zeros, ``(blocks + 1,)``) shifted by one, then make it the blocks' starts
    (cumulative sums)."""
    for e in range(src.size):
        count[(src[e] >> shift) + 1] += 1
    for b in range(count.size - 1):
        count[b + 1] += count[b]


@_jit
def scatter_blocks(
    src: np.ndarray,
    dst: np.ndarray,
    weight: np.ndarray,
    shift: int,
    start: np.ndarray,
    keys: np.ndarray,
    values: np.ndarray,
    col_bits: int,
) -> None:
    """Put each edge ``(src, dst, weight)`` in its block of rows (``start``: the blocks'
    starts, from :func:`count_blocks`), as the key ``row in block << col_bits | dst``
    (uint32 when it fits, else uint64) and its weight (float64; a self-loop keeps its slot
    with weight 0). A few thousand blocks: the writes go to as many places, which the
    core's cache holds, where one per row would miss it at every edge."""
    next_slot = start[:-1].copy()
    mask = (1 << shift) - 1
    for e in range(src.size):
        row = np.int64(src[e])
        col = np.int64(dst[e])
        block = row >> shift
        slot = next_slot[block]
        keys[slot] = ((row & mask) << col_bits) | col
        values[slot] = 0.0 if row == col else weight[e]
        next_slot[block] = slot + 1


@_jit
def _sort_row(cols: np.ndarray, vals: np.ndarray, lo: int, hi: int) -> None:
    """Sort ``cols[lo:hi]`` (and ``vals`` alike) by column, stably."""
    if hi - lo > 32:
        order = np.argsort(cols[lo:hi], kind="mergesort")
        cols[lo:hi] = cols[lo:hi][order]
        vals[lo:hi] = vals[lo:hi][order]
        return
    for a in range(lo + 1, hi):  # insertion sort: rows are short
        col = cols[a]
        val = vals[a]
        b = a - 1
        while b >= lo and cols[b] > col:
            cols[b + 1] = cols[b]
            vals[b + 1] = vals[b]
            b -= 1
        cols[b + 1] = col
        vals[b + 1] = val


@_jit
def merge_blocks(
    n: int,
    shift: int,
    start: np.ndarray,
    keys: np.ndarray,
    values: np.ndarray,
    cols: np.ndarray,
    indptr: np.ndarray,
    col_bits: int,
) -> int:
    """Merge the edges put in blocks by :func:`scatter_blocks` (keys ``row in block <<
    col_bits | column``): block by block, a counting sort by row into a buffer the cache
    holds, each row sorted by column (stably) and its duplicates' weights summed. The rows
    are packed to the front of ``cols`` (int32, a view of ``keys``' memory) and
    ``values``, in place (each block is read before its rows are written, at or before its
    own place); ``indptr`` (``(n + 1,)``) gets their starts. Returns the number of entries
    kept."""
    col_mask = (np.int64(1) << col_bits) - 1
    rows = 1 << shift
    size = 0
    for b in range(start.size - 1):
        size = max(size, start[b + 1] - start[b])
    buffer_cols = np.empty(size, dtype=cols.dtype)
    buffer_vals = np.empty(size, dtype=np.float64)
    row_start = np.zeros(rows + 1, dtype=np.int64)
    row_next = np.zeros(rows, dtype=np.int64)
    put = 0
    indptr[0] = 0
    for b in range(start.size - 1):
        lo = start[b]
        hi = start[b + 1]
        row_start[:] = 0
        for p in range(lo, hi):
            row_start[(np.int64(keys[p]) >> col_bits) + 1] += 1
        for r in range(rows):
            row_start[r + 1] += row_start[r]
            row_next[r] = row_start[r]
        for p in range(lo, hi):
            key = np.int64(keys[p])
            row = key >> col_bits
            q = row_next[row]
            buffer_cols[q] = key & col_mask
            buffer_vals[q] = values[p]
            row_next[row] = q + 1
        base = b << shift
        for r in range(min(rows, n - base)):
            a = row_start[r]
            z = row_start[r + 1]
            _sort_row(buffer_cols, buffer_vals, a, z)
            while a < z:
                col = buffer_cols[a]
                total = buffer_vals[a]
                a += 1
                while a < z and buffer_cols[a] == col:
                    total += buffer_vals[a]
                    a += 1
                cols[put] = col
                values[put] = total
                put += 1
            indptr[base + r + 1] = put
    return put


@_jit
def _tie(size: float, tie_weight: float, min_tie: float) -> float:
    """What evidence of absolute weight ``size`` counts as a tie: 1 from ``tie_weight`` up,
    in proportion below, 0 below ``min_tie`` of a tie."""
    if size >= tie_weight:
        return 1.0
    fraction = size / tie_weight
    return 0.0 if fraction < min_tie else fraction


@_jit
def _answered(
    own: float, received: float, returned: float, knee: float, floor: float, enough: float
) -> float:
    """What a one-way part ``own`` keeps by whether its receiver answers the other vouches
    it received (``trust.answer_factor``): 1 unless the receiver had ties returned and
    left under ``knee`` of the rest unanswered (a product and a comparison tell)."""
    if returned <= 0:
        return 1.0
    rest = max(received - own, 0.0)
    left = max(received - returned - own, 0.0)
    if left >= knee * rest:
        return 1.0
    return 1.0 - (1.0 - floor) * (1.0 - left / (rest * knee)) * min(returned / enough, 1.0)


@_jit
def _receiving(share: float, returned: float, knee: float, floor: float, enough: float) -> float:
    """What a one-way tie keeps by its receiver's own evidence (``trust.receiver_factor``)."""
    short = min(max(1.0 - share / knee, 0.0), 1.0)
    return 1.0 - (1.0 - floor) * short * min(returned / enough, 1.0)


@_jit
def walk_ties(
    indptr: np.ndarray,
    indices: np.ndarray,
    data: np.ndarray,
    tie_weight: float,
    min_tie: float,
    floor: float,
    half: float,
    knee: float,
    full: float,
    receiver_knee: float,
    receiver_floor: float,
    receiver_returned: float,
    giver_knee: float,
    giver_floor: float,
    giver_returned: float,
    giver_active: float,
    answer_knee: float,
    answer_floor: float,
    answer_returned: float,
    only_floor: float,
    only_returned: float,
    mark_below: float,
    ties: np.ndarray,
    degree: np.ndarray,
    gave: np.ndarray,
    returned: np.ndarray,
    received: np.ndarray,
    linked: np.ndarray,
    mark: bool,
    few: float = -1.0,
) -> bool:
    """The ties of the reputation walk, as ``trust._walk_ties`` and
    ``trust.one_way_weights`` compute them, from the merged evidence ``(data, indices,
    indptr)`` (rows sorted; negative entries are upheld reports): each entry's weight into
    ``ties`` (float32, zeros, ``(m,)``) and each member's weighted ties, in and out, added to
    ``degree`` (float64, zeros, ``(n,)``). ``floor`` and ``half``: the weights of a one-way
    tie between members who return all / none of their ties (``ONE_WAY_TIE_FLOOR``,
    ``ONE_WAY_TIE``); ``knee`` and ``full``: how a member's unreturned share counts
    (``UNRETURNED_KNEE``, ``UNRETURNED_FULL``, see ``trust.one_way_share``);
    ``receiver_*``: what a one-way tie keeps by its receiver's own ties
    (``RECEIVER_KNEE``, ``RECEIVER_FLOOR``, ``RECEIVER_RETURNED``, see
    ``trust.receiver_factor``); ``giver_*``: what it keeps by its giver's other ties and
    whether its receiver gives evidence (``GIVER_KNEE``, ``GIVER_FLOOR``,
    ``GIVER_RETURNED``, ``GIVER_ACTIVE``, see ``trust.giver_factor``); ``answer_*``: what
    it keeps by whether its receiver answers the other vouches it receives
    (``ANSWER_KNEE``, ``ANSWER_FLOOR``, ``ANSWER_RETURNED``, see ``trust.answer_factor``;
    the smaller of that and the receiver factor applies; for a tie that is its giver's
    only one, the answer factor from ``only_returned`` ties returned on,
    ``ONLY_TIE_RETURNED``, but no less than ``only_floor``, ``ONLY_TIE_FLOOR``).
    ``gave``, ``returned``, ``received`` and ``linked`` (each member's ties given and
    reports received): float64
    zeros, ``(n,)``, for the work. With ``mark``, the weight of each positive entry with no
    mutual part given by a member who received positive evidence and had less than
    ``mark_below`` of the evidence it gave returned, to a member who gave evidence and had
    at least that share of it returned, is written negated (see
    ``trust.one_way_weights``'s ``conserved``); ``degree`` counts it as positive. With
    ``few >= 0`` (and ``mark``), instead, the weight of each positive entry with no mutual
    part given by a member who received positive evidence, to a member who gave evidence
    and received at most ``few`` ties of positive evidence (``trust.FEW_RECEIVED``).
    Returns ``False`` (``ties`` and ``degree`` then hold partial sums) unless every row's
    indices are strictly increasing.

    Each pair of entries ``(u, v)``, ``(v, u)`` is found once, from the row of its smaller
    end ``u``: rows are read in order and each row ``v`` keeps a cursor past its columns
    below the rows already read (their pairs were found then), so finding the reverse of
    ``(u, v)`` moves row ``v``'s cursor forward, a few steps in all, instead of a binary
    search. ``ties`` holds each entry's mutual part until the last pass."""
    n = indptr.size - 1
    # Each entry's mutual part, and per member the evidence given and given back (upheld
    # reports count as neither, nor does what answers one).
    cursor = indptr[:-1].astype(np.int64)
    m = indices.size
    for u in range(n):
        last = np.int64(-1)
        own_ties = 0.0
        for k in range(np.int64(indptr[u]), np.int64(indptr[u + 1])):
            # The reverse's row, two steps ahead: its cursor, then what it points at.
            if k + 2 * AHEAD < m:
                w = np.int64(indices[k + 2 * AHEAD])
                _prefetch(cursor, w)
                _prefetch(returned, w)
                _prefetch(received, w)
            if k + AHEAD < m:
                w = np.int64(indices[k + AHEAD])
                at = cursor[w]
                if at < m:
                    _prefetch(indices, at)
                    _prefetch(data, at)
                    _prefetch(ties, at)
            v = np.int64(indices[k])
            if v <= last:
                return False
            last = v
            value = data[k]
            tie = _tie(abs(value), tie_weight, min_tie)
            if value >= 0:
                gave[u] += tie
                received[v] += tie
            if tie > 0:
                own_ties += 1.0
                if value < 0:
                    linked[v] += 1.0  # a report received (rare: one write)
            if v < u:
                continue
            if v == u:  # its own reverse (a self-loop's weight is 0)
                ties[k] = tie
                if value >= 0:
                    returned[u] += tie
                continue
            # Row v's columns below u were paired with their rows, read before u.
            at = cursor[v]
            stop = np.int64(indptr[v + 1])
            while at < stop and np.int64(indices[at]) < u:
                at += 1
            if at < stop and np.int64(indices[at]) == u:
                back = data[at]
                both = min(tie, _tie(abs(back), tie_weight, min_tie))
                ties[k] = both
                ties[at] = both
                if value >= 0 and back >= 0:
                    returned[u] += both
                    returned[v] += both
                at += 1
            cursor[v] = at
        linked[u] += own_ties
    # Per member, side by side (one read of the far end of a tie): the share of its
    # evidence that was not returned (1 when it gave none), as it counts, and what a
    # one-way tie of one full tie given to it keeps (by its own evidence and by its
    # answers to the other vouches it received: the smaller). A one-way part of less
    # than a tie (faded evidence, rare) reads the member's sums again. Whether it gives
    # evidence is read from ``gave`` in the few ties whose giver may cut them.
    per = np.empty(2 * n)
    for u in range(n):
        share = 1.0 - returned[u] / gave[u] if gave[u] > 0 else 1.0
        share = min(max(share, 0.0), 1.0)
        steep = min(knee + (share - knee) * ((1.0 - knee) / (full - knee)), 1.0)
        per[2 * u] = max(share, steep)
        kept = _receiving(share, returned[u], receiver_knee, receiver_floor, receiver_returned)
        answered = _answered(
            1.0, received[u], returned[u], answer_knee, answer_floor, answer_returned
        )
        per[2 * u + 1] = min(kept, answered)
    for u in range(n):
        given = gave[u]
        left = given - returned[u]
        giver_sure = min(returned[u] / giver_returned, 1.0)
        # A one-way part is at most one tie: when even that left out leaves the giver's
        # other evidence unreturned past the knee, none of its ties is cut (most rows).
        if given > 1.0 and left - 1.0 >= giver_knee * (given - 1.0):
            giver_sure = 0.0
        # A giver whose one tie is this one (its row's only tie, nothing received: no
        # evidence, no report) keeps at least ``only_floor`` of it by its receiver.
        alone = linked[u] == 1.0 and received[u] == 0.0
        # Its one-way vouches are marked when it is vouched for and had less than
        # ``mark_below`` of what it gave returned.
        thin = mark and few >= 0.0
        marking = mark and received[u] > 0 and (thin or returned[u] < mark_below * given)
        for k in range(np.int64(indptr[u]), np.int64(indptr[u + 1])):
            if k + AHEAD < m:
                w = np.int64(indices[k + AHEAD])
                _prefetch(per, 2 * w)
                _prefetch(degree, w)
            v = np.int64(indices[k])
            value = data[k]
            tie = _tie(abs(value), tie_weight, min_tie)
            mutual = np.float64(ties[k])
            if value < 0:
                carried = half
            else:
                carried = floor + (half - floor) * min(per[2 * u], per[2 * v])
                kept = per[2 * v + 1]
                own = tie - mutual
                if own > 0 and own != 1.0:
                    given_v = gave[v]
                    share = 1.0 - returned[v] / given_v if given_v > 0 else 1.0
                    share = min(max(share, 0.0), 1.0)
                    kept = min(
                        _receiving(
                            share, returned[v], receiver_knee, receiver_floor, receiver_returned
                        ),
                        _answered(
                            own,
                            received[v],
                            returned[v],
                            answer_knee,
                            answer_floor,
                            answer_returned,
                        ),
                    )
                if alone:
                    # Its receiver's answers cut it from one tie returned on (not three).
                    quick = _answered(
                        own, received[v], returned[v], answer_knee, answer_floor, only_returned
                    )
                    kept = max(min(kept, quick), only_floor)
                carried *= kept
                if own > 0 and giver_sure > 0:
                    # The giver's other evidence: the share of it left unreturned.
                    rest = max(given - own, 0.0)
                    other = max(left - own, 0.0) / rest if rest > 0 else 1.0
                    short = min(max(1.0 - other / giver_knee, 0.0), 1.0)
                    active = min(gave[v] / giver_active, 1.0)
                    carried *= 1.0 - (1.0 - giver_floor) * short * giver_sure * active
            weight = mutual + (tie - mutual) * (carried / half)
            degree[u] += weight
            degree[v] += weight
            if (
                marking
                and value > 0
                and tie > 0
                and mutual == 0.0
                and gave[v] > 0
                and (received[v] <= few if thin else returned[v] >= mark_below * gave[v])
            ):
                weight = -weight  # a vouched member's one-way vouch: marked
            ties[k] = weight
    return True


@_jit
def count_near_far(
    indptr: np.ndarray, indices: np.ndarray, window: int, block: int, near: np.ndarray
) -> np.ndarray:
    """Count, into ``near`` (int64, zeros, ``(n,)``), each row's entries whose column is
    less than ``window`` away from the row; return how many of the others fall in each
    block of ``block`` columns, ``(ceil(n / block),)``."""
    n = indptr.size - 1
    far = np.zeros((n + block - 1) // block, dtype=np.int64)
    start = indptr[0]
    for i in range(n):
        end = indptr[i + 1]
        for k in range(start, end):
            j = np.int64(indices[k])
            if abs(j - i) < window:
                near[i] += 1
            else:
                far[j // block] += 1
        start = end
    return far


@_jit
def order_rows(near: np.ndarray, chunk: int) -> np.ndarray:
    """The rows, chunk of ``chunk`` rows by chunk, each chunk's rows ordered by their
    number of near entries ``near`` (stably; all rows past 63 entries together), as uint32
    ``(n,)``: walked in that order, the loop over a row's entries runs as many times as
    the previous row's, nearly always, and the processor predicts where it ends."""
    n = near.size
    order = np.empty(n, dtype=np.uint32)
    count = np.zeros(65, dtype=np.int64)
    for lo in range(0, n, chunk):
        hi = min(lo + chunk, n)
        count[:] = 0
        for i in range(lo, hi):
            count[min(near[i], 63) + 1] += 1
        count[0] = lo
        for c in range(64):
            count[c + 1] += count[c]
        for i in range(lo, hi):
            c = min(near[i], 63)
            order[count[c]] = i
            count[c] += 1
    return order


@_jit
def fill_near_far(
    indptr: np.ndarray,
    indices: np.ndarray,
    ties: np.ndarray,
    window: int,
    block: int,
    near_start: np.ndarray,
    near_indices: np.ndarray,
    near_ties: np.ndarray,
    far_next: np.ndarray,
    far_rows: np.ndarray,
    far_cols: np.ndarray,
    far_ties: np.ndarray,
) -> None:
    """Split the CSR ``(ties, indices, indptr)`` as counted by :func:`count_near_far`: the
    near entries of each row ``i`` into ``near_indices`` and ``near_ties`` from
    ``near_start[i]`` on, the others into ``(far_rows, far_cols, far_ties)`` by block of
    columns (``far_next``: each block's first position, advanced as it fills), rows
    ascending in each block."""
    n = indptr.size - 1
    start = indptr[0]
    for i in range(n):
        end = indptr[i + 1]
        put = np.int64(near_start[i])
        for k in range(start, end):
            j = indices[k]
            if abs(np.int64(j) - i) < window:
                near_indices[put] = j
                near_ties[put] = ties[k]
                put += 1
            else:
                b = np.int64(j) // block
                at = far_next[b]
                far_rows[at] = i
                far_cols[at] = j
                far_ties[at] = ties[k]
                far_next[b] = at + 1
        start = end


@_jit
def _prepare(
    mass: np.ndarray,
    send: np.ndarray,
    keep: np.ndarray,
    sent: np.ndarray,
    moved: np.ndarray,
    lo: int,
    hi: int,
) -> None:
    """What members ``lo`` to ``hi`` send along each tie, and what they keep."""
    for i in range(lo, min(hi, mass.size)):
        sent[i] = mass[i] * send[i]
        moved[i] = mass[i] * keep[i]


@_jit
def _step_near(
    order: np.ndarray,
    indptr: np.ndarray,
    indices: np.ndarray,
    ties: np.ndarray,
    mass: np.ndarray,
    send: np.ndarray,
    keep: np.ndarray,
    sent: np.ndarray,
    moved: np.ndarray,
    chunk: int,
) -> None:
    """``sent = mass * send``, ``moved = mass * keep``, then ``moved += (T + T.T) @ sent``
    for the near ties ``T``, a CSR ``(ties, indices, indptr)`` whose rows are the members
    ``order`` (chunk of ``chunk`` members by chunk, each row's columns less than ``chunk``
    away): the members' own values are computed two chunks ahead of the rows walked, in
    the same pass."""
    n = mass.size
    _prepare(mass, send, keep, sent, moved, 0, 2 * chunk)
    for lo in range(0, n, chunk):
        if lo > 0:
            _prepare(mass, send, keep, sent, moved, lo + chunk, lo + 2 * chunk)
        start = np.int64(indptr[lo])
        for r in range(lo, min(lo + chunk, n)):
            i = order[r]
            end = np.int64(indptr[r + 1])
            own = sent[i]
            # Two sums, over alternate ties: half as long a chain of dependent adds.
            even = np.float32(0.0)
            odd = np.float32(0.0)
            k = start
            while k + 1 < end:
                j = indices[k]
                tie = ties[k]
                next_j = indices[k + 1]
                next_tie = ties[k + 1]
                even += tie * sent[j]
                odd += next_tie * sent[next_j]
                moved[j] += tie * own
                moved[next_j] += next_tie * own
                k += 2
            if k < end:
                j = indices[k]
                tie = ties[k]
                even += tie * sent[j]
                moved[j] += tie * own
            moved[i] += even + odd
            start = end


@_jit
def _spread_pairs(
    rows: np.ndarray, cols: np.ndarray, ties: np.ndarray, sent: np.ndarray, moved: np.ndarray
) -> None:
    """``moved += (T + T.T) @ sent`` for the entries ``ties`` at ``(rows, cols)`` of ``T``."""
    for k in range(rows.size):
        i = rows[k]
        j = cols[k]
        moved[i] += ties[k] * sent[j]
        moved[j] += ties[k] * sent[i]


@_jit
def _spread_conserved(
    rows: np.ndarray,
    cols: np.ndarray,
    ties: np.ndarray,
    sent: np.ndarray,
    moved: np.ndarray,
    strength: float,
) -> None:
    """``moved += (T + T.T) @ sent`` for the one-way ties ``ties`` given by ``rows`` to
    ``cols``, except that what a receiver sends back to the giver beyond what the giver
    sends it is cut by ``strength`` (and kept by the receiver)."""
    share = np.float32(strength)
    for k in range(rows.size):
        i = rows[k]
        j = cols[k]
        given = sent[i]
        back = sent[j]
        excess = share * max(back - given, np.float32(0.0))
        moved[i] += ties[k] * (back - excess)
        moved[j] += ties[k] * (given + excess)


@_jit
def walk(
    order: np.ndarray,
    indptr: np.ndarray,
    indices: np.ndarray,
    ties: np.ndarray,
    far_rows: np.ndarray,
    far_cols: np.ndarray,
    far_ties: np.ndarray,
    kept_rows: np.ndarray,
    kept_cols: np.ndarray,
    kept_ties: np.ndarray,
    strength: float,
    send: np.ndarray,
    keep: np.ndarray,
    mass: np.ndarray,
    iterations: int,
    tol: float,
    chunk: int,
) -> np.ndarray:
    """``iterations`` steps of ``mass <- (T + T.T) @ (mass * send) + mass * keep`` in
    float32, ``T`` the sum of the near ties (the CSR ``(ties, indices, indptr)`` of rows
    ``order``, see :func:`_step_near`), of the entries ``far_ties`` at ``(far_rows,
    far_cols)`` and of the one-way ties ``kept_ties`` given by ``kept_rows`` to
    ``kept_cols``, whose flow back to the giver beyond what it sends is cut by
    ``strength`` (see :func:`_spread_conserved`). With ``tol > 0``, stops after an odd
    step once the mass moved less than ``tol`` (L1) over the last two steps. Returns the
    mass (``mass`` itself after 0 steps; ``mass`` is overwritten)."""
    n = mass.size
    sent = np.empty(n, dtype=np.float32)
    moved = np.empty(n, dtype=np.float32)
    before = mass.copy() if tol > 0 else np.empty(0, dtype=np.float32)
    for step in range(iterations):
        _step_near(order, indptr, indices, ties, mass, send, keep, sent, moved, chunk)
        _spread_pairs(far_rows, far_cols, far_ties, sent, moved)
        if kept_rows.size:
            _spread_conserved(kept_rows, kept_cols, kept_ties, sent, moved, strength)
        if tol > 0 and step % 2 == 1:
            change = 0.0
            for i in range(n):
                change += abs(moved[i] - before[i])
            if change <= tol:
                return moved
            before[:] = moved
        mass, moved = moved, mass
    return mass


@_jit
def reach(
    indptr: np.ndarray,
    indices: np.ndarray,
    data: np.ndarray,
    tie_weight: float,
    min_tie: float,
    seeds: np.ndarray,
    seen: np.ndarray,
) -> None:
    """Marks in ``seen`` (``(n,)`` bool, updated) every member reached from ``seeds`` along
    positive evidence of at least ``min_tie`` of a tie (the CSR ``(data, indices,
    indptr)``, row ``u``: the evidence ``u`` gave); the seeds included.

    Sweeps over the members in index order, each member reached and not yet followed
    having its row followed when the sweep passes it (a member reached ahead of the sweep
    is followed in the same sweep), until a sweep follows nothing; the next sweep starts at
    the smallest member reached behind the last one. Rows are then read in memory order,
    which the processor fetches ahead of the loop, where a breadth-first queue reads them
    in an order unrelated to memory; a few sweeps suffice (as many as a chain of vouches
    goes back down the index order)."""
    n = seen.size
    # 0: not reached; 1: reached, its row not yet followed; 2: followed.
    state = np.zeros(n, dtype=np.uint8)
    lo = np.int64(n)
    for u in range(n):
        if seen[u]:
            state[u] = 2
    for s in seeds:
        if state[s] != 2:
            seen[s] = True
            state[s] = 1
            if np.int64(s) < lo:
                lo = np.int64(s)
    while lo < n:
        start = lo
        lo = np.int64(n)
        for u in range(start, n):
            if state[u] != 1:
                continue
            state[u] = 2
            for k in range(indptr[u], indptr[u + 1]):
                v = indices[k]
                if state[v] == 0 and data[k] > 0.0 and _tie(data[k], tie_weight, min_tie) > 0.0:
                    state[v] = 1
                    seen[v] = True
                    if np.int64(v) < u and np.int64(v) < lo:  # behind: the next sweep
                        lo = np.int64(v)
