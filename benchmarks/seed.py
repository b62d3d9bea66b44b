"""Time ``passerelles seed --members 100000`` on a fresh SQLite file.

Run: ``uv run --group bench python benchmarks/seed.py`` (``--quick``: 10,000 members).
``--demo N``: instead, the demo's first start (``passerelles demo --no-serve`` on a fresh
data directory: migrate, then the 600 members with their activity), N times, reporting
each run's CPU time (user + system) and wall time.
Otherwise each run migrates a new database in a temporary directory, then times the seed
command in a subprocess and reports its wall time and peak memory (max RSS). The baseline is
the naive way — one ORM ``save()`` per user, profile (by the post_save signal) and
membership — timed on a sample and extrapolated linearly to the same size.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE_SAMPLE = 2000


def _env(directory: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{directory / 'bench.sqlite3'}",
        PASSERELLES_DATA_DIR=str(directory),
        SECRET_KEY="benchmark-only",
        DJANGO_SETTINGS_MODULE="passerelles.config.settings",
    )
    return env


def _run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def _baseline_worker(n: int) -> None:
    """Per-row inserts with the ORM, as a naive seed would write them (in a subprocess)."""
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from passerelles.accounts.models import User
    from passerelles.circles.models import Circle, Membership
    from passerelles.demo.generator import generate

    data = generate(members=n, circles=14, seed=1)
    password = make_password("passerelles-demo")
    started = time.perf_counter()
    with transaction.atomic():
        circles = [
            Circle.objects.create(name=c.name, slug=c.slug, kind=c.kind, city=c.city)
            for c in data.circles
        ]
        users = []
        for m in data.members:
            user = User(email=m.email, first_name=m.first_name, last_name=m.last_name)
            user.password = password
            user.save()  # the post_save signal creates the profile
            profile = user.profile
            profile.headline, profile.sector, profile.offers = m.headline, m.sector, m.offers
            profile.save()
            users.append(user)
        for ms in data.memberships:
            Membership.objects.create(
                circle=circles[ms.circle],
                user=users[ms.member],
                role=ms.role,
                state=ms.state,
                requested_at=ms.requested_at or timezone.now(),
                admitted_at=ms.admitted_at,
            )
    print(f"{time.perf_counter() - started:.3f}")


def _demo_runs(runs: int) -> None:
    """The demo's first start, ``runs`` times, each on a fresh data directory."""
    cpu, wall = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = _env(Path(tmp))
            del env["DATABASE_URL"]  # the demo's own SQLite file in its data directory
            env.setdefault("PASSERELLES_SEMANTIC", "off")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds, _out = _run(
                [sys.executable, "-m", "passerelles.cli", "demo", "--no-serve"], env
            )
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        cpu.append(used)
        wall.append(seconds)
        print(f"demo --no-serve: {used:.2f} s CPU, {seconds:.2f} s wall", flush=True)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"Load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"CPU s: median {sorted(cpu)[len(cpu) // 2]:.2f}, worst {max(cpu):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10,000 members")
    parser.add_argument("--demo", type=int, default=0, help="time the demo's first start N times")
    parser.add_argument("--members", type=int, default=None)
    parser.add_argument("--baseline-worker", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline_worker:
        _baseline_worker(args.baseline_worker)
        return
    if args.demo:
        _demo_runs(args.demo)
        return
    members = args.members or (10_000 if args.quick else 100_000)
    cli = [sys.executable, "-m", "passerelles.cli"]

    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp))
        _run([*cli, "migrate", "-v0"], env)
        seconds, output = _run([*cli, "seed", "--members", str(members), "-v2"], env)
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        size_mib = (Path(tmp) / "bench.sqlite3").stat().st_size / 2**20

    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp))
        _run([*cli, "migrate", "-v0"], env)
        sample = min(BASELINE_SAMPLE, members)
        _t, out = _run(
            [sys.executable, __file__, "--baseline-worker", str(sample)], env | {"PYTHONPATH": ""}
        )
        baseline = float(out.strip().splitlines()[-1]) * members / sample

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"Load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"seed --members {members}: {seconds:.1f} s wall (process start included)")
    print(f"  peak memory {peak_mib:.0f} MiB, database {size_mib:.0f} MiB")
    for line in output.splitlines():
        print("  " + line)
    print(
        f"baseline, per-row ORM saves ({sample} members, extrapolated): {baseline:.1f} s "
        f"-> seed is {baseline / seconds:.1f}x faster"
    )


if __name__ == "__main__":
    main()
