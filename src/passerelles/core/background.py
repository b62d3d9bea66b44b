"""Costly structures built off the request path.

`run_once` starts a job in a daemon thread of this process unless the same job already
runs here; `claim` takes a lock in Django's cache, so that processes sharing it (Redis,
``REDIS_URL``) build a shared structure once rather than each on its own. A claim expires
by itself: a process that dies while building does not block the others for long, and
one that stops in good order gives its claims back (`release_held`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connections

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_running: set[str] = set()
_held: set[str] = set()  # claims taken by this process and not released yet


def run_once(name: str, job: Callable[[], object]) -> bool:
    """Run ``job`` in a daemon thread named after ``name``, unless a job of that name is
    running in this process; True if it was started. Errors are logged, not raised."""
    with _lock:
        if name in _running:
            return False
        _running.add(name)

    def body() -> None:
        try:
            job()
        except Exception:
            logger.exception("background job %s failed", name)
        finally:
            connections.close_all()  # this thread's own connections
            with _lock:
                _running.discard(name)

    threading.Thread(target=body, name=f"passerelles-{name}", daemon=True).start()
    return True


def running(name: str) -> bool:
    """Whether a job called ``name`` runs in this process."""
    with _lock:
        return name in _running


def claim(key: str, seconds: float) -> bool:
    """Take the lock ``key`` for ``seconds`` in the shared cache; False if another holder
    has it. An unreachable cache counts as taken by nobody else: build here."""
    try:
        taken = bool(cache.add(key, 1, int(seconds)))
    except Exception:
        logger.warning("could not take the lock %s in the cache", key, exc_info=True)
        return True
    if taken:
        with _lock:
            _held.add(key)
    return taken


def release(key: str) -> None:
    with _lock:
        _held.discard(key)
    try:
        cache.delete(key)
    except Exception:
        logger.warning("could not release the lock %s in the cache", key, exc_info=True)


def release_held() -> None:
    """Give back every claim this process holds (it is stopping: a build under way will
    not finish, and another process may start it at once rather than after the expiry)."""
    with _lock:
        held = list(_held)
    for key in held:
        release(key)


def shared_cache() -> bool:
    """Whether Django's cache is one for every process (Redis), not each process's own."""
    backend = settings.CACHES["default"]["BACKEND"].lower()
    return "locmem" not in backend and "dummy" not in backend
