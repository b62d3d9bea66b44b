"""Every kind of notice reaches the member in Passerelles and by e-mail by default, and
keeps to what the member chose."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from passerelles.circles import actions as circles
from passerelles.circles.models import Membership
from passerelles.events import actions as events
from passerelles.members.models import Visibility
from passerelles.notifications.actions import do_set_preferences
from passerelles.notifications.models import Notification
from passerelles.trust.actions import do_vouch
from tests.conftest import make_user
from tests.events.conftest import make_event


def kinds(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


def mails_to(outbox, user):
    return [m for m in outbox if m.to == [user.email]]


def speak_english(user):
    user.profile.language = "en"
    user.profile.save(update_fields=["language"])


@pytest.fixture
def applicant(db, club):
    user = make_user("claire@example.org", "Claire", "Lefèvre")
    user.profile.visibility = Visibility.ALL  # so that members may recommend her
    user.profile.save()
    circles.do_request_to_join(club, acting_user=user, message="Bonjour")
    return user


def pending(user, circle):
    return Membership.objects.get(user=user, circle=circle)


def test_a_bridge_request_and_its_answer(
    alice, dana, club, alumni, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bridge = circles.do_request_bridge(club, alumni, acting_user=alice)
    assert kinds(dana) == ["bridge_requested"]
    (mail,) = mails_to(mailoutbox, dana)
    assert mail.subject == "[Passerelles] Passerelle proposée par le Club des Entrepreneurs de Lyon"
    assert Notification.objects.get(user=dana).url == f"/cercles/{alumni.slug}/passerelles/"
    with django_capture_on_commit_callbacks(execute=True):
        circles.do_answer_bridge(bridge, acting_user=dana, accept=True)
    assert kinds(alice) == ["bridge_accepted"]
    (mail,) = mails_to(mailoutbox, alice)
    assert mail.subject == "[Passerelles] Passerelle acceptée par les Anciens de l'École"


def test_admitted_by_the_organiser_says_who(
    alice, applicant, club, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        circles.do_approve(pending(applicant, club), acting_user=alice)
    notice = Notification.objects.get(user=applicant)
    assert notice.shown == (
        "Bienvenue au Club des Entrepreneurs de Lyon : "
        "votre demande a été acceptée par Alice Martin"
    )
    (mail,) = mails_to(mailoutbox, applicant)
    assert notice.shown in mail.body
    assert mail.subject == "[Passerelles] Bienvenue au Club des Entrepreneurs de Lyon"


def test_admitted_on_recommendations_names_the_recommenders(
    alice, bob, applicant, club, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        do_vouch(applicant, acting_user=alice, context="worked_with", strength=2)
        do_vouch(applicant, acting_user=bob, context="worked_with", strength=2)
    assert pending(applicant, club).state == "admitted"
    notice = Notification.objects.get(user=applicant)
    assert notice.kind == "admitted_vouched"
    assert notice.shown.endswith("sur la recommandation d'Alice Martin et de Bob Durand")
    (mail,) = mails_to(mailoutbox, applicant)
    assert "d'Alice Martin et de Bob Durand" in mail.body


def test_declined(alice, applicant, club, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        circles.do_decline(pending(applicant, club), acting_user=alice)
    assert kinds(applicant) == ["declined"]
    assert len(mails_to(mailoutbox, applicant)) == 1


def test_an_invitation_to_an_existing_member(alice, charlie, club):
    circles.do_invite(club, charlie.email, acting_user=alice)
    notice = Notification.objects.get(user=charlie)
    assert notice.shown == "Alice Martin vous invite à rejoindre le Club des Entrepreneurs de Lyon"
    assert notice.url == club.get_absolute_url()


def test_an_invitation_mail_keeps_to_the_members_choice(alice, charlie, club, mailoutbox):
    do_set_preferences(charlie, {"invitations": "app"}, False, acting_user=charlie)
    invitation, _created = circles.do_invite(club, charlie.email, acting_user=alice)
    circles.send_invitation(invitation)
    assert mailoutbox == []
    assert kinds(charlie) == ["invited"]


def test_registration_confirmed_with_the_ics(
    alice, bob, club, mailoutbox, django_capture_on_commit_callbacks
):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    event = make_event(alice, club, starts_at=start, place="Salle Rameau", city="Lyon")
    with django_capture_on_commit_callbacks(execute=True):
        events.do_register(event, acting_user=bob)
    assert kinds(bob) == ["registered"]
    (mail,) = mails_to(mailoutbox, bob)
    assert mail.subject == "[Passerelles] Inscription confirmée : « Soirée speed meeting »"
    ((filename, content, mimetype),) = mail.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    (item,) = Calendar.from_ical(content).walk("VEVENT")
    assert item.decoded("dtstart") == event.starts_at
    assert item.decoded("dtend") == event.ends_at
    assert str(item.get("location")) == "Salle Rameau, Lyon"
    assert str(item.get("summary")) == "Soirée speed meeting"


def test_waitlist_then_a_freed_place(
    alice, bob, charlie, club, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.conftest import admit

    admit(charlie, club)
    event = make_event(alice, club, capacity=1)
    first = events.do_register(event, acting_user=bob)
    with django_capture_on_commit_callbacks(execute=True):
        events.do_register(event, acting_user=charlie)
    assert kinds(charlie) == ["waitlisted"]
    with django_capture_on_commit_callbacks(execute=True):
        events.do_cancel_registration(first, acting_user=bob)
    assert kinds(charlie) == ["promoted", "waitlisted"]
    promoted = mails_to(mailoutbox, charlie)[-1]
    assert "Une place s'est libérée" in promoted.subject
    assert promoted.attachments  # the calendar gets the event now the place is certain


def test_moved_and_cancelled_events_tell_those_with_a_place(
    alice, bob, club, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(alice, club)
    events.do_register(event, acting_user=bob)
    later = event.starts_at.replace(microsecond=0) + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        events.do_update_event(
            event, acting_user=alice, starts_at=later, ends_at=later + datetime.timedelta(hours=3)
        )
    assert kinds(bob)[0] == "event_moved"
    moved = mails_to(mailoutbox, bob)[-1]
    (item,) = Calendar.from_ical(moved.attachments[0][1]).walk("VEVENT")
    assert item.decoded("dtstart") == later
    with django_capture_on_commit_callbacks(execute=True):
        events.do_cancel_event(event, acting_user=alice)
    assert kinds(bob)[0] == "event_cancelled"
    assert "Événement annulé" in mails_to(mailoutbox, bob)[-1].subject


def test_in_app_only_writes_the_notice_and_sends_nothing(
    alice, bob, club, mailoutbox, django_capture_on_commit_callbacks
):
    do_set_preferences(bob, {"registrations": "app"}, False, acting_user=bob)
    with django_capture_on_commit_callbacks(execute=True):
        events.do_register(make_event(alice, club), acting_user=bob)
    assert kinds(bob) == ["registered"]
    assert mails_to(mailoutbox, bob) == []


def test_off_leaves_no_trace(
    alice, applicant, club, mailoutbox, django_capture_on_commit_callbacks
):
    do_set_preferences(applicant, {"admission": "off"}, False, acting_user=applicant)
    with django_capture_on_commit_callbacks(execute=True):
        circles.do_approve(pending(applicant, club), acting_user=alice)
    assert kinds(applicant) == []
    assert mailoutbox == []


def test_one_topic_off_leaves_the_others(
    alice, bob, club, alumni, dana, mailoutbox, django_capture_on_commit_callbacks
):
    do_set_preferences(alice, {"bridges": "off"}, False, acting_user=alice)
    bridge = circles.do_request_bridge(club, alumni, acting_user=alice)
    circles.do_answer_bridge(bridge, acting_user=dana, accept=True)
    with django_capture_on_commit_callbacks(execute=True):
        events.do_register(make_event(alice, club), acting_user=alice)
    assert kinds(alice) == ["registered"]


def test_an_english_reader_reads_english(
    alice, applicant, club, mailoutbox, django_capture_on_commit_callbacks
):
    speak_english(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        circles.do_approve(pending(applicant, club), acting_user=alice)
    (mail,) = mails_to(mailoutbox, applicant)
    assert mail.subject == "[Passerelles] Welcome to Club des Entrepreneurs de Lyon"
    assert "Hello Claire," in mail.body
    assert "your request was accepted by Alice Martin" in mail.body
    assert "Choose what Passerelles sends you" in mail.body


def test_an_english_reader_gets_the_registration_in_english(
    alice, bob, club, mailoutbox, django_capture_on_commit_callbacks
):
    speak_english(bob)
    event = make_event(alice, club, starts_at=timezone.now() + datetime.timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        events.do_register(event, acting_user=bob)
    (mail,) = mails_to(mailoutbox, bob)
    assert mail.subject == "[Passerelles] Registration confirmed: “Soirée speed meeting”"
    assert "Your place is booked" in mail.body


def test_introductions_keep_to_the_members_choice(
    bob, charlie, mailoutbox, django_capture_on_commit_callbacks
):
    from passerelles.intros import notify as intro_notify
    from passerelles.intros.models import Introduction

    do_set_preferences(bob, {"introductions": "off"}, False, acting_user=bob)
    do_set_preferences(charlie, {"introductions": "app"}, False, acting_user=charlie)
    low, high = sorted([bob.pk, charlie.pk])
    intro = Introduction.objects.create(
        member_a=bob,
        member_b=charlie,
        pair_low=low,
        pair_high=high,
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    with django_capture_on_commit_callbacks(execute=True):
        intro_notify.new_suggestions([intro])
    assert kinds(bob) == []
    notice = Notification.objects.get(user=charlie)
    assert notice.shown == "Nouvelle suggestion de mise en relation : Bob Durand"
    assert notice.url == intro.get_absolute_url() and notice.about == bob
    assert mailoutbox == []
