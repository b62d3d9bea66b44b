"""The sign-in, sign-up and password-reset pages speak the product's French and English:
the header's own words (« Se connecter », « Créer un compte »), « Adresse e-mail » as on
every other page (allauth's French said « Courriel »), and no allauth phrasing left over."""

import html
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user

pytestmark = pytest.mark.django_db

FRENCH = {
    "/compte/login/": ["Se connecter", "Adresse e-mail\u00a0:", "Rester connecté sur cet appareil"],
    "/compte/signup/": ["Créer un compte", "Adresse e-mail\u00a0:", "Créer mon compte"],
    "/compte/password/reset/": ["Mot de passe oublié", "Adresse e-mail\u00a0:", "Recevoir le lien"],
}
ENGLISH = {
    "/compte/login/": ["Log in", "Email address:", "Stay logged in on this device"],
    "/compte/signup/": ["Create an account", "Email address:", "Create my account"],
    "/compte/password/reset/": ["Forgotten password", "Email address:", "Send me the link"],
}
ALLAUTH = ["Courriel", "Connexion</", "Création de compte", "Vous pouvez donc", "Réinitialisation"]
ALLAUTH_EN = ["Sign In", "Sign Up", "Signup", "Reset My Password", "Email:"]


def _page(url: str, language: str) -> str:
    client = Client()
    client.cookies["django_language"] = language
    return client.get(url).content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize("url", FRENCH)
def test_entrance_pages_in_french(url):
    page = _page(url, "fr")
    for words in FRENCH[url]:
        assert words in page, words
    for words in ALLAUTH:
        assert words not in page, words


@pytest.mark.parametrize("url", ENGLISH)
def test_entrance_pages_in_english(url):
    page = _page(url, "en")
    for words in ENGLISH[url]:
        assert words in page, words
    for words in ALLAUTH_EN:
        assert words not in page, words


def test_each_entrance_page_leads_to_the_other():
    assert 'href="/compte/signup/"' in _page("/compte/login/", "fr")
    assert 'href="/compte/login/"' in _page("/compte/signup/", "fr")


def test_the_reset_request_says_what_happens_next(client):
    make_user("julien@example.org", "Julien", "Moreau")
    response = client.post("/compte/password/reset/", {"email": "julien@example.org"}, follow=True)
    page = response.content.decode().replace("&#x27;", "'")
    assert "Regardez vos e-mails" in page
    assert "courriers indésirables" in page


def test_signing_in_still_works_with_the_relabelled_form(client):
    make_user("julien@example.org", "Julien", "Moreau")
    response = client.post(
        "/compte/login/",
        {"login": "julien@example.org", "password": "motdepasse-solide-42", "remember": "on"},
    )
    assert response.status_code == 302
    assert client.get("/accueil/").status_code == 200


def test_after_sign_up_the_page_says_how_to_get_another_email(client, mailoutbox):
    response = client.post(
        "/compte/signup/",
        {
            "first_name": "Nadia",
            "last_name": "Roux",
            "email": "nadia@example.org",
            "password1": "un-mot-de-passe-solide-7",
            "password2": "un-mot-de-passe-solide-7",
        },
        follow=True,
    )
    page = response.content.decode().replace("&#x27;", "'")
    assert "Confirmez votre adresse e-mail" in page
    assert "connectez-vous avec cette adresse" in page and "Merci de nous contacter" not in page
    assert len(mailoutbox) == 1
    # What the page promises: a few minutes later (allauth sends one e-mail per address
    # every 3 minutes at most), signing in before confirming sends a new one.
    cache.clear()
    Client().post(
        "/compte/login/", {"login": "nadia@example.org", "password": "un-mot-de-passe-solide-7"}
    )
    assert len(mailoutbox) == 2


RESERVED = "Cette page est réservée aux membres"


def test_a_visitor_sent_to_sign_in_is_told_why(client):
    response = client.get("/tableaux-de-bord/plateforme/", follow=True)
    page = response.content.decode()
    assert response.redirect_chain and "/compte/login/" in response.redirect_chain[-1][0]
    assert RESERVED in page
    assert RESERVED not in _page("/compte/login/", "fr")
    # A wrong password keeps the reason in view (the form posts without the query string).
    response = client.post(
        "/compte/login/",
        {
            "login": "nobody@example.org",
            "password": "faux",
            "next": "/tableaux-de-bord/plateforme/",
            "membres": "1",
        },
    )
    assert RESERVED in response.content.decode()


def test_a_public_pages_sign_in_link_does_not_say_the_page_is_reserved(client, alumni):
    """A listed circle's page is public: its « Se connecter » leads to the sign-in page
    with ?next=, which must not claim that page is for members only."""
    circle_page = client.get(reverse("circles:detail", args=[alumni.slug])).content.decode()
    match = re.search(r'href="(/compte/login/\?next=[^"]+)"', circle_page)
    assert match, "the listed circle's page links to sign-in"
    page = client.get(html.unescape(match.group(1))).content.decode()
    assert 'name="next"' in page  # the way back is kept
    assert RESERVED not in page


def test_a_fields_error_shows_under_its_own_label(client):
    """« Ce mot de passe est trop court » came above « Mot de passe », just under the
    e-mail address, and read as the address's error."""
    page = client.post(
        "/compte/signup/",
        {
            "first_name": "Léa",
            "last_name": "Roux",
            "email": "lea@example.org",
            "password1": "azerty",
            "password2": "azerty",
        },
    ).content.decode()
    email_input = page.index('id="id_email"')
    label = page.index('for="id_password1"')
    error = page.index("trop court")
    field = page.index('id="id_password1"')
    assert email_input < label < error < field


def test_an_expired_confirmation_link_says_how_to_get_a_new_one(client):
    page = client.get("/compte/confirm-email/plus-valable/").content.decode()
    page = page.replace("&#x27;", "'")
    assert "Ce lien de confirmation a expiré ou a déjà servi" in page
    assert 'href="/compte/login/"' in page
    assert "issue a new email confirmation request" not in page
    client.cookies["django_language"] = "en"
    english = client.get("/compte/confirm-email/plus-valable/").content.decode()
    assert "This confirmation link has expired" in english
    assert "Confirm your email address" in english


def test_changing_ones_password_shows_errors_under_their_field(client):
    make_user("julien@example.org", "Julien", "Moreau")
    client.login(email="julien@example.org", password="motdepasse-solide-42")
    page = client.post(
        "/compte/password/change/",
        {"oldpassword": "faux", "password1": "azerty", "password2": "azerty"},
    ).content.decode()
    assert (
        page.index('for="id_oldpassword"')
        < page.index('class="errorlist')
        < page.index('id="id_oldpassword"')
    )
