"""Two ``passerelles serve`` on two ports, sharing PostgreSQL and Redis, behave as one
site: a session opened on one is valid on the other, sign-in failures counted on one
lock the account on the other, and a value one caches is what the other reads.

Runs only when the suite runs on PostgreSQL and a Redis server answers (``REDIS_URL``,
or a local one on its database 13, emptied first); skipped with the reason otherwise.
"""

import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection

from passerelles.members.models import Profile, Skill
from passerelles.members.search import POPULAR_SKILL_MIN_USES
from tests.conftest import make_user
from tests.jobs.conftest import child_env
from tests.jobs.test_demo_runs import answers, free_port, wait_for

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/13"
PASSWORD = "motdepasse-solide-42"


def redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except Exception:
        return False


pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.skipif(not redis_answers(), reason=f"needs a Redis server at {REDIS_URL}"),
    pytest.mark.skipif(sys.platform != "linux", reason="process supervision is tested on Linux"),
]


def database_url() -> str:
    s = connection.settings_dict
    user = urllib.parse.quote(s["USER"] or "")
    password = f":{urllib.parse.quote(s['PASSWORD'])}" if s["PASSWORD"] else ""
    return f"postgres://{user}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class Browser:
    """One visitor's cookies, over plain HTTP to either server (redirects not followed)."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        no_redirect = type(
            "NoRedirect",
            (urllib.request.HTTPRedirectHandler,),
            {"redirect_request": lambda *args, **kwargs: None},
        )
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), no_redirect
        )

    def open(self, url: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        try:
            with self.opener.open(request, timeout=60) as response:
                return (
                    response.status,
                    response.headers.get("Location", ""),
                    response.read().decode(),
                )
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode()

    def sign_in(self, base: str, email: str, password: str) -> tuple[int, str, str]:
        _status, _location, page = self.open(base + "/compte/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.open(
            base + "/compte/login/",
            {"csrfmiddlewaretoken": token, "login": email, "password": password},
        )


@pytest.fixture
def two_servers(transactional_db, tmp_path):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # this test's own Redis database
    env = child_env(tmp_path)
    env.update(
        DATABASE_URL=database_url(),
        REDIS_URL=REDIS_URL,
        SECRET_KEY=secrets.token_urlsafe(50),
        PASSERELLES_DEBUG="0",
        SECURE_COOKIES="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1",
    )
    servers, bases, printed = [], [], []
    try:
        for node in ("one", "other"):  # two machines: each its own files, nothing else
            env["PASSERELLES_DATA_DIR"] = str(tmp_path / node)
            port = free_port()
            server = subprocess.Popen(
                [sys.executable, "-m", "passerelles.cli", "serve", "--bind", f"127.0.0.1:{port}"]
                + ["--workers", "1", "--processes", "web", "--no-migrate"],
                env=dict(env),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            threading.Thread(target=lambda s=server: printed.extend(s.stdout), daemon=True).start()
            servers.append(server)
            bases.append(f"http://127.0.0.1:{port}")
        for server, base in zip(servers, bases, strict=True):
            wait_for(lambda b=base: answers(b + "/sante/"), base, server, printed)
        yield bases
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            server.wait(timeout=60)
        shutil.rmtree(tmp_path, ignore_errors=True)


def member(email: str):
    user = make_user(email, "Prénom", "Nom")
    user.password = make_password(PASSWORD, hasher="argon2")  # what the servers verify
    user.save(update_fields=["password"])
    return user


def test_two_servers_share_sessions_limits_and_cache(two_servers):
    import redis

    one, other = two_servers

    # A session opened on one server is valid on the other.
    member("lea@example.org")
    visitor = Browser()
    status, location, _page = visitor.sign_in(one, "lea@example.org", PASSWORD)
    assert status == 302 and "/compte/" not in location
    assert visitor.open(other + "/accueil/")[0] == 200
    assert Browser().open(other + "/accueil/")[0] == 302  # a stranger is sent to sign in

    # Failures on one account are counted across both: 3 on one, 2 on the other lock it.
    member("cible@example.org")
    for attempt in range(5):
        server = one if attempt < 3 else other
        assert Browser().sign_in(server, "cible@example.org", f"devine-{attempt}")[0] == 200
    status, _location, page = Browser().sign_in(one, "cible@example.org", PASSWORD)
    assert status == 200 and "bloqué pendant 15 minutes" in page

    # What one server caches (the directory's skill suggestions, kept ten minutes) is
    # what the other reads, even after the data moved on.
    people = [member(f"m{i}@example.org") for i in range(POPULAR_SKILL_MIN_USES)]
    cached = visitor.open(one + "/membres/")[2]
    tag = Skill.objects.create(name="Tonnellerie")
    for person in people:
        Profile.objects.get(user=person).skills.add(tag)
    assert "Tonnellerie" not in cached
    assert "Tonnellerie" not in visitor.open(other + "/membres/")[2]
    redis.Redis.from_url(REDIS_URL).flushdb()  # once forgotten, both count afresh
    assert "Tonnellerie" in visitor.open(other + "/membres/")[2]
