"""After the event: one click per table-mate (feeds trust), and a rating of the event."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.core.errors import ActionError
from passerelles.events import actions, plans
from passerelles.events.models import Feedback, Registration
from passerelles.trust.models import MeetingAttestation
from tests.events.conftest import make_event, members

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_evening(alice, club):
    event = make_event(alice, club, capacity=10)
    people = members(club, 6)
    for person in people:
        actions.do_register(event, acting_user=person)
    plans.do_generate_plan(event, acting_user=event.created_by, table_size="3", rounds=2)
    start = timezone.now() - datetime.timedelta(days=1)
    type(event).objects.filter(pk=event.pk).update(
        starts_at=start, ends_at=start + datetime.timedelta(hours=3)
    )
    event.refresh_from_db()
    return event, people


def test_attest_a_table_mate(client, past_evening):
    event, people = past_evening
    me = people[0]
    mate, _rounds = plans.table_mates(event, me)[0]
    client.force_login(me)
    page = client.get(reverse("events:debrief", args=[event.pk])).content.decode()
    assert mate.get_full_name() in page
    response = client.post(reverse("events:attest", args=[event.pk, mate.pk]), {"usefulness": "5"})
    # Back to that neighbour's row, not to the top of the page.
    assert response["Location"] == reverse("events:debrief", args=[event.pk]) + f"#m{mate.pk}"
    assert f'<li class="row-between" id="m{mate.pk}">' in page
    attestation = MeetingAttestation.objects.get(attester=me, other=mate)
    assert attestation.source == "event" and attestation.source_id == event.pk
    assert attestation.usefulness == 5
    assert attestation.happened_on == timezone.localtime(event.starts_at).date()
    client.post(reverse("events:attest", args=[event.pk, mate.pk]), {"usefulness": "3"})
    assert MeetingAttestation.objects.get(attester=me, other=mate).usefulness == 3
    page = client.get(reverse("events:debrief", args=[event.pk])).content.decode()
    assert "Rencontre confirmée" in page
    # The button's accessible name starts with what it shows (« Modifier »).
    assert f'aria-label="Modifier la rencontre avec {mate.get_full_name()}">Modifier<' in page


def test_cannot_attest_someone_from_another_table(client, past_evening, alice):
    event, people = past_evening
    me = people[0]
    mates = {m.pk for m, _r in plans.table_mates(event, me)}
    stranger = next(p for p in people[1:] if p.pk not in mates)
    client.force_login(me)
    response = client.post(
        reverse("events:attest", args=[event.pk, stranger.pk]), {"usefulness": "4"}, follow=True
    )
    assert "pas à votre table" in response.content.decode()
    assert not MeetingAttestation.objects.exists()


def test_not_before_the_event(alice, club):
    event = make_event(alice, club)
    a, b = members(club, 2)
    actions.do_register(event, acting_user=a)
    with pytest.raises(ActionError, match="pas encore eu lieu"):
        actions.do_attest_table_mate(event, b, 4, acting_user=a)
    with pytest.raises(ActionError, match="pas encore eu lieu"):
        actions.do_rate_event(event, 4, acting_user=a)


def test_rate_the_event_and_organiser_sees_it(client, past_evening, alice):
    event, people = past_evening
    client.force_login(people[0])
    client.post(reverse("events:rate", args=[event.pk]), {"rating": "4", "comment": "Riche !"})
    client.post(reverse("events:rate", args=[event.pk]), {"rating": "5", "comment": "Très riche"})
    feedback = Feedback.objects.get()
    assert (feedback.rating, feedback.comment) == (5, "Très riche")
    Registration.objects.filter(event=event, user=people[1]).update(checked_in_at=timezone.now())
    client.force_login(alice)
    page = client.get(reverse("events:participants", args=[event.pk])).content.decode()
    assert "Très riche" in page
    assert "5,0/5" in page or "5.0/5" in page


def test_only_participants_rate(past_evening, bob):
    event, _people = past_evening
    with pytest.raises(ActionError, match="pas inscrit"):
        actions.do_rate_event(event, 5, acting_user=bob)
