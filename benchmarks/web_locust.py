"""Virtual members for benchmarks/web.py (run by it: ``locust --headless``).

Each virtual member takes one signed-in session from ``BENCH_USERS_FILE`` and visits the
pages of ``web.PAGES`` in a random order, waiting 0 to ``BENCH_THINK`` seconds between
two requests. Anything but a 200 (a redirect to the sign-in page included) is an error.
Requests go to the loopback host given to locust only.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import sys
from pathlib import Path

from locust import FastHttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web import PAGES  # noqa: E402

DATA = json.loads(Path(os.environ["BENCH_USERS_FILE"]).read_text())
PEOPLE = itertools.cycle(DATA["users"])


class Member(FastHttpUser):
    wait_time = between(0, float(os.environ.get("BENCH_THINK", "0.5")))

    def on_start(self) -> None:
        self.person = next(PEOPLE)
        self.headers = {"Cookie": f"{DATA['cookie']}={self.person['session']}"}
        self.order = list(PAGES)

    @task
    def visit(self) -> None:
        name, template = random.choice(self.order)
        url = template.format(**self.person)
        with self.client.get(
            url, name=name, headers=self.headers, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code == 0:  # no answer: say what the connection did
                response.failure(f"no answer: {response.error!r}")
            elif response.status_code != 200:
                response.failure(f"status {response.status_code}")
