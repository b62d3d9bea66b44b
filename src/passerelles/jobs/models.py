"""What the scheduler and the retry policy remember, beside django-tasks' own results."""

from django.conf import settings
from django.db import models


class JobRun(models.Model):
    """One period of one periodic job. The unique (job, period) pair is the lock: of two
    schedulers that see the same period due, only the one whose row is inserted enqueues it."""

    job = models.CharField(max_length=64)
    period = models.DateTimeField(help_text="the scheduled time this run stands for")
    enqueued_at = models.DateTimeField(auto_now_add=True)
    task_result_id = models.UUIDField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="one_run_per_job_period")
        ]
        indexes = [models.Index(fields=["job", "-succeeded_at"], name="jobs_last_success")]

    def __str__(self) -> str:
        return f"{self.job} @ {self.period:%Y-%m-%d %H:%M}"


class TaskRetry(models.Model):
    """A failed task result and the result that tried it again (automatically, after a
    backoff, or by hand from the failed-tasks page)."""

    failed_id = models.UUIDField(unique=True)
    retry_id = models.UUIDField(unique=True)
    attempt = models.PositiveSmallIntegerField(help_text="the retry's attempt number (2, 3, …)")
    created_at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.failed_id} -> {self.retry_id} (attempt {self.attempt})"
