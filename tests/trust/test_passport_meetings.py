"""The passport's meeting figures, read from the member's own attestations, agree with the
counterpart rule (``has_counterpart``) as the former aggregate applied it."""

import datetime
import itertools
import random

import pytest
from django.db.models import Avg, Count, Q

from passerelles.trust import queries
from passerelles.trust.graph import has_counterpart
from passerelles.trust.models import MeetingAttestation, MeetingSource, Opportunity
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def _rule(member) -> dict:
    """The former aggregate: the counterpart's ``EXISTS`` evaluated by the database."""
    mutual = Q(other=member) & has_counterpart()
    stats = MeetingAttestation.objects.filter(
        Q(other=member) | (Q(attester=member) & ~Q(opportunity=Opportunity.NONE))
    ).aggregate(
        n=Count("pk", filter=mutual),
        usefulness=Avg("usefulness", filter=mutual),
        received=Count("pk", filter=Q(other=member)),
        opportunities=Count("pk", filter=Q(attester=member) & ~Q(opportunity=Opportunity.NONE)),
    )
    return {
        "meetings": stats["n"] or 0,
        "usefulness": stats["usefulness"],
        "unconfirmed": (stats["received"] or 0) - (stats["n"] or 0),
        "opportunities": stats["opportunities"] or 0,
    }


def test_meeting_figures_follow_the_counterpart_rule(alice, bob, charlie, dana):
    people = [alice, bob, charlie, dana, make_user("eve@exemple.fr"), make_user("fred@e.fr")]
    rng = random.Random(11)
    day = datetime.date(2026, 11, 2)
    sources = [MeetingSource.DIRECT, MeetingSource.EVENT, MeetingSource.INTRO]
    # Every ordered pair, several meetings each: with or without a source id, attested by
    # one side or both (a counterpart with another source id or source does not count).
    for a, b in itertools.permutations(people, 2):
        for source, source_id in [(s, i) for s in sources for i in (None, 1, 2)]:
            if rng.random() < 0.35:
                MeetingAttestation.objects.create(
                    attester=a,
                    other=b,
                    source=source,
                    source_id=source_id,
                    happened_on=day,
                    usefulness=rng.randint(1, 5),
                    opportunity=rng.choice(
                        [Opportunity.NONE, Opportunity.NONE, Opportunity.REFERRAL]
                    ),
                )
    assert MeetingAttestation.objects.filter(has_counterpart()).exists()
    assert MeetingAttestation.objects.exclude(has_counterpart()).exists()
    loner = make_user("seul@exemple.fr")
    for member in [*people, loner]:
        shown = queries.passport(member, member)
        expected = _rule(member)
        assert shown.meetings == expected["meetings"], member
        assert shown.unconfirmed == expected["unconfirmed"], member
        assert shown.opportunities == expected["opportunities"], member
        if expected["usefulness"] is None:
            assert shown.meeting_usefulness is None
        else:
            assert shown.meeting_usefulness == pytest.approx(float(expected["usefulness"]))
