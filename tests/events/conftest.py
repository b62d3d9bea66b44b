"""Event fixtures on top of the shared ones: a club event, its guests, a clock."""

import datetime

import pytest
from django.utils import timezone

from passerelles.events import actions
from passerelles.events.models import EventFormat, Openness
from tests.conftest import admit, make_user


def make_event(owner, circle, **fields):
    start = fields.pop("starts_at", timezone.now() + datetime.timedelta(days=7))
    fields.setdefault("title", "Soirée speed meeting")
    fields.setdefault("axis", "societe")
    fields.setdefault("format", EventFormat.SPEED_MEETING)
    fields.setdefault("place", "Hôtel de ville")
    fields.setdefault("city", "Lyon")
    fields.setdefault("capacity", 10)
    fields.setdefault("openness", Openness.HOST)
    open_to = fields.pop("open_to", ())
    return actions.do_create_event(
        acting_user=owner,
        host_circle=circle,
        starts_at=start,
        ends_at=fields.pop("ends_at", start + datetime.timedelta(hours=3)),
        open_to=open_to,
        **fields,
    )


def members(circle, count: int, prefix: str = "m"):
    people = []
    for i in range(count):
        user = make_user(f"{prefix}{i}@example.org", f"{prefix.upper()}{i}", f"Nom{i}")
        admit(user, circle)
        people.append(user)
    return people


@pytest.fixture
def event(alice, club):
    return make_event(alice, club)


@pytest.fixture
def bridged_event(alice, club, alumni, bridge):
    return make_event(alice, club, openness=Openness.BRIDGED, open_to=[alumni], title="Passerelle")
