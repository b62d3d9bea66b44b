import pytest
from django.urls import reverse

from passerelles.events.models import PromptTemplate
from passerelles.events.prompts import DEFAULT_PROMPTS

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
