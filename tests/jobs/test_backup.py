"""A backup restores into a fresh database with every table's rows and content intact."""

import os
import subprocess
import sys
import uuid
from datetime import UTC
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from passerelles.jobs.backup import BackupError, backup, backup_and_rotate, fingerprint, restore
from tests.jobs.conftest import child_env

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def some_life(club, charlie, bridge):
    """Members, profiles, circles, memberships, a bridge: rows in many tables."""
    return club


def restore_elsewhere(path: Path, tmp_path: Path, database_url: str | None = None):
    env = child_env(tmp_path / "fresh")
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "passerelles.cli", "restore", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite procedure")
def test_sqlite_backup_restores_every_table_identically(some_life, tmp_path):
    path = backup(tmp_path / "snapshot.sqlite3")
    done = restore_elsewhere(path, tmp_path)
    assert done.returncode == 0, done.stderr
    import sqlite3

    restored = sqlite3.connect(tmp_path / "fresh" / "passerelles.sqlite3")
    name = str(connection.settings_dict["NAME"])  # read raw, as the restored file is
    original = fingerprint(sqlite3.connect(name, uri=name.startswith("file:")))
    assert original["accounts_user"][0] >= 3 and original["circles_membership"][0] >= 2
    assert fingerprint(restored) == original


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL procedure")
def test_postgresql_backup_restores_every_table_identically(some_life, tmp_path):
    import psycopg

    path = backup(tmp_path / "snapshot.dump")
    settings_dict = connection.settings_dict
    fresh = f"restore_{uuid.uuid4().hex[:8]}"
    params = {
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        user = settings_dict["USER"] or os.environ.get("USER", "root")
        url = f"postgres://{user}@{settings_dict['HOST']}:{settings_dict['PORT'] or 5432}/{fresh}"
        done = restore_elsewhere(path, tmp_path, database_url=url)
        assert done.returncode == 0, done.stderr
        connection.ensure_connection()
        original = fingerprint(connection.connection)
        with psycopg.connect(dbname=fresh, **params) as restored:
            assert fingerprint(restored) == original
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_restore_refuses_a_database_that_is_not_empty(some_life, tmp_path):
    path = backup(tmp_path / "snapshot")
    with pytest.raises(BackupError, match="not empty"):
        restore(path)


def test_restore_refuses_a_file_that_is_no_backup(db, tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("bonjour")
    with pytest.raises(BackupError, match="neither"):
        restore(junk)


def test_the_daily_backup_keeps_the_last_n(db, tmp_path):
    from datetime import datetime, timedelta

    start = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    with override_settings(BACKUP_DIR=tmp_path / "backups", BACKUP_KEEP=3):
        for day in range(5):
            path, removed = backup_and_rotate(start + timedelta(days=day))
        kept = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert len(kept) == 3 and kept[-1] == path.name
    assert kept[0].startswith("passerelles-20260303")
