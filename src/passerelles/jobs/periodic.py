"""The periodic jobs' bodies (each idempotent: running one twice changes nothing more)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone


def recompute_trust() -> dict:
    """Nightly: reputation decays with the age of evidence even when nothing changed."""
    from passerelles.trust.snapshots import recompute

    return recompute(force=True)


def run_intro_round() -> dict:
    """Weekly: a round for the consenting members whose frequency is due. The round keeps
    members' vectors in this machine's store: a machine of task workers alone has no
    keeper of indexes, so it prunes its store here when that is due (once a day)."""
    from passerelles.intros.tasks import run_round
    from passerelles.intros.warm import prune_store_if_due

    result = run_round.call(seed=int(timezone.now().strftime("%G%V")))
    prune_store_if_due()
    return result


def purge(now=None) -> dict:
    """Delete what is stale and personal: import drafts never confirmed, invitations
    expired long ago and never accepted, notices past their keep time (the data-rights
    policy), finished task results past their keep time, and the vectors of texts no
    profile holds any more (``intros.warm_vectors.prune_vectors``)."""
    from django_tasks_db.models import DBTaskResult

    from passerelles.circles.models import Invitation, MemberImport
    from passerelles.intros.warm_vectors import prune_vectors
    from passerelles.jobs.models import JobRun, TaskRetry
    from passerelles.members.erasure import purge_old_notices

    now = now or timezone.now()
    draft_cutoff = now - timedelta(hours=settings.IMPORT_DRAFT_MAX_AGE_HOURS)
    drafts, _ = MemberImport.objects.filter(
        confirmed_at__isnull=True, created_at__lt=draft_cutoff
    ).delete()
    invitation_cutoff = now - timedelta(days=settings.INVITATION_PURGE_AFTER_DAYS)
    invitations, _ = Invitation.objects.filter(
        accepted_at__isnull=True, sent_at__lt=invitation_cutoff
    ).delete()
    notices = purge_old_notices(now=now)
    result_cutoff = now - timedelta(days=settings.TASK_RESULTS_KEEP_DAYS)
    old = DBTaskResult.objects.finished().filter(finished_at__lt=result_cutoff)
    old_ids = list(old.values_list("pk", flat=True))
    TaskRetry.objects.filter(failed_id__in=old_ids).delete()
    TaskRetry.objects.filter(retry_id__in=old_ids).delete()
    results, _ = DBTaskResult.objects.filter(pk__in=old_ids).delete()
    runs, _ = JobRun.objects.filter(period__lt=result_cutoff).exclude(pk__in=_last_runs()).delete()
    vectors = prune_vectors()
    return {
        "drafts": drafts,
        "invitations": invitations,
        "notices": notices,
        "task_results": results,
        "runs": runs,
        "vectors": vectors["removed"],
    }


def _last_runs() -> list[int]:
    """Each job's last successful run, kept so that health always knows its age."""
    from django.db.models import Max

    from passerelles.jobs.models import JobRun

    last = JobRun.objects.filter(succeeded_at__isnull=False).values("job").annotate(m=Max("pk"))
    return [row["m"] for row in last]


def backup() -> dict:
    """Daily: a snapshot of the database in ``BACKUP_DIR``; the last ``BACKUP_KEEP`` kept."""
    from passerelles.jobs.backup import backup_and_rotate

    path, removed = backup_and_rotate()
    return {"file": path.name, "bytes": path.stat().st_size, "removed": len(removed)}
