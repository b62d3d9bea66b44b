"""Periodic jobs without cron: a schedule in settings, a lock per period in the database.

Every ``SCHEDULER_INTERVAL_SECONDS`` the scheduler looks, for each job, at the latest time
its cron expression (``SCHEDULE``, in the site's time zone) has passed. If that period
has no ``JobRun`` yet and is recent enough (``grace``), it inserts one and enqueues
``run_periodic_job`` in the same transaction. The unique (job, period) constraint is the
lock: with two schedulers up, the second insert fails and nothing is enqueued twice.
The jobs themselves are idempotent (reminders are claimed one by one, a round takes only
members whose frequency is due, purges and recomputations can run again harmlessly).
"""

from __future__ import annotations

import logging
import os
import signal
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from cronsim import CronSim
from django.conf import settings
from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone

from passerelles.jobs.models import JobRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    function: str  # dotted path of a callable taking no argument, returning a JSON summary
    description: str
    grace: timedelta  # a period missed longer ago than this is skipped, not caught up

    @property
    def cron(self) -> str | None:
        return settings.SCHEDULE.get(self.name)

    def latest_period(self, now: datetime) -> datetime | None:
        """The latest scheduled time at or before ``now`` (aware), None if disabled."""
        if not self.cron:
            return None
        local = timezone.localtime(now).replace(microsecond=0)
        return next(CronSim(self.cron, local + timedelta(seconds=1), reverse=True))


JOBS = (
    PeriodicJob(
        "event_reminders",
        "passerelles.events.reminders.send_due_reminders",
        "Rappels des événements du lendemain",
        timedelta(hours=1),
    ),
    PeriodicJob(
        "trust_recompute",
        "passerelles.jobs.periodic.recompute_trust",
        "Recalcul de la confiance (les preuves vieillissent)",
        timedelta(hours=12),
    ),
    PeriodicJob(
        "intro_round",
        "passerelles.jobs.periodic.run_intro_round",
        "Tour hebdomadaire de mises en relation",
        timedelta(days=2),
    ),
    PeriodicJob(
        "purge",
        "passerelles.jobs.periodic.purge",
        "Purge des brouillons d'import, invitations expirées, anciens résultats de tâches "
        "et vecteurs de textes disparus",
        timedelta(hours=12),
    ),
    PeriodicJob(
        "backup",
        "passerelles.jobs.periodic.backup",
        "Sauvegarde quotidienne de la base (les BACKUP_KEEP dernières sont gardées)",
        timedelta(hours=12),
    ),
    PeriodicJob(
        "weekly_digest",
        "passerelles.notifications.digest.send_weekly_digests",
        "Résumé hebdomadaire des notifications pour les membres qui l'ont choisi",
        timedelta(days=2),
    ),
)
JOBS_BY_NAME = {job.name: job for job in JOBS}


def enqueue_due(now: datetime | None = None) -> list[JobRun]:
    """Claim and enqueue every job whose latest period has no run yet; returns the runs
    this call created (none for a period another scheduler already claimed)."""
    from passerelles.jobs.tasks import run_periodic_job

    now = now or timezone.now()
    created = []
    for job in JOBS:
        period = job.latest_period(now)
        if period is None or now - period > job.grace:
            continue
        if JobRun.objects.filter(job=job.name, period=period).exists():
            continue
        try:
            with transaction.atomic():
                run = JobRun.objects.create(job=job.name, period=period)
                result = run_periodic_job.enqueue(run.pk)
                run.task_result_id = _uuid_or_none(result.id)
                run.save(update_fields=["task_result_id"])
        except IntegrityError:
            continue  # another scheduler claimed this period first
        created.append(run)
        logger.info("periodic job %s enqueued for %s", job.name, period)
    return created


def _uuid_or_none(value):
    import uuid

    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None  # the immediate backend's ids are not UUIDs


def run_forever(interval: float | None = None, stop_with_parent: bool = False) -> None:
    """The scheduler loop; returns on SIGTERM/SIGINT (or when its supervisor is gone)."""
    interval = interval or float(getattr(settings, "SCHEDULER_INTERVAL_SECONDS", 15))
    running = True
    parent = os.getppid()

    def stop(signum, frame) -> None:
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while running:
        close_old_connections()
        try:
            enqueue_due()
        except Exception:  # a database hiccup must not stop the schedule
            logger.exception("scheduler tick failed")
        close_old_connections()
        deadline = time.monotonic() + interval
        while running and time.monotonic() < deadline:
            if stop_with_parent and os.getppid() != parent:
                return
            time.sleep(min(0.5, interval))
