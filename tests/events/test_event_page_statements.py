"""An event page's reads compiled once (core.statements) give what the ORM gives: one's
registration, the programme in the evening's order (ties of time and position included,
whatever the start), the event's discussion and its last visible messages."""

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelles.core.statements import _ORM
from passerelles.discussions import views as discussions
from passerelles.discussions.actions import do_comment_event, do_hide_post
from passerelles.discussions.models import Discussion
from passerelles.events import actions as event_actions
from passerelles.events import models, queries
from passerelles.events.models import AgendaItem, Registration, agenda_ordering
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def _compiled(*statements):
    return all(s._shapes and _ORM not in s._shapes.values() for s in statements)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=st.times(),
    items=st.lists(st.tuples(st.integers(0, 23), st.sampled_from([0, 30]), st.integers(0, 2))),
)
def test_the_programme_reads_in_the_evenings_order_as_the_orm(alice, club, start, items):
    day = (timezone.localtime() + datetime.timedelta(days=3)).date()
    starts_at = timezone.make_aware(datetime.datetime.combine(day, start.replace(microsecond=0)))
    event = make_event(alice, club, starts_at=starts_at)
    for hour, minute, position in items:  # times and positions repeat: the pk breaks ties
        AgendaItem.objects.create(
            event=event, position=position, at=datetime.time(hour, minute), title=f"{hour}"
        )
    by_orm = list(event.agenda.order_by(*agenda_ordering(event)))
    shown = models.agenda_in_order(event)
    assert [i.pk for i in shown] == [i.pk for i in by_orm]
    assert all(i.event is event for i in shown)
    assert _compiled(models._agenda)


def test_ones_registration_reads_as_the_orm(alice, bob, charlie, club):
    event = make_event(alice, club)
    event_actions.do_register(event, acting_user=bob)
    for user in (alice, bob, charlie):
        found = queries.one_registration(event, user)
        by_orm = Registration.objects.filter(event=event, user=user).first()
        assert (found and (found.pk, found.status)) == (by_orm and (by_orm.pk, by_orm.status))
    assert queries.one_registration(event, bob) is not None
    assert queries.one_registration(event, charlie) is None
    assert _compiled(queries._registration)


def test_an_events_comments_read_as_the_orm(alice, bob, club):
    event = make_event(alice, club)
    quiet = make_event(alice, club, title="Sans commentaire")
    posts = [do_comment_event(event, f"Message {n}", acting_user=bob) for n in range(5)]
    do_hide_post(posts[3], acting_user=bob)
    assert discussions.event_comments(quiet)["discussion"] is None
    shown = discussions.event_comments(event)
    discussion = Discussion.objects.get(event=event)
    visible = discussion.posts.filter(hidden_at__isnull=True).select_related("author__profile")
    by_orm = list(visible.order_by("-created_at")[:3])[::-1]
    assert shown["discussion"].pk == discussion.pk
    assert [(p.pk, p.body, p.author.profile.pk) for p in shown["recent_posts"]] == [
        (p.pk, p.body, p.author.profile.pk) for p in by_orm
    ]
    assert [p.body for p in shown["recent_posts"]] == ["Message 1", "Message 2", "Message 4"]
    assert _compiled(discussions._event_discussion, discussions._recent_posts)
