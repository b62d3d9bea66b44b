"""Trust on a profile page: how long the viewer's trust level and explanations take.

Loads the demo ecosystem (``passerelles seed``) into a throw-away SQLite database, adds
trust evidence along the demo's ties (vouches, meetings attested by both sides, skill
endorsements), then times, for random (viewer, target) pairs of members:

* ``engine``: personal trust from the viewer's sources, the level's percentile and
  ``explain`` on the cached graph (what the brief's 50 ms budget is about);
* ``page``: ``trust.explain.read_trust`` as the profile page calls it, with its queries.

Also the cold graph build and one background snapshot. Run:
``uv run python benchmarks/trust_web.py [--members 600] [--pairs 300]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def setup_django(data_dir: str) -> None:
    os.environ["PASSERELLES_DATA_DIR"] = data_dir
    os.environ["PASSERELLES_DEBUG"] = "1"
    os.environ["PASSERELLES_TASK_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passerelles.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def demo_arguments(description: str) -> argparse.ArgumentParser:
    """The options of a run on the demo ecosystem: its size and seed."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--members", type=int, default=600)
    parser.add_argument("--circles", type=int, default=14)
    parser.add_argument("--seed", type=int, default=2026)
    return parser


def load_demo(args: argparse.Namespace, *, activity: bool = False) -> float:
    """Seed the demo ecosystem (``passerelles seed``) into the set-up database; seconds."""
    from django.core.management import call_command

    started = time.perf_counter()
    call_command(
        "seed",
        members=args.members,
        circles=args.circles,
        seed=args.seed,
        activity=activity,
        verbosity=0,
    )
    return time.perf_counter() - started


def add_evidence(seed: int) -> dict[str, int]:
    """Vouches, mutual meetings and endorsements mostly inside circles, some across."""
    from datetime import timedelta

    from django.utils import timezone

    from passerelles.circles.models import Membership, MembershipState
    from passerelles.members.models import Profile
    from passerelles.trust.models import Endorsement, MeetingAttestation, Vouch

    rng = random.Random(seed)
    now = timezone.now()
    by_circle: dict[int, list[int]] = {}
    for user_id, circle_id in Membership.objects.filter(state=MembershipState.ADMITTED).values_list(
        "user_id", "circle_id"
    ):
        by_circle.setdefault(circle_id, []).append(user_id)
    everyone = sorted({u for members in by_circle.values() for u in members})
    contexts = ["worked_with", "client", "supplier", "colleague", "met_here", "same_circle"]
    pairs: set[tuple[int, int]] = set()
    for members in by_circle.values():
        for user_id in members:
            for _ in range(rng.randint(1, 6)):
                pool = members if rng.random() < 0.85 else everyone
                other = rng.choice(pool)
                if other != user_id:
                    pairs.add((user_id, other))
    vouches = [
        Vouch(
            voucher_id=a,
            vouchee_id=b,
            context=rng.choice(contexts),
            strength=rng.randint(1, 3),
            text="",
        )
        for a, b in sorted(pairs)
    ]
    Vouch.objects.bulk_create(vouches, batch_size=2000)
    meetings = []
    pair_list = sorted(pairs)
    for a, b in rng.sample(pair_list, k=len(pair_list) // 3):
        day = (now - timedelta(days=rng.randint(1, 500))).date()
        for x, y in ((a, b), (b, a)):
            meetings.append(
                MeetingAttestation(
                    attester_id=x, other_id=y, happened_on=day, usefulness=rng.randint(1, 5)
                )
            )
    MeetingAttestation.objects.bulk_create(meetings, batch_size=2000, ignore_conflicts=True)
    endorsements = []
    skills = {
        p.user_id: [s.pk for s in p.skills.all()]
        for p in Profile.objects.prefetch_related("skills")
    }
    for a, b in rng.sample(pair_list, k=len(pair_list) // 2):
        if skills.get(b):
            endorsements.append(Endorsement(endorser_id=a, member_id=b, skill_id=skills[b][0]))
    Endorsement.objects.bulk_create(endorsements, batch_size=2000, ignore_conflicts=True)
    return {"vouches": len(vouches), "meetings": len(meetings), "endorsements": len(endorsements)}


def main(argv: list[str] | None = None) -> None:
    parser = demo_arguments(__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=300)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="passerelles-bench-") as data_dir:
        setup_django(data_dir)
        from django.contrib.auth import get_user_model

        from passerelles.engine.trust import explain, personal_trust
        from passerelles.trust import graph as trust_graph
        from passerelles.trust import snapshots, state
        from passerelles.trust.explain import percentile_of, read_trust, viewer_sources

        started = time.perf_counter()
        load_demo(args)
        counts = add_evidence(args.seed)
        state.mark_dirty()
        print(
            f"Seeded {args.members} members in {args.circles} circles, {counts['vouches']} "
            f"vouches, {counts['meetings']} attestations, {counts['endorsements']} endorsements "
            f"in {time.perf_counter() - started:.1f} s"
        )

        t0 = time.perf_counter()
        built = trust_graph.current_graph()
        build_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        summary = snapshots.recompute()
        snapshot_ms = (time.perf_counter() - t0) * 1000
        print(
            f"Cold graph build: {build_ms:.0f} ms ({built.graph.num_nodes} nodes, "
            f"{built.graph.trust.nnz} trust edges); snapshot: {snapshot_ms:.0f} ms "
            f"({summary['members']} scores)"
        )

        users = list(get_user_model().objects.filter(is_active=True))
        rng = random.Random(args.seed)
        pairs = [tuple(rng.sample(users, 2)) for _ in range(args.pairs)]
        built = trust_graph.current_graph()  # warm, as in a running web process
        engine_ms, page_ms = [], []
        for viewer, target in pairs:
            sources, from_circles, _mine, _bridged = viewer_sources(built, viewer)
            target_node = built.node(target.pk)
            t0 = time.perf_counter()
            trust = personal_trust(built.graph, sources[sources != target_node])
            percentile_of(trust, target_node, sources)
            if not from_circles:
                explain(built.graph, int(sources[0]), target_node, k=3)
            engine_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            read_trust(viewer, target.pk)
            page_ms.append((time.perf_counter() - t0) * 1000)
        if os.environ.get("PROFILE"):
            import cProfile
            import pstats

            with cProfile.Profile() as prof:
                for viewer, target in pairs[:100]:
                    read_trust(viewer, target.pk)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        for name, values in (("engine", engine_ms), ("page", page_ms)):
            print(
                f"{name:>6}: p50 {statistics.median(values):.1f} ms, "
                f"p95 {percentile(values, 0.95):.1f} ms, max {max(values):.1f} ms "
                f"over {len(values)} pairs"
            )


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    main()
