"""What-if simulation at scale: 10,000 members x 12 months, with and without a bridge.

Builds the world from the demo generator's dataset (``demo.generator.generate``: circles,
members with their needs and offers, memberships, bridges, ties), without a database:
the text model and the round's candidates and scores come from the engine
(``RelevanceModel``, ``candidate_pairs``, ``pair_components``), scopes are drawn as the
demo draws them and the rounds' scope rule is applied as ``intros.matching_data`` does.
Then ``engine.simulate.simulate`` runs 12 months as things are and with one more bridge
(between the two largest circles that are not bridged yet).

Times, in the same run: building the world (text model, candidates, scores), the
simulation as things are and with the bridge, and the baseline: the same months without
introductions (events and recommendations only), which shows what the rounds cost.
Run: ``uv run python benchmarks/simulate.py [--members 10000] [--months 12] [--quick]``.
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np
from scipy import sparse

from passerelles.demo.generator import generate
from passerelles.engine.matching import MemberArrays, candidate_pairs, pair_components
from passerelles.engine.simulate import World, simulate
from passerelles.engine.text import RelevanceModel

SCOPES = (0.05, 0.40, 0.55)  # circles only, bridged circles, all members (as the demo)


def _dot(a, b, rows, cols) -> np.ndarray:
    return np.asarray(a[rows].multiply(b[cols]).sum(axis=1)).ravel()


def build(members: int, circles: int, seed: int):
    data = generate(members=members, circles=circles, seed=seed)
    n, c = len(data.members), len(data.circles)
    admitted = [m for m in data.memberships if m.state == "admitted"]
    mem_member = np.array([m.member for m in admitted], dtype=np.int64)
    mem_circle = np.array([m.circle for m in admitted], dtype=np.int64)
    incidence = sparse.csr_matrix((np.ones(len(admitted)), (mem_member, mem_circle)), (n, c))
    incidence.data[:] = 1.0
    model = RelevanceModel().fit([p.needs for p in data.members] + [p.offers for p in data.members])
    needs = model.encode([p.needs for p in data.members])
    offers = model.encode([p.offers for p in data.members])
    rng = np.random.default_rng(seed)
    consent = rng.random(n) < 0.85
    scope = np.where(consent, rng.choice(3, n, p=SCOPES), -1)
    capacity = np.where(consent, 2, 0)
    ties = np.asarray(data.ties, dtype=np.int64).reshape(-1, 2)
    excluded = sparse.csr_matrix((np.ones(len(ties)), (ties[:, 0], ties[:, 1])), (n, n))
    arrays = MemberArrays(needs=needs, offers=offers, circles=incidence, excluded=excluded)
    rows, cols = candidate_pairs(needs, offers, 50, available=capacity > 0)
    comp = pair_components(arrays, rows, cols)
    active = [
        (b.from_circle, b.to_circle) for b in data.bridges if getattr(b, "state", "") == "active"
    ]

    def allowed(bridge_pairs) -> tuple[np.ndarray, np.ndarray]:
        br = np.array(bridge_pairs, dtype=np.int64).reshape(-1, 2)
        adjacency = sparse.csr_matrix(
            (np.ones(2 * len(br)), (np.r_[br[:, 0], br[:, 1]], np.r_[br[:, 1], br[:, 0]])),
            shape=(c, c),
        )
        reach = incidence + incidence @ adjacency
        share = _dot(incidence, incidence, rows, cols) > 0
        across = _dot(reach.tocsr(), incidence, rows, cols) > 0
        ok = comp["allowed"].copy()
        for side in (rows, cols):  # the rounds' rule (intros.matching_data.allowed_pairs)
            s = scope[side]
            ok &= (s == 2) | ((s == 1) & (share | across)) | ((s == 0) & share)
        return ok, br

    def world(bridge_pairs) -> World:
        ok, br = allowed(bridge_pairs)
        return World(
            n=n,
            c=c,
            mem_member=mem_member,
            mem_circle=mem_circle,
            ties=ties,
            rows=rows,
            cols=cols,
            score=comp["total"],
            allowed=ok,
            capacity=capacity,
            bridges=br,
            vouched=rng.random(n) < 0.6,
            waited_days=rng.uniform(0, 365, n),
        )

    sizes = np.bincount(mem_circle, minlength=c)
    linked = {frozenset(p) for p in active}
    order = np.argsort(-sizes)
    extra = next(
        (int(a), int(b))
        for i, a in enumerate(order)
        for b in order[i + 1 :]
        if frozenset((int(a), int(b))) not in linked
    )
    return world(active), world(active + [extra]), extra, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--circles", type=int, default=0, help="default: members / 45")
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="2,000 members, 6 months")
    args = parser.parse_args()
    if args.quick:
        args.members, args.months = 2000, 6
    circles = args.circles or max(4, args.members // 45)
    start = time.perf_counter()
    today, bridged, extra, pairs = build(args.members, circles, args.seed)
    built = time.perf_counter() - start
    print(f"members {today.n}, circles {today.c}, ties {len(today.ties)}, candidate pairs {pairs}")
    print(f"bridge added: circles {extra}; build {built:.1f} s")
    rows = []
    for label, w, intros in (
        ("as today", today, True),
        ("with the bridge", bridged, True),
        ("baseline: no introductions", today, False),
    ):
        t = time.perf_counter()
        series = simulate(w, args.months, seed=args.seed, introductions=intros)
        rows.append((label, time.perf_counter() - t, series))
    total = built + rows[0][1] + rows[1][1]
    print(
        f"| scenario | time (s) | E-I month 0 -> {args.months} | E-I of the two circles | "
        f"introductions | worst monthly wait (days) |"
    )
    print("|---|---|---|---|---|---|")
    for label, seconds, s in rows:
        pair = s.circle_ei[:, list(extra)]
        waits = [w for w in s.wait_days if w == w]
        print(
            f"| {label} | {seconds:.1f} | {s.ei[0]:+.3f} -> {s.ei[-1]:+.3f} | "
            f"{np.nanmean(pair[0]):+.3f} -> {np.nanmean(pair[-1]):+.3f} | "
            f"{sum(s.introductions)} | {max(waits) if waits else float('nan'):.0f} |"
        )
    base = rows[2][1]
    print(f"with/without-introductions time ratio: {rows[0][1] / base:.1f}")
    print(
        f"total (build + two scenarios): {total:.1f} s; "
        f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
