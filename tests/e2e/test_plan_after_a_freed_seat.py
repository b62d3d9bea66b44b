"""The table plan after a seat is freed: the first on the waitlist takes it at the same
tables, finds them on her phone at once, and the organiser's plan stays current (she is
told who took whose seat); a seat nobody takes makes the plan « plus à jour », the
organiser is told once and remakes it with one button."""

import datetime as dt

import pytest
from django.utils import timezone

from passerelles.events import actions, plans
from passerelles.events.models import Registration, TablePlan
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot
from tests.events.conftest import make_event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _leave(event, user):
    actions.do_cancel_registration(
        Registration.objects.get(event=event, user=user), acting_user=user
    )


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
    _leave(event, julien)

    phone = new_page(width=390, height=844)
    login(phone, "anne@example.org")
    phone.goto(f"/evenements/{event.pk}/mes-tables/")
    phone.get_by_text("Tour 1 : table").wait_for()
    assert phone.get_by_text("Le plan de table a été fait avant votre inscription").count() == 0
    screenshot(phone, "plan-freed-anne-seated")

    page = new_page()
    login(page, "claire@example.org")
    page.goto("/notifications/")
    page.get_by_text("Anne Fleury prend la place de Julien Moreau").wait_for()
    screenshot(page, "plan-freed-organiser-told")
    page.goto(f"/evenements/{event.pk}/plan-de-table/")
    page.get_by_role("heading", name="Tour 1").wait_for()
    assert page.locator("#plan-changes").count() == 0
    assert page.get_by_text("Julien Moreau").count() == 0
    assert page.locator(".plan-round").get_by_text("Anne Fleury").first.is_visible()
    screenshot(page, "plan-freed-organiser-current")

    _leave(event, people[1])  # nobody waits now: the seat stays empty
    page.goto("/notifications/")
    page.get_by_text("reste vide : refaites le plan de table").wait_for()
    page.get_by_text("reste vide : refaites le plan de table").click()
    page.get_by_text("Le plan n'est plus à jour").wait_for()
    assert page.locator("s", has_text="Prénom1 Nom1").first.is_visible()
    screenshot(page, "plan-freed-organiser-stale")
    page.get_by_role("button", name="Refaire le plan").click()
    page.get_by_text("Plan de table généré.").wait_for()
    assert page.locator("#plan-changes").count() == 0
