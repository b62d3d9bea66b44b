"""Tests for pair scores, candidates, introduction rounds and explanations."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from sklearn.preprocessing import normalize

from passerelles.engine.matching import (
    COMPONENTS,
    MemberArrays,
    ask_network,
    candidate_pairs,
    pair_components,
    plan_round,
    round_scores,
    scores_matrix,
    total_score,
)


def random_scores(n, density, seed):
    rng = np.random.default_rng(seed)
    a = sparse.random(n, n, density=density, random_state=rng, format="csr")
    upper = sparse.triu(a, k=1)
    return (upper + upper.T).tocsr()


def random_members(n, seed, d=40):
    rng = np.random.default_rng(seed)
    needs = normalize(sparse.random(n, d, density=0.15, random_state=rng, format="csr"))
    offers = normalize(sparse.random(n, d, density=0.15, random_state=rng, format="csr"))
    circles = sparse.csr_matrix((rng.random((n, 6)) < 0.3).astype(float))
    trust = sparse.random(n, n, density=0.05, random_state=rng, format="csr")
    trust.setdiag(0)
    trust.eliminate_zeros()
    return MemberArrays(
        needs=needs,
        offers=offers,
        circles=circles,
        sector=rng.integers(0, 4, n),
        themes=rng.random((n, 4)) < 0.5,
        organisation=rng.integers(-1, n // 4 + 1, n),
        exclude_colleagues=rng.random(n) < 0.5,
        trust=trust,
        priority=(rng.random(n) < 0.2).astype(float),
    )


def check_round(scores, capacity, pairs):
    """Pairs are allowed, unique, and no member exceeds its capacity."""
    scores = sparse.csr_matrix(scores).toarray()
    assert pairs.ndim == 2 and pairs.shape[1] == 2
    assert np.all(pairs[:, 0] < pairs[:, 1])
    assert len({tuple(p) for p in pairs.tolist()}) == len(pairs)
    assert np.all(scores[pairs[:, 0], pairs[:, 1]] > 0)
    load = np.bincount(pairs.ravel(), minlength=scores.shape[0])
    assert np.all(load <= capacity)


def test_plan_round_small_example_is_optimal():
    # Greedy takes (1, 2) = 3 and blocks both 2 + 2: the optimum is 4.
    s = np.zeros((4, 4))
    for a, b, w in [(0, 1, 2.0), (1, 2, 3.0), (2, 3, 2.0)]:
        s[a, b] = s[b, a] = w
    pairs = plan_round(sparse.csr_matrix(s), np.ones(4, dtype=int))
    assert pairs.tolist() == [[0, 1], [2, 3]]
    heuristic = plan_round(sparse.csr_matrix(s), np.ones(4, dtype=int), exact_max_edges=0)
    assert total_score(s, heuristic) == 4.0


@pytest.mark.parametrize("seed", range(4))
def test_heuristic_close_to_exact(seed):
    scores = random_scores(80, 0.15, seed)
    cap = np.random.default_rng(seed).integers(1, 4, 80)
    exact = plan_round(scores, cap)
    heuristic = plan_round(scores, cap, exact_max_edges=0)
    check_round(scores, cap, exact)
    check_round(scores, cap, heuristic)
    assert total_score(scores, heuristic) >= 0.95 * total_score(scores, exact)
    assert total_score(scores, exact) >= total_score(scores, heuristic) - 1e-9


def test_capacity_zero_never_proposed_and_deterministic():
    scores = random_scores(60, 0.2, 1)
    cap = np.full(60, 2)
    cap[:10] = 0
    for exact_max_edges in (0, 10_000):
        a = plan_round(scores, cap, seed=3, exact_max_edges=exact_max_edges)
        b = plan_round(scores, cap, seed=3, exact_max_edges=exact_max_edges)
        assert np.array_equal(a, b)
        assert not np.isin(a, np.arange(10)).any()


def test_priority_brings_left_out_members_first():
    s = np.zeros((3, 3))
    s[0, 1] = s[1, 0] = 1.0
    s[1, 2] = s[2, 1] = 0.9
    cap = np.ones(3, dtype=int)
    assert plan_round(s, cap).tolist() == [[0, 1]]
    assert plan_round(s, cap, priority=np.array([0, 0, 0.5])).tolist() == [[1, 2]]


@pytest.mark.parametrize(
    ("scores", "capacity", "message"),
    [
        (np.ones((2, 3)), np.ones(2, int), "square"),
        (np.array([[0, 1.0], [2.0, 0]]), np.ones(2, int), "symmetric"),
        (np.array([[0, np.nan], [np.nan, 0]]), np.ones(2, int), "NaN"),
        (np.ones((2, 2)), np.array([1, -1]), "non-negative"),
        (np.ones((2, 2)), np.ones(3, int), "shape"),
        (np.ones((2, 2)), np.array([1.5, 1.0]), "whole"),
        ([[0, 1], [1, 0]], np.ones(2, int), "sparse matrix or a numpy array"),
    ],
)
def test_plan_round_validates_inputs(scores, capacity, message):
    with pytest.raises(ValueError, match=message):
        plan_round(scores, capacity)


def test_empty_and_no_edges():
    assert plan_round(sparse.csr_matrix((0, 0)), np.zeros(0, int)).shape == (0, 2)
    assert plan_round(sparse.csr_matrix((5, 5)), np.ones(5, int)).shape == (0, 2)


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(2, 14),
    density=st.floats(0.1, 1.0),
    seed=st.integers(0, 10_000),
    exact=st.booleans(),
)
def test_property_rounds_are_valid(n, density, seed, exact):
    scores = random_scores(n, density, seed)
    cap = np.random.default_rng(seed).integers(0, 4, n)
    pairs = plan_round(scores, cap, seed=seed, exact_max_edges=10_000 if exact else 0)
    check_round(scores, cap, pairs)


def test_components_sum_to_total_and_exclusions_hold():
    n = 120
    members = random_members(n, 0)
    excluded = sparse.lil_matrix((n, n))
    excluded[0, 1:40] = 1  # member 0 already met, declined or blocked 1..39
    members.excluded = excluded.tocsr()
    cap = np.random.default_rng(0).integers(0, 4, n)
    scores, comp = round_scores(members, cap, k=15)
    total = sum(comp[name] for name in COMPONENTS)
    assert np.allclose(total, comp["total"])
    assert np.all(comp["total"][~comp["allowed"]] == 0)
    rows, cols = comp["rows"], comp["cols"]
    assert np.all(cap[rows] > 0) and np.all(cap[cols] > 0)
    bad = ((rows == 0) & (cols < 40)) | ((cols == 0) & (rows < 40))
    assert not comp["allowed"][bad].any()
    org, no_col = members.organisation, members.exclude_colleagues
    colleagues = (org[rows] == org[cols]) & (org[rows] >= 0) & (no_col[rows] | no_col[cols])
    assert not comp["allowed"][colleagues].any()
    pairs = plan_round(scores, cap)
    check_round(scores, cap, pairs)


def test_no_repeat_across_rounds():
    n = 60
    members = random_members(n, 2)
    cap = np.full(n, 2)
    met = sparse.csr_matrix((n, n))
    seen = set()
    for round_no in range(4):
        members.excluded = met
        scores, _ = round_scores(members, cap, k=20)
        pairs = plan_round(scores, cap, seed=round_no)
        for a, b in pairs.tolist():
            assert (a, b) not in seen
            seen.add((a, b))
        new = sparse.csr_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
        met = (met + new).tocsr()
    assert len(seen) > n  # rounds keep finding new introductions


def test_novelty_trust_and_intermediary():
    needs = sparse.csr_matrix(np.array([[1.0, 0], [0, 1], [0, 1]]))
    offers = sparse.csr_matrix(np.array([[0, 1.0], [1, 0], [1, 0]]))
    circles = sparse.csr_matrix(np.array([[1.0, 0], [1, 0], [0, 1]]))
    trust = sparse.csr_matrix(np.zeros((3, 3)))
    trust = sparse.lil_matrix((4, 4))
    trust[0, 3] = 1.0  # 0 trusts 3, who trusts 2: a warm path to 2 only
    trust[3, 2] = 0.5
    members = MemberArrays(
        needs=sparse.vstack([needs, sparse.csr_matrix((1, 2))]).tocsr(),
        offers=sparse.vstack([offers, sparse.csr_matrix((1, 2))]).tocsr(),
        circles=sparse.vstack([circles, sparse.csr_matrix((1, 2))]).tocsr(),
        sector=np.array([0, 0, 1, 2]),
        trust=trust.tocsr(),
    )
    comp = pair_components(members, np.array([0, 0]), np.array([1, 2]))
    assert np.allclose(comp["relevance_ab"], 1) and np.allclose(comp["relevance_ba"], 1)
    assert comp["novelty"][0] == 0 and comp["novelty"][1] > 0
    assert comp["cross_sector"][0] == 0 and comp["cross_sector"][1] > 0
    assert comp["intermediary"].tolist() == [-1, 3]
    assert comp["intermediary_forward"][1]  # 0 trusts 3, who trusts 2
    back = pair_components(members, np.array([2]), np.array([0]))
    assert back["intermediary"].tolist() == [3] and not back["intermediary_forward"][0]
    assert comp["trust"][1] > 0 and comp["total"][1] > comp["total"][0]


@settings(max_examples=60, deadline=None)
@given(
    weak=st.floats(0.05, 0.12),
    strong=st.floats(0.35, 1.0),
)
def test_a_barely_relevant_stranger_never_outranks_a_relevant_circle_member(weak, strong):
    # Member 0 seeks topic 0. Member 1 shares 0's circle and offers it strongly; member 2,
    # in another circle, offers it weakly. Novelty grows with relevance, so it cannot
    # lift the stranger above the relevant circle member.
    needs = sparse.csr_matrix(np.array([[1.0, 0], [0, 0], [0, 0]]))
    offers = sparse.csr_matrix(np.array([[0, 0], [strong, 0], [weak, 0]]))
    circles = sparse.csr_matrix(np.array([[1.0, 0], [1, 0], [0, 1]]))
    members = MemberArrays(needs=needs, offers=offers, circles=circles)
    comp = pair_components(members, np.array([0, 0]), np.array([1, 2]))
    assert comp["novelty"][0] == 0 and 0 < comp["novelty"][1] < 0.15
    assert comp["total"][0] > comp["total"][1]


@settings(max_examples=60, deadline=None)
@given(relevance=st.floats(0.05, 1.0), sector=st.booleans(), themes=st.booleans())
def test_a_member_left_out_last_round_comes_before_the_novelty_bonus(relevance, sector, themes):
    # Member 1 could meet 0 (left out last round, same circle) or 2 (another circle), who
    # are alike in all else: 0 comes first, however strong the bonus for crossing circles.
    needs = sparse.csr_matrix(np.array([[0, 0], [1.0, 0], [0, 0]]))
    offers = sparse.csr_matrix(np.array([[relevance, 0], [0, 0], [relevance, 0]]))
    circles = sparse.csr_matrix(np.array([[1.0, 0], [1, 0], [0, 1]]))
    members = MemberArrays(
        needs=needs,
        offers=offers,
        circles=circles,
        sector=np.array([0, 1 if sector else 0, 0]),
        themes=np.array([[themes, 0, 0, 0], [True, 0, 0, 0], [themes, 0, 0, 0]], dtype=bool),
        priority=np.array([1.0, 0.0, 0.0]),
    )
    comp = pair_components(members, np.array([1, 1]), np.array([0, 2]))
    assert comp["novelty"][0] == 0 and comp["novelty"][1] > 0
    assert comp["total"][0] > comp["total"][1]


@settings(max_examples=60, deadline=None)
@given(weak=st.floats(0.05, 0.12), strong=st.floats(0.5, 1.0))
def test_a_barely_relevant_left_out_member_never_takes_a_relevant_one_s_place(weak, strong):
    # Member 1 could meet 0 (left out last round, barely relevant) or 2 (relevant); all
    # three share one circle: priority alone cannot lift 0 above 2.
    needs = sparse.csr_matrix(np.array([[0, 0], [1.0, 0], [0, 0]]))
    offers = sparse.csr_matrix(np.array([[weak, 0], [0, 0], [strong, 0]]))
    circles = sparse.csr_matrix(np.ones((3, 1)))
    members = MemberArrays(
        needs=needs, offers=offers, circles=circles, priority=np.array([1.0, 0.0, 0.0])
    )
    comp = pair_components(members, np.array([1, 1]), np.array([0, 2]))
    assert comp["priority"][0] > 0 and comp["total"][0] < comp["total"][1]


def test_candidates_exact_and_ivf_agree_on_clustered_data():
    rng = np.random.default_rng(0)
    n, topics = 3000, 30
    topic = rng.integers(0, topics, n)
    wanted = (topic + 1) % topics
    needs = np.eye(topics)[wanted] + 0.05 * rng.random((n, topics))
    offers = np.eye(topics)[topic] + 0.05 * rng.random((n, topics))
    needs, offers = normalize(needs), normalize(offers)
    r1, c1 = candidate_pairs(needs, offers, 10, method="exact")
    r2, c2 = candidate_pairs(needs, offers, 10, method="ivf")
    assert np.all(r1 < c1) and np.all(r2 < c2)
    assert len(r1) <= n * 10
    sims = np.einsum("ij,ij->i", needs[r2], offers[c2]) + np.einsum(
        "ij,ij->i", needs[c2], offers[r2]
    )
    exact_sims = np.einsum("ij,ij->i", needs[r1], offers[c1]) + np.einsum(
        "ij,ij->i", needs[c1], offers[r1]
    )
    assert sims.mean() >= 0.95 * exact_sims.mean()


def test_candidates_skip_unavailable_members():
    members = random_members(50, 3)
    available = np.ones(50, bool)
    available[::2] = False
    rows, cols = candidate_pairs(members.needs, members.offers, 5, available=available)
    assert available[rows].all() and available[cols].all()


def test_ask_network_ranks_relevant_trusted_outsiders():
    offers = normalize(np.array([[1.0, 0], [1, 0], [0.9, 0.1], [0, 1]]))
    circles = sparse.csr_matrix(np.array([[1.0, 0], [0, 1], [0, 1], [1, 0]]))
    idx, score, comp = ask_network(
        np.array([1.0, 0]),
        sparse.csr_matrix(offers),
        k=3,
        trust_row=np.array([0, 0, 1.0, 0]),
        asker_circles=np.array([0]),
        circles=circles,
        eligible=np.array([True, True, True, False]),
    )
    assert idx.tolist() == [2, 1, 0]  # trusted outsider, outsider, same circle
    assert np.allclose(score, comp["relevance"] + comp["trust"] + comp["novelty"])


def test_scores_matrix_symmetric():
    m = scores_matrix(4, np.array([0, 1]), np.array([2, 3]), np.array([0.5, 0.0]))
    assert (m != m.T).nnz == 0 and m.nnz == 2


def test_dual_prices_bound_the_optimum_and_priced_path_is_valid():
    from passerelles.engine.matching import _dual_prices, _edges

    for seed in range(3):
        scores = random_scores(70, 0.2, seed)
        cap = np.random.default_rng(seed).integers(0, 4, 70)
        exact = plan_round(scores, cap)
        priced = plan_round(scores, cap, exact_max_edges=0, seed=seed)
        check_round(scores, cap, priced)
        n, u, v, w, c = _edges(scores, cap, None)
        prices, bound = _dual_prices(n, u, v, w, c, 100)
        assert np.all(prices >= 0)
        assert bound >= total_score(scores, exact) - 1e-9  # weak duality
        assert total_score(scores, priced) >= 0.95 * total_score(scores, exact)
