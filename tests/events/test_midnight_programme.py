"""A speed meeting that starts at 23:00 Paris time, with its prefilled programme, runs past
midnight: every place that lists its moments (the programme editor, the event page, « Mes
tables », the printed plan, the calendar file) lists them in the evening's order, 23:00
first and 00:35 last, whatever the hour the test runs."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from passerelles.core.pdf import DocumentPDF
from passerelles.events import actions, plans
from passerelles.events.calendars import event_calendar
from passerelles.events.models import EventFormat
from passerelles.events.pdf import plan_pdf
from tests.events.conftest import make_event, members
from tests.events.test_agenda_defaults import _form

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
EVENING = ["23:00", "23:15", "23:35", "23:55", "00:15", "00:35"]
ROUNDS = ["23:15", "23:35", "23:55", "00:15"]


@pytest.fixture
def late_evening(alice, club):
    """A speed meeting in ten days at 23:00 Paris time, its prefilled programme saved as is."""
    day = timezone.localdate() + datetime.timedelta(days=10)
    start = datetime.datetime.combine(day, datetime.time(23, 0), tzinfo=PARIS)
    event = make_event(
        alice,
        club,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        format=EventFormat.SPEED_MEETING,
        capacity=20,
    )
    return event


def _save_prefilled(client, event):
    _page, form = _form(client, event)
    response = client.post(reverse("events:agenda", args=[event.pk]), form.data)
    assert response.status_code == 302


def _times(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html)


def test_the_prefilled_editor_lists_the_evening_in_order(client, alice, late_evening):
    client.force_login(alice)
    page, form = _form(client, late_evening)
    assert [form.data[f"agenda-{i}-at"] for i in range(6)] == EVENING


def test_saved_programme_in_the_evenings_order_in_the_editor_and_on_the_event_page(
    client, alice, late_evening
):
    client.force_login(alice)
    _save_prefilled(client, late_evening)
    _page, form = _form(client, late_evening)
    assert [form.data[f"agenda-{i}-at"] for i in range(6)] == EVENING
    detail = client.get(reverse("events:detail", args=[late_evening.pk])).content.decode()
    programme = detail[detail.index('id="agenda-title"') :]
    assert _times(programme, r"<li><strong>(\d\d:\d\d)</strong>") == EVENING


def _seated(late_evening, club):
    for person in members(club, 8, "n"):
        actions.do_register(late_evening, acting_user=person)
    owner = late_evening.created_by
    return plans.do_generate_plan(late_evening, acting_user=owner, table_size="4", rounds=4)


def test_my_tables_give_each_round_its_moment_on_the_right_day(client, alice, club, late_evening):
    client.force_login(alice)
    _save_prefilled(client, late_evening)
    plan = _seated(late_evening, club)
    guest = plan.participants[0]
    seats = plans.seats_of(plan, type(alice).objects.get(pk=guest))
    moments = [seat.starts_at.astimezone(PARIS) for seat in seats]
    assert [f"{m:%H:%M}" for m in moments] == ROUNDS
    assert moments == sorted(moments)
    assert moments[-1].date() == moments[0].date() + datetime.timedelta(days=1)
    client.force_login(type(alice).objects.get(pk=guest))
    page = client.get(reverse("events:my_tables", args=[late_evening.pk])).content.decode()
    assert _times(page, r'class="muted">(\d\d:\d\d)</time>') == ROUNDS


def test_the_printed_plan_heads_each_round_with_its_time(
    client, alice, club, late_evening, monkeypatch
):
    client.force_login(alice)
    _save_prefilled(client, late_evening)
    plan = _seated(late_evening, club)
    written = []
    original = DocumentPDF.write_line

    def write_line(self, value, *args, **kwargs):
        written.append(str(value))
        return original(self, value, *args, **kwargs)

    monkeypatch.setattr(DocumentPDF, "write_line", write_line)
    plan_pdf(late_evening, plan)
    headings = [line for line in written if line.startswith("Tour ")]
    assert headings == [f"Tour {n} - {at}" for n, at in enumerate(ROUNDS, start=1)]


def test_the_calendar_file_lists_the_programme_in_the_evenings_order(client, alice, late_evening):
    client.force_login(alice)
    _save_prefilled(client, late_evening)
    late_evening.refresh_from_db()
    calendar = Calendar.from_ical(event_calendar(late_evening))
    description = str(next(iter(calendar.walk("VEVENT")))["description"])
    assert re.findall(r"(?m)^(\d\d:\d\d) ", description) == EVENING
    assert "Programme :" in description
    with translation.override("en"):
        english = str(
            next(iter(Calendar.from_ical(event_calendar(late_evening)).walk("VEVENT")))[
                "description"
            ]
        )
    assert "Programme:" in english
    assert re.findall(r"(?m)^(\d\d:\d\d) ", english) == EVENING
