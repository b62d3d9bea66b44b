"""The one task the scheduler enqueues: run a periodic job and record its success."""

from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from passerelles.jobs.models import JobRun


@task()
def run_periodic_job(run_id: int):
    """Run the job of ``JobRun`` ``run_id``; an exception fails the task (retried later)."""
    from passerelles.jobs.schedule import JOBS_BY_NAME

    run = JobRun.objects.get(pk=run_id)
    JobRun.objects.filter(pk=run_id).update(started_at=timezone.now())
    result = import_string(JOBS_BY_NAME[run.job].function)()
    JobRun.objects.filter(pk=run_id).update(succeeded_at=timezone.now(), result=result)
    return result
