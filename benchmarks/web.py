"""Web pages under load: the production server on a seeded PostgreSQL database.

Run: ``uv run --group bench python benchmarks/web.py`` (``--quick``: 5,000 members,
20 s of load). Steps, each printed with its figures:

1. seed ``--members`` members and ``--circles`` circles on PostgreSQL with
   ``passerelles seed`` (timed; goal 10 min at 100,000), then three upcoming events per
   circle with registrations (the seed writes events only below 5,000 members);
2. sign in ``--users`` seeded members (sessions written directly, as Django's test client
   does, so the argon2 sign-in is not part of the load) and pick each one's pages: a
   circle of theirs, an event they may see;
3. one request at a time in-process (Django's test client): queries per request
   (``CaptureQueriesContext``) and the median server time of each page, on this database
   and on a small one (``--small-members``, same members per circle) to show which
   pages cost the same at both sizes;
4. ``passerelles serve --workers 4`` on 127.0.0.1 and a bounded load from locust
   (headless, ``--users`` virtual members, ``--duration`` seconds, each waiting 0 to
   ``--think`` seconds between requests) over the main pages, the API and the health
   view (the floor: the same server's trivial view in the same run). Per page: p50 /
   p95 / p99, errors and requests per second. The server is stopped at the end.

Loopback only; every loop is bounded in count and time. ``--reuse`` keeps a database
already seeded at the same size (the seeding time is then not measured again).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib import import_module
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = [  # (name, path template); {slug}, {event} are the virtual member's own
    ("floor: health", "/sante/"),
    ("home", "/accueil/"),
    ("directory", "/membres/"),
    ("directory, page 5", "/membres/?page=5"),
    ("circles list", "/cercles/"),
    ("circle page", "/cercles/{slug}/"),
    ("events list", "/evenements/"),
    ("event page", "/evenements/{event}/"),
    ("introductions", "/mises-en-relation/"),
    ("trust passport", "/confiance/"),
    ("api members", "/api/members"),
    ("api circles", "/api/circles"),
    ("api circle", "/api/circles/{slug}"),
    ("api circle members", "/api/circles/{slug}/members"),
    ("api events", "/api/events"),
]
SIZE_INDEPENDENT = ("directory", "circles list", "events list", "api members", "api circles")
CPU_SHARE: dict[str, float] = {}  # CPU seconds during the load, filled by run_load
EVENTS_PER_CIRCLE = 3
REGISTRATIONS_PER_EVENT = 12


DEFAULT_REDIS = "redis://127.0.0.1:6379/14"  # the test of two servers uses 13


def server_env(database_url: str, data_dir: str) -> dict[str, str]:
    """The production settings on loopback. Several web processes share Redis, as
    docs/operations.md asks (sessions, sign-in limits and caches); ``--redis ""`` runs
    without (each process its own memory cache, sessions read from the database)."""
    env = dict(os.environ)
    env.update(
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS),
        DATABASE_URL=database_url,
        PASSERELLES_DATA_DIR=data_dir,
        SECRET_KEY="benchmark-only-" + "k" * 50,  # settings refuse keys under 50 characters
        ALLOWED_HOSTS="127.0.0.1,testserver",
        SECURE_COOKIES="0",
        SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback: no TLS proxy in front
        PASSERELLES_DEBUG="0",
        PASSERELLES_TASK_BACKEND="django_tasks.backends.dummy.DummyBackend",
        DJANGO_SETTINGS_MODULE="passerelles.config.settings",
        LOG_LEVEL="ERROR",
    )
    return env


def stage(name: str, database_url: str, data_dir: str, *extra: str) -> dict:
    """Run one stage of this script in a fresh process on ``database_url``; its JSON."""
    done = subprocess.run(
        [sys.executable, __file__, "--stage", name, *extra],
        env=server_env(database_url, data_dir),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"stage {name} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- stages (run in their own process, Django set up on the stage's database) ---------


def _setup_django() -> None:
    import django

    django.setup()


def stage_size() -> dict:
    _setup_django()
    from django.contrib.auth import get_user_model
    from django.db.utils import ProgrammingError

    from passerelles.circles.models import Circle

    try:
        return {"users": get_user_model().objects.count(), "circles": Circle.objects.count()}
    except ProgrammingError:
        return {"users": 0, "circles": 0}


def stage_events() -> dict:
    """Three upcoming events per circle, open to the host, its bridged circles or all,
    each with a dozen registrations of the host's members; written in bulk."""
    _setup_django()
    import datetime as dt

    from django.db import transaction
    from django.utils import timezone

    from passerelles.circles.models import Circle, Membership, MembershipState
    from passerelles.demo.loader import analyze_tables
    from passerelles.events.models import Event, Openness, Registration, RegistrationStatus

    rng = random.Random(7)
    now = timezone.now()
    members: dict[int, list[int]] = {}
    for circle_id, user_id in Membership.objects.filter(state=MembershipState.ADMITTED).values_list(
        "circle_id", "user_id"
    ):
        members.setdefault(circle_id, []).append(user_id)
    started = time.perf_counter()
    with transaction.atomic():
        events = []
        for circle in Circle.objects.only("pk", "city", "created_by_id"):
            for k in range(EVENTS_PER_CIRCLE):
                starts = now + dt.timedelta(days=rng.randint(1, 90), hours=rng.randint(0, 8))
                events.append(
                    Event(
                        title=f"Rencontre {k + 1} du cercle",
                        axis=rng.choice(["monde", "soi", "societe", "savoir"]),
                        format="table_ronde",
                        host_circle_id=circle.pk,
                        openness=[Openness.HOST, Openness.BRIDGED, Openness.ALL][k],
                        place="Maison des Entreprises",
                        city=circle.city,
                        starts_at=starts,
                        ends_at=starts + dt.timedelta(hours=2),
                        capacity=40,
                        created_by_id=circle.created_by_id,
                    )
                )
        Event.objects.bulk_create(events, batch_size=2000)
        registrations = []
        for event in events:
            pool = members.get(event.host_circle_id, [])
            for user_id in rng.sample(pool, min(len(pool), REGISTRATIONS_PER_EVENT)):
                registrations.append(
                    Registration(
                        event_id=event.pk,
                        user_id=user_id,
                        circle_id=event.host_circle_id,
                        status=RegistrationStatus.REGISTERED,
                    )
                )
        Registration.objects.bulk_create(registrations, batch_size=5000)
    analyze_tables()
    return {
        "events": len(events),
        "registrations": len(registrations),
        "seconds": time.perf_counter() - started,
    }


def stage_users(count: int, seed: int) -> dict:
    """Sessions for ``count`` random admitted members (and the demo member first), with
    each one's circle and an upcoming event they may see."""
    _setup_django()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone

    from passerelles.accounts.models import User
    from passerelles.circles.models import Membership, MembershipState
    from passerelles.events.access import visible_events

    ids = sorted(
        set(
            Membership.objects.filter(
                state=MembershipState.ADMITTED, user__is_staff=False
            ).values_list("user_id", flat=True)
        )
    )
    rng = random.Random(seed)
    chosen = rng.sample(ids, min(count, len(ids)))
    demo = User.objects.filter(email="membre@demo.passerelles.fr").first()
    if demo is not None and demo.pk not in chosen:
        chosen = [demo.pk, *chosen[: count - 1]]
    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore  # noqa: N806
    people = []
    for user in User.objects.filter(pk__in=chosen).order_by("pk"):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        membership = (
            Membership.objects.filter(user=user, state=MembershipState.ADMITTED)
            .select_related("circle")
            .order_by("pk")
            .first()
        )
        event = (
            visible_events(user).filter(ends_at__gte=timezone.now()).order_by("starts_at").first()
        )
        people.append(
            {
                "email": user.email,
                "session": session.session_key,
                "slug": membership.circle.slug,
                "event": event.pk if event else 0,
            }
        )
    return {"users": people, "cookie": settings.SESSION_COOKIE_NAME}


def stage_queries(users_file: str, repeats: int) -> dict:
    """One request at a time through Django's test client: queries and median time."""
    _setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    data = json.loads(Path(users_file).read_text())
    results: dict[str, dict] = {}
    for person in data["users"][:5]:
        client = Client()
        client.cookies[data["cookie"]] = person["session"]
        for name, template in PAGES:
            url = template.format(**person)
            client.get(url)  # warm (per-process caches, connection)
            times, cpu, counts = [], [], []
            for _ in range(repeats):
                with CaptureQueriesContext(connection) as queries:
                    started, cpu_started = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - cpu_started) * 1000)
                counts.append(len(queries))
                if response.status_code != 200:
                    raise SystemExit(f"{url} for {person['email']}: {response.status_code}")
            row = results.setdefault(name, {"queries": [], "ms": [], "cpu": []})
            row["queries"].append(max(counts))
            row["ms"].append(statistics.median(times))
            row["cpu"].append(statistics.median(cpu))
    return {
        name: {
            "queries": max(row["queries"]),
            "ms": statistics.median(row["ms"]),
            "cpu": statistics.median(row["cpu"]),
        }
        for name, row in results.items()
    }


# --- the run --------------------------------------------------------------------------


def prepare(database_url: str, data_dir: str, members: int, circles: int, reuse: bool) -> dict:
    """Migrate and seed the database (unless reused at the right size); seconds taken."""
    admin_url, _, name = database_url.rpartition("/")
    size = {"users": 0}
    if reuse:
        size = stage("size", database_url, data_dir)
    info: dict = {"reused": size["users"] >= members}
    if info["reused"]:
        return info
    for command in (["dropdb", "--if-exists"], ["createdb"]):
        subprocess.run([*command, "-h", "127.0.0.1", "-U", "root", name], check=True)
    env = server_env(database_url, data_dir)
    cli = [sys.executable, "-m", "passerelles.cli"]
    subprocess.run([*cli, "migrate", "-v0"], env=env, check=True)
    started = time.perf_counter()
    seeded = subprocess.run(
        [*cli, "seed", "--members", str(members), "--circles", str(circles), "--no-activity"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    info["seed_seconds"] = time.perf_counter() - started
    info["seed_output"] = seeded.stdout.strip().splitlines()[-1]
    info["events"] = stage("events", database_url, data_dir)
    return info


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url} within {seconds:.0f} s")


def warm_up(base: str, users_file: str, workers: int) -> None:
    """Every page once per worker (a few in parallel), so no measured request pays for
    a worker's first imports; bounded: 3 x workers rounds of the pages."""
    from concurrent.futures import ThreadPoolExecutor

    data = json.loads(Path(users_file).read_text())
    person = data["users"][0]
    headers = {"Cookie": f"{data['cookie']}={person['session']}"}

    def fetch(template: str) -> None:
        request = urllib.request.Request(base + template.format(**person), headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                response.read()
        except OSError:
            pass

    with ThreadPoolExecutor(max_workers=workers * 2) as pool:
        list(pool.map(fetch, [t for _ in range(3 * workers) for _name, t in PAGES]))


def settle(group: int, limit: float) -> float:
    """Wait until the server's processes are idle (under 5% of a core over 5 s: start-up
    work in the background, such as the indexes of members' texts, is done), at most
    ``limit`` seconds; returns the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        before = group_cpu_seconds(group)
        time.sleep(5)
        if group_cpu_seconds(group) - before < 0.25:
            break
    return time.monotonic() - started


def group_cpu_seconds(group: int) -> float:
    """CPU seconds (user + system) used so far by the processes of a process group: the
    web server's master and workers."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group:  # pgrp; then utime, stime at 11, 12
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def machine_cpu_seconds() -> float:
    """Busy CPU seconds of the whole machine so far (every process, PostgreSQL and the
    other jobs of a shared machine included)."""
    values = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run_load(args, database_url: str, data_dir: str, users_file: str) -> list[dict]:
    env = server_env(database_url, data_dir)
    bind = f"127.0.0.1:{args.port}"
    log = open(Path(data_dir) / "server.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "passerelles.cli", "serve", "--bind", bind]
        + ["--workers", str(args.workers), "--no-migrate"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        try:
            wait_for(f"http://{bind}/sante/", 600)  # start-up is slow on a busy machine
        except SystemExit:
            log.flush()
            sys.stderr.write((Path(data_dir) / "server.log").read_text()[-3000:])
            raise
        warm_up(f"http://{bind}", users_file, args.workers)
        if args.settle:
            waited = settle(server.pid, args.settle)
            print(f"server settled after {waited:.0f} s (limit {args.settle:.0f} s)", flush=True)
        cpu_before = (
            group_cpu_seconds(server.pid),
            resource.getrusage(resource.RUSAGE_CHILDREN),
            machine_cpu_seconds(),
        )
        prefix = str(Path(data_dir) / "locust")
        env_load = dict(os.environ, BENCH_USERS_FILE=users_file, BENCH_THINK=str(args.think))
        subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(HERE / "web_locust.py"), "--headless"]
            + ["--users", str(args.users), "--spawn-rate", str(args.users)]
            + ["--run-time", f"{args.duration}s", "--stop-timeout", "5"]
            + [
                "--host",
                f"http://{bind}",
                "--csv",
                prefix,
                "--only-summary",
                "--loglevel",
                "ERROR",
            ],
            env=env_load,
            check=False,
            timeout=args.duration + 120,
            capture_output=True,
        )
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        CPU_SHARE.update(
            server=group_cpu_seconds(server.pid) - cpu_before[0],
            locust=(children.ru_utime + children.ru_stime)
            - (cpu_before[1].ru_utime + cpu_before[1].ru_stime),
            machine=machine_cpu_seconds() - cpu_before[2],
        )
        with open(f"{prefix}_failures.csv", newline="") as handle:
            failures = list(csv.DictReader(handle))
        for row in failures[:5]:
            print(f"errors: {row['Name']}: {row['Error']} ({row['Occurrences']} times)")
        if failures:  # what the server said meanwhile (restarts, timeouts, tracebacks)
            log.flush()
            lines = (Path(data_dir) / "server.log").read_text().splitlines()
            print("server log, lines other than requests:")
            for line in [x for x in lines if '"GET ' not in x][-15:]:
                print("  " + line[:300])
        with open(f"{prefix}_stats.csv", newline="") as handle:
            return list(csv.DictReader(handle))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


def print_costs(costs: dict, members: int, small_members: int, repeats: int) -> None:
    print(
        f"\nOne request at a time (Django test client, median of {repeats} x 5 "
        f"members): queries per request and server time, {members} vs {small_members} "
        "members"
    )
    big_floor = costs["large"]["floor: health"]["ms"]
    small_floor = costs["small"]["floor: health"]["ms"]
    print(
        f"| page | queries ({members:,}) | queries ({small_members:,}) | ms ({members:,}) "
        f"| ms ({small_members:,}) | x floor ({members:,}) | x floor ({small_members:,}) "
        f"| CPU ms ({members:,}) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, _template in PAGES:
        big, small = costs["large"][name], costs["small"][name]
        print(
            f"| {name} | {big['queries']} | {small['queries']} | {big['ms']:.1f} | "
            f"{small['ms']:.1f} | {big['ms'] / big_floor:.1f} | "
            f"{small['ms'] / small_floor:.1f} | {big['cpu']:.1f} |"
        )
    mean = statistics.mean(costs["large"][name]["cpu"] for name, _t in PAGES)
    print(f"Mean CPU of this process per request over the mix ({members:,}): {mean:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 members, 20 s of load")
    parser.add_argument("--members", type=int)
    parser.add_argument("--circles", type=int)
    parser.add_argument("--small-members", type=int, default=1000)
    parser.add_argument("--users", type=int, default=50, help="concurrent virtual members")
    parser.add_argument("--duration", type=int, help="seconds of load (120; quick 20)")
    parser.add_argument("--think", type=float, default=0.5, help="max wait between requests")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--settle",
        type=float,
        default=0,
        help="before the load, wait up to this many seconds for the server to go idle",
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--database", default="postgres://root@127.0.0.1:5432/passerelles_web")
    parser.add_argument("--reuse", action="store_true", help="keep a database seeded earlier")
    parser.add_argument("--load-only", action="store_true", help="skip the one-by-one pass")
    parser.add_argument("--costs-only", action="store_true", help="skip the load")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--users-file", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--redis", default=DEFAULT_REDIS, help='shared cache of the web processes ("": none)'
    )
    args = parser.parse_args()
    os.environ["BENCH_REDIS_URL"] = args.redis  # for server_env, in every stage

    if args.stage:
        result = {
            "size": stage_size,
            "events": stage_events,
            "users": lambda: stage_users(args.users, args.seed),
            "queries": lambda: stage_queries(args.users_file, args.repeats),
        }[args.stage]()
        print(json.dumps(result))
        return

    members = args.members or (5000 if args.quick else 100_000)
    circles = args.circles or max(1, members // 50)
    duration = args.duration or (20 if args.quick else 120)
    args.duration = duration
    small_members = args.small_members
    small_circles = max(1, small_members // 50)
    big_url = f"{args.database}_{members}"
    small_url = f"{args.database}_{small_members}"

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; load average at start "
        f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    with tempfile.TemporaryDirectory(prefix="passerelles-web-") as data_dir:
        for label, url, n, c in (
            ("large", big_url, members, circles),
            ("small", small_url, small_members, small_circles),
        ):
            info = prepare(url, data_dir, n, c, args.reuse)
            if info["reused"]:
                print(f"{label}: {n} members / {c} circles, database reused")
            else:
                ev = info["events"]
                print(
                    f"{label}: seed --members {n} --circles {c}: {info['seed_seconds']:.1f} s "
                    f"wall ({info['seed_output']}); then {ev['events']} events, "
                    f"{ev['registrations']} registrations in {ev['seconds']:.1f} s"
                )
        cli = [sys.executable, "-m", "passerelles.cli", "collectstatic", "--noinput", "-v0"]
        subprocess.run(cli, env=server_env(big_url, data_dir), check=True)

        costs = {}
        for label, url in (("large", big_url), ("small", small_url)):
            users = stage("users", url, data_dir)
            users_file = str(Path(data_dir) / f"users-{label}.json")
            Path(users_file).write_text(json.dumps(users))
            if label == "large":
                large_users_file = users_file
            if args.load_only:
                continue
            costs[label] = stage(
                "queries", url, data_dir, "--users-file", users_file, "--repeats", str(args.repeats)
            )

        if costs:
            print_costs(costs, members, small_members, args.repeats)
        if args.costs_only:
            return
        rows = run_load(args, big_url, data_dir, large_users_file)
    by_name = {row["Name"]: row for row in rows}
    floor = by_name.get("floor: health")
    total = by_name.get("Aggregated")
    print(
        f"\nLoad: passerelles serve --workers {args.workers}, {args.users} virtual members "
        f"for {duration} s, 0-{args.think} s between requests (locust, loopback)"
    )
    print("| page | requests | errors | p50 ms | p95 ms | p99 ms | req/s | p95 / floor p95 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, _template in [*PAGES, ("Aggregated", "")]:
        row = by_name.get(name)
        if row is None:
            continue
        ratio = float(row["95%"]) / max(1.0, float(floor["95%"])) if floor else float("nan")
        print(
            f"| {name} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} | "
            f"{row['95%']} | {row['99%']} | {float(row['Requests/s']):.1f} | {ratio:.1f} |"
        )
    if total and CPU_SHARE:
        count = max(1, int(total["Request Count"]))
        print(
            f"CPU during the load: web server {CPU_SHARE['server']:.1f} s "
            f"({CPU_SHARE['server'] / count * 1000:.1f} ms a request), locust "
            f"{CPU_SHARE['locust']:.1f} s ({CPU_SHARE['locust'] / count * 1000:.1f} ms a "
            f"request), whole machine {CPU_SHARE['machine']:.1f} s of "
            f"{(os.cpu_count() or 1) * duration} s (PostgreSQL and other jobs included)"
        )
    if total:
        print(
            f"Throughput {float(total['Requests/s']):.1f} requests/s, "
            f"{total['Failure Count']} errors of {total['Request Count']}; load average at the "
            f"end {', '.join(f'{x:.1f}' for x in os.getloadavg())}"
        )


if __name__ == "__main__":
    main()
