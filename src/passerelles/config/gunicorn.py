"""gunicorn's settings file for ``passerelles serve`` (``-c python:passerelles.config.gunicorn``):
the site is preloaded by the master (see config/wsgi.py); each worker, once forked, starts
the thread that builds the indexes of members' texts in the background when the web
processes build them (no Redis; with Redis the scheduler does, see intros.warm).

Before forking a worker, the master moves every object it holds (the whole preloaded
site: about 300,000 objects) out of the garbage collector's reach with ``gc.freeze()``,
as Python's documentation advises for a server that forks without exec: a worker's full
collection then walks only what the worker made itself, instead of taking about 160 ms of
CPU (100,000-member benchmark database) once every 1,500 requests or so on whichever
request set it off, and the shared pages of memory are not written to by the collector."""

import gc
from typing import Any


def pre_fork(server: Any, worker: Any) -> None:
    gc.collect()  # nothing unreachable is frozen for good
    gc.freeze()


def post_fork(server: Any, worker: Any) -> None:
    from passerelles.intros import warm

    warm.start()
