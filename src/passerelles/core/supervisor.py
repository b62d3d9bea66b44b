"""Start, watch and stop the processes of one machine (web, task workers, scheduler).

Each child is a ``passerelles`` command in its own process. A child that dies is started
again after a growing pause; one that keeps dying (``max_restarts`` within ten minutes)
stops everything, so that the service manager above sees the failure. SIGINT or SIGTERM
stops every child (SIGTERM, then SIGKILL after ``stop_timeout``). On Linux a child also
receives SIGTERM if the supervisor itself is killed. With ``ready`` (an address and a
message), the message is printed once the address accepts connections, so that a person
is told to open the site only when it answers.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from types import FrameType
from typing import Any, TextIO

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child between fork and exec
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def command(*args: str) -> list[str]:
    """The argv of a ``passerelles`` management command run by this interpreter."""
    return [sys.executable, "-m", "passerelles.cli", *args]


def answers(address: tuple[str, int], *, source: tuple[str, int] | None = None) -> bool:
    """Whether something listens at ``address`` (a TCP connection opens). A port in the
    system's range of ephemeral ports can be handed to the probe itself while nothing
    listens yet: the kernel then connects the probe to itself. That is not an answer, and
    the probe's socket reuses its address so that, closed, it does not keep the port from
    the web process for the minute of TIME-WAIT. ``source`` binds the probe (tests)."""
    try:
        found = socket.getaddrinfo(*address, type=socket.SOCK_STREAM)
    except OSError:
        return False
    for family, kind, proto, _, target in found:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.settimeout(0.2)
            try:
                if source is not None:
                    probe.bind(source)
                probe.connect(target)
            except OSError:
                continue
            if probe.getsockname() != probe.getpeername():
                return True
    return False


@dataclass
class Child:
    name: str
    argv: list[str]
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    deaths: list[float] = field(default_factory=list)
    restart_at: float | None = None


class Supervisor:
    def __init__(
        self,
        children: list[tuple[str, list[str]]],
        *,
        out: TextIO | None = None,
        max_restarts: int = 5,
        stop_timeout: float = 10.0,
        ready: tuple[tuple[str, int], str] | None = None,
    ) -> None:
        self.children = [Child(name, argv) for name, argv in children]
        self.ready = ready
        self.out = out or sys.stdout
        self.max_restarts = max_restarts
        self.stop_timeout = stop_timeout
        self.stopping = False

    def say(self, message: str) -> None:
        self.out.write(f"[passerelles] {message}\n")
        self.out.flush()

    def spawn(self, child: Child) -> None:
        preexec = _die_with_parent if sys.platform.startswith("linux") else None
        child.process = subprocess.Popen(child.argv, preexec_fn=preexec)  # noqa: PLW1509
        child.started_at = time.monotonic()
        child.restart_at = None
        self.say(f"{child.name} démarré (pid {child.process.pid})")

    def request_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def run(self) -> int:
        """Supervise until a signal or a child that keeps failing; returns an exit code."""
        signal.signal(signal.SIGINT, self.request_stop)
        signal.signal(signal.SIGTERM, self.request_stop)
        for child in self.children:
            self.spawn(child)
        code = 0
        try:
            while not self.stopping:
                code = self._watch()
                if code:
                    break
                self._announce_when_ready()
                time.sleep(0.2)
        finally:
            self.stop()
        return code

    def _watch(self) -> int:
        now = time.monotonic()
        for child in self.children:
            if child.restart_at is not None:
                if now >= child.restart_at:
                    self.spawn(child)
                continue
            status = child.process.poll() if child.process else None
            if status is None:
                continue
            child.deaths = [t for t in child.deaths if now - t < 600] + [now]
            if len(child.deaths) > self.max_restarts:
                self.say(f"{child.name} s'est arrêté {len(child.deaths)} fois : arrêt de tout")
                return status or 1
            pause = min(30.0, 2.0 ** (len(child.deaths) - 1))
            self.say(f"{child.name} s'est arrêté (code {status}) ; relance dans {pause:.0f} s")
            child.restart_at = now + pause
        return 0

    def _announce_when_ready(self) -> None:
        if self.ready is None:
            return
        address, message = self.ready
        if not answers(address):
            return
        self.out.write(f"{message}\n")
        self.out.flush()
        self.ready = None

    def stop(self) -> None:
        running = [c.process for c in self.children if c.process and c.process.poll() is None]
        for process in running:
            process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.stop_timeout
        for process in running:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if running:
            self.say("arrêté")


def run(children: list[tuple[str, list[str]]], **options: Any) -> int:
    return Supervisor(children, **options).run()


def worker_command(*, interval: float = 1.0, verbosity: int = 1) -> list[str]:
    return command(
        "db_worker",
        "--queue-name",
        "*",
        "--interval",
        str(interval),
        "--no-reload",
        "--no-startup-delay",
        "--verbosity",
        str(verbosity),
    )


def scheduler_command() -> list[str]:
    return command("scheduler", "--stop-with-parent")
