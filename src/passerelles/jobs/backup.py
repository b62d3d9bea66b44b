"""Consistent snapshots of the whole database, and their restoration into an empty one.

SQLite: the online backup API copies the live file page by page under its own locks, so
the web server and the workers go on writing meanwhile. PostgreSQL: ``pg_dump`` in custom
format (one consistent transaction snapshot), restored by ``pg_restore``. A file says
what it holds by its first bytes ("SQLite format 3" or "PGDMP").
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
PREFIX = "passerelles-"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


def _vendor(alias: str = "default") -> str:
    return connections[alias].vendor


def _pg_env(alias: str = "default") -> tuple[list[str], dict[str, str]]:
    db = connections[alias].settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} is needed for PostgreSQL backups (apt-get install postgresql-client)"
        )
    return found


def backup(path: Path | str, alias: str = "default") -> Path:
    """Write a consistent snapshot of database ``alias`` to ``path`` (replaced atomically)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    vendor = _vendor(alias)
    if vendor == "sqlite":
        connection = connections[alias]
        connection.ensure_connection()
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif vendor == "postgresql":
        args, env = _pg_env(alias)
        cmd = [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(partial), *args]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if done.returncode:
            partial.unlink(missing_ok=True)
            raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
    else:
        raise BackupError(f"no backup method for the {vendor} database")
    os.replace(partial, path)
    return path


def kind_of(path: Path) -> str:
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is neither a SQLite database nor a pg_dump custom archive")


def restore(path: Path | str, alias: str = "default") -> None:
    """Load the snapshot ``path`` into database ``alias``, which must be empty."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    kind, vendor = kind_of(path), _vendor(alias)
    if kind != vendor:
        raise BackupError(f"{path} is a {kind} backup; the configured database is {vendor}")
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if tables:
        raise BackupError(
            f"the database is not empty ({len(tables)} tables): restore into a new one"
        )
    if vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    args, env = _pg_env(alias)
    connection.close()  # pg_restore needs no competing session on an empty database
    cmd = [_tool("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction", *args]
    done = subprocess.run([*cmd, str(path)], env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise BackupError(f"pg_restore failed: {done.stderr.strip()}")


def backup_dir() -> Path:
    return Path(settings.BACKUP_DIR)


def backup_and_rotate(now: datetime | None = None) -> tuple[Path, list[Path]]:
    """A new snapshot in ``BACKUP_DIR``; older ones beyond the last ``BACKUP_KEEP`` removed."""
    from django.utils import timezone

    now = now or timezone.now()
    suffix = "sqlite3" if _vendor() == "sqlite" else "dump"
    path = backup(backup_dir() / f"{PREFIX}{now:%Y%m%d-%H%M%S}.{suffix}")
    kept = sorted(backup_dir().glob(f"{PREFIX}*.{suffix}"), reverse=True)
    removed = kept[max(1, int(settings.BACKUP_KEEP)) :]
    for old in removed:
        old.unlink(missing_ok=True)
    return path, removed


def _canonical(value):
    """One spelling per value whatever the connection's time zone and converters (Django's
    PostgreSQL connection reads jsonb as text, a plain one as Python objects)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.dumps(json.loads(value), sort_keys=True)
        except ValueError:
            return value
    return value


def fingerprint(connection) -> dict[str, tuple[int, str]]:
    """Each table's (row count, checksum of its rows) over a DB-API connection: the
    checksum is order-free (a sum of row hashes), so it needs no ORDER BY."""
    cursor = connection.cursor()
    if isinstance(connection, sqlite3.Connection):
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    tables = sorted(row[0] for row in cursor.fetchall())
    result = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608  (names from the catalogue)
        count, total = 0, 0
        for row in cursor.fetchall():
            count += 1
            digest = hashlib.sha256(repr(tuple(map(_canonical, row))).encode()).digest()
            total = (total + int.from_bytes(digest[:8], "big")) % (1 << 64)
        result[table] = (count, f"{total:016x}")
    return result
