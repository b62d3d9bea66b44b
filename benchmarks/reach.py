"""Reach of introduction rounds on the demo ecosystem: how many cross circles and sectors.

Loads the demo ecosystem (``passerelles seed``, with its activity: consenting members,
one round already run) into a throw-away SQLite database, then plans the next round with
the product's code (``intros.rounds.plan``, all consenting members taking part) and
measures, in the same run:

* ``round``: the planned round, pairs allowed by both sides' scopes (the product's rule);
* ``random``: random pairing of the same participants under the same rule and the same
  exclusions (never introduced before, colleagues, blocked), within the same capacities;
* ``round, visibility too``: the round when each side must also see the other's profile
  in the directory (the rule before scopes were taken as consent), for comparison;
* ``ceiling``: the most cross-circle round these scopes allow while introducing as many
  people as the round (cross-circle pairs first, then any allowed pair);
* ``demo round``: the round stored by the demo when it was loaded, and that round and the
  next together (members left out of one come first in the next);

Then, still in the same run, how reach depends on the engine and on the members' choices:
the next round with the former novelty bonus (0.15, in full from relevance 0.3), then with
the scopes drawn as the former demo drew them (10% "my circles", 50% "bridged circles",
40% "all members", nobody excluding their own circles), then also with only three active
bridges (the club's and two others), each with its ceiling.

Columns: introductions; share crossing circles; share crossing sectors; mean relevance
of the pairs (the better of the two directions, 0 to 1); participants left without any
suggestion (they come first next round).

A pair crosses circles when the two share no circle (bridged circles count as other
circles); it crosses sectors when both sectors are known and differ. Run:
``uv run python benchmarks/reach.py [--members 600] [--circles 14]``.
"""

from __future__ import annotations

import tempfile
import time

import numpy as np
from trust_web import demo_arguments, load_demo, setup_django


def crossing(pool, pairs: np.ndarray) -> tuple[float, float]:
    """(share of pairs with no circle in common, share with two known, different sectors)."""
    if len(pairs) == 0:
        return float("nan"), float("nan")
    circles = pool.members.circles
    a, b = pairs[:, 0], pairs[:, 1]
    shared = np.asarray(circles[a].multiply(circles[b]).sum(axis=1)).ravel()
    sector = pool.members.sector
    known = (sector[a] >= 0) & (sector[b] >= 0)
    return float(np.mean(shared == 0)), float(np.mean(known & (sector[a] != sector[b])))


def relevance(pool, pairs: np.ndarray) -> float:
    """Mean relevance of the pairs, the better of the two directions."""
    from passerelles.engine.matching import pair_components

    if len(pairs) == 0:
        return float("nan")
    c = pair_components(pool.members, pairs[:, 0], pairs[:, 1])
    return float(np.mean(np.maximum(c["relevance_ab"], c["relevance_ba"])))


def left_out(pool, pairs: np.ndarray) -> int:
    """Participants who get no suggestion from these pairs."""
    served = np.zeros(pool.n, dtype=bool)
    served[pairs.ravel()] = True
    return int(((pool.capacity > 0) & ~served).sum())


def row(pool, name: str, pairs: np.ndarray, seconds: float | None = None) -> str:
    circle, sector = crossing(pool, pairs)
    timing = f"{seconds:.2f} s" if seconds is not None else ""
    return (
        f"| {name} | {len(pairs)} | {circle:.3f} | {sector:.3f} | "
        f"{relevance(pool, pairs):.3f} | {left_out(pool, pairs)} | {timing} |"
    )


HEADER = (
    "| round | introductions | cross-circle | cross-sector | relevance | left out | plan time |\n"
    "|---|---:|---:|---:|---:|---:|---:|"
)


def random_pairing(pool, candidates, rng: np.random.Generator) -> np.ndarray:
    """Pairs of participants in random order, kept while both have capacity left and the
    pair is allowed (scopes) and not excluded (the engine's exclusions)."""
    rows, cols = candidates  # allowed_candidates(pool), computed once for every draw
    left = pool.capacity.copy()
    chosen = []
    for e in rng.permutation(rows.size):
        a, b = rows[e], cols[e]
        if left[a] and left[b]:
            left[a] -= 1
            left[b] -= 1
            chosen.append((a, b))
    return np.array(chosen, dtype=np.int64).reshape(-1, 2)


def allowed_candidates(pool) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of participants the product's rule and the engine's exclusions allow."""
    from passerelles.engine.matching import pair_components
    from passerelles.intros import matching_data

    participants = np.flatnonzero(pool.capacity > 0)
    rows, cols = np.triu_indices(participants.size, k=1)
    rows, cols = participants[rows], participants[cols]
    keep = matching_data.allowed_pairs(pool, rows, cols)
    rows, cols = rows[keep], cols[keep]
    keep = pair_components(pool.members, rows, cols)["allowed"]
    return rows[keep], cols[keep]


def ceiling(pool) -> np.ndarray:
    """A round that maximises cross-circle pairs first (weight 1) and uses the remaining
    capacity on any allowed pair (weight 0.001)."""
    from passerelles.engine.matching import plan_round, scores_matrix

    rows, cols = allowed_candidates(pool)
    shared = np.asarray(pool.members.circles[rows].multiply(pool.members.circles[cols]).sum(1))
    weight = np.where(shared.ravel() == 0, 1.0, 0.001)
    return plan_round(scores_matrix(pool.n, rows, cols, weight), pool.capacity)


def planned_pairs(planned, pool) -> np.ndarray:
    return np.array(
        [(pool.index_of(p.a), pool.index_of(p.b)) for p in planned], dtype=np.int64
    ).reshape(-1, 2)


def main(argv: list[str] | None = None) -> None:
    parser = demo_arguments(__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=20, help="random pairings averaged")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="passerelles-bench-") as data_dir:
        setup_django(data_dir)
        from django.utils import timezone

        from passerelles.circles.models import Bridge, BridgeState
        from passerelles.intros import matching_data, rounds
        from passerelles.intros.models import Introduction, Origin, Preference
        from passerelles.members.models import Profile

        print(f"Demo loaded in {load_demo(args, activity=True):.1f} s")
        now = timezone.now()
        pool = matching_data.load_pool(now, force=True)
        consenting = Preference.objects.filter(consent=True)
        scopes = {s: consenting.filter(scope=s).count() for s in ("circles", "bridged", "all")}
        visibilities = {
            v: Profile.objects.filter(visibility=v).count() for v in ("circles", "bridged", "all")
        }
        print(
            f"{pool.n} members, {int((pool.capacity > 0).sum())} consenting, "
            f"{Bridge.objects.filter(state=BridgeState.ACTIVE).count()} active bridges; "
            f"scopes {scopes}; profile visibility {visibilities}"
        )

        results = []
        demo_round = Introduction.objects.filter(origin=Origin.ROUND, round__isnull=False)
        demo_pairs = np.array(
            [
                (pool.index_of(a), pool.index_of(b))
                for a, b in demo_round.values_list("member_a_id", "member_b_id")
            ],
            dtype=np.int64,
        ).reshape(-1, 2)
        results.append(("demo round (stored when the demo was loaded)", demo_pairs, None))

        t0 = time.perf_counter()
        _ids, _last, planned = rounds.plan(now, seed=args.seed, force=True)
        results.append(("next round", planned_pairs(planned, pool), time.perf_counter() - t0))

        results.append(("ceiling under these scopes", ceiling(pool), None))

        candidates = allowed_candidates(pool)
        draws = [
            random_pairing(pool, candidates, np.random.default_rng(d)) for d in range(args.draws)
        ]
        shares = np.array([crossing(pool, p) for p in draws])
        sizes = [len(p) for p in draws]

        product_rule = matching_data.allowed_pairs

        def visibility_too(pool_, rows, cols):
            rows, cols = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
            seen = matching_data.sees(pool_, rows, cols) & matching_data.sees(pool_, cols, rows)
            return product_rule(pool_, rows, cols) & seen

        matching_data.allowed_pairs = visibility_too
        try:
            t0 = time.perf_counter()
            _ids, _last, planned_vis = rounds.plan(now, seed=args.seed, force=True)
            elapsed = time.perf_counter() - t0
        finally:
            matching_data.allowed_pairs = product_rule
        results.append(("next round, visibility too", planned_pairs(planned_vis, pool), elapsed))

        both_rounds = np.vstack([demo_pairs, results[1][1]])
        results.insert(2, ("the demo's round and the next together", both_rounds, None))

        print()
        print(HEADER)
        for name, pairs, seconds in results:
            print(row(pool, name, pairs, seconds))
        print(
            f"| random pairing, same scopes and exclusions ({args.draws} draws) | "
            f"{np.mean(sizes):.0f} | {shares[:, 0].mean():.3f} [{shares[:, 0].min():.3f}] | "
            f"{shares[:, 1].mean():.3f} | "
            f"{np.mean([relevance(pool, p) for p in draws]):.3f} | "
            f"{np.mean([left_out(pool, p) for p in draws]):.0f} | |"
        )
        twice = left_twice(pool, both_rounds)
        print(
            f"\nLeft out of both the demo's round and the next: {twice[0]} participants; "
            f"{twice[1]} of them have no allowed partner at all, {twice[2]} only partners "
            "below the rounds' relevance floor (intros.rounds.ROUND_RELEVANCE)."
        )
        sensitivity(now, args.seed)


def left_twice(pool, pairs: np.ndarray) -> tuple[int, int, int]:
    """Participants in none of ``pairs`` (two rounds): how many, how many of them have no
    allowed partner, how many have only partners below ``ROUND_RELEVANCE``."""
    from passerelles.engine.matching import pair_components
    from passerelles.intros.rounds import ROUND_RELEVANCE

    served = np.zeros(pool.n, dtype=bool)
    served[pairs.ravel()] = True
    both = (pool.capacity > 0) & ~served
    rows, cols = allowed_candidates(pool)
    c = pair_components(pool.members, rows, cols)
    best = np.maximum(c["relevance_ab"], c["relevance_ba"])
    top = np.zeros(pool.n)
    np.maximum.at(top, rows, best)
    np.maximum.at(top, cols, best)
    degree = np.bincount(np.r_[rows, cols], minlength=pool.n)
    alone = both & (degree == 0)
    weak = both & (degree > 0) & (top < ROUND_RELEVANCE)
    return int(both.sum()), int(alone.sum()), int(weak.sum())


def sensitivity(now, seed: int) -> None:
    """The next round and its ceiling with the former novelty bonus, then with the former
    demo's choices (scopes, then bridges too). Changes the throw-away database."""
    from passerelles.circles.models import Bridge, BridgeState
    from passerelles.engine import matching
    from passerelles.intros import matching_data, rounds
    from passerelles.intros.models import Preference, Scope

    def next_round(name: str) -> None:
        pool = matching_data.load_pool(now, force=True)
        t0 = time.perf_counter()
        _ids, _last, planned = rounds.plan(now, seed=seed, force=True)
        elapsed = time.perf_counter() - t0
        print(row(pool, name, planned_pairs(planned, pool), elapsed))
        print(row(pool, f"ceiling, {name}", ceiling(pool)))

    print()
    print(HEADER)
    weight, full_at = matching.DEFAULT_WEIGHTS["novelty"], matching.NOVELTY_FULL_AT
    matching.DEFAULT_WEIGHTS["novelty"], matching.NOVELTY_FULL_AT = 0.15, 0.3
    try:
        next_round("former novelty bonus")
    finally:
        matching.DEFAULT_WEIGHTS["novelty"], matching.NOVELTY_FULL_AT = weight, full_at

    rng = np.random.default_rng(seed)
    prefs = list(Preference.objects.filter(consent=True).order_by("user_id"))
    for pref in prefs:
        pref.scope = str(rng.choice(list(Scope.values), p=[0.1, 0.5, 0.4]))
        pref.exclude_own_circles = False
    Preference.objects.bulk_update(prefs, ["scope", "exclude_own_circles"])
    next_round("former demo's scopes")

    active = list(Bridge.objects.filter(state=BridgeState.ACTIVE).order_by("pk"))
    club = active[0].from_circle_id  # the organiser's club comes first
    kept = [b for b in active if club in (b.from_circle_id, b.to_circle_id)]
    kept += [b for b in active if b not in kept][:2]
    Bridge.objects.filter(state=BridgeState.ACTIVE).exclude(pk__in=[b.pk for b in kept]).update(
        state=BridgeState.REVOKED
    )
    next_round("former scopes and 3 active bridges")


if __name__ == "__main__":
    main()
