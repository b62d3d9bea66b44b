"""A signed-in member who meets a missing or refused page keeps the site's frame (the
navigation, the language menu, their own menu) to find their way back; a visitor gets the
public frame (the sign-in links). When that frame cannot be rendered the page still comes,
bare, with its status: never a 500 in place of a 404."""

import html
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.test import Client, override_settings
from django.urls import path

from passerelles.config.urls import handler400, handler403, handler404  # noqa: F401
from passerelles.config.urls import urlpatterns as site_urls


def _forbidden(request):
    raise PermissionDenied


urlpatterns = [path("interdit/", _forbidden), *site_urls]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

CASES = [("/nulle-part/", 404, "Cette page est introuvable"), ("/interdit/", 403, "Vous n")]


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(("url", "status", "heading"), CASES)
def test_a_member_keeps_the_navigation(alice, debug, url, status, heading):
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    with override_settings(DEBUG=debug):
        response = client.get(url)
    page = response.content.decode()
    assert response.status_code == status
    assert heading in page
    assert 'class="main-nav"' in page and "Annuaire" in page  # the members' navigation
    assert "Se déconnecter" in page and 'id="lang-select"' in page
    assert "Créer un compte" not in page


@pytest.mark.parametrize(("url", "status", "heading"), CASES)
def test_a_visitor_gets_the_public_frame(url, status, heading):
    response = Client(raise_request_exception=False).get(url)
    page = response.content.decode()
    assert response.status_code == status
    assert heading in page
    assert "Se connecter" in page and "Créer un compte" in page
    assert "Annuaire" not in page and "Se déconnecter" not in page


@pytest.mark.parametrize(("url", "status", "heading"), CASES)
def test_a_broken_frame_still_gives_the_page_not_a_500(alice, monkeypatch, url, status, heading):
    def unreachable(user):
        raise DatabaseError("connection lost")

    # The header's count of unread notices cannot be read.
    monkeypatch.setattr("passerelles.notifications.context_processors.unread_count", unreachable)
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    response = client.get(url)
    assert response.status_code == status
    assert heading in response.content.decode()
    assert "Revenir à l" in response.content.decode()


def test_the_403_page_offers_a_visitor_to_sign_in_and_come_back():
    page = Client(raise_request_exception=False).get("/interdit/").content.decode()
    assert "/compte/login/?next=/interdit/" in page
    assert "avec un autre compte" not in page


def test_a_member_refused_a_page_can_sign_in_with_another_account_and_come_back(alice):
    # Signed in, the 403's « Se connecter avec un autre compte » signs the member out and
    # opens the sign-in page that leads back here (a link to the sign-in page alone sent a
    # signed-in member straight back to the same refusal).
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    page = client.get("/interdit/").content.decode()
    assert "avec un autre compte" in page
    form = re.search(
        r'<form method="post" action="([^"]+)"[^>]*>.*?name="next" value="([^"]+)"', page, re.S
    )
    assert form is not None
    response = client.post(form.group(1), {"next": html.unescape(form.group(2))})
    assert response.status_code == 302
    assert response["Location"] == "/compte/login/?next=/interdit/"
    assert "_auth_user_id" not in client.session
