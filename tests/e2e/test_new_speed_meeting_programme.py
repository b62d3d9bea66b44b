"""A new speed meeting's programme, in Chromium: it opens prefilled (welcome, four rounds
with a question of the event's axis, free exchanges) and saves without a single edit."""

import datetime

import pytest
from django.utils import timezone

from passerelles.events.models import AgendaItem, PromptTemplate
from passerelles.events.prompts import DEFAULT_PROMPTS
from tests.conftest import make_circle, make_user
from tests.e2e.conftest import login, screenshot
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_programme_saves_as_proposed(new_page, live_server):
    # The stock questions a migration writes: an earlier test of the suite run in a
    # transaction empties the tables it leaves.
    for axis, texts in DEFAULT_PROMPTS.items():
        for position, text in enumerate(texts):
            PromptTemplate.objects.get_or_create(axis=axis, text=text, position=position)
    helene = make_user("helene@example.org", "Hélène", "Garnier")
    club = make_circle(helene, "Femmes Entrepreneures Loire-Atlantique")
    moment = timezone.localtime() + datetime.timedelta(days=7)
    evening = moment.replace(hour=18, minute=30, second=0, microsecond=0)  # ends before midnight
    event = make_event(
        helene, club, title="Speed meeting de l'Erdre", axis="societe", starts_at=evening
    )
    page = new_page()
    login(page, "helene@example.org")
    page.goto(f"/evenements/{event.pk}/programme/")
    assert page.locator("input[name=agenda-0-title]").input_value() == "Accueil et café"
    assert page.locator("input[name=agenda-4-title]").input_value() == "Tour 4"
    assert page.get_by_label("Intitulé de la séquence (obligatoire)").first.is_visible()
    first_group = page.locator("select[name=agenda-1-template] optgroup").first
    assert first_group.get_attribute("label") == "La transformation de la société"
    screenshot(page, "programme-prefilled")
    page.get_by_role("button", name="Enregistrer le programme").click()
    page.get_by_text("Programme enregistré.").wait_for()
    assert AgendaItem.objects.filter(event=event).count() == 6
    assert page.get_by_text("Quel projet collectif de votre territoire").first.is_visible()
