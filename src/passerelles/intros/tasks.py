"""Background tasks of introductions (django-tasks)."""

from django_tasks import task

from passerelles.intros.rounds import run_round as plan_and_store_round


@task()
def run_round(seed: int = 0, force: bool = False) -> dict:
    """Run a round for every consenting member whose frequency is due (weekly schedule)."""
    round_ = plan_and_store_round(seed=seed, force=force)
    return {
        "round": round_.pk,
        "participants": round_.participants,
        "introductions": round_.introductions,
        "cross_circle": round_.cross_circle,
    }
