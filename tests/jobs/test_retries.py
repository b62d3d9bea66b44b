"""Failed tasks come back after a growing delay, then wait for an operator's retry."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from passerelles.jobs.models import TaskRetry
from passerelles.jobs.retries import given_up

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CALLS = []


@task()
def flaky(n: int) -> int:
    CALLS.append(n)
    raise ConnectionError("the mail server did not answer")


def drain() -> None:
    """Run every ready task once, as ``db_worker --batch`` does (keeping the test's
    connection, which the worker would otherwise recycle)."""
    from unittest import mock

    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    ):
        _worker().run()


def _worker() -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )


def make_due() -> None:
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("database_tasks"),
]


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_RETRY_ATTEMPTS = 3
    settings.TASK_RETRY_BACKOFF_SECONDS = 30
    CALLS.clear()


def test_a_failed_task_is_retried_with_a_doubling_delay_then_given_up():
    flaky.enqueue(7)
    drain()
    first_retry = TaskRetry.objects.get()
    assert first_retry.attempt == 2
    pending = DBTaskResult.objects.get(pk=first_retry.retry_id)
    delay = pending.run_after - timezone.now()
    assert timedelta(seconds=25) < delay <= timedelta(seconds=38)
    assert pending.args_kwargs["args"] == [7]
    assert not given_up().exists()  # a retry is on its way

    make_due()
    drain()
    second = TaskRetry.objects.get(attempt=3)
    delay = DBTaskResult.objects.get(pk=second.retry_id).run_after - timezone.now()
    assert timedelta(seconds=55) < delay <= timedelta(seconds=76)

    make_due()
    drain()
    assert CALLS == [7, 7, 7]
    assert TaskRetry.objects.count() == 2  # three attempts in all, no fourth
    failed = given_up().get()
    assert failed.exception_class_path == "builtins.ConnectionError"


@pytest.fixture
def given_up_task():
    flaky.enqueue(1)
    for _ in range(3):
        make_due()
        drain()
    return given_up().get()


def test_operators_see_the_error_and_retry_by_hand(client, operator, given_up_task):
    client.force_login(operator)
    page = client.get(reverse("jobs:failed"))
    assert page.status_code == 200
    assert "the mail server did not answer" in page.content.decode()
    assert "flaky" in page.content.decode()

    url = reverse("jobs:retry", args=[given_up_task.pk])
    assert client.post(url).status_code == 302
    retry = TaskRetry.objects.get(failed_id=given_up_task.pk)
    assert retry.by == operator and retry.attempt == 1
    assert DBTaskResult.objects.get(pk=retry.retry_id).status == "READY"
    assert not given_up().exists()
    client.post(url)  # a second click retries nothing more
    assert TaskRetry.objects.filter(failed_id=given_up_task.pk).count() == 1


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_failed_tasks_page_is_for_platform_admins_only(client, bob, who, given_up_task):
    if who == "member":
        client.force_login(bob)
    page = client.get(reverse("jobs:failed"))
    retry = client.post(reverse("jobs:retry", args=[given_up_task.pk]))
    if who == "anonymous":
        assert page.status_code == 302 and "/compte/login/" in page["Location"]
        assert retry.status_code == 302 and "/compte/login/" in retry["Location"]
    else:
        assert page.status_code == 404
        assert retry.status_code == 404
    assert not TaskRetry.objects.filter(failed_id=given_up_task.pk).exists()


def test_immediate_backend_failures_are_not_retried(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    flaky.enqueue(3)
    assert not TaskRetry.objects.exists()


@override_settings(TASK_RETRY_ATTEMPTS=1)
def test_with_one_attempt_a_failure_waits_for_an_operator_at_once():
    flaky.enqueue(2)
    drain()
    assert not TaskRetry.objects.exists()
    assert given_up().count() == 1
