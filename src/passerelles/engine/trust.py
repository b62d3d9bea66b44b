"""Trust between members: evidence weights, Sybil-resistant reputation, personalised trust,
explanations and a circle's view of an applicant.

Pure numpy / scipy; nodes are indices ``0..n-1`` (see :class:`passerelles.engine.graph.IdIndex`
to map database ids). Evidence ``u -> v`` means "u vouches for / met / endorses / reported v":
a positive weight is trust, a negative one distrust.

Typical use::

    w = evidence_weights(kind, strength, age_days)              # (m,) float
    g = TrustGraph.from_edges(src, dst, w, num_nodes=n, kind=kind, label=evidence_ids)
    r = reputation(g, seeds)                                    # (n,) global, Sybil-resistant
    t = personal_trust(g, viewer)                               # (n,) from one member's view
    paths = explain(g, viewer, target, k=3)                     # list[TrustPath], best first
    view = circle_view(g, circle_members, applicant)            # view.admission_score in [0, 1]
    admitted = view.admission_score >= circle_threshold
"""

from __future__ import annotations

import functools
import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType

import numpy as np
import scipy.sparse as sp

from passerelles.engine.graph import as_index_array, csr_from_edges, gather_rows, validate_edges

__all__ = [
    "ANSWER_FLOOR",
    "ANSWER_KNEE",
    "ANSWER_RETURNED",
    "BASE_WEIGHTS",
    "CONSERVED_GIVER_UNRETURNED",
    "CONSERVED_RETURNED_FULL",
    "CONSERVED_RETURNED_KNEE",
    "DEFAULT_ADMISSION_THRESHOLD",
    "DEFAULT_HALF_LIFE_DAYS",
    "EVIDENCE_FLOOR",
    "GIVER_ACTIVE",
    "GIVER_FLOOR",
    "GIVER_KNEE",
    "GIVER_RETURNED",
    "KIND_ENDORSEMENT",
    "KIND_MEETING",
    "KIND_REPORT",
    "KIND_UNKNOWN",
    "KIND_VOUCH",
    "ONE_WAY_TIE",
    "ONE_WAY_TIE_FLOOR",
    "ONLY_TIE_FLOOR",
    "ONLY_TIE_RETURNED",
    "OUT_WEIGHT_FLOOR",
    "RECEIVER_FLOOR",
    "RECEIVER_KNEE",
    "RECEIVER_RETURNED",
    "TIE_FULL_WEIGHT",
    "UNRETURNED_FULL",
    "UNRETURNED_KNEE",
    "WALK_DEGREE_FLOOR",
    "CircleView",
    "PathEdge",
    "TrustGraph",
    "TrustPath",
    "admission_score",
    "answer_factor",
    "circle_view",
    "conservation_strength",
    "evidence_weights",
    "explain",
    "giver_factor",
    "one_way_weights",
    "one_way_share",
    "personal_trust",
    "receiver_factor",
    "reputation",
    "reputation_walk",
    "seeds_returned_share",
]

# --- Evidence -------------------------------------------------------------------------------

KIND_UNKNOWN = -1
KIND_VOUCH = 0  # "I vouch for her": strong, deliberate
KIND_MEETING = 1  # a useful meeting attested by both sides: medium
KIND_ENDORSEMENT = 2  # a skill endorsement: weak, cheap to give
KIND_REPORT = 3  # a misconduct report upheld by a moderator: distrust

#: Weight of one piece of evidence at full strength and age zero, by kind.
BASE_WEIGHTS: dict[int, float] = {
    KIND_VOUCH: 1.0,
    KIND_MEETING: 0.5,
    KIND_ENDORSEMENT: 0.2,
    KIND_REPORT: -1.0,
}
#: Evidence loses half its weight every two years by default.
DEFAULT_HALF_LIFE_DAYS = 730.0
#: Trust received is divided by the in-weight, but never by less than this (two full vouches):
#: otherwise a member with one faint vouch, or a Sybil ring of tiny weights, would score as if
#: all its trust were concentrated.
EVIDENCE_FLOOR = 2.0
#: In the Sybil-resistant reputation, positive evidence of at least this weight counts as one
#: full tie (any vouch, meeting or endorsement worth mentioning: a fresh endorsement at a
#: quarter strength, or a vouch after eight years); evidence faded below it, as a fraction.
TIE_FULL_WEIGHT = 0.05
#: Fraction of a full tie under which evidence does not count in the reputation walks.
MIN_TIE = 1e-6
#: In personal trust and explanations a member passes its trust along its evidence in
#: proportion to the weights, over at least this much evidence (one full vouch): a member
#: whose only evidence is one endorsement passes a fifth of its trust through it, and the rest
#: returns to the viewer, instead of all of it (e.g. to the one account it was asked to vouch
#: for).
OUT_WEIGHT_FLOOR = 1.0
#: Suggested admission threshold: the applicant receives from the circle at least three
#: quarters of the trust per unit of evidence that the circle's median member receives.
DEFAULT_ADMISSION_THRESHOLD = 0.75


def evidence_weights(
    kind: np.ndarray | int,
    strength: np.ndarray | float = 1.0,
    age_days: np.ndarray | float = 0.0,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
) -> np.ndarray:
    """Edge weights from evidence: ``BASE_WEIGHTS[kind] * strength * 0.5 ** (age / half_life)``.

    ``kind``: int codes (``KIND_*``), ``strength`` in ``[0, 1]`` (e.g. a 1-5 rating divided by
    5), ``age_days >= 0``; all broadcast together. Returns float64 weights, negative for reports.
    """
    kinds = np.asarray(kind)
    if kinds.size and not np.issubdtype(kinds.dtype, np.integer):
        raise ValueError(f"kind must be integer codes, got dtype {kinds.dtype}")
    strengths = np.asarray(strength, dtype=np.float64)
    ages = np.asarray(age_days, dtype=np.float64)
    if not (math.isfinite(half_life_days) and half_life_days > 0):
        raise ValueError(f"half_life_days must be a positive number, got {half_life_days}")
    if not np.all(np.isfinite(strengths)) or np.any((strengths < 0) | (strengths > 1)):
        raise ValueError("strength must be finite and within [0, 1]")
    if not np.all(np.isfinite(ages)) or np.any(ages < 0):
        raise ValueError("age_days must be finite and non-negative")
    codes = np.array(sorted(BASE_WEIGHTS), dtype=np.int64)
    table = np.array([BASE_WEIGHTS[c] for c in codes.tolist()])
    pos = np.searchsorted(codes, kinds)
    pos = np.minimum(pos, codes.size - 1)
    if kinds.size and np.any(codes[pos] != kinds):
        bad = np.asarray(kinds)[codes[pos] != kinds].ravel()[:5].tolist()
        raise ValueError(f"unknown evidence kind(s): {bad}")
    return table[pos] * strengths * np.exp2(-ages / half_life_days)


# --- Graph ----------------------------------------------------------------------------------


class TrustGraph:
    """Signed, weighted directed graph of evidence, merged per ordered pair of members.

    Attributes (``n = num_nodes``):
      * ``trust``: ``(n, n)`` CSR, positive net weight of ``u -> v`` (row ``u``);
      * ``distrust``: ``(n, n)`` CSR, absolute value of negative net weights;
      * ``trust_out`` / ``trust_in``: ``(n,)`` row / column sums of ``trust``;
      * ``trust_degree``: ``(n,)`` number of members each member trusts;
      * ``distrust_out``: ``(n,)`` row sums of ``distrust``.

    Build it with :meth:`from_edges`. Immutable once built; safe to share between threads.
    """

    def __init__(
        self,
        num_nodes: int,
        merged: sp.csr_array,
        evidence: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None],
    ) -> None:
        self.num_nodes = num_nodes
        # Net evidence per ordered pair, both signs (explicit zeros allowed): the ties of the
        # reputation walk; ``trust`` and ``distrust`` are split from it on first use.
        self._merged = merged
        self._evidence = evidence
        self._evidence_index: tuple[np.ndarray, np.ndarray] | None = None
        self._reverse: sp.csr_array | None = None

    # The sign split is done on first use: the reputation walk needs only the merged ties
    # (and the reports, a small part), so building the trust half costs it nothing.
    @cached_property
    def trust(self) -> sp.csr_array:
        merged = self._merged
        return _select_entries(merged, merged.data > 0, negate=False)

    @cached_property
    def distrust(self) -> sp.csr_array:
        merged = self._merged
        if merged.nnz and merged.data.min() < 0:
            return _select_entries(merged, merged.data < 0, negate=True)
        return sp.csr_array(merged.shape, dtype=np.float64)

    @classmethod
    def from_edges(
        cls,
        src: np.ndarray,
        dst: np.ndarray,
        weight: np.ndarray | None = None,
        *,
        num_nodes: int | None = None,
        kind: np.ndarray | None = None,
        label: np.ndarray | None = None,
    ) -> TrustGraph:
        """Build from edge arrays of shape ``(m,)``.

        ``src``/``dst``: int node indices in ``[0, num_nodes)``; ``weight``: floats, ``> 0``
        trust, ``< 0`` distrust (default all ``1.0``); ``kind``: optional int evidence codes
        and ``label``: optional opaque int ids (default: the edge's position), both returned
        by :func:`explain`. Duplicate ``(src, dst)`` pairs are summed, self-loops ignored.
        Raises ``ValueError`` on mismatched lengths, bad indices, NaN or infinite weights.
        """
        src_i, dst_i, w, n = validate_edges(src, dst, weight, num_nodes)
        m = src_i.size
        kinds = None
        if kind is not None:
            kinds = np.asarray(kind)
            if kinds.shape != (m,) or (m and not np.issubdtype(kinds.dtype, np.integer)):
                raise ValueError(f"kind must be an integer array of length {m}")
        labels = None
        if label is not None:
            labels = np.asarray(label)
            if labels.shape != (m,):
                raise ValueError(f"label must have length {m}, got {labels.size}")
        # Zeros (self-loops, cancelled evidence) are dropped by the sign split (on first use
        # of ``trust`` / ``distrust``), in one pass per part instead of compacting the
        # merged matrix first.
        merged = None
        if m >= COMPILED_WALK_MIN_TIES:
            merged = _compiled_merge(src_i, dst_i, w, n)
        if merged is None:
            merged = csr_from_edges(src_i, dst_i, w, n, drop_zeros=False)
        return cls(n, merged, (src_i, dst_i, w, kinds, labels))

    # Sums over the edges are computed on first use: the reputation walk needs none of them
    # (an O(edges) pass each at a million members). Computing one twice is harmless.
    @cached_property
    def trust_out(self) -> np.ndarray:
        return np.asarray(self.trust.sum(axis=1)).ravel()

    @cached_property
    def trust_in(self) -> np.ndarray:
        return np.bincount(self.trust.indices, weights=self.trust.data, minlength=self.num_nodes)

    @cached_property
    def trust_degree(self) -> np.ndarray:
        return np.diff(self.trust.indptr)

    @cached_property
    def distrust_out(self) -> np.ndarray:
        return np.asarray(self.distrust.sum(axis=1)).ravel()

    @cached_property
    def _inv_trust_out(self) -> np.ndarray:
        """What one unit of a member's trust weighs on each out-edge in personal trust and
        explanations: ``1 / max(trust_out, OUT_WEIGHT_FLOOR)``, 0 for those who trust nobody."""
        out = self.trust_out
        return np.where(out > 0, 1.0 / np.maximum(out, OUT_WEIGHT_FLOOR), 0.0)

    # Lazily built structures: only explanations need them, and at a million members they
    # cost a sort, which reputation and personal trust should not pay.
    def _reverse_trust(self) -> sp.csr_array:
        if self._reverse is None:
            self._reverse = sp.csr_array(self.trust.T)
        return self._reverse

    def _evidence_between(self, u: int, v: int) -> np.ndarray:
        """Positions (into the original edge arrays) of the evidence ``u -> v``."""
        src, dst = self._evidence[0], self._evidence[1]
        if self._evidence_index is None:
            order = np.argsort(src, kind="stable")
            indptr = np.zeros(self.num_nodes + 1, dtype=np.int64)
            np.cumsum(np.bincount(src, minlength=self.num_nodes), out=indptr[1:])
            self._evidence_index = (order, indptr)
        order, indptr = self._evidence_index
        candidates = order[indptr[u] : indptr[u + 1]]
        found: np.ndarray = candidates[dst[candidates] == v]
        return found


def _select_entries(mat: sp.csr_array, keep: np.ndarray, *, negate: bool) -> sp.csr_array:
    """The entries of CSR ``mat`` where ``keep`` (a mask over ``mat.data``) holds, as a new
    CSR with the same index dtype and sorted indices (negated when ``negate``)."""
    if keep.all():
        data = -mat.data if negate else mat.data
        return sp.csr_array((data, mat.indices, mat.indptr), shape=mat.shape, copy=False)
    # The new row starts are the old ones minus the entries dropped before them (or the
    # numbers of kept entries before them): a binary search of the row starts among the
    # positions of the fewer of the two, instead of a pass over a running count.
    num_kept = int(np.count_nonzero(keep))
    if 2 * num_kept >= keep.size:
        dropped = np.flatnonzero(~keep)
        indptr = mat.indptr - np.searchsorted(dropped, mat.indptr).astype(mat.indptr.dtype)
    else:
        indptr = np.searchsorted(np.flatnonzero(keep), mat.indptr).astype(mat.indptr.dtype)
    data = mat.data[keep]
    if negate:
        np.negative(data, out=data)
    out = sp.csr_array((data, mat.indices[keep], indptr), shape=mat.shape, copy=False)
    out.has_sorted_indices = True
    return out


def _as_nodes(values: Iterable[int] | np.ndarray | int, g: TrustGraph, name: str) -> np.ndarray:
    return np.unique(as_index_array(np.atleast_1d(np.asarray(values)), g.num_nodes, name))


def _normalise_by_evidence(received: np.ndarray, trust_in: np.ndarray, floor: float) -> np.ndarray:
    # Degree normalisation as in SybilRank: a walk that has mixed in the honest region visits
    # members in proportion to the trust they receive, so dividing by it puts everyone there
    # on the same footing, while Sybils behind few attack edges stay near zero.
    normalised: np.ndarray = received / np.maximum(trust_in, floor)
    return normalised


# --- Global reputation ------------------------------------------------------------------------

#: In the reputation walk a one-way tie (u vouches for v, v not for u) carries half of what a
#: mutual tie carries, in both directions. Mass flows both ways along ties (a member's
#: vouchers are reached through it, which a directed walk would miss on networks where most
#: ties are one-way), but a tie that only one side asked for - e.g. an account vouching for
#: many members to be trusted back - carries half as much back to it.
ONE_WAY_TIE = 0.5
#: A member whose ties count less than this (three quarters of a mutual tie) passes on
#: only the part of its mass that its ties would carry at this degree, and keeps the rest:
#: a member with a single one-way tie (e.g. to a Sybil) cannot send everything it holds
#: through it. Below one mutual tie so that members known through a few light one-way ties
#: (a tenth to a half of a tie each) do not hold back most of what reaches them, which left
#: them below a mimicking Sybil ring at the end of the walk: chosen on the development draws
#: (benchmarks/README.md, 2026-12-06, 12:40 UTC): 0.75 against 1 (the earlier value) and
#: 0.5 (which cost Bitcoin Alpha's naive ring at g = 3000 on one development set).
WALK_DEGREE_FLOOR = 0.75
#: A one-way tie between two members whose own evidence is all returned weighs this much
#: (a mutual tie 1), and up to :data:`ONE_WAY_TIE` as the share of evidence they gave that
#: was not returned grows (the smaller of the two shares decides). Where members return
#: each other's vouches (Bitcoin Alpha, Facebook), an unsolicited vouch - e.g. a Sybil's
#: for an honest member, which brings mass back into the Sybil region - weighs a fifth of
#: what it weighs where nobody does (wiki-Vote's voters), whose one-way ties keep their
#: weight. Chosen on the development draws (benchmarks/README.md, 2026-12-06 third
#: session): 0.1 against 0.05, 0.2 and a fixed weight.
ONE_WAY_TIE_FLOOR = 0.1
#: How a member's share of unreturned evidence counts in its one-way ties' weight: as it is
#: up to this share, then rising twice as fast, fully from :data:`UNRETURNED_FULL` on. A
#: member who leaves most of the vouches it gives unreturned (wiki-Vote's voters: 70% or
#: more) is one whose one-way ties are its ordinary ties, and they keep the full
#: :data:`ONE_WAY_TIE`; members who return most of theirs (Bitcoin Alpha, where four one-way
#: ties in five join members who leave under 40% unreturned) weigh as before. Chosen on the
#: development draws (benchmarks/README.md, 2026-12-06, 12:40 UTC): the linear rule left
#: wiki-Vote's mimic g = 1000 cell 0.0017-0.0021 below SybilRank on two development sets.
UNRETURNED_KNEE = 0.4
#: See :data:`UNRETURNED_KNEE`.
UNRETURNED_FULL = 0.7
#: A one-way tie given to a member who has had at least :data:`RECEIVER_RETURNED` ties
#: returned and none of its own evidence left unreturned keeps this share of its weight
#: (see :func:`receiver_factor`): such a member returns what it is asked for, so a vouch it
#: left unanswered is one it did not want - e.g. a Sybil's free vouch for an honest member,
#: which otherwise brings mass back into the Sybil region on every step. On Facebook, where
#: every honest tie is returned, these vouches (1,000 per ring) carried most of what
#: reached the ring. Only the receiver's own ties decide it, and it only ever lowers a tie,
#: so a ring cannot raise what its vouches carry. A vouch for a newcomer (who gave nothing
#: yet) keeps its weight. Chosen on the development draws (benchmarks/README.md,
#: 2026-12-06, 15:50 UTC): 0.1 against 0.02, 0.05 and 0.2 with knees of 0.05 to 0.3;
#: 0.05 with the giver factor (19:50 UTC), which lifted Bitcoin Alpha's naive-ring AUC
#: that the lower floor had cost.
RECEIVER_FLOOR = 0.05
#: What a one-way tie keeps rises linearly with its receiver's unreturned share, to all of
#: it from this share on (members who leave a tenth of their ties unreturned, e.g.
#: wiki-Vote's voters, keep their one-way ties).
RECEIVER_KNEE = 0.1
#: ... and with the ties returned to the receiver, fully from this many on: a member who
#: has had one or two ties returned (a wiki-Vote candidate who voted once and was voted
#: back) is not yet known to return what it is asked for; at 5 wiki-Vote's voters for such
#: candidates lost 0.001-0.0015 AUC at g = 3000.
RECEIVER_RETURNED = 10.0
#: A one-way tie given to a member who answers the other vouches it receives (returns all
#: but :data:`ANSWER_KNEE` of them, this one left out) and has had at least
#: :data:`ANSWER_RETURNED` ties returned keeps this share of its weight, or
#: :func:`receiver_factor`'s if smaller (see :func:`answer_factor`): a member who answers
#: what it is given left this vouch unanswered - e.g. a Sybil's free vouch for an honest
#: member, which brings mass back into the Sybil region on every step. The receiver
#: factor reads the member's own vouches (how many of them were returned) and spared
#: members who had fewer than :data:`RECEIVER_RETURNED` ties returned: on Facebook, where
#: every honest tie is returned, the free vouches to them carried what reached a mimicking
#: ring. The share is read on the vouches the member received other than this one, so
#: one free vouch does not change it; a ring that sends several to one member, to make it
#: look like one who does not answer, gets at most that member's own mass through them,
#: and the receiver factor's cut still applies. A newcomer (nothing returned yet) keeps
#: its vouches' weight; so do wiki-Vote's candidates, who answer few of their votes.
#: Chosen on the development draws (benchmarks/README.md, 2026-12-06, 22:45 UTC): floor
#: 0.01 against 0.05 (Facebook's mimic g = 100 kept 1.6% admitted on one draw), knee 0.3
#: against 0.1, 0.2 and 0.5, 3 returned ties against 1 (small groups whose one link to
#: the rest is a one-way vouch were cut off: Bitcoin Alpha's naive ring, -0.0014 AUC), 2
#: (Bitcoin Alpha's newcomers, 40/50 above the median) and 10.
ANSWER_FLOOR = 0.01
#: See :data:`ANSWER_FLOOR`: the share of the other vouches received left unanswered
#: from which a one-way tie keeps all its weight (the cut falls linearly to it).
ANSWER_KNEE = 0.3
#: See :data:`ANSWER_FLOOR`: the ties returned to the member from which the cut applies
#: fully (in proportion below).
ANSWER_RETURNED = 3.0
#: A one-way tie that is its giver's only tie (it gave nothing else and received nothing)
#: keeps at least this share of its weight by its receiver, whatever the receiver and
#: answer factors say: what reaches such a member can only go back the way it came, so
#: its tie opens no way further (into a ring or anywhere). Cut to a hundredth, the vouch
#: of a member who rated one trader once, unanswered, left it unreached after the walk's
#: steps (score near 0, below a naive ring's Sybils: Bitcoin Alpha's naive g = 1000 AUC
#: 0.0004 and 0.0021 under SybilRank on two development sets, +0.0000 and -0.0008 with
#: it). Chosen on the development draws (benchmarks/README.md, 2026-12-07): 0.1 against
#: 0.05, 0.3 and 1 (whole: such members rose past the median, and newcomers vouched by
#: three above-median members fell to 42-48 of 50 above it, from 46-48).
ONLY_TIE_FLOOR = 0.1
#: A member's only tie, given to a member who answers the other vouches it receives, is
#: cut by :func:`answer_factor` as soon as that member has had this many ties returned
#: (:data:`ANSWER_RETURNED` for other ties), down to :data:`ONLY_TIE_FLOOR`. The three
#: returned ties asked elsewhere keep small groups whose one link to the rest is a
#: one-way vouch within reach; a member with a single tie is no group, and the floor
#: keeps it reached. A swarm of accounts that each vouch once for a member and do nothing
#: else (what a member who rated one trader once looks like) otherwise drew on most of
#: their target's standing: on Bitcoin Alpha's development draws 12.7 and 21.8% of the
#: Sybils admitted at g = 100 and 1000 with three, 8.4 and 12.8% with one
#: (benchmarks/README.md, 2026-12-07); the honest members' AUC did not move.
ONLY_TIE_RETURNED = 1.0
#: A one-way tie given by a member whose other evidence is all returned, to a member who
#: gives evidence but did not return this one, keeps this share of its weight (see
#: :func:`giver_factor`): where members return each other's ties, a vouch its receiver
#: left unanswered while vouching for others is not a tie both sides hold - e.g. an honest
#: member's vouch for a Sybil that the ring does not return, the attack edge through which
#: mass enters the ring on every step. On Facebook, where every honest tie is returned,
#: such attack edges carried what reached the ring once the receiver factor had cut its
#: free vouches. A vouch for a newcomer (who gave nothing yet) keeps its weight, and so do
#: the vouches of members who leave some of their own unreturned (wiki-Vote's voters).
#: Chosen on the development draws (benchmarks/README.md, 2026-12-06, 19:50 UTC): 0.02
#: against 0.05 and 0.1.
GIVER_FLOOR = 0.02
#: The giver factor applies fully when the giver leaves none of its other evidence
#: unreturned, not at all from this share on.
GIVER_KNEE = 0.1
#: ... and when at least this many of the giver's ties were returned (in proportion
#: below): one returned tie (3 and 10 cut less on Facebook's low-degree attack edges).
GIVER_RETURNED = 1.0
#: ... and when the receiver gave at least this much evidence (one full tie; in
#: proportion below): a newcomer who gave nothing yet is not one who declined a tie.
GIVER_ACTIVE = 1.0
#: Reports' penalty in :func:`reputation`: the share of the mass that came along upheld
#: reports which is taken off a member's score. At 0.5 a member whose ties are all full
#: reports (worth at least one mutual tie) keeps half of what an equally connected
#: unreported member scores once the walk has mixed, less (often nothing) while its mass is
#: still growing; a single report's target, whose ties count less, keeps three quarters (a
#: half at 1). At 1 (the earlier default) the first scored 0, but on Bitcoin Alpha, whose
#: honest members also rate each other
#: negatively, that held honest members down enough to miss SybilRank's AUC against a naive
#: ring (g = 10 to 3000). Chosen on the development draws (benchmarks/README.md,
#: 2026-12-06 third session, later): the strongest of 1, 0.8, 0.7, 0.6, 0.5 and 0.3 with no
#: AUC miss there.
REPORT_PENALTY = 0.5
#: A member nobody vouches for (no positive evidence received) scores no more than what the
#: vouched members' scores allow: its reputation comes only from what flows back along the
#: vouches it gave. Above :data:`UNVOUCHED_KNEE` times the cap its score is compressed,
#: in order, below the cap (see :func:`unvouched_scores`); the cap is the score under which
#: the vouched members holding this share of the vouched members' walk mass lie (a mass
#: quantile: Sybils the walk barely reaches hold little mass, so a large ring cannot pull
#: it down). On wiki-Vote's development draws, the swarm's single-vouch accounts (a
#: member who voted once and was never voted for, copied 500 times) went from 30-37% of
#: the Sybils admitted to at most 1.1% at g = 10 to 3000, with the AUC goals kept at 0.3
#: (0.25: six wiki-Vote AUC cells missed on draws 900-902; 0.35: the swarm 2.8% admitted
#: at g = 10 on draws 903-908; benchmarks/README.md, 2026-12-07 10:15 entry).
UNVOUCHED_CAP_MASS = 0.3
#: Where the compression starts, as a share of the cap: unvouched members scoring less
#: keep their score. Lower knees put more of the members nobody vouches for (two thirds
#: of wiki-Vote's) under the lowest Sybils of a mimic ring (0.75: nine AUC cells missed
#: on the development draws); higher ones leave the swarm above the threshold (0.82: 1.4%
#: admitted at g = 10).
UNVOUCHED_KNEE = 0.8
#: Where the members the walk reaches return the vouches they give, a member nobody vouches
#: for is further from them: the cap above is multiplied by ``1 - r**UNVOUCHED_RETURNED_POWER``
#: (see :func:`unvouched_ceiling`), ``r`` the share of their vouches returned, weighed by
#: their walk mass (see :func:`returned_share`; Sybils the walk barely reaches weigh
#: little). Where votes go one way (wiki-Vote, r 0.10-0.12) the cap stays (0.998-0.999 of
#: it); among traders who rate each other back (Bitcoin Alpha, r 0.67-0.88) it falls to
#: 0.32-0.70 of it, under the admission threshold of 95% of the vouched members, which lies
#: at 0.40-0.84 of the cap there; among friends (Facebook, r 0.97-1.00) to at most 0.10.
#: At 2, wiki-Vote's cap falls to 0.985 of it and three of its AUC cells fall under
#: SybilRank's; at 4, Bitcoin Alpha's triangle swarm keeps 1.2-3.0% admitted at g = 1000
#: (benchmarks/README.md, 2026-12-07 13:20 entry).
UNVOUCHED_RETURNED_POWER = 3.0
#: ... and by no less than this, so that the order of the members nobody vouches for is
#: kept where every vouch is returned.
UNVOUCHED_CEILING_FLOOR = 1e-3
#: Where the seeds get their vouches returned, a vouched member's one-way vouch (its
#: receiver gave none back) carries back to it no more than it carries to the receiver
#: each step: the receiver keeps the rest (see :func:`conservation_strength`). A ring that
#: gives thousands of free vouches to honest members then gains nothing from them, while
#: an honest member's vouch that the ring leaves unanswered still lets the ring send back
#: what came in. The cut applies in full from :data:`CONSERVED_RETURNED_FULL` of the
#: seeds' vouches returned (their mean share), not at all up to this share: where votes go
#: one way (wiki-Vote, the seeds' share 0.05-0.17) flowing back along them is how voters
#: are reached, and the walk is as before; among traders (Bitcoin Alpha, 0.60-0.98) and
#: friends (Facebook, 0.94-1) it applies. Chosen on the development draws
#: (benchmarks/README.md, 2026-12-07 17:00 UTC entry).
CONSERVED_RETURNED_KNEE = 0.25
#: See :data:`CONSERVED_RETURNED_KNEE`.
CONSERVED_RETURNED_FULL = 0.5
#: ... and only along the vouches of members who left more than this share of the vouches
#: they gave unreturned (a ring's accounts that vouch for members who never vouch back):
#: cut along every vouched member's one-way vouch, an honest member's vouch for a ring
#: that leaves it unanswered let the ring send back no more than came in each step, and
#: the ring kept the rest (a sink: in a small community of circles its best account rose
#: from 0.020 to 0.034, above the honest members' 5 % quantile).
CONSERVED_GIVER_UNRETURNED = 0.5
#: Where the seeds' vouches go one way (the cut above off, :func:`conservation_strength`
#: 0), what flows back along a vouched member's one-way vouch from a member who received
#: at most this many ties of positive evidence in all (and who gives evidence) is, each
#: step, no more than what the vouch carries to it: the member keeps the rest. There,
#: flowing back along votes is how voters are reached, but an honest vote goes to a
#: member others vote for (on wiki-Vote 0.3 % of votes go to a member with at most 3),
#: while a ring's free vouches for random members land mostly on voters nobody else
#: votes for (31 % of the flood's 20,000 on members with at most 3 in all): the flood
#: then drains its ring instead of filling it. A member who gives nothing (a newcomer, a
#: ring's leaf) is left out: it could only keep what comes in, a sink. On wiki-Vote's
#: development draws the flood's 12-13 missed lines went to none with no line lost; at
#: 5, and without the leaf rule, the mimic ring lost AUC lines; at 2, the flood kept some
#: (benchmarks/README.md, 2026-12-08 entry).
FEW_RECEIVED = 3.0
#: With ``tol > 0`` the walk stops early once two more steps moved less than this share of
#: the mass (L1); two steps, so that a walk that oscillates (voters and the candidates they
#: vote for, a near-bipartite graph) is not taken for one that settled. Off by default: the
#: walk takes SybilRank's ``ceil(log2 n)`` steps. Stopping at 5% cost up to 0.002 AUC on
#: wiki-vote (hubs and mimic attackers) and gained nothing on Bitcoin Alpha or Facebook
#: (benchmarks/README.md, development draws), and runs that stop at different steps score
#: on different scales.
WALK_TOL = 0.0
#: Graphs with at least this many pieces of evidence (ties, for the walk) are merged,
#: weighed and walked in compiled loops (:mod:`passerelles.engine.trust_kernels`); smaller
#: ones with scipy, where the loops save little and their first use in a process would cost
#: numba's import (~0.5 s).
COMPILED_WALK_MIN_TIES = 100_000


def reputation(
    g: TrustGraph,
    seeds: Iterable[int] | np.ndarray,
    *,
    iterations: int | None = None,
    tie_weight: float = TIE_FULL_WEIGHT,
    distrust_weight: float = REPORT_PENALTY,
    tol: float = WALK_TOL,
    unvouched_mass: float | None = UNVOUCHED_CAP_MASS,
) -> np.ndarray:
    """Global Sybil-resistant reputation, ``(n,)`` float, higher = more trusted.

    SybilRank's early-terminated, degree-normalised walk (Cao et al. 2012), on
    the ties: trust mass starts uniformly on ``seeds`` (members verified by circle admins,
    and the admins) and spreads for ``iterations`` steps (default ``ceil(log2(n))``), long
    enough to mix in a well-connected honest region, too short to fill a Sybil region behind
    few attack edges. Each step a member sends, along each tie (both ways), its mass times
    the tie's weight divided by its degree (the sum of its ties' weights), but by no less
    than :data:`WALK_DEGREE_FLOOR`; what it does not send it keeps. A mutual tie weighs 1,
    a one-way tie from :data:`ONE_WAY_TIE_FLOOR` (between members who return the ties
    they are given) to :data:`ONE_WAY_TIE` (where one of them never has), by the smaller
    of the two members' shares of unreturned evidence, and down to :data:`RECEIVER_FLOOR`
    of that when the member it was given to returns its ties but not this one (see
    :func:`receiver_factor`): an account's unsolicited vouches for members who return
    their vouches carry little back to it, and down to :data:`ANSWER_FLOOR` when that
    member answers the other vouches it receives (see :func:`answer_factor`), though a
    member's only tie keeps :data:`ONLY_TIE_FLOOR` at least; and down to
    :data:`GIVER_FLOOR` when the member who gave it has its other ties returned while the
    member it was given to, who gives evidence, did not return it (see
    :func:`giver_factor`): an honest member's vouch that a
    ring leaves unreturned carries little into it. A tie is any evidence
    between two members, upheld reports included (as in SybilRank, which counts every
    interaction): a report shows that
    the two really dealt with each other, and members whose recorded contacts are mostly
    disputes would otherwise be out of the walk's reach. So the mass entering a Sybil region
    in one step is at most ``sum over the ties crossing into it of weight * mass(u) /
    max(degree(u), floor)`` over its honest ends ``u``, whatever the ring does inside: its
    vouches for (or reports against) honest members are one-way ties that carry at most
    what the honest member's own unreturned share allows (see :func:`one_way_weights`), and a
    member with a single tie keeps most of its mass. An honest member's upheld report
    against a Sybil is a crossing tie like a vouch; the reported account itself keeps none
    of what comes along it (see below).

    Where the seeds get their vouches returned (:func:`seeds_returned_share`, from
    :data:`CONSERVED_RETURNED_KNEE` on, fully from :data:`CONSERVED_RETURNED_FULL`), what
    flows back along a one-way vouch given by a vouched member who leaves most of its
    vouches unreturned (:data:`CONSERVED_GIVER_UNRETURNED`) to a member who had most of
    its own returned is, each step, no more than what the vouch carries to that member:
    the member keeps the rest (see :func:`conservation_strength`). A ring's free vouches
    for honest members then bring it nothing, however many, while an honest member's vouch
    for a ring is not cut (its giver returns its vouches) and the ring still sends back
    along it what it holds. Where votes go one way (the seeds' share low, the cut above
    off), the same cut applies instead to the one-way vouches of vouched members given to
    members who give evidence and received no more than :data:`FEW_RECEIVED` ties of it
    in all: honest votes go to members others vote for, a ring's free vouches for random
    members mostly to voters nobody else votes for.

    The score is the mass divided by ``max(degree, floor)`` (what the walk's stationary
    distribution gives each member, so that every member of a well-mixed honest region is
    on the same footing, while Sybils behind few attack edges stay near zero), scaled so that
    its mass-weighted mean is 1. The walk counts ties, not strengths: positive evidence of
    weight ``tie_weight`` or more is one full tie (weaker evidence, a fraction), because an
    attacker can always ask for the strongest vouch while honest members also record weak
    evidence. Distrust then lowers the score: of the mass a member holds, the part that
    came along reports, weighed by their strength (a full report, weight -1 or stronger,
    counts whole), times ``distrust_weight`` (default :data:`REPORT_PENALTY`, 0.5), is
    taken off in proportion, so scores are never negative, a member whose ties are all full
    reports (worth at least one mutual tie) keeps half of what an equally connected
    unreported member scores once the walk has mixed and less before (with
    ``distrust_weight=1``, 0), and reports from accounts the walk barely reaches weigh as
    little as their vouches.
    A member nobody vouches for (no positive evidence received: it only gave vouches)
    never ranks with the trusted: its score is kept in order but compressed below the score
    under which the vouched members holding :data:`UNVOUCHED_CAP_MASS` of their mass lie,
    times :func:`unvouched_ceiling` of the share of their vouches the vouched members get
    back (where vouches are returned, having none is further from the norm; see
    :data:`UNVOUCHED_RETURNED_POWER`),
    from :data:`UNVOUCHED_KNEE` of it on (see :func:`unvouched_scores`; ``unvouched_mass``
    sets that share, ``None`` keeps their walk's scores; the vouched members' scores are
    read before reports' penalty, and the cap is skipped when the walk gives them no
    mass). Reputation comes
    from vouches received; what flows back along one's own vouches can rank a member among
    the others nobody vouches for, not above the vouched. A swarm of accounts that each
    vouch once for a member (what a member who voted once and was never voted for looks
    like) would otherwise score a fixed share of their targets' standing. Vouches count
    from the seeds on (see :func:`vouched_from_seeds`): accounts vouched for only by each
    other (in pairs, round a cycle), reached by no chain of vouches from the seeds, are
    members nobody vouches for too.
    Empty ``seeds`` gives zeros.
    """
    n = g.num_nodes
    seed_idx = _as_nodes(seeds, g, "seeds")
    if n == 0 or seed_idx.size == 0:
        return np.zeros(n)
    mass, degree, ties, vouched, given_back = _walk(g, seed_idx, iterations, tie_weight, tol)
    score, scale = _scaled(mass, np.maximum(degree, WALK_DEGREE_FLOOR))
    if unvouched_mass is not None:
        vouched &= vouched_from_seeds(g, seed_idx, tie_weight)
        # A seed is where trust starts: one nobody vouches for yet (a recognised circle's
        # founder who vouched for its members) is not compressed with the unvouched.
        vouched[seed_idx] = True
    unvouched = ~vouched
    cap = 0.0
    if unvouched_mass is not None and np.any(unvouched) and np.any(vouched):
        # From the walk's scores, before reports' penalty: reports against vouched members
        # do not move it, and a stronger penalty only lowers scores.
        cap = _mass_quantile(score, np.where(vouched, mass, 0.0), unvouched_mass)
        cap *= unvouched_ceiling(returned_share(mass, vouched, given_back))
    received = _distrust_received(g, mass, degree, ties) if distrust_weight else None
    if received is not None:
        # What came along reports, in the walk's units, against what the member holds: the
        # score keeps the rest. Reports from members the walk barely reaches (e.g. Sybils
        # reporting honest members) weigh as little as their vouches.
        reported = distrust_weight * received
        with np.errstate(invalid="ignore", divide="ignore"):
            kept = np.where(reported > 0, 1.0 - reported / mass, 1.0)
        score *= np.clip(np.nan_to_num(kept, nan=0.0), 0.0, 1.0)
    if cap > 0:
        score[unvouched] = unvouched_scores(score[unvouched], cap)
    return score


def vouched_from_seeds(
    g: TrustGraph, seed_idx: np.ndarray, tie_weight: float = TIE_FULL_WEIGHT
) -> np.ndarray:
    """Who is reached from the seeds along a chain of vouches, ``(n,)`` bool: the seeds,
    the members they vouch for, the members those vouch for, and so on (positive evidence
    of at least :data:`MIN_TIE` of a tie, as "vouched for" counts it). A group of accounts
    that only vouch for each other (and for others) is vouched for by its own members but
    reached by no chain from the seeds: for :func:`reputation`, nobody vouches for them.
    Breadth first, in compiled loops on large graphs (one pass over the evidence)."""
    merged = g._merged
    n = g.num_nodes
    seen = np.zeros(n, dtype=bool)
    if seed_idx.size == 0:
        return seen
    kernels = _kernels() if merged.nnz >= COMPILED_WALK_MIN_TIES else None
    if kernels is not None:
        kernels.reach(
            _unsigned(merged.indptr),
            _unsigned(merged.indices),
            merged.data,
            tie_weight,
            MIN_TIE,
            seed_idx.astype(np.int64),
            seen,
        )
        return seen
    data = merged.data
    vouch = (data > 0) & ((data >= tie_weight) | (data / tie_weight >= MIN_TIE))
    indptr, indices = merged.indptr, merged.indices
    seen[seed_idx] = True
    frontier = np.unique(seed_idx)
    while frontier.size:
        starts, counts = indptr[frontier], np.diff(indptr)[frontier]
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
        entries = offsets + np.arange(int(counts.sum()))
        entries = entries[vouch[entries]]
        reached = indices[entries]
        frontier = np.unique(reached[~seen[reached]])
        seen[frontier] = True
    return seen


def returned_share(mass: np.ndarray, vouched: np.ndarray, given_back: np.ndarray) -> float:
    """The share of their vouches that the vouched members get back, each weighed by its
    walk ``mass``, in ``[0, 1]``: ``given_back`` ``(n,)`` is each member's share of the
    evidence it gave that is returned (NaN for a member who gave none, left out); 0 when
    no vouched member with mass gave any."""
    counted = vouched & ~np.isnan(given_back)
    weight = mass[counted]
    total = float(weight.sum())
    if not total > 0:
        return 0.0
    return min(max(float(np.dot(weight, given_back[counted])) / total, 0.0), 1.0)


def unvouched_ceiling(returned: float) -> float:
    """What share of the cap the members nobody vouches for may approach, from the share
    of their vouches the vouched members get back (:func:`returned_share`):
    ``1 - returned**UNVOUCHED_RETURNED_POWER``, no less than
    :data:`UNVOUCHED_CEILING_FLOOR`; decreasing, 1 where no vouch is returned."""
    returned = min(max(returned, 0.0), 1.0)
    return max(1.0 - float(returned**UNVOUCHED_RETURNED_POWER), UNVOUCHED_CEILING_FLOOR)


def unvouched_scores(score: np.ndarray, cap: float, knee: float = UNVOUCHED_KNEE) -> np.ndarray:
    """The scores of members nobody vouches for, kept in order and below ``cap``: a score
    ``s`` up to ``a = knee * cap`` is kept, one above becomes
    ``a + (cap - a) * (s - a) / ((s - a) + (cap - a))``, i.e.
    ``cap - (cap - a)**2 / ((s - a) + (cap - a))``: strictly increasing (scores that
    differ by more than rounding stay apart, so the order among such members is kept and
    never reversed), with slope 1 at ``a`` and below ``cap`` whatever ``s``. Computed in
    the second form, whose every operation is monotone, so that rounding cannot reverse two
    scores either. ``cap <= 0`` keeps every score."""
    if not cap > 0:
        return score
    low = knee * cap
    room = cap - low
    squeezed: np.ndarray = cap - room * room / (np.maximum(score - low, 0.0) + room)
    # Within rounding of the exact value (to a unit in the cap's last place), and kept
    # between the knee and the score: each bound is monotone too.
    np.minimum(squeezed, score, out=squeezed)
    np.maximum(squeezed, low, out=squeezed)
    result: np.ndarray = np.where(score > low, squeezed, score)
    return result


def _mass_quantile(score: np.ndarray, weight: np.ndarray, share: float) -> float:
    """The smallest score ``s`` such that the members scoring at most ``s`` hold at least
    ``share`` of ``weight`` (scores and weights ``(n,)``, non-negative; 0 when there is no
    weight). Sorts only the members around it: the scores are binned, the bin that holds
    it binned again while it holds many members, then sorted."""
    total = float(weight.sum())
    if not total > 0:
        return 0.0
    held_any = weight > 0
    target = min(max(share, 0.0), 1.0) * total
    if not target > 0:
        return float(score[held_any].min())
    bins = 1024
    lo, hi = 0.0, float(score.max())
    values, weights = score, weight
    before = 0.0  # the weight of the members below ``lo``
    while values.size > 4 * bins and hi > lo:
        which = np.subtract(values, lo)
        which *= bins / (hi - lo)
        at_bin = which.astype(np.intp)
        np.clip(at_bin, 0, bins - 1, out=at_bin)
        held = np.cumsum(np.bincount(at_bin, weights=weights, minlength=bins))
        # Clamped to what the bins hold (rounding at share 1): the bin found holds weight.
        b = min(int(np.searchsorted(held, min(target - before, held[-1]), side="left")), bins - 1)
        before += float(held[b - 1]) if b else 0.0
        inside = np.flatnonzero(at_bin == b)
        width = (hi - lo) / bins
        lo, hi = lo + b * width, min(lo + (b + 1) * width, hi)
        values, weights = values[inside], weights[inside]
    held_here = weights > 0
    values, weights = values[held_here], weights[held_here]
    if values.size == 0:
        return lo
    order = np.argsort(values, kind="stable")
    running = before + np.cumsum(weights[order])
    at = min(int(np.searchsorted(running, target, side="left")), order.size - 1)
    return float(values[order][at])


def reputation_walk(
    g: TrustGraph,
    seeds: Iterable[int] | np.ndarray,
    *,
    iterations: int | None = None,
    tie_weight: float = TIE_FULL_WEIGHT,
    tol: float = WALK_TOL,
) -> tuple[np.ndarray, np.ndarray]:
    """The walk behind :func:`reputation`: ``(mass (n,), degree (n,))``, float64. The mass
    sums to 1 (0 without seeds); ``degree`` is each member's ties (evidence of either sign),
    a mutual tie counting 1 and a one-way tie from :data:`ONE_WAY_TIE_FLOOR` to
    :data:`ONE_WAY_TIE` (see :func:`one_way_weights`). For checks and
    explanations of the score."""
    n = g.num_nodes
    seed_idx = _as_nodes(seeds, g, "seeds")
    if n == 0 or seed_idx.size == 0:
        return np.zeros(n), _walk_ties(g, tie_weight)[1] if n else np.zeros(0)
    mass, degree, _, _, _ = _walk(g, seed_idx, iterations, tie_weight, tol)
    return mass, degree


def _walk(
    g: TrustGraph,
    seed_idx: np.ndarray,
    iterations: int | None,
    tie_weight: float,
    tol: float,
    *,
    compiled: bool | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The walk's mass, degrees, ties (the walk's weight of each entry of the merged
    evidence, float32), who is vouched for (``(n,)`` bool: positive evidence of at least
    ``MIN_TIE`` of a tie received) and each member's share of the evidence it gave that is
    returned (``(n,)``, NaN for a member who gave none). ``compiled``: run the compiled loops
    (:mod:`passerelles.engine.trust_kernels`) rather than scipy's products; by default
    when the graph has at least :data:`COMPILED_WALK_MIN_TIES` ties and numba imports."""
    if iterations is None:
        iterations = max(1, math.ceil(math.log2(max(g.num_nodes, 2))))
    if iterations < 0:
        raise ValueError(f"iterations must be non-negative, got {iterations}")
    if not tie_weight > 0:
        raise ValueError(f"tie_weight must be positive, got {tie_weight}")
    if compiled is None:
        compiled = g._merged.nnz >= COMPILED_WALK_MIN_TIES and _kernels() is not None
    strength = conservation_strength(seeds_returned_share(g, seed_idx, tie_weight))
    # Where the seeds' vouches go one way, the flow back is cut from members who received
    # few vouches instead (see FEW_RECEIVED), in full.
    few = None if strength > 0 else FEW_RECEIVED
    if few is not None:
        strength = 1.0
    computed = _compiled_walk_ties(g, tie_weight, True, few) if compiled else None
    walked = computed if computed is not None else _walk_ties(g, tie_weight, True, few)
    ties, degree, vouched, given_back = walked
    ties, weights, conserved = _split_conserved(ties, strength)
    if compiled:
        mass = _compiled_walk(ties, degree, seed_idx, iterations, tol, conserved)
    else:
        mass = _trust_walk(ties, degree, seed_idx, iterations, tol, conserved)
    return mass, degree, weights, vouched, given_back


#: The one-way ties whose flow back is cut: (givers, receivers, weights, strength).
Conserved = tuple[np.ndarray, np.ndarray, np.ndarray, float]


def _split_conserved(
    ties: sp.csr_array, strength: float
) -> tuple[sp.csr_array, np.ndarray, Conserved | None]:
    """The walk's ties without the marked ones (negative weights: one-way vouches given by
    vouched members, see :func:`one_way_weights`), every entry's weight, and the marked
    ties apart, as ``(givers, receivers, weights, strength)``, or ``None``."""
    if not strength > 0:
        return ties, ties.data, None
    marked = np.flatnonzero(ties.data < 0)
    if marked.size == 0:
        return ties, ties.data, None
    weights = np.abs(ties.data)
    givers = (np.searchsorted(ties.indptr, marked, side="right") - 1).astype(ties.indices.dtype)
    conserved = (givers, ties.indices[marked], weights[marked], float(strength))
    data = weights.copy()
    data[marked] = 0.0
    walk = sp.csr_array((data, ties.indices, ties.indptr), shape=ties.shape)
    return walk, weights, conserved


def seeds_returned_share(
    g: TrustGraph, seed_idx: np.ndarray, tie_weight: float = TIE_FULL_WEIGHT
) -> float:
    """The seeds' mean share of the positive evidence they gave that was returned (in ties,
    as :func:`one_way_weights` counts it: the mutual part of each tie, evidence returned by
    a report not counted), over the seeds who gave any; NaN when none did. Read from the
    seeds' rows and the reverse entries only."""
    merged = g._merged
    if seed_idx.size == 0:
        return math.nan
    starts, ends = merged.indptr[seed_idx], merged.indptr[seed_idx + 1]
    counts = (ends - starts).astype(np.int64)
    entries = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
    owner = np.repeat(np.arange(seed_idx.size), counts)
    value = merged.data[entries]
    target = merged.indices[entries].astype(np.int64)
    giver = seed_idx[owner].astype(np.int64)
    back = np.asarray(merged[target, giver]).ravel() if entries.size else np.zeros(0)

    def tie(x: np.ndarray) -> np.ndarray:
        fraction = np.where(x >= tie_weight, 1.0, x / tie_weight)
        return np.where(fraction < MIN_TIE, 0.0, fraction)

    positive = value >= 0
    given = np.where(positive, tie(np.abs(value)), 0.0)
    returned = np.where(positive & (back >= 0), np.minimum(given, tie(np.abs(back))), 0.0)
    gave = np.bincount(owner, weights=given, minlength=seed_idx.size)
    got = np.bincount(owner, weights=returned, minlength=seed_idx.size)
    counted = gave > 0
    if not np.any(counted):
        return math.nan
    return float(np.mean(got[counted] / gave[counted]))


def conservation_strength(returned: float) -> float:
    """How much of what a receiver would send back along a vouched member's one-way vouch,
    beyond what the vouch carries to it, is cut, from the seeds' share of their vouches
    returned (:func:`seeds_returned_share`): 0 up to :data:`CONSERVED_RETURNED_KNEE`, 1 from
    :data:`CONSERVED_RETURNED_FULL` on, linear between; 0 when unknown (NaN)."""
    if math.isnan(returned):
        return 0.0
    knee, full = CONSERVED_RETURNED_KNEE, CONSERVED_RETURNED_FULL
    return min(max((returned - knee) / (full - knee), 0.0), 1.0)


@functools.cache
def _kernels() -> ModuleType | None:
    """The compiled loops of the walk, or ``None`` when numba cannot be imported."""
    try:
        from passerelles.engine import trust_kernels
    except ImportError:  # pragma: no cover - numba is a dependency; a platform may lack it
        return None
    return trust_kernels


#: The compiled merge of the evidence first puts the edges in blocks of this many rows (a
#: power of two): few enough blocks that writing into them stays in the core's cache, and
#: blocks small enough (a few thousand edges) that each is sorted into rows in it.
MERGE_BLOCK_ROWS = 256


def _compiled_merge(
    src: np.ndarray, dst: np.ndarray, weight: np.ndarray, n: int
) -> sp.csr_array | None:
    """:func:`passerelles.engine.graph.csr_from_edges` (``drop_zeros=False``) in compiled
    loops: the edges put in blocks of :data:`MERGE_BLOCK_ROWS` rows, then block by block
    counted into rows, each row sorted by column and its duplicates summed (see
    :func:`passerelles.engine.trust_kernels.merge_blocks`). ``None`` without numba or past
    int32 indices."""
    kernels = _kernels()
    if kernels is None or max(n, src.size) >= np.iinfo(np.int32).max:
        return None
    shift = MERGE_BLOCK_ROWS.bit_length() - 1
    start = np.zeros((n >> shift) + 2, dtype=np.int64)
    kernels.count_blocks(src, shift, start)
    # A key is a row in its block and a column: 32 bits when both fit (up to 2**24
    # members), which halves what the two passes move and leaves the merged columns in
    # place (no copy); 64 bits otherwise.
    col_bits = max(int(n - 1).bit_length(), 1)
    narrow = shift + col_bits <= 32
    keys = np.empty(src.size, dtype=np.uint32 if narrow else np.uint64)
    vals = np.empty(src.size, dtype=np.float64)
    kernels.scatter_blocks(src, dst, weight, shift, start, keys, vals, col_bits)
    indptr = np.empty(n + 1, dtype=np.int32)
    cols = keys.view(np.int32)  # the merged columns are written over the keys read
    nnz = kernels.merge_blocks(n, shift, start, keys, vals, cols, indptr, col_bits)
    cols = cols[:nnz] if narrow else cols[:nnz].copy()
    del keys
    merged = sp.csr_array((vals[:nnz], cols, indptr), shape=(n, n), copy=False)
    merged.has_canonical_format = True  # rows sorted, no duplicates
    return merged


def _compiled_walk_ties(
    g: TrustGraph, tie_weight: float, mark: bool = False, few: float | None = None
) -> tuple[sp.csr_array, np.ndarray, np.ndarray, np.ndarray] | None:
    """:func:`_walk_ties` in compiled loops (the same weights, see
    :func:`passerelles.engine.trust_kernels.walk_ties`), or ``None`` when the merged
    evidence's rows are not sorted."""
    kernels = _kernels()
    if kernels is None:  # pragma: no cover
        return None
    merged = g._merged
    n = g.num_nodes
    ties = np.zeros(merged.nnz, dtype=np.float32)
    degree = np.zeros(n)
    received = np.zeros(n)  # positive evidence received, in ties
    gave, returned = np.zeros(n), np.zeros(n)  # evidence given, and returned, in ties
    done = kernels.walk_ties(
        _unsigned(merged.indptr),
        _unsigned(merged.indices),
        merged.data,
        tie_weight,
        MIN_TIE,
        ONE_WAY_TIE_FLOOR,
        ONE_WAY_TIE,
        UNRETURNED_KNEE,
        UNRETURNED_FULL,
        RECEIVER_KNEE,
        RECEIVER_FLOOR,
        RECEIVER_RETURNED,
        GIVER_KNEE,
        GIVER_FLOOR,
        GIVER_RETURNED,
        GIVER_ACTIVE,
        ANSWER_KNEE,
        ANSWER_FLOOR,
        ANSWER_RETURNED,
        ONLY_TIE_FLOOR,
        ONLY_TIE_RETURNED,
        1.0 - CONSERVED_GIVER_UNRETURNED,
        ties,
        degree,
        gave,
        returned,
        received,
        np.zeros(n),
        mark,
        -1.0 if few is None else float(few),
    )
    if not done:
        return None
    degree *= ONE_WAY_TIE
    walk = sp.csr_array((ties, merged.indices, merged.indptr), shape=merged.shape)
    with np.errstate(invalid="ignore", divide="ignore"):
        given_back = np.where(gave > 0, np.clip(returned / gave, 0.0, 1.0), np.nan)
    return walk, degree, received > 0, given_back


def _unsigned(index: np.ndarray) -> np.ndarray:
    """Non-negative integer indices as an unsigned array (a view when they are int32 or
    int64): compiled loops then skip a sign check on every access."""
    if index.dtype in (np.int32, np.uint32):
        return index.view(np.uint32)
    return index.astype(np.int64, copy=False).view(np.uint64)


def _compiled_walk(
    ties: sp.csr_array,
    degree: np.ndarray,
    seed_idx: np.ndarray,
    iterations: int,
    tol: float,
    conserved: Conserved | None = None,
) -> np.ndarray:
    """:func:`_trust_walk` in compiled loops: the same walk, one pass over the ties per step
    (see :mod:`passerelles.engine.trust_kernels`)."""
    kernels = _kernels()
    if kernels is None:  # pragma: no cover
        raise RuntimeError("the compiled walk needs numba")
    indptr, indices = _unsigned(ties.indptr), _unsigned(ties.indices)
    # The walk's random reads and writes stay in cache when the other end of a tie is
    # near in the index order: those ties are walked row by row, the far ones by block of
    # columns (see :func:`_near_far`).
    near, far = _near_far(kernels, indptr, indices, ties.data)
    send, keep = _walk_factors(degree)
    mass = np.zeros(degree.size, dtype=np.float32)
    mass[seed_idx] = 1.0 / seed_idx.size
    if conserved is None:
        none = np.zeros(0, dtype=indices.dtype)
        kept = (none, none, np.zeros(0, dtype=np.float32), 0.0)
    else:
        givers, receivers, weights, strength = conserved
        kept = (
            _unsigned(givers),
            _unsigned(receivers),
            weights.astype(np.float32),
            float(strength),
        )
    walked = kernels.walk(*near, *far, *kept, send, keep, mass, iterations, float(tol), NEAR_WINDOW)
    return np.asarray(walked, dtype=np.float64)


#: In the compiled walk a tie whose ends are fewer than this many indices apart is "near":
#: the values it reads and writes are then within a few tens of KiB of the row's own. The
#: near ties are walked by chunks of as many rows, ordered in each chunk by their number
#: of near ties (see :func:`passerelles.engine.trust_kernels.order_rows`).
NEAR_WINDOW = 4096
#: The far ties are walked by blocks of this many columns: the values they read and write
#: at the column end (2 float32 vectors of the block, 1 MiB) then stay in the core's cache.
FAR_BLOCK = 131_072


def _near_far(
    kernels: ModuleType, indptr: np.ndarray, indices: np.ndarray, ties: np.ndarray
) -> tuple[
    tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    tuple[np.ndarray, np.ndarray, np.ndarray],
]:
    """The CSR ``(indptr, indices, ties)`` split into its near entries, a CSR ``(order,
    indptr, indices, ties)`` whose ``r``-th row is row ``order[r]`` (chunk of
    :data:`NEAR_WINDOW` rows by chunk, each ordered by number of entries), and its far
    ones, ``(rows, cols, ties)`` sorted by block of :data:`FAR_BLOCK` columns and by row
    within a block."""
    n = indptr.size - 1
    near_count = np.zeros(n, dtype=np.int64)
    far_count = kernels.count_near_far(indptr, indices, NEAR_WINDOW, FAR_BLOCK, near_count)
    order = kernels.order_rows(near_count, NEAR_WINDOW)
    near_indptr = np.zeros(n + 1, dtype=indptr.dtype)
    np.cumsum(near_count[order], out=near_indptr[1:])
    near_start = np.empty(n, dtype=np.int64)
    near_start[order] = near_indptr[:-1]
    num_near = int(near_indptr[-1])
    num_far = int(far_count.sum())
    far_next = np.zeros(far_count.size, dtype=np.int64)
    np.cumsum(far_count[:-1], out=far_next[1:])
    near = (
        order,
        near_indptr,
        np.empty(num_near, dtype=indices.dtype),
        np.empty(num_near, dtype=np.float32),
    )
    far = (
        np.empty(num_far, dtype=indices.dtype),
        np.empty(num_far, dtype=indices.dtype),
        np.empty(num_far, dtype=np.float32),
    )
    kernels.fill_near_far(
        indptr, indices, ties, NEAR_WINDOW, FAR_BLOCK, near_start, near[2], near[3], far_next, *far
    )
    return near, far


def _walk_factors(degree: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per member, float32: the share of its mass it sends along each full tie (the 1/2 of
    one-way ties folded in) and the share it keeps, ``1 - degree / max(degree, floor)``."""
    capped = np.maximum(degree, WALK_DEGREE_FLOOR)
    send = (ONE_WAY_TIE / capped).astype(np.float32)
    keep = (1.0 - degree / capped).astype(np.float32)
    return send, keep


def _walk_ties(
    g: TrustGraph, tie_weight: float, mark: bool = False, few: float | None = None
) -> tuple[sp.csr_array, np.ndarray, np.ndarray, np.ndarray]:
    """The ties of the reputation walk as float32 CSR ``(n, n)`` (row ``u``: the members
    ``u`` has evidence about, trust or upheld reports), each member's degree ``(n,)``,
    float64: ``ONE_WAY_TIE * (ties in + ties out)``, and who is vouched for ``(n,)`` bool
    (positive evidence of at least ``MIN_TIE`` of a tie received). The walk's symmetric weight of
    ``u - v`` is ``ONE_WAY_TIE * (tie(u, v) + tie(v, u))``: a mutual tie weighs 1, a
    one-way tie between :data:`ONE_WAY_TIE_FLOOR` and :data:`ONE_WAY_TIE` (see
    :func:`one_way_weights`); weak evidence counts as a fraction of a tie. Last, each
    member's share of the evidence it gave that is returned ``(n,)``, NaN for a member
    who gave none."""
    n = g.num_nodes
    merged = g._merged
    indptr, indices = merged.indptr, merged.indices
    data = np.abs(merged.data)
    # Most evidence is a full tie: start from ones, then correct the few fractional ties.
    tie_data = np.ones(data.size, dtype=np.float64)
    weak = np.flatnonzero(data < tie_weight)
    if weak.size:
        fraction = data[weak] / tie_weight
        # Evidence below a millionth of a tie is no tie: its inverse would overflow float32.
        fraction[fraction < MIN_TIE] = 0.0
        tie_data[weak] = fraction
    # Vouched for: positive evidence of at least MIN_TIE of a tie received.
    vouched = np.zeros(n, dtype=bool)
    vouched[indices[(merged.data > 0) & (tie_data > 0)]] = True
    given_back = np.empty(n)
    conserved = np.empty(data.size, dtype=bool) if mark else None
    tie_data = one_way_weights(
        indptr,
        indices,
        tie_data,
        n,
        merged.data < 0,
        given_back=given_back,
        conserved=conserved,
        few=few,
    )
    degree = np.bincount(indices, weights=tie_data, minlength=n).astype(np.float64)
    degree += _row_sums(tie_data, indptr)
    degree *= ONE_WAY_TIE
    walk_data = tie_data.astype(np.float32)
    if conserved is not None:
        np.negative(walk_data, out=walk_data, where=conserved)
    ties = sp.csr_array((walk_data, indices, indptr), shape=merged.shape)
    return ties, degree, vouched, given_back


def one_way_weights(
    indptr: np.ndarray,
    indices: np.ndarray,
    tie: np.ndarray,
    n: int,
    report: np.ndarray | None = None,
    *,
    given_back: np.ndarray | None = None,
    conserved: np.ndarray | None = None,
    few: float | None = None,
) -> np.ndarray:
    """Per-entry weights ``(m,)`` of a CSR pattern of ties ``tie`` (fractions in ``[0, 1]``,
    row ``u`` = the evidence ``u`` gave; ``report``: ``(m,)`` bool, the entries that are
    upheld reports) such that ``ONE_WAY_TIE * (w(u, v) + w(v, u))``
    is the walk's weight of the pair: its mutual part ``min(tie(u, v), tie(v, u))`` weighs
    1, the rest (given by one side only) ``2 * c(u, v)`` times its fraction, with ``c``
    from ``ONE_WAY_TIE_FLOOR`` (both members have their own evidence returned) to
    ``ONE_WAY_TIE`` (one of them never has), by the smaller of the two members' shares of
    unreturned evidence (a member who gave none counts 1) as :func:`one_way_share` counts
    them. The smaller, so that an
    account cannot raise what its one-way ties to a member carry by its own behaviour:
    only the member's own ties decide it. The one-way part then keeps
    :func:`receiver_factor` of the member it was given to (a vouch left unanswered by a
    member who answers the others weighs down to :data:`RECEIVER_FLOOR` of that), or
    :func:`answer_factor` if smaller (down to :data:`ANSWER_FLOOR` when that member
    answers the other vouches it received), but no less than :data:`ONLY_TIE_FLOOR` when
    the tie is its giver's only one (nothing else given or received; the answer factor
    then applies from :data:`ONLY_TIE_RETURNED` ties returned to its receiver on), and
    :func:`giver_factor` of the member who gave it (a vouch given by a member whose other
    evidence is all returned, left unanswered by a member who gives evidence, weighs down
    to :data:`GIVER_FLOOR`). Reports are one-way by nature and need a moderator to uphold
    them (no account gives them for free): they keep ``ONE_WAY_TIE`` and are left out of
    the shares (evidence given and returned counts vouches, meetings and endorsements
    only). ``given_back``, ``(n,)`` float64, receives each member's share of the evidence
    it gave that is returned (NaN for a member who gave none); ``conserved``, ``(m,)``
    bool, which entries are one-way vouches given by a vouched member who left most of
    its vouches unreturned to a member who had most of its own returned (positive, a
    tie, no mutual part, their giver received positive evidence and had less than ``1 -
    CONSERVED_GIVER_UNRETURNED`` of what it gave returned, their receiver gave evidence
    and had at least that share of it returned: the ties whose flow back
    :func:`reputation` may cut); with ``few`` (see :data:`FEW_RECEIVED`), instead, the
    one-way vouches of members who received positive evidence to members who gave
    evidence and received no more than ``few`` ties of it."""
    m = tie.size
    if given_back is not None:
        given_back[:] = np.nan
    if conserved is not None:
        conserved[:] = False
    if m == 0:
        return tie
    counts = np.diff(indptr)
    if report is None:
        report = np.zeros(m, dtype=bool)
    # Pair each entry (u, v) with its reverse (v, u): one transpose (a linear-time CSR
    # conversion) and one sparse sum. An entry carries 2 + its tie, a transposed one
    # 16 + its tie (+ 64 for a report), so that the sum tells apart, with no search, an
    # entry alone ([2, 3]), a reverse alone ([16, 17] or [80, 81]) and a pair ([18, 20] or
    # [82, 84]); the sum's entries that are not a reverse alone are the entries in order.
    forward = sp.csr_array((tie + 2.0, indices, indptr), shape=(n, n))
    any_report = bool(report.any())
    flip_data = tie + np.where(report, 80.0, 16.0) if any_report else tie + 16.0
    flip = sp.csr_array((flip_data, indices, indptr), shape=(n, n))
    code = (forward + sp.csr_array(flip.T)).data
    del forward, flip, flip_data
    if any_report:
        code = code[(code < 16.0) | ((code >= 18.0) & (code < 80.0)) | (code >= 82.0)]
        reverse_report = code >= 82.0
        code -= np.where(reverse_report, 82.0, 18.0)  # a pair: its reverse's tie + tie
    else:
        code = code[(code < 16.0) | (code >= 18.0)]
        code -= 18.0
    # Entries alone are now below -14: their mutual part is 0.
    code -= tie
    np.clip(code, 0.0, 1.0, out=code)
    mutual = np.minimum(tie, code, out=code)
    rows = np.repeat(np.arange(n, dtype=indices.dtype), counts)
    if any_report:
        # Reports neither count as evidence given nor as evidence returned.
        gave = np.bincount(rows, weights=np.where(report, 0.0, tie), minlength=n)
        returned_by = np.where(report | reverse_report, 0.0, mutual)
        returned = np.bincount(rows, weights=returned_by, minlength=n)
    else:
        gave = np.bincount(rows, weights=tie, minlength=n)
        returned = np.bincount(rows, weights=mutual, minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        unreturned = np.where(gave > 0, 1.0 - returned / np.where(gave > 0, gave, 1.0), 1.0)
    np.clip(unreturned, 0.0, 1.0, out=unreturned)
    if given_back is not None:
        given_back[:] = np.where(gave > 0, 1.0 - unreturned, np.nan)
    received_factor = receiver_factor(unreturned, returned)
    # As it counts (increasing, so the smaller of two members' shares still decides).
    unreturned = one_way_share(unreturned)
    # Weight of the one-way part relative to ONE_WAY_TIE: c / ONE_WAY_TIE.
    scale = (ONE_WAY_TIE - ONE_WAY_TIE_FLOOR) / ONE_WAY_TIE
    relative = np.minimum(unreturned[rows], unreturned[indices])
    relative *= scale
    relative += ONE_WAY_TIE_FLOOR / ONE_WAY_TIE
    own = tie - mutual
    positive = np.where(report, 0.0, tie) if any_report else tie
    received = np.bincount(indices, weights=positive, minlength=n)
    answered = answer_factor(own, received[indices], returned[indices])
    cut = np.minimum(received_factor[indices], answered)
    # A member whose one tie is this one (nothing else given, nothing received) keeps at
    # least ONLY_TIE_FLOOR of it: what reaches it can only go back the way it came.
    real = tie > 0
    linked = np.bincount(rows[real], minlength=n) + np.bincount(indices[real], minlength=n)
    alone = linked[rows] == 1
    if np.any(alone):
        target = indices[alone]
        quick = answer_factor(own[alone], received[target], returned[target], ONLY_TIE_RETURNED)
        cut[alone] = np.maximum(np.minimum(cut[alone], quick), ONLY_TIE_FLOOR)
    relative *= cut
    relative *= giver_factor(own, gave[rows], returned[rows], gave[indices])
    if any_report:
        relative[report] = 1.0
    if conserved is not None:
        conserved[:] = (positive > 0) & (mutual == 0) & (received[rows] > 0)
        if few is None:
            bar = (1.0 - CONSERVED_GIVER_UNRETURNED) * gave
            left, answers = returned < bar, (gave > 0) & (returned >= bar)
            conserved &= left[rows] & answers[indices]
        else:
            conserved &= ((gave > 0) & (received <= few))[indices]
    result: np.ndarray = tie - mutual
    result *= relative
    result += mutual
    return result


def giver_factor(
    own: np.ndarray, gave: np.ndarray, returned: np.ndarray, receiver_gave: np.ndarray
) -> np.ndarray:
    """What the one-way part ``own`` of a tie keeps of its weight by the member who gave it
    (``gave``: the evidence it gave, ``returned``: what of it was returned, as ties) and
    the member it was given to (``receiver_gave``: the evidence that one gave), all
    ``(m,)``, one per tie: ``1 - (1 - GIVER_FLOOR) * short * sure * active`` with ``short
    = max(0, 1 - other / GIVER_KNEE)`` (``other``: the share of the giver's other
    evidence, this tie left out, that was not returned; 1 when it gave nothing else),
    ``sure = min(1, returned / GIVER_RETURNED)`` and ``active = min(1, receiver_gave /
    GIVER_ACTIVE)``. Within ``[GIVER_FLOOR, 1]``; 1 for a newcomer's vouchers (it gave
    nothing) and for members who leave at least ``GIVER_KNEE`` of their other evidence
    unreturned."""
    short = np.clip(1.0 - _share_left(gave, returned, own) / GIVER_KNEE, 0.0, 1.0)
    sure = np.minimum(returned / GIVER_RETURNED, 1.0)
    active = np.minimum(receiver_gave / GIVER_ACTIVE, 1.0)
    factor: np.ndarray = 1.0 - (1.0 - GIVER_FLOOR) * short * sure * active
    return factor


def _share_left(total: np.ndarray, returned: np.ndarray, own: np.ndarray) -> np.ndarray:
    """The share of ``total`` evidence, a tie's one-way part ``own`` left out, that was not
    ``returned``; 1 where nothing else is left."""
    rest = np.maximum(total - own, 0.0)
    left = np.maximum(total - returned - own, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share: np.ndarray = np.where(rest > 0, left / np.where(rest > 0, rest, 1.0), 1.0)
    return share


def answer_factor(
    own: np.ndarray,
    received: np.ndarray,
    returned: np.ndarray,
    enough: float = ANSWER_RETURNED,
) -> np.ndarray:
    """What the one-way part ``own`` of a tie keeps of its weight by whether the member it
    was given to answers the other vouches it receives (``received``: the positive
    evidence it received, this tie included; ``returned``: its ties returned), all
    ``(m,)``, one per tie: ``1 - (1 - ANSWER_FLOOR) * short * sure`` with ``short = max(0,
    1 - other / ANSWER_KNEE)`` (``other``: the share of the evidence it received, this
    tie's one-way part left out, that it did not return; 1 when it received nothing else)
    and ``sure = min(1, returned / ANSWER_RETURNED)``. Within ``[ANSWER_FLOOR, 1]``; 1 for
    a member who had nothing returned (a newcomer) or leaves at least ``ANSWER_KNEE`` of
    the rest unanswered."""
    short = np.clip(1.0 - _share_left(received, returned, own) / ANSWER_KNEE, 0.0, 1.0)
    sure = np.minimum(returned / enough, 1.0)
    factor: np.ndarray = 1.0 - (1.0 - ANSWER_FLOOR) * short * sure
    return factor


def receiver_factor(unreturned: np.ndarray, returned: np.ndarray) -> np.ndarray:
    """What the one-way part of a tie keeps of its weight, by the member it was given to:
    ``1 - (1 - RECEIVER_FLOOR) * short * sure`` with ``short = max(0, 1 - unreturned /
    RECEIVER_KNEE)`` (``unreturned``: the member's share of its own evidence not returned,
    ``(n,)``, 1 for a member who gave none) and ``sure = min(1, returned /
    RECEIVER_RETURNED)`` (``returned``: the ties returned to it, ``(n,)``). Within
    ``[RECEIVER_FLOOR, 1]``; 1 for a member who leaves at least ``RECEIVER_KNEE`` of its
    evidence unreturned or had none returned."""
    short = np.clip(1.0 - unreturned / RECEIVER_KNEE, 0.0, 1.0)
    sure = np.minimum(returned / RECEIVER_RETURNED, 1.0)
    factor: np.ndarray = 1.0 - (1.0 - RECEIVER_FLOOR) * short * sure
    return factor


def one_way_share(unreturned: np.ndarray) -> np.ndarray:
    """How members' shares of unreturned evidence ``(n,)`` in ``[0, 1]`` count in their
    one-way ties' weight: unchanged up to :data:`UNRETURNED_KNEE`, then rising twice as
    fast (``(1 - knee) / (full - knee)``), 1 from :data:`UNRETURNED_FULL` on. Increasing
    and never below the share itself."""
    knee, full = UNRETURNED_KNEE, UNRETURNED_FULL
    steep = np.minimum(knee + (unreturned - knee) * ((1.0 - knee) / (full - knee)), 1.0)
    counted: np.ndarray = np.maximum(unreturned, steep)
    return counted


def _row_sums(values: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Sums of ``values`` (one per CSR entry) over each row, ``(n,)`` float64."""
    totals = np.concatenate([[0.0], np.cumsum(values, dtype=np.float64)])
    sums: np.ndarray = totals[indptr[1:]] - totals[indptr[:-1]]
    return sums


def _scaled(mass: np.ndarray, degree: np.ndarray) -> tuple[np.ndarray, float]:
    """``mass / degree`` scaled so that its mass-weighted mean is 1 (a well-mixed honest
    member scores about 1 whatever the size of the rest of the graph), and the scale."""
    per_tie = mass / degree
    spread = float(np.dot(mass, per_tie))
    scale = 1.0 / spread if spread > 0 else 1.0
    return per_tie * scale, scale


def _trust_walk(
    ties: sp.csr_array,
    degree: np.ndarray,
    seed_idx: np.ndarray,
    iterations: int,
    tol: float,
    conserved: Conserved | None = None,
) -> np.ndarray:
    """``iterations`` steps of the reputation walk from the uniform distribution on
    ``seed_idx``; returns the float64 mass ``(n,)`` (it sums to 1: nothing is lost).

    One step: ``x <- ONE_WAY_TIE * (T + T.T) @ (x / d) + x * (1 - degree / d)`` with
    ``d = max(degree, WALK_DEGREE_FLOOR)``: two float32 sparse products (a gather along
    out-ties, a scatter along in-ties through the CSC view, no transposed copy), and O(n)
    vector work, in place."""
    n = degree.size
    send, keep = _walk_factors(degree)
    lazy = bool(np.any(keep > 0))
    ties_t = ties.T  # CSC view, no copy: a product with it scatters along in-ties
    mass = np.zeros(n, dtype=np.float32)
    mass[seed_idx] = 1.0 / seed_idx.size
    buffer = np.empty(n, dtype=np.float32)
    before = mass  # the mass two steps back
    for step in range(iterations):
        np.multiply(mass, send, out=buffer)
        moved: np.ndarray = ties @ buffer
        moved += ties_t @ buffer
        if conserved is not None:
            givers, receivers, weights, strength = conserved
            given, back = buffer[givers], buffer[receivers]
            excess = np.maximum(back - given, 0.0) * np.float32(strength)
            moved += np.bincount(givers, weights=weights * (back - excess), minlength=n).astype(
                np.float32
            )
            moved += np.bincount(receivers, weights=weights * (given + excess), minlength=n).astype(
                np.float32
            )
        if lazy:
            moved += mass * keep
        if tol and step % 2 == 1:
            np.subtract(moved, before, out=buffer)
            if float(np.abs(buffer, out=buffer).sum(dtype=np.float64)) <= tol:
                return moved.astype(np.float64)
            before = moved
        mass = moved
    return mass.astype(np.float64)


def _distrust_received(
    g: TrustGraph, mass: np.ndarray, degree: np.ndarray, ties: np.ndarray
) -> np.ndarray | None:
    """What each member receives along reports in the reputation walk's units: a reporter
    ``u`` sends ``mass[u] * ONE_WAY_TIE * tie(u, v) * report(u, v) / max(degree(u), floor)``
    along each report, where ``tie(u, v)`` is what the report weighs in the walk (``ties``,
    one per entry of the merged evidence; see :func:`one_way_weights`: less when it is
    one-way between members who return their ties) and ``report(u, v)`` its strength, 1
    for a full report (weight -1 or stronger) and in proportion below. ``None`` when nobody
    reports anyone. Read from the merged evidence (reports are its negative entries), so
    that the walk does not pay the split of trust from distrust."""
    merged = g._merged
    positions = np.flatnonzero(merged.data < 0)
    if positions.size == 0:
        return None
    reporters = np.searchsorted(merged.indptr, positions, side="right") - 1
    sent = mass[reporters] / np.maximum(degree[reporters], WALK_DEGREE_FLOOR)
    strength = np.minimum(-merged.data[positions], 1.0)
    carried = ONE_WAY_TIE * ties[positions].astype(np.float64) * strength * sent
    received: np.ndarray = np.bincount(
        merged.indices[positions], weights=carried, minlength=g.num_nodes
    )
    return received


# --- Personalised trust -----------------------------------------------------------------------


def personal_trust(
    g: TrustGraph,
    viewer: int | Iterable[int] | np.ndarray,
    *,
    alpha: float = 0.15,
    tol: float = 3e-5,
    distrust_weight: float = 1.0,
) -> np.ndarray:
    """Trust from ``viewer``'s point of view, ``(n,)`` float, higher = more trusted.

    Personalised PageRank on the trust edges, restarting with probability ``alpha`` on the
    viewer (or uniformly on a set of viewers, e.g. a circle's members); a member passes its
    trust along its evidence in proportion to the weights over at least
    :data:`OUT_WEIGHT_FLOOR` (one full vouch), the rest restarting at the viewers, so a
    member whose only evidence is one vouch for an account cannot hand it all its trust
    (:func:`explain` gives paths the same shares). Approximated by a
    local push that touches only members near the viewer: each value is within about
    ``tol * out_degree`` of the exact one, and members out of reach score 0. The viewers
    themselves keep their restart mass. Distrust from members the viewer trusts subtracts
    what they send along their reports (``distrust_weight`` scales it).
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be in (0, 1), got {alpha}")
    if not tol > 0:
        raise ValueError(f"tol must be positive, got {tol}")
    n = g.num_nodes
    viewers = _as_nodes(viewer, g, "viewer")
    if n == 0 or viewers.size == 0:
        return np.zeros(n)
    mass, touched = _local_push(g, viewers, alpha, tol)
    if g.distrust.nnz and distrust_weight:
        mass -= distrust_weight * _local_distrust(g, mass, touched)
    return mass


def _local_push(
    g: TrustGraph, viewers: np.ndarray, alpha: float, tol: float
) -> tuple[np.ndarray, np.ndarray]:
    """Frontier-batched forward push (Andersen-Chung-Lang) for personalised PageRank.

    Every node whose residual exceeds ``tol`` per out-edge pushes at once, so each round is a
    handful of vectorised numpy calls. Returns the estimate and the nodes that hold mass.
    """
    n = g.num_nodes
    indptr, indices, data = g.trust.indptr, g.trust.indices, g.trust.data
    degree = g.trust_degree
    inv_out = g._inv_trust_out
    estimate = np.zeros(n)
    residual = np.zeros(n)
    restart = 1.0 / viewers.size
    residual[viewers] = restart
    active = viewers
    touched = [viewers]
    while active.size:
        pushed = residual[active]
        residual[active] = 0.0
        estimate[active] += alpha * pushed
        spread = (1.0 - alpha) * pushed
        # What a member does not pass on (all of it when it trusts nobody, as PageRank's
        # dangling nodes; the part below OUT_WEIGHT_FLOOR otherwise) restarts at the viewers.
        kept = 1.0 - g.trust_out[active] * inv_out[active]
        back = float(np.dot(spread, kept))
        positions, owner = gather_rows(indptr, active)
        targets = indices[positions]
        if targets.size:
            share = (spread * inv_out[active])[owner] * data[positions]
            np.add.at(residual, targets, share)
        if back > 1e-300:
            residual[viewers] += back * restart
            targets = np.concatenate([targets, viewers])
        candidates = np.unique(targets)
        active = candidates[residual[candidates] >= tol * np.maximum(degree[candidates], 1)]
        touched.append(active)
    return estimate, np.unique(np.concatenate(touched))


def _local_distrust(g: TrustGraph, mass: np.ndarray, holders: np.ndarray) -> np.ndarray:
    """Distrust ``v`` receives: ``sum_u mass[u] * |neg(u, v)| / total_out(u)``, computed
    only over the rows of the members that hold mass."""
    result = np.zeros(g.num_nodes)
    holders = holders[g.distrust_out[holders] > 0]
    if holders.size == 0:
        return result
    positions, owner = gather_rows(g.distrust.indptr, holders)
    total_out = g.trust_out[holders] + g.distrust_out[holders]
    share = (np.maximum(mass[holders], 0.0) / total_out)[owner] * g.distrust.data[positions]
    np.add.at(result, g.distrust.indices[positions], share)
    return result


# --- Explanations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PathEdge:
    """One step of a trust path. ``weight`` is the merged trust ``source -> target``;
    ``kind`` and ``label`` are those of its strongest piece of evidence (``KIND_UNKNOWN`` and
    the edge's position when the graph was built without them); ``labels`` lists all."""

    source: int
    target: int
    weight: float
    kind: int
    label: object
    labels: tuple[object, ...] = ()


@dataclass(frozen=True)
class TrustPath:
    """A path ``viewer -> ... -> target``; ``strength`` is the product of each step's share
    of its voucher's trust (the probability the trust walk takes this path), in ``(0, 1]``."""

    nodes: tuple[int, ...]
    edges: tuple[PathEdge, ...]
    strength: float = field(default=0.0)


def explain(
    g: TrustGraph,
    viewer: int,
    target: int,
    k: int = 3,
    *,
    max_hops: int = 4,
    max_expansions: int = 20_000,
) -> list[TrustPath]:
    """The ``k`` strongest simple trust paths from ``viewer`` to ``target`` with at most
    ``max_hops`` edges, best first (empty when there is none or ``viewer == target``).

    Best-first enumeration of paths by cost ``-log(strength)``, pruned to members within
    reach of ``target`` (a backward search of ``max_hops``); ``max_expansions`` bounds the
    work on dense graphs, so with a tiny budget some paths may be missed.
    """
    n = g.num_nodes
    viewer_i = int(as_index_array(viewer, n, "viewer"))
    target_i = int(as_index_array(target, n, "target"))
    if k < 1 or max_hops < 1:
        raise ValueError("k and max_hops must be at least 1")
    if viewer_i == target_i:
        return []
    hops_to_target = _hops_to(g, target_i, max_hops)
    if hops_to_target.get(viewer_i, max_hops + 1) > max_hops:
        return []
    indptr, indices, data = g.trust.indptr, g.trust.indices, g.trust.data
    heap: list[tuple[float, int, tuple[int, ...]]] = [(0.0, 0, (viewer_i,))]
    counter = 1
    found: list[tuple[float, tuple[int, ...]]] = []
    expansions = 0
    while heap and len(found) < k and expansions < max_expansions:
        cost, _, path = heapq.heappop(heap)
        node = path[-1]
        if node == target_i:
            found.append((cost, path))
            continue
        expansions += 1
        remaining = max_hops - (len(path) - 1) - 1
        lo, hi = indptr[node], indptr[node + 1]
        inv_out = g._inv_trust_out[node]
        for nbr, w in zip(indices[lo:hi].tolist(), data[lo:hi].tolist(), strict=True):
            if hops_to_target.get(nbr, max_hops + 1) > remaining or nbr in path:
                continue
            heapq.heappush(heap, (cost - math.log(w * inv_out), counter, (*path, nbr)))
            counter += 1
    return [
        TrustPath(
            nodes=path,
            edges=tuple(_path_edge(g, u, v) for u, v in zip(path[:-1], path[1:], strict=True)),
            strength=math.exp(-cost),
        )
        for cost, path in found
        if math.exp(-cost) > 0.0  # a strength that underflows to 0 explains nothing
    ]


def _hops_to(g: TrustGraph, target: int, max_hops: int) -> dict[int, int]:
    """Members that reach ``target`` in at most ``max_hops`` trust edges, with the hops."""
    reverse = g._reverse_trust()
    hops = {target: 0}
    frontier = np.array([target], dtype=np.int64)
    for depth in range(1, max_hops + 1):
        positions, _ = gather_rows(reverse.indptr, frontier)
        nxt = np.unique(reverse.indices[positions])
        nxt = np.array([v for v in nxt.tolist() if v not in hops], dtype=np.int64)
        if nxt.size == 0:
            break
        for v in nxt.tolist():
            hops[v] = depth
        frontier = nxt
    return hops


def _path_edge(g: TrustGraph, u: int, v: int) -> PathEdge:
    lo, hi = g.trust.indptr[u], g.trust.indptr[u + 1]
    pos = lo + int(np.searchsorted(g.trust.indices[lo:hi], v))
    weight = float(g.trust.data[pos])
    found = g._evidence_between(u, v)
    _, _, raw_weight, kinds, labels = g._evidence
    found = found[raw_weight[found] > 0]
    # Strongest evidence first; ties keep the input order (stable sort).
    found = found[np.argsort(-raw_weight[found], kind="stable")]
    all_labels = tuple(labels[found].tolist()) if labels is not None else tuple(found.tolist())
    best = found[0] if found.size else -1
    kind = int(kinds[best]) if kinds is not None and best >= 0 else KIND_UNKNOWN
    return PathEdge(u, v, weight, kind, all_labels[0] if all_labels else None, all_labels)


# --- A circle's view of an applicant ----------------------------------------------------------


@dataclass(frozen=True)
class CircleView:
    """How a circle sees an applicant.

    * ``trust``: ``(n,)`` trust received from the circle's members, per unit of evidence
      (see :func:`circle_view`);
    * ``member_scores``: ``(k,)`` the same for each member (the circle's own distribution);
    * ``applicant_score``: the applicant's value;
    * ``admission_score``: in ``[0, 1]``, ``applicant_score / median(member_scores)``
      capped at 1 (see :func:`admission_score`).

    A caller admits when ``admission_score >= threshold`` with the circle's threshold in
    ``[0, 1]``, e.g. :data:`DEFAULT_ADMISSION_THRESHOLD` = 0.75: "the circle trusts the
    applicant, per unit of evidence, at least three quarters as much as its median member".
    Because in-weight counts as at least :data:`EVIDENCE_FLOOR` (two full vouches), one
    trusted vouch scores about 0.5 and two or three about 1; an applicant vouched for only
    by accounts the circle's trust does not reach (e.g. Sybils) scores 0.
    """

    trust: np.ndarray
    member_scores: np.ndarray
    applicant_score: float
    admission_score: float

    def admits(self, threshold: float = DEFAULT_ADMISSION_THRESHOLD) -> bool:
        return self.admission_score >= threshold


def circle_view(
    g: TrustGraph,
    members: Iterable[int] | np.ndarray,
    applicant: int,
    *,
    alpha: float = 0.15,
    tol: float = 3e-5,
    evidence_floor: float = EVIDENCE_FLOOR,
) -> CircleView:
    """A circle's view of ``applicant``: trust personalised on the circle's admitted
    ``members`` (the applicant is left out of them), minus the restart mass each member
    gives itself, divided by in-weight (at least ``evidence_floor``) so that a newcomer
    with a few vouches from trusted members compares with members vouched for by many.
    ``tol`` is per member of the circle so that large circles keep their precision.
    """
    n = g.num_nodes
    applicant_i = int(as_index_array(applicant, n, "applicant"))
    member_idx = _as_nodes(members, g, "members")
    member_idx = member_idx[member_idx != applicant_i]
    if member_idx.size == 0:
        return CircleView(np.zeros(n), np.zeros(0), 0.0, 0.0)
    mass = personal_trust(g, member_idx, alpha=alpha, tol=tol / member_idx.size)
    mass[member_idx] -= alpha / member_idx.size
    trust = _normalise_by_evidence(np.maximum(mass, 0.0), g.trust_in, evidence_floor)
    trust *= float(g.trust_in.sum()) or 1.0
    member_scores = trust[member_idx]
    applicant_score = float(trust[applicant_i])
    return CircleView(
        trust, member_scores, applicant_score, admission_score(member_scores, applicant_score)
    )


def admission_score(member_scores: np.ndarray, applicant_score: float) -> float:
    """``applicant_score`` relative to the median of ``member_scores`` ``(k,)``, capped to
    ``[0, 1]``: 1 means "trusted like the circle's median member". 0 for a non-positive
    applicant score (nobody in the circle's reach vouches for them) or an empty circle; 1
    when the members' median is 0 and the applicant's score is positive. Works with any
    non-negative score, e.g. :func:`reputation` values of the circle's members."""
    scores = np.asarray(member_scores, dtype=np.float64)
    if not math.isfinite(applicant_score) or not np.all(np.isfinite(scores)):
        raise ValueError("scores must be finite")
    if applicant_score <= 0 or scores.size == 0:
        return 0.0
    median = float(np.median(scores))
    if median <= 0:
        return 1.0
    return float(min(1.0, applicant_score / median))
