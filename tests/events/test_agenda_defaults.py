"""A new speed meeting's programme starts from a sensible shape (welcome, the rounds with
a question of the event's axis, free exchanges) that saves as it is; the sequence's name
is labelled as the required title; stock questions are grouped by axis, the event's first."""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.events.models import AgendaItem, EventFormat
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def _evening():
    """Next week at 18:30, the reader's time: the programme (welcome, four rounds, close)
    then ends before midnight, whatever the hour the test runs."""
    moment = timezone.localtime() + datetime.timedelta(days=7)
    return moment.replace(hour=18, minute=30, second=0, microsecond=0)


class _Fields(HTMLParser):
    """What a browser would send back of the page's agenda form, untouched."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self.optgroups: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name") or ""
        if tag == "input" and name and a.get("type") not in ("submit", "checkbox"):
            self.data[name] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = ""
        elif tag == "select":
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value") or ""
        elif tag == "optgroup" and self._select == "agenda-0-template":
            self.optgroups.append(a.get("label") or "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def _form(client, event) -> tuple[str, _Fields]:
    page = client.get(reverse("events:agenda", args=[event.pk])).content.decode()
    parser = _Fields()
    parser.feed(page)
    return page, parser


def test_new_speed_meeting_programme_is_prefilled_and_saves_as_is(client, alice, club):
    event = make_event(
        alice, club, starts_at=_evening(), axis="societe", format=EventFormat.SPEED_MEETING
    )
    client.force_login(alice)
    page, form = _form(client, event)
    assert "Intitulé de la séquence (obligatoire)" in page
    assert form.data["agenda-TOTAL_FORMS"] == "6"
    response = client.post(reverse("events:agenda", args=[event.pk]), form.data)
    assert response.status_code == 302
    items = list(AgendaItem.objects.filter(event=event).order_by("at", "position", "pk"))
    assert [i.title for i in items] == [
        "Accueil et café",
        "Tour 1",
        "Tour 2",
        "Tour 3",
        "Tour 4",
        "Échanges libres et conclusion",
    ]
    start = event.starts_at.astimezone().strftime("%H:%M")
    assert items[0].at.strftime("%H:%M") == start
    assert all(i.prompt for i in items[1:5]) and not items[0].prompt
    assert items[1].prompt == "Quel projet collectif de votre territoire mériterait plus de bras ?"


def test_programme_with_moments_is_not_prefilled_again(client, alice, club):
    event = make_event(alice, club, starts_at=_evening(), format=EventFormat.SPEED_MEETING)
    client.force_login(alice)
    _page, form = _form(client, event)
    client.post(reverse("events:agenda", args=[event.pk]), form.data)
    _page, again = _form(client, event)
    assert again.data["agenda-INITIAL_FORMS"] == "6"
    assert AgendaItem.objects.filter(event=event).count() == 6


def test_stock_questions_grouped_by_axis_event_axis_first(client, alice, club):
    event = make_event(
        alice, club, starts_at=_evening(), axis="savoir", format=EventFormat.SPEED_MEETING
    )
    client.force_login(alice)
    _page, form = _form(client, event)
    assert len(form.optgroups) == 4
    assert form.optgroups[0] == event.get_axis_display()


def test_refused_programme_says_so_at_the_top(client, alice, club):
    event = make_event(alice, club, starts_at=_evening(), format=EventFormat.SPEED_MEETING)
    client.force_login(alice)
    _page, form = _form(client, event)
    form.data["agenda-1-title"] = ""
    page = client.post(reverse("events:agenda", args=[event.pk]), form.data).content.decode()
    assert "Rien n'est enregistré : corrigez ce qui est signalé ci-dessous." in page
