import pytest
from django.urls import reverse

from passerelles.events import actions
from passerelles.events.models import TablePlan
from tests.events.conftest import members

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_event(event, club):
    event.capacity = 20
    event.save()
    for person in members(club, 12):
        actions.do_register(event, acting_user=person)
    return event


def test_generate_print_and_pdf(client, alice, full_event):
    client.force_login(alice)
    url = reverse("events:plan", args=[full_event.pk])
    page = client.get(url).content.decode()
    assert "Générer le plan" in page
    response = client.post(url, {"table_size": "3", "rounds": "3", "theme_0": "societe"})
    assert response.status_code == 302
    plan = TablePlan.objects.get(event=full_event)
    assert len(plan.tables) == 3
    page = client.get(url).content.decode()
    assert "Tour 3" in page and "Table 4" in page
    assert "Personne ne se rencontre deux fois." in page
    assert 'class="plan-round print-page"' in page
    pdf = client.get(reverse("events:plan_pdf", args=[full_event.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")


def test_replan_view(client, alice, full_event):
    client.force_login(alice)
    url = reverse("events:plan", args=[full_event.pk])
    client.post(url, {"table_size": "4", "rounds": "3"})
    response = client.post(url, {"replan": "1", "played_rounds": "1"})
    assert response.status_code == 302
    plan = TablePlan.objects.get(event=full_event)
    assert plan.version == 2 and plan.played_rounds == 1


def test_error_is_shown(client, alice, event):
    client.force_login(alice)
    response = client.post(
        reverse("events:plan", args=[event.pk]), {"table_size": "4", "rounds": "2"}, follow=True
    )
    assert "au moins deux participants" in response.content.decode()


def test_pdf_without_plan_redirects(client, alice, event):
    client.force_login(alice)
    response = client.get(reverse("events:plan_pdf", args=[event.pk]))
    assert response.status_code == 302


def test_my_tables(client, alice, full_event):
    client.force_login(alice)
    client.post(reverse("events:plan", args=[full_event.pk]), {"table_size": "4", "rounds": "2"})
    plan = TablePlan.objects.get(event=full_event)
    someone = full_event.registrations.get(user_id=plan.participants[0]).user
    client.force_login(someone)
    page = client.get(reverse("events:my_tables", args=[full_event.pk])).content.decode()
    assert "Tour 1 : table" in page and "Tour 2 : table" in page
    assert "avec" in page


def test_my_tables_before_the_plan(client, bob, event):
    client.force_login(bob)
    page = client.get(reverse("events:my_tables", args=[event.pk])).content.decode()
    assert "pas encore prêt" in page


def test_event_page_offers_my_tables_to_a_seated_participant_once_drawn(client, alice, full_event):
    someone = full_event.registrations.first().user
    client.force_login(someone)
    page_url = reverse("events:detail", args=[full_event.pk])
    my_tables = reverse("events:my_tables", args=[full_event.pk])
    assert my_tables not in client.get(page_url).content.decode()  # no plan yet
    TablePlan.objects.create(event=full_event)  # settings saved, tables not drawn
    assert my_tables not in client.get(page_url).content.decode()
    client.force_login(alice)
    client.post(reverse("events:plan", args=[full_event.pk]), {"table_size": "4", "rounds": "2"})
    assert my_tables not in client.get(page_url).content.decode()  # alice has no seat
    client.force_login(someone)
    assert my_tables in client.get(page_url).content.decode()
