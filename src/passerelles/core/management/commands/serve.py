"""``passerelles serve``: the production processes of one machine, from the environment.

Migrates, collects static files, then starts and supervises gunicorn (with whitenoise),
the task worker(s) and the scheduler. ``--processes`` picks a subset, for a site spread
over several machines (web nodes, worker nodes, one scheduler): see docs/operations.md.
"""

import hashlib
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

PROCESSES = ("web", "worker", "scheduler")


def tasks_queued_in_database() -> bool:
    """Whether tasks wait in the database for a worker (the production backend), rather
    than running at once in the web process or being dropped (tests, benchmarks)."""
    from django.utils.module_loading import import_string
    from django_tasks_db import DatabaseBackend

    backend = import_string(settings.TASKS["default"]["BACKEND"])
    return issubclass(backend, DatabaseBackend)


def gunicorn_arguments(bind: str, workers: int, threads: int, timeout: int) -> list[str]:
    """The site is imported once by gunicorn's master and forked into the workers
    (``--preload``, see config/wsgi.py): a worker is ready as soon as it starts, and a
    restarted one too. ``--graceful-timeout`` lets requests under way finish on a stop."""
    arguments = ["-m", "gunicorn", "passerelles.config.wsgi:application", "--bind", bind]
    arguments += ["--config", "python:passerelles.config.gunicorn"]  # indexes warmed per worker
    arguments += ["--workers", str(workers), "--preload", "--timeout", str(timeout)]
    arguments += ["--graceful-timeout", "20", "--access-logfile", "-"]
    if threads > 1:
        arguments += ["--worker-class", "gthread", "--threads", str(threads)]
    return arguments


def static_sources_fingerprint() -> str:
    """A digest of every static source file (name, size, modification time) the finders
    see, with the storage that processes them: equal digests, same collected files."""
    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256(settings.STORAGES["staticfiles"]["BACKEND"].encode())
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static(out: Any) -> None:
    """``collectstatic``, skipped when the sources have not changed since the last run:
    hashing and compressing every file again took 36 s of CPU at each start."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    root = Path(settings.STATIC_ROOT)
    stamp = root.with_name(root.name + ".fingerprint")  # beside, not served
    fingerprint = static_sources_fingerprint()
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    complete = manifest is None or (root / manifest).exists()
    if complete and stamp.exists() and stamp.read_text() == fingerprint:
        out.write("Fichiers statiques inchangés : pas de nouvelle collecte.")
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(fingerprint)


class Command(BaseCommand):
    help = "Migrate, collect static files and run gunicorn, task workers and the scheduler."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("BIND", "0.0.0.0:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", "3")))
        parser.add_argument(
            "--task-workers",
            type=int,
            default=int(os.environ.get("TASK_WORKERS", "1")),
            help="background task worker processes",
        )
        parser.add_argument(
            "--processes",
            default=os.environ.get("PROCESSES", ",".join(PROCESSES)),
            help="which of web,worker,scheduler this machine runs (default: all)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("WEB_THREADS", "1")),
            help="threads per web worker (more than one: gunicorn's gthread workers)",
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=int(os.environ.get("WEB_TIMEOUT", "60")),
            help="seconds a web worker may take on one request before it is restarted",
        )
        parser.add_argument("--no-migrate", action="store_true")

    def handle(
        self,
        *args: Any,
        bind: str,
        workers: int,
        task_workers: int,
        threads: int,
        timeout: int,
        processes: str,
        no_migrate: bool,
        **options: Any,
    ) -> None:
        from passerelles.core import supervisor

        wanted = {name.strip() for name in processes.split(",") if name.strip()}
        if not wanted or wanted - set(PROCESSES):
            raise CommandError(f"--processes takes a subset of {','.join(PROCESSES)}")
        if "worker" in wanted and not tasks_queued_in_database():
            # A worker would exit at once and, restarted again and again, stop everything.
            wanted.discard("worker")
            self.stdout.write(
                "Pas de worker : les tâches ne sont pas mises en file dans la base "
                f"({settings.TASKS['default']['BACKEND']})."
            )
            if not wanted:
                raise CommandError("Aucun processus à lancer : pas de file de tâches à traiter.")
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        if not no_migrate:
            call_command("migrate", interactive=False)
        children = []
        if "web" in wanted:
            collect_static(self.stdout)
            gunicorn = gunicorn_arguments(bind, workers, threads, timeout)
            children.append(("web", [supervisor.command()[0], *gunicorn]))
            self.stdout.write(f"Passerelles sert sur http://{bind}/")
        if "worker" in wanted:
            for number in range(1, task_workers + 1):
                children.append((f"worker-{number}", supervisor.worker_command()))
        if "scheduler" in wanted:
            children.append(("scheduler", supervisor.scheduler_command()))
        self.stdout.flush()
        code = supervisor.run(children, out=self.stdout)
        if code:
            raise SystemExit(code)
