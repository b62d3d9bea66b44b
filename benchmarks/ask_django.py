""" "Demander au réseau" through Django on a seeded database: `intros.ask.ask` as the page
calls it (one request memo per question), a former version of it and this one in turn.

Run: ``uv run python benchmarks/ask_django.py --database ask_web_100000 --before main``
on a database seeded by ``benchmarks/web.py`` (members with consent, as
``intros.demo.enable_for`` gives it). Read-only: the index of offers is built once in
this process (not stored) and served to both versions. ``--before`` is a git revision
whose ``src/passerelles/intros/ask.py`` and ``access.py`` are loaded as the "before" version.

Per question: wall time, this process's CPU time (``time.process_time``: steadier than
wall time on a shared machine; PostgreSQL's own work is not in it), the wall time spent in
queries (as Django times them), the CPU time of the connection's PostgreSQL process (read
from /proc when the server runs on this machine; mean per question), number of queries
(``CaptureQueriesContext``), and whether both versions gave the same answers (member,
score, reasons, trust path, intermediary, existing introduction, in order). Questions:
``QUESTIONS`` x ``--members`` members (one of each of the largest circles, then of the
smallest), plus ``--visible-to-all`` members whose own profile is visible to all (who may
ask many more people).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUESTIONS = [
    "je cherche un accompagnement à l'export en Allemagne",
    "un expert-comptable pour ma levée de fonds",
    "refaire notre site web et le référencement",
    "un avocat en droit du travail pour un licenciement",
    "recruter un directeur commercial",
    "un sous-traitant en usinage de précision",
    "conseil en transition énergétique pour nos bâtiments",
    "trouver des financements pour innover",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def load_module(revision: str, name: str):
    """``passerelles.intros.<name>`` as it is at ``revision``, as a separate module."""
    source = subprocess.run(
        ["git", "show", f"{revision}:src/passerelles/intros/{name}.py"],
        cwd=HERE.parent,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / f"{name}_before.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(f"passerelles.intros.{name}_before", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def load_before(revision: str):
    """``ask.py`` at ``revision``, using ``access.py`` (who may be asked) at that revision."""
    module = load_module(revision, "ask")
    module.access = load_module(revision, "access")
    return module


def shape(answers) -> list[tuple]:
    return [
        (
            a.profile.user_id,
            a.score,
            tuple(a.reasons),
            tuple(p.user_id if p else None for p in a.path),
            a.intermediary.user_id if a.intermediary else None,
            a.existing.pk if a.existing else None,
        )
        for a in answers
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="ask_web_100000")
    parser.add_argument("--before", default="main")
    parser.add_argument("--members", type=int, default=5)
    parser.add_argument(
        "--visible-to-all",
        type=int,
        default=0,
        help="also ask as this many consenting members whose profile is visible to all",
    )
    parser.add_argument(
        "--keep-index",
        default="",
        help="a file to keep the index in between runs (rebuilt when the data changed)",
    )
    args = parser.parse_args()
    os.environ.update(
        DATABASE_URL=f"postgres://root@127.0.0.1:5432/{args.database}",
        PASSERELLES_DATA_DIR=tempfile.mkdtemp(),
        SECRET_KEY="benchmark-only-" + "k" * 50,
        PASSERELLES_DEBUG="0",
        DJANGO_SETTINGS_MODULE="passerelles.config.settings",
        LOG_LEVEL="ERROR",
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from passerelles.circles.models import Circle, Membership
    from passerelles.core import request_memo
    from passerelles.intros import ask as after
    from passerelles.intros.models import Preference
    from passerelles.members.models import Profile, Visibility

    before = load_before(args.before)
    translation.activate("fr")
    started = time.perf_counter()
    key = after.data_version()
    kept = Path(args.keep_index) if args.keep_index else None
    index = pickle.loads(kept.read_bytes()) if kept and kept.exists() else None
    if index is None or index.key != key:
        index = after.build_index(key)
        if kept:
            kept.write_bytes(pickle.dumps(index))
    print(f"index of {len(index.user_ids)} offers ready in {time.perf_counter() - started:.0f} s")
    after._cached, after._checked_at = index, after._clock()
    before._cached, before._checked_at = index, before._clock()

    circles = list(
        Circle.objects.annotate(n=Count("memberships")).order_by("-n").values_list("pk", "n")
    )
    picks = circles[:3] + circles[-(args.members - 3) :] if args.members > 3 else circles
    users = []
    for circle_id, _n in picks[: args.members]:
        member = (
            Membership.objects.admitted()
            .filter(circle_id=circle_id, user__intro_preference__consent=True)
            .select_related("user")
            .order_by("user_id")
            .first()
        )
        if member is not None:
            users.append(member.user)
    circle_askers = len(users)
    users += [
        p.user
        for p in Profile.objects.filter(
            visibility=Visibility.ALL, user__intro_preference__consent=True
        )
        .select_related("user")
        .order_by("user_id")[: args.visible_to_all]
    ]
    consenting = Preference.objects.filter(consent=True).count()
    print(f"{len(users)} members, {consenting} consenting")

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = Path(f"/proc/{cursor.fetchone()[0]}/stat")

    def server_cpu() -> float:
        """CPU seconds of this connection's PostgreSQL process (same machine), else 0."""
        try:
            fields = backend.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def run(module, user, need):
        token = request_memo._memo.set({})
        try:
            with CaptureQueriesContext(connection) as queries:
                t0, c0, s0 = time.perf_counter(), time.process_time(), server_cpu()
                answers = module.ask(user, need)
                took = (time.perf_counter() - t0) * 1000
                cpu = (time.process_time() - c0) * 1000
                server[module is after] += server_cpu() - s0
        finally:
            request_memo._memo.reset(token)
        db = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        return took, cpu, db, len(queries), shape(answers), answers

    server = {False: 0.0, True: 0.0}  # PostgreSQL's CPU seconds: before, after
    run(after, users[0], QUESTIONS[0])  # warm-up: the trust graph, caches
    run(before, users[0], QUESTIONS[0])
    server = {False: 0.0, True: 0.0}
    times: dict[str, list[float]] = {"before": [], "after": []}
    cpus: dict[tuple[str, str], list[float]] = {}
    dbs: dict[tuple[str, str], list[float]] = {}
    group_counts: dict[tuple[str, str], list[int]] = {}
    loads = [os.getloadavg()[0]]
    counts: dict[str, list[int]] = {"before": [], "after": []}
    by_group: dict[tuple[str, str], list[float]] = {}
    same = total = 0
    answers_n, warm_n = [], 0
    for q, need in enumerate(QUESTIONS):
        for u, user in enumerate(users):
            order = [("before", before), ("after", after)]
            if (q + u) % 2:
                order.reverse()
            got = {}
            for name, module in order:
                took, cpu, db, n, shaped, answers = run(module, user, need)
                times[name].append(took)
                group = "members of the circles" if u < circle_askers else "visible to all"
                by_group.setdefault((name, group), []).append(took)
                cpus.setdefault((name, group), []).append(cpu)
                dbs.setdefault((name, group), []).append(db)
                group_counts.setdefault((name, group), []).append(n)
                counts[name].append(n)
                got[name] = shaped
                if name == "after":
                    answers_n.append(len(answers))
                    warm_n += sum(1 for a in answers if len(a.path) >= 1)
            total += 1
            same += got["before"] == got["after"]
        loads.append(os.getloadavg()[0])
    print(f"same answers {same}/{total}; answers per question {min(answers_n)}-{max(answers_n)},")
    print(f"answers with a member between on the trust path: {warm_n}")
    print("| version | p50 ms | p95 ms | max ms | queries per question |")
    for name in ("before", "after"):
        t, c = times[name], counts[name]
        print(
            f"| {name} | {statistics.median(t):.0f} | {percentile(t, 0.95):.0f} | {max(t):.0f} "
            f"| {min(c)}-{max(c)} |"
        )
    print(
        "| version | askers | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms "
        "| queries p50 ms | queries p95 ms | queries per question |"
    )
    for (name, group), t in sorted(by_group.items()):
        cpu, db, n = cpus[(name, group)], dbs[(name, group)], group_counts[(name, group)]
        print(
            f"| {name} | {group} | {statistics.median(t):.0f} | {percentile(t, 0.95):.0f} "
            f"| {max(t):.0f} | {statistics.median(cpu):.0f} | {percentile(cpu, 0.95):.0f} "
            f"| {statistics.median(db):.0f} | {percentile(db, 0.95):.0f} | {min(n)}-{max(n)} |"
        )
    for name, is_after in (("before", False), ("after", True)):
        print(
            f"{name}: PostgreSQL's CPU time, mean per question "
            f"{server[is_after] * 1000 / len(times[name]):.1f} ms (ticks of 10 ms, summed)"
        )
    print(f"load average (1 min) during the run: {min(loads):.1f}-{max(loads):.1f}")


if __name__ == "__main__":
    main()
