"""The main list pages cost the same number of queries with 10 members as with 60.

A query per row shown (a profile's skills, a circle's member count, an event's seats)
would make the count grow with the membership; benchmarks/web.py measures the time.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from passerelles.events import actions as event_actions
from passerelles.members.models import Skill
from tests.conftest import admit, make_circle, make_user
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

PAGES = [
    "/accueil/",
    "/membres/",
    "/membres/?sector=M",
    "/cercles/",
    "/evenements/",
    "/api/members?page_size=5",  # pages shorter than the list: the count is paid too
    "/api/circles?page_size=1",
    "/api/events?page_size=1",
]


def grow(alice, club, count: int, start: int) -> None:
    """``count`` more members of the club with skills, one circle and one event (with
    registrations) for every five of them."""
    skills = [Skill.objects.get_or_create(name=name)[0] for name in ("export", "finance")]
    people = []
    for i in range(start, start + count):
        user = make_user(f"m{i}@example.org", f"Prénom{i}", f"Nom{i:03d}")
        user.profile.sector = "M"
        user.profile.save(update_fields=["sector"])
        user.profile.skills.add(*skills)
        admit(user, club)
        people.append(user)
    for k in range(0, count, 5):
        owner = people[k]
        circle = make_circle(owner, f"Cercle {start + k}", listed=True)
        admit(people[k + 1], circle)
        event = make_event(alice, club, title=f"Soirée {start + k}")
        for person in people[k : k + 5]:
            event_actions.do_register(person, event)


def query_counts(client) -> dict[str, int]:
    counts = {}
    for url in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_list_pages_cost_the_same_at_10_and_60_members(client, alice, bob, club):
    client.force_login(bob)
    grow(alice, club, 10, start=0)
    for url in PAGES:  # fill the caches (popular skills, content types) first
        client.get(url)
    small = query_counts(client)
    grow(alice, club, 50, start=10)
    large = query_counts(client)
    assert large == small
