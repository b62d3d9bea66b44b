"""The scheduler of a site whose processes share Redis keeps the indexes of members'
texts: started alone, it stores the "ask the network" index (with its stamp) in Redis,
computes the bridge advice a page asked for and says that it runs; stopped, it gives the
advisor's role back and says that it no longer runs.

Runs when a Redis server answers (``REDIS_URL``, or a local one on its database 12,
emptied first); skipped with the reason otherwise.
"""

import shutil
import signal
import sqlite3
import subprocess
import sys
import threading

import pytest
from django.core.cache.backends.redis import RedisCache

from passerelles.intros import ask, bridge_advisor, warm
from tests.jobs.conftest import child_env
from tests.jobs.test_demo_runs import wait_for
from tests.jobs.test_two_servers import redis_answers

REDIS_URL = "redis://127.0.0.1:6379/12"

pytestmark = [
    pytest.mark.skipif(not redis_answers(), reason="needs a Redis server"),
    pytest.mark.skipif(sys.platform != "linux", reason="process supervision is tested on Linux"),
]


def test_the_scheduler_stores_the_index_and_computes_the_advice_asked(site_dir, tmp_path):
    data_dir = tmp_path / "site"
    shutil.copytree(site_dir, data_dir)
    with sqlite3.connect(data_dir / "passerelles.sqlite3") as db:
        (circle_id,) = db.execute("SELECT min(id) FROM circles_circle").fetchone()
    shared = RedisCache(REDIS_URL, {"KEY_PREFIX": "passerelles"})
    shared.clear()
    shared.set(bridge_advisor.WANTED_KEY, [circle_id], 600)  # as a bridges page does
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "passerelles.cli", "scheduler", "--interval", "1"],
        env=child_env(data_dir, REDIS_URL=REDIS_URL),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    printed: list[str] = []
    reader = threading.Thread(target=lambda: printed.extend(scheduler.stdout), daemon=True)
    reader.start()
    try:
        wait_for(
            lambda: shared.get(ask.STAMP_KEY) is not None,
            "the index in Redis",
            scheduler,
            printed,
        )
        wait_for(
            lambda: shared.get(bridge_advisor._advice_key(circle_id)) is not None,
            "the bridge advice in Redis",
            scheduler,
            printed,
        )
        assert shared.get(bridge_advisor.HOLDER_KEY) is not None  # the advisor's role
        assert shared.get(warm.ALIVE_KEY) is not None  # the pages know a keeper runs
        index = shared.get(ask.SHARED_KEY)
        assert index.key == shared.get(ask.STAMP_KEY) and len(index.user_ids) > 0
    finally:
        scheduler.send_signal(signal.SIGTERM)
        code = scheduler.wait(timeout=60)
    reader.join(timeout=10)
    assert code == 0, "".join(printed)
    assert "Index des textes des membres tenus à jour ici" in "".join(printed)
    assert shared.get(bridge_advisor.HOLDER_KEY) is None  # given back on the way out
    assert shared.get(warm.ALIVE_KEY) is None  # the pages say at once that none runs
    shared.clear()
