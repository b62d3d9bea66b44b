"""Benchmark of table plans: social golfer instances and a realistic networking evening.

    uv run --group bench python benchmarks/tables.py           # full (a few minutes)
    uv run --group bench python benchmarks/tables.py --quick   # under a minute

For each instance: ``plan_tables`` (cold = first call in the process, so it includes
building finite-field tables and the Kirkman packing; warm = median of 3 later calls),
the local search alone from a greedy start (no design), a greedy plan and a random
plan, with repeats (sum over pairs of meetings beyond the first) and mixing beside times.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import subprocess
import time

import numpy as np

from passerelles.engine.tables import (
    _greedy,
    _Search,
    _tabu,
    greedy_plan,
    mixing_bound,
    plan_quality,
    plan_tables,
    random_plan,
    table_sizes,
)

GOLFERS = [(3, 3, 4), (4, 4, 5), (5, 3, 7), (5, 4, 5), (6, 3, 7), (5, 5, 6), (8, 4, 9)]


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def search_only(n: int, size: int, rounds: int, seconds: float, seed: int = 0) -> np.ndarray:
    """The tabu search from a greedy start, without any design construction."""
    sizes = table_sizes(n, size)
    rng = np.random.default_rng(seed)
    zeros = np.zeros((n, n), dtype=np.int64)
    start = _greedy(sizes, rounds, zeros.copy(), None, zeros, None, rng)
    search = _Search(start, sizes, zeros, None, zeros, None, rng)
    return _tabu(search, (0, 0, 0, 0), time.perf_counter() + seconds, 10**12, 10**12)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            names = [ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"{cores} cores, {cpu}"


def golfers(quick: bool) -> list[str]:
    rows = [
        "| instance (g-s-w) | n | plan_tables repeats | cold s | warm s (median 3) "
        "| search only repeats (s) | greedy repeats | random repeats |",
        "|---|---|---|---|---|---|---|---|",
    ]
    budget = 2.0 if quick else 10.0
    for g, s, w in GOLFERS:
        n = g * s
        plan, cold = timed(lambda n=n, s=s, w=w: plan_tables(n, s, w, time_limit=10.0))
        warm = [timed(lambda n=n, s=s, w=w: plan_tables(n, s, w, time_limit=10.0))[1]]
        warm += [timed(lambda n=n, s=s, w=w: plan_tables(n, s, w, time_limit=10.0))[1]]
        warm += [timed(lambda n=n, s=s, w=w: plan_tables(n, s, w, time_limit=10.0))[1]]
        alone, alone_t = timed(lambda n=n, s=s, w=w: search_only(n, s, w, budget))
        rows.append(
            f"| {g}-{s}-{w} | {n} | {plan_quality(plan).repeats} | {cold:.3f} "
            f"| {statistics.median(warm):.4f} "
            f"| {plan_quality(alone).repeats} ({alone_t:.2f}) "
            f"| {plan_quality(greedy_plan(n, s, w)).repeats} "
            f"| {plan_quality(random_plan(n, s, w)).repeats} |"
        )
        print(rows[-1], flush=True)
    limit = 10.0 if quick else 60.0
    plan, took = timed(lambda: plan_tables(32, 4, 10, time_limit=limit, patience=10**12))
    rows.append(
        f"| 8-4-10 ({limit:.0f} s budget) | 32 | {plan_quality(plan).repeats} | {took:.1f} | – "
        f"| – | {plan_quality(greedy_plan(32, 4, 10)).repeats} "
        f"| {plan_quality(random_plan(32, 4, 10)).repeats} |"
    )
    print(rows[-1], flush=True)
    return rows


def evening(quick: bool) -> list[str]:
    n, size, rounds, labels = 300, 6, 5, 12
    rng = np.random.default_rng(2024)
    # a few big circles and a long tail, like a real cross-circle evening
    weights = 1.0 / np.arange(1, labels + 1) ** 1.3
    groups = rng.choice(labels, n, p=weights / weights.sum())
    counts = np.bincount(groups, minlength=labels)
    sizes = table_sizes(n, size)
    k = sizes.size
    simple = min(int(np.minimum(sizes, labels).sum()), int(np.minimum(counts, k).sum()))
    bound = mixing_bound(sizes, counts)
    print(f"\nRealistic evening: {n} participants, {k} tables of {size}, {rounds} rounds")
    print(f"circle sizes: {sorted(counts.tolist(), reverse=True)}")
    print(
        f"mixing bound per round: min(sum_t min(size_t, {labels}), sum_g min(count_g, {k})) "
        f"= {simple}; exact max-flow bound = {bound} -> {bound / k:.3f} distinct per table"
    )
    plan, cold = timed(lambda: plan_tables(n, size, rounds, groups, time_limit=10.0))
    runs = 1 if quick else 3
    warm = [
        timed(lambda s=s: plan_tables(n, size, rounds, groups, seed=s, time_limit=10.0))[1]
        for s in range(runs)
    ]
    rows = [
        f"Realistic evening: {n} participants, 12 circles (sizes "
        f"{', '.join(map(str, sorted(counts.tolist(), reverse=True)))}), {k} tables of {size}, "
        f"{rounds} rounds; best possible mean distinct circles per table = {bound / k:.3f}.",
        "",
        "| method | repeats | mean distinct circles / table | min | time s |",
        "|---|---|---|---|---|",
    ]
    q = plan_quality(plan, groups)
    rows.append(
        f"| plan_tables | {q.repeats} | {q.mean_distinct_groups:.3f} | {q.min_distinct_groups} "
        f"| cold {cold:.3f}, warm {statistics.median(warm):.3f} |"
    )
    for name, fn in (
        ("greedy", lambda: greedy_plan(n, size, rounds, groups)),
        ("random", lambda: random_plan(n, size, rounds)),
    ):
        base, took = timed(fn)
        q = plan_quality(base, groups)
        rows.append(
            f"| {name} | {q.repeats} | {q.mean_distinct_groups:.3f} | {q.min_distinct_groups} "
            f"| {took:.3f} |"
        )
    for row in rows[2:]:
        print(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="shorter budgets, under a minute")
    args = parser.parse_args()
    print(f"machine: {machine()}; {time.strftime('%Y-%m-%d')}")
    print("\nSocial golfer instances")
    golf = golfers(args.quick)
    even = evening(args.quick)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory: {peak:.0f} MiB")
    print("\n--- markdown ---")
    print("\n".join(golf))
    print()
    print("\n".join(even))


if __name__ == "__main__":
    main()
