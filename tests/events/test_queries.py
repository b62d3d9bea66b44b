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


@pytest.mark.parametrize("seed", range(4))
def test_upcoming_for_is_my_next_events_then_the_others_at_every_limit(
    alice, club, bob, charlie, seed
):
    """Bob's registrations (seat or waitlist) first, each group by date, the cancelled and
    past left out, whatever the limit; three queries at most (has he any, his, the
    others)."""
    import random

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from passerelles.events.models import Registration, RegistrationStatus
    from tests.conftest import admit

    admit(charlie, club)
    rng = random.Random(seed)
    now = timezone.now()
    events = [
        make_event(
            alice,
            club,
            title=f"Soirée {k}",
            capacity=1,
            starts_at=now + datetime.timedelta(days=rng.randint(1, 30), hours=k),
        )
        for k in range(7)
    ]
    make_event(alice, club, title="Passée", starts_at=now - datetime.timedelta(days=3))
    actions.do_cancel_event(events[6], acting_user=alice)
    for event in rng.sample(events, 4):
        if rng.random() < 0.5:
            actions.do_register(event, acting_user=charlie)  # bob then waits for a seat
        actions.do_register(event, acting_user=bob)
    open_events = sorted(
        (e for e in events if e.pk != events[6].pk), key=lambda e: (e.starts_at, e.pk)
    )
    kept = set(
        Registration.objects.filter(
            user=bob, status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]
        ).values_list("event_id", flat=True)
    )
    expected = [e.pk for e in open_events if e.pk in kept]
    expected += [e.pk for e in open_events if e.pk not in kept]
    for limit in range(1, 9):
        with CaptureQueriesContext(connection) as queries:
            shown = upcoming_for(bob, limit=limit)
        assert len(queries) <= 3
        assert [e.pk for e in shown] == expected[:limit]
        assert [e.mine for e in shown] == [e.pk in kept for e in shown]


def test_upcoming_for_leaves_out_my_events_i_may_no_longer_see(alice, club, bob):
    """A registration does not show an event its rule now hides (bob left the circle)."""
    from passerelles.circles.models import Membership, MembershipState
    from passerelles.events.models import Openness

    hidden = make_event(alice, club, title="Entre membres", openness=Openness.HOST)
    shown = make_event(alice, club, title="Pour tous", openness=Openness.ALL)
    actions.do_register(hidden, acting_user=bob)
    Membership.objects.filter(user=bob, circle=club).update(state=MembershipState.LEFT)
    events = upcoming_for(bob, limit=5)
    assert [(e.pk, e.mine) for e in events] == [(shown.pk, False)]
