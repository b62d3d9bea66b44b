"""Failed background tasks are tried again after a growing delay, then left to operators.

django-tasks records a failure and stops there; this module listens to its
``task_finished`` signal. A failed task of the database backend is enqueued again, with
the same arguments, after ``TASK_RETRY_BACKOFF_SECONDS * 2 ** (attempt - 1)`` seconds
(capped, with a little jitter so that a burst of failures does not come back at once),
until ``TASK_RETRY_ATTEMPTS`` attempts have failed. The last failure stays on the
failed-tasks page (``jobs:failed``) where a platform admin reads the error and may try
it once more by hand.
"""

from __future__ import annotations

import logging
import random
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from passerelles.jobs.models import TaskRetry

logger = logging.getLogger(__name__)


def max_attempts() -> int:
    return int(getattr(settings, "TASK_RETRY_ATTEMPTS", 4))


def backoff(attempt: int) -> timedelta:
    """Delay before attempt ``attempt + 1`` once attempt ``attempt`` (1-based) failed."""
    base = float(getattr(settings, "TASK_RETRY_BACKOFF_SECONDS", 30))
    cap = float(getattr(settings, "TASK_RETRY_MAX_BACKOFF_SECONDS", 3600))
    delay = min(cap, base * 2 ** (attempt - 1))
    return timedelta(seconds=delay * (1 + random.random() / 4))  # noqa: S311


def attempt_of(result_id) -> int:
    """1 for a first run; the retry's attempt number otherwise."""
    row = TaskRetry.objects.filter(retry_id=result_id).values_list("attempt", flat=True).first()
    return row or 1


def enqueue_again(failed: DBTaskResult, *, attempt: int, delay: timedelta, by=None):
    """Enqueue ``failed``'s task with its arguments; link the two. None if already retried."""
    with transaction.atomic():
        if TaskRetry.objects.filter(failed_id=failed.pk).exists():
            return None
        task = failed.task.using(run_after=timezone.now() + delay if delay else None)
        args = failed.args_kwargs
        retry = task.enqueue(*args["args"], **args["kwargs"])
        TaskRetry.objects.create(failed_id=failed.pk, retry_id=retry.id, attempt=attempt, by=by)
    return retry


def retry_failed_task(sender, task_result, **kwargs) -> None:
    """``task_finished`` receiver: schedule the next attempt of a failed database task."""
    if task_result.status != TaskResultStatus.FAILED:
        return
    if not isinstance(task_result.task.get_backend(), DatabaseBackend):
        return
    attempt = attempt_of(task_result.id)
    if attempt >= max_attempts():
        logger.error("task %s failed %d times; left for operators", task_result.task.name, attempt)
        return
    failed = DBTaskResult.objects.filter(pk=task_result.id).first()
    if failed is None:
        return
    delay = backoff(attempt)
    try:
        enqueue_again(failed, attempt=attempt + 1, delay=delay)
    except Exception:  # the worker must go on with the next task
        logger.exception("could not schedule a retry of task %s", task_result.id)
    else:
        logger.warning(
            "task %s failed (attempt %d); trying again in %d s",
            task_result.task.name,
            attempt,
            delay.total_seconds(),
        )


def given_up():
    """Failed tasks that no retry follows: what operators have to look at."""
    return (
        DBTaskResult.objects.failed()
        .exclude(pk__in=TaskRetry.objects.values("failed_id"))
        .order_by("-finished_at")
    )


def do_retry_task(result_id, *, acting_user):
    """An operator tries a given-up task again now (a fresh series of attempts)."""
    failed = given_up().filter(pk=result_id).first()
    if failed is None:
        return None
    return enqueue_again(failed, attempt=1, delay=timedelta(0), by=acting_user)
