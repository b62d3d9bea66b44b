"""The member's home reads its rows as plain values: the same HTML as the template that
read them from model instances (its fragments kept here and rendered side by side), the
same events and counts, and no query for what a member does not administer."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from passerelles.circles.models import Bridge, BridgeState, Invitation, Membership, MembershipState
from passerelles.events import actions as event_actions
from passerelles.events.models import Registration, RegistrationStatus
from passerelles.events.queries import happening_for, home_events, upcoming_for
from passerelles.trust.models import MeetingAttestation, Vouch
from passerelles.trust.queries import meetings_to_confirm
from tests.conftest import admit, make_circle, make_user
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

MARKUP = '<b>"l\'A&B"</b>'

# the home template's rows as they were written on model instances
OLD_ROWS = (Path(__file__).parent / "home_rows_before.html").read_text()


def _old_fragments(user) -> list[str]:
    """Each row the former template wrote for ``user``, from the former queries."""
    from django.db.models import Count, Q

    memberships = list(
        Membership.objects.filter(user=user)
        .exclude(state__in=[MembershipState.LEFT, MembershipState.REMOVED])
        .select_related("circle")
        .annotate(
            members=Count(
                "circle__memberships",
                filter=Q(circle__memberships__state=MembershipState.ADMITTED),
            )
        )
        .order_by("circle__name")
    )
    admitted = [m for m in memberships if m.state == MembershipState.ADMITTED]
    ids = [m.circle_id for m in admitted]
    context = {
        "admitted": admitted,
        "waiting": [m for m in memberships if m.state == MembershipState.PENDING],
        "invitations": Invitation.objects.filter(
            email__iexact=user.email, accepted_at__isnull=True, revoked_at__isnull=True
        ).select_related("circle", "invited_by"),
        "newcomers": Membership.objects.admitted()
        .filter(circle_id__in=ids, admitted_at__gte=timezone.now() - datetime.timedelta(days=7))
        .exclude(user=user)
        .select_related("user", "user__profile", "circle")
        .order_by("-admitted_at")[:12],
        "bridges": Bridge.objects.filter(state=BridgeState.ACTIVE).filter(
            Q(from_circle_id__in=ids) | Q(to_circle_id__in=ids)
        ),
    }
    html = Template(OLD_ROWS).render(Context(context))
    return [line.strip() for line in html.splitlines() if line.strip()]


@pytest.fixture
def busy_world():
    """A member with circles named with markup, a pending request, an invitation from
    someone and one from no one, a bridge, newcomers with markup in names and headlines."""
    owner = make_user("owner@example.org", "Odile", MARKUP)
    me = make_user("me@example.org", "Mia", "Roux")
    mine = make_circle(owner, f"Club {MARKUP}", city=f"Lyon {MARKUP}")
    other = make_circle(owner, "Anciens & co", listed=True)
    third = make_circle(owner, "Zèbres")
    admit(me, mine)
    admit(me, other)
    Membership.objects.filter(user=me, circle=other).update(role="admin")
    Membership.objects.create(user=me, circle=third, state=MembershipState.PENDING)
    Bridge.objects.create(
        from_circle=third, to_circle=mine, state=BridgeState.ACTIVE, requested_at=timezone.now()
    )
    for k, (first, last) in enumerate([("Ana", MARKUP), ("", ""), ("Émile", "")]):
        newcomer = make_user(f"new{k}@example.org", first, last)
        newcomer.profile.headline = f"Conseil {MARKUP}"
        newcomer.profile.save()
        admit(newcomer, mine if k != 1 else other)
    Invitation.objects.create(
        circle=third, email="ME@example.org", invited_by=owner, sent_at=timezone.now()
    )
    Invitation.objects.create(
        circle=other, email="me@example.org", invited_by=None, sent_at=timezone.now()
    )
    return me


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_home_rows_are_those_the_former_template_wrote(client, busy_world, language):
    client.force_login(busy_world)
    with translation.override(language):
        expected = _old_fragments(busy_world)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("pages:home"))
    text = page.content.decode()
    assert len(expected) > 20
    for fragment in expected:
        assert fragment in text, fragment
    assert "&lt;b&gt;&quot;l&#x27;A&amp;B&quot;&lt;/b&gt;" in text


def test_a_newcomer_without_a_name_is_shown_without_their_whole_address(client, busy_world):
    client.force_login(busy_world)
    text = client.get(reverse("pages:home")).content.decode()
    assert ">new1</a>" in text
    assert "new1@example.org" not in text


def test_the_home_counts_vouches_and_meetings_to_confirm_in_one_query(client, alice, bob, club):
    charlie = make_user("charlie@example.org", "Charlie", "Petit")
    admit(charlie, club)
    now = timezone.now()
    Vouch.objects.create(voucher=bob, vouchee=alice, context="client")
    Vouch.objects.create(voucher=charlie, vouchee=alice, context="client", revoked_at=now)
    for who in (bob, charlie):
        MeetingAttestation.objects.create(
            attester=who, other=alice, happened_on=now.date(), usefulness=4
        )
    MeetingAttestation.objects.create(
        attester=alice, other=charlie, happened_on=now.date(), usefulness=4
    )
    expected = meetings_to_confirm(alice).count()
    client.force_login(alice)
    page = client.get(reverse("pages:home"))
    assert page.context["vouches_received"] == 1
    assert page.context["meetings_to_confirm"] == expected
    text = page.content.decode()
    assert "1 recommandation reçue" in text
    assert f"{expected} rencontre" in text


def test_a_member_who_administers_nothing_pays_no_query_for_requests(client, bob, club):
    client.force_login(bob)
    client.get(reverse("pages:home"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("pages:home"))
    own = f"IN ('invited', 'pending', 'admitted') AND \"circles_membership\".\"user_id\" = {bob.pk}"
    others = [q["sql"] for q in queries.captured_queries if own not in q["sql"]]
    sql = " ".join(others)  # all but the read of bob's own memberships (circle_standing)
    assert "'requested'" not in sql and "'pending'" not in sql


def test_an_administrator_sees_requests_and_bridge_proposals(client, alice, club, dana, alumni):
    charlie = make_user("charlie@example.org", "Charlie", "Petit")
    Membership.objects.create(user=charlie, circle=club, state=MembershipState.PENDING)
    Bridge.objects.create(
        from_circle=alumni, to_circle=club, state=BridgeState.REQUESTED, requested_at=timezone.now()
    )
    client.force_login(alice)
    text = client.get(reverse("pages:home")).content.decode()
    assert "Charlie Petit demande à rejoindre le Club des Entrepreneurs de Lyon" in text
    assert "Passerelle proposée par les Anciens de l&#x27;École au Club des Entrepreneurs" in text


def test_home_events_are_upcoming_for_and_happening_for(alice, club, bob, charlie):
    admit(charlie, club)
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    started = make_event(alice, club, title="Commencé", starts_at=now - hour, ends_at=now + hour)
    soon = make_event(alice, club, title="Bientôt", starts_at=now + hour)
    later = make_event(alice, club, title="Plus tard", starts_at=now + 5 * hour, capacity=1)
    far = make_event(alice, club, title="Loin", starts_at=now + 50 * hour)
    gone = make_event(alice, club, title="Annulé", starts_at=now + 2 * hour)
    make_event(alice, club, title="Passé", starts_at=now - 5 * hour, ends_at=now - 4 * hour)
    make_event(alice, club, title="Autre", starts_at=now + 3 * hour)
    event_actions.do_register(later, acting_user=charlie)
    Registration.objects.create(  # registered before it started
        event=started, user=bob, circle=club, status=RegistrationStatus.REGISTERED
    )
    for event in (soon, later, far, gone):
        event_actions.do_register(event, acting_user=bob)
    event_actions.do_cancel_event(gone, acting_user=alice)
    assert Registration.objects.get(event=later, user=bob).status == RegistrationStatus.WAITLISTED
    for person in (bob, charlie, alice):
        for limit in (1, 3, 4, 6):
            with CaptureQueriesContext(connection) as queries:
                upcoming, happening = home_events(person, limit=limit)
            old = upcoming_for(person, limit=limit)
            assert [(e.pk, e.mine, e.taken) for e in upcoming] == [
                (e.pk, e.mine, e.taken) for e in old
            ]
            assert [e.pk for e in happening] == [e.pk for e in happening_for(person)]
            assert len(queries) <= 3
    assert [e.title for e in home_events(bob)[1]] == ["Commencé", "Bientôt"]


def test_meetings_to_confirm_are_asked_only_of_a_member_someone_attested(alice, bob, club):
    from passerelles.pages.views import _own_figures

    with CaptureQueriesContext(connection) as queries:
        assert _own_figures(bob) == (True, 0, 0)
    assert len(queries) == 1
    MeetingAttestation.objects.create(
        attester=alice, other=bob, happened_on=timezone.now().date(), usefulness=3
    )
    with CaptureQueriesContext(connection) as queries:
        assert _own_figures(bob) == (True, 0, 1)
    assert len(queries) == 2
    MeetingAttestation.objects.create(
        attester=bob, other=alice, happened_on=timezone.now().date(), usefulness=3
    )
    assert _own_figures(bob) == (True, 0, meetings_to_confirm(bob).count()) == (True, 0, 0)
