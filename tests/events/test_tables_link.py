"""A participant opens their own tables from a personal signed link, without signing in."""

import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import resolve, reverse

from passerelles.events import actions, links, plans
from passerelles.events.models import TablePlan
from passerelles.events.reminders import send_due_reminders
from tests.events.conftest import members

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned_event(client, event, club, alice):
    event.capacity = 20
    event.save()
    for person in members(club, 8):
        actions.do_register(event, acting_user=person)
    client.force_login(alice)
    client.post(reverse("events:plan", args=[event.pk]), {"table_size": "4", "rounds": "2"})
    client.logout()
    return event


def seated(event):
    plan = TablePlan.objects.get(event=event)
    return [event.registrations.get(user_id=pk) for pk in plan.participants]


def test_the_link_shows_that_participant_s_tables_without_signing_in(planned_event):
    first, second = seated(planned_event)[:2]
    page = Client().get(links.tables_path(first))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Tour 1 : table" in body and "Tour 2 : table" in body
    assert page["Referrer-Policy"] == "no-referrer"
    plan = TablePlan.objects.get(event=planned_event)
    assert page.context["seats"] == plans.seats_of(plan, first.user)  # theirs only
    assert page.context["seats"] != plans.seats_of(plan, second.user)
    assert page.wsgi_request.user.is_anonymous  # nobody got signed in


def test_a_forged_or_altered_link_is_a_404(planned_event):
    registration = seated(planned_event)[0]
    token = links.tables_token(registration)
    forged = reverse("events:my_tables_link", args=["n'importe-quoi"])
    assert Client().get(forged).status_code == 404
    payload, signed = token.split(":", 1)  # another registration under this signature
    other = signing.b64_encode(f"[{registration.pk + 1},1]".encode()).decode()
    altered = f"{other}:{signed}"
    assert payload != other
    assert Client().get(reverse("events:my_tables_link", args=[altered])).status_code == 404


def test_the_participant_revokes_the_link(client, planned_event):
    registration = seated(planned_event)[0]
    old = links.tables_path(registration)
    client.force_login(registration.user)
    page = client.get(reverse("events:my_tables", args=[planned_event.pk]))
    shown = re.search(r"/evenements/mes-tables/([^/\s\"]+)/", page.content.decode()).group(1)
    assert links.registration_from_token(shown) == registration  # shown to them, signed in
    response = client.post(reverse("events:revoke_tables_link", args=[planned_event.pk]))
    assert response.status_code == 302
    assert Client().get(old).status_code == 404
    registration.refresh_from_db()
    assert Client().get(links.tables_path(registration)).status_code == 200


def test_only_the_participant_revokes_their_own_link(client, planned_event, charlie):
    registration = seated(planned_event)[0]
    old = links.tables_path(registration)
    client.force_login(charlie)  # not registered
    response = client.post(reverse("events:revoke_tables_link", args=[planned_event.pk]))
    assert response.status_code == 404
    assert Client().get(old).status_code == 200


def test_giving_the_place_back_ends_the_link(planned_event):
    registration = seated(planned_event)[0]
    path = links.tables_path(registration)
    actions.do_cancel_registration(registration, acting_user=registration.user)
    assert Client().get(path).status_code == 404


def test_the_reminder_carries_the_personal_link(planned_event):
    from datetime import timedelta

    from django.utils import timezone

    planned_event.starts_at = timezone.now() + timedelta(hours=20)
    planned_event.save()
    send_due_reminders()
    registration = seated(planned_event)[0]
    message = next(m for m in mail.outbox if m.to == [registration.user.email])
    token = re.search(r"/evenements/mes-tables/([^/\s]+)/", message.body).group(1)
    assert links.registration_from_token(token) == registration


def test_the_printed_plan_carries_each_participant_s_link_as_a_qr_code(planned_event):
    from urllib.parse import urlsplit

    from passerelles.events.pdf import plan_pdf, tables_cards

    plan = TablePlan.objects.get(event=planned_event)
    registrations = seated(planned_event)
    cards = tables_cards(planned_event, plan)
    assert sorted(name for name, _url in cards) == sorted(
        r.user.display_name for r in registrations
    )
    for name, url in cards:  # each code opens that participant's own tables
        path = urlsplit(url).path
        assert Client().get(path).status_code == 200
        token = resolve(path).kwargs["token"]
        assert links.registration_from_token(token).user.display_name == name
    actions.do_cancel_registration(registrations[0], acting_user=registrations[0].user)
    assert len(tables_cards(planned_event, plan)) == len(cards) - 1  # no card for a gone place
    body = plan_pdf(planned_event, plan)
    assert body.count(b"/Subtype /Image") == len(cards) - 1
