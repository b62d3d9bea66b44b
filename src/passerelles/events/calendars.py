"""iCalendar files: one per event, a personal feed, a circle feed.

Each event keeps the UID ``event-<id>@passerelles``; its SEQUENCE grows with every change
and a cancelled event is sent with STATUS:CANCELLED, so calendar apps update in place.
"""

from collections.abc import Iterable, Sequence

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as ICalEvent

from passerelles.events.models import AgendaItem, Event, agendas_in_order

PRODID = "-//Passerelles//Evenements//FR"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    return calendar


def programme_lines(agenda: Sequence[AgendaItem]) -> list[str]:
    """The programme as a calendar's description shows it: « 23:00 Accueil et café (15 min) »,
    one moment a line, in the evening's order."""
    if not agenda:
        return []
    lines = ["", _("Programme :")]
    for item in agenda:
        lines.append(f"{item.at:%H:%M} {item.title} ({item.minutes} min)")
        if item.prompt:
            lines.append("  " + _("« %(text)s »") % {"text": item.prompt})
    return lines


def ical_event(event: Event, base_url: str = "", agenda: Sequence[AgendaItem] = ()) -> ICalEvent:
    item = ICalEvent()
    item.add("uid", event.uid)
    item.add("sequence", event.sequence)
    item.add("dtstamp", event.updated_at or timezone.now())
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    lines = [event.get_axis_display(), event.get_format_display()]
    if event.topic:
        lines.append(event.topic)
    if event.description:
        lines += ["", event.description]
    lines += programme_lines(agenda)
    item.add("description", "\n".join(str(line) for line in lines))
    location = ", ".join(p for p in (event.place, event.city) if p) or event.online_url
    if location:
        item.add("location", location)
    url = f"{base_url}{event.get_absolute_url()}"
    item.add("url", url)
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return item


def events_calendar(events: Iterable[Event], name: str, base_url: str = "") -> bytes:
    calendar = _calendar(name)
    events = list(events)
    agendas = agendas_in_order(events)
    for event in events:
        calendar.add_component(ical_event(event, base_url, agendas[event.pk]))
    return calendar.to_ical()


def event_calendar(event: Event, base_url: str = "") -> bytes:
    return events_calendar([event], event.title, base_url)
