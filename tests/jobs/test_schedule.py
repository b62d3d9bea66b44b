"""Periodic jobs: due periods, one run per period even with two schedulers up."""

import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from django.test import override_settings

from passerelles.jobs import schedule
from passerelles.jobs.models import JobRun
from tests.jobs.conftest import child_env

PARIS = ZoneInfo("Europe/Paris")
ONLY_REMINDERS = {
    "event_reminders": "*/15 * * * *",
    "trust_recompute": "",
    "intro_round": "",
    "purge": "",
    "backup": "",
}


def test_latest_period_is_the_last_tick_in_local_time():
    job = schedule.JOBS_BY_NAME["intro_round"]  # Monday 07:00
    now = datetime(2026, 3, 11, 15, 0, tzinfo=PARIS)  # a Wednesday
    assert job.latest_period(now) == datetime(2026, 3, 9, 7, 0, tzinfo=PARIS)
    exactly = datetime(2026, 3, 9, 7, 0, tzinfo=PARIS)
    assert job.latest_period(exactly) == exactly


@override_settings(SCHEDULE={**ONLY_REMINDERS, "event_reminders": ""})
def test_a_disabled_job_is_never_due(db):
    assert schedule.enqueue_due(datetime(2026, 3, 11, 15, 0, tzinfo=PARIS)) == []


@override_settings(SCHEDULE=ONLY_REMINDERS)
def test_each_period_runs_once_and_records_its_success(db):
    now = datetime(2026, 3, 11, 15, 7, tzinfo=PARIS)
    first = schedule.enqueue_due(now)
    assert [run.job for run in first] == ["event_reminders"]
    assert schedule.enqueue_due(now) == []  # same period: nothing more
    run = JobRun.objects.get()
    assert run.period == datetime(2026, 3, 11, 15, 0, tzinfo=PARIS)
    assert run.succeeded_at is not None  # the immediate backend ran it
    later = datetime(2026, 3, 11, 15, 16, tzinfo=PARIS)
    assert len(schedule.enqueue_due(later)) == 1
    assert JobRun.objects.count() == 2


@override_settings(SCHEDULE=ONLY_REMINDERS)
def test_a_period_missed_longer_ago_than_its_grace_is_not_caught_up(db):
    job = schedule.JOBS_BY_NAME["event_reminders"]
    assert job.grace.total_seconds() == 3600
    # cron says */15, so the latest tick is always recent: move the schedule far away
    with override_settings(SCHEDULE={**ONLY_REMINDERS, "event_reminders": "0 3 1 1 *"}):
        assert schedule.enqueue_due(datetime(2026, 3, 11, 15, 7, tzinfo=PARIS)) == []


def test_two_schedulers_enqueue_each_period_once(site_dir, tmp_path):
    """Two scheduler processes look at the same moment: every due job gets one run and
    one queued task."""
    data_dir = tmp_path / "site"
    shutil.copytree(site_dir, data_dir)
    env = child_env(data_dir)
    at = "2026-03-09T07:05:00+01:00"  # Monday morning: every job's latest period is due
    argv = [sys.executable, "-m", "passerelles.cli", "scheduler", "--once", "--at", at]
    schedulers = [
        subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in schedulers]
    assert all(p.returncode == 0 for p in schedulers), outputs
    with sqlite3.connect(data_dir / "passerelles.sqlite3") as db:
        runs = db.execute("SELECT job, COUNT(*) FROM jobs_jobrun GROUP BY job").fetchall()
        tasks = db.execute(
            "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = 'passerelles.jobs.tasks.run_periodic_job'"
        ).fetchone()[0]
    assert dict(runs) == {job.name: 1 for job in schedule.JOBS}
    assert tasks == len(schedule.JOBS)
    printed = b"".join(out for out, _err in outputs).decode()
    for job in schedule.JOBS:
        assert printed.count(f"{job.name}:") == 1  # claimed by one of the two only
