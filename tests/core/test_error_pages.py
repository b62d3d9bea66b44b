"""Error pages speak the product's language and look, in production and in the demo."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import path

from passerelles.config.urls import handler400, handler403, handler404  # noqa: F401
from passerelles.config.urls import urlpatterns as site_urls


def _forbidden(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("interdit/", _forbidden), path("casse/", _broken), *site_urls]


@pytest.fixture
def client_no_raise():
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.urls(__name__)
@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    ("url", "status", "fr", "en"),
    [
        ("/nulle-part/", 404, "Cette page est introuvable", "This page cannot be found"),
        ("/interdit/", 403, "Vous n'avez pas accès à cette page", "You do not have access"),
        ("/casse/", 500, "Un problème est survenu de notre côté", "Something went wrong"),
    ],
)
def test_error_pages_in_the_readers_language(client_no_raise, debug, url, status, fr, en):
    with override_settings(DEBUG=debug):
        french = client_no_raise.get(url)
        client_no_raise.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        english = client_no_raise.get(url)
    assert french.status_code == english.status_code == status
    assert fr in french.content.decode().replace("&#x27;", "'")
    assert en in english.content.decode().replace("&#x27;", "'")
    assert b"Traceback" not in french.content
    assert b"site-header" in french.content  # the product's look, not Django's page


@pytest.mark.django_db
def test_api_errors_stay_json(client):
    with override_settings(DEBUG=True):
        response = client.get("/api/circles/nulle-part")
    assert response.status_code in (401, 403, 404)
    assert response["Content-Type"].startswith("application/json")
