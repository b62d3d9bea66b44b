"""Background tasks of events (django-tasks)."""

from django_tasks import task

from passerelles.events.reminders import send_due_reminders


@task()
def send_event_reminders() -> int:
    """Send the reminders of tomorrow's events (safe to run as often as wanted)."""
    return send_due_reminders()
