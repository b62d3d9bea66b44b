"""``passerelles demo`` runs its own task worker and scheduler: e-mails leave by themselves."""

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.jobs.conftest import child_env, passerelles

WAIT = 300  # seconds: an upper bound on a loaded machine, not a timing under test

INVITE = """
from passerelles.circles.actions import do_invite_many
from passerelles.circles.models import Circle, Membership
circle = Circle.objects.order_by("pk").first()
owner = Membership.objects.filter(circle=circle, role="owner").first().user
print(do_invite_many(circle, ["nouvelle.venue@example.org"], acting_user=owner))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, what: str, process, printed) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline and process.poll() is None:
        if predicate():
            return
        time.sleep(0.3)
    pytest.fail(f"gave up waiting for {what} (exit code {process.poll()}):\n{''.join(printed)}")


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="process supervision is tested on Linux")
def test_a_running_demo_sends_an_invitation_by_itself(site_dir, tmp_path):
    data_dir = tmp_path / "site"
    shutil.copytree(site_dir, data_dir)
    env = child_env(data_dir)
    env.pop("SITE_URL", None)
    port = free_port()
    demo = subprocess.Popen(
        [sys.executable, "-m", "passerelles.cli", "demo", "--addrport", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    printed: list[str] = []
    reader = threading.Thread(target=lambda: printed.extend(demo.stdout), daemon=True)
    reader.start()
    try:
        wait_for(
            lambda: any("Passerelles est prêt" in line for line in printed),
            "the ready message",
            demo,
            printed,
        )
        # The site is announced only once it answers.
        assert answers(f"http://127.0.0.1:{port}/sante/")
        invited = passerelles("shell", "-c", INVITE, env=env)
        assert invited.stdout.strip().endswith("(1, [])")
        wait_for(
            lambda: any("To: nouvelle.venue@example.org" in line for line in printed),
            "the invitation e-mail in the demo's console",
            demo,
            printed,
        )
    finally:
        demo.send_signal(signal.SIGTERM)
        code = demo.wait(timeout=60)
    reader.join(timeout=10)
    output = "".join(printed)
    assert "worker démarré" in output and "scheduler démarré" in output
    assert code == 0, output
    # The worker sent it: its link leads to this server's port, not the default one.
    assert f"http://127.0.0.1:{port}/cercles/invitation/" in output
    assert not answers(f"http://127.0.0.1:{port}/sante/")  # the web server stopped with it


def test_the_demo_links_to_the_address_it_serves():
    from passerelles.demo.management.commands.demo import local_site

    assert local_site("127.0.0.1:8107") == "http://127.0.0.1:8107"
    assert local_site("0.0.0.0:8000") == "http://127.0.0.1:8000"
    assert local_site("8107") == "http://127.0.0.1:8107"
