"""Benchmark of the introduction engines: optimality, reach, relevance and speed.

    uv run --group bench python benchmarks/matching.py [--quick]

Every figure is compared in the same run with a baseline doing the same work: the exact
optimum (scipy milp) or the LP-relaxation bound (linprog, HiGHS), a greedy pass, random
pairing, networkx max_weight_matching. Inputs are generated from a seed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from passerelles.engine.lexicon import CONCEPTS
from passerelles.engine.matching import (
    MemberArrays,
    _dual_prices,
    _edges,
    _greedy,
    ask_network,
    plan_round,
    round_scores,
    total_score,
)
from passerelles.engine.text import RelevanceModel, relevance
from passerelles.intros.diversity import diversify

ROOT = Path(__file__).resolve().parents[1]
SECTORS = list(CONCEPTS)
FILLER_NEED = ["Je cherche", "Besoin de", "Looking for", "Qui connaît", "Nous voulons"]
FILLER_OFFER = ["Je propose", "Cabinet spécialisé en", "J'accompagne en", "Expert en", "Offering"]


def make_population(n: int, seed: int):
    """Members with a sector, circles concentrated by sector, needs and offers in text.

    Sectors form four families; circles (~250 members per circle, one or two circles per
    member) belong to a family and 85% of a member's circles are in their own family (the
    "entre-soi" the platform wants to open); 60% of needs point inside the family.
    """
    rng = np.random.default_rng(seed)
    n_sec = len(SECTORS)
    family = np.arange(n_sec) % 4  # four families of sectors (digital, industry, ...)
    sector = rng.integers(0, n_sec, n)
    phrases = [list(CONCEPTS[s]) for s in SECTORS]
    n_circles = max(8, n // 250)
    circle_family = np.arange(n_circles) % 4
    by_family = [np.flatnonzero(circle_family == f) for f in range(4)]
    rows, cols = [], []
    for i in range(n):
        for _ in range(rng.integers(1, 3)):
            if rng.random() < 0.85:
                c = rng.choice(by_family[family[sector[i]]])
            else:
                c = rng.integers(0, n_circles)
            rows.append(i)
            cols.append(c)
    circles = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n_circles))
    circles.data[:] = 1.0
    offers, needs = [], []
    for i in range(n):
        own = phrases[sector[i]]
        offers.append(
            f"{FILLER_OFFER[rng.integers(5)]} "
            + ", ".join(own[j] for j in rng.choice(len(own), 3, replace=False))
        )
        # 60% of needs stay within the family of sectors, where the circles are.
        if rng.random() < 0.6:
            wanted = rng.choice(np.flatnonzero(family == family[sector[i]]))
        else:
            wanted = rng.integers(0, n_sec)
        other = phrases[wanted]
        needs.append(
            f"{FILLER_NEED[rng.integers(5)]} "
            + " et ".join(other[j] for j in rng.choice(len(other), 2, replace=False))
        )
    themes = rng.random((n, 4)) < 0.4
    trust = sparse.random(n, n, density=min(1.0, 8 / n), random_state=rng, format="csr")
    trust.setdiag(0)
    trust.eliminate_zeros()
    capacity = rng.integers(1, 4, n)
    return sector, circles, needs, offers, themes, trust, capacity


def encode_population(needs, offers, seed):
    rng = np.random.default_rng(seed)
    sample = rng.permutation(len(needs))[:20000]
    model = RelevanceModel().fit([needs[i] for i in sample] + [offers[i] for i in sample])
    return model, model.encode(needs), model.encode(offers)


def members_for(n, seed):
    sector, circles, needs, offers, themes, trust, capacity = make_population(n, seed)
    model, nv, ov = encode_population(needs, offers, seed)
    members = MemberArrays(
        needs=nv, offers=ov, circles=circles, sector=sector, themes=themes, trust=trust
    )
    return members, capacity, model, needs


def exact_optimum(scores, capacity):
    n, u, v, w, cap = _edges(scores, capacity, None)
    m = u.size
    a = sparse.csr_matrix(
        (np.ones(2 * m), (np.concatenate([u, v]), np.concatenate([np.arange(m)] * 2))),
        shape=(n, m),
    )
    res = milp(
        -w,
        constraints=LinearConstraint(a, ub=cap),
        integrality=np.ones(m),
        bounds=Bounds(0, 1),
        options={"time_limit": 120},
    )
    return -res.fun


def lp_bound(scores, capacity, time_limit):
    n, u, v, w, cap = _edges(scores, capacity, None)
    m = u.size
    a = sparse.csr_matrix(
        (np.ones(2 * m), (np.concatenate([u, v]), np.concatenate([np.arange(m)] * 2))),
        shape=(n, m),
    )
    t = time.perf_counter()
    res = linprog(
        -w, A_ub=a, b_ub=cap, bounds=(0, 1), method="highs", options={"time_limit": time_limit}
    )
    return (-res.fun if res.status == 0 else None), time.perf_counter() - t


def greedy_total(scores, capacity, seed=0):
    n, u, v, w, cap = _edges(scores, capacity, None)
    return float(w[_greedy(n, u, v, w, cap, np.random.default_rng(seed))].sum())


def bench_optimality(instances: int):
    ratios_default, ratios_heur, ratios_greedy = [], [], []
    for s in range(instances):
        n = 60 + (s * 7) % 141  # 60..200
        members, capacity, _, _ = members_for(n, 1000 + s)
        scores, _ = round_scores(members, capacity, k=50)
        opt = exact_optimum(scores, capacity)
        ratios_default.append(total_score(scores, plan_round(scores, capacity)) / opt)
        heur = plan_round(scores, capacity, exact_max_edges=0)
        ratios_heur.append(total_score(scores, heur) / opt)
        ratios_greedy.append(greedy_total(scores, capacity) / opt)
    return {
        "instances": instances,
        "plan_round mean": float(np.mean(ratios_default)),
        "plan_round worst": float(np.min(ratios_default)),
        "heuristic-only mean": float(np.mean(ratios_heur)),
        "heuristic-only worst": float(np.min(ratios_heur)),
        "greedy mean": float(np.mean(ratios_greedy)),
        "greedy worst": float(np.min(ratios_greedy)),
    }


def bench_networkx(sizes):
    import networkx as nx

    rows = []
    for n in sizes:
        members, _, _, _ = members_for(n, 7)
        cap = np.ones(n, dtype=np.int64)
        scores, _ = round_scores(members, cap, k=50)
        t = time.perf_counter()
        ours = plan_round(scores, cap)
        t_ours = time.perf_counter() - t
        g = nx.Graph()
        up = sparse.triu(scores, k=1).tocoo()
        edges = zip(up.row.tolist(), up.col.tolist(), up.data.tolist(), strict=True)
        g.add_weighted_edges_from(edges)
        t = time.perf_counter()
        mate = nx.max_weight_matching(g)
        t_nx = time.perf_counter() - t
        nx_total = sum(g[a][b]["weight"] for a, b in mate)
        rows.append(
            {
                "n": n,
                "edges": int(up.nnz),
                "plan_round s": t_ours,
                "networkx s": t_nx,
                "speed-up": t_nx / t_ours,
                "score ratio": total_score(scores, ours) / nx_total,
            }
        )
    return rows


def scale_child(n: int, lp_limit: float):
    """One process per size so ru_maxrss is the peak of this size alone."""
    members, capacity, model, needs = members_for(n, 42)
    rss_setup = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    t0 = time.perf_counter()
    scores, comp = round_scores(members, capacity, k=50)
    t1 = time.perf_counter()
    pairs = plan_round(scores, capacity)
    t2 = time.perf_counter()
    ours = total_score(scores, pairs)
    greedy = greedy_total(scores, capacity)
    bound, t_lp = lp_bound(scores, capacity, lp_limit) if lp_limit > 0 else (None, 0.0)
    # Weak duality: any prices y >= 0 bound the LP relaxation from above, so this bound
    # is valid (and >= the LP optimum) when the LP itself is too slow to finish.
    t = time.perf_counter()
    dual = _dual_prices(*_edges(scores, capacity, None), 300)[1]
    t_dual = time.perf_counter() - t
    # The product's pass that spreads a member's suggestions over their needs (rounds of
    # up to 5,000 participants): what it changes and costs in raw total score.
    spread = {}
    if n <= 5000:
        t = time.perf_counter()
        spread_pairs = diversify(pairs, comp, capacity, members.needs, members.offers)
        spread = {
            "spread s": time.perf_counter() - t,
            "spread changed pairs": len(
                {tuple(p) for p in pairs.tolist()} ^ {tuple(p) for p in spread_pairs.tolist()}
            )
            // 2,
            "spread total / plan total": total_score(scores, spread_pairs) / ours,
        }
    rows = pairs[:, 0]
    cols = pairs[:, 1]
    shared = np.asarray(members.circles[rows].multiply(members.circles[cols]).sum(1)).ravel()
    rng = np.random.default_rng(1)
    perm = rng.permutation(n)[: 2 * len(pairs)].reshape(-1, 2)
    shared_rand = np.asarray(
        members.circles[perm[:, 0]].multiply(members.circles[perm[:, 1]]).sum(1)
    ).ravel()
    # Same scope, relevance only: what the reach looks like without the bridge bonuses
    # (a second full round, so only below 20k members).
    shared_rel = np.array([np.nan])
    if n <= 20000:
        rel_scores, _ = round_scores(
            members, capacity, k=50, weights={"novelty": 0, "cross_sector": 0, "themes": 0}
        )
        rel_pairs = plan_round(rel_scores, capacity)
        shared_rel = np.asarray(
            members.circles[rel_pairs[:, 0]].multiply(members.circles[rel_pairs[:, 1]]).sum(1)
        ).ravel()
    # Ask the network: encode a need, rank 100k offers.
    lat = []
    eligible = np.ones(n, dtype=bool)
    offers_csr = members.offers.tocsr()
    circles_csc = members.circles.tocsc()
    for q in range(220):
        t = time.perf_counter()
        qv = model.encode([needs[q]])
        ask_network(
            qv,
            offers_csr,
            10,
            trust_row=members.trust[q],
            asker_circles=members.circles[q].indices,
            circles=circles_csc,
            eligible=eligible,
        )
        lat.append(time.perf_counter() - t)
    lat = np.array(lat[20:]) * 1000
    sec = members.sector
    return {
        "n": n,
        "candidate pairs": int(len(comp["rows"])),
        "candidates+scores s": t1 - t0,
        "plan_round s": t2 - t1,
        "total s": t2 - t0,
        "pairs": int(len(pairs)),
        "plan/LP": ours / bound if bound else None,
        "greedy/LP": greedy / bound if bound else None,
        "plan/greedy": ours / greedy,
        "LP s": t_lp,
        "plan/dual bound": ours / dual,
        "greedy/dual bound": greedy / dual,
        "dual bound s": t_dual,
        "cross-circle": float(np.mean(shared == 0)),
        "cross-sector": float(np.mean(sec[rows] != sec[cols])),
        "random cross-circle": float(np.mean(shared_rand == 0)),
        "random cross-sector": float(np.mean(sec[perm[:, 0]] != sec[perm[:, 1]])),
        "relevance-only cross-circle": (
            float(np.mean(shared_rel == 0)) if n <= 20000 else None  # not run above 20k
        ),
        "mean relevance (ours)": float(
            np.mean(np.maximum(*[np.asarray(x).ravel() for x in _relevance_of(members, pairs)]))
        ),
        "ask p50 ms": float(np.percentile(lat, 50)),
        "ask p95 ms": float(np.percentile(lat, 95)),
        **spread,
        "peak RSS GiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20,
        "RSS after setup GiB": rss_setup,
    }


def _relevance_of(members, pairs):
    a, b = pairs[:, 0], pairs[:, 1]
    r_ab = members.needs[a].multiply(members.offers[b]).sum(1)
    r_ba = members.needs[b].multiply(members.offers[a]).sum(1)
    return r_ab, r_ba


def bench_relevance():
    data = json.loads((ROOT / "tests/engine/data/relevance_fr.json").read_text("utf-8"))
    ids = list(data["offers"])
    offers = [data["offers"][i] for i in ids]
    needs = [t for _, t in data["needs"]]
    gold = np.array([ids.index(o) for o, _ in data["needs"]])
    out = {}
    for name, kw in {
        "default (words+concepts+chars)": {},
        "words only (baseline)": {"concept_weight": 0, "char_weight": 0},
        "words+chars, no lexicon": {"concept_weight": 0},
    }.items():
        model = RelevanceModel(**kw).fit(offers + needs)
        r = relevance(model.encode(needs), model.encode(offers))
        rank = np.argmax(np.argsort(-r, axis=1) == gold[:, None], axis=1)
        out[name] = {"top-1": float(np.mean(rank == 0)), "MRR": float(np.mean(1 / (rank + 1)))}
    return {"pairs": len(needs), "offers": len(offers), "results": out}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scale-child", type=int)
    parser.add_argument("--lp-limit", type=float, default=300)
    args = parser.parse_args()
    if args.scale_child:
        print(json.dumps(scale_child(args.scale_child, args.lp_limit)))
        return
    print(f"nproc={os.cpu_count()}", flush=True)
    print("relevance:", json.dumps(bench_relevance(), indent=1), flush=True)
    print(
        "optimality:", json.dumps(bench_optimality(5 if args.quick else 20), indent=1), flush=True
    )
    nx_sizes = [200] if args.quick else [200, 500, 1000]
    print("networkx:", json.dumps(bench_networkx(nx_sizes), indent=1), flush=True)
    sizes = [2000] if args.quick else [5000, 100_000]
    for n in sizes:
        lp_limit = 30 if args.quick else args.lp_limit
        if n >= 50_000:
            lp_limit = 0  # ~4M columns: HiGHS does not finish in minutes; dual bound only
        out = subprocess.run(
            [sys.executable, __file__, "--scale-child", str(n), "--lp-limit", str(lp_limit)],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"scale {n}:", json.dumps(json.loads(out.stdout), indent=1), flush=True)


if __name__ == "__main__":
    main()
