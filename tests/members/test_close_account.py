"""Closing an account stops everything still running in the member's name, atomically."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from passerelles.circles.models import MemberImport
from passerelles.core.errors import ActionError
from passerelles.events import actions as event_actions
from passerelles.events.models import CalendarFeed, Event, Registration, RegistrationStatus
from passerelles.intros.actions import do_decide
from passerelles.intros.models import Decision, Introduction, Origin, Preference, Status
from passerelles.members import actions
from passerelles.members.forms import DeleteAccountForm
from passerelles.notifications.models import Notification
from tests.conftest import admit
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-solide-42"


def _close(client, user):
    client.force_login(user)
    response = client.post(reverse("members:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_active


def test_open_introductions_are_cancelled_and_consent_withdrawn(client, bob, charlie, dana):
    Preference.objects.create(user=bob, consent=True, consented_at=timezone.now())
    Preference.objects.create(user=charlie, consent=True, consented_at=timezone.now())
    asked = Introduction.objects.create(
        origin=Origin.ASK,
        member_a=charlie,
        member_b=bob,
        decision_a=Decision.ACCEPTED,
        status=Status.ACCEPTED_BY_A,
    )
    via_bob = Introduction.objects.create(
        origin=Origin.ASK,
        member_a=charlie,
        member_b=dana,
        intermediary=bob,
        warm=True,
        decision_a=Decision.ACCEPTED,
        status=Status.INTERMEDIARY,
    )
    Notification.objects.create(user=bob, kind="suggested", params={"name": "Charlie Petit"})
    Notification.objects.create(
        user=charlie, kind="suggested", params={"name": "Bob Durand"}, about=bob
    )
    _close(client, bob)
    asked.refresh_from_db()
    via_bob.refresh_from_db()
    assert asked.status == Status.CANCELLED
    assert via_bob.status == Status.DECLINED
    assert not Preference.objects.get(user=bob).consent
    assert not Notification.objects.filter(user=bob).exists()
    assert not Notification.objects.filter(user=charlie).exists()  # it named bob
    # The other side can no longer connect to the deleted address.
    with pytest.raises(ActionError):
        do_decide(asked, acting_user=charlie, accept=True)
    assert Introduction.objects.get(pk=asked.pk).connected_at is None


@override_settings(SITE_URL="https://passerelles.example.org")
def test_places_at_upcoming_events_go_to_the_waitlist(
    client, alice, bob, charlie, club, django_capture_on_commit_callbacks
):
    admit(charlie, club)
    event = make_event(alice, club, capacity=1)
    started = make_event(alice, club, title="Ce soir")
    event_actions.do_register(event, acting_user=bob)
    event_actions.do_register(event, acting_user=charlie)
    event_actions.do_register(started, acting_user=bob)
    # An evening already under way keeps its record (attendance, debrief).
    now = timezone.now()
    Event.objects.filter(pk=started.pk).update(
        starts_at=now - datetime.timedelta(minutes=5), ends_at=now + datetime.timedelta(hours=2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        _close(client, bob)
    assert Registration.objects.get(event=event, user=bob).status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(event=event, user=charlie).status == (
        RegistrationStatus.REGISTERED
    )
    assert Registration.objects.get(event=started, user=bob).status == RegistrationStatus.REGISTERED
    promoted = [m for m in mail.outbox if m.to == [charlie.email]]
    assert len(promoted) == 1
    assert f"https://passerelles.example.org/evenements/{event.pk}/" in promoted[0].body


def test_calendar_feeds_stop_working(client, alice, bob, club):
    feed = CalendarFeed.objects.create(user=bob)
    token = feed.token
    assert client.get(reverse("events:feed", args=[token])).status_code == 200
    circle_url = reverse("events:circle_feed_token", args=[token, club.slug])
    assert client.get(circle_url).status_code == 200
    _close(client, bob)
    client.logout()
    assert not CalendarFeed.objects.filter(user=bob).exists()
    assert client.get(reverse("events:feed", args=[token])).status_code == 404
    assert client.get(circle_url).status_code == 404


def test_member_import_rows_forget_the_address(client, alice, bob, club):
    rows = [
        {"line": 2, "email": "bob@example.org", "first_name": "Bob", "last_name": "Durand",
         "organisation": "Cabinet Durand", "city": "Lyon", "errors": [], "status": "member"},
        {"line": 3, "email": "zoe@example.org", "first_name": "Zoé", "last_name": "Blanc",
         "organisation": "", "city": "", "errors": [], "status": "new"},
    ]  # fmt: skip
    member_import = MemberImport.objects.create(
        circle=club, uploaded_by=alice, filename="membres.csv", rows=rows
    )
    _close(client, bob)
    member_import.refresh_from_db()
    text = str(member_import.rows)
    assert "bob@example.org" not in text and "Durand" not in text
    assert member_import.rows[0]["email"] == actions.deleted_address(bob)
    assert member_import.rows[0]["line"] == 2
    assert member_import.rows[1]["email"] == "zoe@example.org"


def test_all_or_nothing(alice, bob, club, monkeypatch):
    event = make_event(alice, club)
    event_actions.do_register(event, acting_user=bob)
    Preference.objects.create(user=bob, consent=True, consented_at=timezone.now())

    def broken(registration, *, acting_user):
        raise RuntimeError("disque plein")

    monkeypatch.setattr(event_actions, "do_cancel_registration", broken)
    with pytest.raises(RuntimeError), transaction.atomic():
        actions.do_close_account(bob, acting_user=bob)
    bob.refresh_from_db()
    assert bob.is_active and bob.email == "bob@example.org"
    assert Preference.objects.get(user=bob).consent
    assert Registration.objects.get(event=event, user=bob).status == RegistrationStatus.REGISTERED


def test_action_refuses_an_owner_with_members(alice, bob, club):
    with pytest.raises(ActionError):
        actions.do_close_account(alice, acting_user=alice)
    alice.refresh_from_db()
    assert alice.is_active


def test_form_only_checks(bob):
    form = DeleteAccountForm(bob, {"password": PASSWORD})
    assert form.is_valid()
    assert not hasattr(form, "save")
    bob.refresh_from_db()
    assert bob.is_active


def test_every_domain_contributes_its_closing_step_in_order():
    from passerelles.members.closing import closing_steps

    names = [name for name, _step in closing_steps()]
    assert names == [
        "intros.close",
        "events.places",
        "discussions.posts",
        "members.circle_traces",
        "trust.evidence",
        "intros.texts",
        "events.traces",
        "members.notifications",
        "members.admin_log_names",
        "members.profile_and_account",
    ]


def test_closing_is_in_the_log_and_only_the_person_closes(alice, bob):
    from passerelles.core.models import AuditEntry

    with pytest.raises(ActionError):
        actions.do_close_account(bob, acting_user=alice)
    assert not AuditEntry.objects.filter(verb="account.closed").exists()
    actions.do_close_account(bob, acting_user=bob)
    entry = AuditEntry.objects.get(verb="account.closed")
    assert entry.acting_user_id == bob.pk and entry.circle_id is None
