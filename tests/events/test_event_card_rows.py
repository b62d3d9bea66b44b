"""The events' cards (events list, home) are rendered in Python (``events.rows``): the
same HTML as the template they replaced, escaped, with the links right."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from passerelles.events.models import Event
from passerelles.events.queries import upcoming_for, with_seats
from passerelles.events.rows import event_cards
from tests.conftest import make_circle
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

# The template the cards replaced (events/_card.html), kept as the reference.
REFERENCE = Template(
    """{% load i18n %}{% for event in events %}<article class="card event-card">
  <p class="row small u-m-0-0-0_4"><span class="badge badge-axis-{{ event.axis }}">{{ event.get_axis_display }}</span> <span class="badge">{{ event.get_format_display }}</span>{% if event.mine %} <span class="badge badge-ok">{% translate "Mon inscription" %}</span>{% endif %}{% if event.is_cancelled %} <span class="badge badge-danger">{% translate "Annulé" %}</span>{% endif %}</p>
  <h{{ level|default:3 }} class="u-m-0_2-0"><a href="{{ event.get_absolute_url }}">{{ event.title }}</a></h{{ level|default:3 }}>
  <p class="muted small u-m-0">{{ event.starts_at|date:"l j F Y, H:i" }}{% if event.city %} · {{ event.city }}{% elif event.online_url %} · {% translate "en ligne" %}{% endif %}</p>
  <p class="small u-m-0_3-0-0">{% blocktranslate with circle=event.host_circle.name %}Organisé par {{ circle }}{% endblocktranslate %}{% if event.taken is not None %} · {% blocktranslate with taken=event.taken capacity=event.capacity %}{{ taken }}/{{ capacity }} places prises{% endblocktranslate %}{% endif %}</p>
</article>
{% endfor %}"""  # noqa: E501 (the template as it was)
)

HOSTILE = '<b>"Zoé" & l\'<script>alert(1)</script>'


def squeeze(html: str) -> str:
    return re.sub(r"\s+", " ", str(html)).strip()


def test_cards_render_what_the_template_did(alice, bob, club):
    hostile_circle = make_circle(alice, HOSTILE)
    soon = timezone.now() + datetime.timedelta(days=2)
    make_event(alice, hostile_circle, title=HOSTILE, city="Saint-Étienne <42>")
    online = make_event(
        alice, club, title="En visio", city="", online_url="https://example.org/v", starts_at=soon
    )
    make_event(alice, club, title="Sans lieu", city="", place="")
    first_of_month = datetime.datetime(2031, 3, 1, 19, 0, tzinfo=timezone.get_current_timezone())
    make_event(alice, club, title="Le premier", starts_at=first_of_month)  # « 1er mars »
    Event.objects.filter(pk=online.pk).update(cancelled_at=timezone.now())
    for language in ("fr", "en"):
        with translation.override(language):
            listed = list(with_seats(Event.objects.select_related("host_circle")).order_by("pk"))
            plain = list(Event.objects.select_related("host_circle").order_by("pk"))
            plain[0].mine = True  # as upcoming_for annotates it
            mine = upcoming_for(alice, limit=4)
            for events, level in ((listed, 2), (plain, 3), (mine, 3)):
                expected = REFERENCE.render(Context({"events": events, "level": level}))
                assert squeeze(event_cards(events, level=level)) == squeeze(expected)
    with translation.override("fr"):
        assert "samedi 1er mars 2031, 19:00" in event_cards(Event.objects.all())


def test_list_and_home_escape_titles_and_link_to_events(client, alice, club):
    event = make_event(alice, club, title=HOSTILE)
    client.force_login(alice)
    for url in (reverse("events:list"), reverse("pages:home")):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert f'href="{reverse("events:detail", args=[event.pk])}"' in html
