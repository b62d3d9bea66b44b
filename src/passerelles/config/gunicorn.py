"""gunicorn's settings file for ``passerelles serve`` (``-c python:passerelles.config.gunicorn``):
the site is preloaded by the master (see config/wsgi.py); each worker, once forked, starts
the thread that builds the indexes of members' texts in the background when the web
processes build them (no Redis; with Redis the scheduler does, see intros.warm)."""

from typing import Any


def post_fork(server: Any, worker: Any) -> None:
    from passerelles.intros import warm

    warm.start()
