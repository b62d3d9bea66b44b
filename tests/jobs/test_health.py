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
