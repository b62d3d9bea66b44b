"""Indexes built from every member's texts, kept up to date off the request path.

Two places may build them, one per site (`in_web_processes`):

- **the scheduler** (``passerelles scheduler``, one per site, started by ``serve`` and by
  ``demo``) when the processes share their cache through Redis: its keeper thread builds
  the "ask the network" index and the bridge advisor's pool at start-up, looks again every
  minute, rebuilds what the data has outdated and stores it in the shared cache. Web
  processes only read what is stored: no build, no look at the data on a page request;
  while nothing is stored yet, the pages say that it is being prepared.
- **each web process** when it keeps its own cache (no Redis: ``passerelles demo`` on
  SQLite, a single-process site): `start` is called once per web process, by gunicorn's
  ``post_fork`` hook (``config/gunicorn.py``) or when ``demo``'s server loads the WSGI
  application, and runs the same keeper in a daemon thread of that process.

``PASSERELLES_INDEXES_BUILT_BY`` (``auto``, ``web`` or ``scheduler``) overrides the choice.

Where the scheduler builds them, its keeper says it is alive in the shared cache every
``BEAT_SECONDS`` (`keeper_missing`): while no scheduler runs, a small site builds them
within the request that needs them, as without Redis, and a large one's pages say that
nothing prepares them (rather than « being prepared » forever); the health report warns.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connections

from passerelles.core import background

logger = logging.getLogger(__name__)

KEEPER = "warm-indexes"  # the keeper thread's job name
PACE = 4.0  # the keeper waits at least this many times the CPU its last look took
HEARTBEAT = "warm-indexes-heartbeat"  # the thread saying that the scheduler's keeper runs
ALIVE_KEY = "intros:indexes-keeper:alive"
BEAT_SECONDS = 20
ALIVE_SECONDS = 90  # a keeper not heard of for this long is gone (killed, or never started)
_stop_beating = threading.Event()  # set when the scheduler stops


def in_web_processes() -> bool:
    """Whether the web processes build the indexes themselves (a thread in each), rather
    than read what the scheduler's keeper stored in the shared cache."""
    built_by = settings.INDEXES_BUILT_BY
    if built_by == "auto":
        return not background.shared_cache()
    return built_by == "web"


def start() -> bool:
    """Start this web process's keeper thread (once), when the web processes build the
    indexes; False when they do not, when disabled or when it runs already."""
    if not settings.WARM_INDEXES or not in_web_processes():
        return False
    return background.run_once(KEEPER, keep_warm)


def start_in_scheduler() -> bool:
    """Start the scheduler's keeper thread (once), and its heartbeat, when the web
    processes leave the indexes to it; False otherwise."""
    if in_web_processes():
        return False
    _stop_beating.clear()
    background.run_once(HEARTBEAT, _beat)
    return background.run_once(KEEPER, keep_warm)


def _token() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def say_alive() -> None:
    """One beat of the scheduler's heartbeat: its keeper runs."""
    try:
        cache.set(ALIVE_KEY, _token(), ALIVE_SECONDS)
    except Exception:  # the cache's own check reports it; try again at the next beat
        logger.warning("could not say that the indexes' keeper runs", exc_info=True)


def _beat() -> None:
    while not _stop_beating.is_set():
        say_alive()
        _stop_beating.wait(BEAT_SECONDS)


def keeper_missing() -> bool:
    """Whether the indexes are left to the scheduler and no scheduler's keeper has been
    heard of for ``ALIVE_SECONDS``: nothing prepares them. An unreadable cache says
    nothing either way (False)."""
    if in_web_processes():
        return False
    try:
        return cache.get(ALIVE_KEY) is None
    except Exception:
        return False


def stop_in_scheduler() -> None:
    """The scheduler is stopping: give back the claims its keeper holds (a build under
    way, the bridge advisor's role), so that the next keeper starts at once."""
    from passerelles.intros import bridge_advisor

    _stop_beating.set()
    try:
        if cache.get(ALIVE_KEY) == _token():  # a second scheduler may still run
            cache.delete(ALIVE_KEY)
        background.release_held()
        bridge_advisor.let_go()
    except Exception:  # an unreachable cache: the claims expire by themselves
        logger.warning("could not give back the keeper's claims", exc_info=True)


def warm_once() -> None:
    """Bring every index up to date with the data, one after the other."""
    from passerelles.intros import ask, bridge_advisor

    for prepare in (ask.prepare, bridge_advisor.prepare):
        try:
            prepare()
        except Exception:  # the next look tries again; requests serve what there is
            logger.exception("could not prepare %s", prepare.__module__)


def pause(cpu_seconds: float) -> float:
    """Seconds until the keeper's next look, after one that took ``cpu_seconds`` of its
    thread's CPU: a minute, or ``PACE`` times a costly look's CPU, so that rebuilding
    takes at most a fifth of a core however often the data changes (at 100,000 members,
    85,000 of them consenting, the "ask" index costs about 36 s of CPU to build)."""
    from passerelles.intros import ask

    return max(ask.REBUILD_EVERY, PACE * cpu_seconds)


def prune_store_if_due() -> None:
    """Once a day, prune this machine's store of vectors (`warm_vectors.prune_if_due`):
    the keeper runs wherever members' texts are embedded and kept."""
    from passerelles.intros import warm_vectors

    try:
        warm_vectors.prune_if_due()
    except Exception:  # the next look tries again
        logger.exception("could not prune the store of vectors")


def keep_warm() -> None:
    while True:
        cpu = time.thread_time()
        try:
            warm_once()
            prune_store_if_due()
        finally:
            # This thread's own connections, not kept open through the pause (closed
            # here rather than in warm_once, which a caller may run inside a transaction).
            connections.close_all()
        time.sleep(pause(time.thread_time() - cpu))
