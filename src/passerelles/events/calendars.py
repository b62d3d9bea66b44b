"""iCalendar files: one per event, a personal feed, a circle feed.

Each event keeps the UID ``event-<id>@passerelles``; its SEQUENCE grows with every change
and a cancelled event is sent with STATUS:CANCELLED, so calendar apps update in place.
"""

from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as ICalEvent

from passerelles.events.models import Event

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


def ical_event(event: Event, base_url: str = "") -> ICalEvent:
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
    for event in events:
        calendar.add_component(ical_event(event, base_url))
    return calendar.to_ical()


def event_calendar(event: Event, base_url: str = "") -> bytes:
    return events_calendar([event], event.title, base_url)
