"""Agenda saved all or nothing, escaped redirects, links in e-mails, feeds of closed
accounts, and French wording."""

import datetime

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from passerelles.core.errors import ActionError
from passerelles.events import actions
from passerelles.events.forms import EventForm
from passerelles.events.models import AgendaItem, CalendarFeed, Registration
from passerelles.events.reminders import send_due_reminders
from passerelles.trust.forms import USEFULNESS
from tests.events.conftest import make_event, members

pytestmark = pytest.mark.django_db

SITE = "https://passerelles.example.org"


def _agenda(title: str) -> dict:
    return {
        "agenda-TOTAL_FORMS": "1",
        "agenda-INITIAL_FORMS": "0",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
        "agenda-0-at": "19:00",
        "agenda-0-minutes": "15",
        "agenda-0-title": title,
        "agenda-0-template": "",
        "agenda-0-prompt": "Qu'attendez-vous de ce soir ?",
    }


def test_agenda_of_a_cancelled_event_is_not_half_saved(client, alice, event):
    actions.do_cancel_event(event, acting_user=alice)
    client.force_login(alice)
    response = client.post(reverse("events:agenda", args=[event.pk]), _agenda("Accueil"))
    assert response.status_code == 302
    assert not AgendaItem.objects.filter(event=event).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Cet événement est annulé." in messages


def test_agenda_rolls_back_when_the_event_update_fails(alice, event, monkeypatch):
    from passerelles.events.forms import AgendaFormSet

    formset = AgendaFormSet(
        _agenda("Accueil"), instance=event, prefix="agenda", form_kwargs={"axis": event.axis}
    )
    assert formset.is_valid()

    def refuse(*args):
        raise ActionError("refusé")

    monkeypatch.setattr(actions, "_update", refuse)
    with pytest.raises(ActionError):
        actions.do_save_agenda(event, formset, acting_user=alice)
    assert not AgendaItem.objects.filter(event=event).exists()


def test_check_in_redirect_escapes_the_search(client, alice, bob, event):
    registration = actions.do_register(event, acting_user=bob)
    client.force_login(alice)
    response = client.post(
        reverse("events:check_in", args=[event.pk, registration.pk]),
        {"present": "1", "q": "Dur & co#x?y=1"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?q=Dur+%26+co%23x%3Fy%3D1#r{registration.pk}")
    followed = client.get(response["Location"])
    assert followed.context["q"].lower() == "dur & co#x?y=1"


@override_settings(SITE_URL=SITE + "/")
def test_promotion_after_an_edit_links_to_the_site(
    alice, club, event, django_capture_on_commit_callbacks
):
    event.capacity = 1
    event.save()
    seated, waiting = members(club, 2, "p")
    actions.do_register(event, acting_user=seated)
    actions.do_register(event, acting_user=waiting)
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_update_event(event, acting_user=alice, capacity=2)  # no request at hand
    assert mail.outbox[-1].to == [waiting.email]
    assert f"{SITE}/evenements/{event.pk}/" in mail.outbox[-1].body


@override_settings(SITE_URL=SITE)
def test_reminders_link_to_the_site(alice, club, bob):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(19, 0)))
    event = make_event(alice, club, starts_at=start)
    actions.do_register(event, acting_user=bob)
    assert send_due_reminders() == 1
    body = mail.outbox[-1].body
    assert f"{SITE}/evenements/mes-tables/" in body  # the personal link, absolute
    assert "a lieu le " in body


def test_circle_feed_token_of_a_deactivated_member_is_refused(client, bob, club):
    feed = CalendarFeed.objects.create(user=bob)
    url = reverse("events:circle_feed_token", args=[feed.token, club.slug])
    assert client.get(url).status_code == 200
    bob.is_active = False
    bob.save()
    assert client.get(url).status_code == 404
    assert client.get(reverse("events:feed", args=[feed.token])).status_code == 404


def test_french_wording(alice, bob, event):
    registration = Registration(event=event, user=bob)
    context = {"event": event, "registration": registration, "url": "", "tables_url": ""}
    cancelled = render_to_string("events/email/cancelled.txt", context)
    assert "prévu le " in cancelled
    reminder = render_to_string("events/email/reminder.txt", context)
    assert "a lieu le " in reminder
    start = timezone.localtime(event.starts_at)
    form = EventForm(
        {
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "registration_deadline": (start + datetime.timedelta(hours=1)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
        },
        circles=[event.host_circle],
    )
    form.is_valid()
    assert "La clôture des inscriptions doit précéder le début." in str(form.errors)
    labels = [str(label) for _value, label in USEFULNESS]
    assert labels == ["5 — très utile", "4 — utile", "3 — correcte", "2 — peu utile", "1 — inutile"]
