"""The main navigation marks « Annuaire » as the current page on the directory and on a
member's profile, not on one's own settings (profile form, data, API tokens), which the
profile menu opens."""

import re

import pytest

from tests.conftest import make_user

DIRECTORY = re.compile(r'<a href="/membres/"\s*aria-current="page">')


@pytest.mark.parametrize(
    ("url", "current"),
    [
        ("/membres/", True),
        ("/membres/moi/", False),
        ("/membres/moi/donnees/", False),
        ("/membres/moi/jetons/", False),
    ],
)
def test_the_directory_is_current_only_on_its_own_pages(client, db, url, current):
    make_user("julien@example.org", "Julien", "Moreau")
    client.login(email="julien@example.org", password="motdepasse-solide-42")
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert bool(DIRECTORY.search(page)) is current
