"""Recognising a circle through its page and through the Django admin: operators only,
POST with CSRF, a message in French and English; what each viewer of the page sees."""

import pytest

from passerelles.circles import actions
from passerelles.circles.models import Circle
from passerelles.core.models import AuditEntry
from tests.conftest import admit


@pytest.fixture
def newcomer_circle(charlie):
    """A circle charlie just created: not recognised."""
    return actions.do_create_circle(acting_user=charlie, name="Cercle de Charlie", kind="club")


def _recognise_url(circle):
    from django.urls import reverse

    return reverse("circles:recognise", args=[circle.slug])


@pytest.mark.parametrize("who", ["anonymous", "member", "owner", "operator"])
def test_the_recognise_button_works_for_operators_only(
    client, who, newcomer_circle, bob, charlie, operator
):
    admit(bob, newcomer_circle)
    user = {"anonymous": None, "member": bob, "owner": charlie, "operator": operator}[who]
    if user is not None:
        client.force_login(user)
    response = client.post(_recognise_url(newcomer_circle), follow=who == "operator")
    recognised = Circle.objects.get(pk=newcomer_circle.pk).recognised
    if who == "operator":
        assert recognised is True
        assert "est reconnu par la plateforme" in response.text
        return
    assert recognised is False
    if who == "anonymous":
        assert response.status_code == 302 and "/login" in response["Location"]
    else:
        assert response.status_code == 404


def test_the_recognise_view_takes_posts_only(client, newcomer_circle, operator):
    client.force_login(operator)
    assert client.get(_recognise_url(newcomer_circle)).status_code == 405


def test_the_recognise_view_checks_csrf(newcomer_circle, operator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(operator)
    assert client.post(_recognise_url(newcomer_circle)).status_code == 403
    assert Circle.objects.get(pk=newcomer_circle.pk).recognised is False


def test_an_operator_withdraws_with_a_message_in_english(client, club, operator):
    client.force_login(operator)
    client.cookies["django_language"] = "en"
    response = client.post(_recognise_url(club), {"withdraw": "1"}, follow=True)
    assert Circle.objects.get(pk=club.pk).recognised is False
    assert "no longer recognises" in response.text


def test_the_page_shows_each_viewer_what_concerns_them(
    client, newcomer_circle, charlie, bob, operator
):
    admit(bob, newcomer_circle)
    url = newcomer_circle.get_absolute_url()
    client.force_login(charlie)
    page = client.get(url).text
    assert "ne sert de point d'ancrage" in page  # the organiser is told why
    assert "Reconnaître ce cercle" not in page
    client.force_login(bob)
    page = client.get(url).text
    assert "ne sert de point d'ancrage" not in page
    assert "Reconnu par la plateforme" not in page
    client.force_login(operator)
    assert "Reconnaître ce cercle" in client.get(url).text
    client.post(_recognise_url(newcomer_circle))
    client.force_login(bob)
    assert "Reconnu par la plateforme" in client.get(url).text


def test_the_django_admin_lists_circles_awaiting_recognition_and_recognises_them(
    client, club, newcomer_circle, operator
):
    from django.urls import reverse

    operator.is_superuser = True
    operator.save(update_fields=["is_superuser"])
    client.force_login(operator)
    changelist = reverse("admin:circles_circle_changelist")
    page = client.get(changelist, {"recognised__exact": "0"}).text
    assert newcomer_circle.name in page and club.name not in page
    client.post(
        changelist,
        {"action": "recognise", "_selected_action": [newcomer_circle.pk]},
    )
    assert Circle.objects.get(pk=newcomer_circle.pk).recognised is True
    assert AuditEntry.objects.filter(
        verb="circle.recognised", circle_id=newcomer_circle.pk, acting_user=operator
    ).exists()
