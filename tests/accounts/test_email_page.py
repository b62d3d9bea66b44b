"""The page to change one's e-mail address speaks the product's French and English
(allauth's own labels read « E-mail actuel: » and « Changer pour: »)."""

from django.utils import translation

from tests.conftest import make_user


def test_the_email_page_labels_read_well_in_french_and_english(client, db):
    make_user("julien@example.org", "Julien", "Moreau")
    client.login(email="julien@example.org", password="motdepasse-solide-42")
    page = client.get("/compte/email/").content.decode()
    assert "Adresse actuelle :" in page and "Nouvelle adresse :" in page
    assert "E-mail actuel:" not in page and "Changer pour:" not in page
    assert 'style="' not in page  # refused by the site's CSP
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    with translation.override("en"):
        page = client.get("/compte/email/").content.decode()
    assert "Current address:" in page and "New address:" in page
