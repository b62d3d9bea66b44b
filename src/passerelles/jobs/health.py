"""What the health endpoint reports: database, cache, queue, periodic jobs, and whether
the indexes of members' texts have a keeper."""

from __future__ import annotations

import contextlib
import time
import uuid

from django.core.cache import cache, caches
from django.db import connection
from django.db.models import Count, Max, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from passerelles.intros import warm
from passerelles.jobs.models import JobRun
from passerelles.jobs.retries import given_up
from passerelles.jobs.schedule import JOBS


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        details = check() or {}
    except Exception as error:  # a health check reports failures, it does not raise them
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1), **details}


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"vendor": connection.vendor}


def _cache() -> dict:
    """A value written, read back and deleted: left to expire, every probe would take a
    place in a bounded in-process cache and push out sign-in and API rate counters."""
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, 1, 10)
    read = cache.get(key)
    cache.delete(key)
    if read != 1:
        raise RuntimeError("a value written to the cache could not be read back")
    return {"backend": type(caches["default"]).__name__}


# The queue's and the periodic jobs' figures are read from the database at most once every
# PARTS_SECONDS by all the web processes together (kept in the shared cache): 3 of the
# health view's 5 queries. What is kept are counts and dates; the ages are worked out at
# each call, so only the counts can be up to PARTS_SECONDS old.
PARTS_KEY = "jobs:health-parts"
PARTS_SECONDS = 5


def _parts() -> dict:
    """Counts and dates of the queue and of the jobs' last successes, from the shared
    cache when another call read them less than PARTS_SECONDS ago."""
    try:
        kept = cache.get(PARTS_KEY)
    except Exception:  # the cache's own check says what is wrong with it
        kept = None
    if kept is not None:
        return kept
    found = DBTaskResult.objects.ready().aggregate(ready=Count("pk"), oldest=Min("enqueued_at"))
    last = dict(
        JobRun.objects.filter(succeeded_at__isnull=False)
        .values("job")
        .annotate(at=Max("succeeded_at"))
        .values_list("job", "at")
    )
    parts = {
        "ready": found["ready"],
        "oldest": found["oldest"],
        "failed": given_up().order_by().count(),
        "last": last,
    }
    with contextlib.suppress(Exception):  # the cache's own check reports it
        cache.set(PARTS_KEY, parts, PARTS_SECONDS)
    return parts


def _queue(parts: dict) -> dict:
    """Tasks ready to run and the oldest one's wait, failed tasks no retry follows
    (``retries.given_up``, as the failed-tasks page counts them)."""
    now = timezone.now()
    oldest = parts["oldest"]
    return {
        "ready": parts["ready"],
        "oldest_ready_seconds": round((now - oldest).total_seconds()) if oldest else 0,
        "failed": parts["failed"],
    }


def _jobs(parts: dict) -> dict:
    now = timezone.now()
    last = parts["last"]
    report = {}
    for job in JOBS:
        at = last.get(job.name)
        report[job.name] = {
            "schedule": job.cron or None,
            "last_success": at.isoformat() if at else None,
            "age_seconds": round((now - at).total_seconds()) if at else None,
        }
    return report


def _indexes() -> dict:
    """Who builds the indexes of members' texts and, where it is the scheduler, whether
    its keeper runs: without one, a large site's « ask the network » and bridge advice
    never come (``ok`` false and a warning; the site still serves)."""
    if warm.in_web_processes():
        return {"ok": True, "built_by": "web"}
    if not warm.keeper_missing():
        return {"ok": True, "built_by": "scheduler", "keeper": "running"}
    return {
        "ok": False,
        "built_by": "scheduler",
        "keeper": "missing",
        "warning": (
            "no scheduler has kept the indexes of members' texts for "
            f"{warm.ALIVE_SECONDS} s: start `passerelles scheduler` (a site above "
            "PASSERELLES_INDEX_BUILD_IN_REQUEST_MAX profiles has no search nor bridge "
            "advice meanwhile)"
        ),
    }


def report() -> tuple[dict, bool]:
    """The health report and whether the site can serve (database and cache answer)."""
    database, cache_ = _timed(_database), _timed(_cache)
    healthy = database["ok"] and cache_["ok"]
    body = {"status": "ok" if healthy else "error", "database": database, "cache": cache_}
    if database["ok"]:
        read: dict = {}

        def parts() -> dict:
            if "parts" not in read:
                read["parts"] = _parts()
            return read["parts"]

        body["queue"] = _timed(lambda: _queue(parts()))
        body["jobs"] = _timed(lambda: _jobs(parts()))
    if cache_["ok"]:
        body["indexes"] = _indexes()
    return body, healthy
