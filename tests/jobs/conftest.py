"""A migrated, seeded data directory for tests that run ``passerelles`` in subprocesses."""

import os
import subprocess
import sys

import pytest


def child_env(data_dir, **extra) -> dict:
    """The environment of a ``passerelles`` process of its own (not the test settings)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "PASSERELLES_TESTING", "DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        PASSERELLES_DATA_DIR=str(data_dir),
        PASSERELLES_DEBUG="1",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def passerelles(*args, env, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "passerelles.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """A small demo site in a SQLite file (migrated and seeded once per session)."""
    data_dir = tmp_path_factory.mktemp("site")
    env = child_env(data_dir)
    passerelles("migrate", "-v0", env=env)
    passerelles("seed", "--members", "40", "--circles", "4", "-v0", env=env)
    return data_dir
