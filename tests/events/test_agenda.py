import datetime
import random

import pytest
from django.urls import reverse
from django.utils import timezone

from passerelles.events.forms import AgendaFormSet
from passerelles.events.models import AgendaItem, PromptTemplate, agenda_in_order, agenda_moment
from passerelles.events.prompts import DEFAULT_PROMPTS
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def _formset(**rows):
    data = {
        "agenda-TOTAL_FORMS": "2",
        "agenda-INITIAL_FORMS": "0",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
    }
    data.update(rows)
    return data


def test_default_prompts_cover_every_axis():
    assert set(DEFAULT_PROMPTS) == {"monde", "soi", "societe", "savoir"}
    assert "Une erreur qui vous a appris quelque chose" in DEFAULT_PROMPTS["savoir"]


def test_pick_a_template_then_edit(client, alice, event):
    PromptTemplate.objects.create(axis="societe", text="Quel projet collectif ?")
    client.force_login(alice)
    page = client.get(reverse("events:agenda", args=[event.pk])).content.decode()
    assert "Quel projet collectif ?" in page
    response = client.post(
        reverse("events:agenda", args=[event.pk]),
        _formset(
            **{
                "agenda-0-at": "19:00",
                "agenda-0-minutes": "15",
                "agenda-0-title": "Accueil",
                "agenda-0-template": "Quel projet collectif ?",
                "agenda-0-prompt": "",
                "agenda-1-at": "19:15",
                "agenda-1-minutes": "20",
                "agenda-1-title": "Tour 1",
                "agenda-1-template": "Quel projet collectif ?",
                "agenda-1-prompt": "Quel projet collectif pour Lyon ?",
            }
        ),
    )
    assert response.status_code == 302
    items = list(event.agenda.all())
    assert [i.prompt for i in items] == [
        "Quel projet collectif ?",
        "Quel projet collectif pour Lyon ?",
    ]
    event.refresh_from_db()
    assert event.sequence == 1
    detail = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "Quel projet collectif pour Lyon ?" in detail


def _programme(event, times_and_titles):
    for position, (at, title) in enumerate(times_and_titles):
        AgendaItem.objects.create(
            event=event, position=position, at=datetime.time.fromisoformat(at), title=title
        )


def test_the_edit_form_lists_the_programme_in_the_evenings_order(client, alice, club):
    # starts at 00:30: the 23:45 welcome is on the day before, first on the programme page
    day = (timezone.localtime() + datetime.timedelta(days=2)).date()
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(0, 30)))
    event = make_event(alice, club, starts_at=start)
    _programme(event, [("01:30", "Conclusion"), ("23:45", "Accueil"), ("00:30", "Tour 1")])
    client.force_login(alice)
    page = client.get(reverse("events:agenda", args=[event.pk])).content.decode()
    titles = ["Accueil", "Tour 1", "Conclusion"]
    assert [page.index(f'value="{t}"') for t in titles] == sorted(
        page.index(f'value="{t}"') for t in titles
    )
    formset = AgendaFormSet(instance=event, prefix="agenda", form_kwargs={"axis": event.axis})
    assert [form.instance.title for form in formset.initial_forms] == titles
    assert [item.title for item in agenda_in_order(event)] == titles


@pytest.mark.parametrize("starts", ["00:30", "01:59", "02:00", "09:00", "19:00", "22:10", "23:59"])
def test_the_programme_order_is_the_order_of_its_moments(alice, club, starts):
    day = (timezone.localtime() + datetime.timedelta(days=3)).date()
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(starts)))
    event = make_event(alice, club, starts_at=start)
    times = [f"{h:02d}:{m:02d}" for h in range(24) for m in (0, 10, 29, 30, 59)]
    random.Random(starts).shuffle(times)
    _programme(event, [(at, at) for at in times])
    moments = sorted(
        AgendaItem.objects.filter(event=event),
        key=lambda item: (agenda_moment(event, item.at), item.position, item.pk),
    )
    formset = AgendaFormSet(instance=event, prefix="agenda", form_kwargs={"axis": event.axis})
    assert [form.instance.pk for form in formset.initial_forms] == [i.pk for i in moments]
    assert [item.pk for item in agenda_in_order(event)] == [i.pk for i in moments]


def test_a_programmes_question_is_quoted_the_way_of_the_readers_language(client, alice, event):
    AgendaItem.objects.create(
        event=event, at=datetime.time(19, 15), title="Tour 1", prompt="Quel projet collectif ?"
    )
    client.force_login(alice)
    url = reverse("events:detail", args=[event.pk])
    assert "« Quel projet collectif ? »" in client.get(url).content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(url).content.decode()
    assert "“Quel projet collectif ?”" in page
    assert "«" not in page


def test_built_in_questions_are_offered_and_copied_in_the_readers_language(client, alice, event):
    PromptTemplate.objects.create(axis="societe", text="Notre question maison ?")
    client.force_login(alice)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    url = reverse("events:agenda", args=[event.pk])
    page = client.get(url).content.decode()
    english = "Which collective project in your area deserves more helping hands?"
    assert english in page
    assert "Quel projet collectif de votre territoire" not in page
    assert "Notre question maison ?" in page  # an organiser's own, as written
    response = client.post(
        url,
        _formset(
            **{
                "agenda-TOTAL_FORMS": "1",
                "agenda-0-at": "19:00",
                "agenda-0-minutes": "15",
                "agenda-0-title": "Welcome",
                "agenda-0-template": english,
                "agenda-0-prompt": "",
            }
        ),
    )
    assert response.status_code == 302
    assert [i.prompt for i in event.agenda.all()] == [english]
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert "Quel projet collectif de votre territoire" in client.get(url).content.decode()
