"""The health endpoint: database, cache, queue depth, age of each periodic job's success."""

import socket
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from passerelles.jobs.models import JobRun
from passerelles.jobs.schedule import JOBS

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/1"


def redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def test_health_reports_every_part(client):
    now = timezone.now()
    JobRun.objects.create(job="purge", period=now, succeeded_at=now - timedelta(hours=2))
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="passerelles.trust.tasks.recompute_trust",
        backend_name="default",
        run_after=now - timedelta(minutes=1),
    )
    body = client.get("/sante/").json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["cache"]["ok"]
    assert body["queue"]["ready"] == 1 and body["queue"]["failed"] == 0
    jobs = body["jobs"]
    assert set(jobs) >= {"ok", *(job.name for job in JOBS)}
    assert 7100 < jobs["purge"]["age_seconds"] < 7300
    assert jobs["backup"]["last_success"] is None


def test_health_counts_the_queue_as_the_failed_tasks_page_does(client):
    """Ready means due now (or without a date); failed means given up: a failed task that a
    retry follows is not counted, as on the failed-tasks page."""
    from uuid import uuid4

    from passerelles.jobs.models import TaskRetry
    from passerelles.jobs.retries import given_up

    now = timezone.now()

    def task(status="READY", **fields):
        return DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="passerelles.trust.tasks.recompute_trust",
            backend_name="default",
            status=status,
            **fields,
        )

    oldest = task(run_after=now - timedelta(minutes=1))
    DBTaskResult.objects.filter(pk=oldest.pk).update(enqueued_at=now - timedelta(minutes=10))
    task()  # no date: ready
    task(run_after=now + timedelta(hours=1))  # not due yet
    task("FAILED")
    retried = task("FAILED")
    TaskRetry.objects.create(failed_id=retried.pk, retry_id=uuid4(), attempt=2)
    task("SUCCESSFUL")
    queue = client.get("/sante/").json()["queue"]
    assert queue["ready"] == DBTaskResult.objects.ready().count() == 2
    assert queue["failed"] == given_up().count() == 1
    assert 590 < queue["oldest_ready_seconds"] < 620


def test_health_is_503_when_the_cache_does_not_answer(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json()["cache"] == {"ok": False, "error": "ConnectionError: cache unreachable"}


@pytest.mark.skipif(not redis_up(), reason="Redis is not running on 127.0.0.1:6379")
def test_with_redis_url_the_cache_is_redis(client):
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": "passerelles-test",
        }
    }
    with override_settings(CACHES=redis_cache):
        body = client.get("/sante/").json()
        assert body["cache"]["backend"] == "RedisCache" and body["cache"]["ok"]
        cache.clear()


def test_health_probe_leaves_no_entry_in_the_cache(client, monkeypatch):
    """Without Redis the cache is bounded in memory: a probe left to expire on every call
    would push out sign-in and API rate counters."""
    written = []
    real_set = cache.set

    def spy(key, *args, **kwargs):
        written.append(key)
        return real_set(key, *args, **kwargs)

    monkeypatch.setattr(cache, "set", spy)
    assert client.get("/sante/").status_code == 200
    probes = [key for key in written if key.startswith("health:")]
    assert probes
    assert all(cache.get(key) is None for key in probes)


def test_health_reads_the_queue_and_jobs_once_every_few_seconds(client):
    """Every web process shares one reading of the queue and the jobs for PARTS_SECONDS:
    three queries fewer on the calls in between; the ages are still worked out at each
    call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from passerelles.jobs import health

    now = timezone.now()
    JobRun.objects.create(job="purge", period=now, succeeded_at=now - timedelta(hours=2))
    with CaptureQueriesContext(connection) as first:
        body = client.get("/sante/").json()
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="passerelles.trust.tasks.recompute_trust",
        backend_name="default",
    )
    with CaptureQueriesContext(connection) as second:
        again = client.get("/sante/").json()
    assert len(second) == len(first) - 3
    assert again["queue"]["ready"] == body["queue"]["ready"] == 0  # read a moment ago
    assert 7100 < again["jobs"]["purge"]["age_seconds"] < 7300
    cache.delete(health.PARTS_KEY)  # as when PARTS_SECONDS have passed
    assert client.get("/sante/").json()["queue"]["ready"] == 1
