"""On the evening: each round's time and question in « Mes tables », a shortcut from the
home page while the event runs, and after-event forms only once it has started."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.events import actions, plans
from passerelles.events.models import AgendaItem, agenda_moment
from tests.events.conftest import make_event, members

pytestmark = pytest.mark.django_db


def _evening(alice, club, starts_at):
    event = make_event(alice, club, capacity=10, starts_at=starts_at)
    people = members(club, 6)
    for person in people:
        actions.do_register(event, acting_user=person)
    plans.do_generate_plan(event, acting_user=event.created_by, table_size="3", rounds=2)
    return event, people


def test_my_tables_give_each_rounds_time_and_question(client, alice, club):
    # an evening at 19:00 local time in two days: its agenda stays within one day whatever
    # the hour the test runs (an agenda item keeps a time of day only)
    day = timezone.localtime() + datetime.timedelta(days=2)
    start = day.replace(hour=19, minute=0, second=0, microsecond=0)
    event, people = _evening(alice, club, start)
    local = timezone.localtime(start)
    for position, (minutes, title, prompt) in enumerate(
        [(0, "Accueil", ""), (15, "Tour 1", "Une erreur qui vous a appris quelque chose"),
         (45, "Tour 2", "Le meilleur conseil reçu"), (75, "Conclusion", "")]
    ):  # fmt: skip
        at = (local + datetime.timedelta(minutes=minutes)).time()
        AgendaItem.objects.create(event=event, position=position, at=at, title=title, prompt=prompt)
    client.force_login(people[0])
    page = client.get(reverse("events:my_tables", args=[event.pk])).content.decode()
    first = (local + datetime.timedelta(minutes=15)).strftime("%H:%M")
    second = (local + datetime.timedelta(minutes=45)).strftime("%H:%M")
    assert page.index(first) < page.index("Tour 1 : table") < page.index(second)
    assert "« Une erreur qui vous a appris quelque chose »" in page.replace("&#x27;", "'")
    assert "« Le meilleur conseil reçu »" in page


def test_an_evening_past_midnight_keeps_its_programme_in_order(client, alice, club):
    # starts at 23:20: the second round (00:05) and the close (00:35) are on the next day
    day = timezone.localtime() + datetime.timedelta(days=2)
    start = day.replace(hour=23, minute=20, second=0, microsecond=0)
    event, people = _evening(alice, club, start)
    for position, (minutes, title, prompt) in enumerate(
        [(-30, "Portes ouvertes", ""), (0, "Accueil", ""), (15, "Tour 1", "Premier sujet"),
         (45, "Tour 2", "Second sujet"), (75, "Conclusion", "")]
    ):  # fmt: skip
        at = (start + datetime.timedelta(minutes=minutes)).time()
        AgendaItem.objects.create(event=event, position=position, at=at, title=title, prompt=prompt)
    client.force_login(people[0])
    tables = client.get(reverse("events:my_tables", args=[event.pk])).content.decode()
    assert tables.index("23:35") < tables.index("Tour 1 : table") < tables.index("00:05")
    assert tables.index("Premier sujet") < tables.index("Second sujet")
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    seen = page[page.index('id="agenda-title"') :]
    titles = ["Portes ouvertes", "Accueil", "Tour 1", "Tour 2", "Conclusion"]
    assert [seen.index(t) for t in titles] == sorted(seen.index(t) for t in titles)


@pytest.mark.parametrize(
    ("starts", "at", "days_after"),
    [("00:30", "23:45", -1), ("00:30", "01:15", 0), ("19:00", "18:30", 0),
     ("19:00", "16:59", 1), ("23:20", "00:05", 1), ("09:00", "18:00", 0)],
)  # fmt: skip
def test_a_programme_time_stands_for_the_moment_nearest_after_the_start(
    alice, club, starts, at, days_after
):
    day = (timezone.localtime() + datetime.timedelta(days=2)).date()
    hour, minute = map(int, starts.split(":"))
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    event = make_event(alice, club, capacity=10, starts_at=start)
    moment = agenda_moment(event, datetime.time.fromisoformat(at))
    assert moment.date() == day + datetime.timedelta(days=days_after)
    assert moment.strftime("%H:%M") == at


def test_my_tables_without_an_agenda_for_rounds_give_no_time(client, alice, club):
    event, people = _evening(alice, club, timezone.now() + datetime.timedelta(days=2))
    client.force_login(people[0])
    page = client.get(reverse("events:my_tables", args=[event.pk])).content.decode()
    assert "Tour 1 : table" in page and "<time" not in page and "La question" not in page


def test_home_offers_the_evenings_shortcut_only_around_the_event(client, alice, club):
    soon, people = _evening(alice, club, timezone.now() + datetime.timedelta(minutes=30))
    client.force_login(people[0])
    page = client.get(reverse("pages:home")).content.decode()
    assert "Tout à l'heure" in page
    assert reverse("events:my_tables", args=[soon.pk]) in page
    type(soon).objects.filter(pk=soon.pk).update(
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=3),
    )
    page = client.get(reverse("pages:home")).content.decode()
    assert reverse("events:my_tables", args=[soon.pk]) not in page


def test_after_event_forms_wait_for_the_start(client, alice, club):
    event, people = _evening(alice, club, timezone.now() + datetime.timedelta(days=2))
    client.force_login(people[0])
    page = client.get(reverse("events:debrief", args=[event.pk])).content.decode()
    assert "Ces formulaires s'ouvriront au début de l'événement" in page
    assert reverse("events:rate", args=[event.pk]) not in page
    type(event).objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    page = client.get(reverse("events:debrief", args=[event.pk])).content.decode()
    assert reverse("events:rate", args=[event.pk]) in page


def test_moving_an_event_moves_its_programme_and_tells_registrants(
    alice, club, mailoutbox, django_capture_on_commit_callbacks
):
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=10)).replace(
        hour=19, minute=0, second=0, microsecond=0
    )
    event, people = _evening(alice, club, start)
    AgendaItem.objects.create(event=event, position=0, at=datetime.time(19, 0), title="Accueil")
    AgendaItem.objects.create(event=event, position=1, at=datetime.time(19, 30), title="Tour 1")
    mailoutbox.clear()
    later = start + datetime.timedelta(days=1, minutes=90)
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_update_event(
            event, acting_user=alice, starts_at=later, ends_at=later + datetime.timedelta(hours=3)
        )
    times = list(event.agenda.order_by("position").values_list("at", flat=True))
    assert times == [datetime.time(20, 30), datetime.time(21, 0)]
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)
    assert "Nouvel horaire" in mailoutbox[0].subject
    assert "20:30" in mailoutbox[0].body and "19:00" in mailoutbox[0].body


def test_editing_an_event_without_moving_it_tells_nobody(
    alice, club, mailoutbox, django_capture_on_commit_callbacks
):
    event, _people = _evening(alice, club, timezone.now() + datetime.timedelta(days=10))
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_update_event(event, acting_user=alice, place="Salle des fêtes")
    assert mailoutbox == []
