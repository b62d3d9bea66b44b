"""Journey 5: a themed evening that mixes everyone.

An organiser creates a speed meeting on "la transformation de la société" with an agenda
and prompts, open to a bridged circle; registrations fill up and a waitlist forms; a
cancellation promotes the next person; on the evening the organiser checks people in,
generates the table plan for 4 rounds and prints it; each participant sees their table
on their phone; the next day they attest the meetings that mattered.
"""

import datetime
import re

import pytest
from django.utils import timezone

from passerelles.circles import actions as circle_actions
from passerelles.circles.models import CircleKind
from passerelles.events import actions
from passerelles.events.models import Event, PromptTemplate, Registration, TablePlan
from passerelles.events.prompts import DEFAULT_PROMPTS
from passerelles.trust.models import MeetingAttestation
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import assert_accessible, login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIRST = ["Amélie", "Bruno", "Chloé", "David", "Élodie", "Farid", "Gaëlle", "Hugo", "Inès"]
LAST = ["Bernard", "Lambert", "Moreau", "Garnier", "Faure", "Rousseau", "Blanc", "Henry"]


def test_themed_evening_that_mixes_everyone(new_page, live_server):
    for axis, texts in DEFAULT_PROMPTS.items():
        for position, text in enumerate(texts):
            PromptTemplate.objects.get_or_create(axis=axis, text=text, position=position)
    claire = make_user("claire@example.org", "Claire", "Lefèvre")
    dana = make_user("dana@example.org", "Dana", "Roux")
    club = make_circle(claire, "Club des Entrepreneurs de la Croix-Rousse", listed=False)
    alumni = make_circle(dana, "Anciens de l'École de Commerce", kind=CircleKind.ALUMNI)
    bridge = circle_actions.do_request_bridge(club, alumni, acting_user=claire)
    circle_actions.do_answer_bridge(bridge, acting_user=dana, accept=True)
    crowd = []
    for i in range(10):
        circle = club if i % 2 == 0 else alumni
        person = make_user(
            f"p{i}@example.org", FIRST[i % 9], LAST[i % 8] + ("" if i < 8 else "-Petit")
        )
        person.profile.organisation = f"Atelier {LAST[i % 8]}"
        person.profile.save()
        admit(person, circle)
        crowd.append(person)

    # The organiser creates the speed meeting, open to the bridged alumni association.
    page = new_page()
    login(page, claire.email)
    page.wait_for_url(re.compile(r"/accueil/"))
    page.goto("/evenements/")
    page.get_by_role("link", name="Créer un événement").click()
    start = timezone.localtime() + datetime.timedelta(days=5)
    page.fill("input[name=title]", "Speed meeting : agir ensemble pour le quartier")
    page.check("input[name=axis][value=societe]")
    page.fill("input[name=topic]", "Comment nos réseaux créent un impact collectif")
    page.select_option("select[name=format]", "speed_meeting")
    page.fill(
        "textarea[name=description]", "Quatre tours de tables, des voisins de cercles différents."
    )
    page.check("input[name=openness][value=bridged]")
    page.check(f"input[name=open_to][value='{alumni.pk}']")
    page.fill("input[name=place]", "Maison des associations, 28 rue Denfert-Rochereau")
    page.fill("input[name=city]", "Lyon")
    page.fill("input[name=starts_at]", f"{start:%Y-%m-%d}T19:00")
    page.fill("input[name=ends_at]", f"{start:%Y-%m-%d}T22:00")
    page.fill("input[name=capacity]", "9")
    page.fill("input[name=price_eur]", "10")
    page.get_by_role("button", name="Créer l'événement").click()
    page.wait_for_url(re.compile(r"/programme/"))
    event = Event.objects.get()

    # Its agenda, with a prompt picked from the axis templates and then adapted.
    page.fill("input[name=agenda-0-at]", "19:00")
    page.fill("input[name=agenda-0-title]", "Accueil et café")
    page.fill("input[name=agenda-1-at]", "19:20")
    page.fill("input[name=agenda-1-title]", "Tours de table")
    page.fill("input[name=agenda-1-minutes]", "80")
    page.select_option(
        "select[name=agenda-1-template]",
        "Quel projet collectif de votre territoire mériterait plus de bras ?",
    )
    prompt = page.locator("input[name=agenda-1-prompt]")
    assert prompt.input_value().startswith("Quel projet collectif")
    prompt.fill("Quel projet collectif de la Croix-Rousse mériterait plus de bras ?")
    page.fill("input[name=agenda-2-at]", "20:40")
    page.fill("input[name=agenda-2-title]", "Apéritif et suites à donner")
    page.get_by_role("button", name="Enregistrer le programme").click()
    page.wait_for_url(re.compile(rf"/evenements/{event.pk}/$"))
    assert page.get_by_text("de la Croix-Rousse mériterait plus de bras").is_visible()

    # Dana, from the bridged circle, registers in her browser; eight more follow.
    dana_page = new_page()
    login(dana_page, dana.email)
    dana_page.goto(f"/evenements/{event.pk}/")
    dana_page.get_by_role("button", name="S'inscrire").click()
    assert dana_page.get_by_text("Votre place est réservée").is_visible()
    for person in crowd[:8]:
        actions.do_register(event, acting_user=person)
    # The event is full: the next person joins the waitlist.
    late = crowd[8]
    late_page = new_page()
    login(late_page, late.email)
    late_page.goto(f"/evenements/{event.pk}/")
    late_page.get_by_role("button", name="Rejoindre la liste d'attente").click()
    assert late_page.get_by_text("attente : n° 1").is_visible()
    # Someone cancels: the first on the waitlist takes the seat.
    actions.do_cancel_registration(
        Registration.objects.get(event=event, user=crowd[3]), acting_user=crowd[3]
    )
    late_page.reload()
    assert late_page.get_by_text("Place réservée", exact=True).is_visible()
    # She is told: the header counts her notices, the newest says a place freed up.
    late_page.get_by_role("link", name=re.compile(r"^Notifications 2")).click()
    assert late_page.get_by_text(
        f"Une place s'est libérée pour vous à « {event.title} »"
    ).is_visible()
    assert_accessible(late_page)
    late_page.goto("/notifications/reglages/")
    assert late_page.get_by_role("group", name="Places libérées").is_visible()
    assert_accessible(late_page)
    page.goto(f"/evenements/{event.pk}/")
    screenshot(page, "event")

    # On the evening, the organiser checks people in.
    page.goto(f"/evenements/{event.pk}/participants/")
    page.get_by_role("button", name=f"Pointer {dana.get_full_name()}").click()
    page.wait_for_load_state()
    assert page.get_by_text(re.compile(r"Présent \(")).first.is_visible()
    for registration in Registration.objects.filter(event=event, status="registered"):
        if registration.user_id != dana.pk:
            actions.do_check_in(registration, acting_user=event.created_by)

    # The table plan for 4 rounds: nobody meets anyone twice, every table mixes circles.
    page.get_by_role("link", name="Plan de table").click()
    page.fill("input[name=table_size]", "3")
    page.fill("input[name=rounds]", "4")
    page.check("input[name=checked_in_only]")
    page.get_by_role("button", name="Générer le plan").click()
    assert page.get_by_text("Personne ne se rencontre deux fois.").is_visible()
    plan = TablePlan.objects.get(event=event)
    assert len(plan.tables) == 4 and len(plan.participants) == 9
    page.emulate_media(media="print")
    screenshot(page, "table-plan")
    page.emulate_media(media="screen")
    response = page.request.get(f"/evenements/{event.pk}/plan-de-table.pdf")
    assert response.body().startswith(b"%PDF-")

    # Each participant sees their tables on their phone.
    phone = new_page(width=390, height=844)
    login(phone, dana.email)
    phone.goto(f"/evenements/{event.pk}/mes-tables/")
    assert phone.get_by_text(re.compile(r"Tour 1 : table \d")).is_visible()
    assert phone.get_by_text(re.compile(r"Tour 4 : table \d")).is_visible()
    screenshot(phone, "my-tables-phone")

    # The next day, Dana attests a meeting that mattered.
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(
        starts_at=yesterday, ends_at=yesterday + datetime.timedelta(hours=3)
    )
    dana_page.goto(f"/evenements/{event.pk}/apres/")
    confirm = dana_page.get_by_role("button", name=re.compile(r"Confirmer la rencontre avec"))
    first_mate = confirm.first.get_attribute("aria-label").removeprefix(
        "Confirmer la rencontre avec "
    )
    dana_page.locator("select[name=usefulness]").first.select_option("5")
    confirm.first.click()
    assert dana_page.get_by_text(f"Rencontre avec {first_mate} confirmée.").is_visible()
    attestation = MeetingAttestation.objects.get(attester=dana)
    assert attestation.source == "event" and attestation.source_id == event.pk
    assert attestation.usefulness == 5
    dana_page.check("input[name=rating][value='5']")
    dana_page.fill("textarea[name=comment]", "Des rencontres que je n'aurais jamais faites.")
    dana_page.get_by_role("button", name="Envoyer mon avis").click()
    assert dana_page.get_by_text("Merci pour votre avis.").is_visible()
