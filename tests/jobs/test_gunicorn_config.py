"""config/gunicorn.py: the master freezes what it holds before forking a worker, so that a
worker's full garbage collection walks only the objects the worker made, and it collects
its garbage first, so that nothing unreachable is frozen for good."""

import gc
import weakref

from passerelles.config import gunicorn


class _Node:
    pass


def test_the_master_freezes_its_objects_before_forking_after_collecting():
    gc.unfreeze()
    garbage = _Node()
    garbage.me = garbage  # a cycle: only the collector frees it
    gone = weakref.ref(garbage)
    del garbage
    try:
        gunicorn.pre_fork(server=None, worker=None)
        assert gc.get_freeze_count() > 10_000  # the loaded site: settings, models, URLs…
        assert gone() is None
    finally:
        gc.unfreeze()
