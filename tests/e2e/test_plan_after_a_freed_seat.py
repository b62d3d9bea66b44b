"""The table plan after a seat is freed: the organiser reads who left and who got the
place, remakes the plan with one button, and the promoted guest finds her tables."""

import datetime as dt

import pytest
from django.utils import timezone

from passerelles.events import actions, plans
from passerelles.events.models import Registration, TablePlan
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_freed_seat_after_the_plan(new_page, live_server):
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    club = make_circle(claire, "Club des Entrepreneurs de Lyon")
    event = make_event(claire, club, title="Speed meeting export", capacity=8)
    people = [make_user(f"p{i}@example.org", f"Prénom{i}", f"Nom{i}") for i in range(8)]
    anne = make_user("anne@example.org", "Anne", "Fleury")
    for person in [*people, anne]:
        admit(person, club)
        actions.do_register(event, acting_user=person)
    plans.do_generate_plan(event, acting_user=claire, table_size="4", rounds=2)
    TablePlan.objects.filter(event=event).update(
        generated_at=timezone.now() - dt.timedelta(hours=1)
    )
    julien = people[0]
    julien.first_name, julien.last_name = "Julien", "Moreau"
    julien.save()
    actions.do_cancel_registration(
        Registration.objects.get(event=event, user=julien), acting_user=julien
    )

    phone = new_page(width=390, height=844)
    login(phone, "anne@example.org")
    phone.goto(f"/evenements/{event.pk}/mes-tables/")
    phone.get_by_text("Le plan de table a été fait avant votre inscription").wait_for()
    screenshot(phone, "plan-freed-anne-before")

    page = new_page()
    login(page, "claire@example.org")
    page.goto(f"/evenements/{event.pk}/plan-de-table/")
    page.get_by_text("Le plan n'est plus à jour").wait_for()
    assert page.locator("#plan-changes").get_by_text("Anne Fleury").is_visible()
    assert page.locator("s", has_text="Julien Moreau").first.is_visible()
    screenshot(page, "plan-freed-organiser")
    page.get_by_role("button", name="Refaire le plan").click()
    page.get_by_text("Plan de table généré.").wait_for()
    assert page.locator("#plan-changes").count() == 0
    assert page.locator("s", has_text="Julien Moreau").count() == 0

    phone.reload()
    phone.get_by_text("Tour 1 : table").wait_for()
    screenshot(phone, "plan-freed-anne-after")
