"""``passerelles serve`` starts gunicorn (the site preloaded), the task worker and the
scheduler, and stops them all on SIGTERM."""

import os
import re
import shutil
import signal
import subprocess
import sys
import threading

import pytest

from tests.jobs.conftest import child_env
from tests.jobs.test_demo_runs import answers, free_port, wait_for


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is gone for our purpose
        return stat.read().split(") ")[1][0] != "Z"


@pytest.mark.skipif(sys.platform != "linux", reason="process supervision is tested on Linux")
def test_serve_answers_with_preloaded_workers_and_stops_cleanly(site_dir, tmp_path):
    data_dir = tmp_path / "site"
    shutil.copytree(site_dir, data_dir)
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "passerelles.cli", "serve", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", "2", "--threads", "2", "--no-migrate"],
        env=child_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    printed: list[str] = []
    reader = threading.Thread(target=lambda: printed.extend(serve.stdout), daemon=True)
    reader.start()
    try:
        wait_for(lambda: answers(f"http://127.0.0.1:{port}/sante/"), "the server", serve, printed)
        # A page through a forked worker (its first request can take seconds on a busy
        # machine: asked again until the deadline rather than once with a 2 s timeout).
        home = f"http://127.0.0.1:{port}/"
        wait_for(lambda: answers(home), "a page through a worker", serve, printed)
    finally:
        serve.send_signal(signal.SIGTERM)
        code = serve.wait(timeout=60)
    reader.join(timeout=10)
    output = "".join(printed)
    pids = {name: int(pid) for name, pid in re.findall(r"(\S+) démarré \(pid (\d+)\)", output)}
    assert set(pids) == {"web", "worker-1", "scheduler"}, output
    assert "Using worker: gthread" in output and "Booting worker" in output, output
    assert code == 0, output
    assert not answers(f"http://127.0.0.1:{port}/sante/")
    assert not [name for name, pid in pids.items() if alive(pid)]


def test_serve_starts_no_worker_when_tasks_are_not_queued(settings, monkeypatch):
    """With tasks run at once or dropped (tests, benchmarks) a worker would exit at once,
    be started again and again and finally stop the web server with it."""
    from django.core.management import CommandError, call_command

    from passerelles.core import supervisor

    started = []
    monkeypatch.setattr(supervisor, "run", lambda children, **kw: started.extend(children) or 0)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("serve", "--processes", "worker,scheduler", "--no-migrate")
    assert [name for name, _argv in started] == ["scheduler"]
    with pytest.raises(CommandError, match="Aucun processus"):
        call_command("serve", "--processes", "worker", "--no-migrate")

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    started.clear()
    call_command("serve", "--processes", "worker,scheduler", "--no-migrate")
    assert [name for name, _argv in started] == ["worker-1", "scheduler"]
