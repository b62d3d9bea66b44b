"""Background work of the trust app (django-tasks)."""

from django_tasks import task


@task()
def recompute_trust() -> dict:
    """Recompute reputation snapshots and review pending applicants; skips if unchanged."""
    from passerelles.trust.snapshots import recompute

    return recompute()
