"""The main list pages cost the same queries with 10 members as with 60.

A query per row shown (a profile's skills, a circle's member count, an event's seats)
would make the count grow with the membership, and a list of ids read from one query
and pasted into the next (every visible event, every member) would make the statements
themselves grow; benchmarks/web.py measures the time at 1,000 and 100,000 members.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from passerelles.events import actions as event_actions
from passerelles.events.models import Event, Openness
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
    "/evenements/?axis=societe&page=2",
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
        openness = Openness.ALL if k % 10 else Openness.HOST
        starts_at = timezone.now() + datetime.timedelta(days=7, hours=start + k)
        event = make_event(
            alice, club, title=f"Soirée {start + k}", openness=openness, starts_at=starts_at
        )
        for person in people[k : k + 5]:
            event_actions.do_register(event, acting_user=person)


LITERAL = re.compile(r"'[^']*'|\b\d+(\.\d+)?\b")
IN_LIST = re.compile(r"IN \(\?(?:, \?)*\)")
LONGEST_PAGE = 30  # the circles list's rows; a list of ids may be as long as one page


def statements(client) -> dict[str, list[str]]:
    """Each page's SQL statements, literal values (ids, dates, names) blanked and lists of
    ids shortened, after checking that no such list is longer than one page of rows."""
    shapes = {}
    for url in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        shapes[url] = []
        for query in queries.captured_queries:
            sql = LITERAL.sub("?", query["sql"])
            for ids in IN_LIST.findall(sql):
                assert ids.count("?") <= LONGEST_PAGE, (url, sql)
            shapes[url].append(IN_LIST.sub("IN (...)", sql))
    return shapes


def test_list_pages_cost_the_same_at_10_and_60_members(client, alice, bob, club):
    client.force_login(bob)
    grow(alice, club, 10, start=0)
    event_actions.do_register(Event.objects.order_by("-starts_at").first(), acting_user=bob)
    for url in PAGES:  # fill the caches (popular skills, content types) first
        client.get(url)
    small = statements(client)
    grow(alice, club, 50, start=10)
    large = statements(client)
    assert {url: len(q) for url, q in large.items()} == {url: len(q) for url, q in small.items()}
    assert large == small
