import datetime

import pytest
from django.utils import timezone

from passerelles.events import actions
from passerelles.events.queries import upcoming_for
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def test_upcoming_for_puts_my_events_first(alice, club, bob, charlie):
    soon = make_event(alice, club, title="Bientôt")
    later = make_event(
        alice, club, title="Plus tard", starts_at=timezone.now() + datetime.timedelta(days=20)
    )
    make_event(alice, club, title="Passé", starts_at=timezone.now() - datetime.timedelta(days=2))
    actions.do_register(later, acting_user=bob)
    events = upcoming_for(bob, limit=5)
    assert [e.title for e in events] == ["Plus tard", "Bientôt"]
    assert events[0].mine and events[0].taken == 1
    assert upcoming_for(charlie) == []
    assert soon in upcoming_for(alice)
