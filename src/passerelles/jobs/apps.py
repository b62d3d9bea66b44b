from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "passerelles.jobs"
    label = "jobs"

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from passerelles.jobs import checks  # noqa: F401  (registers the deploy checks)
        from passerelles.jobs.retries import retry_failed_task

        task_finished.connect(retry_failed_task, dispatch_uid="passerelles.jobs.retry")
