"""Indexes built from every member's texts, warmed in the background of a web process.

`start` is called once per web process: by gunicorn's ``post_fork`` hook under
``passerelles serve`` (``config/gunicorn.py``), and when the WSGI application is loaded
by ``passerelles demo``'s server. It starts a daemon thread that builds the "ask the
network" index and the bridge advisor's pool, then looks again every minute and rebuilds
what the data has outdated, so that no request builds them from scratch on a large site.
Processes sharing the cache through Redis build each once for all.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import connections

from passerelles.core import background

logger = logging.getLogger(__name__)


def start() -> bool:
    """Start this process's warm-up thread (once); False when disabled or running."""
    if not settings.WARM_INDEXES:
        return False
    return background.run_once("warm-indexes", keep_warm)


def warm_once() -> None:
    """Bring every index up to date with the data, one after the other."""
    from passerelles.intros import ask, bridge_advisor

    for prepare in (ask.prepare, bridge_advisor.prepare):
        try:
            prepare()
        except Exception:  # the next look tries again; requests serve what there is
            logger.exception("could not prepare %s", prepare.__module__)


def keep_warm() -> None:
    from passerelles.intros import ask

    while True:
        try:
            warm_once()
        finally:
            # This thread's own connections, not kept open through the pause (closed
            # here rather than in warm_once, which a caller may run inside a transaction).
            connections.close_all()
        time.sleep(ask.REBUILD_EVERY)
