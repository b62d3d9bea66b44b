"""Tests for the trust engine: plain pytest + hypothesis, no Django, no database."""

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelles.engine import trust as trust_module
from passerelles.engine.trust import (
    ANSWER_FLOOR,
    ANSWER_KNEE,
    ANSWER_RETURNED,
    BASE_WEIGHTS,
    CONSERVED_RETURNED_FULL,
    CONSERVED_RETURNED_KNEE,
    FEW_RECEIVED,
    GIVER_ACTIVE,
    GIVER_FLOOR,
    GIVER_KNEE,
    GIVER_RETURNED,
    KIND_ENDORSEMENT,
    KIND_MEETING,
    KIND_REPORT,
    KIND_UNKNOWN,
    KIND_VOUCH,
    ONE_WAY_TIE,
    ONE_WAY_TIE_FLOOR,
    ONLY_TIE_FLOOR,
    ONLY_TIE_RETURNED,
    OUT_WEIGHT_FLOOR,
    RECEIVER_FLOOR,
    RECEIVER_KNEE,
    RECEIVER_RETURNED,
    REPORT_PENALTY,
    UNRETURNED_FULL,
    UNRETURNED_KNEE,
    UNVOUCHED_CAP_MASS,
    UNVOUCHED_CEILING_FLOOR,
    WALK_DEGREE_FLOOR,
    TrustGraph,
    _walk,
    admission_score,
    answer_factor,
    circle_view,
    conservation_strength,
    evidence_weights,
    explain,
    giver_factor,
    one_way_share,
    personal_trust,
    receiver_factor,
    reputation,
    reputation_walk,
    returned_share,
    seeds_returned_share,
    unvouched_ceiling,
    unvouched_scores,
    vouched_from_seeds,
)

# --- helpers ---------------------------------------------------------------------------------


def graph(edges, n, **kwargs):
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    w = np.array([e[2] if len(e) > 2 else 1.0 for e in edges], dtype=np.float64)
    return TrustGraph.from_edges(src, dst, w, num_nodes=n, **kwargs)


def exact_ppr(g, viewers, alpha=0.15):
    """Dense personalised PageRank: a member passes its trust over max(out-weight, one
    vouch); the rest (all of it for members who trust nobody) restarts on the viewers."""
    n = g.num_nodes
    dense = g.trust.toarray()
    out = dense.sum(axis=1)
    start = np.zeros(n)
    start[viewers] = 1.0 / len(viewers)
    trans = dense / np.maximum(out, OUT_WEIGHT_FLOOR)[:, None]
    trans += (1.0 - trans.sum(axis=1))[:, None] * start[None, :]
    return np.linalg.solve(np.eye(n) - (1 - alpha) * trans.T, alpha * start)


def community(n_honest=400, n_circles=10, n_sybils=100, attack_edges=5, seed=0):
    """Small honest graph of dense circles with reciprocated vouches, plus a Sybil ring that
    vouches densely for itself and receives ``attack_edges`` vouches from honest members."""
    rng = np.random.default_rng(seed)
    src, dst = [], []
    circle_of = rng.integers(0, n_circles, n_honest)
    for c in range(n_circles):
        members = np.flatnonzero(circle_of == c)
        for u in members:
            for v in rng.choice(members, size=min(6, members.size), replace=False):
                if u != v:
                    src += [u, v]
                    dst += [v, u]
    for _ in range(n_honest):  # bridges between circles
        u, v = rng.integers(0, n_honest, 2)
        src.append(u)
        dst.append(v)
    sybils = np.arange(n_honest, n_honest + n_sybils)
    for u in sybils:
        for v in rng.choice(sybils, size=10, replace=False):
            src.append(u)
            dst.append(v)
    # Attack edges drawn apart, so that rings of different sizes face the same attackers.
    attack = np.random.default_rng(seed + 1)
    attackers = attack.integers(0, n_honest, attack_edges)
    for u, v in zip(attackers, attack.choice(n_sybils, attack_edges), strict=True):
        src.append(u)
        dst.append(n_honest + v)
    return np.array(src), np.array(dst), n_honest, sybils, circle_of


# --- evidence --------------------------------------------------------------------------------


def test_evidence_weights_kinds_strength_and_decay():
    w = evidence_weights(
        np.array([KIND_VOUCH, KIND_MEETING, KIND_ENDORSEMENT, KIND_REPORT]),
        np.array([1.0, 1.0, 0.5, 1.0]),
        np.array([0.0, 730.0, 0.0, 0.0]),
    )
    assert w.tolist() == pytest.approx(
        [
            BASE_WEIGHTS[KIND_VOUCH],
            BASE_WEIGHTS[KIND_MEETING] / 2,
            BASE_WEIGHTS[KIND_ENDORSEMENT] / 2,
            -1.0,
        ]
    )
    assert (
        BASE_WEIGHTS[KIND_VOUCH] > BASE_WEIGHTS[KIND_MEETING] > BASE_WEIGHTS[KIND_ENDORSEMENT] > 0
    )
    assert evidence_weights(KIND_VOUCH, 1.0, 365, half_life_days=365) == pytest.approx(0.5)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": 9},
        {"kind": np.array([0.5])},
        {"kind": 0, "strength": 1.5},
        {"kind": 0, "strength": np.nan},
        {"kind": 0, "age_days": -1},
        {"kind": 0, "half_life_days": 0},
    ],
)
def test_evidence_weights_rejects_bad_input(kwargs):
    with pytest.raises(ValueError):
        evidence_weights(**kwargs)


# --- graph construction ----------------------------------------------------------------------


def test_from_edges_validates_inputs():
    with pytest.raises(ValueError, match="same length"):
        TrustGraph.from_edges(np.array([0, 1]), np.array([1]), np.array([1.0, 1.0]))
    with pytest.raises(ValueError, match="NaN"):
        TrustGraph.from_edges(np.array([0]), np.array([1]), np.array([np.nan]))
    with pytest.raises(ValueError, match="outside"):
        TrustGraph.from_edges(np.array([-1]), np.array([1]), np.array([1.0]), num_nodes=3)
    with pytest.raises(ValueError, match="outside"):
        TrustGraph.from_edges(np.array([0]), np.array([3]), np.array([1.0]), num_nodes=3)
    with pytest.raises(ValueError, match="kind"):
        TrustGraph.from_edges(np.array([0]), np.array([1]), np.array([1.0]), kind=np.array([0, 1]))
    with pytest.raises(ValueError, match="label"):
        TrustGraph.from_edges(np.array([0]), np.array([1]), np.array([1.0]), label=np.array([]))


def test_self_loops_ignored_duplicates_merged_signs_split():
    g = graph([(0, 0, 5.0), (0, 1, 1.0), (0, 1, 0.5), (1, 2, -1.0), (2, 0, 1.0), (2, 0, -1.0)], 3)
    assert g.trust.toarray().tolist() == [[0, 1.5, 0], [0, 0, 0], [0, 0, 0]]
    assert g.distrust.toarray().tolist() == [[0, 0, 0], [0, 0, 1.0], [0, 0, 0]]
    assert g.trust_out.tolist() == [1.5, 0, 0]
    assert g.trust_in.tolist() == [0, 1.5, 0]


def test_empty_and_isolated_graphs():
    empty = TrustGraph.from_edges(np.array([], dtype=int), np.array([], dtype=int), np.array([]))
    assert empty.num_nodes == 0
    assert reputation(empty, []).shape == (0,)
    isolated = TrustGraph.from_edges(np.array([], dtype=int), np.array([], dtype=int), num_nodes=4)
    r = reputation(isolated, [0])  # the seed keeps its own mass
    assert r[0] > 0 and r[1:].tolist() == [0.0] * 3
    t = personal_trust(isolated, 2)
    assert t[2] > 0 and np.count_nonzero(t) == 1
    assert explain(isolated, 0, 1) == []
    assert circle_view(isolated, [0, 1], 2).admission_score == 0.0


def test_api_rejects_bad_nodes_and_parameters():
    g = graph([(0, 1)], 3)
    with pytest.raises(ValueError, match="seeds"):
        reputation(g, [3])
    with pytest.raises(ValueError, match="viewer"):
        personal_trust(g, -1)
    with pytest.raises(ValueError, match="alpha"):
        personal_trust(g, 0, alpha=1.0)
    with pytest.raises(ValueError, match="tol"):
        personal_trust(g, 0, tol=0)
    with pytest.raises(ValueError, match="target"):
        explain(g, 0, 7)
    with pytest.raises(ValueError, match="applicant"):
        circle_view(g, [0], 3)
    with pytest.raises(ValueError, match="finite"):
        admission_score(np.array([1.0]), float("nan"))


# --- reputation -----------------------------------------------------------------------------


def test_reputation_resists_a_sybil_ring_of_any_size():
    src, dst, n_honest, _, _ = community(n_sybils=100, attack_edges=3)
    small = TrustGraph.from_edges(src, dst)
    r_small = reputation(small, np.arange(0, n_honest, 20), iterations=10)
    src2, dst2, _, _, _ = community(n_sybils=1000, attack_edges=3)
    big = TrustGraph.from_edges(src2, dst2)
    r_big = reputation(big, np.arange(0, n_honest, 20), iterations=10)
    for r, n in ((r_small, small.num_nodes), (r_big, big.num_nodes)):
        honest, sybil = r[:n_honest], r[n_honest:n]
        assert np.quantile(honest, 0.05) > sybil.max()

    # A ten times larger ring does not lift its best account.
    assert r_big[n_honest:].max() <= 1.2 * r_small[n_honest:].max()


def test_distrust_lowers_reputation():
    # Once the walk has mixed around 3 (its default two steps on four members barely reach
    # it, and a report is also a tie that brings mass to 3 sooner).
    edges = [(0, 1), (1, 0), (0, 2), (2, 0), (1, 2), (2, 1), (0, 3), (1, 3), (3, 0)]
    before = reputation(graph(edges, 4), [0], iterations=8)
    reported = graph([*edges, (2, 3, -1.0)], 4)
    after = reputation(reported, [0], iterations=8)
    assert after[3] < 0.95 * before[3]
    assert after[3] < 0.9 * reputation(reported, [0], iterations=8, distrust_weight=0)[3]
    assert reputation(reported, [0], iterations=8, distrust_weight=1)[3] < 0.8 * before[3]


def test_a_member_whose_ties_are_all_full_reports_scores_well_below_an_unreported_one():
    # 3 is reported by 1 and 2, 5 vouched for by the same two (equally connected). Members
    # only ever reported are reached by the walk (a report is a contact), but keep at most
    # half of what comes along reports (none at the full penalty); one reported by a faint
    # report keeps most of it. (Nobody vouches for 3 and 4: the penalty is looked at on
    # their walk's scores, before those of members nobody vouches for are compressed.)
    edges = [(0, 1), (1, 0), (0, 2), (2, 0), (1, 2), (2, 1)]
    g = graph([*edges, (1, 3, -1.0), (2, 3, -1.0), (2, 4, -0.1), (1, 5), (2, 5)], 6)
    mass, _ = reputation_walk(g, [0])
    assert mass[3] > 0
    for iterations in (None, 30):  # the default short walk, and one that has mixed
        r = reputation(g, [0], iterations=iterations, unvouched_mass=None)
        assert 0 <= r[3] <= 0.5 * r[5] + 1e-6
        # Compressed, never raised.
        assert reputation(g, [0], iterations=iterations)[3] <= r[3]
        full = reputation(g, [0], iterations=iterations, distrust_weight=1, unvouched_mass=None)
        assert full[3] == pytest.approx(0.0, abs=1e-6)
        unpenalised = reputation(
            g, [0], iterations=iterations, distrust_weight=0, unvouched_mass=None
        )
        assert r[4] > 0.8 * unpenalised[4]
    # Once mixed, the two score the same without the penalty: 3 keeps exactly half with it.
    assert unpenalised[3] == pytest.approx(unpenalised[5], rel=1e-4)
    assert r[3] == pytest.approx((1 - REPORT_PENALTY) * r[5], rel=1e-3)


def test_reports_connect_members_the_walk_would_otherwise_miss():
    # 3 is known to the circle only through a dispute with 2, and vouches for 4: 4 is
    # reached (as SybilRank reaches it), 3 itself is held down by the report.
    edges = [(0, 1), (1, 0), (0, 2), (2, 0), (1, 2), (2, 1), (2, 3, -0.2), (3, 4), (4, 3)]
    r = reputation(graph(edges, 5), [0])
    assert r[4] > 0
    assert r[3] < r[4]


def test_reputation_is_deterministic_and_scaled():
    src, dst, n_honest, _, _ = community()
    g = TrustGraph.from_edges(src, dst)
    a = reputation(g, np.arange(0, n_honest, 20))
    b = reputation(g, np.arange(0, n_honest, 20)[::-1])
    np.testing.assert_array_equal(a, b)
    assert 0.3 < np.median(a[:n_honest]) < 3  # well-mixed honest members score about 1


# --- personal trust and explanations ----------------------------------------------------------


def test_personal_trust_matches_exact_personalised_pagerank():
    src, dst, _, _, _ = community(n_honest=60, n_circles=3, n_sybils=10, attack_edges=2)
    g = TrustGraph.from_edges(src, dst)
    for viewers in ([0], [1, 5, 7]):
        approx = personal_trust(g, viewers, tol=1e-12)
        np.testing.assert_allclose(approx, exact_ppr(g, viewers), atol=1e-9)
    coarse = personal_trust(g, 0, tol=1e-4)
    assert np.abs(coarse - exact_ppr(g, [0])).max() < 1e-4 * g.trust_degree.max() * 5


def test_personal_trust_is_local():
    # Two disconnected halves: the viewer's half only.
    g = graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 3)], 5)
    t = personal_trust(g, 0)
    assert np.all(t[:3] > 0) and np.all(t[3:] == 0)


def test_explain_returns_best_paths_with_kinds_and_labels():
    src = np.array([0, 1, 0, 2, 0, 3, 3, 0])
    dst = np.array([1, 4, 2, 4, 3, 4, 4, 9])
    w = np.array([1.0, 1.0, 1.0, 0.2, 1.0, 0.3, 0.3, 1.0])
    kind = np.array([KIND_VOUCH, KIND_MEETING, KIND_VOUCH, KIND_ENDORSEMENT, KIND_VOUCH, 0, 1, 0])
    label = np.array([10, 11, 12, 13, 14, 15, 16, 17])
    g = TrustGraph.from_edges(src, dst, w, num_nodes=10, kind=kind, label=label)
    paths = explain(g, 0, 4, k=3)
    # 2's only evidence is one endorsement (0.2): it passes a fifth of its trust through it,
    # 3's two pieces (0.6) three fifths; the rest returns to the viewer.
    assert [p.nodes for p in paths] == [(0, 1, 4), (0, 3, 4), (0, 2, 4)]
    assert [p.strength for p in paths] == pytest.approx([0.25, 0.25 * 0.6, 0.25 * 0.2])
    first = paths[0].edges
    assert (first[0].kind, first[0].label, first[1].kind, first[1].label) == (0, 10, 1, 11)
    merged = paths[1].edges[1]
    assert merged.weight == pytest.approx(0.6) and merged.labels == (15, 16)
    assert [len(p) for p in (explain(g, 0, 4, k=1), explain(g, 4, 0), explain(g, 0, 0))] == [
        1,
        0,
        0,
    ]
    assert explain(g, 0, 4, k=3, max_hops=1) == []
    plain = graph([(0, 1), (1, 2)], 3)
    edge = explain(plain, 0, 2)[0].edges[1]
    assert (edge.kind, edge.label) == (KIND_UNKNOWN, 1)


def test_explain_prefers_the_strongest_path_over_a_shorter_weak_one():
    # Direct endorsement (weak share of 0's trust) vs a strong two-step vouch chain.
    g = graph([(0, 3, 0.1), (0, 1, 5.0), (1, 3, 1.0)], 4)
    assert [p.nodes for p in explain(g, 0, 3, k=2)] == [(0, 1, 3), (0, 3)]


# --- circle view and acceleration -------------------------------------------------------------


def add_applicant(src, dst, vouchers):
    applicant = max(src.max(), dst.max()) + 1
    return (
        np.concatenate([src, np.asarray(vouchers)]),
        np.concatenate([dst, np.full(len(vouchers), applicant)]),
        applicant,
    )


def test_admission_score():
    scores = np.array([1.0, 2.0, 3.0, 5.0])
    assert admission_score(scores, 1.25) == 0.5
    assert admission_score(scores, 10) == 1.0
    assert admission_score(scores, 0.0) == 0.0
    assert admission_score(np.array([]), 1.0) == 0.0
    assert admission_score(np.zeros(3), 0.1) == 1.0


def test_newcomer_vouched_by_trusted_members_is_accelerated_sybil_one_is_not():
    src, dst, n_honest, sybils, circle_of = community(attack_edges=5)
    seeds = np.arange(0, n_honest, 20)
    base = reputation(TrustGraph.from_edges(src, dst), seeds)
    median = np.median(base[:n_honest])
    # The circle whose members are most often above the median; its trusted members vouch.
    above = base[:n_honest] > median
    circle_id = np.argmax(np.bincount(circle_of[above], minlength=circle_of.max() + 1))
    circle = np.flatnonzero(circle_of == circle_id)
    trusted = circle[above[circle]]
    rng = np.random.default_rng(1)
    wins = 0
    for _ in range(10):
        vouchers = rng.choice(trusted, 3, replace=False)
        s, d, newcomer = add_applicant(src, dst, vouchers)
        g = TrustGraph.from_edges(s, d)
        wins += reputation(g, seeds)[newcomer] > median
        assert circle_view(g, circle, newcomer).admits()
    assert wins >= 8

    s, d, fake = add_applicant(src, dst, rng.choice(sybils, 50, replace=False))
    g = TrustGraph.from_edges(s, d)
    assert reputation(g, seeds)[fake] < median
    view = circle_view(g, circle, fake)
    assert not view.admits() and view.admission_score < 0.05
    assert view.member_scores.shape == (circle.size,) and view.trust.shape == (g.num_nodes,)


# --- properties -------------------------------------------------------------------------------

edge_lists = st.lists(
    st.tuples(
        st.integers(0, 7),
        st.integers(0, 7),
        st.floats(-2, 3, allow_nan=False, allow_infinity=False, allow_subnormal=False),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edge_lists, st.integers(0, 7), st.integers(0, 7), st.integers(0, 7), st.floats(0.05, 3))
def test_positive_edge_from_trusted_member_never_lowers_target_trust(edges, viewer, u, t, w):
    # Distrust may exist elsewhere, but not against the target (which a new positive edge
    # could strengthen indirectly, by raising the trust of its reporter).
    edges = [e for e in edges if not (e[1] == t and e[2] < 0)]
    before_g = graph(edges, 8)
    before = personal_trust(before_g, viewer, tol=1e-13)
    if before[u] <= 0:
        return  # u is not trusted by the viewer: the new edge changes nothing
    after = personal_trust(graph([*edges, (u, t, w)], 8), viewer, tol=1e-13)
    assert after[t] >= before[t] - 1e-9


@settings(max_examples=60, deadline=None)
@given(edge_lists, st.lists(st.integers(0, 7), min_size=1, max_size=4))
def test_reports_penalty_only_lowers_scores_and_grows_with_its_weight(edges, seeds):
    # The walk is the same whatever the penalty: a stronger one only takes more off.
    g = graph(edges, 8)
    none, default, full = (
        reputation(g, seeds, distrust_weight=w) for w in (0.0, REPORT_PENALTY, 1.0)
    )
    assert np.all(full >= 0)
    assert np.all(full <= default + 1e-12) and np.all(default <= none + 1e-12)


@settings(max_examples=60, deadline=None)
@given(edge_lists, st.lists(st.integers(0, 7), max_size=4), st.integers(0, 7))
def test_results_are_finite_and_deterministic(edges, seeds, viewer):
    g = graph(edges, 8)
    for compute in (
        lambda: reputation(g, seeds),
        lambda: personal_trust(g, viewer),
        lambda: personal_trust(g, seeds or [viewer]),
        lambda: circle_view(g, seeds, viewer).trust,
    ):
        first, second = compute(), compute()
        assert first.shape == (8,) and np.all(np.isfinite(first))
        np.testing.assert_array_equal(first, second)
    target = (viewer + 1) % 8
    assert explain(g, viewer, target) == explain(graph(edges, 8), viewer, target)
    for path in explain(g, viewer, target):
        assert 0 < path.strength <= 1 and path.nodes[0] == viewer and path.nodes[-1] == target


def _unreturned(ties, report):
    """Share of the positive evidence each member gave that was not given back, as it
    counts in one-way ties: itself up to UNRETURNED_KNEE, then rising twice as fast (a
    straight line to 1 at UNRETURNED_FULL), 1 from there on."""
    positive = np.where(report, 0.0, ties)
    gave = positive.sum(axis=1)
    returned = np.minimum(positive, positive.T).sum(axis=1)
    share = np.where(gave > 0, 1 - returned / np.where(gave > 0, gave, 1), 1.0)
    slope = (1 - UNRETURNED_KNEE) / (UNRETURNED_FULL - UNRETURNED_KNEE)
    return np.where(
        share <= UNRETURNED_KNEE,
        share,
        np.minimum(1.0, UNRETURNED_KNEE + slope * (share - UNRETURNED_KNEE)),
    )


def _receiver_kept(ties, report):
    """What a one-way tie keeps by the member it was given to: RECEIVER_FLOOR for a member
    who returned at least RECEIVER_RETURNED ties and none of whose own evidence went
    unreturned, 1 from RECEIVER_KNEE unreturned on, linear in both between."""
    positive = np.where(report, 0.0, ties)
    gave = positive.sum(axis=1)
    returned = np.minimum(positive, positive.T).sum(axis=1)
    share = np.where(gave > 0, 1 - returned / np.where(gave > 0, gave, 1), 1.0)
    short = np.clip(1 - share / RECEIVER_KNEE, 0, 1)
    sure = np.minimum(returned / RECEIVER_RETURNED, 1)
    return 1 - (1 - RECEIVER_FLOOR) * short * sure


def _answer_kept(ties, report, enough=ANSWER_RETURNED):
    """What the one-way part of u -> v keeps by whether v answers the other vouches it
    received, (n, n): ANSWER_FLOOR when v returned all the positive evidence it received
    but this tie's one-way part, and had at least ``enough`` ties returned; 1 from
    ANSWER_KNEE of the rest unanswered on, or when v had nothing returned; linear in each
    between."""
    positive = np.where(report, 0.0, ties)
    received = positive.sum(axis=0)
    returned = np.minimum(positive, positive.T).sum(axis=1)
    kept = np.ones(ties.shape)
    for u in range(ties.shape[0]):
        for v in range(ties.shape[0]):
            own = ties[u, v] - min(ties[u, v], ties[v, u])
            rest = max(received[v] - own, 0.0)
            other = max(received[v] - returned[v] - own, 0.0) / rest if rest > 0 else 1.0
            short = min(max(1 - other / ANSWER_KNEE, 0.0), 1.0)
            sure = min(returned[v] / enough, 1.0)
            kept[u, v] = 1 - (1 - ANSWER_FLOOR) * short * sure
    return kept


def _giver_kept(ties, report):
    """What the one-way part of u -> v keeps by its giver u, (n, n): GIVER_FLOOR when u's
    other positive evidence (this tie's one-way part left out) was all returned, at least
    GIVER_RETURNED of it, and v gave at least GIVER_ACTIVE; 1 from GIVER_KNEE of u's other
    evidence unreturned on, or when v gave nothing; linear in each between."""
    positive = np.where(report, 0.0, ties)
    gave = positive.sum(axis=1)
    returned = np.minimum(positive, positive.T).sum(axis=1)
    kept = np.ones(ties.shape)
    for u in range(ties.shape[0]):
        for v in range(ties.shape[0]):
            own = ties[u, v] - min(ties[u, v], ties[v, u])
            rest = max(gave[u] - own, 0.0)
            other = max(gave[u] - returned[u] - own, 0.0) / rest if rest > 0 else 1.0
            short = min(max(1 - other / GIVER_KNEE, 0.0), 1.0)
            sure = min(returned[u] / GIVER_RETURNED, 1.0)
            active = min(gave[v] / GIVER_ACTIVE, 1.0)
            kept[u, v] = 1 - (1 - GIVER_FLOOR) * short * sure * active
    return kept


def _pair_weights(ties, report=None):
    """Dense symmetric walk weights of tie fractions ``ties`` (row u = evidence u gave;
    ``report``: the entries that are reports), written plainly: the mutual part
    min(tie(u, v), tie(v, u)) weighs 1; the rest, from each side, c(u, v) =
    ONE_WAY_TIE_FLOOR + (ONE_WAY_TIE - ONE_WAY_TIE_FLOOR) * min(unreturned(u),
    unreturned(v)) (a report: ONE_WAY_TIE), where unreturned is the share of the
    positive evidence a member gave that the other side did not give back (1 for a member
    who gave none), then cut by the receiver's and the giver's factors."""
    report = np.zeros(ties.shape, dtype=bool) if report is None else report
    mutual = np.minimum(ties, ties.T)
    unreturned = _unreturned(ties, report)
    c = ONE_WAY_TIE_FLOOR + (ONE_WAY_TIE - ONE_WAY_TIE_FLOOR) * np.minimum.outer(
        unreturned, unreturned
    )
    # By the member it was given to: the smaller of what its own evidence and its answers
    # to the other vouches it received allow; when the tie is its giver's only one, the
    # answers count from ONLY_TIE_RETURNED ties returned on, and it keeps at least
    # ONLY_TIE_FLOOR.
    by_receiver = np.minimum(_receiver_kept(ties, report)[None, :], _answer_kept(ties, report))
    only = np.minimum(by_receiver, _answer_kept(ties, report, ONLY_TIE_RETURNED))
    linked = (ties > 0).sum(axis=1) + (ties > 0).sum(axis=0)
    c = c * np.where((linked == 1)[:, None], np.maximum(only, ONLY_TIE_FLOOR), by_receiver)
    c = c * _giver_kept(ties, report)  # by the member who gave it, and whether v gives
    c = np.where(report, ONE_WAY_TIE, c)
    one_way = c * (ties - mutual)  # what u gave and v did not, at u's side's weight
    return mutual + one_way + one_way.T


def _reference_reputation(src, dst, w, n, seeds, tie_weight=0.05, iterations=None):
    """The reputation walk written plainly in float64, dense, step by step, on evidence of
    either sign (reports are ties too) and without reports' penalty: a mutual tie
    weighs 1 and a one-way tie between ONE_WAY_TIE_FLOOR and ONE_WAY_TIE, both ways; a
    member of degree below the floor keeps what its ties do not carry;
    score = mass / max(degree, floor), mean 1 by mass."""
    ties = np.zeros((n, n))
    for u, v, x in zip(src, dst, w, strict=True):
        if u != v:
            ties[u, v] += x
    report = ties < 0
    ties = np.minimum(1.0, np.abs(ties) / tie_weight)
    ties[ties < 1e-6] = 0.0
    sym = _pair_weights(ties, report)
    degree = sym.sum(axis=1)
    capped = np.maximum(degree, WALK_DEGREE_FLOOR)
    mass = np.zeros(n)
    mass[np.unique(seeds)] = 1 / np.unique(seeds).size
    steps = int(np.ceil(np.log2(max(n, 2)))) if iterations is None else iterations
    for _ in range(steps):
        mass = sym @ (mass / capped) + mass * (1 - degree / capped)
    per = mass / capped
    return per / np.dot(mass, per), mass


def test_newcomer_scores_like_its_vouchers():
    # A reciprocated ring: everyone scores the same; a newcomer vouched by 3 ring members
    # (one-way ties) scores like them.
    n = 12
    ring = [(i, (i + 1) % n) for i in range(n)] + [((i + 1) % n, i) for i in range(n)]
    vouches = [(0, n), (4, n), (8, n)]
    g = graph(ring + vouches, n + 1)
    r = reputation(g, np.arange(n), iterations=30)
    others = np.delete(r[:n], [0, 4, 8])
    assert r[n] >= 0.93 * np.median(others)


def test_reputation_float32_walks_match_a_float64_reference(monkeypatch):
    # The reference walks every tie both ways: no flow back cut (see FEW_RECEIVED).
    monkeypatch.setattr(trust_module, "FEW_RECEIVED", -1.0)
    rng = np.random.default_rng(3)
    n, m = 80, 500
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    w = rng.choice([0.01, 0.04, 0.2, 0.5, 1.0, -0.03, -1.0], m)
    got = reputation(
        TrustGraph.from_edges(src, dst, w, num_nodes=n),
        [0, 3, 9],
        tol=0,
        distrust_weight=0,
        unvouched_mass=None,
    )
    expected, mass = _reference_reputation(src, dst, w, n, [0, 3, 9])
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-6 * expected.max())
    walk, _ = reputation_walk(TrustGraph.from_edges(src, dst, w, num_nodes=n), [0, 3, 9], tol=0)
    np.testing.assert_allclose(walk, mass, rtol=1e-4, atol=1e-7)
    assert walk.sum() == pytest.approx(1.0, abs=1e-5)  # the walk loses nothing


def test_a_path_too_weak_to_represent_is_not_given_as_an_explanation():
    # Found by the property test above: strengths multiplying to below the smallest float.
    edges = [(1, 0, 1e-287), (1, 2, 1.0), (2, 0, 1.0), (2, 1, 1e-239), (7, 2, 1.0)]
    paths = explain(graph(edges, 8), 7, 0)
    assert [p.nodes for p in paths] == [(7, 2, 0)]  # not 7 -> 2 -> 1 -> 0, of strength 0.0
    assert 0 < paths[0].strength <= 1


# --- the mass entering a Sybil region is bounded by its attack edges -----------------------------

# Evidence of either sign: vouches, faint endorsements, upheld reports (Sybils may report
# each other or honest members; an honest member's report against a Sybil is an attack edge).
signed = st.sampled_from([1.0, 0.3, 0.02, -1.0, -0.2])
honest_edges = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 7), signed), min_size=1, max_size=30
)
ring_edges = st.lists(st.tuples(st.integers(8, 13), st.integers(0, 13), signed), max_size=40)
attack_edges = st.lists(st.tuples(st.integers(0, 7), st.integers(8, 13), signed), max_size=3)


def _ties(g) -> tuple[np.ndarray, np.ndarray]:
    """The graph's merged evidence and its ties as the engine reads them (each in [0, 1],
    a vouch of 0.05 a full tie, dust dropped)."""
    merged = g._merged.toarray()
    ties = np.minimum(np.abs(merged) / 0.05, 1.0)
    ties[ties < 1e-6] = 0.0
    return merged, ties


def _crossing_capacity(g, honest):
    """For each honest member, the weight of its ties (vouches or reports) into the rest
    (each tie ``h - s`` weighs ONE_WAY_TIE * (tie(h, s) + tie(s, h))) over
    max(degree(h), floor)."""
    merged, ties = _ties(g)
    sym = _pair_weights(ties, merged < 0)
    degree = sym.sum(axis=1)
    crossing = sym[np.ix_(honest, np.setdiff1d(np.arange(g.num_nodes), honest))].sum(axis=1)
    return crossing / np.maximum(degree[honest], WALK_DEGREE_FLOOR)


@settings(max_examples=80, deadline=None)
@given(honest_edges, ring_edges, attack_edges, st.lists(st.integers(0, 7), min_size=1, max_size=3))
def test_mass_entering_the_sybil_region_is_bounded_by_the_attack_edges(
    honest_e, ring_e, attack_e, seeds
):
    # Sybils 8..13 tie to each other and vouch for (or report) honest members 0..7 as they
    # like; honest members vouch for or report Sybils only along ``attack_e``. Each step,
    # the Sybil region gains at most what the crossing ties carry from the honest mass, and
    # after k steps at most k * sum(crossing capacity): a bound fixed by the honest side and
    # the crossing ties, not by the ring's size or shape (its vouches for honest members are
    # one-way ties).
    g = graph([*honest_e, *ring_e, *attack_e], 14)
    honest = np.arange(8)
    capacity = _crossing_capacity(g, honest)
    before, _ = reputation_walk(g, seeds, iterations=0, tol=0)
    for k in range(1, 7):
        after, _ = reputation_walk(g, seeds, iterations=k, tol=0)
        gained = after[8:].sum() - before[8:].sum()
        assert gained <= np.dot(capacity, before[honest]) + 1e-6
        assert after[8:].sum() <= k * capacity.sum() + 1e-6
        before = after


@settings(max_examples=60, deadline=None)
@given(honest_edges, ring_edges, st.lists(st.integers(0, 7), min_size=1, max_size=3))
def test_a_sybil_region_without_attack_edges_from_honest_members_gets_at_most_half_ties(
    honest_e, ring_e, seeds
):
    # With no honest vouch for a Sybil, what reaches the ring only flows back along its own
    # one-way vouches for honest members, at half a tie each.
    g = graph([*honest_e, *ring_e], 14)
    mass, degree = reputation_walk(g, seeds, iterations=6, tol=0)
    capacity = _crossing_capacity(g, np.arange(8))
    assert mass[8:].sum() <= 6 * capacity.sum() + 1e-6
    assert mass.sum() == pytest.approx(1.0, abs=1e-5)


def test_a_member_with_one_tie_cannot_send_its_whole_mass_through_it():
    # Seed 0 vouches only for a Sybil (1) that vouches back; the Sybil also ties to a ring.
    edges = [(0, 1), (1, 0), (1, 2), (2, 1), (2, 3), (3, 2)]
    g = graph(edges, 4)
    mass, degree = reputation_walk(g, [0], iterations=1)
    assert degree[0] == 1.0
    assert mass[1] <= 1.0 / max(degree[0], WALK_DEGREE_FLOOR) + 1e-7
    # A single one-way vouch for a member who returns its own ties: ONE_WAY_TIE_FLOOR,
    # less as the member has had more of its ties returned (here one), and as it answers
    # the other vouches it received (here the only other one, answered; the giver's only
    # tie: counted from ONLY_TIE_RETURNED ties returned), but no less than ONLY_TIE_FLOOR.
    one_way = graph([(0, 1), (1, 2), (2, 1)], 3)
    mass, degree = reputation_walk(one_way, [0], iterations=1)
    kept = min(
        1 - (1 - RECEIVER_FLOOR) / RECEIVER_RETURNED,
        1 - (1 - ANSWER_FLOOR) * min(1 / ONLY_TIE_RETURNED, 1),
    )
    kept = max(kept, ONLY_TIE_FLOOR)
    assert degree[0] == pytest.approx(ONE_WAY_TIE_FLOOR * kept)
    sent = ONE_WAY_TIE_FLOOR * kept / WALK_DEGREE_FLOOR  # below the floor: it keeps the rest
    assert mass[1] == pytest.approx(sent, abs=1e-7)
    assert mass[0] == pytest.approx(1 - sent, abs=1e-7)  # kept, not sent
    # Between members who never return a tie (voters and candidates): half a tie.
    voters = graph([(0, 1), (2, 1)], 3)
    _, degree = reputation_walk(voters, [0], iterations=1)
    assert degree[0] == pytest.approx(ONE_WAY_TIE)


@settings(max_examples=60, deadline=None)
@given(honest_edges, ring_edges, st.lists(st.integers(0, 7), min_size=1, max_size=3))
def test_unsolicited_vouches_weigh_no_more_than_the_honest_member_allows(honest_e, ring_e, seeds):
    # Sybils' one-way vouches for an honest member weigh at most what that member's own
    # unreturned share allows: ONE_WAY_TIE_FLOOR when the member returns all its vouches,
    # whatever the ring does (leaving its own vouches unreturned does not raise it).
    g = graph([*honest_e, *ring_e], 14)
    merged, ties = _ties(g)
    report = merged < 0
    unreturned = _unreturned(ties, report)
    sym = _pair_weights(ties, report)
    mutual = np.minimum(ties, ties.T)
    for h in range(8):
        for s in range(8, 14):
            if report[s, h] or report[h, s]:
                continue  # upheld reports keep half a tie
            one_way = ties[h, s] + ties[s, h] - 2 * mutual[h, s]
            cap = ONE_WAY_TIE_FLOOR + (ONE_WAY_TIE - ONE_WAY_TIE_FLOOR) * unreturned[h]
            assert sym[h, s] <= mutual[h, s] + cap * one_way + 1e-9
    # The walk uses exactly these weights: its degrees are their row sums.
    _, degree = reputation_walk(g, seeds, iterations=0)
    np.testing.assert_allclose(degree, sym.sum(axis=1), atol=1e-6)


mutual_honest_edges = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 7), st.sampled_from([1.0, 0.3, 0.02])),
    min_size=1,
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(mutual_honest_edges, ring_edges, st.lists(st.integers(0, 7), min_size=1, max_size=3))
def test_vouches_a_member_who_returns_its_ties_did_not_return_weigh_little(honest_e, ring_e, seeds):
    # Honest members 0..7 return every vouch they are given among themselves; Sybils 8..13
    # vouch for them unasked. Each such vouch weighs at most what the honest member's own
    # ties allow: ONE_WAY_TIE_FLOOR (ONE_WAY_TIE for a member who gave nothing) times
    # RECEIVER_FLOOR once it has RECEIVER_RETURNED ties returned, more below: fixed by the
    # honest side, nothing the ring does raises it.
    pairs = [(u, v, x) for u, v, x in honest_e if u != v]
    g = graph([*pairs, *[(v, u, x) for u, v, x in pairs], *ring_e], 14)
    merged, ties = _ties(g)
    report = merged < 0
    honest_only = ties[:8, :8]
    returned = np.minimum(honest_only, honest_only.T).sum(axis=1)
    kept = 1 - (1 - RECEIVER_FLOOR) * np.minimum(returned / RECEIVER_RETURNED, 1)
    gave_nothing = honest_only.sum(axis=1) == 0
    cap = np.where(gave_nothing, ONE_WAY_TIE, ONE_WAY_TIE_FLOOR * kept)
    # A Sybil whose one tie is this vouch (nothing else given or received) keeps at least
    # ONLY_TIE_FLOOR of it: what reaches it can only come back (see the leaves' test).
    alone = (ties > 0).sum(axis=1) + (ties > 0).sum(axis=0) == 1
    alone_cap = np.where(
        gave_nothing, ONE_WAY_TIE, ONE_WAY_TIE_FLOOR * np.maximum(kept, ONLY_TIE_FLOOR)
    )
    sym = _pair_weights(ties, report)
    for h in range(8):
        for s in range(8, 14):
            if report[s, h]:
                continue  # upheld reports keep half a tie
            assert sym[h, s] <= (alone_cap if alone[s] else cap)[h] * ties[s, h] + 1e-9
    _, degree = reputation_walk(g, seeds, iterations=0)
    np.testing.assert_allclose(degree, sym.sum(axis=1), atol=1e-6)


@settings(max_examples=60, deadline=None)
@given(
    mutual_honest_edges,
    ring_edges,
    st.dictionaries(st.integers(0, 7), st.integers(8, 13), max_size=4),
    st.lists(st.integers(0, 7), min_size=1, max_size=3),
)
def test_attack_edges_a_ring_leaves_unreturned_weigh_little(honest_e, ring_e, attack, seeds):
    # Honest members 0..7 return every vouch they are given among themselves; some vouch
    # for one Sybil each (``attack``), which the ring does not return. Such an attack edge
    # weighs at most ONE_WAY_TIE * (1 - (1 - GIVER_FLOOR) * sure) of a mutual tie, sure =
    # the honest member's returned ties over GIVER_RETURNED (a hundredth of a mutual tie
    # once it has one returned), when the Sybil gives evidence: fixed by the honest side
    # and by the ring's not returning the tie (returning it makes a mutual tie).
    pairs = [(u, v, x) for u, v, x in honest_e if u != v]
    attack_e = [(h, s, 1.0) for h, s in attack.items()]
    g = graph([*pairs, *[(v, u, x) for u, v, x in pairs], *ring_e, *attack_e], 14)
    merged, ties = _ties(g)
    report = merged < 0
    honest_only = ties[:8, :8]
    returned = np.minimum(honest_only, honest_only.T).sum(axis=1)
    gave = np.where(report, 0.0, ties).sum(axis=1)
    sym = _pair_weights(ties, report)
    for h, s in attack.items():
        if ties[s, h] > 0 or gave[s] < GIVER_ACTIVE:
            continue  # the ring ties back to h (or reports it), or s gives nothing
        cap = ONE_WAY_TIE * (1 - (1 - GIVER_FLOOR) * min(returned[h] / GIVER_RETURNED, 1.0))
        assert sym[h, s] <= cap * ties[h, s] + 1e-9
    # The walk uses exactly these weights, and what enters the ring in one step is bounded
    # by them.
    before, degree = reputation_walk(g, seeds, iterations=0)
    np.testing.assert_allclose(degree, sym.sum(axis=1), atol=1e-6)
    after, _ = reputation_walk(g, seeds, iterations=1)
    capped = np.maximum(degree, WALK_DEGREE_FLOOR)
    carried = sum(sym[h, s] * before[h] / capped[h] for h in range(8) for s in range(8, 14))
    assert after[8:].sum() - before[8:].sum() <= carried + 1e-6


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(0.0, 1.0), st.floats(0.0, 30.0), st.floats(0.0, 30.0), st.floats(0.0, 5.0)
        ),
        min_size=1,
        max_size=20,
    )
)
def test_what_a_one_way_tie_keeps_by_its_giver_is_bounded(rows):
    own, gave, returned, receiver_gave = (np.array(x) for x in zip(*rows, strict=True))
    gave = gave + own  # the tie is part of what its giver gave
    returned = np.minimum(returned, gave - own)  # only other ties can have been returned
    kept = giver_factor(own, gave, returned, receiver_gave)
    assert np.all(kept >= GIVER_FLOOR - 1e-12) and np.all(kept <= 1.0)
    assert np.all(giver_factor(own, gave, returned, np.zeros(own.size)) == 1.0)  # a newcomer
    assert np.all(giver_factor(own, gave, np.zeros(own.size), receiver_gave) == 1.0)
    # A giver who leaves GIVER_KNEE of its other evidence unreturned keeps its ties.
    rest = gave - own
    left = rest - returned
    with np.errstate(invalid="ignore", divide="ignore"):
        other = np.where(rest > 0, left / np.where(rest > 0, rest, 1.0), 1.0)
    assert np.all(kept[other >= GIVER_KNEE] == 1.0)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=20), st.floats(0.0, 50.0))
def test_what_a_one_way_tie_keeps_by_its_receiver_is_bounded(shares, returned):
    share = np.array(shares)
    kept = receiver_factor(share, np.full(share.size, returned))
    assert np.all(kept >= RECEIVER_FLOOR - 1e-12) and np.all(kept <= 1.0)
    assert np.all(kept[share >= RECEIVER_KNEE] == 1.0)  # members who leave ties unreturned
    assert np.all(receiver_factor(share, np.zeros(share.size)) == 1.0)  # returned nothing


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0.0, 1.0), st.floats(0.0, 30.0), st.floats(0.0, 30.0)),
        min_size=1,
        max_size=20,
    )
)
def test_what_a_one_way_tie_keeps_by_its_receivers_answers_is_bounded(rows):
    own, received, returned = (np.array(x) for x in zip(*rows, strict=True))
    received = received + own  # the tie is part of what its receiver received
    returned = np.minimum(returned, received - own)  # only other ties can be returned
    kept = answer_factor(own, received, returned)
    assert np.all(kept >= ANSWER_FLOOR - 1e-12) and np.all(kept <= 1.0)
    assert np.all(answer_factor(own, received, np.zeros(own.size)) == 1.0)  # a newcomer
    # A member who leaves ANSWER_KNEE of the other vouches it received unanswered keeps
    # the tie.
    rest = received - own
    with np.errstate(invalid="ignore", divide="ignore"):
        other = np.where(rest > 0, (rest - returned) / np.where(rest > 0, rest, 1.0), 1.0)
    assert np.all(kept[other >= ANSWER_KNEE] == 1.0)
    # More ties returned (the rest alike) never raises what the tie keeps.
    more = answer_factor(own, received + 1.0, np.minimum(returned + 1.0, received + 1.0 - own))
    assert np.all(more <= kept + 1e-12)


@settings(max_examples=60, deadline=None)
@given(
    mutual_honest_edges,
    st.lists(st.tuples(st.integers(8, 13), st.integers(8, 13)), max_size=20),
    st.dictionaries(st.integers(0, 7), st.integers(8, 13), max_size=8),
    st.lists(st.integers(0, 7), min_size=1, max_size=3),
)
def test_one_unsolicited_vouch_for_a_member_who_answers_the_others_weighs_little(
    honest_e, ring_e, free, seeds
):
    # Honest members 0..7 return every vouch they are given among themselves; Sybils 8..13
    # tie among themselves as they like and vouch once, unasked, for some honest members
    # (``free``). Such a vouch weighs at most ONE_WAY_TIE_FLOOR * (1 - (1 - ANSWER_FLOOR) *
    # sure) of a mutual tie, sure = the member's returned ties over ANSWER_RETURNED (a
    # thousandth of a tie once it has that many): fixed by the honest member's answers to
    # the other vouches it received, whatever the ring is. What enters the ring in a step
    # is bounded by these weights.
    pairs = [(u, v, x) for u, v, x in honest_e if u != v]
    free_e = [(s, h, 1.0) for h, s in free.items()]
    g = graph([*pairs, *[(v, u, x) for u, v, x in pairs], *ring_e, *free_e], 14)
    merged, ties = _ties(g)
    honest_only = ties[:8, :8]
    returned = np.minimum(honest_only, honest_only.T).sum(axis=1)
    sym = _pair_weights(ties, merged < 0)
    alone = (ties > 0).sum(axis=1) + (ties > 0).sum(axis=0) == 1
    for h, s in free.items():
        if honest_only[h].sum() == 0:
            continue  # h gave nothing: a newcomer's vouchers are not told apart
        cap = ONE_WAY_TIE_FLOOR * (1 - (1 - ANSWER_FLOOR) * min(returned[h] / ANSWER_RETURNED, 1))
        if alone[s]:  # a Sybil with no other tie: nothing passes through it
            cap = ONE_WAY_TIE_FLOOR * max(cap / ONE_WAY_TIE_FLOOR, ONLY_TIE_FLOOR)
        assert sym[h, s] <= cap * ties[s, h] + 1e-9
    before, degree = reputation_walk(g, seeds, iterations=0)
    np.testing.assert_allclose(degree, sym.sum(axis=1), atol=1e-6)
    after, _ = reputation_walk(g, seeds, iterations=1)
    capped = np.maximum(degree, WALK_DEGREE_FLOOR)
    carried = sum(sym[h, s] * before[h] / capped[h] for h in range(8) for s in range(8, 14))
    assert after[8:].sum() - before[8:].sum() <= carried + 1e-6


def test_a_vouch_left_unanswered_by_a_member_who_answers_the_others_weighs_little():
    # 1 returns the vouches of 2, 3 and 8; 4 vouches for 1 unasked (4 ties with 5 and
    # vouches for 6 unreturned, so that 4's own evidence does not cut it). In the second
    # graph 1 also left the vouches of 9 and 10 unanswered: two fifths of the rest, past
    # ANSWER_KNEE, and 4's vouch keeps what the receiver factor leaves it.
    base = [(1, 2), (2, 1), (1, 3), (3, 1), (1, 8), (8, 1), (4, 5), (5, 4), (4, 6), (4, 1)]
    answers = graph(base, 11)
    declines = graph([*base, (9, 1), (10, 1)], 11)
    sym = _pair_weights(np.minimum(np.abs(answers._merged.toarray()) / 0.05, 1.0))
    _, degree = reputation_walk(answers, [1], iterations=0)
    np.testing.assert_allclose(degree, sym.sum(axis=1), atol=1e-6)
    assert ANSWER_RETURNED <= 3
    assert sym[1, 4] == pytest.approx(ONE_WAY_TIE_FLOOR * ANSWER_FLOOR)
    sym = _pair_weights(np.minimum(np.abs(declines._merged.toarray()) / 0.05, 1.0))
    _, degree = reputation_walk(declines, [1], iterations=0)
    np.testing.assert_allclose(degree, sym.sum(axis=1), atol=1e-6)
    kept = 1 - (1 - RECEIVER_FLOOR) * 3 / RECEIVER_RETURNED
    assert sym[1, 4] == pytest.approx(ONE_WAY_TIE_FLOOR * kept)


@settings(max_examples=60, deadline=None)
@given(
    mutual_honest_edges,
    ring_edges,
    st.dictionaries(st.integers(14, 17), st.integers(0, 7), max_size=4),
    st.lists(st.integers(0, 7), min_size=1, max_size=3),
)
def test_a_members_only_tie_is_not_cut_and_opens_no_way_into_a_ring(
    honest_e, ring_e, leaves, seeds
):
    # Honest members 0..7 return every vouch among themselves (so they answer what they
    # receive); Sybils 8..13 tie to each other and to honest members as they like; members
    # 14..17 each give one vouch, to an honest member, and have no other tie (``leaves``).
    # A leaf's vouch keeps at least ONLY_TIE_FLOOR of what the two members' shares allow,
    # whatever the receiver's and answer cuts say, and at most that. What reaches a leaf
    # can only go back the way it came: the
    # ring (8..13) gains in a step at most what the ties into it carry from the members
    # outside it, and no leaf has one.
    pairs = [(u, v, x) for u, v, x in honest_e if u != v]
    leaf_e = [(leaf, h, 1.0) for leaf, h in leaves.items()]
    g = graph([*pairs, *[(v, u, x) for u, v, x in pairs], *ring_e, *leaf_e], 18)
    merged, ties = _ties(g)
    report = merged < 0
    sym = _pair_weights(ties, report)
    unreturned = _unreturned(ties, report)
    for leaf, h in leaves.items():
        cap = ONE_WAY_TIE_FLOOR + (ONE_WAY_TIE - ONE_WAY_TIE_FLOOR) * unreturned[h]
        assert ONLY_TIE_FLOOR * cap - 1e-9 <= sym[leaf, h] <= cap + 1e-9
        assert np.count_nonzero(sym[leaf]) == 1  # its one tie
    before, degree = reputation_walk(g, seeds, iterations=0)
    np.testing.assert_allclose(degree, sym.sum(axis=1), atol=1e-6)
    ring = np.arange(8, 14)
    outside = np.setdiff1d(np.arange(18), ring)
    capped = np.maximum(degree, WALK_DEGREE_FLOOR)
    for k in range(1, 5):
        after, _ = reputation_walk(g, seeds, iterations=k)
        carried = sum(sym[u, s] * before[u] / capped[u] for u in outside for s in ring)
        assert after[ring].sum() - before[ring].sum() <= carried + 1e-6
        before = after


@settings(max_examples=60, deadline=None)
@given(
    mutual_honest_edges,
    ring_edges,
    st.dictionaries(st.integers(14, 17), st.integers(0, 13), min_size=1, max_size=4),
    st.lists(st.integers(0, 7), min_size=1, max_size=3),
    st.integers(1, 12),
)
def test_a_single_vouch_account_scores_at_most_a_share_of_what_its_target_held(
    honest_e, ring_e, leaves, seeds, steps
):
    # Accounts 14..17 each vouch once for a member (honest or Sybil) and have no other
    # tie: a swarm of single-vouch accounts. Such an account is not a seed; with its tie
    # weighing ``d`` (its walk degree, under WALK_DEGREE_FLOOR) it keeps ``1 - a`` of its
    # mass each step, ``a = d / WALK_DEGREE_FLOOR``, and receives ``a`` times its target's
    # mass per degree: its mass per degree is a moving average of its target's, started
    # at 0. After T steps it is at most ``1 - (1 - a) ** T`` of the most its target held
    # (per degree) in the steps before, however many accounts do it (the score divides
    # every member's mass per degree by one scale).
    pairs = [(u, v, x) for u, v, x in honest_e if u != v]
    leaf_e = [(leaf, target, 1.0) for leaf, target in leaves.items()]
    g = graph([*pairs, *[(v, u, x) for u, v, x in pairs], *ring_e, *leaf_e], 18)
    history = [reputation_walk(g, seeds, iterations=k)[0] for k in range(steps + 1)]
    _, degree = reputation_walk(g, seeds, iterations=0)
    capped = np.maximum(degree, WALK_DEGREE_FLOOR)
    for leaf, target in leaves.items():
        assert degree[leaf] <= ONE_WAY_TIE + 1e-9 < WALK_DEGREE_FLOOR
        a = degree[leaf] / WALK_DEGREE_FLOOR
        held = max(float(m[target]) / capped[target] for m in history[:-1])
        bound = (1.0 - (1.0 - a) ** steps) * held
        assert history[-1][leaf] / WALK_DEGREE_FLOOR <= bound * (1 + 1e-4) + 1e-9


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=20))
def test_unreturned_shares_count_at_least_as_themselves_and_in_the_same_order(shares):
    share = np.array(shares)
    counted = one_way_share(share)
    assert np.all(counted >= share) and np.all(counted <= 1.0)
    order = np.argsort(share, kind="stable")
    assert np.all(np.diff(counted[order]) >= 0)  # the smaller share of two still decides


def test_a_vouch_for_a_newcomer_keeps_its_weight_one_declined_weighs_little():
    # 0 and 1 vouch for each other; 0 also vouches for 2. In the first graph 2 has given
    # nothing yet (a newcomer); in the second it vouches for 3 (half a tie: neither ever
    # had a tie returned) but not back for 0, whose other tie is returned: the vouch 0 -> 2
    # then keeps GIVER_FLOOR of what it weighs for the newcomer.
    alone = graph([(0, 1), (1, 0), (0, 2)], 3)
    declined = graph([(0, 1), (1, 0), (0, 2), (2, 3)], 4)
    _, newcomer = reputation_walk(alone, [0], iterations=0)
    _, active = reputation_walk(declined, [0], iterations=0)
    assert newcomer[2] > 0
    assert (active[2] - ONE_WAY_TIE) / newcomer[2] == pytest.approx(GIVER_FLOOR)


def test_one_way_ties_of_members_who_leave_most_ties_unreturned_weigh_half_a_tie():
    # Member 0 vouches for 1, 2, 3 and 4; only 1 vouches back: 3/4 of 0's vouches are
    # unreturned (above UNRETURNED_FULL), and 2, 3, 4 gave none: the ties 0 - 2, 0 - 3 and
    # 0 - 4 weigh ONE_WAY_TIE, as where nobody returns anything.
    g = graph([(0, 1), (1, 0), (0, 2), (0, 3), (0, 4)], 5)
    _, degree = reputation_walk(g, [0], iterations=0)
    assert degree[2] == pytest.approx(ONE_WAY_TIE)
    assert degree[0] == pytest.approx(1 + 3 * ONE_WAY_TIE)
    # At or under UNRETURNED_KNEE the share counts as itself.
    assert one_way_share(np.array([0.0, 0.2, UNRETURNED_KNEE])) == pytest.approx(
        [0.0, 0.2, UNRETURNED_KNEE]
    )


# --- the compiled walk (large graphs) equals scipy's -----------------------------------------

evidence_lists = st.lists(
    st.tuples(
        st.integers(0, 11),
        st.integers(0, 11),
        # Full ties, faint evidence (fractions of a tie, some below MIN_TIE) and reports.
        st.sampled_from([1.0, 0.5, 0.05, 0.03, 0.01, 1e-9, -0.02, -1.0, -3.0]),
    ),
    max_size=40,
)


def _walks(g, seeds, iterations, tol):
    """The walk's (mass, degree, ties, vouched, returned shares) by scipy's products and by
    the compiled loops."""
    seed_idx = np.unique(np.asarray(seeds))
    scipy_walk = _walk(g, seed_idx, iterations, 0.05, tol, compiled=False)
    compiled_walk = _walk(g, seed_idx, iterations, 0.05, tol, compiled=True)
    return scipy_walk, compiled_walk


def _assert_same_walk(scipy_walk, compiled_walk):
    (
        (mass, degree, ties, vouched, back),
        (fast_mass, fast_degree, fast_ties, fast_vouched, fast_back),
    ) = (
        scipy_walk,
        compiled_walk,
    )
    # The same members vouched for (whose scores reputation compresses when not).
    np.testing.assert_array_equal(fast_vouched, vouched)
    # The same shares of the evidence given that is returned (NaN where none was given).
    np.testing.assert_allclose(fast_back, back, rtol=1e-9, atol=1e-12)
    # The same weights, summed in another order.
    np.testing.assert_allclose(fast_ties, ties, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(fast_degree, degree, rtol=1e-9, atol=1e-6)
    # Both walk in float32, summing in different orders.
    np.testing.assert_allclose(fast_mass, mass, rtol=1e-5, atol=1e-7)
    assert fast_mass.sum() == pytest.approx(1.0, abs=1e-5)


@settings(max_examples=80, deadline=None)
@given(
    evidence_lists,
    st.lists(st.integers(0, 11), min_size=1, max_size=4),
    st.integers(0, 9),
    st.sampled_from([0.0, 0.05]),
)
def test_compiled_walk_equals_the_scipy_walk(edges, seeds, iterations, tol):
    pytest.importorskip("numba")
    g = graph(edges, 12)
    _assert_same_walk(*_walks(g, seeds, iterations, tol))


@pytest.mark.parametrize("index_dtype", [np.int32, np.int64])
def test_compiled_walk_equals_the_scipy_walk_on_random_graphs(index_dtype):
    pytest.importorskip("numba")
    rng = np.random.default_rng(7)
    n, m = 2_000, 20_000
    src, dst = rng.integers(0, n, m), (rng.integers(0, n, m) // 3) * 3
    w = rng.choice([1.0, 0.8, 0.2, 0.04, 0.001, -1.0, -0.5], m)
    g = TrustGraph.from_edges(src, dst, w, num_nodes=n)
    merged = g._merged
    # The compiled loops read int32 indices, or int64 ones for graphs past 2**31 entries.
    g._merged = sp.csr_array(
        (merged.data, merged.indices.astype(index_dtype), merged.indptr.astype(index_dtype)),
        shape=merged.shape,
    )
    seeds = rng.choice(n, 20, replace=False)
    for tol in (0.0, 0.01):
        _assert_same_walk(*_walks(g, seeds, None, tol))
    # Full ties only.
    full = TrustGraph.from_edges(src, dst, np.where(w > 0, 1.0, -1.0), num_nodes=n)
    _assert_same_walk(*_walks(full, seeds, None, 0.0))


def test_reputation_is_the_same_through_the_compiled_walk(monkeypatch):
    pytest.importorskip("numba")
    rng = np.random.default_rng(8)
    n, m = 500, 4_000
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    g = TrustGraph.from_edges(src, dst, rng.choice([1.0, 0.5, 0.01, -1.0, -0.3], m), num_nodes=n)
    seeds = rng.choice(n, 10, replace=False)
    expected = reputation(g, seeds)  # 4,000 ties: scipy's products
    monkeypatch.setattr(trust_module, "COMPILED_WALK_MIN_TIES", 0)
    np.testing.assert_allclose(reputation(g, seeds), expected, rtol=1e-5, atol=1e-7)


def test_compiled_merge_of_the_evidence_equals_scipy():
    pytest.importorskip("numba")
    rng = np.random.default_rng(10)
    n, m = 400, 6_000
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m) // 4
    src[:50] = dst[:50]  # self-loops
    src[50:100], dst[50:100] = src[100:150], dst[100:150]  # duplicates
    w = rng.choice([1.0, 0.5, -1.0, 0.25], m)
    w[50:100] = -w[100:150]  # some cancel out (kept as explicit zeros)
    src[-200:] = 0  # a long row: sorted by merge sort rather than insertion
    got = trust_module._compiled_merge(src, dst, w, n)
    expected = trust_module.csr_from_edges(src, dst, w, n, drop_zeros=False)
    np.testing.assert_array_equal(got.indptr, expected.indptr)
    np.testing.assert_array_equal(got.indices, expected.indices)
    np.testing.assert_allclose(got.data, expected.data, rtol=1e-12, atol=1e-12)
    assert got.has_sorted_indices and got.indices.dtype == np.int32


def test_compiled_walk_falls_back_to_scipy_weights_on_unsorted_rows():
    pytest.importorskip("numba")
    rng = np.random.default_rng(11)
    n, m = 300, 3_000
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m) // 2
    g = TrustGraph.from_edges(src, dst, rng.choice([1.0, 0.5, 0.01, -1.0], m), num_nodes=n)
    merged = g._merged
    # Reverse every row's columns: the compiled weights pair entries along sorted rows.
    rows = np.repeat(np.arange(n), np.diff(merged.indptr))
    order = np.lexsort((-merged.indices.astype(np.int64), rows))
    g._merged = sp.csr_array(
        (merged.data[order], merged.indices[order], merged.indptr), shape=merged.shape
    )
    assert trust_module._compiled_walk_ties(g, 0.05) is None
    seeds = rng.choice(n, 10, replace=False)
    _assert_same_walk(*_walks(g, seeds, None, 0.0))


@pytest.mark.parametrize("n", [2**24, 2**24 + 3])
def test_compiled_merge_equals_scipy_with_narrow_and_wide_keys(n):
    # Up to 2**24 members a block's row and a column share 32 bits; past that, 64.
    pytest.importorskip("numba")
    rng = np.random.default_rng(12)
    m = 3_000
    src = np.concatenate([rng.integers(n - 600, n, m - 10), np.full(10, n - 1)])
    dst = np.concatenate([rng.integers(0, n, m - 10), np.full(10, n - 1)])
    src[:40], dst[:40] = src[40:80], dst[40:80]  # duplicates
    w = rng.choice([1.0, 0.5, -1.0], m)
    got = trust_module._compiled_merge(src, dst, w, n)
    expected = trust_module.csr_from_edges(src, dst, w, n, drop_zeros=False)
    np.testing.assert_array_equal(got.indptr, expected.indptr)
    np.testing.assert_array_equal(got.indices, expected.indices)
    np.testing.assert_allclose(got.data, expected.data, rtol=1e-12, atol=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 700),
    st.lists(
        st.tuples(st.integers(0, 699), st.integers(0, 699), st.sampled_from([1.0, 0.5, -1.0])),
        max_size=300,
    ),
)
def test_compiled_merge_equals_scipy_on_any_number_of_members(n, edges):
    pytest.importorskip("numba")
    # Members past a block of rows, rows left empty, duplicates and self-loops.
    src = np.array([u % n for u, _, _ in edges], dtype=np.int64)
    dst = np.array([v % n for _, v, _ in edges], dtype=np.int64)
    w = np.array([x for _, _, x in edges], dtype=np.float64)
    got = trust_module._compiled_merge(src, dst, w, n)
    expected = trust_module.csr_from_edges(src, dst, w, n, drop_zeros=False)
    np.testing.assert_array_equal(got.indptr, expected.indptr)
    np.testing.assert_array_equal(got.indices, expected.indices)
    np.testing.assert_allclose(got.data, expected.data, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("window", "block"), [(8, 16), (64, 100), (512, 4096)])
def test_compiled_walk_equals_the_scipy_walk_by_chunks_and_blocks(monkeypatch, window, block):
    pytest.importorskip("numba")
    # Small windows and blocks: many chunks of near rows (walked ahead of their members'
    # own values) and blocks of far ties, on ties both near and far in the index order.
    monkeypatch.setattr(trust_module, "NEAR_WINDOW", window)
    monkeypatch.setattr(trust_module, "FAR_BLOCK", block)
    rng = np.random.default_rng(12)
    n, m = 3_001, 30_000
    src = rng.integers(0, n, m)
    dst = np.where(rng.random(m) < 0.7, src + rng.integers(-20, 20, m), rng.integers(0, n, m))
    dst = np.clip(dst, 0, n - 1)
    src[:300] = 5  # a row with more near ties than the row ordering counts apart
    w = rng.choice([1.0, 0.8, 0.2, 0.04, -1.0], m)
    g = TrustGraph.from_edges(src, dst, w, num_nodes=n)
    seeds = rng.choice(n, 20, replace=False)
    for tol in (0.0, 0.01):
        _assert_same_walk(*_walks(g, seeds, None, tol))


# --- members nobody vouches for -----------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(0.0, 100.0, allow_subnormal=False), min_size=1, max_size=30),
    st.floats(1e-3, 10.0),
    st.floats(0.0, 0.95),
)
def test_unvouched_scores_keep_the_order_stay_below_the_cap_and_keep_low_scores(scores, cap, knee):
    s = np.array(scores) * cap  # up to a hundred times the cap
    squeezed = unvouched_scores(s, cap, knee)
    assert np.all(squeezed < cap) or np.all(s < cap)
    assert np.all(squeezed <= s)
    low = s <= knee * cap
    np.testing.assert_array_equal(squeezed[low], s[low])  # identity below the knee
    assert np.all(squeezed[~low] < cap)
    order = np.argsort(s, kind="stable")
    a, b = s[order], squeezed[order]
    assert np.all(np.diff(b) >= 0)  # never reversed, even by rounding
    # Scores that differ by more than rounding stay apart: strictly increasing.
    apart = np.diff(a) > 1e-9 * (a[1:] + cap)
    assert np.all(np.diff(b)[apart] > 0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edge_lists, st.lists(st.integers(0, 7), min_size=1, max_size=4))
def test_only_members_nobody_vouches_for_are_compressed_and_in_their_order(edges, seeds):
    g = graph(edges, 8)
    walked = reputation(g, seeds, unvouched_mass=None)
    r = reputation(g, seeds)
    _, _, _, vouched, _ = trust_module._walk(g, np.unique(seeds), None, 0.05, 0.0)
    vouched &= vouched_from_seeds(g, np.unique(seeds))
    vouched[np.unique(seeds)] = True  # where trust starts, vouched for or not
    np.testing.assert_array_equal(r[vouched], walked[vouched])
    assert np.all(r <= walked)
    unvouched = np.flatnonzero(~vouched)
    if unvouched.size and vouched.any():
        order = unvouched[np.argsort(walked[unvouched], kind="stable")]
        assert np.all(np.diff(r[order]) >= 0)
        # Below what the vouched members the walk reaches score (before reports' penalty).
        mass, _ = reputation_walk(g, seeds)
        plain = reputation(g, seeds, distrust_weight=0, unvouched_mass=None)
        top = plain[vouched][mass[vouched] > 0]
        if top.size:
            assert np.all(r[unvouched] <= top.max() + 1e-12)


def test_an_account_nobody_vouches_for_ranks_below_the_vouched_members():
    # A circle (0..9, each member vouching for the next two, both ways) all vouching for
    # 10, who vouches for nobody (so a vouch left unanswered by 10 is not unusual). Account
    # 11 vouches once for 10 and does nothing else: once the walk has mixed it scores like
    # the circle's members. Nobody vouches for it: it now ranks below every vouched member,
    # as does 12, who gave 10 a faint vouch (a fifth of a tie), and the two keep their order.
    n = 10
    circle = [(i, (i + k) % n) for i in range(n) for k in (1, 2)]
    circle += [(v, u) for u, v in circle]
    hub = [(i, 10) for i in range(n)]
    g = graph([*circle, *hub, (11, 10, 1.0), (12, 10, 0.01)], 13)
    walked = reputation(g, [0, 5], iterations=30, unvouched_mass=None)
    r = reputation(g, [0, 5], iterations=30)
    assert walked[11] >= 0.99 * walked[:11].min()  # what a swarm of such accounts exploited
    assert r[11] < 0.95 * r[:11].min()
    assert (r[11] > r[12]) == (walked[11] > walked[12])
    np.testing.assert_array_equal(r[:11], walked[:11])


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_the_ceiling_of_members_nobody_vouches_for_falls_as_more_vouches_are_returned(a, b):
    low, high = sorted((a, b))
    assert unvouched_ceiling(0.0) == 1.0
    assert UNVOUCHED_CEILING_FLOOR <= unvouched_ceiling(high) <= unvouched_ceiling(low) <= 1.0


@settings(max_examples=100, deadline=None)
@given(
    # Masses of a walk: none, or at least a millionth (a subnormal mass scaled by a
    # hundredth underflows to 0, which is the float's doing, not the share's).
    st.lists(
        st.tuples(
            st.one_of(st.just(0.0), st.floats(1e-6, 1.0)), st.booleans(), st.floats(0.0, 1.0)
        ),
        max_size=30,
    ),
    st.floats(0.01, 100.0),
)
def test_returned_share_is_a_mass_weighted_share(members, scale):
    mass = np.array([m[0] for m in members], dtype=float)
    vouched = np.array([m[1] for m in members], dtype=bool)
    given_back = np.array([m[2] for m in members], dtype=float)
    given_back[::3] = np.nan  # members who gave nothing are left out
    share = returned_share(mass, vouched, given_back)
    assert 0.0 <= share <= 1.0
    # Only the vouched members who gave evidence count, each by its mass.
    assert returned_share(mass * scale, vouched, given_back) == pytest.approx(share)
    counted = vouched & ~np.isnan(given_back)
    lowest = given_back[counted & (mass > 0)]
    if lowest.size:
        assert lowest.min() - 1e-12 <= share <= lowest.max() + 1e-12
    else:
        assert share == 0.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edge_lists, st.lists(st.integers(0, 7), min_size=1, max_size=4))
def test_members_nobody_vouches_for_stay_under_the_lowered_cap(edges, seeds):
    # Under the vouched members' mass quantile times the ceiling that the share of their
    # vouches returned leaves (before reports' penalty, which only lowers scores).
    g = graph(edges, 8)
    seed_idx = np.unique(seeds)
    mass, degree, _, vouched, given_back = trust_module._walk(g, seed_idx, None, 0.05, 0.0)
    vouched &= vouched_from_seeds(g, seed_idx)
    vouched[seed_idx] = True
    if vouched.all() or not (mass[vouched] > 0).any():
        return
    score, _ = trust_module._scaled(mass, np.maximum(degree, WALK_DEGREE_FLOOR))
    cap = trust_module._mass_quantile(score, np.where(vouched, mass, 0.0), UNVOUCHED_CAP_MASS)
    ceiling = unvouched_ceiling(returned_share(mass, vouched, given_back))
    r = reputation(g, seeds)
    assert np.all(r[~vouched] <= max(cap * ceiling, 0.0) + 1e-12) or cap * ceiling <= 0


def test_where_vouches_are_returned_an_account_nobody_vouches_for_ranks_below_everyone():
    # A circle whose members all vouch for each other back (0..9, each for the next two),
    # and account 10 that vouches once for member 4: the walk gives it a third of their
    # score (its one tie left unanswered by a member who answers the others); where every
    # vouch is returned, having none sets it far below the least of them. In a network of
    # one-way votes (below), the same account keeps most of its score: there, nobody
    # voting for a member is the norm.
    n = 10
    circle = [(i, (i + k) % n) for i in range(n) for k in (1, 2)]
    circle += [(v, u) for u, v in circle]
    g = graph([*circle, (10, 4, 1.0)], 11)
    walked = reputation(g, [0, 5], iterations=30, unvouched_mass=None)
    r = reputation(g, [0, 5], iterations=30)
    assert walked[10] >= 0.25 * walked[:10].min()
    assert r[10] < 0.01 * r[:10].min()
    np.testing.assert_array_equal(r[:10], walked[:10])
    # One-way votes: 0..9 each vote for the next two, none returned.
    votes = [(i, (i + k) % n) for i in range(n) for k in (1, 2)]
    one_way = graph([*votes, (10, 4, 1.0)], 11)
    walked = reputation(one_way, [0, 5], iterations=30, unvouched_mass=None)
    r = reputation(one_way, [0, 5], iterations=30)
    assert r[10] >= 0.8 * walked[10]


def test_a_seed_nobody_vouches_for_keeps_its_standing():
    # A recognised circle's founder (0, a seed) vouches for its ten members, who vouch for
    # each other round the circle but not back for her: nobody vouches for the founder,
    # yet trust starts from her; she is not compressed with the accounts nobody vouches for.
    members = list(range(1, 11))
    circle = [(m, members[(i + 1) % 10]) for i, m in enumerate(members)]
    circle += [(v, u) for u, v in circle]
    g = graph([*[(0, m) for m in members], *circle, (11, 1, 1.0)], 12)
    walked = reputation(g, [0], iterations=30, unvouched_mass=None)
    r = reputation(g, [0], iterations=30)
    assert r[0] == walked[0]
    assert r[0] > r[11]
    assert r[0] >= np.median(r[1:11])


def test_accounts_that_only_vouch_for_each_other_rank_below_the_vouched_members():
    # The circle and hub of the test above. Accounts 11, 12, 13 vouch for each other round
    # a cycle, 14 and 15 for each other, and each of them once for 10: each is vouched for,
    # but by no chain of vouches from the seeds. They rank below every member the seeds'
    # vouches reach, as an account nobody vouches for does, and keep their order.
    n = 10
    circle = [(i, (i + k) % n) for i in range(n) for k in (1, 2)]
    circle += [(v, u) for u, v in circle]
    hub = [(i, 10) for i in range(n)]
    swarm = [(11, 12), (12, 13), (13, 11), (14, 15), (15, 14)]
    swarm += [(a, 10) for a in range(11, 16)]
    g = graph([*circle, *hub, *swarm], 16)
    walked = reputation(g, [0, 5], iterations=30, unvouched_mass=None)
    r = reputation(g, [0, 5], iterations=30)
    assert walked[11:].max() >= 0.95 * walked[:11].min()  # what the attack wins otherwise
    assert r[11:].max() < 0.95 * r[:11].min()
    np.testing.assert_array_equal(
        np.argsort(r[11:], kind="stable"), np.argsort(walked[11:], kind="stable")
    )
    np.testing.assert_array_equal(r[:11], walked[:11])
    # One vouch from the circle to 11 brings the cycle within reach: no longer compressed.
    reached = graph([*circle, *hub, *swarm, (3, 11)], 16)
    assert vouched_from_seeds(reached, np.array([0, 5]))[11:14].all()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edge_lists, st.lists(st.integers(0, 7), min_size=1, max_size=4))
def test_vouched_from_seeds_is_the_closure_of_the_seeds_under_vouches(edges, seeds):
    g = graph(edges, 8)
    seed_idx = np.unique(seeds)
    reached = vouched_from_seeds(g, seed_idx)
    assert reached[seed_idx].all()
    merged = g._merged
    rows = np.repeat(np.arange(8), np.diff(merged.indptr))
    vouch = merged.data >= 0.05 * 1e-6
    # Closed: whatever a reached member vouches for is reached ...
    assert reached[merged.indices[vouch & reached[rows]]].all()
    # ... and every other reached member is vouched for by a reached one.
    inner = np.zeros(8, dtype=bool)
    inner[merged.indices[vouch & reached[rows]]] = True
    assert np.all(inner | ~reached | np.isin(np.arange(8), seed_idx))
    # The compiled loops find the same members.
    fast = np.zeros(8, dtype=bool)
    kernels = trust_module._kernels()
    kernels.reach(merged.indptr, merged.indices, merged.data, 0.05, 1e-6, seed_idx, fast)
    np.testing.assert_array_equal(fast, reached)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(20, 300),
    st.floats(0.5, 6.0),
    st.floats(0.0, 0.4),
    st.integers(0, 2**32 - 1),
)
def test_compiled_reach_finds_the_closure_on_long_queues(n, mean_out, weak, seed):
    # Queues longer than the rows fetched ahead: the compiled pass reaches exactly the
    # members the plain breadth-first pass does, whatever the fetches ahead.
    rng = np.random.default_rng(seed)
    m = int(n * mean_out)
    src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
    # Full and partial vouches, evidence too weak to count as a tie, and reports.
    shares = [0.6, 0.2, weak / 2, 0.2 - weak / 2]
    weight = rng.choice([1.0, 0.3, 0.05 * 1e-7, -1.0], size=m, p=shares)
    keep = src != dst
    g = TrustGraph.from_edges(src[keep], dst[keep], weight[keep], num_nodes=n)
    seed_idx = np.unique(rng.integers(0, n, 3))
    reached = vouched_from_seeds(g, seed_idx)
    merged = g._merged
    fast = np.zeros(n, dtype=bool)
    trust_module._kernels().reach(
        merged.indptr, merged.indices, merged.data, 0.05, 1e-6, seed_idx.astype(np.int64), fast
    )
    np.testing.assert_array_equal(fast, reached)
    assert reached[seed_idx].all()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.5, 40.0]), st.floats(0.0, 1.0)),
        min_size=1,
        max_size=5000,
    ),
    st.floats(0.0, 1.0),
)
def test_the_cap_is_the_mass_quantile_of_a_full_sort(rows, share):
    # The cap on members nobody vouches for, found by binning, is the smallest score under
    # which members holding ``share`` of the weight lie, as a full sort finds it.
    score = np.array([s for s, _ in rows])
    weight = np.array([w for _, w in rows])
    got = trust_module._mass_quantile(score, weight, share)
    held = weight > 0
    if not held.any():
        assert got == 0.0
        return
    order = np.argsort(score[held], kind="stable")
    running = np.cumsum(weight[held][order])
    at = min(int(np.searchsorted(running, share * weight.sum(), side="left")), order.size - 1)
    assert got == pytest.approx(float(score[held][order][at]))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_cap_on_many_members_is_the_mass_quantile_of_a_full_sort(seed):
    # Enough members for the scores to be binned again within the bin that holds the cap,
    # heavy-tailed, a third of them tied, some holding nothing.
    rng = np.random.default_rng(seed)
    n = 50_000
    score = rng.lognormal(0.0, 2.0, n)
    score[: n // 3] = score[0]
    weight = rng.random(n) * (rng.random(n) < 0.8)
    for share in (0.0, 1e-12, 0.05, 0.3, 0.9, 1.0):
        held = weight > 0
        order = np.argsort(score[held], kind="stable")
        running = np.cumsum(weight[held][order])
        at = int(np.searchsorted(running, share * weight.sum(), side="left"))
        expected = float(score[held][order][min(at, order.size - 1)])
        assert trust_module._mass_quantile(score, weight, share) == pytest.approx(expected)


# --- one-way vouches carry back no more than they carry -------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.floats(-0.5, 1.5), st.floats(-0.5, 1.5))
def test_conservation_strength_rises_from_the_knee_to_full(a, b):
    lo, hi = sorted((a, b))
    assert 0.0 <= conservation_strength(lo) <= conservation_strength(hi) <= 1.0
    assert conservation_strength(float("nan")) == 0.0
    assert conservation_strength(CONSERVED_RETURNED_KNEE) == 0.0
    assert conservation_strength(CONSERVED_RETURNED_FULL) == 1.0


@settings(max_examples=80, deadline=None)
@given(evidence_lists, st.lists(st.integers(0, 11), min_size=1, max_size=4))
def test_seeds_returned_share_is_the_mean_of_the_walks_own_shares(edges, seeds):
    g = graph(edges, 12)
    seed_idx = np.unique(np.asarray(seeds))
    given_back = _walk(g, seed_idx, 0, 0.05, 0.0, compiled=False)[4]
    shares = given_back[seed_idx]
    expected = float(np.mean(shares[~np.isnan(shares)])) if np.any(~np.isnan(shares)) else None
    got = seeds_returned_share(g, seed_idx)
    if expected is None:
        assert np.isnan(got)
    else:
        assert got == pytest.approx(expected, abs=1e-12)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    mutual_honest_edges,
    st.lists(st.tuples(st.integers(8, 13), st.integers(8, 13), signed), max_size=20),
    st.lists(
        st.tuples(st.integers(8, 13), st.integers(0, 7), st.sampled_from([1.0, 0.3])),
        max_size=40,
    ),
    st.dictionaries(st.integers(0, 7), st.integers(8, 13), max_size=4),
    st.lists(st.integers(0, 7), min_size=1, max_size=3),
    st.integers(0, 4),
)
def test_a_rings_free_vouches_bring_it_nothing_where_vouches_are_returned(
    monkeypatch, honest_e, ring_e, free_e, attack, seeds, step
):
    # Honest members 0..7 return every vouch among themselves; Sybils 8..13 vouch for each
    # other round a cycle (each is vouched for) and as they like, give free vouches to
    # honest members, and receive attack edges. With the flow back cut in full along the
    # one-way vouches of vouched members who leave most of theirs unreturned, to members
    # who had most of theirs returned, what the ring gains in a step is at most what honest
    # members send it along the ties they gave it, and back along the ring's other ties to
    # them: such free vouches, however many, bring it nothing.
    monkeypatch.setattr(trust_module, "conservation_strength", lambda returned: 1.0)
    pairs = [(u, v, x) for u, v, x in honest_e if u != v]
    cycle = [(s, 8 + (s - 7) % 6, 1.0) for s in range(8, 14)]
    attack_e = [(h, s, 1.0) for h, s in attack.items()]
    edges = [*pairs, *[(v, u, x) for u, v, x in pairs], *cycle, *ring_e, *free_e, *attack_e]
    g = graph(edges, 14)
    seed_idx = np.unique(np.asarray(seeds))
    before, degree, weights, vouched, given_back = _walk(
        g, seed_idx, step, 0.05, 0.0, compiled=False
    )
    after = _walk(g, seed_idx, step + 1, 0.05, 0.0, compiled=False)[0]
    merged = g._merged
    rows = np.repeat(np.arange(14), np.diff(merged.indptr))
    cols = merged.indices
    sent = before * ONE_WAY_TIE / np.maximum(degree, WALK_DEGREE_FLOOR)
    dense = merged.toarray()
    has_reverse = (dense[cols, rows] != 0) | (merged.data < 0)
    share = np.nan_to_num(given_back, nan=-1.0)
    free = vouched[rows] & (share[rows] < 0.5 - 1e-9) & (share[cols] >= 0.5 + 1e-9)
    into = (rows < 8) & (cols >= 8)
    back = (rows >= 8) & (cols < 8) & (has_reverse | ~free)
    bound = float(np.sum(weights[into] * sent[rows[into]]))
    bound += float(np.sum(weights[back] * sent[cols[back]]))
    assert after[8:].sum() - before[8:].sum() <= bound + 1e-6
    # The same through the compiled loops.
    fast = _walk(g, seed_idx, step + 1, 0.05, 0.0, compiled=True)[0]
    np.testing.assert_allclose(fast, after, rtol=1e-5, atol=1e-7)


def _reciprocal_flood(seed=0, free=4_000, attack=3):
    """Circles of ten whose members vouch for each other, a ring of 200 accounts (ten
    vouches each inside it), ``attack`` attack edges and ``free`` vouches from the ring to
    random members."""
    rng = np.random.default_rng(seed)
    n_honest, n_sybils = 400, 200
    src, dst = [], []
    for c in range(n_honest // 10):
        members = np.arange(c * 10, c * 10 + 10)
        for u in members:
            for v in rng.choice(members[members != u], 4, replace=False):
                src += [u, v]
                dst += [v, u]
    bridges = rng.integers(0, n_honest, (300, 2))
    src += [*bridges[:, 0], *bridges[:, 1]]
    dst += [*bridges[:, 1], *bridges[:, 0]]
    sybils = np.arange(n_honest, n_honest + n_sybils)
    ring_u = np.repeat(sybils, 10)
    src += [*ring_u, *rng.choice(sybils, free), *rng.choice(n_honest, attack, replace=False)]
    dst += [*rng.choice(sybils, ring_u.size), *rng.integers(0, n_honest, free)]
    dst += [*rng.choice(sybils, attack)]
    src, dst = np.array(src), np.array(dst)
    keep = src != dst
    g = TrustGraph.from_edges(src[keep], dst[keep], num_nodes=n_honest + n_sybils)
    return g, n_honest, rng.choice(n_honest, 10, replace=False)


def test_where_vouches_are_returned_a_ring_of_free_vouches_stays_below_the_members():
    g, n_honest, seeds = _reciprocal_flood()
    assert conservation_strength(seeds_returned_share(g, seeds)) == 1.0
    score = reputation(g, seeds)
    threshold = np.quantile(score[:n_honest], 0.05)
    assert np.max(score[n_honest:]) < threshold


def test_the_walk_cutting_flow_back_is_the_same_through_the_compiled_loops():
    pytest.importorskip("numba")
    g, _, seeds = _reciprocal_flood(seed=1, free=20_000, attack=30)
    assert conservation_strength(seeds_returned_share(g, seeds)) == 1.0
    for tol in (0.0, 0.01):
        _assert_same_walk(*_walks(g, seeds, None, tol))


def test_where_votes_go_one_way_nothing_is_cut_towards_candidates(monkeypatch):
    # Voters vouch for candidates who do not vote back: the seeds' share returned is 0,
    # the walk is the walk without the cut of returned vouches, and every candidate
    # receives more than a few votes (nothing flowing back from them is cut either).
    rng = np.random.default_rng(3)
    n = 300
    src = rng.integers(0, n, 3_000)
    dst = rng.integers(0, 60, 3_000)
    g = TrustGraph.from_edges(src, dst, num_nodes=n)
    seeds = rng.choice(60, 5, replace=False)
    assert conservation_strength(seeds_returned_share(g, seeds)) == 0.0
    expected = reputation(g, seeds)
    monkeypatch.setattr(trust_module, "conservation_strength", lambda returned: 0.0)
    np.testing.assert_array_equal(reputation(g, seeds), expected)


# --- where votes go one way: a flood of free votes for members nobody else votes for ------


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(0, 7), st.integers(0, 7), st.sampled_from([1.0, 0.3])),
        min_size=1,
        max_size=20,
    ),
    st.lists(st.tuples(st.integers(8, 13), st.integers(8, 13), signed), max_size=20),
    st.lists(
        st.tuples(st.integers(8, 13), st.integers(0, 7), st.sampled_from([1.0, 0.3])),
        max_size=40,
    ),
    st.dictionaries(st.integers(0, 7), st.integers(8, 13), max_size=4),
    st.lists(st.integers(0, 7), min_size=1, max_size=3),
    st.integers(0, 4),
)
def test_where_votes_go_one_way_free_votes_for_the_unvoted_bring_a_ring_nothing(
    monkeypatch, votes, ring_e, free_e, attack, seeds, step
):
    # Honest members 0..7 vote one way among themselves (where the seeds' votes are not
    # returned, the cut of returned vouches is off); Sybils 8..13 vouch for each other
    # round a cycle and as they like, give free vouches to honest members, and receive
    # attack edges. What the ring gains in a step is at most what honest members send it
    # along the ties they gave it, and back along its other ties to them: its one-way
    # vouches for members who vote and received no more than FEW_RECEIVED votes in all
    # (the voters nobody else votes for, which a flood of free vouches mostly lands on)
    # bring it nothing, however many.
    monkeypatch.setattr(trust_module, "conservation_strength", lambda returned: 0.0)
    cycle = [(s, 8 + (s - 7) % 6, 1.0) for s in range(8, 14)]
    attack_e = [(h, s, 1.0) for h, s in attack.items()]
    edges = [*[(u, v, x) for u, v, x in votes if u != v], *cycle, *ring_e, *free_e, *attack_e]
    g = graph(edges, 14)
    seed_idx = np.unique(np.asarray(seeds))
    before, degree, weights, vouched, _ = _walk(g, seed_idx, step, 0.05, 0.0, compiled=False)
    after = _walk(g, seed_idx, step + 1, 0.05, 0.0, compiled=False)[0]
    merged = g._merged
    rows = np.repeat(np.arange(14), np.diff(merged.indptr))
    cols = merged.indices
    sent = before * ONE_WAY_TIE / np.maximum(degree, WALK_DEGREE_FLOOR)
    dense = merged.toarray()
    has_reverse = (dense[cols, rows] != 0) | (merged.data < 0)
    # Every honest entry is a full tie: votes received and given, counted in ties.
    positive = np.where(merged.data >= 0.05, 1.0, np.maximum(merged.data, 0.0) / 0.05)
    received = np.bincount(cols, weights=positive, minlength=14)
    gave = np.bincount(rows, weights=positive, minlength=14)
    free = vouched[rows] & (received[cols] <= FEW_RECEIVED) & (gave[cols] > 0)
    into = (rows < 8) & (cols >= 8)
    back = (rows >= 8) & (cols < 8) & (has_reverse | ~free)
    bound = float(np.sum(weights[into] * sent[rows[into]]))
    bound += float(np.sum(weights[back] * sent[cols[back]]))
    assert after[8:].sum() - before[8:].sum() <= bound + 1e-6
    # The same through the compiled loops.
    fast = _walk(g, seed_idx, step + 1, 0.05, 0.0, compiled=True)[0]
    np.testing.assert_allclose(fast, after, rtol=1e-5, atol=1e-7)


def _one_way_flood(seed=0, free=4_000, attack=3):
    """Voters (members 0..1999) voting one way for candidates (0..199, ten votes each) that
    do not vote back, a ring of 200 accounts (ten vouches each inside it), ``attack``
    attack edges from voters and ``free`` vouches from the ring to random members."""
    rng = np.random.default_rng(seed)
    n_honest, n_candidates, n_sybils = 2_000, 200, 200
    voters = np.repeat(np.arange(n_honest), 10)
    ballots = rng.integers(0, n_candidates, voters.size)
    sybils = np.arange(n_honest, n_honest + n_sybils)
    ring_u = np.repeat(sybils, 10)
    src = [*voters, *ring_u, *rng.choice(sybils, free)]
    dst = [*ballots, *rng.choice(sybils, ring_u.size), *rng.integers(0, n_honest, free)]
    src += [*rng.choice(n_honest, attack, replace=False)]
    dst += [*rng.choice(sybils, attack)]
    src, dst = np.array(src), np.array(dst)
    keep = src != dst
    g = TrustGraph.from_edges(src[keep], dst[keep], num_nodes=n_honest + n_sybils)
    seeds = rng.choice(n_candidates, 10, replace=False)
    return g, n_honest, n_candidates, seeds


@pytest.mark.parametrize("seed", [0, 1])
def test_where_votes_go_one_way_a_flood_of_free_votes_ranks_below_the_median_member(
    monkeypatch, seed
):
    # 200 accounts voting 4,000 times for members they never dealt with (two votes for
    # each, most of whom nobody else votes for): the ring's best account ranks below the
    # median member, where without the cut it ranked above.
    g, n_honest, _, seeds = _one_way_flood(seed)
    assert conservation_strength(seeds_returned_share(g, seeds)) == 0.0
    score = reputation(g, seeds)
    assert np.max(score[n_honest:]) < np.median(score[:n_honest])
    monkeypatch.setattr(trust_module, "FEW_RECEIVED", -1.0)
    score = reputation(g, seeds)
    assert np.max(score[n_honest:]) > np.median(score[:n_honest])


def test_the_walk_cutting_flow_back_from_the_unvoted_is_the_same_through_the_compiled_loops():
    pytest.importorskip("numba")
    g, _, _, seeds = _one_way_flood(seed=2, attack=30)
    assert conservation_strength(seeds_returned_share(g, seeds)) == 0.0
    for tol in (0.0, 0.01):
        _assert_same_walk(*_walks(g, seeds, None, tol))
